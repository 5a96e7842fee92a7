/*
 * shim-fd-exec.c: close-on-exec across execve, after fork, posix_spawn and
 * clone(CLONE_FILES); the program runs itself again to say what survived
 * (one of the shim-fd programs: shim-fd.h).
 *
 *   shim-fd-exec                          the section
 *   shim-fd-exec exec-report LABEL=FD...  (run by it) what survived
 */
#include "shim-fd.h"

/* ---- close-on-exec across execve ---------------------------------- */

struct labelled {
    const char* label;
    long fd;
};

static long add_fd(struct labelled* l, int* n, const char* label, long fd) {
    CHECK(fd >= 0);
    l[*n] = (struct labelled){label, fd};
    (*n)++;
    return fd;
}

/* The descriptors of the exec section, each made its own way. */
static int make_exec_fds(struct labelled* l) {
    int n = 0, p[2], q[2];
    long a, b, t;

#define ADD(lab, expr) add_fd(l, &n, (lab), (expr))
    a = ADD("plain", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_read, a, &t, 2) == 2); /* its offset: 2 */
    b = ADD("O_CLOEXEC", S(SYS_open, "f", O_RDONLY | O_CLOEXEC));
    t = ADD("F_SETFD", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_fcntl, t, F_SETFD, FD_CLOEXEC) == 0);
    t = ADD("F_SETFD then cleared", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_fcntl, t, F_SETFD, FD_CLOEXEC) == 0 && S(SYS_fcntl, t, F_SETFD, 0) == 0);
    t = ADD("F_SETFD 0xff", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_fcntl, t, F_SETFD, 0xff) == 0);
    t = ADD("FIOCLEX", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_ioctl, t, FIOCLEX) == 0);
    t = ADD("O_CLOEXEC then FIONCLEX", S(SYS_open, "f", O_RDONLY | O_CLOEXEC));
    CHECK(S(SYS_ioctl, t, FIONCLEX) == 0);
    ADD("dup3 O_CLOEXEC", S(SYS_dup3, a, 50, O_CLOEXEC));
    ADD("dup3 0 of a cloexec fd", S(SYS_dup3, b, 51, 0));
    ADD("dup2 of a cloexec fd", S(SYS_dup2, b, 52));
    ADD("dup of a cloexec fd", S(SYS_dup, b));
    ADD("F_DUPFD_CLOEXEC", S(SYS_fcntl, a, F_DUPFD_CLOEXEC, 0));
    ADD("F_DUPFD of a cloexec fd", S(SYS_fcntl, b, F_DUPFD, 0));
    ADD("openat O_CLOEXEC", S(SYS_openat, AT_FDCWD, "f", O_RDONLY | O_CLOEXEC));
    ADD("creat", S(SYS_creat, "created", 0644));
    ADD("O_PATH", S(SYS_open, "f", O_PATH));
    ADD("O_PATH|O_CLOEXEC", S(SYS_open, "f", O_PATH | O_CLOEXEC));
    CHECK(S(SYS_pipe2, p, O_CLOEXEC) == 0);
    ADD("pipe2 O_CLOEXEC read end", p[0]);
    ADD("pipe2 O_CLOEXEC write end", p[1]);
    CHECK(S(SYS_pipe2, q, O_NONBLOCK) == 0);
    ADD("pipe2 O_NONBLOCK read end", q[0]);
    ADD("pipe2 O_NONBLOCK write end", q[1]);
    CHECK(S(SYS_write, q[1], "pipe", 4) == 4);
    /* a range made close-on-exec, a range closed */
    ADD("close_range CLOEXEC 1", S(SYS_dup2, a, 60));
    ADD("close_range CLOEXEC 2", S(SYS_dup2, a, 61));
    ADD("close_range CLOEXEC 3", S(SYS_dup3, a, 62, O_CLOEXEC));
    CHECK(S(SYS_close_range, 60, 62, CLOSE_RANGE_CLOEXEC) == 0);
    ADD("close_range CLOEXEC then F_SETFD 0", S(SYS_dup2, a, 63));
    CHECK(S(SYS_close_range, 63, 63, CLOSE_RANGE_CLOEXEC) == 0);
    CHECK(S(SYS_fcntl, 63, F_SETFD, 0) == 0);
    /* one the table does not know yet (made by a call the shim does not
     * implement) */
    t = ADD("eventfd made close-on-exec by close_range", syscall(SYS_eventfd2, 0, 0));
    CHECK(S(SYS_close_range, t, t, CLOSE_RANGE_CLOEXEC) == 0);
    ADD("closed by close_range", S(SYS_dup2, a, 64));
    CHECK(S(SYS_close_range, 64, 70, 0) == 0);
    ADD("high plain", S(SYS_dup2, a, 200));
    ADD("high cloexec", S(SYS_dup3, a, 201, O_CLOEXEC));
    /* made by calls the shim does not implement */
    ADD("eventfd", syscall(SYS_eventfd2, 0, 0));
    ADD("eventfd EFD_CLOEXEC", syscall(SYS_eventfd2, 0, 02000000));
    ADD("socket SOCK_CLOEXEC", socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
#undef ADD
    return n;
}

/* The arguments of "exec-report": LABEL=FD each. */
static char** report_argv(const struct labelled* l, int n) {
    char** argv = calloc((size_t)n + 3, sizeof(char*));

    CHECK(argv);
    argv[0] = g_argv0;
    argv[1] = (char*)(uintptr_t) "exec-report";
    for (int i = 0; i < n; i++) {
        CHECK(asprintf(&argv[i + 2], "%s=%ld", l[i].label, l[i].fd) > 0);
    }
    return argv;
}

static int exec_report(int argc, char** argv) {
    char buf[16];
    bool listed[256] = {false};

    printf("exec-report:\n");
    for (int i = 2; i < argc; i++) {
        char* eq = strrchr(argv[i], '=');
        int fd;

        CHECK(eq);
        *eq = '\0';
        fd = atoi(eq + 1);
        if (fd >= 0 && fd < 256)
            listed[fd] = true;
        fdstate(argv[i], fd);
        if (S(SYS_fcntl, fd, F_GETFD) >= 0 && !strcmp(argv[i], "plain")) {
            print_rc("  lseek(plain, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
            long n = print_rc("  read(plain)", S(SYS_read, fd, buf, sizeof(buf)));
            show_bytes("  read", buf, n);
        }
        if (S(SYS_fcntl, fd, F_GETFD) >= 0 && !strcmp(argv[i], "pipe2 O_NONBLOCK read end")) {
            long n = print_rc("  read(pipe)", S(SYS_read, fd, buf, sizeof(buf)));
            show_bytes("  read", buf, n);
            print_rc("  read(pipe) again", S(SYS_read, fd, buf, sizeof(buf)));
        }
    }
    printf("open and not listed:");
    for (int fd = 0; fd < 256; fd++)
        if (!listed[fd] && S(SYS_fcntl, fd, F_GETFD) >= 0)
            printf(" %d", fd);
    printf("\n");
    return 0;
}

static void sec_exec(void) {
    struct labelled l[64];
    char** argv;
    pid_t pid;
    int n;

    section("exec");
    make_file("f", "0123456789");
    n = make_exec_fds(l);
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);
    argv = report_argv(l, n);

    printf("-- fork and execve\n");
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        execve(g_argv0, argv, environ);
        _exit(98);
    }
    wait_child(pid);
    /* the parent's descriptors are as they were (its offset moved: the
     * child read through the shared description) */
    printf("-- the parent after its child's execve\n");
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);
    CHECK(S(SYS_lseek, l[0].fd, 2, SEEK_SET) == 2);

    printf("-- posix_spawn (clone with CLONE_VM|CLONE_VFORK)\n");
    fflush(stdout);
    CHECK(posix_spawn(&pid, g_argv0, NULL, NULL, argv, environ) == 0);
    wait_child(pid);
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);

    /* file actions run in the child, before its execve */
    printf("-- posix_spawn with adddup2(plain, 70) and addclose(F_DUPFD of a cloexec fd)\n");
    {
        posix_spawn_file_actions_t fa;
        char** argv2 = calloc((size_t)n + 4, sizeof(char*));
        long closed = -1;

        CHECK(argv2);
        memcpy(argv2, argv, ((size_t)n + 2) * sizeof(char*));
        argv2[n + 2] = (char*)(uintptr_t) "posix_spawn adddup2=70";
        for (int i = 0; i < n; i++)
            if (!strcmp(l[i].label, "F_DUPFD of a cloexec fd"))
                closed = l[i].fd;
        CHECK(closed >= 0);
        CHECK(posix_spawn_file_actions_init(&fa) == 0);
        CHECK(posix_spawn_file_actions_adddup2(&fa, (int)l[0].fd, 70) == 0);
        CHECK(posix_spawn_file_actions_addclose(&fa, (int)closed) == 0);
        fflush(stdout);
        CHECK(posix_spawn(&pid, g_argv0, &fa, NULL, argv2, environ) == 0);
        wait_child(pid);
        CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
        free(argv2);
        fdstate("  parent: 70", 70);
        fdstate("  parent: F_DUPFD of a cloexec fd", (int)closed);
    }

    /* a child process that shares the table (clone with CLONE_FILES):
     * what it opens the parent has; its execve unshares the table first,
     * so the parent keeps what the execve closes */
    printf("-- clone(CLONE_FILES), open, execve\n");
    fflush(stdout);
    {
        long cfd[2] = {-1, -1};
        int up[2], down[2];
        char c;

        CHECK(pipe2(up, O_CLOEXEC) == 0 && pipe2(down, O_CLOEXEC) == 0);
        pid = (pid_t)syscall(SYS_clone, CLONE_FILES | SIGCHLD, NULL, NULL, NULL, 0);
        CHECK(pid >= 0);
        if (pid == 0) {
            char* cargv[5] = {g_argv0, (char*)(uintptr_t) "exec-report"};

            cfd[0] = S(SYS_open, "f", O_RDONLY | O_CLOEXEC);
            cfd[1] = S(SYS_open, "f", O_RDONLY);
            CHECK(cfd[0] >= 0 && cfd[1] >= 0);
            CHECK(asprintf(&cargv[2], "child's O_CLOEXEC=%ld", cfd[0]) > 0);
            CHECK(asprintf(&cargv[3], "child's plain=%ld", cfd[1]) > 0);
            /* the parent looks at the shared table before the execve */
            CHECK(write(up[1], cfd, sizeof(cfd)) == sizeof(cfd));
            CHECK(read(down[0], &c, 1) == 1);
            execve(g_argv0, cargv, environ);
            _exit(98);
        }
        CHECK(read(up[0], cfd, sizeof(cfd)) == sizeof(cfd));
        fdstate("  parent: the child's O_CLOEXEC", (int)cfd[0]);
        fdstate("  parent: the child's plain", (int)cfd[1]);
        CHECK(write(down[1], "y", 1) == 1);
        wait_child(pid);
        fdstate("  parent after the child's execve: the child's O_CLOEXEC", (int)cfd[0]);
        fdstate("  parent after the child's execve: the child's plain", (int)cfd[1]);
        CHECK(close(up[0]) == 0 && close(up[1]) == 0 && close(down[0]) == 0 && close(down[1]) == 0);
        S(SYS_close, cfd[0]);
        S(SYS_close, cfd[1]);
    }

    /* a failed execve closes nothing */
    printf("-- a failed execve\n");
    print_rc("execve(\"missing\")", execve("missing", argv, environ));
    print_rc("execve(\"f\") (not executable)", execve("f", argv, environ));
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);

    for (int i = 0; i < n; i++)
        S(SYS_close, l[i].fd);
    for (int i = 2; i < n + 2; i++)
        free(argv[i]);
    free(argv);
    CHECK(unlink("created") == 0);
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    if (argc > 1 && !strcmp(argv[1], "exec-report"))
        return exec_report(argc, argv);
    list_open_fds("open fds at start");
    sec_exec();
    return 0;
}

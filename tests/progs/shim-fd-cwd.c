/*
 * shim-fd-cwd.c: getcwd, chdir and fchdir (removed, very deep, oddly named
 * and chrooted directories) (one of the shim-fd programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- getcwd, chdir, fchdir ---------------------------------------- */

/* getcwd, the path printed from the run directory ("~") */
static long show_cwd(const char* what) {
    char buf[8192];
    long n = S(SYS_getcwd, buf, sizeof(buf));
    size_t hl = strlen(g_home);

    if (n < 0) {
        printf("%s: getcwd = -1 %s\n", what, errno_name(errno));
        return n;
    }
    printf("%s: getcwd = %ld ", what, n);
    if (!strncmp(buf, g_home, hl) && (buf[hl] == '/' || buf[hl] == '\0')) {
        putchar('~');
        put_escaped(buf + hl, (long)strlen(buf + hl));
    } else {
        put_escaped(buf, (long)strlen(buf));
    }
    putchar('\n');
    return n;
}

static void* thread_chdir(void* arg) {
    (void)arg;
    print_rc("thread: chdir(\"sub\")", S(SYS_chdir, "sub"));
    show_cwd("thread");
    return NULL;
}

/* In a child: getcwd after chroot names the directory from the new root
 * (the privilege comes from a user namespace when the program has none) */
static void cwd_chroot(void) {
    char buf[PATH_MAX];
    pid_t pid;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (chroot(".") < 0 && (unshare(CLONE_NEWUSER) < 0 || chroot(".") < 0)) {
            printf("chroot: not permitted here\n");
            _exit(0);
        }
        print_rc("chroot: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        print_rc("chdir(\"sub\")", S(SYS_chdir, "sub"));
        print_rc("chroot: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        print_rc("chdir(\"/\")", S(SYS_chdir, "/"));
        print_rc("chroot: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        /* a current directory outside the root */
        print_rc("chroot(\"sub\")", chroot("sub"));
        print_rc("chroot: getcwd outside the root", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

/* In a child: after unshare(CLONE_NEWNS), a directory opened before is
 * in the old mount namespace: fchdir there, and getcwd says
 * "(unreachable)" (the privilege from a user namespace when the program
 * has none) */
static void cwd_mntns(void) {
    char buf[PATH_MAX];
    pid_t pid;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        long old = S(SYS_open, ".", O_RDONLY | O_DIRECTORY);

        CHECK(old >= 0);
        if (unshare(CLONE_NEWNS) < 0 && unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0) {
            printf("mount namespace: not permitted here\n");
            _exit(0);
        }
        print_rc("new mount namespace: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        print_rc("fchdir(a directory of the old namespace)", S(SYS_fchdir, old));
        print_rc("new mount namespace: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        print_rc("chdir(\"/\")", S(SYS_chdir, "/"));
        print_rc("new mount namespace: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

static void sec_cwd(void) {
    char buf[8192], *p;
    long home, pathfd, fd, fd2, closed, n, len;
    int depth;
    pthread_t th;

    section("cwd");
    home = S(SYS_open, ".", O_RDONLY | O_DIRECTORY);
    CHECK(home >= 0);
    closed = CLOSED_FD;
    n = show_cwd("start");
    print_rc("getcwd(buf, 1)", S(SYS_getcwd, buf, 1));
    print_rc("getcwd(buf, 0)", S(SYS_getcwd, buf, 0));
    print_rc("getcwd(NULL, 0)", S(SYS_getcwd, NULL, 0));
    print_rc("getcwd(buf, length without the NUL)", S(SYS_getcwd, buf, n - 1));
    print_rc("getcwd(buf, length with the NUL)", S(SYS_getcwd, buf, n));
    print_rc("getcwd((void*)1, 4096)", S(SYS_getcwd, BAD, 4096));
    print_rc("getcwd(kernel address, 4096)", S(SYS_getcwd, KADDR, 4096));
    print_rc("getcwd(read-only page, 4096)", S(SYS_getcwd, g_ro, 4096));
    print_rc("getcwd(3 bytes before an unmapped page, 4096)", S(SYS_getcwd, g_edge - 3, 4096));
    print_rc("getcwd((void*)1, 1)", S(SYS_getcwd, BAD, 1));
    print_rc("getcwd(buf, 1 << 32 | 1)", S(SYS_getcwd, buf, (1UL << 32) | 1) == n);

    CHECK(mkdir("sub", 0755) == 0);
    make_file("file", "x");
    print_rc("chdir(\"sub\")", S(SYS_chdir, "sub"));
    show_cwd("  in sub");
    print_rc("chdir(\"..\")", S(SYS_chdir, ".."));
    print_rc("chdir(\"missing\")", S(SYS_chdir, "missing"));
    print_rc("chdir(\"\")", S(SYS_chdir, ""));
    print_rc("chdir((void*)1)", S(SYS_chdir, BAD));
    print_rc("chdir(NULL)", S(SYS_chdir, NULL));
    print_rc("chdir(kernel address)", S(SYS_chdir, KADDR));
    memcpy(g_edge - 3, "sub", 3);
    print_rc("chdir(\"sub\" into an unmapped page)", S(SYS_chdir, g_edge - 3));
    p = long_name(5000);
    print_rc("chdir(5000-byte path)", S(SYS_chdir, p));
    free(p);
    p = dots_path(4096, "ub");
    print_rc("chdir(4096-byte path)", S(SYS_chdir, p));
    free(p);
    p = dots_path(4095, "sub");
    print_rc("chdir(4095-byte path to sub)", S(SYS_chdir, p));
    free(p);
    show_cwd("  in sub");
    print_rc("chdir(\"..\")", S(SYS_chdir, ".."));
    print_rc("chdir(\"file\")", S(SYS_chdir, "file"));
    print_rc("chdir(\"file/\")", S(SYS_chdir, "file/"));

    /* fchdir */
    fd = S(SYS_open, "file", O_RDONLY);
    pathfd = print_rc("open(\"sub\", O_PATH)", S(SYS_open, "sub", O_PATH));
    print_rc("fchdir(-1)", S(SYS_fchdir, -1));
    print_rc("fchdir(closed)", S(SYS_fchdir, closed));
    print_rc("fchdir(HUGE_FD)", S(SYS_fchdir, HUGE_FD));
    print_rc("fchdir(0x80000000)", S(SYS_fchdir, SIGNED_FD));
    print_rc("fchdir(file)", S(SYS_fchdir, fd));
    print_rc("fchdir(O_PATH sub)", S(SYS_fchdir, pathfd));
    show_cwd("  in sub");
    print_rc("fchdir(home)", S(SYS_fchdir, home));
    show_cwd("  home");
    print_rc("fchdir(O_PATH sub | 1 << 32)", S(SYS_fchdir, pathfd | (1L << 32)));
    show_cwd("  in sub");
    print_rc("fchdir(home)", S(SYS_fchdir, home));

    /* a thread changes the directory of the process (CLONE_FS) */
    CHECK(pthread_create(&th, NULL, thread_chdir, NULL) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    show_cwd("  main after the thread");
    print_rc("fchdir(home)", S(SYS_fchdir, home));

    /* the root, and names with a newline and a byte that is not UTF-8 */
    print_rc("chdir(\"/\")", S(SYS_chdir, "/"));
    show_cwd("  root");
    print_rc("fchdir(home)", S(SYS_fchdir, home));
    CHECK(mkdir("new\nline\xff", 0755) == 0);
    print_rc("chdir(\"new\\nline\\xff\")", S(SYS_chdir, "new\nline\xff"));
    show_cwd("  odd name");
    print_rc("fchdir(home)", S(SYS_fchdir, home));
    CHECK(rmdir("new\nline\xff") == 0);

    /* removed while current */
    CHECK(mkdir("gone", 0755) == 0);
    print_rc("chdir(\"gone\")", S(SYS_chdir, "gone"));
    CHECK(rmdir("../gone") == 0);
    show_cwd("  gone");
    print_rc("getcwd(buf, 1) in a removed directory", S(SYS_getcwd, buf, 1));
    print_rc("getcwd((void*)1, 4096) in a removed directory", S(SYS_getcwd, BAD, 4096));
    fd2 = S(SYS_open, ".", O_RDONLY);
    print_rc("open(\".\") in a removed directory", fd2 >= 0 ? 0 : -1);
    if (fd2 >= 0)
        S(SYS_close, fd2);
    print_rc("open(\"x\", O_CREAT) in a removed directory",
             S(SYS_open, "x", O_CREAT | O_WRONLY, 0600));
    print_rc("chdir(\"..\") from a removed directory", S(SYS_chdir, ".."));
    show_cwd("  after chdir(..)");
    print_rc("fchdir(home)", S(SYS_fchdir, home));
    /* names that look like the host's mark of a removed directory */
    CHECK(mkdir("x (deleted)", 0755) == 0);
    print_rc("chdir(\"x (deleted)\")", S(SYS_chdir, "x (deleted)"));
    show_cwd("  x (deleted)");
    CHECK(mkdir(" (deleted)", 0755) == 0);
    print_rc("chdir(\" (deleted)\")", S(SYS_chdir, " (deleted)"));
    show_cwd("  x (deleted)/ (deleted)");
    print_rc("fchdir(home)", S(SYS_fchdir, home));
    CHECK(rmdir("x (deleted)/ (deleted)") == 0 && rmdir("x (deleted)") == 0);
    CHECK(mkdir("y (deleted)", 0755) == 0);
    print_rc("chdir(\"y (deleted)\")", S(SYS_chdir, "y (deleted)"));
    CHECK(rmdir("../y (deleted)") == 0);
    show_cwd("  removed y (deleted)");
    print_rc("fchdir(home)", S(SYS_fchdir, home));

    /* a very deep directory: getcwd's answer up to PATH_MAX and past it */
    len = n - 1;
    depth = 0;
    p = long_name(200);
    while (4095 - len - 1 > 250) {
        CHECK(mkdir(p, 0755) == 0 && chdir(p) == 0);
        len += 201;
        depth++;
    }
    {
        long k = 4095 - len - 1; /* a name of K bytes makes it 4095 */

        for (long d = -1; d <= 2; d++) {
            char* name = long_name((size_t)(k + d));
            char what[64];

            CHECK(mkdir(name, 0755) == 0);
            snprintf(what, sizeof(what), "chdir(to a %ld-byte path)", len + 1 + k + d);
            print_rc(what, S(SYS_chdir, name));
            n = S(SYS_getcwd, buf, sizeof(buf));
            printf("  getcwd = %ld%s%s\n", n, n < 0 ? " " : "", n < 0 ? errno_name(errno) : "");
            n = S(SYS_getcwd, buf, 4096);
            printf("  getcwd(buf, 4096) = %ld%s%s\n", n, n < 0 ? " " : "",
                   n < 0 ? errno_name(errno) : "");
            CHECK(mkdir("deeper", 0755) == 0 && chdir("deeper") == 0);
            n = S(SYS_getcwd, buf, sizeof(buf));
            printf("  deeper: getcwd = %ld%s%s\n", n, n < 0 ? " " : "",
                   n < 0 ? errno_name(errno) : "");
            /* removed: ENOENT, however long its name */
            CHECK(rmdir("../deeper") == 0);
            n = S(SYS_getcwd, buf, sizeof(buf));
            printf("  deeper removed: getcwd = %ld%s%s\n", n, n < 0 ? " " : "",
                   n < 0 ? errno_name(errno) : "");
            CHECK(chdir("..") == 0);
            CHECK(chdir("..") == 0 && rmdir(name) == 0);
            free(name);
        }
    }
    for (int i = 0; i < depth; i++)
        CHECK(chdir("..") == 0 && rmdir(p) == 0);
    free(p);
    print_rc("fchdir(home)", S(SYS_fchdir, home));
    show_cwd("  home");
    cwd_chroot();
    cwd_mntns();
    CHECK(rmdir("sub") == 0 && unlink("file") == 0);
    S(SYS_close, fd);
    S(SYS_close, pathfd);
    S(SYS_close, home);
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_cwd();
    return 0;
}

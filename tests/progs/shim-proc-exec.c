/*
 * shim-proc-exec.c: execve and execveat, exit and exit_group, wait4 and
 * waitid: a process's life, from the calls that start it to those that
 * reap it (one of the shim-proc programs: shim-proc.h).
 *
 *   shim-proc-exec             the calls
 *   shim-proc-exec after-exec  (run by it) the image after an execve
 */
#include "shim-proc.h"

/* ---- execve, execveat ---- */

static void exec_self(const char* how) {
    char* argv[] = {g_arg0, g_arg1, NULL};
    pid_t pid = fork();
    int fd;

    CHECK(pid >= 0);
    if (pid == 0) {
        if (!strcmp(how, "execve")) {
            syscall(SYS_execve, "/proc/self/exe", argv, environ);
        } else if (!strcmp(how, "execveat")) {
            syscall(SYS_execveat, AT_FDCWD, "/proc/self/exe", argv, environ, 0);
        } else {
            fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
            CHECK(fd >= 0);
            syscall(SYS_execveat, fd, "", argv, environ, AT_EMPTY_PATH);
        }
        printf("%s failed: %s\n", how, errno_name(errno));
        _exit(1);
    }
    reap(how, pid);
}

static void section_exec(void) {
    static char longpath[PATH_MAX + 1];
    char* argv[] = {g_x, NULL};
    struct sigaction sa;

    T("execve(bad path)", syscall(SYS_execve, BAD, argv, environ));
    T("execve(NULL)", syscall(SYS_execve, NULL, argv, environ));
    T("execve(inaccessible)", syscall(SYS_execve, g_noaccess, argv, environ));
    T("execve(\"\")", syscall(SYS_execve, "", argv, environ));
    T("execve(\"\", bad argv)", syscall(SYS_execve, "", BAD, environ));
    memset(longpath, 'a', PATH_MAX);
    T("execve(4096-byte path)", syscall(SYS_execve, longpath, argv, environ));
    longpath[PATH_MAX - 1] = '\0';
    T("execve(4095-byte path)", syscall(SYS_execve, longpath, argv, environ));
    T("execve(nonexistent)", syscall(SYS_execve, "/nonexistent/x", argv, environ));
    T("execve(nonexistent, bad argv)", syscall(SYS_execve, "/nonexistent/x", BAD, environ));
    T("execve(a directory)", syscall(SYS_execve, "/", argv, environ));

    T("execveat(\"\")", syscall(SYS_execveat, AT_FDCWD, "", argv, environ, 0));
    T("execveat(\"\", flags 0x1)", syscall(SYS_execveat, AT_FDCWD, "", argv, environ, 0x1));
    T("execveat(bad path, flags 0x1)", syscall(SYS_execveat, AT_FDCWD, BAD, argv, environ, 0x1));
    T("execveat(flags 0x1)", syscall(SYS_execveat, AT_FDCWD, "/nonexistent/x", argv, environ, 0x1));
    T("execveat(flags 0x1, bad argv)",
      syscall(SYS_execveat, AT_FDCWD, "/nonexistent/x", BAD, environ, 0x1));
    T("execveat(AT_REMOVEDIR)",
      syscall(SYS_execveat, AT_FDCWD, "/nonexistent/x", argv, environ, AT_REMOVEDIR));
    T("execveat(\"\", AT_EMPTY_PATH, fd -1)",
      syscall(SYS_execveat, -1, "", argv, environ, AT_EMPTY_PATH));
    T("execveat(bad path)", syscall(SYS_execveat, AT_FDCWD, BAD, argv, environ, 0));
    longpath[PATH_MAX - 1] = 'a';
    T("execveat(4096-byte path)", syscall(SYS_execveat, AT_FDCWD, longpath, argv, environ, 0));
    T("execveat(nonexistent, AT_SYMLINK_NOFOLLOW)",
      syscall(SYS_execveat, AT_FDCWD, "/nonexistent/x", argv, environ, AT_SYMLINK_NOFOLLOW));

    /* the new image's dispositions: handlers reset, ignored kept */
    handle(SIGUSR1, on_signal, 0);
    handle(SIGUSR2, SIG_IGN, 0);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART | SA_NODEFER;
    sigaddset(&sa.sa_mask, SIGTERM);
    CHECK(sigaction(SIGWINCH, &sa, NULL) == 0);
    exec_self("execve");
    exec_self("execveat");
    exec_self("execveat AT_EMPTY_PATH");
    handle(SIGUSR2, SIG_DFL, 0);
    handle(SIGWINCH, SIG_DFL, 0);
}

/* ---- exit, exit_group ---- */

static void* thread_exit(void* arg) {
    pthread_exit(arg);
}

static void* thread_block(void* arg) {
    char c;

    (void)!read(*(int*)arg, &c, 1);
    return NULL;
}

static void section_exit(void) {
    pthread_t th;
    void* res;
    pid_t pid;
    int fds[2];

    CHECK(pthread_create(&th, NULL, thread_exit, (void*)42) == 0);
    CHECK(pthread_join(th, &res) == 0);
    printf("thread ended by exit: joined, result %ld\n", (long)res);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0)
        syscall(SYS_exit, 4);
    reap("child that called exit(4)", pid);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0)
        syscall(SYS_exit_group, 9);
    reap("child that called exit_group(9)", pid);
    /* exit_group ends the other threads, even one blocked in a read */
    CHECK(pipe(fds) == 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(pthread_create(&th, NULL, thread_block, &fds[0]) == 0);
        msleep(20);
        syscall(SYS_exit_group, 11);
    }
    reap("child with a blocked thread that called exit_group(11)", pid);
    /* a thread that calls exit_group */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(fds[1]);
        CHECK(pthread_create(&th, NULL, thread_block, &fds[0]) == 0);
        syscall(SYS_exit, 0); /* the leader leaves first */
    }
    close(fds[1]); /* the blocked thread's read ends: its process exits 0 */
    reap("child whose leader exited before its thread", pid);
    close(fds[0]);
}

/* ---- wait4, waitid ---- */

static void section_wait(void) {
    struct rusage ru;
    siginfo_t si;
    pid_t pid;
    int st, fds[2];

    T("wait4(bad option 0x10)", syscall(SYS_wait4, -1, NULL, 0x10, NULL));
    T("wait4(WEXITED)", syscall(SYS_wait4, -1, NULL, WEXITED, NULL));
    T("wait4(WNOWAIT)", syscall(SYS_wait4, -1, NULL, WNOWAIT, NULL));
    T("wait4(INT_MIN)", syscall(SYS_wait4, INT_MIN, NULL, 0, NULL));
    T("wait4(INT_MIN, bad option)", syscall(SYS_wait4, INT_MIN, NULL, 0x10, NULL));
    T("wait4(-1, no child)", syscall(SYS_wait4, -1, NULL, 0, NULL));
    T("wait4(-1, WNOHANG|__WALL, no child)", syscall(SYS_wait4, -1, NULL, WNOHANG | __WALL, NULL));
    T("wait4(no such group)", syscall(SYS_wait4, -INT_MAX, NULL, 0, NULL));

    CHECK(pipe(fds) == 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        char c;

        close(fds[1]);
        (void)!read(fds[0], &c, 1);
        _exit(12);
    }
    close(fds[0]);
    T("wait4(child, WNOHANG) while it runs", syscall(SYS_wait4, pid, &st, WNOHANG, NULL));
    close(fds[1]);
    T("wait4(child, bad rusage)", syscall(SYS_wait4, pid, &st, 0, BAD));
    T("wait4(the reaped child)", syscall(SYS_wait4, pid, &st, 0, NULL));

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0)
        _exit(13);
    T("wait4(child, bad status)", syscall(SYS_wait4, pid, BAD, 0, NULL));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0)
        _exit(14);
    printf("wait4(child, rusage) returned the child: %s\n",
           syscall(SYS_wait4, pid, &st, 0, &ru) == pid ? "yes" : "no");
    print_status("wait4 status", st);

    /* waitid: what it checks, and the siginfo it zeroes when it fails */
    memset(&si, 0x55, sizeof(si));
    T("waitid(bad which)", syscall(SYS_waitid, 99, 0, &si, WEXITED, NULL));
    printf("  siginfo after: signo %d errno %d code %d pid %d uid %d status %d\n", si.si_signo,
           si.si_errno, si.si_code, si.si_pid, (int)si.si_uid, si.si_status);
    T("waitid(bad which, bad infop)", syscall(SYS_waitid, 99, 0, BAD, WEXITED, NULL));
    T("waitid(bad which, inaccessible infop)", syscall(SYS_waitid, 99, 0, g_noaccess, WEXITED, NULL));
    T("waitid(bad which, NULL infop)", syscall(SYS_waitid, 99, 0, NULL, WEXITED, NULL));
    T("waitid(no WEXITED/WSTOPPED/WCONTINUED)", syscall(SYS_waitid, P_ALL, 0, &si, WNOHANG, NULL));
    T("waitid(unknown option)", syscall(SYS_waitid, P_ALL, 0, &si, WEXITED | 0x10000, NULL));
    T("waitid(WUNTRACED|WEXITED, i.e. WSTOPPED)",
      syscall(SYS_waitid, P_ALL, 0, &si, WUNTRACED | WEXITED | WNOHANG, NULL));
    T("waitid(P_PID 0)", syscall(SYS_waitid, P_PID, 0, &si, WEXITED, NULL));
    T("waitid(P_PID -5)", syscall(SYS_waitid, P_PID, -5, &si, WEXITED, NULL));
    T("waitid(P_PGID -1)", syscall(SYS_waitid, P_PGID, -1, &si, WEXITED, NULL));
    T("waitid(P_PIDFD -1)", syscall(SYS_waitid, P_PIDFD, -1, &si, WEXITED, NULL));
    T("waitid(P_PIDFD 999)", syscall(SYS_waitid, P_PIDFD, 999, &si, WEXITED, NULL));
    memset(&si, 0x55, sizeof(si));
    T("waitid(P_ALL, no child)", syscall(SYS_waitid, P_ALL, 0, &si, WEXITED, NULL));
    printf("  siginfo after: signo %d code %d pid %d\n", si.si_signo, si.si_code, si.si_pid);
    T("waitid(P_ALL, no child, bad infop)", syscall(SYS_waitid, P_ALL, 0, BAD, WEXITED, NULL));

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0)
        _exit(6);
    memset(&si, 0, sizeof(si));
    T("waitid(P_PID child, WEXITED|WNOWAIT)",
      syscall(SYS_waitid, P_PID, pid, &si, WEXITED | WNOWAIT, NULL));
    T("waitid(P_PID child, WEXITED)", syscall(SYS_waitid, P_PID, pid, &si, WEXITED, &ru));
    printf("  siginfo: signo %d code %d status %d, pid is the child: %s\n", si.si_signo,
           si.si_code, si.si_status, si.si_pid == pid ? "yes" : "no");
}

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 1 && !strcmp(argv[1], "after-exec"))
        return after_exec();
    shim_proc_setup();
    section("exec");
    section_exec();
    section("exit");
    section_exit();
    section("wait");
    section_wait();
    return 0;
}

/*
 * wait4.c: wait4(2) and waitid(2) of this process's children.  Covers the
 * status ([{WIFEXITED(s) && WEXITSTATUS(s) == N}], WIFSIGNALED and
 * WIFSTOPPED with the signal's name, WIFCONTINUED), struct rusage without
 * -v, the W* options (WUNTRACED shown as WSTOPPED, unknown bits in hex,
 * with the comment "W???" when none is known), waitid's id types (unknown
 * ones in hex with the comment "P_???") and siginfo (the CLD_* code, the
 * status as the exit code or the signal's name, the times as they are in
 * the structure, since the kernel does not fill them, and {} when nothing
 * was waited for), stopped and continued children, WNOWAIT leaving the
 * child to reap again, WNOHANG with a child still running (wait4 returns 0
 * and prints the status and rusage as addresses), and the failures ECHILD,
 * EINVAL and EFAULT (which comes after the child was reaped).
 *
 * The children are made with clone(CLONE_UNTRACED) so that the tracer does
 * not follow them (no lines of theirs, no [pid N] prefixes), and SIGCHLD
 * stays blocked so that it is never delivered.  That takes SYSEMU stops
 * (sys.list runs it with --sysemu): under seccomp stops ptshim follows
 * such children too.
 */
#include "trace-sys.h"

#include <sched.h>
#include <sys/wait.h>

static const struct xlat wait_options[] = {
    XLAT(WNOHANG),     XLAT(WEXITED), XLAT(WSTOPPED), XLAT(WCONTINUED), XLAT(WNOWAIT),
    XLAT(__WNOTHREAD), XLAT(__WALL),  XLAT(__WCLONE), XLAT_END,
};

static const struct xlat id_types[] = {
    XLAT(P_ALL), XLAT(P_PID), XLAT(P_PGID), XLAT(P_PIDFD), XLAT_END,
};

/* A child that exits with STATUS, or kills itself with SIG when SIG is
 * not 0, once it has read the pipe FDS to its end when FDS is not NULL
 * (the tracer does not see its calls).  After stopping itself with
 * SIGSTOP, it waits for signals until one kills it. */
static int child_after(const int* fds, int status, int sig) {
    long pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, NULL, NULL, 0);
    char c;

    CHECK(pid >= 0);
    if (pid == 0) {
        if (fds) {
            close(fds[1]);
            while (read(fds[0], &c, 1) > 0)
                continue;
        }
        if (sig)
            syscall(SYS_kill, syscall(SYS_getpid), sig);
        while (sig == SIGSTOP)
            pause();
        syscall(SYS_exit_group, status);
    }
    return (int)pid;
}

static int child(int status, int sig) {
    return child_after(NULL, status, sig);
}

/* A wait status. */
static const char* sstatus(int s) {
    if (WIFEXITED(s))
        return xasprintf("[{WIFEXITED(s) && WEXITSTATUS(s) == %d}]", WEXITSTATUS(s));
    if (WIFSTOPPED(s))
        return xasprintf("[{WIFSTOPPED(s) && WSTOPSIG(s) == %s}]", ssig(WSTOPSIG(s)));
    if (WIFCONTINUED(s))
        return "[{WIFCONTINUED(s)}]";
    if (WIFSIGNALED(s))
        return xasprintf("[{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}]", ssig(WTERMSIG(s)),
                         WCOREDUMP(s) ? " && WCOREDUMP(s)" : "");
    return xasprintf("[%#x]", (unsigned int)s);
}

static long test_wait4(int pid, int* status, int options, struct rusage* ru) {
    long rc = syscall(SYS_wait4, pid, status, options, ru);
    const char* res = sres(rc);

    printf("wait4(%d, %s, %s, %s) %s\n", pid, rc > 0 && status ? sstatus(*status) : sptr(status),
           sflags(wait_options, (unsigned int)options, "W???"),
           rc > 0 && ru ? srusage(ru) : sptr(ru), res);
    return rc;
}

static long test_waitid(int type, int id, siginfo_t* si, int options, struct rusage* ru) {
    long rc;
    const char* res;

    if (mapped(si))
        memset(si, 0, sizeof(*si));
    rc = syscall(SYS_waitid, type, id, si, options, ru);
    res = sres(rc);
    printf("waitid(%s, %d, %s, %s, %s) %s\n", sxval(id_types, (unsigned int)type, "P_???"), id,
           rc == 0 && si ? ssiginfo(si) : sptr(si),
           sflags(wait_options, (unsigned int)options, "W???"),
           rc == 0 && ru ? srusage(ru) : sptr(ru), res);
    return rc;
}

int main(void) {
    sigset_t chld;
    siginfo_t si;
    struct rusage ru;
    int status, pid, fds[2];
    int* edge = tail_alloc(sizeof(int));

    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    CHECK(sigprocmask(SIG_BLOCK, &chld, NULL) == 0);

    pid = child(3, 0);
    test_wait4(pid, &status, 0, &ru);
    pid = child(0, 0);
    test_wait4(-1, edge, 0, NULL);
    pid = child(0, SIGKILL);
    test_wait4(pid, &status, __WALL, NULL);
    pid = child(0, SIGTERM);
    test_wait4(0, NULL, 0, &ru);

    test_wait4(-1, &status, WNOHANG, NULL);
    test_wait4(-1, &status, 0, NULL);
    test_wait4(getpid(), &status, 0, NULL);
    test_wait4(-1, &status, 0x10000000, NULL);
    test_wait4(-1, &status, WUNTRACED | WCONTINUED | 0x1000, &ru);
    /* A fault in storing the status comes after the child was reaped. */
    test_wait4(child(7, 0), BAD_ADDR, 0, NULL);
    test_wait4(child(7, 0), &status, 0, BAD_ADDR);
    test_wait4(child(7, 0), edge + 1, 0, NULL);
    test_wait4(-1, &status, 0, NULL);

    /* A child that waits for the pipe to close, then stops: nothing to
     * reap at first, then stopped, continued, and killed. */
    CHECK(pipe(fds) == 0);
    pid = child_after(fds, 0, SIGSTOP);
    CHECK(close(fds[0]) == 0);
    test_wait4(pid, &status, WNOHANG, &ru);
    test_waitid(P_PID, pid, &si, WEXITED | WSTOPPED | WNOHANG, NULL);
    CHECK(close(fds[1]) == 0);
    test_wait4(pid, &status, WUNTRACED, NULL);
    CHECK(kill(pid, SIGCONT) == 0);
    test_wait4(pid, &status, WCONTINUED, NULL);
    CHECK(kill(pid, SIGSTOP) == 0);
    test_waitid(P_PID, pid, &si, WSTOPPED, NULL);
    CHECK(kill(pid, SIGCONT) == 0);
    test_waitid(P_PID, pid, &si, WCONTINUED | WNOWAIT, NULL);
    test_waitid(P_PID, pid, &si, WCONTINUED, NULL);
    CHECK(kill(pid, SIGKILL) == 0);
    test_wait4(pid, &status, 0, NULL);

    pid = child(5, 0);
    test_waitid(P_PID, pid, &si, WEXITED | WNOWAIT, NULL);
    test_waitid(P_PID, pid, &si, WEXITED, &ru);
    pid = child(0, SIGKILL);
    test_waitid(P_ALL, 0, &si, WEXITED | __WALL, NULL);
    pid = child(0, 0);
    test_waitid(P_PGID, 0, &si, WEXITED, NULL);

    test_waitid(P_ALL, 0, &si, WEXITED | WNOHANG, NULL);
    test_waitid(P_PID, pid, &si, WEXITED, NULL);
    test_waitid(P_PID, pid, &si, 0, NULL);
    test_waitid(7, 0, &si, WEXITED, NULL);
    test_waitid(P_PIDFD, -1, &si, WEXITED, NULL);
    pid = child(0, 0);
    test_waitid(P_PID, pid, BAD_ADDR, WEXITED | WNOWAIT, NULL);
    test_waitid(P_PID, pid, NULL, WEXITED | WNOWAIT, BAD_ADDR);
    test_waitid(P_PID, pid, NULL, WEXITED, NULL);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * ptrace-child.c MODE: a program that traces its own child, as debuggers
 * and tracers do.  Under a tracer (strace -f, ptshim) the child is already
 * traced, and the kernel refuses a second tracer with EPERM; natively both
 * modes work.  Either way nothing may hang.
 *
 *   traceme  the child asks to be traced (PTRACE_TRACEME) and stops itself
 *            if that worked; the parent sees the stop, reads a register,
 *            lets it go on and reaps it
 *   attach   the parent attaches to a running child (PTRACE_ATTACH), waits
 *            for its stop, reads a register, detaches, then ends it
 *   seize    the parent seizes a child (PTRACE_SEIZE), interrupts it and
 *            follows its system calls up to its exit
 *   attach-pid PID  attaches to PID, a process that is not its child and
 *            that no one traces, waits for it, follows it to its next
 *            system call and detaches
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

static void show(const char* what, long ret, int err) {
    if (ret < 0)
        printf("%s: -1 %s\n", what, strerror(err));
    else
        printf("%s: ok\n", what);
}

static void report(const char* what, int status) {
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    else if (WIFSTOPPED(status))
        printf("%s: stopped by signal %d%s\n", what, WSTOPSIG(status),
               status >> 16 ? " (a ptrace event)" : "");
    else
        printf("%s: status %#x\n", what, status);
}

/* PTRACE_PEEKUSER of orig_rax: whether the tracee's registers can be read */
static void peek(pid_t pid) {
    long v;

    errno = 0;
    v = ptrace(PTRACE_PEEKUSER, pid, offsetof(struct user_regs_struct, orig_rax), 0);
    show("PTRACE_PEEKUSER", v == -1 && errno ? -1 : 0, errno);
}

static int mode_traceme(void) {
    int p[2], st;
    pid_t pid;
    char c;

    CHECK(pipe(p) == 0);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        long r = ptrace(PTRACE_TRACEME, 0, 0, 0);
        int err = errno;

        show("child: PTRACE_TRACEME", r, err);
        fflush(stdout);
        if (write(p[1], r < 0 ? "n" : "y", 1) != 1)
            _exit(99);
        if (r == 0)
            raise(SIGSTOP);
        _exit(5);
    }
    CHECK(read(p[0], &c, 1) == 1);
    for (;;) {
        CHECK(waitpid(pid, &st, 0) == pid);
        report("parent: child", st);
        if (!WIFSTOPPED(st))
            break;
        peek(pid);
        show("PTRACE_CONT", ptrace(PTRACE_CONT, pid, 0, 0), errno);
    }
    return 0;
}

static int mode_attach(void) {
    int p[2], st;
    pid_t pid;
    char c;

    CHECK(pipe(p) == 0);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(p[1]);
        /* until the parent closes the pipe */
        _exit(read(p[0], &c, 1) == 0 ? 6 : 7);
    }
    close(p[0]);
    if (ptrace(PTRACE_ATTACH, pid, 0, 0) < 0) {
        show("PTRACE_ATTACH", -1, errno);
    } else {
        show("PTRACE_ATTACH", 0, 0);
        CHECK(waitpid(pid, &st, 0) == pid);
        report("child after the attach", st);
        peek(pid);
        show("PTRACE_DETACH", ptrace(PTRACE_DETACH, pid, 0, 0), errno);
    }
    close(p[1]);
    CHECK(waitpid(pid, &st, 0) == pid);
    report("child", st);
    return 0;
}

static int mode_seize(void) {
    int p[2], st, syscalls = 0;
    pid_t pid;
    char c;

    CHECK(pipe(p) == 0);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(p[1]);
        if (read(p[0], &c, 1) != 0)
            _exit(7);
        syscall(SYS_getppid);
        _exit(8);
    }
    close(p[0]);
    if (ptrace(PTRACE_SEIZE, pid, 0, PTRACE_O_TRACESYSGOOD) < 0) {
        show("PTRACE_SEIZE", -1, errno);
        close(p[1]);
        CHECK(waitpid(pid, &st, 0) == pid);
    } else {
        show("PTRACE_SEIZE", 0, 0);
        show("PTRACE_INTERRUPT", ptrace(PTRACE_INTERRUPT, pid, 0, 0), errno);
        CHECK(waitpid(pid, &st, 0) == pid);
        report("child after the interrupt", st);
        close(p[1]);
        for (;;) {
            CHECK(ptrace(PTRACE_SYSCALL, pid, 0, 0) == 0);
            CHECK(waitpid(pid, &st, 0) == pid);
            if (!WIFSTOPPED(st))
                break;
            syscalls += WSTOPSIG(st) == (SIGTRAP | 0x80);
        }
        printf("system call stops seen: %s\n", syscalls >= 4 ? "at least 4" : "fewer");
    }
    report("child", st);
    return 0;
}

/* a process that is not ours, nor traced by anyone: PID */
static int mode_attach_pid(pid_t pid) {
    int st;

    if (ptrace(PTRACE_ATTACH, pid, 0, 0) < 0) {
        show("PTRACE_ATTACH of another process", -1, errno);
        return 0;
    }
    show("PTRACE_ATTACH of another process", 0, 0);
    if (waitpid(pid, &st, __WALL) != pid) {
        show("waitpid of it", -1, errno);
        return 0;
    }
    report("it, after the attach", st);
    peek(pid);
    show("PTRACE_SYSCALL", ptrace(PTRACE_SYSCALL, pid, 0, 0), errno);
    CHECK(waitpid(pid, &st, __WALL) == pid);
    report("it, at its next system call", st);
    show("PTRACE_DETACH", ptrace(PTRACE_DETACH, pid, 0, 0), errno);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 2 && !strcmp(argv[1], "traceme"))
        return mode_traceme();
    if (argc == 2 && !strcmp(argv[1], "attach"))
        return mode_attach();
    if (argc == 2 && !strcmp(argv[1], "seize"))
        return mode_seize();
    if (argc == 3 && !strcmp(argv[1], "attach-pid"))
        return mode_attach_pid(atoi(argv[2]));
    fprintf(stderr, "usage: ptrace-child traceme|attach|seize|attach-pid PID\n");
    return 2;
}

/*
 * shim-proc.c: the calls of processes, memory, signals and time that the
 * shim checks before the host runs them (shim/src/sys/shim_clone.c,
 * shim_exec.c, shim_exit.c, shim_wait.c, shim_signal.c, shim_mmap.c,
 * shim_tls.c, shim_futex.c, shim_sleep.c): each succeeds and fails as
 * natively, error by error and in the kernel's order.  Raw system calls,
 * so that libc neither checks nor hides anything.
 *
 *   shim-proc              all sections
 *   shim-proc SECTION...   only those (names as printed)
 *   shim-proc after-exec   (run by the exec section) the image after an
 *                          execve: the dispositions it inherited
 *
 * Values that differ from run to run (IDs, addresses, times) print as
 * relations.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

#define BAD ((void*)1)
#define PAGE 4096UL

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif
#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

static char g_arg0[] = "shim-proc", g_arg1[] = "after-exec", g_x[] = "x";

/* the kernel's struct sigaction, as rt_sigaction takes it */
struct ksigaction {
    uintptr_t handler;
    unsigned long flags;
    uintptr_t restorer;
    uint64_t mask;
};

static char* g_noaccess; /* a page that cannot be read or written */

static const char* errname(int e) {
    const char* n = strerrorname_np(e);

    return n ? n : "E?";
}

/* Print what a raw call returned: its value or its errno's name. */
static void show(const char* what, long r) {
    if (r == -1)
        printf("%s = -1 %s\n", what, errname(errno));
    else
        printf("%s = %ld\n", what, r);
}

#define T(what, call)              \
    do {                           \
        long r_;                   \
        errno = 0;                 \
        r_ = (long)(call);         \
        show((what), r_);          \
    } while (0)

/* Reap PID and print how it ended. */
static void reap(const char* what, pid_t pid) {
    int st;

    CHECK(waitpid(pid, &st, __WALL) == pid);
    print_status(what, st);
}

static void msleep(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

static double now(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile sig_atomic_t g_hits;

static void on_signal(int sig) {
    g_hits++;
}

static void handle(int sig, void (*fn)(int), int flags) {
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static const char* disposition(int sig) {
    struct ksigaction old;

    CHECK(syscall(SYS_rt_sigaction, sig, NULL, &old, 8) == 0);
    if (old.handler == (uintptr_t)SIG_DFL)
        return "SIG_DFL";
    if (old.handler == (uintptr_t)SIG_IGN)
        return "SIG_IGN";
    return old.handler == (uintptr_t)on_signal ? "on_signal" : "another handler";
}

/* ---- fork, vfork, clone, clone3 ---- */

/* A clone that must fail: a child it made anyway ends at once. */
static long clone_fails(long r) {
    if (r == 0)
        _exit(99);
    if (r > 0)
        CHECK(waitpid((pid_t)r, NULL, __WALL) == r);
    return r;
}

static long clone3_call(struct clone_args* ca, size_t size) {
    return clone_fails(syscall(SYS_clone3, ca, size));
}

static int sighand_child(void* arg) {
    /* shares the parent's handlers (CLONE_SIGHAND) */
    handle(SIGUSR2, on_signal, 0);
    return 0;
}

static int exec_child(void* arg) {
    char* argv[] = {g_arg0, g_arg1, NULL};

    syscall(SYS_execve, "/proc/self/exe", argv, environ);
    _exit(98);
}

static void section_clone(void) {
    static char stack[64 * 1024] __attribute__((aligned(16)));
    struct clone_args ca;
    char* page_end;
    pid_t pid, ptid = 0, ctid = 0;
    long r;

    /* fork and vfork */
    pid = (pid_t)syscall(SYS_fork);
    CHECK(pid >= 0);
    if (pid == 0)
        _exit(7);
    reap("fork child", pid);
    pid = vfork();
    CHECK(pid >= 0);
    if (pid == 0)
        _exit(3);
    reap("vfork child", pid);

    /* clone: the kernel's refusals before it creates anything */
    T("clone(CLONE_THREAD)", clone_fails(syscall(SYS_clone, CLONE_THREAD, 0, 0, 0, 0)));
    T("clone(CLONE_SIGHAND)", clone_fails(syscall(SYS_clone, CLONE_SIGHAND, 0, 0, 0, 0)));
    T("clone(CLONE_THREAD|CLONE_SIGHAND)",
      clone_fails(syscall(SYS_clone, CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0, 0)));
    T("clone(CLONE_NEWNS|CLONE_FS)",
      clone_fails(syscall(SYS_clone, CLONE_NEWNS | CLONE_FS, 0, 0, 0, 0)));
    T("clone(CLONE_NEWUSER|CLONE_FS)",
      clone_fails(syscall(SYS_clone, CLONE_NEWUSER | CLONE_FS, 0, 0, 0, 0)));
    T("clone(CLONE_THREAD|CLONE_SIGHAND|CLONE_VM|CLONE_NEWPID)",
      clone_fails(syscall(SYS_clone, CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWPID, 0,
                          0, 0, 0)));
    T("clone(CLONE_PIDFD|CLONE_PARENT_SETTID)",
      clone_fails(syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID, 0, &ptid, 0, 0)));
    T("clone(CLONE_PIDFD|CLONE_DETACHED)",
      clone_fails(syscall(SYS_clone, CLONE_PIDFD | CLONE_DETACHED, 0, &ptid, 0, 0)));
    T("clone(CLONE_PIDFD|CLONE_DETACHED|CLONE_NEWNS|CLONE_FS)",
      clone_fails(syscall(SYS_clone, CLONE_PIDFD | CLONE_DETACHED | CLONE_NEWNS | CLONE_FS, 0,
                          &ptid, 0, 0)));

    /* clone as fork, the IDs written where asked */
    r = syscall(SYS_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, 0, &ptid, &ctid,
                0);
    CHECK(r >= 0);
    if (r == 0)
        _exit(ctid == getpid() ? 8 : 9);
    printf("clone: parent_tid is the child: %s\n", ptid == r ? "yes" : "no");
    reap("clone child (8: its child_tid is its pid)", (pid_t)r);

    /* a process sharing the handlers: what it sets, the parent sees */
    handle(SIGUSR2, SIG_DFL, 0);
    pid = clone(sighand_child, stack + sizeof(stack), CLONE_VM | CLONE_SIGHAND | SIGCHLD, NULL);
    CHECK(pid > 0);
    reap("CLONE_SIGHAND child", pid);
    printf("SIGUSR2 after the CLONE_SIGHAND child set it: %s\n", disposition(SIGUSR2));
    /* one that execs gets its own (reset) handlers; the parent keeps its */
    handle(SIGUSR1, on_signal, 0);
    pid = clone(exec_child, stack + sizeof(stack),
                CLONE_VM | CLONE_SIGHAND | CLONE_VFORK | SIGCHLD, NULL);
    CHECK(pid > 0);
    reap("CLONE_SIGHAND child that execs", pid);
    printf("SIGUSR1 in the parent after that exec: %s\n", disposition(SIGUSR1));
    handle(SIGUSR2, SIG_DFL, 0);

    /* clone3: the size and the struct */
    memset(&ca, 0, sizeof(ca));
    ca.exit_signal = SIGCHLD;
    T("clone3(size 63)", clone3_call(&ca, 63));
    T("clone3(size 4097)", clone3_call(&ca, 4097));
    T("clone3(size 63, bad pointer)", clone3_call(BAD, 63));
    T("clone3(size 4097, bad pointer)", clone3_call(BAD, 4097));
    T("clone3(bad pointer)", clone3_call(BAD, 64));
    T("clone3(NULL)", clone3_call(NULL, 64));
    T("clone3(inaccessible)", clone3_call((struct clone_args*)g_noaccess, 88));
    {
        /* a struct longer than the kernel's: its tail must be zeros */
        static char big[128] __attribute__((aligned(8)));

        memcpy(big, &ca, sizeof(ca));
        big[100] = 1;
        T("clone3(size 128, a nonzero byte beyond the kernel's struct)",
          clone3_call((struct clone_args*)big, 128));
        T("clone3(size 128, bad pointer)", clone3_call(BAD, 128));
        /* the struct ends a page; the tail is in the inaccessible one */
        page_end = g_noaccess - 88;
        memcpy(page_end, &ca, 88);
        T("clone3(size 96, tail inaccessible)", clone3_call((struct clone_args*)page_end, 96));
        big[100] = 0;
        r = syscall(SYS_clone3, big, 128);
        CHECK(r >= 0);
        if (r == 0)
            _exit(6);
        reap("clone3 child (size 128, zero tail)", (pid_t)r);
    }
#define CA(field, value, what)                         \
    do {                                               \
        memset(&ca, 0, sizeof(ca));                    \
        ca.exit_signal = SIGCHLD;                      \
        field;                                         \
        T("clone3(" what ")", clone3_call(&ca, (value))); \
    } while (0)
    CA(ca.flags = 1ULL << 40, 88, "unknown flag");
    CA(ca.flags = SIGCHLD, 88, "a signal in flags");
    CA(ca.flags = CLONE_DETACHED, 88, "CLONE_DETACHED");
    CA(ca.exit_signal = 65, 88, "exit_signal 65");
    CA(ca.exit_signal = 1ULL << 32 | SIGCHLD, 88, "exit_signal beyond 32 bits");
    CA(ca.set_tid_size = 33, 88, "set_tid_size 33");
    CA(ca.set_tid_size = 1, 88, "set_tid NULL, set_tid_size 1");
    CA(ca.set_tid = (uintptr_t)&ptid, 88, "set_tid_size 0");
    CA((ca.set_tid = 1, ca.set_tid_size = 1), 88, "set_tid bad");
    CA((ca.set_tid = 1, ca.set_tid_size = 1, ca.flags = 1ULL << 40), 88,
       "set_tid bad, unknown flag");
    CA(ca.flags = CLONE_INTO_CGROUP, 64, "CLONE_INTO_CGROUP, size 64");
    CA((ca.flags = CLONE_INTO_CGROUP, ca.cgroup = 1ULL << 31), 88, "cgroup beyond INT_MAX");
    CA(ca.flags = CLONE_SIGHAND | CLONE_VM | CLONE_CLEAR_SIGHAND, 88,
       "CLONE_SIGHAND|CLONE_CLEAR_SIGHAND");
    CA(ca.flags = CLONE_PARENT, 88, "CLONE_PARENT with an exit signal");
    CA(ca.flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, 88,
       "CLONE_THREAD with an exit signal");
    CA(ca.stack_size = 4096, 88, "stack_size without stack");
    CA(ca.stack = (uintptr_t)stack, 88, "stack without stack_size");
    CA((ca.stack = -PAGE, ca.stack_size = 2 * PAGE), 88, "a stack that wraps around");
    CA((ca.stack = 1ULL << 63, ca.stack_size = PAGE), 88, "a stack in the kernel's half");
    CA((ca.flags = CLONE_PIDFD | CLONE_PARENT_SETTID, ca.pidfd = (uintptr_t)&ptid,
        ca.parent_tid = (uintptr_t)&ptid),
       88, "pidfd and parent_tid the same");
    CA(ca.flags = CLONE_NEWNS | CLONE_FS, 88, "CLONE_NEWNS|CLONE_FS");
    CA(ca.flags = CLONE_NEWUSER | CLONE_FS, 88, "CLONE_NEWUSER|CLONE_FS");
    CA((ca.flags = CLONE_THREAD, ca.exit_signal = 0), 88, "CLONE_THREAD alone");
    CA((ca.flags = CLONE_SIGHAND, ca.exit_signal = 0), 88, "CLONE_SIGHAND alone");
    CA((ca.flags = CLONE_THREAD | CLONE_SIGHAND | CLONE_VM | CLONE_NEWUSER, ca.exit_signal = 0),
       88, "CLONE_THREAD|CLONE_NEWUSER");
#undef CA

    /* clone3 as fork; with CLONE_CLEAR_SIGHAND the child's handlers are
     * reset, what is ignored stays ignored */
    memset(&ca, 0, sizeof(ca));
    ca.exit_signal = SIGCHLD;
    r = syscall(SYS_clone3, &ca, 64);
    CHECK(r >= 0);
    if (r == 0)
        _exit(5);
    reap("clone3 child (size 64)", (pid_t)r);
    handle(SIGUSR1, on_signal, 0);
    handle(SIGUSR2, SIG_IGN, 0);
    ca.flags = CLONE_CLEAR_SIGHAND;
    r = syscall(SYS_clone3, &ca, 88);
    CHECK(r >= 0);
    if (r == 0) {
        printf("CLONE_CLEAR_SIGHAND child: SIGUSR1 %s, SIGUSR2 %s\n", disposition(SIGUSR1),
               disposition(SIGUSR2));
        _exit(0);
    }
    reap("CLONE_CLEAR_SIGHAND child", (pid_t)r);
    printf("parent: SIGUSR1 %s, SIGUSR2 %s\n", disposition(SIGUSR1), disposition(SIGUSR2));
    handle(SIGUSR2, SIG_DFL, 0);
}

/* ---- execve, execveat ---- */

static void after_exec(void) {
    /* what the parent had: SIGUSR1 handled, SIGUSR2 ignored, SIGWINCH
     * handled with flags and a mask */
    printf("after exec: SIGUSR1 %s, SIGUSR2 %s, SIGWINCH %s\n", disposition(SIGUSR1),
           disposition(SIGUSR2), disposition(SIGWINCH));
}

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
        printf("%s failed: %s\n", how, errname(errno));
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

/* ---- kill, tgkill ---- */

static pid_t g_other_tid;
static int g_other_pipe[2];

static void* other_thread(void* arg) {
    char c;

    g_other_tid = gettid();
    (void)!read(g_other_pipe[0], &c, 1);
    return arg;
}

static void section_kill(void) {
    pthread_t th;
    pid_t gone;

    gone = fork();
    CHECK(gone >= 0);
    if (gone == 0)
        _exit(0);
    CHECK(waitpid(gone, NULL, 0) == gone);

    handle(SIGUSR1, on_signal, 0);
    g_hits = 0;
    T("kill(self, SIGUSR1)", syscall(SYS_kill, getpid(), SIGUSR1));
    printf("  handler ran: %d\n", g_hits);
    T("kill(self, 0)", syscall(SYS_kill, getpid(), 0));
    T("kill(self, 65)", syscall(SYS_kill, getpid(), 65));
    T("kill(self, -1)", syscall(SYS_kill, getpid(), -1));
    T("kill(0, 65)", syscall(SYS_kill, 0, 65));
    T("kill(0, 0)", syscall(SYS_kill, 0, 0));
    T("kill(INT_MIN, SIGUSR1)", syscall(SYS_kill, INT_MIN, SIGUSR1));
    T("kill(INT_MIN, 65)", syscall(SYS_kill, INT_MIN, 65));
    T("kill(no such group, 0)", syscall(SYS_kill, -INT_MAX, 0));
    T("kill(no such group, 65)", syscall(SYS_kill, -INT_MAX, 65));
    T("kill(own group, 65)", syscall(SYS_kill, -getpgrp(), 65));
    T("kill(a reaped child, 0)", syscall(SYS_kill, gone, 0));
    T("kill(a reaped child, 65)", syscall(SYS_kill, gone, 65));

    CHECK(pipe(g_other_pipe) == 0);
    CHECK(pthread_create(&th, NULL, other_thread, NULL) == 0);
    while (!__atomic_load_n(&g_other_tid, __ATOMIC_SEQ_CST))
        msleep(1);
    T("kill(another thread's tid, 65)", syscall(SYS_kill, g_other_tid, 65));
    T("tgkill(0, tid, SIGUSR1)", syscall(SYS_tgkill, 0, gettid(), SIGUSR1));
    T("tgkill(pid, 0, SIGUSR1)", syscall(SYS_tgkill, getpid(), 0, SIGUSR1));
    T("tgkill(-1, -1, 65)", syscall(SYS_tgkill, -1, -1, 65));
    T("tgkill(self, 65)", syscall(SYS_tgkill, getpid(), gettid(), 65));
    T("tgkill(self, -5)", syscall(SYS_tgkill, getpid(), gettid(), -5));
    T("tgkill(other thread, 65)", syscall(SYS_tgkill, getpid(), g_other_tid, 65));
    g_hits = 0;
    T("tgkill(self, SIGUSR1)", syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1));
    printf("  handler ran: %d\n", g_hits);
    T("tgkill(self, 0)", syscall(SYS_tgkill, getpid(), gettid(), 0));
    T("tgkill(init's group, self, 65)", syscall(SYS_tgkill, 1, gettid(), 65));
    T("tgkill(pid, a reaped child, 65)", syscall(SYS_tgkill, getpid(), gone, 65));
    T("tgkill(a reaped child, itself, 65)", syscall(SYS_tgkill, gone, gone, 65));
    CHECK(write(g_other_pipe[1], "x", 1) == 1);
    CHECK(pthread_join(th, NULL) == 0);
    close(g_other_pipe[0]);
    close(g_other_pipe[1]);
}

/* ---- rt_sigaction, rt_sigprocmask ---- */

static void print_action(const char* what, const struct ksigaction* a) {
    printf("  %s: handler %s, flags %#lx, restorer %s, mask %#llx\n", what,
           a->handler == (uintptr_t)SIG_DFL   ? "SIG_DFL"
           : a->handler == (uintptr_t)SIG_IGN ? "SIG_IGN"
           : a->handler == (uintptr_t)on_signal ? "on_signal"
                                               : "other",
           a->flags, a->restorer ? "set" : "none", (unsigned long long)a->mask);
}

static void section_sigaction(void) {
    struct ksigaction act, old;
    uint64_t set, oldset;
    const int sig = SIGRTMIN + 4;

    memset(&act, 0, sizeof(act));
    act.handler = (uintptr_t)on_signal;
    T("rt_sigaction(sigsetsize 4)", syscall(SYS_rt_sigaction, sig, &act, &old, 4));
    T("rt_sigaction(sigsetsize 16)", syscall(SYS_rt_sigaction, sig, &act, &old, 16));
    T("rt_sigaction(sigsetsize 4, signal 0)", syscall(SYS_rt_sigaction, 0, &act, &old, 4));
    T("rt_sigaction(bad act)", syscall(SYS_rt_sigaction, sig, BAD, &old, 8));
    T("rt_sigaction(bad act, signal 0)", syscall(SYS_rt_sigaction, 0, BAD, &old, 8));
    T("rt_sigaction(inaccessible act)", syscall(SYS_rt_sigaction, sig, g_noaccess, &old, 8));
    T("rt_sigaction(act across into inaccessible)",
      syscall(SYS_rt_sigaction, sig, g_noaccess - 8, &old, 8));
    T("rt_sigaction(signal 0)", syscall(SYS_rt_sigaction, 0, &act, &old, 8));
    T("rt_sigaction(signal 65)", syscall(SYS_rt_sigaction, 65, &act, &old, 8));
    T("rt_sigaction(signal -1)", syscall(SYS_rt_sigaction, -1, &act, &old, 8));
    T("rt_sigaction(signal 0, query)", syscall(SYS_rt_sigaction, 0, NULL, &old, 8));
    T("rt_sigaction(SIGKILL)", syscall(SYS_rt_sigaction, SIGKILL, &act, &old, 8));
    T("rt_sigaction(SIGSTOP)", syscall(SYS_rt_sigaction, SIGSTOP, &act, NULL, 8));
    T("rt_sigaction(SIGKILL, query)", syscall(SYS_rt_sigaction, SIGKILL, NULL, &old, 8));
    print_action("SIGKILL", &old);
    T("rt_sigaction(SIGSTOP, query, bad oact)", syscall(SYS_rt_sigaction, SIGSTOP, NULL, BAD, 8));
    T("rt_sigaction(64, query)", syscall(SYS_rt_sigaction, 64, NULL, &old, 8));
    print_action("signal 64", &old);
    T("rt_sigaction(SIGKILL, nothing)", syscall(SYS_rt_sigaction, SIGKILL, NULL, NULL, 8));

    /* flags the kernel does not know are dropped; SIGKILL and SIGSTOP
     * leave the mask */
    act.flags = SA_RESTART | SA_SIGINFO | SA_RESTORER | 0x400 | (1UL << 40);
    act.restorer = (uintptr_t)on_signal;
    act.mask = 1ULL << (SIGKILL - 1) | 1ULL << (SIGSTOP - 1) | 1ULL << (SIGTERM - 1);
    T("rt_sigaction(set)", syscall(SYS_rt_sigaction, sig, &act, NULL, 8));
    T("rt_sigaction(query)", syscall(SYS_rt_sigaction, sig, NULL, &old, 8));
    print_action("as the kernel keeps it", &old);
    /* the action changes even when the old one cannot be written */
    act.handler = (uintptr_t)SIG_IGN;
    act.flags = 0;
    T("rt_sigaction(set, bad oact)", syscall(SYS_rt_sigaction, sig, &act, BAD, 8));
    T("rt_sigaction(query)", syscall(SYS_rt_sigaction, sig, NULL, &old, 8));
    print_action("after the bad oact", &old);
    act.handler = (uintptr_t)SIG_DFL;
    act.mask = 0;
    T("rt_sigaction(set and query)", syscall(SYS_rt_sigaction, sig, &act, &old, 8));
    print_action("the former", &old);

    T("rt_sigprocmask(sigsetsize 4)", syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oldset, 4));
    set = 0;
    T("rt_sigprocmask(how 3)", syscall(SYS_rt_sigprocmask, 3, &set, &oldset, 8));
    T("rt_sigprocmask(how -1)", syscall(SYS_rt_sigprocmask, -1, &set, &oldset, 8));
    T("rt_sigprocmask(how 3, no set)", syscall(SYS_rt_sigprocmask, 3, NULL, &oldset, 8));
    T("rt_sigprocmask(bad set)", syscall(SYS_rt_sigprocmask, SIG_BLOCK, BAD, &oldset, 8));
    T("rt_sigprocmask(bad set, how 3)", syscall(SYS_rt_sigprocmask, 3, BAD, &oldset, 8));
    T("rt_sigprocmask(bad oset)", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, BAD, 8));
    T("rt_sigprocmask(how 3, bad oset)", syscall(SYS_rt_sigprocmask, 3, &set, BAD, 8));
    T("rt_sigprocmask(nothing)", syscall(SYS_rt_sigprocmask, 3, NULL, NULL, 8));
    set = 1ULL << (SIGUSR2 - 1) | 1ULL << (SIGKILL - 1) | 1ULL << (SIGSTOP - 1);
    T("rt_sigprocmask(block SIGUSR2, SIGKILL, SIGSTOP)",
      syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oldset, 8));
    T("rt_sigprocmask(query)", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &oldset, 8));
    printf("  blocked: SIGUSR2 %s, SIGKILL %s\n",
           oldset & 1ULL << (SIGUSR2 - 1) ? "yes" : "no",
           oldset & 1ULL << (SIGKILL - 1) ? "yes" : "no");
    T("rt_sigprocmask(unblock, bad oset)",
      syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, BAD, 8));
    T("rt_sigprocmask(query)", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &oldset, 8));
    printf("  blocked: SIGUSR2 %s\n", oldset & 1ULL << (SIGUSR2 - 1) ? "yes" : "no");
}

/* ---- brk, mmap, munmap, mprotect ---- */

static void section_mmap(void) {
    char *p, *q;
    uintptr_t cur, got;
    int fd;

    cur = (uintptr_t)syscall(SYS_brk, 0);
    got = (uintptr_t)syscall(SYS_brk, cur + 2 * PAGE);
    printf("brk(+8192) moved the break: %s\n", got == cur + 2 * PAGE ? "yes" : "no");
    ((char*)cur)[PAGE] = 1;
    printf("brk(1) leaves it: %s\n", (uintptr_t)syscall(SYS_brk, 1) == got ? "yes" : "no");
    printf("brk(back) moved it back: %s\n",
           (uintptr_t)syscall(SYS_brk, cur) == cur ? "yes" : "no");

    p = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                       -1, 0);
    CHECK(p != MAP_FAILED);
    p[0] = 'x';
    printf("mmap(anonymous): page-aligned %s\n", ((uintptr_t)p & (PAGE - 1)) == 0 ? "yes" : "no");
#define M(what, len, flags, fd, off) \
    T("mmap(" what ")", syscall(SYS_mmap, 0, (len), PROT_READ | PROT_WRITE, (flags), (fd), (off)))
    M("len 0", 0, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    M("offset 1", PAGE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1);
    M("offset 1, len 0", 0, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1);
    M("offset 1, bad fd", PAGE, MAP_PRIVATE, 999, 1);
    M("no type", PAGE, MAP_ANONYMOUS, -1, 0);
    M("no type, len 0", 0, MAP_ANONYMOUS, -1, 0);
    M("type 0xf", PAGE, MAP_ANONYMOUS | 0xf, -1, 0);
    M("MAP_SHARED_VALIDATE", PAGE, MAP_ANONYMOUS | MAP_SHARED_VALIDATE, -1, 0);
    M("no type, huge", 1UL << 50, MAP_ANONYMOUS, -1, 0);
    M("len -1", -1UL, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    M("huge", 1UL << 50, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    M("bad fd", PAGE, MAP_PRIVATE, 999, 0);
    M("bad fd, len 0", 0, MAP_PRIVATE, 999, 0);
    M("bad fd, no type", PAGE, 0, 999, 0);
    M("fd -1, not anonymous", PAGE, MAP_SHARED, -1, 0);
    T("mmap(MAP_FIXED_NOREPLACE over a mapping)",
      syscall(SYS_mmap, p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
              -1, 0));
    T("mmap(MAP_FIXED, no type)",
      syscall(SYS_mmap, p, PAGE, PROT_READ, MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    T("mmap(MAP_FIXED, unaligned address)",
      syscall(SYS_mmap, p + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    printf("mmap(MAP_FIXED over it) returns it: %s\n",
           syscall(SYS_mmap, p, PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == (long)p
               ? "yes"
               : "no");
    q = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 4 * PAGE);
    printf("mmap(shared anonymous, offset 16384): %s\n", q != MAP_FAILED ? "ok" : errname(errno));
    if (q != MAP_FAILED)
        munmap(q, PAGE);

    fd = open("shim-proc.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "hello", 5) == 5);
    q = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(q != MAP_FAILED);
    printf("mmap(a file): '%.5s'\n", q);
    munmap(q, PAGE);
    M("a file, len 0", 0, MAP_PRIVATE, fd, 0);
    M("a file, no type", PAGE, 0, fd, 0);
    M("a file, offset 1", PAGE, MAP_PRIVATE, fd, 1);
    close(fd);
    unlink("shim-proc.data");
#undef M

    T("munmap(unaligned)", syscall(SYS_munmap, p + 1, PAGE));
    T("munmap(len 0)", syscall(SYS_munmap, p, 0));
    T("munmap(1 << 63)", syscall(SYS_munmap, 1UL << 63, PAGE));
    T("munmap(len 1 << 60)", syscall(SYS_munmap, p, 1UL << 60));
    T("munmap(end of user space)", syscall(SYS_munmap, (1UL << 47) - PAGE, 2 * PAGE));

    T("mprotect(unaligned)", syscall(SYS_mprotect, p + 1, PAGE, PROT_READ));
    T("mprotect(len 0)", syscall(SYS_mprotect, p, 0, PROT_READ));
    T("mprotect(len 0, bad prot)", syscall(SYS_mprotect, p, 0, 0x10));
    T("mprotect(len 0, unaligned)", syscall(SYS_mprotect, p + 1, 0, PROT_READ));
    T("mprotect(PROT_GROWSDOWN|PROT_GROWSUP, len 0)",
      syscall(SYS_mprotect, p, 0, PROT_GROWSDOWN | PROT_GROWSUP));
    T("mprotect(bad prot)", syscall(SYS_mprotect, p, PAGE, 0x10));
    T("mprotect(prot beyond 32 bits)", syscall(SYS_mprotect, p, PAGE, PROT_READ | 1UL << 40));
    T("mprotect(len -1)", syscall(SYS_mprotect, p, -1UL, PROT_READ));
    T("mprotect(len -1, bad prot)", syscall(SYS_mprotect, p, -1UL, 0x10));
    /* a hole, made just before */
    q = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(q != MAP_FAILED && munmap(q, PAGE) == 0);
    T("mprotect(nothing mapped)", syscall(SYS_mprotect, q, PAGE, PROT_READ));
    T("munmap(nothing mapped)", syscall(SYS_munmap, q, PAGE));
    T("mprotect(PROT_SEM)", syscall(SYS_mprotect, p, PAGE, PROT_READ | PROT_WRITE | PROT_SEM));
    T("mprotect(PROT_READ)", syscall(SYS_mprotect, p, PAGE, PROT_READ));
    printf("  still readable: %d\n", p[0]);
    T("munmap", syscall(SYS_munmap, p, PAGE));
    T("munmap(again)", syscall(SYS_munmap, p, PAGE));
}

/* ---- arch_prctl, set_tid_address, set_robust_list, rseq ---- */

static void section_tls(void) {
    static const int unknown[] = {0,      0x1000, 0x1005, 0x1010, 0x1013, 0x1020, 0x1026,
                                  0x2000, 0x2004, 0x3001, 0x4000, 0x4005, 0x5000, 0x5006,
                                  0x6001, -1};
    unsigned long fs = 0;
    static int tid_word;
    void* head;
    size_t len;
    char what[64];
    void* area;

    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        snprintf(what, sizeof(what), "arch_prctl(%#x)", unknown[i]);
        T(what, syscall(SYS_arch_prctl, unknown[i], 0));
    }
    T("arch_prctl(ARCH_GET_FS)", syscall(SYS_arch_prctl, 0x1003, &fs));
    printf("  the FS base is the thread pointer: %s\n",
           fs == (unsigned long)pthread_self() ? "yes" : "no");
    T("arch_prctl(ARCH_GET_FS, bad address)", syscall(SYS_arch_prctl, 0x1003, BAD));
    T("arch_prctl(ARCH_GET_CPUID)", syscall(SYS_arch_prctl, 0x1011, 0));
    T("arch_prctl(ARCH_SET_FS, kernel address)", syscall(SYS_arch_prctl, 0x1002, -PAGE));

    printf("set_tid_address returns the tid: %s\n",
           syscall(SYS_set_tid_address, &tid_word) == gettid() ? "yes" : "no");

    T("set_robust_list(len 0)", syscall(SYS_set_robust_list, NULL, 0));
    T("set_robust_list(len 23)", syscall(SYS_set_robust_list, NULL, 23));
    T("set_robust_list(len 25)", syscall(SYS_set_robust_list, NULL, 25));
    T("get_robust_list", syscall(SYS_get_robust_list, 0, &head, &len));
    T("set_robust_list(bad head)", syscall(SYS_set_robust_list, BAD, len));
    T("set_robust_list(libc's head again)", syscall(SYS_set_robust_list, head, len));

    area = (char*)pthread_self() + __rseq_offset;
    printf("rseq registered by libc: %s\n", __rseq_size ? "yes" : "no");
    T("rseq(flags 2)", syscall(SYS_rseq, area, 32, 2, RSEQ_SIG));
    T("rseq(flags 3)", syscall(SYS_rseq, area, 32, 3, RSEQ_SIG));
    T("rseq(unregister, another area)", syscall(SYS_rseq, BAD, 32, 1, RSEQ_SIG));
    T("rseq(unaligned)", syscall(SYS_rseq, (char*)area + 4, 32, 0, RSEQ_SIG));
    T("rseq(len 31)", syscall(SYS_rseq, area, 31, 0, RSEQ_SIG));
    T("rseq(len 16, flags 2)", syscall(SYS_rseq, area, 16, 2, RSEQ_SIG));
    T("rseq(len beyond 32 bits)", syscall(SYS_rseq, area, 1UL << 32 | 31, 0, RSEQ_SIG));
    T("rseq(libc's area, len 32, another signature)",
      syscall(SYS_rseq, area, 32, 0, RSEQ_SIG + 1));
    T("rseq(libc's area again)", syscall(SYS_rseq, area, 32, 0, RSEQ_SIG));
    T("rseq(libc's area, flags beyond 32 bits)",
      syscall(SYS_rseq, area, 32, 1UL << 32, RSEQ_SIG));
    T("rseq(libc's area, len 64)", syscall(SYS_rseq, area, 64, 0, RSEQ_SIG));
}

/* ---- futex ---- */

static uint32_t g_word;

static void* futex_waiter(void* arg) {
    long r = syscall(SYS_futex, &g_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);

    return (void*)(intptr_t)(r == 0 || errno == EAGAIN);
}

static void section_futex(void) {
    uint32_t word = 0, word2 = 0;
    struct timespec ts;
    char buf[8] __attribute__((aligned(4)));
    pthread_t th;
    void* res;

#define F(what, op, val, tsp) T("futex(" what ")", syscall(SYS_futex, &word, (op), (val), (tsp), &word2, 0))
    F("op 14", 14, 0, NULL);
    F("op 99", 99, 0, NULL);
    F("op 14, bad timeout", 14, 0, BAD);
    F("FUTEX_WAKE|FUTEX_CLOCK_REALTIME", FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL);
    F("FUTEX_WAIT|FUTEX_CLOCK_REALTIME", FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, NULL);
    F("FUTEX_WAIT|FUTEX_CLOCK_REALTIME, bad timeout", FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, BAD);
    F("FUTEX_WAIT, value differs", FUTEX_WAIT, 1, NULL);
    F("FUTEX_WAIT, bad timeout", FUTEX_WAIT, 0, BAD);
    F("FUTEX_WAIT, bad timeout, value differs", FUTEX_WAIT, 1, BAD);
    F("FUTEX_WAIT_PRIVATE, inaccessible timeout", FUTEX_WAIT_PRIVATE, 0, g_noaccess);
    ts = (struct timespec){0, 1000000000};
    F("FUTEX_WAIT, tv_nsec 1e9", FUTEX_WAIT, 0, &ts);
    ts = (struct timespec){0, -1};
    F("FUTEX_WAIT, tv_nsec -1", FUTEX_WAIT, 0, &ts);
    ts = (struct timespec){-1, 0};
    F("FUTEX_WAIT, tv_sec -1", FUTEX_WAIT, 0, &ts);
    F("FUTEX_WAIT_BITSET, tv_sec -1", FUTEX_WAIT_BITSET, 0, &ts);
    F("FUTEX_LOCK_PI, tv_sec -1", FUTEX_LOCK_PI, 0, &ts);
    F("FUTEX_WAIT_REQUEUE_PI, tv_sec -1", FUTEX_WAIT_REQUEUE_PI, 0, &ts);
    F("FUTEX_LOCK_PI2, tv_sec -1", FUTEX_LOCK_PI2, 0, &ts);
    F("FUTEX_WAKE|FUTEX_CLOCK_REALTIME, tv_sec -1", FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 0, &ts);
    ts = (struct timespec){0, 1000000};
    F("FUTEX_WAIT, 1 ms", FUTEX_WAIT, 0, &ts);
    F("FUTEX_WAIT_PRIVATE, 1 ms", FUTEX_WAIT_PRIVATE, 0, &ts);
    ts = (struct timespec){1, 0};
    T("futex(FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, in the past)",
      syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &ts, NULL,
              FUTEX_BITSET_MATCH_ANY));
    T("futex(FUTEX_WAIT_BITSET, bitset 0)",
      syscall(SYS_futex, &word, FUTEX_WAIT_BITSET, 0, &ts, NULL, 0));
    F("FUTEX_WAKE", FUTEX_WAKE, 1, NULL);
    F("FUTEX_WAKE, a bad pointer as val2", FUTEX_WAKE, 1, BAD);
    F("FUTEX_REQUEUE", FUTEX_REQUEUE, 1, (void*)1);
    F("FUTEX_CMP_REQUEUE", FUTEX_CMP_REQUEUE, 1, (void*)1);
    T("futex(FUTEX_WAKE_OP)",
      syscall(SYS_futex, &word, FUTEX_WAKE_OP, 1, (void*)1, &word2, FUTEX_OP(FUTEX_OP_SET, 5, 0, 0)));
    printf("  the second word after FUTEX_WAKE_OP: %u\n", word2);
    T("futex(FUTEX_WAIT, unaligned)",
      syscall(SYS_futex, buf + 1, FUTEX_WAIT, 0, NULL, NULL, 0));
    T("futex(FUTEX_WAKE, bad address)", syscall(SYS_futex, BAD, FUTEX_WAKE, 1, NULL, NULL, 0));
    T("futex(FUTEX_WAIT, inaccessible address)",
      syscall(SYS_futex, g_noaccess, FUTEX_WAIT, 0, NULL, NULL, 0));
    F("FUTEX_TRYLOCK_PI", FUTEX_TRYLOCK_PI, 0, NULL);
    printf("  the lock word holds the tid: %s\n", word == (uint32_t)gettid() ? "yes" : "no");
    F("FUTEX_UNLOCK_PI", FUTEX_UNLOCK_PI, 0, NULL);
    F("FUTEX_LOCK_PI", FUTEX_LOCK_PI, 0, NULL);
    F("FUTEX_UNLOCK_PI", FUTEX_UNLOCK_PI, 0, NULL);
    F("FUTEX_UNLOCK_PI, not held", FUTEX_UNLOCK_PI, 0, NULL);
#undef F

    /* a thread blocked in a wait, woken */
    g_word = 0;
    CHECK(pthread_create(&th, NULL, futex_waiter, NULL) == 0);
    msleep(50);
    __atomic_store_n(&g_word, 1, __ATOMIC_SEQ_CST);
    for (;;) {
        CHECK(syscall(SYS_futex, &g_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) >= 0);
        if (pthread_tryjoin_np(th, &res) == 0)
            break;
        msleep(1);
    }
    printf("a thread's futex wait ended by a wake: %s\n", res ? "yes" : "no");
}

/* ---- nanosleep, clock_nanosleep ---- */

static void on_alarm(int sig) {
    g_hits++;
}

static void section_sleep(void) {
    struct timespec ts, rem;
    struct itimerval it = {{0, 0}, {0, 50000}};
    double t0;
    pid_t pid;
    long r;

#define N(what, sec, nsec, rmtp)                                        \
    do {                                                                \
        ts = (struct timespec){(sec), (nsec)};                          \
        T("nanosleep(" what ")", syscall(SYS_nanosleep, &ts, (rmtp)));  \
    } while (0)
    T("nanosleep(bad)", syscall(SYS_nanosleep, BAD, NULL));
    T("nanosleep(NULL)", syscall(SYS_nanosleep, NULL, NULL));
    T("nanosleep(inaccessible)", syscall(SYS_nanosleep, g_noaccess, NULL));
    N("tv_nsec 1e9", 0, 1000000000, NULL);
    N("tv_nsec -1", 0, -1, NULL);
    N("tv_sec -1", -1, 0, NULL);
    N("tv_sec -1, bad rmtp", -1, 0, BAD);
    N("1 us", 0, 1000, NULL);
    N("1 us, bad rmtp", 0, 1000, BAD);
#undef N

#define C(what, clk, flags, tsp) T("clock_nanosleep(" what ")", syscall(SYS_clock_nanosleep, (clk), (flags), (tsp), NULL))
    ts = (struct timespec){0, 1000};
    C("CLOCK_REALTIME", CLOCK_REALTIME, 0, &ts);
    C("CLOCK_MONOTONIC", CLOCK_MONOTONIC, 0, &ts);
    C("CLOCK_BOOTTIME", CLOCK_BOOTTIME, 0, &ts);
    C("CLOCK_TAI", CLOCK_TAI, 0, &ts);
    C("CLOCK_MONOTONIC, unknown flags", CLOCK_MONOTONIC, 0xfffe, &ts);
    C("CLOCK_MONOTONIC, TIMER_ABSTIME in the past", CLOCK_MONOTONIC, TIMER_ABSTIME, &ts);
    C("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID, 0, BAD);
    C("CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW, 0, BAD);
    C("CLOCK_REALTIME_COARSE", CLOCK_REALTIME_COARSE, 0, BAD);
    C("CLOCK_MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE, 0, BAD);
    C("clock 10", 10, 0, BAD);
    C("clock 12", 12, 0, BAD);
    C("clock 15", 15, 0, BAD);
    C("clock 16", 16, 0, BAD);
    C("clock INT_MAX", INT_MAX, 0, BAD);
    C("CLOCK_REALTIME_ALARM, bad", CLOCK_REALTIME_ALARM, 0, BAD);
    C("CLOCK_BOOTTIME_ALARM, bad", CLOCK_BOOTTIME_ALARM, 0, BAD);
    C("CLOCK_REALTIME_ALARM, unknown flags", CLOCK_REALTIME_ALARM, 0xfffe, &ts);
    C("a dynamic clock (fd 5)", (clockid_t)(~5U << 3 | 3), 0, &ts);
    C("own process's CPU clock, bad", (clockid_t)(~0U << 3 | 2), 0, BAD);
    C("own thread's CPU clock, bad", (clockid_t)(~0U << 3 | 6), 0, BAD);
    C("own thread's CPU clock", (clockid_t)(~0U << 3 | 6), 0, &ts);
    C("CLOCK_PROCESS_CPUTIME_ID, bad", CLOCK_PROCESS_CPUTIME_ID, 0, BAD);
    C("CLOCK_MONOTONIC, bad", CLOCK_MONOTONIC, 0, BAD);
    C("CLOCK_MONOTONIC, NULL", CLOCK_MONOTONIC, 0, NULL);
    ts = (struct timespec){0, 1000000000};
    C("CLOCK_MONOTONIC, tv_nsec 1e9", CLOCK_MONOTONIC, 0, &ts);
    C("clock 16, tv_nsec 1e9", 16, 0, &ts);
    ts = (struct timespec){-1, 0};
    C("CLOCK_REALTIME, tv_sec -1", CLOCK_REALTIME, TIMER_ABSTIME, &ts);
    ts = (struct timespec){0, 1000};
    T("clock_nanosleep(CLOCK_MONOTONIC, 1 us, bad rmtp)",
      syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, BAD));
#undef C

    /* interrupted by a handled signal: EINTR, and the time left */
    handle(SIGALRM, on_alarm, 0);
    ts = (struct timespec){2, 0};
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    T("nanosleep(2 s) interrupted", syscall(SYS_nanosleep, &ts, &rem));
    printf("  time left between 1 and 2 s: %s\n",
           rem.tv_sec == 1 || (rem.tv_sec == 0 && rem.tv_nsec > 900000000) ? "yes" : "no");
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    T("clock_nanosleep(2 s) interrupted",
      syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem));
    printf("  time left between 1 and 2 s: %s\n",
           rem.tv_sec == 1 || (rem.tv_sec == 0 && rem.tv_nsec > 900000000) ? "yes" : "no");
    CHECK(clock_gettime(CLOCK_MONOTONIC, &rem) == 0);
    rem.tv_sec += 2;
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    T("clock_nanosleep(TIMER_ABSTIME) interrupted",
      syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &rem, NULL));

    /* interrupted by a signal without a handler (a child's SIGCHLD:
     * ignored natively, stopped for under ptrace): the sleep restarts
     * (ERESTART_RESTARTBLOCK) and sleeps its whole time */
    for (int clock = 0; clock < 2; clock++) {
        pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            msleep(30);
            _exit(0);
        }
        ts = (struct timespec){0, 300000000};
        t0 = now();
        if (clock)
            r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem);
        else
            r = syscall(SYS_nanosleep, &ts, &rem);
        printf("%s(300 ms) across a child's exit: %ld, slept it all: %s\n",
               clock ? "clock_nanosleep" : "nanosleep", r, now() - t0 >= 0.29 ? "yes" : "no");
        CHECK(waitpid(pid, NULL, 0) == pid);
    }
    handle(SIGALRM, SIG_DFL, 0);
}

static const struct {
    const char* name;
    void (*run)(void);
} g_sections[] = {
    {"clone", section_clone},   {"exec", section_exec},   {"exit", section_exit},
    {"wait", section_wait},     {"kill", section_kill},   {"sigaction", section_sigaction},
    {"mmap", section_mmap},     {"tls", section_tls},     {"futex", section_futex},
    {"sleep", section_sleep},
};

int main(int argc, char** argv) {
    size_t n = sizeof(g_sections) / sizeof(g_sections[0]);

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 1 && !strcmp(argv[1], "after-exec")) {
        after_exec();
        return 0;
    }
    /* two pages, the second inaccessible (kept mapped so that no later
     * mapping takes its place) */
    g_noaccess = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(g_noaccess != MAP_FAILED);
    g_noaccess += PAGE;
    CHECK(mprotect(g_noaccess, PAGE, PROT_NONE) == 0);
    for (size_t i = 0; i < n; i++) {
        bool wanted = argc == 1;

        for (int a = 1; a < argc; a++)
            wanted |= !strcmp(argv[a], g_sections[i].name);
        if (!wanted)
            continue;
        printf("== %s\n", g_sections[i].name);
        g_sections[i].run();
    }
    return 0;
}

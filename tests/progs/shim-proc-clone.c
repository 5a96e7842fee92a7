/*
 * shim-proc-clone.c: fork, vfork, clone and clone3: the kernel's checks of
 * their flags and arguments, in its order (one of the shim-proc programs:
 * shim-proc.h).
 *
 *   shim-proc-clone             the calls
 *   shim-proc-clone after-exec  (run by it) the image after an execve
 */
#include "shim-proc.h"

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
        /* the tail is read in order: a byte that is not zero before the
         * inaccessible page decides (E2BIG), not the page */
        page_end = g_noaccess - 96;
        memcpy(page_end, &ca, 88);
        memset(page_end + 88, 0, 8);
        page_end[90] = 1;
        T("clone3(size 200, a nonzero byte before an inaccessible tail)",
          clone3_call((struct clone_args*)page_end, 200));
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

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 1 && !strcmp(argv[1], "after-exec"))
        return after_exec();
    shim_proc_setup();
    section("clone");
    section_clone();
    return 0;
}

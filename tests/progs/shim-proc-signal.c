/*
 * shim-proc-signal.c: kill and tgkill, rt_sigaction and rt_sigprocmask
 * (one of the shim-proc programs: shim-proc.h).
 */
#include "shim-proc.h"

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

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    shim_proc_setup();
    section("kill");
    section_kill();
    section("sigaction");
    section_sigaction();
    return 0;
}

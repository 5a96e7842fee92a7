/*
 * shim-sig-wait.c: rt_sigpending, rt_sigtimedwait, rt_sigsuspend, pause,
 * sigaltstack, signalfd and signalfd4 (one of the shim-proc programs:
 * shim-proc.h).
 */
#include "shim-proc.h"

#include <sys/signalfd.h>
#include <sys/timerfd.h>

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

#define BIT(sig) (1ULL << ((sig)-1))

static void block_only(uint64_t set) {
    CHECK(syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8) == 0);
}

static void section_pending(void) {
    uint64_t set = 0;
    uint32_t half = 0;

    block_only(BIT(SIGUSR1));
    CHECK(raise(SIGUSR1) == 0);
    T("rt_sigpending(&set, 8)", syscall(SYS_rt_sigpending, &set, 8));
    printf("  SIGUSR1 pending: %s\n", set & BIT(SIGUSR1) ? "yes" : "no");
    T("rt_sigpending(&half, 4)", syscall(SYS_rt_sigpending, &half, 4));
    printf("  SIGUSR1 pending: %s\n", half & BIT(SIGUSR1) ? "yes" : "no");
    T("rt_sigpending(&set, 9)", syscall(SYS_rt_sigpending, &set, 9));
    T("rt_sigpending(BAD, 8)", syscall(SYS_rt_sigpending, BAD, 8));
    T("rt_sigpending(BAD, 9)", syscall(SYS_rt_sigpending, BAD, 9));
    T("rt_sigpending(NULL, 0)", syscall(SYS_rt_sigpending, NULL, 0));
    T("rt_sigpending(no access, 8)", syscall(SYS_rt_sigpending, g_noaccess, 8));
}

static void section_timedwait(void) {
    uint64_t these = BIT(SIGUSR1);
    struct timespec ts = {0, 0};
    siginfo_t si;
    uint64_t set;
    pid_t pid;

    /* SIGUSR1 pending, blocked (section_pending) */
    memset(&si, 0, sizeof(si));
    T("rt_sigtimedwait(USR1 pending)", syscall(SYS_rt_sigtimedwait, &these, &si, NULL, 8));
    printf("  si_signo %d, from us: %s\n", si.si_signo, si.si_pid == getpid() ? "yes" : "no");
    T("rt_sigtimedwait(nothing pending, 0 s)", syscall(SYS_rt_sigtimedwait, &these, &si, &ts, 8));
    ts.tv_nsec = 20000000;
    T("rt_sigtimedwait(nothing pending, 20 ms)",
      syscall(SYS_rt_sigtimedwait, &these, NULL, &ts, 8));
    T("rt_sigtimedwait(size 4)", syscall(SYS_rt_sigtimedwait, &these, &si, &ts, 4));
    T("rt_sigtimedwait(size 4, BAD set)", syscall(SYS_rt_sigtimedwait, BAD, &si, &ts, 4));
    T("rt_sigtimedwait(BAD set)", syscall(SYS_rt_sigtimedwait, BAD, &si, &ts, 8));
    T("rt_sigtimedwait(BAD set, BAD time)", syscall(SYS_rt_sigtimedwait, BAD, &si, BAD, 8));
    T("rt_sigtimedwait(BAD time)", syscall(SYS_rt_sigtimedwait, &these, &si, BAD, 8));
    ts = (struct timespec){0, 1000000000};
    T("rt_sigtimedwait(tv_nsec 1e9)", syscall(SYS_rt_sigtimedwait, &these, &si, &ts, 8));
    ts = (struct timespec){-1, 0};
    T("rt_sigtimedwait(tv_sec -1)", syscall(SYS_rt_sigtimedwait, &these, &si, &ts, 8));
    ts = (struct timespec){0, -1};
    T("rt_sigtimedwait(tv_nsec -1)", syscall(SYS_rt_sigtimedwait, &these, &si, &ts, 8));
    /* the siginfo is written once the signal is taken: gone from the
     * queue even when it cannot be */
    CHECK(raise(SIGUSR1) == 0);
    T("rt_sigtimedwait(USR1 pending, BAD info)",
      syscall(SYS_rt_sigtimedwait, &these, BAD, NULL, 8));
    CHECK(syscall(SYS_rt_sigpending, &set, 8) == 0);
    printf("  SIGUSR1 still pending: %s\n", set & BIT(SIGUSR1) ? "yes" : "no");

    /* a child's exit (SIGCHLD, ignored) during the wait: natively it is
     * discarded and the wait times out */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        msleep(20);
        _exit(0);
    }
    ts = (struct timespec){0, 200000000};
    T("rt_sigtimedwait(200 ms) across a child's exit",
      syscall(SYS_rt_sigtimedwait, &these, NULL, &ts, 8));
    CHECK(waitpid(pid, NULL, 0) == pid);

    /* a child's exit, then another's SIGUSR1: the wait takes the latter */
    {
        pid_t first, second;

        first = fork();
        CHECK(first >= 0);
        if (first == 0)
            _exit(0);
        second = fork();
        CHECK(second >= 0);
        if (second == 0) {
            msleep(50);
            kill(getppid(), SIGUSR1);
            _exit(0);
        }
        ts = (struct timespec){5, 0};
        memset(&si, 0, sizeof(si));
        T("rt_sigtimedwait(5 s) across a child's exit and another's SIGUSR1",
          syscall(SYS_rt_sigtimedwait, &these, &si, &ts, 8));
        printf("  si_signo %d, from the second child: %s\n", si.si_signo,
               si.si_pid == second ? "yes" : "no");
        CHECK(waitpid(first, NULL, 0) == first);
        CHECK(waitpid(second, NULL, 0) == second);
    }
    block_only(0);
}

static void section_suspend(void) {
    uint64_t none = 0;

    handle(SIGUSR1, on_signal, 0);
    block_only(BIT(SIGUSR1));
    CHECK(raise(SIGUSR1) == 0);
    g_hits = 0;
    T("rt_sigsuspend(none blocked), USR1 pending", syscall(SYS_rt_sigsuspend, &none, 8));
    printf("  handler ran: %d\n", g_hits);
    T("rt_sigsuspend(size 4)", syscall(SYS_rt_sigsuspend, &none, 4));
    T("rt_sigsuspend(size 4, BAD)", syscall(SYS_rt_sigsuspend, BAD, 4));
    T("rt_sigsuspend(BAD)", syscall(SYS_rt_sigsuspend, BAD, 8));
    T("rt_sigsuspend(NULL)", syscall(SYS_rt_sigsuspend, NULL, 8));
    T("rt_sigsuspend(no access)", syscall(SYS_rt_sigsuspend, g_noaccess, 8));
    block_only(0);

    /* pause until a periodic timer's signal (whenever pause begins) */
    {
        struct itimerval it = {{0, 20000}, {0, 20000}};
        struct itimerval off = {{0, 0}, {0, 0}};

        handle(SIGALRM, on_signal, 0);
        g_hits = 0;
        CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
        T("pause() until SIGALRM", syscall(SYS_pause));
        CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
        printf("  handler ran: %s\n", g_hits >= 1 ? "yes" : "no");
        handle(SIGALRM, SIG_DFL, 0);
    }
    handle(SIGUSR1, SIG_DFL, 0);
}

static stack_t g_alt;
static volatile long g_on_alt_r;
static volatile int g_on_alt_errno, g_on_alt_flags;

static void on_alt(int sig) {
    stack_t now, ss = g_alt;

    g_on_alt_r = syscall(SYS_sigaltstack, &ss, &now);
    g_on_alt_errno = errno;
    g_on_alt_flags = now.ss_flags;
}

static void section_altstack(void) {
    static char stack[1 << 16];
    stack_t ss, old;

    T("sigaltstack(NULL, &old)", syscall(SYS_sigaltstack, NULL, &old));
    printf("  ss_flags %d\n", old.ss_flags);
    ss = (stack_t){.ss_sp = stack, .ss_size = sizeof(stack), .ss_flags = 0};
    T("sigaltstack(64 KiB, &old)", syscall(SYS_sigaltstack, &ss, &old));
    T("sigaltstack(NULL, &old)", syscall(SYS_sigaltstack, NULL, &old));
    printf("  ours: %s, ss_flags %d\n",
           old.ss_sp == stack && old.ss_size == sizeof(stack) ? "yes" : "no", old.ss_flags);
    T("sigaltstack(BAD, NULL)", syscall(SYS_sigaltstack, BAD, NULL));
    T("sigaltstack(NULL, BAD)", syscall(SYS_sigaltstack, NULL, BAD));
    T("sigaltstack(&ss, BAD)", syscall(SYS_sigaltstack, &ss, BAD));
    T("sigaltstack(no access, NULL)", syscall(SYS_sigaltstack, g_noaccess, NULL));
    ss.ss_flags = 7;
    T("sigaltstack(ss_flags 7)", syscall(SYS_sigaltstack, &ss, NULL));
    ss.ss_flags = SS_ONSTACK;
    T("sigaltstack(SS_ONSTACK)", syscall(SYS_sigaltstack, &ss, NULL));
    ss.ss_flags = SS_AUTODISARM;
    T("sigaltstack(SS_AUTODISARM)", syscall(SYS_sigaltstack, &ss, NULL));
    ss.ss_flags = 0;
    ss.ss_size = 100;
    T("sigaltstack(100 bytes)", syscall(SYS_sigaltstack, &ss, NULL));
    ss.ss_flags = 7;
    T("sigaltstack(100 bytes, ss_flags 7)", syscall(SYS_sigaltstack, &ss, NULL));
    ss.ss_flags = SS_DISABLE;
    T("sigaltstack(100 bytes, SS_DISABLE)", syscall(SYS_sigaltstack, &ss, NULL));
    CHECK(syscall(SYS_sigaltstack, NULL, &old) == 0);
    printf("  ss_flags %d\n", old.ss_flags);

    /* a handler on the alternate stack cannot change it */
    g_alt = (stack_t){.ss_sp = stack, .ss_size = sizeof(stack), .ss_flags = 0};
    CHECK(syscall(SYS_sigaltstack, &g_alt, NULL) == 0);
    handle(SIGUSR2, on_alt, SA_ONSTACK);
    CHECK(raise(SIGUSR2) == 0);
    printf("sigaltstack() on the alternate stack = %ld %s, ss_flags %d\n", g_on_alt_r,
           g_on_alt_r < 0 ? errno_name(g_on_alt_errno) : "", g_on_alt_flags);
    handle(SIGUSR2, SIG_DFL, 0);
    g_alt.ss_flags = SS_DISABLE;
    CHECK(syscall(SYS_sigaltstack, &g_alt, NULL) == 0);
}

static void section_signalfd(void) {
    uint64_t mask = BIT(SIGUSR1);
    struct signalfd_siginfo ssi;
    int fd, fd2, p[2], opath, tfd;

    CHECK(pipe(p) == 0);
    opath = open("/", O_PATH);
    CHECK(opath >= 0);
    tfd = timerfd_create(CLOCK_MONOTONIC, 0);
    CHECK(tfd >= 0);
    block_only(BIT(SIGUSR1) | BIT(SIGUSR2));

    fd = (int)syscall(SYS_signalfd4, -1, &mask, 8, SFD_CLOEXEC | SFD_NONBLOCK);
    printf("signalfd4(-1, USR1, CLOEXEC|NONBLOCK): %s\n", fd >= 0 ? "a descriptor" : errno_name(errno));
    CHECK(fd >= 0);
    printf("  close-on-exec: %s, non-blocking: %s\n",
           (fcntl(fd, F_GETFD) & FD_CLOEXEC) ? "yes" : "no",
           (fcntl(fd, F_GETFL) & O_NONBLOCK) ? "yes" : "no");
    T("  read(nothing pending)", read(fd, &ssi, sizeof(ssi)));
    CHECK(raise(SIGUSR1) == 0);
    T("  read(USR1 pending)", read(fd, &ssi, sizeof(ssi)));
    printf("  ssi_signo %u\n", ssi.ssi_signo);
    mask = BIT(SIGUSR2);
    T("signalfd4(fd, USR2) is fd", syscall(SYS_signalfd4, fd, &mask, 8, 0) - fd);
    CHECK(raise(SIGUSR2) == 0);
    T("  read(USR2 pending)", read(fd, &ssi, sizeof(ssi)));
    printf("  ssi_signo %u\n", ssi.ssi_signo);
    T("signalfd(fd, USR2) is fd", syscall(SYS_signalfd, fd, &mask, 8) - fd);

    T("signalfd4(size 4)", syscall(SYS_signalfd4, -1, &mask, 4, 0));
    T("signalfd4(size 4, BAD)", syscall(SYS_signalfd4, -1, BAD, 4, 0));
    T("signalfd4(BAD)", syscall(SYS_signalfd4, -1, BAD, 8, 0));
    T("signalfd4(BAD, flags 1)", syscall(SYS_signalfd4, -1, BAD, 8, 1));
    T("signalfd4(flags 1)", syscall(SYS_signalfd4, -1, &mask, 8, 1));
    T("signalfd4(flags 1, bad fd)", syscall(SYS_signalfd4, 999, &mask, 8, 1));
    T("signalfd4(bad fd)", syscall(SYS_signalfd4, 999, &mask, 8, 0));
    T("signalfd4(-2)", syscall(SYS_signalfd4, -2, &mask, 8, 0));
    T("signalfd4(a pipe)", syscall(SYS_signalfd4, p[0], &mask, 8, 0));
    T("signalfd4(O_PATH)", syscall(SYS_signalfd4, opath, &mask, 8, 0));
    T("signalfd4(a timerfd)", syscall(SYS_signalfd4, tfd, &mask, 8, 0));
    T("signalfd4(no access)", syscall(SYS_signalfd4, -1, g_noaccess, 8, 0));
    T("signalfd(size 9)", syscall(SYS_signalfd, -1, &mask, 9));
    T("signalfd(BAD)", syscall(SYS_signalfd, -1, BAD, 8));
    T("signalfd(a pipe)", syscall(SYS_signalfd, p[1], &mask, 8));
    T("signalfd(bad fd)", syscall(SYS_signalfd, 999, &mask, 8));
    fd2 = (int)syscall(SYS_signalfd, -1, &mask, 8);
    printf("signalfd(-1, USR2): %s\n", fd2 >= 0 ? "a descriptor" : errno_name(errno));
    printf("  close-on-exec: %s\n", (fcntl(fd2, F_GETFD) & FD_CLOEXEC) ? "yes" : "no");
    T("signalfd4(the new one, USR1) is it", syscall(SYS_signalfd4, fd2, &mask, 8, 0) - fd2);
    close(fd2);
    T("signalfd4(it, closed)", syscall(SYS_signalfd4, fd2, &mask, 8, 0));
    close(fd);
    close(p[0]);
    close(p[1]);
    close(opath);
    close(tfd);
    block_only(0);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    shim_proc_setup();
    section("rt_sigpending");
    section_pending();
    section("rt_sigtimedwait");
    section_timedwait();
    section("rt_sigsuspend, pause");
    section_suspend();
    section("sigaltstack");
    section_altstack();
    section("signalfd, signalfd4");
    section_signalfd();
    return 0;
}

/*
 * rt_sigaction.c: rt_sigaction(2) with the kernel's struct sigaction (no
 * signal is delivered, so the handlers are never run).  Covers sa_handler
 * (SIG_DFL, SIG_IGN, other values in hex), sa_mask (always 8 bytes,
 * whatever the size argument says; ~[...] when mostly full), sa_flags in
 * strace's order (SA_RESTORER first; unknown bits in hex, with the comment
 * "SA_???" when none is known), sa_restorer shown only with SA_RESTORER,
 * the old action printed at exit (an address when the call fails), signals
 * by name (SIGRTMIN for 32, then SIGRT_N) or number when invalid, and the
 * failures EINVAL (size other than 8, SIGKILL and SIGSTOP, signals 0 and
 * 65) and EFAULT.  strace reads a whole userspace struct sigaction (88
 * bytes), so the structures here never end near unmapped memory.
 */
#include "trace-sys.h"

/* The kernel's struct sigaction on x86-64. */
struct k_sigaction {
    unsigned long handler;
    unsigned long flags;
    unsigned long restorer;
    uint64_t mask;
};

#define K_SA_RESTORER 0x04000000UL

static const struct xlat sa_flags[] = {
    { K_SA_RESTORER, "SA_RESTORER" },
    XLAT(SA_ONSTACK),
    XLAT(SA_RESTART),
    { 0x20000000, "SA_INTERRUPT" },
    XLAT(SA_NODEFER),
    XLAT(SA_RESETHAND),
    XLAT(SA_SIGINFO),
    XLAT(SA_NOCLDSTOP),
    XLAT(SA_NOCLDWAIT),
    XLAT_END,
};

/* Bit of signal SIG in a kernel signal set. */
#define SIGBIT(sig) (1ULL << ((sig)-1))

/* A struct sigaction, or its address when it cannot be read. */
static const char* sact(const struct k_sigaction* sa) {
    const char* handler;
    const char* restorer = "";

    if (!mapped(sa))
        return sptr(sa);
    if (sa->handler == (unsigned long)SIG_DFL)
        handler = "SIG_DFL";
    else if (sa->handler == (unsigned long)SIG_IGN)
        handler = "SIG_IGN";
    else
        handler = xasprintf("%#lx", sa->handler);
    if (sa->flags & K_SA_RESTORER)
        restorer = xasprintf(", sa_restorer=%s", sptr((const void*)sa->restorer));
    return xasprintf("{sa_handler=%s, sa_mask=%s, sa_flags=%s%s}", handler, ssigset(sa->mask, 8),
                     sflags(sa_flags, sa->flags, "SA_???"), restorer);
}

static long test_sigaction(int sig, const struct k_sigaction* act, struct k_sigaction* old,
                           unsigned long size) {
    const char* before = act ? sact(act) : "NULL";
    long rc = syscall(SYS_rt_sigaction, sig, act, old, size);
    const char* res = sres(rc);

    printf("rt_sigaction(%s, %s, %s, %lu) %s\n", ssig(sig), before,
           rc == 0 && old ? sact(old) : sptr(old), size, res);
    return rc;
}

/* An action to pass. */
static struct k_sigaction* act(unsigned long handler, uint64_t mask, unsigned long flags,
                               unsigned long restorer) {
    struct k_sigaction* sa = calloc(1, sizeof(*sa));

    CHECK(sa != NULL);
    *sa = (struct k_sigaction){ handler, flags, restorer, mask };
    return sa;
}

int main(void) {
    struct k_sigaction old;
    struct k_sigaction* edge = tail_alloc(128);
    unsigned long ign = (unsigned long)SIG_IGN;

    test_sigaction(SIGUSR1, NULL, &old, 8);
    test_sigaction(SIGUSR1,
                   act(0x401000, SIGBIT(SIGUSR2) | SIGBIT(40),
                       K_SA_RESTORER | SA_RESTART | SA_SIGINFO, 0x402000),
                   &old, 8);
    test_sigaction(SIGUSR1, act(ign, 0, 0, 0), edge, 8);
    test_sigaction(SIGUSR1, NULL, &old, 8);
    test_sigaction(SIGUSR2, act(0x2, ~0ULL, K_SA_RESTORER, 0), NULL, 8);
    test_sigaction(SIGUSR2, act(ign, ~SIGBIT(SIGKILL), SA_ONSTACK | SA_NODEFER | SA_RESETHAND, 0),
                   &old, 8);
    test_sigaction(SIGUSR2, NULL, &old, 8);
    test_sigaction(SIGCHLD, act(ign, 0, SA_NOCLDSTOP | SA_NOCLDWAIT, 0), &old, 8);
    test_sigaction(SIGCHLD, act(0, 0, 0, 0), &old, 8);
    test_sigaction(SIGHUP, act(ign, SIGBIT(32) | SIGBIT(33) | SIGBIT(64), 0x20000000, 0), &old, 8);
    test_sigaction(SIGHUP, act(0, 0, 0x8, 0), &old, 8);
    test_sigaction(SIGHUP, act(0, 0, SA_RESTART | 0x8, 0), &old, 8);
    test_sigaction(SIGHUP, act(0, 0, 0xffffffff, 0x1234), &old, 8);
    test_sigaction(SIGHUP, act(0, 0, 0, 0), NULL, 8);
    test_sigaction(32, NULL, &old, 8);
    test_sigaction(SIGRTMAX, act(ign, 0, 0, 0), &old, 8);
    test_sigaction(SIGKILL, NULL, &old, 8);
    test_sigaction(SIGSTOP, NULL, NULL, 8);

    test_sigaction(SIGKILL, act(ign, 0, 0, 0), &old, 8);
    test_sigaction(SIGSTOP, act(0, 0, 0, 0), NULL, 8);
    test_sigaction(0, act(ign, 0, 0, 0), &old, 8);
    test_sigaction(65, NULL, &old, 8);
    test_sigaction(-1, NULL, &old, 8);
    test_sigaction(SIGUSR2, act(ign, SIGBIT(SIGSEGV) | SIGBIT(40), 0, 0), &old, 4);
    test_sigaction(SIGUSR2, act(ign, SIGBIT(SIGSEGV), 0, 0), &old, 16);
    test_sigaction(SIGUSR2, NULL, NULL, 0);
    test_sigaction(SIGUSR2, BAD_ADDR, &old, 8);
    test_sigaction(SIGUSR2, NULL, BAD_ADDR, 8);
    test_sigaction(SIGUSR2, (struct k_sigaction*)((char*)edge + 128), NULL, 8);
    test_sigaction(SIGUSR2, NULL, (struct k_sigaction*)((char*)edge + 128), 8);

    EXPECT_EXITED_0();
    return 0;
}

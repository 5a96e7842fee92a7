/*
 * rt_sigprocmask.c: rt_sigprocmask(2) and rt_sigpending(2).  Covers the
 * SIG_* operations (unknown ones in hex with the comment "SIG_???"), sets
 * as [USR1 RT_2], [] and ~[...] (SIGKILL and SIGSTOP never get blocked),
 * the old mask printed at exit, NULL for either set, both sets printed as
 * addresses when the size is not 8, rt_sigpending with a size below 8
 * (allowed: only that many bytes of the set, and so of the signals, are
 * shown) and above (EINVAL), and the failures EINVAL and EFAULT (a bad old
 * set fails after the mask was changed).  Pending signals are sent with
 * kill and taken back with sigtimedwait, neither of them traced.
 */
#include "trace-sys.h"

#include <time.h>

static const struct xlat hows[] = {
    XLAT(SIG_BLOCK),
    XLAT(SIG_UNBLOCK),
    XLAT(SIG_SETMASK),
    XLAT_END,
};

/* Bit of signal SIG in a kernel signal set. */
#define SIGBIT(sig) (1ULL << ((sig)-1))

/* A signal set argument of SIZE bytes (at most 8), or its address. */
static const char* sset(const uint64_t* set, size_t size) {
    return mapped(set) ? ssigset(*set, (unsigned int)size) : sptr(set);
}

static long test_sigprocmask(int how, const uint64_t* set, uint64_t* old, size_t size) {
    const char* before = size == 8 ? sset(set, 8) : sptr(set);
    long rc = syscall(SYS_rt_sigprocmask, how, set, old, size);
    const char* res = sres(rc);

    printf("rt_sigprocmask(%s, %s, %s, %zu) %s\n", sxval(hows, (unsigned int)how, "SIG_???"),
           before, rc == 0 && old ? sset(old, 8) : sptr(old), size, res);
    return rc;
}

/* rt_sigprocmask with a set made of MASK. */
static long try_mask(int how, uint64_t mask, uint64_t* old) {
    return test_sigprocmask(how, &mask, old, 8);
}

static long test_sigpending(uint64_t* set, size_t size) {
    long rc;
    const char* res;

    if (mapped(set))
        *set = 0;
    rc = syscall(SYS_rt_sigpending, set, size);
    res = sres(rc);
    printf("rt_sigpending(%s, %zu) %s\n", rc == 0 && size ? sset(set, size) : sptr(set), size, res);
    return rc;
}

/* Take back a pending signal, without tracing. */
static void take(int sig) {
    sigset_t set;
    struct timespec zero = { 0, 0 };

    sigemptyset(&set);
    sigaddset(&set, sig);
    CHECK(sigtimedwait(&set, NULL, &zero) == sig);
}

int main(void) {
    uint64_t old, pending;
    uint64_t* edge = tail_alloc(8);

    test_sigprocmask(SIG_SETMASK, NULL, &old, 8);
    try_mask(SIG_BLOCK, SIGBIT(SIGUSR1), &old);
    try_mask(SIG_BLOCK, SIGBIT(SIGUSR2) | SIGBIT(34) | SIGBIT(32), edge);
    try_mask(SIG_UNBLOCK, SIGBIT(SIGUSR2), &old);
    test_sigprocmask(SIG_BLOCK, NULL, &old, 8);
    try_mask(SIG_BLOCK, ~0ULL, &old);
    test_sigprocmask(SIG_UNBLOCK, NULL, &old, 8);
    try_mask(SIG_UNBLOCK, ~(SIGBIT(SIGUSR1) | SIGBIT(40)), NULL);
    test_sigprocmask(SIG_SETMASK, NULL, NULL, 8);
    test_sigprocmask(SIG_SETMASK, NULL, &old, 8);

    test_sigpending(&pending, 8);
    CHECK(kill(getpid(), SIGUSR1) == 0);
    CHECK(kill(getpid(), 40) == 0);
    test_sigpending(&pending, 8);
    test_sigpending(edge, 4);
    test_sigpending(&pending, 1);
    test_sigpending(&pending, 0);
    test_sigpending(&pending, 16);
    test_sigpending(NULL, 8);
    test_sigpending(BAD_ADDR, 8);
    test_sigpending(edge + 1, 8);
    take(SIGUSR1);
    test_sigpending(&pending, 8);
    take(40);
    test_sigpending(&pending, 8);

    try_mask(7, SIGBIT(SIGUSR1), &old);
    try_mask(-1, SIGBIT(SIGUSR1), NULL);
    test_sigprocmask(7, NULL, &old, 8);
    test_sigprocmask(SIG_BLOCK, &old, &old, 4);
    test_sigprocmask(SIG_BLOCK, &old, &old, 16);
    test_sigprocmask(SIG_BLOCK, NULL, NULL, 0);
    test_sigprocmask(SIG_BLOCK, BAD_ADDR, &old, 8);
    test_sigprocmask(SIG_BLOCK, edge + 1, NULL, 8);
    *edge = SIGBIT(SIGHUP);
    test_sigprocmask(SIG_BLOCK, edge, BAD_ADDR, 8);
    test_sigprocmask(SIG_BLOCK, NULL, &old, 8);
    try_mask(SIG_SETMASK, 0, NULL);

    EXPECT_EXITED_0();
    return 0;
}

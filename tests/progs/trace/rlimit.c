/*
 * rlimit.c: getrlimit(2), setrlimit(2) and prlimit64(2).  Covers the
 * resource names (unknown ones in hex with the comment "RLIMIT_???"),
 * limits printed as RLIM64_INFINITY, as N*1024 for multiples of 1024 above
 * 1024, or in decimal, the new limit printed at entry and the old one at
 * exit (an address when the call fails), NULL for either, and the failures
 * EINVAL (unknown resource, soft limit above the hard one), EPERM (more
 * files than fs.nr_open)  ESRCH and EFAULT.  Only soft and hard limits of
 * this process that nothing here depends on are changed, and put back.
 *
 * Static glibc reads RLIMIT_STACK with prlimit64 before main; its line is
 * computed from the first getrlimit's result.
 */
#include "trace-sys.h"

#include <limits.h>

static const struct xlat resources[] = {
    XLAT(RLIMIT_CPU),
    XLAT(RLIMIT_FSIZE),
    XLAT(RLIMIT_DATA),
    XLAT(RLIMIT_STACK),
    XLAT(RLIMIT_CORE),
    XLAT(RLIMIT_RSS),
    XLAT(RLIMIT_NPROC),
    XLAT(RLIMIT_NOFILE),
    XLAT(RLIMIT_MEMLOCK),
    XLAT(RLIMIT_AS),
    XLAT(RLIMIT_LOCKS),
    XLAT(RLIMIT_SIGPENDING),
    XLAT(RLIMIT_MSGQUEUE),
    XLAT(RLIMIT_NICE),
    XLAT(RLIMIT_RTPRIO),
    XLAT(RLIMIT_RTTIME),
    XLAT_END,
};

static const char* sresource(int res) {
    return sxval(resources, (unsigned int)res, "RLIMIT_???");
}

/* One limit: RLIM64_INFINITY, N*1024, or the number. */
static const char* slim(uint64_t lim) {
    if (lim == UINT64_MAX)
        return "RLIM64_INFINITY";
    if (lim > 1024 && lim % 1024 == 0)
        return xasprintf("%llu*1024", (unsigned long long)(lim / 1024));
    return xasprintf("%llu", (unsigned long long)lim);
}

/* A struct rlimit (or rlimit64: the same on x86-64), or its address. */
static const char* srlimit(const struct rlimit* rl) {
    if (!mapped(rl))
        return sptr(rl);
    return xasprintf("{rlim_cur=%s, rlim_max=%s}", slim(rl->rlim_cur), slim(rl->rlim_max));
}

static long test_getrlimit(int res, struct rlimit* rl) {
    long rc = syscall(SYS_getrlimit, res, rl);
    const char* str = sres(rc);

    printf("getrlimit(%s, %s) %s\n", sresource(res), rc == 0 ? srlimit(rl) : sptr(rl), str);
    return rc;
}

static long test_setrlimit(int res, const struct rlimit* rl) {
    const char* before = srlimit(rl);
    long rc = syscall(SYS_setrlimit, res, rl);
    const char* str = sres(rc);

    printf("setrlimit(%s, %s) %s\n", sresource(res), before, str);
    return rc;
}

static long test_prlimit64(int pid, int res, const struct rlimit* new_rl, struct rlimit* old_rl) {
    const char* before = srlimit(new_rl);
    long rc = syscall(SYS_prlimit64, pid, res, new_rl, old_rl);
    const char* str = sres(rc);

    printf("prlimit64(%d, %s, %s, %s) %s\n", pid, sresource(res), before,
           rc == 0 ? srlimit(old_rl) : sptr(old_rl), str);
    return rc;
}

/* A limit to pass. */
static struct rlimit* lim(uint64_t cur, uint64_t max) {
    struct rlimit* rl = calloc(1, sizeof(*rl));

    CHECK(rl != NULL);
    rl->rlim_cur = cur;
    rl->rlim_max = max;
    return rl;
}

int main(void) {
    struct rlimit stack, core, msgq, nofile, old;
    struct rlimit* edge = tail_alloc(sizeof(struct rlimit));
    int self = getpid();

    /* The same limit as the start-up call, printed after its line. */
    CHECK(syscall(SYS_getrlimit, RLIMIT_STACK, &stack) == 0);
    printf("prlimit64(0, RLIMIT_STACK, NULL, %s) = 0\n", srlimit(&stack));
    printf("getrlimit(RLIMIT_STACK, %s) = 0\n", srlimit(&stack));

    for (int res = RLIMIT_CPU; res <= RLIMIT_RTTIME; res++)
        test_getrlimit(res, &old);
    test_getrlimit(RLIMIT_CORE, &core);
    test_getrlimit(RLIMIT_MSGQUEUE, &msgq);
    test_getrlimit(RLIMIT_NOFILE, &nofile);
    test_getrlimit(16, &old);
    test_getrlimit(-1, &old);
    test_getrlimit(RLIMIT_CORE, NULL);
    test_getrlimit(RLIMIT_CORE, BAD_ADDR);
    test_getrlimit(RLIMIT_CORE, edge + 1);

    /* Lower soft limits, each format of a number, then put them back. */
    test_setrlimit(RLIMIT_CORE, lim(0, core.rlim_max));
    test_getrlimit(RLIMIT_CORE, edge);
    test_setrlimit(RLIMIT_CORE, lim(1024, core.rlim_max));
    test_getrlimit(RLIMIT_CORE, &old);
    test_setrlimit(RLIMIT_CORE, lim(2048, core.rlim_max));
    test_getrlimit(RLIMIT_CORE, &old);
    test_setrlimit(RLIMIT_CORE, lim(1025, core.rlim_max));
    test_setrlimit(RLIMIT_CORE, &core);
    test_setrlimit(RLIMIT_CORE, lim(4096, 1024));
    test_setrlimit(RLIMIT_NOFILE, lim(UINT64_MAX, UINT64_MAX));
    test_setrlimit(99, &core);
    test_setrlimit(RLIMIT_CORE, NULL);
    test_setrlimit(RLIMIT_CORE, BAD_ADDR);

    test_prlimit64(0, RLIMIT_MSGQUEUE, NULL, &old);
    test_prlimit64(self, RLIMIT_MSGQUEUE, lim(msgq.rlim_cur / 2 + 1, msgq.rlim_max), &old);
    test_prlimit64(0, RLIMIT_MSGQUEUE, &msgq, NULL);
    test_prlimit64(0, RLIMIT_MSGQUEUE, NULL, NULL);
    test_prlimit64(0, RLIMIT_MSGQUEUE, &msgq, edge);
    test_prlimit64(0, RLIMIT_NOFILE, NULL, edge);
    test_prlimit64(INT_MAX, RLIMIT_CORE, NULL, &old);
    test_prlimit64(-1, RLIMIT_CORE, NULL, &old);
    test_prlimit64(0, 16, NULL, &old);
    test_prlimit64(0, RLIMIT_CORE, lim(2, 1), &old);
    test_prlimit64(0, RLIMIT_CORE, BAD_ADDR, &old);
    test_prlimit64(0, RLIMIT_CORE, NULL, BAD_ADDR);
    test_prlimit64(0, RLIMIT_CORE, &core, edge + 1);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * sched.c: the scheduler calls sched_getaffinity(2), sched_setaffinity(2),
 * sched_getscheduler(2), sched_setscheduler(2), sched_getparam(2),
 * sched_setparam(2), sched_get_priority_max(2), sched_get_priority_min(2),
 * sched_rr_get_interval(2) and sched_yield(2).  Covers CPU sets printed as
 * lists of CPU numbers over the given size (at entry) or the returned size
 * (at exit), never cut, [] when empty; policies by name, unknown ones and
 * SCHED_RESET_ON_FORK in hex with the comment "SCHED_???", and
 * sched_getscheduler's result with the policy's name in a comment only when
 * it has one; struct sched_param as [PRIORITY]; and the failures EINVAL,
 * ESRCH and EFAULT.  Only this process's affinity and policy change, and
 * only to normal (not real-time) policies.
 */
#include "trace-sys.h"

#include <limits.h>
#include <sched.h>

static const struct xlat policies[] = {
    XLAT(SCHED_OTHER),  XLAT(SCHED_FIFO), XLAT(SCHED_RR),          XLAT(SCHED_BATCH),
    { 4, "SCHED_ISO" }, XLAT(SCHED_IDLE), { 6, "SCHED_DEADLINE" }, XLAT_END,
};

/* SIZE bytes of a CPU set as a list of the set bits' numbers. */
static const char* scpus(const unsigned long* mask, size_t size) {
    const unsigned char* bytes = (const unsigned char*)mask;
    const char* out = "[";

    for (size_t i = 0; i < size * 8; i++)
        if (bytes[i / 8] & (1U << (i % 8)))
            out = xasprintf("%s%s%zu", out, out[1] ? " " : "", i);
    return xasprintf("%s]", out);
}

static long test_getaffinity(int pid, unsigned int size, unsigned long* mask) {
    long rc = syscall(SYS_sched_getaffinity, pid, size, mask);
    const char* res = sres(rc);

    printf("sched_getaffinity(%d, %u, %s) %s\n", pid, size,
           rc >= 0 ? scpus(mask, (size_t)rc) : sptr(mask), res);
    return rc;
}

static long test_setaffinity(int pid, unsigned int size, const unsigned long* mask) {
    const char* before = mapped(mask) ? scpus(mask, size) : sptr(mask);
    long rc = syscall(SYS_sched_setaffinity, pid, size, mask);
    const char* res = sres(rc);

    printf("sched_setaffinity(%d, %u, %s) %s\n", pid, size, before, res);
    return rc;
}

static long test_getscheduler(int pid) {
    long rc = syscall(SYS_sched_getscheduler, pid);
    const char* res = sres(rc);
    const struct xlat* p;

    for (p = policies; rc >= 0 && p->name; p++)
        if (p->val == (unsigned long)rc)
            res = xasprintf("%s (%s)", res, p->name);
    printf("sched_getscheduler(%d) %s\n", pid, res);
    return rc;
}

/* A struct sched_param: [PRIORITY], or its address. */
static const char* sparam(const struct sched_param* sp) {
    return mapped(sp) ? xasprintf("[%d]", sp->sched_priority) : sptr(sp);
}

static long test_setscheduler(int pid, int policy, const struct sched_param* sp) {
    const char* before = sparam(sp);
    long rc = syscall(SYS_sched_setscheduler, pid, policy, sp);
    const char* res = sres(rc);

    printf("sched_setscheduler(%d, %s, %s) %s\n", pid,
           sxval(policies, (unsigned int)policy, "SCHED_???"), before, res);
    return rc;
}

static long test_param(const char* name, long nr, int pid, struct sched_param* sp) {
    const char* before = sparam(sp);
    long rc = syscall(nr, pid, sp);
    const char* res = sres(rc);

    if (nr == SYS_sched_getparam)
        before = rc == 0 ? sparam(sp) : sptr(sp);
    printf("%s(%d, %s) %s\n", name, pid, before, res);
    return rc;
}

static long test_priority(const char* name, long nr, int policy) {
    long rc = syscall(nr, policy);
    const char* res = sres(rc);

    printf("%s(%s) %s\n", name, sxval(policies, (unsigned int)policy, "SCHED_???"), res);
    return rc;
}

static long test_rr_interval(int pid, struct timespec* ts) {
    long rc = syscall(SYS_sched_rr_get_interval, pid, ts);
    const char* res = sres(rc);

    printf("sched_rr_get_interval(%d, %s) %s\n", pid, rc == 0 ? stimespec(ts) : sptr(ts), res);
    return rc;
}

static void test_affinity(void) {
    unsigned long mask[16], orig[16], many[16];
    unsigned long* edge = tail_alloc(8);
    long size;

    memset(mask, 0, sizeof(mask));
    memset(many, 0xff, sizeof(many));
    size = test_getaffinity(0, sizeof(orig), orig);
    CHECK(size > 0);
    memcpy(mask, orig, (size_t)size);

    test_getaffinity((int)getpid(), sizeof(mask), mask);
    test_getaffinity(0, 1024, mask);
    test_getaffinity(0, 12, mask);
    test_getaffinity(0, 0, mask);
    test_getaffinity(-1, sizeof(mask), mask);
    test_getaffinity(INT_MAX, sizeof(mask), mask);
    test_getaffinity(0, sizeof(mask), NULL);
    test_getaffinity(0, sizeof(mask), BAD_ADDR);

    /* Only the first CPU of the original set, then every possible one. */
    mask[0] = orig[0] & -orig[0];
    test_setaffinity(0, 8, mask);
    test_getaffinity(0, sizeof(mask), mask);
    test_setaffinity(0, sizeof(many), many);
    test_setaffinity(0, 12, many);
    test_setaffinity(0, (unsigned int)size, orig);

    memset(mask, 0, sizeof(mask));
    test_setaffinity(0, sizeof(mask), mask);
    test_setaffinity(0, 0, mask);
    mask[1] = 1UL << 63;
    test_setaffinity(0, sizeof(mask), mask);
    test_setaffinity(INT_MAX, 8, orig);
    test_setaffinity(0, 8, NULL);
    test_setaffinity(0, 8, BAD_ADDR);
    *edge = orig[0];
    test_setaffinity(0, 8, edge);
    test_setaffinity(0, 8, edge + 1);
}

static void test_policies(void) {
    struct sched_param sp = { 0 };
    struct sched_param five = { 5 };
    struct sched_param* edge = tail_alloc(sizeof(struct sched_param));
    struct timespec ts;

    edge->sched_priority = 0;
    test_getscheduler(0);
    test_param("sched_getparam", SYS_sched_getparam, 0, &sp);
    test_setscheduler(0, SCHED_BATCH, &sp);
    test_getscheduler((int)getpid());
    test_setscheduler(0, SCHED_IDLE, edge);
    test_getscheduler(0);
    test_setscheduler(0, SCHED_BATCH | SCHED_RESET_ON_FORK, &sp);
    test_getscheduler(0);
    test_setscheduler(0, SCHED_OTHER, &sp);
    test_getscheduler(0);
    test_param("sched_setparam", SYS_sched_setparam, 0, &sp);
    test_param("sched_getparam", SYS_sched_getparam, 0, edge);

    test_getscheduler(-1);
    test_getscheduler(INT_MAX);
    test_setscheduler(0, SCHED_OTHER, &five);
    test_setscheduler(0, SCHED_FIFO, &sp);
    test_setscheduler(0, 77, &sp);
    test_setscheduler(0, SCHED_OTHER, NULL);
    test_setscheduler(0, SCHED_OTHER, BAD_ADDR);
    test_setscheduler(INT_MAX, SCHED_OTHER, &sp);
    test_param("sched_setparam", SYS_sched_setparam, 0, &five);
    test_param("sched_setparam", SYS_sched_setparam, -1, &sp);
    test_param("sched_getparam", SYS_sched_getparam, 0, NULL);
    test_param("sched_getparam", SYS_sched_getparam, 0, edge + 1);
    test_param("sched_getparam", SYS_sched_getparam, INT_MAX, &sp);

    test_priority("sched_get_priority_max", SYS_sched_get_priority_max, SCHED_FIFO);
    test_priority("sched_get_priority_min", SYS_sched_get_priority_min, SCHED_FIFO);
    test_priority("sched_get_priority_max", SYS_sched_get_priority_max, SCHED_RR);
    test_priority("sched_get_priority_max", SYS_sched_get_priority_max, SCHED_OTHER);
    test_priority("sched_get_priority_min", SYS_sched_get_priority_min, SCHED_BATCH);
    test_priority("sched_get_priority_max", SYS_sched_get_priority_max, 99);
    test_priority("sched_get_priority_min", SYS_sched_get_priority_min, -1);

    test_rr_interval(0, &ts);
    test_rr_interval(-1, &ts);
    test_rr_interval(INT_MAX, &ts);
    test_rr_interval(0, NULL);
}

int main(void) {
    test_affinity();
    test_policies();

    printf("sched_yield() %s\n", sprintrc(syscall(SYS_sched_yield)));

    EXPECT_EXITED_0();
    return 0;
}

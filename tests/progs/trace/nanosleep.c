/*
 * nanosleep.c: nanosleep(2) and clock_nanosleep(2), for a microsecond or
 * not at all.  Covers the requested time, the remaining time left unprinted
 * (an address) when the sleep was not interrupted, NULL, clocks by name
 * (unknown ones in hex with the comment "CLOCK_???"), flags (TIMER_ABSTIME,
 * unknown bits in hex with the comment "TIMER_???"), an absolute time in
 * the past, a negative tv_nsec (printed unsigned), and the failures EINVAL
 * (out of range times, unknown clocks; clock_nanosleep returns the error,
 * shown like any other), EOPNOTSUPP (clocks that cannot sleep) and EFAULT.
 */
#include "trace-sys.h"

static const struct xlat timer_flags[] = { XLAT(TIMER_ABSTIME), XLAT_END };

static long test_nanosleep(const struct timespec* req, struct timespec* rem) {
    const char* before = stimespecp(req);
    long rc = syscall(SYS_nanosleep, req, rem);
    const char* res = sres(rc);

    printf("nanosleep(%s, %s) %s\n", before, sptr(rem), res);
    return rc;
}

static long test_clock_nanosleep(int clock, int flags, const struct timespec* req,
                                 struct timespec* rem) {
    const char* before = stimespecp(req);
    long rc = syscall(SYS_clock_nanosleep, clock, flags, req, rem);
    const char* res = sres(rc);

    printf("clock_nanosleep(%s, %s, %s, %s) %s\n", sclock(clock),
           sflags(timer_flags, (unsigned int)flags, "TIMER_???"), before, sptr(rem), res);
    return rc;
}

int main(void) {
    struct timespec rem;
    struct timespec usec = { 0, 1000 };
    struct timespec zero = { 0, 0 };
    struct timespec big_nsec = { 0, 1000000000 };
    struct timespec neg_nsec = { 0, -1 };
    struct timespec neg_sec = { -1, 0 };
    struct timespec* edge = tail_alloc(sizeof(struct timespec));

    *edge = usec;
    test_nanosleep(&usec, NULL);
    test_nanosleep(&usec, &rem);
    test_nanosleep(&zero, &rem);
    test_nanosleep(edge, NULL);
    test_nanosleep(&big_nsec, NULL);
    test_nanosleep(&neg_nsec, &rem);
    test_nanosleep(&neg_sec, NULL);
    test_nanosleep(NULL, NULL);
    test_nanosleep(BAD_ADDR, &rem);
    test_nanosleep(edge + 1, NULL);

    test_clock_nanosleep(CLOCK_MONOTONIC, 0, &usec, &rem);
    test_clock_nanosleep(CLOCK_REALTIME, 0, &usec, NULL);
    test_clock_nanosleep(CLOCK_BOOTTIME, 0, &zero, &rem);
    test_clock_nanosleep(CLOCK_TAI, 0, &usec, &rem);
    test_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &zero, &rem);
    test_clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &usec, NULL);
    test_clock_nanosleep(CLOCK_MONOTONIC, 0x2, &zero, NULL);
    test_clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME | 0x10, &zero, NULL);
    test_clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &usec, &rem);
    test_clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &usec, &rem);
    test_clock_nanosleep(100, 0, &usec, &rem);
    test_clock_nanosleep(-1, 0, &usec, &rem);
    test_clock_nanosleep(CLOCK_MONOTONIC, 0, &big_nsec, &rem);
    test_clock_nanosleep(CLOCK_MONOTONIC, 0, &neg_sec, &rem);
    test_clock_nanosleep(CLOCK_MONOTONIC, 0, NULL, &rem);
    test_clock_nanosleep(CLOCK_MONOTONIC, 0, BAD_ADDR, NULL);

    EXPECT_EXITED_0();
    return 0;
}

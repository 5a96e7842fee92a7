/*
 * nanosleep.c: nanosleep(2) and clock_nanosleep(2), for a microsecond or
 * not at all.  Covers the requested time, the remaining time left unprinted
 * (an address) when the sleep was not interrupted, and printed when a
 * signal cut a relative sleep short (not an absolute one), NULL, clocks by name
 * (unknown ones in hex with the comment "CLOCK_???"), flags (TIMER_ABSTIME,
 * unknown bits in hex with the comment "TIMER_???"), an absolute time in
 * the past, a negative tv_nsec (printed unsigned), and the failures EINVAL
 * (out of range times, unknown clocks; clock_nanosleep returns the error,
 * shown like any other), EOPNOTSUPP (clocks that cannot sleep) and EFAULT.
 */
#include "trace-sys.h"

#include <signal.h>
#include <sys/time.h>

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

static void on_alarm(int sig) {
}

/* A sleep of 5 s that SIGALRM cuts short after 20 ms: what the kernel
 * wrote in *REM, the trace reads too. */
static void test_interrupted(int clock, int flags, const struct timespec* req) {
    struct itimerval it = {.it_value = {0, 20000}};
    struct timespec rem;
    long rc;

    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    if (clock < 0)
        rc = syscall(SYS_nanosleep, req, &rem);
    else
        rc = syscall(SYS_clock_nanosleep, clock, flags, req, &rem);
    if (clock < 0) {
        CHECK(rc == -1 && errno == EINTR);
        printf("nanosleep(%s, %s) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n",
               stimespecp(req), stimespec(&rem));
    } else if (!flags) {
        CHECK(rc == -1 && errno == EINTR);
        printf("clock_nanosleep(%s, 0, %s, %s) = ? ERESTART_RESTARTBLOCK (Interrupted by "
               "signal)\n",
               sclock(clock), stimespecp(req), stimespec(&rem));
    } else {
        CHECK(rc == -1 && errno == EINTR);
        printf("clock_nanosleep(%s, TIMER_ABSTIME, %s, %s) = ? ERESTARTNOHAND (To be "
               "restarted if no handler)\n",
               sclock(clock), stimespecp(req), sptr(&rem));
    }
    printf("--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n");
}

int main(void) {
    struct sigaction sa = {.sa_handler = on_alarm};
    struct timespec five = {5, 0};
    struct timespec far = {4102444800 /* 2100 */, 0};
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

    CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
    test_interrupted(-1, 0, &five);
    test_interrupted(CLOCK_MONOTONIC, 0, &five);
    test_interrupted(CLOCK_REALTIME, TIMER_ABSTIME, &far);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * itimer.c: getitimer(2), setitimer(2) and alarm(2).  Covers the three
 * timers by name (unknown ones in hex with the comment "ITIMER_???"),
 * struct itimerval (the new value at entry, the old or current one at exit,
 * an address when the call fails; the times left are whatever the kernel
 * says), a NULL new value (which disarms), alarm's argument and the seconds
 * left, and the failures EINVAL and EFAULT.  Every timer is armed far in
 * the future and disarmed before the end, so no signal comes.
 */
#include "trace-sys.h"

static const struct xlat which_timers[] = {
    XLAT(ITIMER_REAL),
    XLAT(ITIMER_VIRTUAL),
    XLAT(ITIMER_PROF),
    XLAT_END,
};

static const char* swhich(int which) {
    return sxval(which_timers, (unsigned int)which, "ITIMER_???");
}

static long test_getitimer(int which, struct itimerval* cur) {
    long rc = syscall(SYS_getitimer, which, cur);
    const char* res = sres(rc);

    printf("getitimer(%s, %s) %s\n", swhich(which), rc == 0 ? sitimerval(cur) : sptr(cur), res);
    return rc;
}

static long test_setitimer(int which, const struct itimerval* new_value, struct itimerval* old) {
    const char* before = sitimerval(new_value);
    long rc = syscall(SYS_setitimer, which, new_value, old);
    const char* res = sres(rc);

    printf("setitimer(%s, %s, %s) %s\n", swhich(which), before,
           rc == 0 ? sitimerval(old) : sptr(old), res);
    return rc;
}

static long test_alarm(unsigned int seconds) {
    long rc = syscall(SYS_alarm, seconds);

    printf("alarm(%u) = %ld\n", seconds, rc);
    return rc;
}

/* A value to set. */
static struct itimerval* itv(long interval_sec, long interval_usec, long sec, long usec) {
    struct itimerval* v = calloc(1, sizeof(*v));

    CHECK(v != NULL);
    v->it_interval.tv_sec = interval_sec;
    v->it_interval.tv_usec = interval_usec;
    v->it_value.tv_sec = sec;
    v->it_value.tv_usec = usec;
    return v;
}

int main(void) {
    struct itimerval cur, old;
    struct itimerval* edge = tail_alloc(sizeof(struct itimerval));
    struct itimerval* off = itv(0, 0, 0, 0);

    test_getitimer(ITIMER_REAL, &cur);
    test_setitimer(ITIMER_REAL, itv(0, 0, 100, 0), &old);
    test_getitimer(ITIMER_REAL, edge);
    test_setitimer(ITIMER_REAL, itv(1, 500000, 200, 250000), &old);
    test_alarm(0);
    test_getitimer(ITIMER_REAL, &cur);
    test_alarm(50);
    test_alarm(60);
    test_setitimer(ITIMER_REAL, NULL, &old);
    test_alarm(0xffffffff);
    test_alarm(0);
    test_alarm(0);

    test_setitimer(ITIMER_VIRTUAL, itv(0, 0, 1000, 0), NULL);
    test_getitimer(ITIMER_VIRTUAL, &cur);
    test_setitimer(ITIMER_PROF, itv(2000, 0, 1000, 999999), &old);
    test_getitimer(ITIMER_PROF, &cur);
    test_setitimer(ITIMER_VIRTUAL, off, &old);
    test_setitimer(ITIMER_PROF, off, edge);

    test_getitimer(3, &cur);
    test_getitimer(-1, &cur);
    test_getitimer(ITIMER_REAL, NULL);
    test_getitimer(ITIMER_REAL, BAD_ADDR);
    test_getitimer(ITIMER_REAL, edge + 1);
    test_setitimer(5, off, &old);
    test_setitimer(ITIMER_REAL, itv(0, 0, 1, 1000000), &old);
    test_setitimer(ITIMER_REAL, itv(0, -1, 1, 0), &old);
    test_setitimer(ITIMER_REAL, itv(-1, 0, 1, 0), NULL);
    test_setitimer(ITIMER_REAL, BAD_ADDR, &old);
    test_setitimer(ITIMER_REAL, edge + 1, NULL);
    /* The timer is set before the old value fails to be stored. */
    test_setitimer(ITIMER_REAL, itv(0, 0, 300, 0), BAD_ADDR);
    test_setitimer(ITIMER_REAL, off, &old);

    EXPECT_EXITED_0();
    return 0;
}

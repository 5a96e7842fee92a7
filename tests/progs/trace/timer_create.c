/*
 * timer_create.c: the POSIX timer calls timer_create(2), timer_settime(2),
 * timer_gettime(2), timer_getoverrun(2) and timer_delete(2).  Covers struct
 * sigevent (sigev_value only when its pointer is not NULL, the signal by
 * name for SIGEV_SIGNAL and SIGEV_THREAD_ID and as a number otherwise, the
 * SIGEV_* kinds with their extra fields, unknown kinds in hex with the
 * comment "SIGEV_???"), NULL, the new timer's id ([ID] at exit), struct
 * itimerspec (the new value at entry, the old or current one at exit),
 * TIMER_ABSTIME and unknown flags, a timer that expires while its signal is
 * blocked (taken back with sigtimedwait, which is not traced), and the
 * failures EINVAL and EFAULT.  The timer ids are the kernel's, printed as
 * they come.
 */
#include "trace-sys.h"

#include <limits.h>

static const struct xlat notify_kinds[] = {
    XLAT(SIGEV_SIGNAL), XLAT(SIGEV_NONE), XLAT(SIGEV_THREAD), XLAT(SIGEV_THREAD_ID), XLAT_END,
};

static const struct xlat timer_flags[] = { XLAT(TIMER_ABSTIME), XLAT_END };

static const char* ssigevent(const struct sigevent* sev) {
    const char* out = "{";
    int named;

    if (!mapped(sev))
        return sptr(sev);
    named = sev->sigev_notify == SIGEV_SIGNAL || sev->sigev_notify == SIGEV_THREAD_ID;
    if (sev->sigev_value.sival_ptr)
        out = xasprintf("{sigev_value={sival_int=%d, sival_ptr=%s}, ", sev->sigev_value.sival_int,
                        sptr(sev->sigev_value.sival_ptr));
    out = xasprintf("%ssigev_signo=%s, sigev_notify=%s", out,
                    named ? ssig(sev->sigev_signo) : xasprintf("%u", sev->sigev_signo),
                    sxval(notify_kinds, (unsigned int)sev->sigev_notify, "SIGEV_???"));
    if (sev->sigev_notify == SIGEV_THREAD_ID)
        out = xasprintf("%s, sigev_notify_thread_id=%d", out, sev->_sigev_un._tid);
    if (sev->sigev_notify == SIGEV_THREAD)
        out = xasprintf("%s, sigev_notify_function=%s, sigev_notify_attributes=%s", out,
                        sptr((void*)(uintptr_t)sev->_sigev_un._sigev_thread._function),
                        sptr(sev->_sigev_un._sigev_thread._attribute));
    return xasprintf("%s}", out);
}

static long test_create(int clock, const struct sigevent* sev, int* id) {
    const char* before = sev ? ssigevent(sev) : "NULL";
    long rc = syscall(SYS_timer_create, clock, sev, id);
    const char* res = sres(rc);

    printf("timer_create(%s, %s, %s) %s\n", sclock(clock), before,
           rc == 0 ? xasprintf("[%d]", *id) : sptr(id), res);
    return rc == 0 ? *id : -1;
}

static long test_settime(int id, int flags, const struct itimerspec* new_value,
                         struct itimerspec* old) {
    const char* before = sitspec(new_value);
    long rc = syscall(SYS_timer_settime, id, flags, new_value, old);
    const char* res = sres(rc);

    printf("timer_settime(%d, %s, %s, %s) %s\n", id,
           sflags(timer_flags, (unsigned int)flags, "TIMER_???"), before,
           rc == 0 ? sitspec(old) : sptr(old), res);
    return rc;
}

static long test_gettime(int id, struct itimerspec* cur) {
    long rc = syscall(SYS_timer_gettime, id, cur);
    const char* res = sres(rc);

    printf("timer_gettime(%d, %s) %s\n", id, rc == 0 ? sitspec(cur) : sptr(cur), res);
    return rc;
}

static long test_id(const char* name, long nr, int id) {
    long rc = syscall(nr, id);
    const char* res = sres(rc);

    printf("%s(%d) %s\n", name, id, res);
    return rc;
}

/* A struct sigevent to pass. */
static struct sigevent* sigev(int notify, int signo, void* value) {
    struct sigevent* sev = calloc(1, sizeof(*sev));

    CHECK(sev != NULL);
    sev->sigev_notify = notify;
    sev->sigev_signo = signo;
    sev->sigev_value.sival_ptr = value;
    return sev;
}

/* An interval and a first expiry. */
static struct itimerspec* its(long interval_sec, long sec, long nsec) {
    struct itimerspec* v = calloc(1, sizeof(*v));

    CHECK(v != NULL);
    v->it_interval.tv_sec = interval_sec;
    v->it_value.tv_sec = sec;
    v->it_value.tv_nsec = nsec;
    return v;
}

int main(void) {
    int id, quiet, sig, tid, gone;
    struct itimerspec cur;
    struct itimerspec* edge = tail_alloc(sizeof(struct itimerspec));
    struct sigevent* sev;
    sigset_t usr1;
    void* value = (void*)(uintptr_t)0x1234;

    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &usr1, NULL) == 0);

    quiet = (int)test_create(CLOCK_MONOTONIC, sigev(SIGEV_NONE, 0, NULL), &id);
    test_gettime(quiet, &cur);
    test_settime(quiet, 0, its(0, 100, 0), &cur);
    test_gettime(quiet, edge);
    test_settime(quiet, 0, its(1, 200, 500), NULL);
    test_settime(quiet, TIMER_ABSTIME, its(0, 1, 0), &cur);
    test_gettime(quiet, &cur);
    test_id("timer_getoverrun", SYS_timer_getoverrun, quiet);

    /* A timer that expires at once, its signal blocked and taken back. */
    sig = (int)test_create(CLOCK_REALTIME, sigev(SIGEV_SIGNAL, SIGUSR1, value), &id);
    test_settime(sig, 0, its(0, 0, 1), NULL);
    CHECK(sigwaitinfo(&usr1, NULL) == SIGUSR1);
    test_id("timer_getoverrun", SYS_timer_getoverrun, sig);
    test_gettime(sig, &cur);

    sev = sigev(SIGEV_THREAD_ID, SIGUSR1, NULL);
    sev->_sigev_un._tid = gettid();
    tid = (int)test_create(CLOCK_BOOTTIME, sev, &id);
    test_create(CLOCK_PROCESS_CPUTIME_ID, sigev(SIGEV_NONE, SIGUSR2, value), &id);
    test_create(CLOCK_THREAD_CPUTIME_ID, NULL, &id);
    gone = (int)test_create(CLOCK_TAI, sigev(SIGEV_SIGNAL, 32, NULL), &id);
    test_id("timer_delete", SYS_timer_delete, gone);

    /* Failures. */
    sev = sigev(SIGEV_THREAD, 0, NULL);
    sev->_sigev_un._sigev_thread._function = (void (*)(__sigval_t))(uintptr_t)0x1000;
    sev->_sigev_un._sigev_thread._attribute = (void*)0x2000;
    test_create(CLOCK_MONOTONIC, sev, &id);
    test_create(CLOCK_MONOTONIC, sigev(7, 0, NULL), &id);
    test_create(CLOCK_MONOTONIC, sigev(SIGEV_SIGNAL, 0, NULL), &id);
    test_create(CLOCK_MONOTONIC, sigev(SIGEV_SIGNAL, 65, NULL), &id);
    sev = sigev(SIGEV_THREAD_ID, SIGUSR1, NULL);
    sev->_sigev_un._tid = INT_MAX;
    test_create(CLOCK_MONOTONIC, sev, &id);
    test_create(100, NULL, &id);
    test_create(CLOCK_MONOTONIC, BAD_ADDR, &id);
    test_create(CLOCK_MONOTONIC, NULL, BAD_ADDR);
    test_settime(quiet, 0, its(0, 0, 1000000000), &cur);
    test_settime(quiet, 0x2, its(0, 100, 0), NULL);
    test_settime(quiet, 0, NULL, NULL);
    test_settime(quiet, 0, BAD_ADDR, NULL);
    test_settime(quiet, 0, edge + 1, NULL);
    test_settime(gone, 0, its(0, 100, 0), &cur);
    test_settime(-1, 0, its(0, 100, 0), NULL);
    test_gettime(gone, &cur);
    test_gettime(quiet, NULL);
    test_gettime(quiet, BAD_ADDR);
    test_id("timer_getoverrun", SYS_timer_getoverrun, gone);
    test_id("timer_getoverrun", SYS_timer_getoverrun, -1);

    test_id("timer_delete", SYS_timer_delete, quiet);
    test_id("timer_delete", SYS_timer_delete, sig);
    test_id("timer_delete", SYS_timer_delete, tid);
    test_id("timer_delete", SYS_timer_delete, tid);
    test_id("timer_delete", SYS_timer_delete, INT_MAX);

    EXPECT_EXITED_0();
    return 0;
}

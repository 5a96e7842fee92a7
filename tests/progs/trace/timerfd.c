/*
 * timerfd.c: timerfd_create(2), timerfd_settime(2), timerfd_gettime(2).
 * Covers clocks (names, unknown ones in hex with a comment), the TFD_*
 * flags (one table for both calls, so timerfd_create(..., 1) prints
 * TFD_TIMER_ABSTIME), struct itimerspec (the new value printed at entry,
 * the old or current one at exit, an address on failure), NULL, and the
 * failures EINVAL, EBADF and EFAULT.  The remaining times are whatever the
 * kernel returns.
 */
#include "trace-fs.h"

#include <sys/timerfd.h>

static const struct xlat clocks[] = {
    XLAT(CLOCK_REALTIME),       XLAT(CLOCK_MONOTONIC),        XLAT(CLOCK_PROCESS_CPUTIME_ID),
    XLAT(CLOCK_THREAD_CPUTIME_ID), XLAT(CLOCK_MONOTONIC_RAW), XLAT(CLOCK_REALTIME_COARSE),
    XLAT(CLOCK_MONOTONIC_COARSE), XLAT(CLOCK_BOOTTIME),       XLAT(CLOCK_REALTIME_ALARM),
    XLAT(CLOCK_BOOTTIME_ALARM), { 10, "CLOCK_SGI_CYCLE" },    XLAT(CLOCK_TAI),
    XLAT_END,
};

static const struct xlat tfd_flags[] = {
    XLAT(TFD_TIMER_ABSTIME), XLAT(TFD_TIMER_CANCEL_ON_SET), XLAT(TFD_CLOEXEC), XLAT(TFD_NONBLOCK),
    XLAT_END,
};

static const char* sitimerspec(const struct itimerspec* its) {
    if (!mapped(its))
        return sptr(its);
    return xasprintf("{it_interval=%s, it_value=%s}", stimespec(&its->it_interval),
                     stimespec(&its->it_value));
}

static long test_create(int clock, unsigned int flags) {
    long rc = syscall(SYS_timerfd_create, clock, flags);
    const char* res = sres(rc);

    printf("timerfd_create(%s, %s) %s\n", sxval(clocks, (unsigned int)clock, "CLOCK_???"),
           sflags(tfd_flags, flags, "TFD_???"), res);
    return rc;
}

static long test_settime(int fd, unsigned int flags, const struct itimerspec* new_value,
                         struct itimerspec* old_value) {
    const char* new_str = sitimerspec(new_value);
    long rc = syscall(SYS_timerfd_settime, fd, flags, new_value, old_value);
    const char* res = sres(rc);

    printf("timerfd_settime(%d, %s, %s, %s) %s\n", fd, sflags(tfd_flags, flags, "TFD_???"),
           new_str, rc == 0 ? sitimerspec(old_value) : sptr(old_value), res);
    return rc;
}

static long test_gettime(int fd, struct itimerspec* cur) {
    long rc = syscall(SYS_timerfd_gettime, fd, cur);
    const char* res = sres(rc);

    printf("timerfd_gettime(%d, %s) %s\n", fd, rc == 0 ? sitimerspec(cur) : sptr(cur), res);
    return rc;
}

int main(void) {
    struct itimerspec* cur = tail_alloc(sizeof(struct itimerspec));
    struct itimerspec far = { { 1, 500 }, { 1000, 0 } };
    struct itimerspec zero = { { 0, 0 }, { 0, 0 } };
    struct itimerspec bad = { { 0, 0 }, { 1, 1000000000 } };
    struct itimerspec absolute = { { 0, 0 }, { 1, 0 } };
    int fd, fd2, pipefd[2];

    fd = (int)test_create(CLOCK_MONOTONIC, 0);
    fd2 = (int)test_create(CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
    test_create(CLOCK_BOOTTIME, TFD_NONBLOCK);
    test_create(CLOCK_PROCESS_CPUTIME_ID, 0);
    test_create(100, 0);
    test_create(-1, 0);
    test_create(CLOCK_MONOTONIC, TFD_TIMER_ABSTIME);
    test_create(CLOCK_MONOTONIC, 0x10);
    CHECK(fd >= 0 && fd2 >= 0);
    CHECK(pipe(pipefd) == 0);

    test_gettime(fd, cur);
    test_settime(fd, 0, &far, cur);
    test_gettime(fd, cur);
    test_settime(fd, 0, &zero, NULL);
    test_settime(fd, 0, &zero, cur);
    test_settime(fd2, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &absolute, cur);
    test_settime(fd, TFD_TIMER_ABSTIME, &absolute, NULL);
    test_settime(fd, 0, &bad, NULL);
    test_settime(fd, 0x4, &far, NULL);
    test_settime(fd, 0, NULL, NULL);
    test_settime(fd, 0, BAD_ADDR, cur);
    test_settime(fd, 0, &far, cur + 1);
    test_settime(pipefd[0], 0, &far, NULL);
    test_settime(-1, 0, &far, NULL);
    test_gettime(-1, cur);
    test_gettime(pipefd[0], cur);
    test_gettime(fd, NULL);

    EXPECT_EXITED_0();
    return 0;
}

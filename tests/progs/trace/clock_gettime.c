/*
 * clock_gettime.c: clock_gettime(2), clock_getres(2), gettimeofday(2) and
 * time(2) made as system calls (not through the vDSO), and clock_settime(2)
 * and settimeofday(2) with arguments that the kernel refuses before
 * checking privileges.  Covers every named clock (the alarm clocks and
 * CLOCK_SGI_CYCLE fail with EINVAL), dynamic clocks (negative ids, in hex
 * with the comment "CLOCK_???"), timespec and timeval results (whatever the
 * clocks say), struct timezone, time's result and argument with the local
 * date and time in ISO 8601 (strace's localtime), NULL, and the failures
 * EINVAL and EFAULT.
 */
#include "trace-sys.h"

/* A time as strace comments it: 2026-01-02T03:04:05+0000. */
static const char* sdate(time_t t) {
    struct tm tm;
    char buf[64];

    if (!localtime_r(&t, &tm) || !strftime(buf, sizeof(buf), "%FT%T%z", &tm))
        return "?";
    return xasprintf("%s", buf);
}

/* A dynamic clock of the CPU time of process PID: TYPE 2 is
 * CPUCLOCK_SCHED, 3 is no type. */
static int cpu_clock(int pid, unsigned int type) {
    return (int)((~(unsigned int)pid << 3) | type);
}

static long test_gettime(const char* name, long nr, int clock, struct timespec* ts) {
    long rc = syscall(nr, clock, ts);
    const char* res = sres(rc);

    printf("%s(%s, %s) %s\n", name, sclock(clock), rc == 0 && ts ? stimespec(ts) : sptr(ts), res);
    return rc;
}

static long test_settime(int clock, const struct timespec* ts) {
    const char* before = stimespecp(ts);
    long rc = syscall(SYS_clock_settime, clock, ts);
    const char* res = sres(rc);

    printf("clock_settime(%s, %s) %s\n", sclock(clock), before, res);
    return rc;
}

static const char* stimezone(const struct timezone* tz) {
    return xasprintf("{tz_minuteswest=%d, tz_dsttime=%d}", tz->tz_minuteswest, tz->tz_dsttime);
}

static long test_gettimeofday(struct timeval* tv, struct timezone* tz) {
    long rc = syscall(SYS_gettimeofday, tv, tz);
    const char* res = sres(rc);

    printf("gettimeofday(%s, %s) %s\n", rc == 0 && tv ? stimeval(tv) : sptr(tv),
           rc == 0 && tz ? stimezone(tz) : sptr(tz), res);
    return rc;
}

static long test_settimeofday(const struct timeval* tv, const struct timezone* tz) {
    const char* tv_str = mapped(tv) ? stimeval(tv) : sptr(tv);
    const char* tz_str = mapped(tz) ? stimezone(tz) : sptr(tz);
    long rc = syscall(SYS_settimeofday, tv, tz);
    const char* res = sres(rc);

    printf("settimeofday(%s, %s) %s\n", tv_str, tz_str, res);
    return rc;
}

static long test_time(time_t* t) {
    long rc = syscall(SYS_time, t);
    const char* res = sres(rc);
    const char* arg = sptr(t);

    if (rc != -1) {
        res = xasprintf("%s (%s)", res, sdate((time_t)rc));
        if (t)
            arg = xasprintf("[%lld /* %s */]", (long long)*t, sdate(*t));
    }
    printf("time(%s) %s\n", arg, res);
    return rc;
}

int main(void) {
    struct timespec ts;
    struct timespec* ts_edge = tail_alloc(sizeof(struct timespec));
    struct timespec bad_ts = { 0, 1000000000 };
    struct timeval tv;
    struct timeval bad_tv = { 0, 2000000 };
    struct timezone tz;
    time_t t;
    time_t* t_edge = tail_alloc(sizeof(time_t));
    int self = getpid();

    for (int clock = CLOCK_REALTIME; clock <= CLOCK_TAI; clock++)
        test_gettime("clock_getres", SYS_clock_getres, clock, &ts);
    test_gettime("clock_getres", SYS_clock_getres, CLOCK_MONOTONIC, NULL);
    test_gettime("clock_getres", SYS_clock_getres, 12, &ts);
    test_gettime("clock_getres", SYS_clock_getres, CLOCK_REALTIME, BAD_ADDR);

    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_REALTIME, &ts);
    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_MONOTONIC, ts_edge);
    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_BOOTTIME, &ts);
    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_MONOTONIC_COARSE, &ts);
    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_TAI, &ts);
    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_REALTIME_ALARM, &ts);
    /* A dynamic clock: this process's CPU time, and a bad one. */
    test_gettime("clock_gettime", SYS_clock_gettime, cpu_clock(self, 2), &ts);
    test_gettime("clock_gettime", SYS_clock_gettime, cpu_clock(self, 3), &ts);
    test_gettime("clock_gettime", SYS_clock_gettime, 100, &ts);
    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_REALTIME, NULL);
    test_gettime("clock_gettime", SYS_clock_gettime, CLOCK_REALTIME, ts_edge + 1);

    test_settime(CLOCK_MONOTONIC, &ts);
    test_settime(CLOCK_REALTIME, &bad_ts);
    test_settime(100, &ts);
    test_settime(CLOCK_REALTIME, NULL);

    test_gettimeofday(&tv, &tz);
    test_gettimeofday(&tv, NULL);
    test_gettimeofday(NULL, &tz);
    test_gettimeofday(NULL, NULL);
    test_gettimeofday(BAD_ADDR, NULL);
    test_gettimeofday(&tv, BAD_ADDR);
    test_settimeofday(&bad_tv, NULL);
    test_settimeofday(BAD_ADDR, NULL);

    test_time(&t);
    test_time(NULL);
    test_time(t_edge);
    test_time(BAD_ADDR);
    test_time(t_edge + 1);

    EXPECT_EXITED_0();
    return 0;
}

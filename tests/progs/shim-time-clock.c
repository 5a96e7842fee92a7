/*
 * shim-time-clock.c: clock_gettime, clock_getres, clock_settime,
 * gettimeofday, settimeofday and time, as raw system calls (libc's go
 * through the vDSO) (one of the shim-proc programs: shim-proc.h).  Times
 * print as relations: the raw call's time lies between two of the
 * vDSO's.  Run as root, it sets no clock: the calls that would are made
 * as a user only.
 */
#include "shim-proc.h"

#include <sys/timex.h>

#define CLOCK_FOR_PID(pid) ((clockid_t)((~(unsigned)(pid) << 3) | 2))
#define CLOCK_FOR_FD(fd) ((clockid_t)((~(unsigned)(fd) << 3) | 3))

static bool ts_le(const struct timespec* a, const struct timespec* b) {
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec <= b->tv_nsec);
}

static void section_gettime(void) {
    struct timespec a, t, b;
    char what[80];

    for (int clock = -1; clock <= 24; clock++) {
        snprintf(what, sizeof(what), "clock_gettime(%d)", clock);
        T(what, syscall(SYS_clock_gettime, clock, &t));
        snprintf(what, sizeof(what), "clock_gettime(%d, BAD)", clock);
        T(what, syscall(SYS_clock_gettime, clock, BAD));
        snprintf(what, sizeof(what), "clock_getres(%d)", clock);
        memset(&t, 0, sizeof(t));
        T(what, syscall(SYS_clock_getres, clock, &t));
        printf("  %ld.%09ld\n", (long)t.tv_sec, t.tv_nsec);
        snprintf(what, sizeof(what), "clock_getres(%d, NULL)", clock);
        T(what, syscall(SYS_clock_getres, clock, NULL));
        snprintf(what, sizeof(what), "clock_getres(%d, BAD)", clock);
        T(what, syscall(SYS_clock_getres, clock, BAD));
    }
    T("clock_gettime(REALTIME, no access)", syscall(SYS_clock_gettime, CLOCK_REALTIME, g_noaccess));
    T("clock_gettime(REALTIME, across a page's end)",
      syscall(SYS_clock_gettime, CLOCK_REALTIME, g_noaccess - 8));
    T("clock_gettime(our CPU clock)", syscall(SYS_clock_gettime, CLOCK_FOR_PID(getpid()), &t));
    T("clock_gettime(no process's CPU clock)",
      syscall(SYS_clock_gettime, CLOCK_FOR_PID(INT_MAX / 8), &t));
    T("clock_gettime(a bad descriptor's clock)", syscall(SYS_clock_gettime, CLOCK_FOR_FD(999), &t));
    T("clock_gettime(stdin's clock)", syscall(SYS_clock_gettime, CLOCK_FOR_FD(0), &t));

    /* the raw call's time between two of the vDSO's */
    static const clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME,
                                       CLOCK_MONOTONIC_RAW, CLOCK_TAI};
    for (size_t i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
        CHECK(clock_gettime(clocks[i], &a) == 0);
        CHECK(syscall(SYS_clock_gettime, clocks[i], &t) == 0);
        CHECK(clock_gettime(clocks[i], &b) == 0);
        printf("clock %d: the call's time between the vDSO's: %s\n", clocks[i],
               ts_le(&a, &t) && ts_le(&t, &b) ? "yes" : "no");
    }
    CHECK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a) == 0);
    CHECK(syscall(SYS_clock_gettime, CLOCK_PROCESS_CPUTIME_ID, &t) == 0);
    printf("our CPU time goes on: %s\n", ts_le(&a, &t) ? "yes" : "no");
}

static void section_settime(void) {
    struct timespec t;

    CHECK(clock_gettime(CLOCK_REALTIME, &t) == 0);
    T("clock_settime(MONOTONIC)", syscall(SYS_clock_settime, CLOCK_MONOTONIC, &t));
    T("clock_settime(MONOTONIC, BAD)", syscall(SYS_clock_settime, CLOCK_MONOTONIC, BAD));
    T("clock_settime(BOOTTIME)", syscall(SYS_clock_settime, CLOCK_BOOTTIME, &t));
    T("clock_settime(TAI)", syscall(SYS_clock_settime, CLOCK_TAI, &t));
    T("clock_settime(REALTIME_COARSE)", syscall(SYS_clock_settime, CLOCK_REALTIME_COARSE, &t));
    T("clock_settime(10)", syscall(SYS_clock_settime, 10, &t));
    T("clock_settime(16, BAD)", syscall(SYS_clock_settime, 16, BAD));
    T("clock_settime(REALTIME, BAD)", syscall(SYS_clock_settime, CLOCK_REALTIME, BAD));
    T("clock_settime(PROCESS_CPUTIME_ID)", syscall(SYS_clock_settime, CLOCK_PROCESS_CPUTIME_ID, &t));
    T("clock_settime(THREAD_CPUTIME_ID, BAD)",
      syscall(SYS_clock_settime, CLOCK_THREAD_CPUTIME_ID, BAD));
    T("clock_settime(a bad descriptor's clock)", syscall(SYS_clock_settime, CLOCK_FOR_FD(999), &t));
    T("clock_settime(REALTIME_ALARM)", syscall(SYS_clock_settime, CLOCK_REALTIME_ALARM, &t));
    t.tv_nsec = 1000000000;
    T("clock_settime(REALTIME, tv_nsec 1e9)", syscall(SYS_clock_settime, CLOCK_REALTIME, &t));
    t.tv_nsec = -1;
    T("clock_settime(REALTIME, tv_nsec -1)", syscall(SYS_clock_settime, CLOCK_REALTIME, &t));
    t = (struct timespec){-1, 0};
    T("clock_settime(REALTIME, tv_sec -1)", syscall(SYS_clock_settime, CLOCK_REALTIME, &t));
    t = (struct timespec){LONG_MAX / 1000000000L, 0};
    T("clock_settime(REALTIME, beyond 2262)", syscall(SYS_clock_settime, CLOCK_REALTIME, &t));
    if (geteuid() != 0) {
        CHECK(clock_gettime(CLOCK_REALTIME, &t) == 0);
        T("clock_settime(REALTIME, now)", syscall(SYS_clock_settime, CLOCK_REALTIME, &t));
    }
}

static void section_timeofday(void) {
    struct timeval tv;
    struct timezone tz, ktz;
    struct timespec a, b;
    struct {
        int minuteswest, dsttime;
    } bigtz = {1000, 0};
    long r;
    time_t t;

    CHECK(clock_gettime(CLOCK_REALTIME, &a) == 0);
    T("gettimeofday(&tv, NULL)", syscall(SYS_gettimeofday, &tv, NULL));
    CHECK(clock_gettime(CLOCK_REALTIME, &b) == 0);
    printf("  between the vDSO's times: %s\n",
           (tv.tv_sec > a.tv_sec || (tv.tv_sec == a.tv_sec && tv.tv_usec >= a.tv_nsec / 1000)) &&
                   (tv.tv_sec < b.tv_sec ||
                    (tv.tv_sec == b.tv_sec && tv.tv_usec <= b.tv_nsec / 1000))
               ? "yes" : "no");
    T("gettimeofday(NULL, NULL)", syscall(SYS_gettimeofday, NULL, NULL));
    T("gettimeofday(&tv, &tz)", syscall(SYS_gettimeofday, &tv, &tz));
    CHECK(gettimeofday(&tv, &ktz) == 0);
    printf("  the vDSO's time zone: %s\n",
           tz.tz_minuteswest == ktz.tz_minuteswest && tz.tz_dsttime == ktz.tz_dsttime ? "yes" : "no");
    T("gettimeofday(BAD, NULL)", syscall(SYS_gettimeofday, BAD, NULL));
    T("gettimeofday(NULL, BAD)", syscall(SYS_gettimeofday, NULL, BAD));
    T("gettimeofday(BAD, BAD)", syscall(SYS_gettimeofday, BAD, BAD));
    T("gettimeofday(&tv, BAD)", syscall(SYS_gettimeofday, &tv, BAD));
    T("gettimeofday(no access, NULL)", syscall(SYS_gettimeofday, g_noaccess, NULL));

    CHECK(gettimeofday(&tv, NULL) == 0);
    T("settimeofday(BAD, NULL)", syscall(SYS_settimeofday, BAD, NULL));
    T("settimeofday(NULL, BAD)", syscall(SYS_settimeofday, NULL, BAD));
    tv.tv_usec = 1000001;
    T("settimeofday(tv_usec 1000001, BAD)", syscall(SYS_settimeofday, &tv, BAD));
    tv.tv_usec = 1000000;
    T("settimeofday(tv_usec 1000000)", syscall(SYS_settimeofday, &tv, NULL));
    T("settimeofday(tv_usec 1000000, BAD)", syscall(SYS_settimeofday, &tv, BAD));
    tv.tv_usec = -1;
    T("settimeofday(tv_usec -1)", syscall(SYS_settimeofday, &tv, NULL));
    tv = (struct timeval){-1, 0};
    T("settimeofday(tv_sec -1)", syscall(SYS_settimeofday, &tv, NULL));
    T("settimeofday(tv_sec -1, BAD)", syscall(SYS_settimeofday, &tv, BAD));
    tv = (struct timeval){LONG_MAX / 1000000000L, 0};
    T("settimeofday(beyond 2262)", syscall(SYS_settimeofday, &tv, NULL));
    T("settimeofday(NULL, minuteswest 1000)", syscall(SYS_settimeofday, NULL, &bigtz));
    if (geteuid() != 0) {
        T("settimeofday(NULL, NULL)", syscall(SYS_settimeofday, NULL, NULL));
        CHECK(gettimeofday(&tv, NULL) == 0);
        T("settimeofday(now, NULL)", syscall(SYS_settimeofday, &tv, NULL));
    }

    t = time(NULL);
    r = syscall(SYS_time, NULL);
    printf("time(NULL) between the vDSO's: %s\n", r >= t && r <= time(NULL) ? "yes" : "no");
    /* the seconds of the last tick, as the vDSO's time(), also just after
     * a second's turn, before the tick that counts it (the precise clock
     * is a second ahead then) */
    {
        struct timespec now;
        time_t sec;

        CHECK(clock_gettime(CLOCK_REALTIME, &now) == 0);
        sec = now.tv_sec;
        do
            CHECK(clock_gettime(CLOCK_REALTIME, &now) == 0);
        while (now.tv_sec == sec);
        r = syscall(SYS_time, NULL);
        t = time(NULL);
        printf("time(NULL) at a second's turn is the vDSO's: %s\n", r <= t ? "yes" : "no");
    }
    r = syscall(SYS_time, &t);
    printf("time(&t) returns t: %s\n", r == t ? "yes" : "no");
    T("time(BAD)", syscall(SYS_time, BAD));
    T("time(no access)", syscall(SYS_time, g_noaccess));
}

static void section_adjtime(void) {
    struct timex tx;

    memset(&tx, 0, sizeof(tx));
    printf("adjtimex(modes 0) is a clock state: %s\n",
           syscall(SYS_adjtimex, &tx) >= 0 ? "yes" : errno_name(errno));
    T("adjtimex(BAD)", syscall(SYS_adjtimex, BAD));
    T("adjtimex(across a page's end)", syscall(SYS_adjtimex, g_noaccess - 100));
    tx.modes = 0x8000; /* ADJ_ADJTIME without ADJ_OFFSET */
    T("adjtimex(ADJ_ADJTIME alone)", syscall(SYS_adjtimex, &tx));
    tx.modes = ADJ_OFFSET_SS_READ;
    printf("adjtimex(ADJ_OFFSET_SS_READ) is a clock state: %s\n",
           syscall(SYS_adjtimex, &tx) >= 0 ? "yes" : errno_name(errno));
    if (geteuid() != 0) {
        tx.modes = ADJ_FREQUENCY;
        T("adjtimex(ADJ_FREQUENCY)", syscall(SYS_adjtimex, &tx));
    }
    memset(&tx, 0, sizeof(tx));
    printf("clock_adjtime(REALTIME, modes 0) is a clock state: %s\n",
           syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx) >= 0 ? "yes" : errno_name(errno));
    for (int clock = -1; clock <= 24; clock++) {
        char what[64];

        if (clock == CLOCK_REALTIME)
            continue;
        snprintf(what, sizeof(what), "clock_adjtime(%d)", clock);
        T(what, syscall(SYS_clock_adjtime, clock, &tx));
        snprintf(what, sizeof(what), "clock_adjtime(%d, BAD)", clock);
        T(what, syscall(SYS_clock_adjtime, clock, BAD));
    }
    T("clock_adjtime(our CPU clock)", syscall(SYS_clock_adjtime, CLOCK_FOR_PID(getpid()), &tx));
    T("clock_adjtime(a bad descriptor's clock)",
      syscall(SYS_clock_adjtime, CLOCK_FOR_FD(999), &tx));
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    shim_proc_setup();
    section("clock_gettime, clock_getres");
    section_gettime();
    section("clock_settime");
    section_settime();
    section("gettimeofday, settimeofday, time");
    section_timeofday();
    section("adjtimex, clock_adjtime");
    section_adjtime();
    return 0;
}

/*
 * print_time.c: timespec, timeval, timezone, itimerval, itimerspec, tms,
 * as strace prints them.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>

#include "print_struct.h"

static void timespec_fields(struct tcb* t, const struct timespec* ts) {
    trace_printf(t, "{tv_sec=%lld, tv_nsec=", (long long)ts->tv_sec);
    if (ts->tv_nsec == UTIME_NOW)
        trace_puts(t, "UTIME_NOW}");
    else if (ts->tv_nsec == UTIME_OMIT)
        trace_puts(t, "UTIME_OMIT}");
    else
        trace_printf(t, "%ld}", ts->tv_nsec);
}

static void timeval_fields(struct tcb* t, const struct timeval* tv) {
    trace_printf(t, "{tv_sec=%lld, tv_usec=%lld}", (long long)tv->tv_sec,
                 (long long)tv->tv_usec);
}

void print_struct_timespec(struct tcb* t, PAL_NUM addr, long count) {
    struct timespec ts[2];
    long n = count < 0 ? 1 : count > 2 ? 2 : count;

    if (!tracee_fetch(t, addr, ts, sizeof(ts[0]) * (size_t)n))
        return;
    if (count < 0) {
        timespec_fields(t, &ts[0]);
        return;
    }
    trace_putc(t, '[');
    for (long i = 0; i < n; i++) {
        if (i)
            trace_puts(t, ", ");
        timespec_fields(t, &ts[i]);
    }
    trace_putc(t, ']');
}

void print_struct_timeval(struct tcb* t, PAL_NUM addr, long count) {
    struct timeval tv[2];
    long n = count < 0 ? 1 : count > 2 ? 2 : count;

    if (!tracee_fetch(t, addr, tv, sizeof(tv[0]) * (size_t)n))
        return;
    if (count < 0) {
        timeval_fields(t, &tv[0]);
        return;
    }
    trace_putc(t, '[');
    for (long i = 0; i < n; i++) {
        if (i)
            trace_puts(t, ", ");
        timeval_fields(t, &tv[i]);
    }
    trace_putc(t, ']');
}

void print_struct_timezone(struct tcb* t, PAL_NUM addr, long count) {
    struct timezone tz;

    if (tracee_fetch(t, addr, &tz, sizeof(tz)))
        trace_printf(t, "{tz_minuteswest=%d, tz_dsttime=%d}", tz.tz_minuteswest, tz.tz_dsttime);
}

void print_struct_itimerval(struct tcb* t, PAL_NUM addr, long count) {
    struct itimerval it;

    if (!tracee_fetch(t, addr, &it, sizeof(it)))
        return;
    trace_puts(t, "{it_interval=");
    timeval_fields(t, &it.it_interval);
    trace_puts(t, ", it_value=");
    timeval_fields(t, &it.it_value);
    trace_putc(t, '}');
}

void print_struct_itimerspec(struct tcb* t, PAL_NUM addr, long count) {
    struct itimerspec it;

    if (!tracee_fetch(t, addr, &it, sizeof(it)))
        return;
    trace_puts(t, "{it_interval=");
    timespec_fields(t, &it.it_interval);
    trace_puts(t, ", it_value=");
    timespec_fields(t, &it.it_value);
    trace_putc(t, '}');
}

void print_struct_tms(struct tcb* t, PAL_NUM addr, long count) {
    struct tms tms;

    if (tracee_fetch(t, addr, &tms, sizeof(tms)))
        trace_printf(t, "{tms_utime=%lld, tms_stime=%lld, tms_cutime=%lld, tms_cstime=%lld}",
                     (long long)tms.tms_utime, (long long)tms.tms_stime,
                     (long long)tms.tms_cutime, (long long)tms.tms_cstime);
}

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
        trace_printf(t, "%llu}", (unsigned long long)ts->tv_nsec);
}

static void timeval_fields(struct tcb* t, const struct timeval* tv) {
    trace_printf(t, "{tv_sec=%lld, tv_usec=%llu}", (long long)tv->tv_sec,
                 (unsigned long long)tv->tv_usec);
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

/* utimensat's and utimes' times carry the date they mean in a comment,
 * when they are valid and not zero: {tv_sec=1, tv_nsec=2}
 * / * 1970-01-01T00:00:01.000000002+0000 * / (the spaces aside). */
static void print_date_comment(struct tcb* t, long long sec, unsigned long frac, int digits) {
    time_t when = (time_t)sec;
    struct tm tm;
    char date[64], zone[16];

    if (!localtime_r(&when, &tm))
        return;
    strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm);
    strftime(zone, sizeof(zone), "%z", &tm);
    if (frac)
        trace_printf(t, " /* %s.%0*lu%s */", date, digits, frac, zone);
    else
        trace_printf(t, " /* %s%s */", date, zone);
}

void print_struct_utimespec(struct tcb* t, PAL_NUM addr, long count) {
    struct timespec ts[2];

    if (!tracee_fetch(t, addr, ts, sizeof(ts)))
        return;
    trace_putc(t, '[');
    for (int i = 0; i < 2; i++) {
        unsigned long long nsec = (unsigned long long)ts[i].tv_nsec;

        if (i)
            trace_puts(t, ", ");
        if (ts[i].tv_nsec == UTIME_NOW) {
            trace_puts(t, "UTIME_NOW");
            continue;
        }
        if (ts[i].tv_nsec == UTIME_OMIT) {
            trace_puts(t, "UTIME_OMIT");
            continue;
        }
        trace_printf(t, "{tv_sec=%lld, tv_nsec=%llu}", (long long)ts[i].tv_sec, nsec);
        if (nsec < 1000000000ULL && (ts[i].tv_sec || nsec))
            print_date_comment(t, (long long)ts[i].tv_sec, (unsigned long)nsec, 9);
    }
    trace_putc(t, ']');
}

void print_struct_utimeval(struct tcb* t, PAL_NUM addr, long count) {
    struct timeval tv[2];

    if (!tracee_fetch(t, addr, tv, sizeof(tv)))
        return;
    trace_putc(t, '[');
    for (int i = 0; i < 2; i++) {
        unsigned long long usec = (unsigned long long)tv[i].tv_usec;

        if (i)
            trace_puts(t, ", ");
        trace_printf(t, "{tv_sec=%lld, tv_usec=%llu}", (long long)tv[i].tv_sec, usec);
        if (usec < 1000000ULL && (tv[i].tv_sec || usec))
            print_date_comment(t, (long long)tv[i].tv_sec, (unsigned long)usec, 6);
    }
    trace_putc(t, ']');
}

static void time_note(struct tcb* t) {
    time_t when = (time_t)t->ret;
    struct tm tm;
    char date[64];

    if (localtime_r(&when, &tm) && strftime(date, sizeof(date), "%FT%T%z", &tm))
        trace_printf(t, "(%s)", date);
}

/* time([1795602456 / * DATE * /]) = 1795602456 (DATE): the seconds read
 * as a local date, as strace does (the spaces in the comment aside) */
int decode_time(struct tcb* t) {
    long long v;

    if (!t->exiting)
        return 0;
    if (syserror(t) || !t->args[0]) {
        print_addr(t, t->args[0]);
    } else if (tracee_fetch(t, t->args[0], &v, sizeof(v))) {
        trace_printf(t, "[%lld", v);
        print_date_comment(t, v, 0, 0);
        trace_putc(t, ']');
    }
    if (!syserror(t))
        t->rval_note = time_note;
    return 0;
}

/* utime's {actime=N, modtime=N}, with the dates they mean */
void print_struct_utimbuf(struct tcb* t, PAL_NUM addr, long count) {
    struct {
        long long actime, modtime;
    } ub;

    if (!tracee_fetch(t, addr, &ub, sizeof(ub)))
        return;
    trace_printf(t, "{actime=%lld", ub.actime);
    if (ub.actime)
        print_date_comment(t, ub.actime, 0, 0);
    trace_printf(t, ", modtime=%lld", ub.modtime);
    if (ub.modtime)
        print_date_comment(t, ub.modtime, 0, 0);
    trace_putc(t, '}');
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

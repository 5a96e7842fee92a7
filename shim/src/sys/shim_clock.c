/*
 * shim_clock.c
 *
 * Implementation of system calls "clock_gettime", "clock_getres",
 * "clock_settime", "gettimeofday", "settimeofday", "time", "adjtimex" and
 * "clock_adjtime".
 *
 * The system-wide clocks are the host's, and the tracer reads them as the
 * program would (DkSystemTimeQuery, through the vDSO): the shim answers
 * in one stop, with no host call.  A CPU clock measures the calling
 * process or thread, a descriptor's clock and an alarm clock need the
 * host's devices: those calls run on the host, after the checks the
 * kernel makes before it looks at the clock, and so does every call of a
 * thread in a time namespace other than ptshim's (its monotonic clocks
 * are offset).  Setting or tuning a clock needs a privilege the host
 * checks, and reading the kernel's clock discipline (adjtimex's state)
 * is the host's.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <time.h>

#include "shim_identity.h"
#include "shim_table.h"
#include "shim_thread.h"
#include "shim_time.h"

#define USEC_PER_SEC 1000000L
#define NSEC_PER_USEC 1000L
/* timespec64_valid_settod(): KTIME_SEC_MAX less 30 years of uptime */
#define TIME_SETTOD_SEC_MAX (9223372036LL - 30LL * 365 * 24 * 3600)

/* Whether the tracer reads the clock of kind KIND as the caller would. */
static bool tracer_reads(unsigned int kind) {
    return (kind & SHIM_CLOCK_SYSTEM) && !shim_thread_ns_foreign(shim_cur_thread(), PAL_NS_TIME);
}

static int copy_timespec_to_user(uptr dst, const struct timespec* ts) {
    struct kernel_timespec kts = {ts->tv_sec, ts->tv_nsec};

    return copy_to_user(dst, &kts, sizeof(kts));
}

long shim_do_clock_gettime(int which_clock, uptr tp) {
    unsigned int kind = shim_clock_kind(which_clock);
    struct timespec ts;

    if (!kind)
        return -EINVAL;
    if (!tracer_reads(kind) || DkSystemTimeQuery(which_clock, &ts, NULL) < 0)
        return shim_pass_to_host();
    return copy_timespec_to_user(tp, &ts);
}

long shim_do_clock_getres(int which_clock, uptr tp) {
    unsigned int kind = shim_clock_kind(which_clock);
    struct timespec ts;

    if (!kind)
        return -EINVAL;
    if (!tracer_reads(kind) || DkSystemTimeQuery(which_clock, NULL, &ts) < 0)
        return shim_pass_to_host();
    return tp ? copy_timespec_to_user(tp, &ts) : 0;
}

/* timespec64_valid_settod() */
static bool valid_settod(int64_t sec, int64_t nsec) {
    return sec >= 0 && sec <= TIME_SETTOD_SEC_MAX && nsec >= 0 && nsec < 1000000000L;
}

/* Only CLOCK_REALTIME and a process's or a descriptor's clock can be set;
 * the privilege (CAP_SYS_TIME) is the host's to check, after the time. */
long shim_do_clock_settime(int which_clock, uptr tp) {
    unsigned int kind = shim_clock_kind(which_clock);
    struct kernel_timespec ts;

    if (kind & SHIM_CLOCK_UNSURE)
        return shim_pass_to_host();
    if (!(kind & SHIM_CLOCK_SET))
        return -EINVAL;
    if (copy_from_user(&ts, tp, sizeof(ts)) < 0)
        return -EFAULT;
    if (which_clock == CLOCK_REALTIME && !valid_settod(ts.tv_sec, ts.tv_nsec))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_gettimeofday(uptr tv, uptr tz) {
    struct kernel_timeval ktv;
    struct timespec ts;
    int ret;

    /* the kernel's time zone (sys_tz) is the host's to give */
    if (tz || !tracer_reads(SHIM_CLOCK_SYSTEM))
        return shim_pass_to_host();
    if (!tv)
        return 0;
    if (DkSystemTimeQuery(CLOCK_REALTIME, &ts, NULL) < 0)
        return shim_pass_to_host();
    ktv.tv_sec = ts.tv_sec;
    ktv.tv_usec = ts.tv_nsec / NSEC_PER_USEC;
    ret = copy_to_user(tv, &ktv, sizeof(ktv));
    return ret;
}

long shim_do_settimeofday(uptr tv, uptr tz) {
    struct kernel_timeval ktv;
    struct {
        int minuteswest, dsttime;
    } ktz;

    if (tv) {
        if (copy_from_user(&ktv, tv, sizeof(ktv)) < 0)
            return -EFAULT;
        if (ktv.tv_usec >= USEC_PER_SEC || ktv.tv_usec < 0)
            return -EINVAL;
    }
    if (tz && copy_from_user(&ktz, tz, sizeof(ktz)) < 0)
        return -EFAULT;
    if (tv && !valid_settod(ktv.tv_sec, ktv.tv_usec * NSEC_PER_USEC))
        return -EINVAL;
    /* then the privilege, then the time zone's range: the host's */
    return shim_pass_to_host();
}

/* ktime_get_real_seconds(): the seconds of the last tick, which are
 * CLOCK_REALTIME_COARSE's (the precise clock's may be a second ahead) */
long shim_do_time(uptr tloc) {
    struct timespec ts;
    int64_t t;

    if (!tracer_reads(SHIM_CLOCK_SYSTEM) ||
        DkSystemTimeQuery(CLOCK_REALTIME_COARSE, &ts, NULL) < 0)
        return shim_pass_to_host();
    t = ts.tv_sec;
    if (tloc && copy_to_user(tloc, &t, sizeof(t)) < 0)
        return -EFAULT;
    return t;
}

/* struct __kernel_timex: 208 bytes on x86-64, read whole first */
#define KERNEL_TIMEX_SIZE 208

long shim_do_adjtimex(uptr txc_p) {
    uint8_t tx[KERNEL_TIMEX_SIZE];

    if (copy_from_user(tx, txc_p, sizeof(tx)) < 0)
        return -EFAULT;
    return shim_pass_to_host();
}

/* Only CLOCK_REALTIME, a descriptor's clock and the auxiliary clocks
 * have clock_adj. */
long shim_do_clock_adjtime(int which_clock, uptr utx) {
    uint8_t tx[KERNEL_TIMEX_SIZE];
    unsigned int kind;

    if (copy_from_user(tx, utx, sizeof(tx)) < 0)
        return -EFAULT;
    kind = shim_clock_kind(which_clock);
    if (!kind)
        return -EINVAL;
    if (which_clock != CLOCK_REALTIME && !(kind & SHIM_CLOCK_UNSURE) &&
        !(which_clock < 0 && (which_clock & 7) == 3))
        return -EOPNOTSUPP;
    return shim_pass_to_host();
}

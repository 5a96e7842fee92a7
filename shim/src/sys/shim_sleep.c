/*
 * shim_sleep.c
 *
 * Implementation of system calls "nanosleep" and "clock_nanosleep".
 *
 * The clock and the time are checked as the kernel checks them; the sleep
 * runs on the host, in the calling thread, so that a signal interrupts it
 * as natively.  Its result, -ERESTART_RESTARTBLOCK included, goes back to
 * the program unchanged: the host kernel then restarts the sleep (through
 * restart_syscall) or makes it EINTR, and has written the time left.
 */
#include "config.h"

#include <errno.h>
#include <time.h>

#include "shim_table.h"
#include "shim_time.h"

long shim_do_nanosleep(uptr rqtp, uptr rmtp) {
    int ret = shim_check_timespec(rqtp);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/* clockid_to_kclock() and its nsleep: 0 for a clock one can sleep on
 * (whose time the kernel then checks), -EINVAL for no clock, -EOPNOTSUPP
 * for one without sleep, 1 for clocks whose checks are the host's (the
 * alarm clocks exist only with an RTC, the auxiliary ones in some
 * kernels). */
static int clock_sleeps(clockid_t id) {
    unsigned int kind = shim_clock_kind(id);

    if (!kind)
        return -EINVAL;
    if (!(kind & SHIM_CLOCK_SLEEP))
        return -EOPNOTSUPP;
    return id == CLOCK_REALTIME_ALARM || id == CLOCK_BOOTTIME_ALARM ||
           (kind & SHIM_CLOCK_UNSURE);
}

long shim_do_clock_nanosleep(clockid_t which_clock, int flags, uptr rqtp, uptr rmtp) {
    int ret = clock_sleeps(which_clock);

    /* the flags besides TIMER_ABSTIME are ignored (but by the alarm
     * clocks, whose checks are the host's) */
    if (ret < 0)
        return ret;
    if (ret == 0) {
        ret = shim_check_timespec(rqtp);
        if (ret < 0)
            return ret;
    }
    return shim_pass_to_host();
}

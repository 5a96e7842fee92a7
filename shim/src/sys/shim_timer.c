/*
 * shim_timer.c
 *
 * Implementation of system calls "alarm", "getitimer", "setitimer",
 * "timer_create", "timer_settime", "timer_gettime", "timer_getoverrun",
 * "timer_delete", "timerfd_create", "timerfd_settime" and
 * "timerfd_gettime".
 *
 * The host kernel runs the timers (it must send their signals and wake
 * their readers while the tracer serves other calls): each call runs
 * there, in the calling thread, once the shim made the checks the kernel
 * makes before it touches a timer, in its order.  A timerfd is a
 * descriptor the host makes unseen (one stop): the descriptor table
 * adopts it on first use, as "anon_inode:[timerfd]".
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <sys/time.h>
#include <sys/timerfd.h>

#include "shim_table.h"
#include "shim_time.h"

#define USEC_PER_SEC 1000000L

/* the kernel's struct sigevent, read whole before anything */
struct kernel_sigevent {
    uint8_t bytes[64];
};

long shim_do_alarm(unsigned int seconds) {
    /* no error: the host's ITIMER_REAL, which setitimer shares */
    return shim_pass_to_host();
}

static bool valid_which(int which) {
    return which == ITIMER_REAL || which == ITIMER_VIRTUAL || which == ITIMER_PROF;
}

long shim_do_getitimer(int which, uptr value) {
    /* do_getitimer() before put_itimerval(): EINVAL, then the host's
     * EFAULT */
    if (!valid_which(which))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_setitimer(int which, uptr value, uptr ovalue) {
    struct kernel_timeval it[2]; /* it_interval, it_value */

    /* get_itimerval(): the new value read and checked, then the timer;
     * a NULL value disarms it */
    if (value) {
        if (copy_from_user(it, value, sizeof(it)) < 0)
            return -EFAULT;
        for (int i = 0; i < 2; i++)
            if (it[i].tv_sec < 0 || it[i].tv_usec < 0 || it[i].tv_usec >= USEC_PER_SEC)
                return -EINVAL;
    }
    if (!valid_which(which))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_timer_create(int which_clock, uptr timer_event_spec, uptr created_timer_id) {
    struct kernel_sigevent ev;
    unsigned int kind;

    if (timer_event_spec && copy_from_user(&ev, timer_event_spec, sizeof(ev)) < 0)
        return -EFAULT;
    kind = shim_clock_kind(which_clock);
    if (!kind)
        return -EINVAL;
    if (!(kind & SHIM_CLOCK_TIMER))
        return -EOPNOTSUPP;
    /* The host allocates the timer and its ID, then checks the event
     * (good_sigevent(): its signal, its target thread), writes the ID,
     * and checks the conditions of a CPU or alarm clock: an error there
     * has used an ID up, which the next timer's shows. */
    return shim_pass_to_host();
}

/* lock_timer(): IDs are never negative */
static bool may_be_timer(int timer_id) {
    return timer_id >= 0;
}

long shim_do_timer_settime(int timer_id, unsigned int flags, uptr new_setting,
                           uptr old_setting) {
    int ret;

    if (!new_setting)
        return -EINVAL;
    ret = shim_check_itimerspec(new_setting);
    if (ret < 0)
        return ret;
    if (!may_be_timer(timer_id))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_timer_gettime(int timer_id, uptr setting) {
    if (!may_be_timer(timer_id))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_timer_getoverrun(int timer_id) {
    if (!may_be_timer(timer_id))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_timer_delete(int timer_id) {
    if (!may_be_timer(timer_id))
        return -EINVAL;
    return shim_pass_to_host();
}

#define TFD_CREATE_FLAGS (TFD_CLOEXEC | TFD_NONBLOCK)
#define TFD_SETTIME_FLAGS (TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET)

long shim_do_timerfd_create(int clockid, unsigned int flags) {
    if ((flags & ~TFD_CREATE_FLAGS) ||
        (clockid != CLOCK_MONOTONIC && clockid != CLOCK_REALTIME &&
         clockid != CLOCK_REALTIME_ALARM && clockid != CLOCK_BOOTTIME &&
         clockid != CLOCK_BOOTTIME_ALARM))
        return -EINVAL;
    /* the alarm clocks need CAP_WAKE_ALARM: the host's to check */
    return shim_pass_to_host();
}

/* timerfd_fget() */
static int check_timerfd(int fd) {
    return shim_check_anon_fd(fd, "anon_inode:[timerfd]");
}

long shim_do_timerfd_settime(int ufd, unsigned int flags, uptr utmr, uptr otmr) {
    int ret = shim_check_itimerspec(utmr);

    /* get_itimerspec64() reads it first, then do_timerfd_settime()
     * checks the flags with its values */
    if (ret == -EFAULT)
        return ret;
    if ((flags & ~TFD_SETTIME_FLAGS) || ret < 0)
        return -EINVAL;
    ret = check_timerfd(ufd);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_timerfd_gettime(int ufd, uptr otmr) {
    int ret = check_timerfd(ufd);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/*
 * shim_time.c: the kernel's checks of a time, a clock, a signal mask or
 * a descriptor that a call takes (shim_time.h), in the kernel's order
 * within each.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "shim_handle.h"
#include "shim_time.h"

#define NSEC_PER_SEC 1000000000L

int shim_check_timespec(uptr uts) {
    struct kernel_timespec ts;

    if (copy_from_user(&ts, uts, sizeof(ts)) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || (uint64_t)ts.tv_nsec >= NSEC_PER_SEC)
        return -EINVAL;
    return 0;
}

int shim_check_itimerspec(uptr uts) {
    struct kernel_timespec its[2]; /* it_interval, it_value */

    if (copy_from_user(its, uts, sizeof(its)) < 0)
        return -EFAULT;
    for (int i = 0; i < 2; i++)
        if (its[i].tv_sec < 0 || (uint64_t)its[i].tv_nsec >= NSEC_PER_SEC)
            return -EINVAL;
    return 0;
}

/* posix_clocks[] of kernel/time/posix-timers.c, by ID */
unsigned int shim_clock_kind(clockid_t id) {
    const unsigned int base = SHIM_CLOCK_EXISTS | SHIM_CLOCK_SYSTEM;

    if (id < 0) {
        /* (id & CLOCKFD_MASK) == CLOCKFD: a descriptor's clock, which
         * neither sleeps nor has timers; else a CPU clock of a PID */
        if ((id & 7) == 3)
            return SHIM_CLOCK_EXISTS | SHIM_CLOCK_HOST | SHIM_CLOCK_SET;
        return SHIM_CLOCK_EXISTS | SHIM_CLOCK_HOST | SHIM_CLOCK_SET | SHIM_CLOCK_TIMER |
               SHIM_CLOCK_SLEEP;
    }
    switch (id) {
    case CLOCK_REALTIME:
        return base | SHIM_CLOCK_SET | SHIM_CLOCK_TIMER | SHIM_CLOCK_SLEEP;
    case CLOCK_MONOTONIC:
    case CLOCK_BOOTTIME:
    case CLOCK_TAI:
        return base | SHIM_CLOCK_TIMER | SHIM_CLOCK_SLEEP;
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_REALTIME_COARSE:
    case CLOCK_MONOTONIC_COARSE:
        return base;
    case CLOCK_PROCESS_CPUTIME_ID:
        return SHIM_CLOCK_EXISTS | SHIM_CLOCK_HOST | SHIM_CLOCK_TIMER | SHIM_CLOCK_SLEEP;
    case CLOCK_THREAD_CPUTIME_ID:
        return SHIM_CLOCK_EXISTS | SHIM_CLOCK_HOST | SHIM_CLOCK_TIMER;
    case CLOCK_REALTIME_ALARM:
    case CLOCK_BOOTTIME_ALARM:
        return SHIM_CLOCK_EXISTS | SHIM_CLOCK_HOST | SHIM_CLOCK_TIMER | SHIM_CLOCK_SLEEP;
    default:
        /* MAX_CLOCKS (16) to 23: CLOCK_AUX, with CONFIG_POSIX_AUX_CLOCKS */
        if (id >= 16 && id < 24)
            return SHIM_CLOCK_EXISTS | SHIM_CLOCK_HOST | SHIM_CLOCK_SET | SHIM_CLOCK_TIMER |
                   SHIM_CLOCK_SLEEP | SHIM_CLOCK_UNSURE;
        /* 10 (the former CLOCK_SGI_CYCLE), and beyond */
        return 0;
    }
}

int shim_check_sigmask(uptr umask, size_t sigsetsize) {
    uint64_t set;

    if (!umask)
        return 0;
    if (sigsetsize != KERNEL_SIGSET_SIZE)
        return -EINVAL;
    return copy_from_user(&set, umask, sizeof(set));
}

int shim_check_anon_fd(int fd, const char* name) {
    struct shim_handle* h;
    int ret = shim_fd_check_fdget(fd);

    if (ret < 0)
        return ret;
    if (ret > 0 || shim_fd_get(fd, &h) != 0)
        return 0;
    if (h->kind != SHIM_HANDLE_ANON && h->kind != SHIM_HANDLE_UNKNOWN)
        return -EINVAL;
    if (h->name && strcmp(h->name, name) != 0)
        return -EINVAL;
    return 0;
}

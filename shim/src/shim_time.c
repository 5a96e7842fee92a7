/*
 * shim_time.c: the kernel's checks of a time or a signal mask that a
 * call takes (shim_time.h), in the kernel's order within each.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>

#include "shim_time.h"

#define NSEC_PER_SEC 1000000000L

struct kernel_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

int shim_check_timespec(uptr uts) {
    struct kernel_timespec ts;

    if (copy_from_user(&ts, uts, sizeof(ts)) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || (uint64_t)ts.tv_nsec >= NSEC_PER_SEC)
        return -EINVAL;
    return 0;
}

int shim_check_sigmask(uptr umask, size_t sigsetsize) {
    uint64_t set;

    if (!umask)
        return 0;
    if (sigsetsize != KERNEL_SIGSET_SIZE)
        return -EINVAL;
    return copy_from_user(&set, umask, sizeof(set));
}

/*
 * shim_futex.c
 *
 * Implementation of system call "futex".
 *
 * The operation and its timeout are checked as the kernel's sys_futex and
 * do_futex check them; the operation then runs on the host, in the calling
 * thread: a wait blocks that thread alone, and the host, which holds the
 * waiters, wakes them.
 */
#include "config.h"

#include <errno.h>
#include <linux/futex.h>

#include "shim_table.h"

#ifndef FUTEX_LOCK_PI2
#define FUTEX_LOCK_PI2 13
#endif

#define NSEC_PER_SEC 1000000000L

struct kernel_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

/* futex_cmd_has_timeout(): the operations whose utime is a timeout (for
 * the others the kernel takes that register as a number) */
static bool has_timeout(int cmd) {
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
    case FUTEX_WAIT_BITSET:
    case FUTEX_WAIT_REQUEUE_PI:
        return true;
    default:
        return false;
    }
}

long shim_do_futex(uptr uaddr, int op, uint32_t val, uptr utime, uptr uaddr2, uint32_t val3) {
    int cmd = op & FUTEX_CMD_MASK;

    if (utime && has_timeout(cmd)) {
        struct kernel_timespec ts;

        if (copy_from_user(&ts, utime, sizeof(ts)) < 0)
            return -EFAULT;
        /* timespec64_valid() */
        if (ts.tv_sec < 0 || (uint64_t)ts.tv_nsec >= NSEC_PER_SEC)
            return -EINVAL;
    }
    /* do_futex() */
    if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET &&
        cmd != FUTEX_WAIT_REQUEUE_PI && cmd != FUTEX_LOCK_PI2)
        return -ENOSYS;
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAKE:
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE:
    case FUTEX_WAKE_OP:
    case FUTEX_LOCK_PI:
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI:
    case FUTEX_WAIT_BITSET:
    case FUTEX_WAKE_BITSET:
    case FUTEX_WAIT_REQUEUE_PI:
    case FUTEX_CMP_REQUEUE_PI:
    case FUTEX_LOCK_PI2:
        return shim_pass_to_host();
    default:
        return -ENOSYS;
    }
}

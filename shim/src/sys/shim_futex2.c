/*
 * shim_futex2.c
 *
 * Implementation of system calls "futex_wake", "futex_wait",
 * "futex_waitv" and "futex_requeue" (the futex2 calls).
 *
 * The shim checks the flags, the values against the futex's size and the
 * time-out in the kernel's order (kernel/futex/syscalls.c); the futexes
 * are the host's: the wait runs in the calling thread, which blocks alone
 * and is interrupted as natively, and the host holds the waiters.  Flags
 * a kernel may or may not know (the NUMA ones, since Linux 6.16; sizes
 * other than 32 bits, which no kernel implements yet) are the host's to
 * judge, with the rest.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <time.h>

#include "shim_table.h"
#include "shim_time.h"

#define FUTEX2_SIZE_U32   0x02
#define FUTEX2_SIZE_MASK  0x03
#define FUTEX2_NUMA       0x04
#define FUTEX2_MPOL       0x08
#define FUTEX2_PRIVATE    0x80
/* the bits some kernel knows (FUTEX2_VALID_MASK of Linux 6.16 on) */
#define FUTEX2_KNOWN (FUTEX2_SIZE_MASK | FUTEX2_NUMA | FUTEX2_MPOL | FUTEX2_PRIVATE)
#define FUTEX_WAITV_MAX 128

/* The flags, then futex_flags_valid() and futex_validate_input() of VAL
 * and MASK: 0, -EINVAL, or 1 when the host must judge them. */
static int check_flags(unsigned int flags, unsigned long val, unsigned long mask) {
    if (flags & ~FUTEX2_KNOWN)
        return -EINVAL;
    if ((flags & FUTEX2_SIZE_MASK) != FUTEX2_SIZE_U32 || (flags & (FUTEX2_NUMA | FUTEX2_MPOL)))
        return 1;
    /* a 32-bit futex's value and mask */
    if ((val >> 32) || (mask >> 32))
        return -EINVAL;
    return 0;
}

/* futex2_setup_timeout(): the clock, then the time (EFAULT, EINVAL) */
static int check_timeout(uptr timeout, int clockid) {
    if (!timeout)
        return 0;
    if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC)
        return -EINVAL;
    return shim_check_timespec(timeout);
}

/* the kernel's flags are an unsigned int: the upper half of the register
 * is ignored */
long shim_do_futex_wake(uptr uaddr, unsigned long mask, int nr, unsigned long flags) {
    int ret = check_flags((unsigned int)flags, 0, mask);

    return ret < 0 ? ret : shim_pass_to_host();
}

long shim_do_futex_wait(uptr uaddr, unsigned long val, unsigned long mask, unsigned long flags,
                        uptr timeout, int clockid) {
    int ret = check_flags((unsigned int)flags, val, mask);

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = check_timeout(timeout, clockid);
    return ret < 0 ? ret : shim_pass_to_host();
}

/* the waiters (each read and checked) are the host's */
long shim_do_futex_waitv(uptr waiters, unsigned int nr_futexes, unsigned int flags, uptr timeout,
                         int clockid) {
    int ret;

    if (flags)
        return -EINVAL;
    if (!nr_futexes || nr_futexes > FUTEX_WAITV_MAX || !waiters)
        return -EINVAL;
    ret = check_timeout(timeout, clockid);
    return ret < 0 ? ret : shim_pass_to_host();
}

long shim_do_futex_requeue(uptr waiters, unsigned long flags, int nr_wake, int nr_requeue) {
    if ((unsigned int)flags || !waiters)
        return -EINVAL;
    return shim_pass_to_host();
}

/*
 * shim_time.h: the kernel's checks of the times and signal masks that
 * system calls take, shared by the calls that sleep or wait.
 */
#ifndef SHIM_TIME_H
#define SHIM_TIME_H

#include <stddef.h>

#include "shim_internal.h"

/* The kernel's sigset_t, the only size it takes. */
#define KERNEL_SIGSET_SIZE 8

/* get_timespec64() and timespec64_valid() of the struct __kernel_timespec
 * at UTS: 0, -EFAULT, or -EINVAL when tv_sec is negative or tv_nsec is
 * not within [0, 1e9). */
int shim_check_timespec(uptr uts);

/* set_user_sigmask(): 0 when UMASK is NULL or a readable sigset of the
 * one size; -EINVAL for another size, -EFAULT. */
int shim_check_sigmask(uptr umask, size_t sigsetsize);

#endif /* SHIM_TIME_H */

/*
 * shim_time.h: the kernel's checks of the times, clocks, signal masks and
 * descriptors that system calls take, shared by the calls that sleep,
 * wait or keep time.
 */
#ifndef SHIM_TIME_H
#define SHIM_TIME_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

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

/* What the kernel's k_clock of a clock ID (clockid_to_kclock()) has:
 * 0 when the ID names no clock (EINVAL), else SHIM_CLOCK_EXISTS and: */
#define SHIM_CLOCK_EXISTS 0x01
#define SHIM_CLOCK_SYSTEM 0x02 /* a system-wide clock, which the tracer
                                  reads as the program would */
#define SHIM_CLOCK_HOST   0x04 /* a clock whose answers depend on more than
                                  its ID: a CPU clock (whose process?), a
                                  descriptor's, an alarm clock (an RTC?) */
#define SHIM_CLOCK_SET    0x08 /* clock_set */
#define SHIM_CLOCK_TIMER  0x10 /* timer_create */
#define SHIM_CLOCK_SLEEP  0x20 /* nsleep */
#define SHIM_CLOCK_UNSURE 0x40 /* an ID whose clock depends on the kernel's
                                  build (Linux 6.17's auxiliary clocks):
                                  every check is the host's */
unsigned int shim_clock_kind(clockid_t id);

/* The kernel's struct __kernel_timespec and its old struct timeval */
struct kernel_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};
struct kernel_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};

/* get_itimerspec64() of the struct __kernel_itimerspec at UTS and
 * itimerspec64_valid(): 0, -EFAULT or -EINVAL. */
int shim_check_itimerspec(uptr uts);

/* fdget() of a descriptor that must be the anonymous inode NAME
 * ("anon_inode:[timerfd]"): 0 when FD may be one (the host then
 * answers), -EBADF, or -EINVAL when the shim knows it is another file.
 * Only a name the shim read already is compared: no host question. */
int shim_check_anon_fd(int fd, const char* name);

#endif /* SHIM_TIME_H */

/*
 * shim_utimes.c
 *
 * Implementation of system calls "utimensat", "futimesat", "utimes" and
 * "utime": the calls that set a file's access and modification times.
 *
 * The times are read first (EFAULT; futimesat's microseconds are checked
 * then, utimensat's two UTIME_OMIT end the call before the path is even
 * looked at), then do_utimes() (fs/utimes.c): a NULL name with a
 * descriptor other than AT_FDCWD is that descriptor (flags must be 0, the
 * descriptor open and not O_PATH, then the nanoseconds are checked: all
 * answered here), anything else a name (the flags, then the name).  The
 * host looks the name up, checks the nanoseconds after it, judges the
 * permission (EACCES to touch, EPERM to set a time) and sets the times.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

/* struct __kernel_timespec, struct __kernel_old_timeval and struct
 * utimbuf of the x86-64 ABI */
struct shim_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};
struct shim_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};

static bool nsec_valid(int64_t nsec) {
    if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
        return true;
    return nsec >= 0 && nsec <= 999999999;
}

/* do_utimes(): TIMES (two, or NULL for now) are the kernel's copy */
static long do_utimes(int dfd, uptr filename, const struct shim_timespec* times,
                      unsigned int flags) {
    char name[PATH_MAX];
    long n;

    if (!filename && dfd != AT_FDCWD) {
        /* do_utimes_fd() then vfs_utimes()'s first check */
        if (flags)
            return -EINVAL;
        n = shim_fd_check_fdget(dfd);
        if (n < 0)
            return n;
        if (n == 0 && times && (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec)))
            return -EINVAL;
        return shim_pass_to_host();
    }
    /* do_utimes_path() */
    if (flags & ~(unsigned int)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    n = shim_getname(filename, name, flags & AT_EMPTY_PATH);
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_utimensat(int dfd, uptr filename, uptr utimes, unsigned int flags) {
    struct shim_timespec t[2];

    if (utimes) {
        if (copy_from_user(t, utimes, sizeof(t)) < 0)
            return -EFAULT;
        /* nothing to do: not even the path is checked */
        if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
            return 0;
    }
    return do_utimes(dfd, filename, utimes ? t : NULL, flags);
}

/* do_futimesat(): microseconds out of range are refused before the
 * name, UTIME_NOW and UTIME_OMIT with them */
long shim_do_futimesat(int dfd, uptr filename, uptr utimes) {
    struct shim_timeval tv[2];
    struct shim_timespec t[2];

    if (utimes) {
        if (copy_from_user(tv, utimes, sizeof(tv)) < 0)
            return -EFAULT;
        for (int i = 0; i < 2; i++) {
            if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
                return -EINVAL;
            t[i].tv_sec = tv[i].tv_sec;
            t[i].tv_nsec = tv[i].tv_usec * 1000;
        }
    }
    return do_utimes(dfd, filename, utimes ? t : NULL, 0);
}

long shim_do_utimes(uptr filename, uptr utimes) {
    return shim_do_futimesat(AT_FDCWD, filename, utimes);
}

/* struct utimbuf: two whole seconds */
long shim_do_utime(uptr filename, uptr times) {
    struct shim_timespec t[2] = {{0, 0}, {0, 0}};
    int64_t secs[2];

    if (times) {
        if (copy_from_user(secs, times, sizeof(secs)) < 0)
            return -EFAULT;
        t[0].tv_sec = secs[0];
        t[1].tv_sec = secs[1];
    }
    return do_utimes(AT_FDCWD, filename, times ? t : NULL, 0);
}

/*
 * shim_notify.c
 *
 * Implementation of system calls "eventfd", "eventfd2", "inotify_init",
 * "inotify_init1", "inotify_add_watch" and "inotify_rm_watch".
 *
 * The shim checks the flags, the masks and the descriptors in the
 * kernel's order (fs/eventfd.c, fs/notify/inotify/inotify_user.c); the
 * host makes the descriptors (with no stop more than the call's own: the
 * table learns them, with their kind, on first use), keeps the watches
 * (their numbers, the per-user limits) and resolves the watched paths.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>

#include "shim_evfd.h"
#include "shim_path.h"
#include "shim_table.h"

#ifndef IN_MASK_CREATE
#define IN_MASK_CREATE 0x10000000
#endif
/* every bit inotify_add_watch takes (ALL_INOTIFY_BITS) */
#define ALL_INOTIFY_BITS                                                                   \
    (IN_ALL_EVENTS | IN_UNMOUNT | IN_Q_OVERFLOW | IN_IGNORED | IN_ONLYDIR | IN_DONT_FOLLOW | \
     IN_EXCL_UNLINK | IN_MASK_CREATE | IN_MASK_ADD | IN_ISDIR | IN_ONESHOT)

long shim_do_eventfd2(unsigned int count, int flags) {
    (void)count;
    if (flags & ~(EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_eventfd(unsigned int count) {
    return shim_do_eventfd2(count, 0);
}

long shim_do_inotify_init1(int flags) {
    if (flags & ~(IN_CLOEXEC | IN_NONBLOCK))
        return -EINVAL;
    /* the per-user count of instances: the host's */
    return shim_pass_to_host();
}

long shim_do_inotify_init(void) {
    return shim_do_inotify_init1(0);
}

/* FD is an inotify instance: 0, 1 when the host must say, or -EBADF */
static int check_inotify(int fd, bool* is) {
    struct shim_handle* h;
    enum shim_evfd_kind kind;
    int ret = shim_evfd_get(fd, &h, &kind);

    *is = ret == 0 && kind == SHIM_EVFD_INOTIFY;
    return ret;
}

long shim_do_inotify_add_watch(int fd, uptr pathname, unsigned int mask) {
    char path[PATH_MAX];
    bool is;
    long ret;

    if (mask & ~(unsigned int)ALL_INOTIFY_BITS)
        return -EINVAL;
    if (!(mask & ALL_INOTIFY_BITS))
        return -EINVAL;
    ret = check_inotify(fd, &is);
    if (ret < 0)
        return ret;
    if ((mask & IN_MASK_ADD) && (mask & IN_MASK_CREATE))
        return -EINVAL;
    if (ret > 0)
        return shim_pass_to_host();
    if (!is)
        return -EINVAL;
    /* inotify_find_inode(): the name, then the host's lookup and the
     * permission to read it */
    ret = shim_getname(pathname, path, false);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_inotify_rm_watch(int fd, int wd) {
    bool is;
    int ret = check_inotify(fd, &is);

    (void)wd;
    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    /* the watch descriptors are the host's */
    return is ? shim_pass_to_host() : -EINVAL;
}

/*
 * shim_dup.c
 *
 * Implementation of system calls "dup", "dup2", "dup3" and "fcntl".
 *
 * A duplicate shares its open file description, so the new descriptor
 * shares the handle.  fcntl's F_GETFD is answered from the table without
 * a host call; the rest runs on the host and the table follows.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>

#include "shim_handle.h"
#include "shim_table.h"

long shim_do_dup(unsigned int fildes) {
    struct shim_handle* h = fildes <= INT_MAX ? shim_fd_get((int)fildes) : NULL;
    long fd;

    if (!h)
        return -EBADF;
    fd = shim_host_call_self();
    if (fd >= 0)
        (void)shim_fd_install_handle((int)fd, h, false);
    return fd;
}

long shim_do_dup3(unsigned int oldfd, unsigned int newfd, int flags) {
    struct shim_handle* h;
    long ret;

    if (flags & ~O_CLOEXEC)
        return -EINVAL;
    if (oldfd == newfd)
        return -EINVAL;
    /* newfd beyond RLIMIT_NOFILE is EBADF too: the host checks it first */
    ret = shim_host_call_self();
    if (ret < 0)
        return ret;
    h = shim_fd_get((int)oldfd);
    if (h)
        (void)shim_fd_install_handle((int)newfd, h, flags & O_CLOEXEC);
    return ret;
}

long shim_do_dup2(unsigned int oldfd, unsigned int newfd) {
    if (oldfd == newfd)
        /* nothing to do but say whether it is open */
        return oldfd <= INT_MAX && shim_fd_get((int)oldfd) ? (long)newfd : -EBADF;
    return shim_do_dup3(oldfd, newfd, 0);
}

long shim_do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg) {
    struct shim_handle* h = fd <= INT_MAX ? shim_fd_get((int)fd) : NULL;
    long ret;

    if (!h)
        return -EBADF;
    /* F_GETFL runs on the host: the status flags are the open file
     * description's, which other processes (a fork's other side, a
     * receiver of SCM_RIGHTS, a pidfd_getfd) change behind the handle
     * that the table keeps for it */
    if (cmd == F_GETFD)
        return shim_fd_cloexec((int)fd) ? FD_CLOEXEC : 0;
    ret = shim_host_call_self();
    if (ret < 0)
        return ret;
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        (void)shim_fd_install_handle((int)ret, h, cmd == F_DUPFD_CLOEXEC);
        break;
    case F_SETFD:
        shim_fd_set_cloexec((int)fd, arg & FD_CLOEXEC);
        break;
    case F_SETFL:
        /* the host keeps the bits it allows: ask again when needed */
        h->flags_known = false;
        break;
    }
    return ret;
}

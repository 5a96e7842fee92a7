/*
 * shim_dup.c
 *
 * Implementation of system calls "dup", "dup2", "dup3" and "fcntl".
 *
 * A duplicate shares its open file description, so the new descriptor
 * shares the handle.  fcntl's F_GETFD is answered from the table without
 * a host call; the rest runs on the host and the table follows.  The
 * handle is held across the host call: other threads run meanwhile, and
 * may close the descriptor.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>

#include "shim_handle.h"
#include "shim_table.h"

/* Record NEWFD, which the host made from OLDFD, as another descriptor of
 * H, OLDFD's handle when the call began (held by the caller); if OLDFD
 * changed meanwhile, NEWFD is left to be adopted from the host. */
static void record_dup(unsigned int oldfd, struct shim_handle* h, int newfd, bool cloexec) {
    if (h && shim_fd_unchanged((int)oldfd, h))
        (void)shim_fd_install_handle(newfd, h, cloexec);
    else
        shim_fd_remove(newfd);
}

long shim_do_dup(unsigned int fildes) {
    struct shim_handle* h;
    long fd = shim_fd_get(fildes, &h);

    if (fd < 0)
        return fd;
    if (!h)
        return shim_pass_to_host();
    shim_handle_get(h);
    fd = shim_host_call_self();
    if (fd >= 0)
        record_dup(fildes, h, (int)fd, false);
    shim_handle_put(h);
    return fd;
}

long shim_do_dup3(unsigned int oldfd, unsigned int newfd, int flags) {
    struct shim_handle* h;
    long ret;

    if (flags & ~O_CLOEXEC)
        return -EINVAL;
    if (oldfd == newfd)
        return -EINVAL;
    /* newfd beyond RLIMIT_NOFILE is EBADF before oldfd: the host answers
     * for both (H stays NULL when oldfd is closed or unknown) */
    if (shim_fd_get(oldfd, &h) == 0)
        shim_handle_get(h);
    ret = shim_host_call_self();
    if (ret >= 0)
        record_dup(oldfd, h, (int)newfd, flags & O_CLOEXEC);
    if (h)
        shim_handle_put(h);
    return ret;
}

long shim_do_dup2(unsigned int oldfd, unsigned int newfd) {
    if (oldfd == newfd) {
        /* nothing to do but say whether it is open */
        int ret = shim_fd_get(oldfd, NULL);

        if (ret < 0)
            return ret;
        return ret == 0 ? (long)newfd : shim_pass_to_host();
    }
    return shim_do_dup3(oldfd, newfd, 0);
}

long shim_do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg) {
    struct shim_handle* h;
    long ret = shim_fd_get(fd, &h);

    if (ret < 0)
        return ret;
    if (!h)
        return shim_pass_to_host();
    /* F_GETFL runs on the host: the status flags are the open file
     * description's, which other processes (a fork's other side, a
     * receiver of SCM_RIGHTS, a pidfd_getfd) change behind the handle
     * that the table keeps for it */
    if (cmd == F_GETFD)
        return shim_fd_cloexec((int)fd) ? FD_CLOEXEC : 0;
    /* nothing to record of the others (F_SETFL changes status flags, which
     * the table does not keep): the host answers them unseen */
    if (cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC && cmd != F_SETFD)
        return shim_pass_to_host();
    shim_handle_get(h);
    ret = shim_host_call_self();
    if (ret >= 0) {
        switch (cmd) {
        case F_DUPFD:
        case F_DUPFD_CLOEXEC:
            record_dup(fd, h, (int)ret, cmd == F_DUPFD_CLOEXEC);
            break;
        case F_SETFD:
            if (shim_fd_unchanged((int)fd, h))
                shim_fd_set_cloexec((int)fd, arg & FD_CLOEXEC);
            break;
        }
    }
    shim_handle_put(h);
    return ret;
}

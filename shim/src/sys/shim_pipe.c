/*
 * shim_pipe.c
 *
 * Implementation of system calls "pipe" and "pipe2".
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>

/* linux/watch_queue.h, which clashes with fcntl.h */
#ifndef O_NOTIFICATION_PIPE
#define O_NOTIFICATION_PIPE O_EXCL
#endif

#include "shim_handle.h"
#include "shim_table.h"

long shim_do_pipe2(uptr fildes, int flags) {
    int fds[2];
    long ret;

    if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE))
        return -EINVAL;
    ret = shim_host_call_self();
    if (ret < 0)
        return ret;
    /* the host wrote them there; an unreadable copy leaves them to be
     * adopted on first use */
    if (copy_from_user(fds, fildes, sizeof(fds)) == 0) {
        (void)shim_fd_install(fds[0], true, O_RDONLY, flags & O_CLOEXEC, SHIM_HANDLE_PIPE);
        (void)shim_fd_install(fds[1], true, O_WRONLY, flags & O_CLOEXEC, SHIM_HANDLE_PIPE);
    }
    return ret;
}

long shim_do_pipe(uptr fildes) {
    return shim_do_pipe2(fildes, 0);
}

/*
 * shim_evfd.h: what a descriptor is to the calls that wait on or watch
 * descriptors (sys/shim_epoll.c, sys/shim_notify.c).
 */
#ifndef SHIM_EVFD_H
#define SHIM_EVFD_H

#include "shim_handle.h"

enum shim_evfd_kind {
    SHIM_EVFD_EPOLL,    /* an epoll instance */
    SHIM_EVFD_INOTIFY,  /* an inotify instance */
    SHIM_EVFD_POLLABLE, /* another kind every kernel can poll (a pipe, a
                           socket, an eventfd, a timerfd, a signalfd) */
    SHIM_EVFD_OTHER,    /* a file, a device...: whether it polls is the
                           host's to say */
};

/* FD as fdget() takes it (open, not O_PATH), and its kind, from the
 * descriptor table and the host's name of its handle (asked once): 0 with
 * its handle in *HANDLE and its kind in *KIND; -EBADF; or 1 when the
 * shim cannot tell, and the host answers for the call. */
PAL_NODISCARD int shim_evfd_get(long fd, struct shim_handle** handle,
                                enum shim_evfd_kind* kind);

#endif /* SHIM_EVFD_H */

/*
 * shim_socket.c
 *
 * Implementation of system call "socket": the type's flags are checked in
 * the tracer, the host creates the socket in the program, and the
 * descriptor table records it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>

#include "shim_handle.h"
#include "shim_table.h"

#define SHIM_SOCK_TYPE_MASK 0xf

long shim_do_socket(int family, int type, int protocol) {
    long fd;

    (void)family;
    (void)protocol;
    if ((type & ~SHIM_SOCK_TYPE_MASK) & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
        return -EINVAL;
    fd = shim_host_call_self();
    if (fd >= 0)
        (void)shim_fd_install((int)fd, true, O_RDWR, type & SOCK_CLOEXEC, SHIM_HANDLE_SOCKET);
    return fd;
}

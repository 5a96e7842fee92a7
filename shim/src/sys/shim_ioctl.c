/*
 * shim_ioctl.c
 *
 * Implementation of system call "ioctl".
 *
 * The descriptor is checked in the tracer; the request runs on the host
 * (terminals and devices answer there: TCGETS, TIOCGWINSZ, FIONREAD), and
 * the requests that change what the table records are followed:
 * close-on-exec (FIOCLEX, FIONCLEX) and the status flags (FIONBIO,
 * FIOASYNC, and anything the shim does not know, conservatively).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "shim_handle.h"
#include "shim_table.h"

long shim_do_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg) {
    struct shim_handle* h;
    long ret = shim_fd_get(fd, &h);

    (void)arg;
    if (ret < 0)
        return ret;
    if (!h)
        return shim_pass_to_host();
    /* held across the call (which may block): another thread may close
     * the descriptor meanwhile */
    shim_handle_get(h);
    ret = shim_host_call_self();
    if (ret >= 0) {
        switch (cmd) {
        case FIOCLEX:
        case FIONCLEX:
            if (shim_fd_unchanged((int)fd, h))
                shim_fd_set_cloexec((int)fd, cmd == FIOCLEX);
            break;
        case TCGETS:
        case TIOCGWINSZ:
        case FIONREAD:
            break;
        default:
            h->flags_known = false;
            break;
        }
    }
    shim_handle_put(h);
    return ret;
}

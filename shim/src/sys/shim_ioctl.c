/*
 * shim_ioctl.c
 *
 * Implementation of system call "ioctl".
 *
 * The descriptor is checked in the tracer; the request runs on the host
 * (terminals and devices answer there: TCGETS, TIOCGWINSZ, FIONREAD), and
 * the requests that change what the table records are followed:
 * close-on-exec (FIOCLEX, FIONCLEX).  (FIONBIO and FIOASYNC change status
 * flags, which the table does not keep.)
 */
#include "config.h"

#include <errno.h>
#include <sys/ioctl.h>

#include "shim_handle.h"
#include "shim_table.h"

long shim_do_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg) {
    struct shim_handle* h;
    long ret = shim_fd_get(fd, &h);

    (void)arg;
    if (ret < 0)
        return ret;
    /* nothing to record of the others: the host answers them unseen */
    if (!h || (cmd != FIOCLEX && cmd != FIONCLEX))
        return shim_pass_to_host();
    /* held across the call: another thread may close the descriptor
     * meanwhile */
    shim_handle_get(h);
    ret = shim_host_call_self();
    if (ret >= 0 && shim_fd_unchanged((int)fd, h))
        shim_fd_set_cloexec((int)fd, cmd == FIOCLEX);
    shim_handle_put(h);
    return ret;
}

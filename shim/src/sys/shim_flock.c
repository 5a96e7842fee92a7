/*
 * shim_flock.c
 *
 * Implementation of system call "flock".
 *
 * The shim checks the command and the descriptor in the kernel's order
 * (fs/locks.c): a LOCK_MAND request is ignored (0, the descriptor not
 * even looked at), an unknown command is EINVAL, then the descriptor
 * (EBADF, an O_PATH one too), which must be open for reading or writing
 * to take a lock.  The lock is the host's: it belongs to the open file
 * description, and waiting for it blocks the thread alone.
 */
#include "config.h"

#include <errno.h>
#include <sys/file.h>

#include "shim_handle.h"
#include "shim_table.h"

#define SHIM_LOCK_MAND 32

long shim_do_flock(int fd, unsigned int cmd) {
    unsigned int op = cmd & ~(unsigned int)LOCK_NB;
    int fmode;

    if (cmd & SHIM_LOCK_MAND)
        return 0;
    if (op != LOCK_SH && op != LOCK_EX && op != LOCK_UN)
        return -EINVAL;
    fmode = shim_fd_fmode((unsigned int)fd, NULL);
    if (fmode < 0)
        return fmode;
    if (op != LOCK_UN && fmode == 0)
        return -EBADF;
    return shim_pass_to_host();
}

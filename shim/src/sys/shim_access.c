/*
 * shim_access.c
 *
 * Implementation of system calls "access", "faccessat" and "faccessat2".
 *
 * The kernel's do_faccessat() (fs/open.c) checks the mode, then the
 * flags, then reads the name; the shim does the same, and the host then
 * looks the name up and checks the permission with the thread's own
 * credentials (real or, for AT_EACCESS, effective IDs).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "shim_path.h"
#include "shim_table.h"

#define ACCESS_AT_FLAGS (AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)

static long do_faccessat(uptr filename, unsigned int mode, unsigned int flags) {
    char name[PATH_MAX];
    long n;

    /* F_OK, R_OK, W_OK and X_OK only */
    if (mode & ~S_IRWXO)
        return -EINVAL;
    if (flags & ~ACCESS_AT_FLAGS)
        return -EINVAL;
    n = shim_getname(filename, name, flags & AT_EMPTY_PATH);
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_access(uptr filename, unsigned int mode) {
    return do_faccessat(filename, mode, 0);
}

long shim_do_faccessat(int dfd, uptr filename, unsigned int mode) {
    (void)dfd;
    return do_faccessat(filename, mode, 0);
}

long shim_do_faccessat2(int dfd, uptr filename, unsigned int mode, unsigned int flags) {
    (void)dfd;
    return do_faccessat(filename, mode, flags);
}

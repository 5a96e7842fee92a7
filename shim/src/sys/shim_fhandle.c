/*
 * shim_fhandle.c
 *
 * Implementation of system calls "name_to_handle_at" and
 * "open_by_handle_at": a file named by a handle its file system gives.
 *
 * name_to_handle_at: the flags (fs/fhandle.c: the known ones, and
 * AT_HANDLE_CONNECTABLE neither with AT_HANDLE_FID nor AT_EMPTY_PATH),
 * then the name, in the tracer; the host looks it up and encodes the
 * handle.  open_by_handle_at: the host checks all (the capability to
 * open by handle, the handle, the mount descriptor) and opens the file
 * in the program; the table records the new descriptor.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

/* the AT_ flags of name_to_handle_at (linux/fcntl.h, Linux 6.13) */
#define SHIM_AT_HANDLE_FID 0x200
#define SHIM_AT_HANDLE_MNT_ID_UNIQUE 0x001
#define SHIM_AT_HANDLE_CONNECTABLE 0x002

long shim_do_name_to_handle_at(int dfd, uptr name, uptr handle, uptr mnt_id, unsigned int flag) {
    char path[PATH_MAX];
    long n;

    (void)dfd;
    (void)handle;
    (void)mnt_id;
    if (flag & ~(unsigned int)(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH | SHIM_AT_HANDLE_FID |
                               SHIM_AT_HANDLE_MNT_ID_UNIQUE | SHIM_AT_HANDLE_CONNECTABLE))
        return -EINVAL;
    if ((flag & SHIM_AT_HANDLE_CONNECTABLE) && (flag & (SHIM_AT_HANDLE_FID | AT_EMPTY_PATH)))
        return -EINVAL;
    n = shim_getname(name, path, flag & AT_EMPTY_PATH);
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_open_by_handle_at(int mountdirfd, uptr handle, unsigned int flags) {
    long fd;

    (void)mountdirfd;
    (void)handle;
    fd = shim_host_call_self();
    if (fd >= 0)
        (void)shim_fd_install((int)fd, true, flags & O_PATH ? O_PATH : (int)(flags & O_ACCMODE),
                              flags & O_CLOEXEC, SHIM_HANDLE_FILE);
    return fd;
}

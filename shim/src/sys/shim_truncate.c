/*
 * shim_truncate.c
 *
 * Implementation of system calls "ftruncate", "truncate" and "fallocate":
 * the calls that change a file's size or its allocated space.
 *
 * The shim makes the kernel's checks that need no inode (fs/open.c
 * do_sys_ftruncate(), do_sys_truncate(), vfs_fallocate()): the length,
 * the descriptor (an O_PATH one is none), its access mode from the
 * table, the name; the host then judges the inode (its type, append-only
 * and immutable, the permission, the file system) and changes it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/falloc.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

#ifndef FALLOC_FL_UNSHARE_RANGE
#define FALLOC_FL_UNSHARE_RANGE 0x40
#endif
/* Linux 6.17: older kernels refuse it as an unknown mode */
#define SHIM_FALLOC_FL_WRITE_ZEROES 0x80
#define SHIM_FALLOC_FL_MODE_MASK                                                        \
    (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE |          \
     FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE | SHIM_FALLOC_FL_WRITE_ZEROES)

/* The length first, then the descriptor; do_ftruncate() refuses with
 * EINVAL a file that is not regular or not open for writing, in one
 * test: a descriptor without write access, a pipe and a socket are
 * answered here, whatever their type or mode is. */
long shim_do_ftruncate(int fd, size_t length) {
    struct shim_handle* h;
    int fmode;

    if ((long)length < 0)
        return -EINVAL;
    fmode = shim_fd_fmode((unsigned int)fd, &h);
    if (fmode < 0)
        return fmode;
    if (fmode == SHIM_FMODE_UNKNOWN)
        return shim_pass_to_host();
    if (!(fmode & SHIM_FMODE_WRITE) || shim_handle_is_stream(h))
        return -EINVAL;
    return shim_pass_to_host();
}

/* The length first, then the name (user_path_at: EFAULT, ENAMETOOLONG,
 * ENOENT for an empty one); the lookup and the rest are the host's. */
long shim_do_truncate(uptr path, size_t length) {
    char name[PATH_MAX];
    long n;

    if ((long)length < 0)
        return -EINVAL;
    n = shim_getname(path, name, false);
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

/* vfs_fallocate()'s checks up to the access mode: the range, the mode (a
 * known mode, PUNCH_HOLE only with KEEP_SIZE, COLLAPSE, INSERT and
 * WRITE_ZEROES never with it), then write access; what follows needs the
 * inode (append-only, immutable, swap file, type, size limit). */
static int check_falloc_mode(unsigned int mode) {
    if (mode & ~(SHIM_FALLOC_FL_MODE_MASK | FALLOC_FL_KEEP_SIZE))
        return -EOPNOTSUPP;
    switch (mode & SHIM_FALLOC_FL_MODE_MASK) {
    case 0: /* FALLOC_FL_ALLOCATE_RANGE */
    case FALLOC_FL_UNSHARE_RANGE:
    case FALLOC_FL_ZERO_RANGE:
        return 0;
    case FALLOC_FL_PUNCH_HOLE:
        return (mode & FALLOC_FL_KEEP_SIZE) ? 0 : -EOPNOTSUPP;
    case FALLOC_FL_COLLAPSE_RANGE:
    case FALLOC_FL_INSERT_RANGE:
        return (mode & FALLOC_FL_KEEP_SIZE) ? -EOPNOTSUPP : 0;
    case SHIM_FALLOC_FL_WRITE_ZEROES:
        /* valid, or unknown to an older host kernel: its answer */
        return (mode & FALLOC_FL_KEEP_SIZE) ? -EOPNOTSUPP : 1;
    default:
        return -EOPNOTSUPP;
    }
}

long shim_do_fallocate(int fd, unsigned int mode, off_t offset, off_t len) {
    int fmode, ret;

    fmode = shim_fd_fmode((unsigned int)fd, NULL);
    if (fmode < 0)
        return fmode;
    if (fmode == SHIM_FMODE_UNKNOWN)
        return shim_pass_to_host();
    if (offset < 0 || len <= 0)
        return -EINVAL;
    ret = check_falloc_mode(mode);
    if (ret < 0)
        return ret;
    if (ret == 0 && !(fmode & SHIM_FMODE_WRITE))
        return -EBADF;
    return shim_pass_to_host();
}

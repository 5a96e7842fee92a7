/*
 * shim_mknod.c
 *
 * Implementation of system calls "mknod" and "mknodat".
 *
 * The kernel judges the mode before anything else (do_mknodat(): its
 * may_mknod() comes before the name it read is even looked at, so a
 * directory's mode is EPERM and an unknown type EINVAL whatever the name
 * and the directory descriptor), then the name (EFAULT, ENAMETOOLONG,
 * ENOENT).  The host creates the node and judges the rest: the parent
 * directory, the permission (EPERM for a device without CAP_MKNOD), the
 * file system.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>

#include "shim_path.h"
#include "shim_table.h"

static int may_mknod(mode_t mode) {
    switch (mode & S_IFMT) {
    case S_IFREG:
    case S_IFCHR:
    case S_IFBLK:
    case S_IFIFO:
    case S_IFSOCK:
    case 0: /* a regular file */
        return 0;
    case S_IFDIR:
        return -EPERM;
    default:
        return -EINVAL;
    }
}

long shim_do_mknodat(int dfd, uptr filename, mode_t mode, unsigned long dev) {
    char name[PATH_MAX];
    long n = may_mknod(mode);

    (void)dfd;
    (void)dev;
    if (n < 0)
        return n;
    n = shim_getname(filename, name, false);
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_mknod(uptr filename, mode_t mode, unsigned long dev) {
    return shim_do_mknodat(AT_FDCWD, filename, mode, dev);
}

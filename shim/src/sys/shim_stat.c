/*
 * shim_stat.c
 *
 * Implementation of system calls "stat", "lstat", "newfstatat", "statx",
 * "readlink" and "readlinkat".
 *
 * The shim checks the arguments as the kernel does (fs/stat.c), in its
 * order, and reads the path name; the host then looks the name up,
 * relative to the thread's own cwd and root (or the directory fd, which
 * the host judges), and fills the program's buffer.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "shim_path.h"
#include "shim_table.h"

#ifndef STATX__RESERVED
#define STATX__RESERVED 0x80000000U
#endif

/* what vfs_statx() accepts */
#define STAT_AT_FLAGS (AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE)

/* stat and lstat: vfs_fstatat(AT_FDCWD, name, 0 or AT_SYMLINK_NOFOLLOW),
 * where the name is getname()'s; the buffer is written after the lookup,
 * so that a missing file is ENOENT even with a bad buffer. */
static long stat_name(uptr filename) {
    char name[PATH_MAX];
    long n = shim_getname(filename, name, false);

    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_stat(uptr filename, uptr statbuf) {
    (void)statbuf;
    return stat_name(filename);
}

long shim_do_lstat(uptr filename, uptr statbuf) {
    (void)statbuf;
    return stat_name(filename);
}

long shim_do_newfstatat(int dfd, uptr filename, uptr statbuf, unsigned int flag) {
    char name[PATH_MAX];
    long n = shim_getname_maybe_null(filename, name, flag);

    (void)statbuf;
    /* no name (AT_EMPTY_PATH): fstat of DFD, with no look at the other
     * flags; a negative DFD (AT_FDCWD) goes on as a lookup of "" */
    if (n == 0 && dfd >= 0)
        return shim_pass_to_host();
    if (flag & ~STAT_AT_FLAGS)
        return -EINVAL;
    /* the name's error, read before, is answered only now */
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_statx(int dfd, uptr filename, unsigned int flags, unsigned int mask, uptr buffer) {
    char name[PATH_MAX];
    long n = shim_getname_maybe_null(filename, name, flags);

    (void)buffer;
    if (mask & STATX__RESERVED)
        return -EINVAL;
    if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
        return -EINVAL;
    /* no name: statx of DFD itself (do_statx_fd), whose other flags the
     * kernel does not check */
    if (n == 0 && dfd >= 0)
        return shim_pass_to_host();
    if (flags & ~STAT_AT_FLAGS)
        return -EINVAL;
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

/* do_readlinkat(): the size first (an int: the register's upper half is
 * not looked at), then the name, which may be empty (DFD itself: the host
 * answers ENOENT unless it is a symbolic link opened with O_PATH). */
long shim_do_readlinkat(int dfd, uptr pathname, uptr buf, int bufsiz) {
    char name[PATH_MAX];
    long n;

    (void)dfd;
    (void)buf;
    if (bufsiz <= 0)
        return -EINVAL;
    n = shim_getname(pathname, name, true);
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_readlink(uptr path, uptr buf, int bufsiz) {
    return shim_do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

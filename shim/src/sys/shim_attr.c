/*
 * shim_attr.c
 *
 * Implementation of system calls "chmod", "fchmod", "fchmodat",
 * "fchmodat2", "chown", "fchown", "lchown" and "fchownat".
 *
 * The shim checks what the kernel checks before it looks a name up
 * (fs/open.c): the flags, then the name (EFAULT, ENAMETOOLONG, ENOENT for
 * an empty one without AT_EMPTY_PATH, and a NULL one even with it), or
 * the descriptor of fchmod and fchown (open, not O_PATH).  The host then
 * changes the inode, and judges the permission (EPERM), the file system
 * (EROFS) and the lookup, as natively.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

/* user_path_at() of the name, then the host's run of the call */
static long named(uptr filename, unsigned int flags) {
    char name[PATH_MAX];
    long n = shim_getname(filename, name, flags & AT_EMPTY_PATH);

    if (n < 0)
        return n;
    return shim_pass_to_host();
}

/* fchmod and fchown: CLASS(fd) then the inode's change */
static long by_fd(int fd) {
    int ret = shim_fd_check_fdget(fd);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_chmod(uptr filename, mode_t mode) {
    (void)mode;
    return named(filename, 0);
}

long shim_do_fchmodat(int dfd, uptr filename, mode_t mode) {
    (void)dfd;
    (void)mode;
    return named(filename, 0);
}

long shim_do_fchmodat2(int dfd, uptr filename, mode_t mode, unsigned int flags) {
    (void)dfd;
    (void)mode;
    if (flags & ~(unsigned int)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return named(filename, flags);
}

long shim_do_fchmod(int fd, mode_t mode) {
    (void)mode;
    return by_fd(fd);
}

long shim_do_chown(uptr filename, uid_t user, gid_t group) {
    (void)user;
    (void)group;
    return named(filename, 0);
}

long shim_do_lchown(uptr filename, uid_t user, gid_t group) {
    (void)user;
    (void)group;
    return named(filename, 0);
}

long shim_do_fchownat(int dfd, uptr filename, uid_t user, gid_t group, unsigned int flag) {
    (void)dfd;
    (void)user;
    (void)group;
    if (flag & ~(unsigned int)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return named(filename, flag);
}

long shim_do_fchown(int fd, uid_t user, gid_t group) {
    (void)user;
    (void)group;
    return by_fd(fd);
}

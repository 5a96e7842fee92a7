/*
 * shim_xattr.c
 *
 * Implementation of system calls "getxattr", "lgetxattr", "fgetxattr",
 * "listxattr", "llistxattr", "flistxattr", "setxattr", "lsetxattr",
 * "fsetxattr", "removexattr", "lremovexattr", "fremovexattr", and the
 * calls of Linux 6.13 that take a directory descriptor and AT_ flags,
 * "setxattrat", "getxattrat", "listxattrat" and "removexattrat".
 *
 * The attribute's name is read before the file is looked at (the kernel's
 * import_xattr_name: EFAULT, and ERANGE for an empty name or one without
 * a NUL in XATTR_NAME_MAX + 1 bytes), after setxattr's flags and before
 * its value (E2BIG past XATTR_SIZE_MAX, EFAULT), then the path or the
 * descriptor; the file system answers on the host.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

#define SHIM_XATTR_NAME_MAX 255
#define SHIM_XATTR_SIZE_MAX 65536
#define SHIM_XATTR_CREATE 0x1
#define SHIM_XATTR_REPLACE 0x2
#define SHIM_PAGE_SIZE 4096

/* struct xattr_args (linux/xattr.h) */
struct shim_xattr_args {
    uint64_t value;
    uint32_t size;
    uint32_t flags;
};
#define SHIM_XATTR_ARGS_SIZE_VER0 16

static long import_name(uptr name) {
    char buf[SHIM_XATTR_NAME_MAX + 1];
    long n = copy_str_from_user(buf, name, sizeof(buf));

    if (n == -ENAMETOOLONG || n == 0)
        return -ERANGE;
    return n < 0 ? n : 0;
}

static long path_then_host(uptr pathname) {
    char path[PATH_MAX];
    long n = shim_getname(pathname, path, false);

    return n < 0 ? n : shim_pass_to_host();
}

static long fd_then_host(int fd) {
    if (shim_fd_get(fd, NULL) < 0)
        return -EBADF;
    return shim_pass_to_host();
}

long shim_do_getxattr(uptr pathname, uptr name, uptr value, size_t size) {
    long ret = import_name(name);

    (void)value;
    (void)size;
    return ret < 0 ? ret : path_then_host(pathname);
}

long shim_do_lgetxattr(uptr pathname, uptr name, uptr value, size_t size) {
    return shim_do_getxattr(pathname, name, value, size);
}

/* Since Linux 6.13 fgetxattr is getxattrat(fd, NULL, AT_EMPTY_PATH):
 * a negative fd is no descriptor but a directory to look up the empty
 * name in, AT_FDCWD the calling thread's cwd (its attributes are
 * answered); an older kernel says EBADF.  The host's, either way. */
long shim_do_fgetxattr(int fd, uptr name, uptr value, size_t size) {
    long ret = import_name(name);

    (void)value;
    (void)size;
    if (ret < 0)
        return ret;
    return fd == AT_FDCWD ? shim_pass_to_host() : fd_then_host(fd);
}

long shim_do_listxattr(uptr pathname, uptr list, size_t size) {
    (void)list;
    (void)size;
    return path_then_host(pathname);
}

long shim_do_llistxattr(uptr pathname, uptr list, size_t size) {
    return shim_do_listxattr(pathname, list, size);
}

long shim_do_flistxattr(int fd, uptr list, size_t size) {
    (void)list;
    (void)size;
    return fd_then_host(fd);
}

/* setxattr_copy(): the flags, the name, the size, then the value, read
 * whole (EFAULT if a byte of it cannot be) */
static long setxattr_copy(uptr name, uptr value, size_t size, unsigned int flags) {
    /* one copy of the value at a time: the tracer serves one call at once */
    static char kvalue[SHIM_XATTR_SIZE_MAX];
    long ret;

    if (flags & ~(unsigned int)(SHIM_XATTR_CREATE | SHIM_XATTR_REPLACE))
        return -EINVAL;
    ret = import_name(name);
    if (ret < 0)
        return ret;
    if (size) {
        if (size > SHIM_XATTR_SIZE_MAX)
            return -E2BIG;
        if (copy_from_user(kvalue, value, size) < 0)
            return -EFAULT;
    }
    return 0;
}

/* fsetxattr and fremovexattr are path_*xattrat(fd, NULL, AT_EMPTY_PATH)
 * since Linux 6.13: a descriptor (fdget: open, not O_PATH) when it is
 * not negative, else a directory to look the empty name up in, which is
 * EBADF but for AT_FDCWD, the thread's cwd there and EBADF before: the
 * host's. */
static long by_fd(int fd) {
    long ret;

    if (fd == AT_FDCWD)
        return shim_pass_to_host();
    if (fd < 0)
        return -EBADF;
    ret = shim_fd_check_fdget(fd);
    return ret < 0 ? ret : shim_pass_to_host();
}

long shim_do_setxattr(uptr pathname, uptr name, uptr value, size_t size, unsigned int flags) {
    long ret = setxattr_copy(name, value, size, flags);

    return ret < 0 ? ret : path_then_host(pathname);
}

long shim_do_lsetxattr(uptr pathname, uptr name, uptr value, size_t size, unsigned int flags) {
    return shim_do_setxattr(pathname, name, value, size, flags);
}

long shim_do_fsetxattr(int fd, uptr name, uptr value, size_t size, unsigned int flags) {
    long ret = setxattr_copy(name, value, size, flags);

    return ret < 0 ? ret : by_fd(fd);
}

long shim_do_removexattr(uptr pathname, uptr name) {
    long ret = import_name(name);

    return ret < 0 ? ret : path_then_host(pathname);
}

long shim_do_lremovexattr(uptr pathname, uptr name) {
    return shim_do_removexattr(pathname, name);
}

long shim_do_fremovexattr(int fd, uptr name) {
    long ret = import_name(name);

    return ret < 0 ? ret : by_fd(fd);
}

/* The struct xattr_args of setxattrat and getxattrat: its size (EINVAL
 * below the first version, E2BIG above a page), then
 * copy_struct_from_user(); 1 when the range is the host's to judge */
static long copy_xattr_args(struct shim_xattr_args* args, uptr uargs, size_t usize) {
    if (usize < SHIM_XATTR_ARGS_SIZE_VER0)
        return -EINVAL;
    if (usize > SHIM_PAGE_SIZE)
        return -E2BIG;
    if (shim_user_range_uncertain(uargs, usize))
        return 1;
    return copy_struct_from_user(args, sizeof(*args), uargs, usize);
}

static bool bad_at_flags(unsigned int at_flags) {
    return at_flags & ~(unsigned int)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH);
}

/* getname_maybe_null(): with AT_EMPTY_PATH, a NULL or empty name is DFD
 * itself, a descriptor (fdget) when it is not negative (or whatever it
 * is, for listxattrat: ANY_FD); a name, or a negative DFD, is looked up
 * by the host */
static long at_path(int dfd, uptr pathname, unsigned int at_flags, bool any_fd) {
    char path[PATH_MAX];
    long n = shim_getname_maybe_null(pathname, path, at_flags);

    if (n < 0)
        return n;
    if (n == 0 && (any_fd || dfd >= 0)) {
        n = shim_fd_check_fdget(dfd);
        if (n < 0)
            return n;
    }
    return shim_pass_to_host();
}

long shim_do_setxattrat(int dfd, uptr pathname, unsigned int at_flags, uptr name, uptr uargs,
                        size_t usize) {
    struct shim_xattr_args args;
    long ret = copy_xattr_args(&args, uargs, usize);

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    if (bad_at_flags(at_flags))
        return -EINVAL;
    ret = setxattr_copy(name, args.value, args.size, args.flags);
    return ret < 0 ? ret : at_path(dfd, pathname, at_flags, false);
}

long shim_do_getxattrat(int dfd, uptr pathname, unsigned int at_flags, uptr name, uptr uargs,
                        size_t usize) {
    struct shim_xattr_args args;
    long ret = copy_xattr_args(&args, uargs, usize);

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    if (args.flags != 0)
        return -EINVAL;
    if (bad_at_flags(at_flags))
        return -EINVAL;
    ret = import_name(name);
    return ret < 0 ? ret : at_path(dfd, pathname, at_flags, false);
}

long shim_do_listxattrat(int dfd, uptr pathname, unsigned int at_flags, uptr list, size_t size) {
    (void)list;
    (void)size;
    if (bad_at_flags(at_flags))
        return -EINVAL;
    return at_path(dfd, pathname, at_flags, true);
}

long shim_do_removexattrat(int dfd, uptr pathname, unsigned int at_flags, uptr name) {
    long ret;

    if (bad_at_flags(at_flags))
        return -EINVAL;
    ret = import_name(name);
    return ret < 0 ? ret : at_path(dfd, pathname, at_flags, false);
}

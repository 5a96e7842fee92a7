/*
 * shim_statfs.c
 *
 * Implementation of system calls "statfs", "fstatfs", "fadvise64",
 * "copy_file_range" and "sysfs": calls about a file's storage, checked in
 * the tracer (the path's name, the descriptors, copy_file_range's flags
 * after its descriptors and offsets, as the kernel orders them, sysfs's
 * option and name) and answered by the host's file system.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

static bool open_fd(int fd) {
    /* or unknown: the host then answers */
    return shim_fd_get(fd, NULL) >= 0;
}

long shim_do_statfs(uptr pathname, uptr buf) {
    char path[PATH_MAX];
    long n = shim_getname(pathname, path, false);

    (void)buf;
    return n < 0 ? n : shim_pass_to_host();
}

long shim_do_fstatfs(int fd, uptr buf) {
    (void)buf;
    return open_fd(fd) ? shim_pass_to_host() : -EBADF;
}

long shim_do_fadvise64(int fd, off_t offset, size_t len, int advice) {
    (void)offset;
    (void)len;
    (void)advice;
    return open_fd(fd) ? shim_pass_to_host() : -EBADF;
}

/* The kernel's order: both descriptors (EBADF, an O_PATH one too), then
 * both offsets are read (EFAULT), and only then the flags (EINVAL). */
long shim_do_copy_file_range(int fd_in, uptr off_in, int fd_out, uptr off_out, size_t len,
                             unsigned int flags) {
    int64_t pos;
    int in, out;

    (void)len;
    in = shim_fd_check_fdget(fd_in);
    if (in < 0)
        return in;
    out = shim_fd_check_fdget(fd_out);
    if (out < 0)
        return out;
    if (in > 0 || out > 0)
        return shim_pass_to_host();
    if (off_in && copy_from_user(&pos, off_in, sizeof(pos)) < 0)
        return -EFAULT;
    if (off_out && copy_from_user(&pos, off_out, sizeof(pos)) < 0)
        return -EFAULT;
    if (flags != 0)
        return -EINVAL;
    return shim_pass_to_host();
}

/* The option, then for option 1 (fs_index) the name, which the running
 * kernel reads as a path's (EFAULT, ENAMETOOLONG, ENOENT when empty); the
 * host knows the file system types. */
long shim_do_sysfs(int option, unsigned long arg1, unsigned long arg2) {
    char name[PATH_MAX];
    long n;

    (void)arg2;
    switch (option) {
    case 1:
        n = shim_getname(arg1, name, false);
        return n < 0 ? n : shim_pass_to_host();
    case 2:
    case 3:
        return shim_pass_to_host();
    default:
        return -EINVAL;
    }
}

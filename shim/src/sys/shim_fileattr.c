/*
 * shim_fileattr.c
 *
 * Implementation of system calls "file_getattr" and "file_setattr"
 * (Linux 6.17): a file's inode flags and project ID, by name or by
 * descriptor, in the struct file_attr the FS_IOC_FSGETXATTR ioctl knows.
 *
 * The shim checks what the kernel checks first (fs/file_attr.c): the AT_
 * flags, the size of the struct (E2BIG above a page, EINVAL below the
 * first version), file_setattr's copy_struct_from_user(); then for
 * file_getattr the name, or the descriptor a NULL or empty name with
 * AT_EMPTY_PATH stands for (open, not O_PATH).  file_setattr checks the
 * flags it was given next, against a mask that grows with the kernel,
 * before the name: the host's, with the rest.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

/* struct file_attr (linux/fs.h) */
struct shim_file_attr {
    uint64_t fa_xflags;
    uint32_t fa_extsize;
    uint32_t fa_nextents;
    uint32_t fa_projid;
    uint32_t fa_cowextsize;
};
#define SHIM_FILE_ATTR_SIZE_VER0 24
#define SHIM_PAGE_SIZE 4096

static long check_args(unsigned int at_flags, size_t usize) {
    if (at_flags & ~(unsigned int)(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    if (usize > SHIM_PAGE_SIZE)
        return -E2BIG;
    if (usize < SHIM_FILE_ATTR_SIZE_VER0)
        return -EINVAL;
    return 0;
}

long shim_do_file_getattr(int dfd, uptr filename, uptr ufattr, size_t usize,
                          unsigned int at_flags) {
    char path[PATH_MAX];
    long ret = check_args(at_flags, usize);

    (void)ufattr;
    if (ret < 0)
        return ret;
    ret = shim_getname_maybe_null(filename, path, at_flags);
    if (ret < 0)
        return ret;
    if (ret == 0 && dfd >= 0) {
        ret = shim_fd_check_fdget(dfd);
        if (ret < 0)
            return ret;
    }
    return shim_pass_to_host();
}

long shim_do_file_setattr(int dfd, uptr filename, uptr ufattr, size_t usize,
                          unsigned int at_flags) {
    struct shim_file_attr fattr;
    long ret = check_args(at_flags, usize);

    (void)dfd;
    (void)filename;
    if (ret < 0)
        return ret;
    if (shim_user_range_uncertain(ufattr, usize))
        return shim_pass_to_host();
    ret = copy_struct_from_user(&fattr, sizeof(fattr), ufattr, usize);
    return ret < 0 ? ret : shim_pass_to_host();
}

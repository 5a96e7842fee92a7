/*
 * shim_fsync.c
 *
 * Implementation of system calls "sync", "syncfs", "fsync", "fdatasync",
 * "sync_file_range", "readahead" and "cachestat": the calls that move a
 * file's data between memory and its storage, or say where it is.
 *
 * The shim checks the descriptor (fdget: open and not O_PATH) and what
 * the kernel checks before it looks at the file (fs/sync.c,
 * mm/readahead.c); a pipe or a socket, whose methods the kernel knows
 * without looking, is answered here too.  The host writes back or reads
 * ahead.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>

#include "shim_handle.h"
#include "shim_table.h"

#ifndef SYNC_FILE_RANGE_WAIT_BEFORE
#define SYNC_FILE_RANGE_WAIT_BEFORE 1
#define SYNC_FILE_RANGE_WRITE 2
#define SYNC_FILE_RANGE_WAIT_AFTER 4
#endif
#define SHIM_SYNC_FILE_RANGE_VALID \
    (SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER)

/* sync cannot fail: the host writes everything back */
long shim_do_sync(void) {
    return shim_pass_to_host();
}

long shim_do_syncfs(int fd) {
    int fmode = shim_fd_fmode((unsigned int)fd, NULL);

    return fmode < 0 ? fmode : shim_pass_to_host();
}

/* do_fsync(): a file without an fsync method is EINVAL (vfs_fsync_range),
 * which pipes and sockets are */
static long do_fsync(int fd) {
    struct shim_handle* h;
    int fmode = shim_fd_fmode((unsigned int)fd, &h);

    if (fmode < 0)
        return fmode;
    if (shim_handle_is_stream(h))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_fsync(int fd) {
    return do_fsync(fd);
}

long shim_do_fdatasync(int fd) {
    return do_fsync(fd);
}

/* ksys_sync_file_range(): the descriptor, then sync_file_range(): the
 * flags, the range (negative, or past the end of loff_t), then the file's
 * type (ESPIPE for all but regular files, block devices, directories and
 * links: a pipe or a socket is answered here, the rest by the host). */
long shim_do_sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags) {
    struct shim_handle* h;
    uint64_t endbyte = (uint64_t)offset + (uint64_t)nbytes;
    int fmode = shim_fd_fmode((unsigned int)fd, &h);

    if (fmode < 0)
        return fmode;
    if (flags & ~(unsigned int)SHIM_SYNC_FILE_RANGE_VALID)
        return -EINVAL;
    if (offset < 0 || (int64_t)endbyte < 0 || endbyte < (uint64_t)offset)
        return -EINVAL;
    if (shim_handle_is_stream(h))
        return -ESPIPE;
    return shim_pass_to_host();
}

/* ksys_readahead(): the descriptor, open for reading (EBADF), then
 * EINVAL for a file that is not regular nor a block device, or has no
 * page cache: a pipe or a socket here, the rest on the host */
long shim_do_readahead(int fd, off_t offset, size_t count) {
    struct shim_handle* h;
    int fmode = shim_fd_fmode((unsigned int)fd, &h);

    (void)offset;
    (void)count;
    if (fmode < 0 || fmode == SHIM_FMODE_UNKNOWN)
        return fmode < 0 ? fmode : shim_pass_to_host();
    if (!(fmode & SHIM_FMODE_READ))
        return -EBADF;
    if (shim_handle_is_stream(h))
        return -EINVAL;
    return shim_pass_to_host();
}

/* The descriptor, then the range is read (EFAULT); whether the caller
 * may see the file's cache (a hugetlbfs file, write access or the
 * permission to write: EOPNOTSUPP, EPERM) comes before the flags: the
 * host's */
long shim_do_cachestat(unsigned int fd, uptr cstat_range, uptr cstat, unsigned int flags) {
    uint64_t range[2];
    int fmode = shim_fd_fmode(fd, NULL);

    (void)cstat;
    (void)flags;
    if (fmode < 0)
        return fmode;
    if (copy_from_user(range, cstat_range, sizeof(range)) < 0)
        return -EFAULT;
    return shim_pass_to_host();
}

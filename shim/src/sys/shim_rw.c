/*
 * shim_rw.c
 *
 * Implementation of system calls "read", "write", "pread64", "pwrite64",
 * "readv", "writev" and "lseek".
 *
 * The checks the kernel makes before any data moves are made in the
 * tracer, in the kernel's order (a bad descriptor, a descriptor not open
 * for the direction, a range beyond the user address space); the transfer
 * runs on the host, inside the thread, where it blocks only that thread.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>

#include "shim_handle.h"
#include "shim_table.h"

/* The top of the x86-64 user address space (TASK_SIZE_MAX) */
#define USER_SPACE_END 0x7ffffffff000ULL
#define SHIM_UIO_MAXIOV 1024

/* access_ok(): the range lies in user space (its pages may be unmapped) */
static bool user_range_ok(uptr p, size_t len) {
    return len <= USER_SPACE_END && p <= USER_SPACE_END - len;
}

/* The descriptor of a transfer: -EBADF unless it is open, not O_PATH,
 * and open for the direction (O_RDONLY for reading: FMODE_READ). */
static int check_rw_fd(unsigned int fd, bool reading) {
    struct shim_handle* h = fd <= INT_MAX ? shim_fd_get((int)fd) : NULL;
    int flags;

    if (!h)
        return -EBADF;
    flags = shim_handle_flags(h, (int)fd);
    if (flags < 0)
        return flags == -EBADF ? -EBADF : 0; /* unknown: the host decides */
    if (flags & O_PATH)
        return -EBADF;
    if ((flags & O_ACCMODE) == (reading ? O_WRONLY : O_RDONLY))
        return -EBADF;
    return 0;
}

static long transfer(unsigned int fd, uptr buf, size_t count, bool reading) {
    int ret = check_rw_fd(fd, reading);

    if (ret < 0)
        return ret;
    if (!user_range_ok(buf, count))
        return -EFAULT;
    return shim_host_call_self();
}

long shim_do_read(unsigned int fd, uptr buf, size_t count) {
    return transfer(fd, buf, count, true);
}

long shim_do_write(unsigned int fd, uptr buf, size_t count) {
    return transfer(fd, buf, count, false);
}

static long positioned(unsigned int fd, loff_t pos) {
    /* the offset is checked before the descriptor; whether the file can
     * be read at an offset at all (ESPIPE) comes before the direction:
     * the host answers both */
    if (pos < 0)
        return -EINVAL;
    if (fd > INT_MAX || !shim_fd_get((int)fd))
        return -EBADF;
    return shim_host_call_self();
}

long shim_do_pread64(unsigned int fd, uptr buf, size_t count, loff_t pos) {
    (void)buf;
    (void)count;
    return positioned(fd, pos);
}

long shim_do_pwrite64(unsigned int fd, uptr buf, size_t count, loff_t pos) {
    (void)buf;
    (void)count;
    return positioned(fd, pos);
}

static long vectored(unsigned int fd, unsigned long vlen, bool reading) {
    int ret = check_rw_fd(fd, reading);

    if (ret < 0)
        return ret;
    if (vlen > SHIM_UIO_MAXIOV)
        return -EINVAL;
    return shim_host_call_self();
}

long shim_do_readv(unsigned long fd, uptr vec, unsigned long vlen) {
    (void)vec;
    return vectored((unsigned int)fd, vlen, true);
}

long shim_do_writev(unsigned long fd, uptr vec, unsigned long vlen) {
    (void)vec;
    return vectored((unsigned int)fd, vlen, false);
}

long shim_do_lseek(unsigned int fd, off_t offset, unsigned int whence) {
    struct shim_handle* h = fd <= INT_MAX ? shim_fd_get((int)fd) : NULL;
    int flags;

    (void)offset;
    if (!h)
        return -EBADF;
    flags = shim_handle_flags(h, (int)fd);
    if (flags >= 0 && (flags & O_PATH))
        return -EBADF;
    if (whence > SEEK_HOLE)
        return -EINVAL;
    return shim_host_call_self();
}

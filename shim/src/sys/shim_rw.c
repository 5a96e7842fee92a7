/*
 * shim_rw.c
 *
 * Implementation of system calls "read", "write", "pread64", "pwrite64",
 * "readv", "writev" and "lseek".
 *
 * The checks the kernel makes on the descriptor before any data moves are
 * made in the tracer, in the kernel's order (a bad descriptor, a
 * descriptor not open for the direction, UIO_MAXIOV, the whence of lseek);
 * the transfer runs on the host, inside the thread, where it blocks only
 * that thread, and the host checks the buffer.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>

#include "shim_handle.h"
#include "shim_table.h"

#define SHIM_UIO_MAXIOV 1024

/* The descriptor of a transfer: -EBADF unless it is open, not O_PATH,
 * and open for the direction (or unknown: the host decides). */
static int check_rw_fd(unsigned int fd, bool reading) {
    int fmode = shim_fd_fmode(fd, NULL);

    if (fmode < 0 || fmode == SHIM_FMODE_UNKNOWN)
        return fmode < 0 ? fmode : 0;
    if (!(fmode & (reading ? SHIM_FMODE_READ : SHIM_FMODE_WRITE)))
        return -EBADF;
    return 0;
}

/* The buffer is the host's to check: after the direction, the kernel
 * refuses a file without a read (or write) method with EINVAL (an epoll
 * descriptor), and only then a range outside user space with EFAULT
 * (access_ok, whose bound is the host's) */
static long transfer(unsigned int fd, bool reading) {
    int ret = check_rw_fd(fd, reading);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_read(unsigned int fd, uptr buf, size_t count) {
    (void)buf;
    (void)count;
    return transfer(fd, true);
}

long shim_do_write(unsigned int fd, uptr buf, size_t count) {
    (void)buf;
    (void)count;
    return transfer(fd, false);
}

static long positioned(unsigned int fd, loff_t pos) {
    /* the offset is checked before the descriptor; whether the file can
     * be read at an offset at all (ESPIPE) comes before the direction:
     * the host answers both */
    if (pos < 0)
        return -EINVAL;
    if (shim_fd_get(fd, NULL) < 0)
        return -EBADF;
    return shim_pass_to_host();
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
    /* import_iovec() takes the count as an unsigned int: the upper half
     * of the register is ignored */
    if ((unsigned int)vlen > SHIM_UIO_MAXIOV)
        return -EINVAL;
    return shim_pass_to_host();
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
    struct shim_handle* h;
    int flags = shim_fd_get(fd, &h);

    (void)offset;
    if (flags < 0)
        return flags;
    if (!h)
        return shim_pass_to_host(); /* unknown: the host answers */
    flags = shim_handle_flags(h, (int)fd);
    if (flags >= 0 && (flags & O_PATH))
        return -EBADF;
    if (whence > SEEK_HOLE)
        return -EINVAL;
    return shim_pass_to_host();
}

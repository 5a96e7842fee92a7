/*
 * shim_rw.c
 *
 * Implementation of system calls "read", "write", "pread64", "pwrite64",
 * "readv", "writev", "preadv", "pwritev", "preadv2", "pwritev2" and
 * "lseek".
 *
 * The checks the kernel makes on the descriptor before any data moves are
 * made in the tracer, in the kernel's order (a negative offset, a bad
 * descriptor, a pipe or a socket given an offset, a descriptor not open
 * for the direction, UIO_MAXIOV, the whence of lseek);
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

/* do_preadv() and do_pwritev(): the offset, the descriptor, whether it
 * can be read at an offset (FMODE_PREAD: ESPIPE for a pipe or a socket,
 * the host's to tell for the rest), then vfs_readv()'s direction and
 * the vector's length, which the host checks.  The kernel's
 * pos_from_hilo() shifts pos_h out of a 64-bit offset: pos_l alone is
 * the offset.  The RWF_ flags are the host's: kiocb_set_rw_flags()
 * reads them after the vector, and not at all for an empty one. */
static long vectored_at(unsigned int fd, loff_t pos) {
    struct shim_handle* h;
    int fmode;

    if (pos < 0)
        return -EINVAL;
    fmode = shim_fd_fmode(fd, &h);
    if (fmode < 0)
        return fmode;
    if (shim_handle_is_stream(h))
        return -ESPIPE;
    /* any other may be a FIFO or a tty opened by name: its ESPIPE, before
     * the direction, is the host's to give */
    return shim_pass_to_host();
}

long shim_do_preadv(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h) {
    (void)vec;
    (void)vlen;
    (void)pos_h;
    return vectored_at((unsigned int)fd, pos_l);
}

long shim_do_pwritev(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h) {
    (void)vec;
    (void)vlen;
    (void)pos_h;
    return vectored_at((unsigned int)fd, pos_l);
}

/* preadv2 and pwritev2: an offset of -1 is the file's position
 * (do_readv(), as readv), any other as preadv's */
long shim_do_preadv2(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h,
                     unsigned int flags) {
    (void)vec;
    (void)pos_h;
    (void)flags;
    if (pos_l == -1)
        return vectored((unsigned int)fd, vlen, true);
    return vectored_at((unsigned int)fd, pos_l);
}

long shim_do_pwritev2(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h,
                      unsigned int flags) {
    (void)vec;
    (void)pos_h;
    (void)flags;
    if (pos_l == -1)
        return vectored((unsigned int)fd, vlen, false);
    return vectored_at((unsigned int)fd, pos_l);
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

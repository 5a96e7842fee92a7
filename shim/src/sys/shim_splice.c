/*
 * shim_splice.c
 *
 * Implementation of system calls "sendfile", "splice", "tee" and
 * "vmsplice": the calls that move data between descriptors (and pipes)
 * inside the kernel.
 *
 * The shim makes the kernel's first checks (fs/read_write.c, fs/splice.c)
 * in its order: a zero length, the flags, the descriptors (EBADF, an
 * O_PATH one too), what their access modes allow, and a pipe or a socket
 * where the kernel wants a file with an offset (ESPIPE) or a pipe
 * (EINVAL).  A descriptor opened by name may be a FIFO, a pipe too: the
 * host answers what depends on that, and moves the data inside the
 * thread, where waiting for a pipe blocks it alone.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>

#include "shim_handle.h"
#include "shim_table.h"

#ifndef SPLICE_F_MOVE
#define SPLICE_F_MOVE 1
#define SPLICE_F_NONBLOCK 2
#define SPLICE_F_MORE 4
#define SPLICE_F_GIFT 8
#endif
#define SHIM_SPLICE_F_ALL (SPLICE_F_MOVE | SPLICE_F_NONBLOCK | SPLICE_F_MORE | SPLICE_F_GIFT)
#define SHIM_UIO_MAXIOV 1024

/* do_sendfile()'s input: open for reading, and able to read at an offset
 * when one is given: 0, or 1 when the host must tell */
static long sendfile_in(int in_fd, bool at_offset) {
    struct shim_handle* h;
    int fmode = shim_fd_fmode((unsigned int)in_fd, &h);

    if (fmode < 0)
        return fmode;
    if (fmode == SHIM_FMODE_UNKNOWN)
        return 1;
    if (!(fmode & SHIM_FMODE_READ))
        return -EBADF;
    if (at_offset && shim_handle_is_stream(h))
        return -ESPIPE;
    return 0;
}

/* The offset is read first (EFAULT), and written back whatever
 * do_sendfile() answered: a failure of that write is the call's EFAULT,
 * as the kernel's put_user().  The output descriptor is checked after the
 * input's range (rw_verify_area, whose limits depend on the file): the
 * host's. */
long shim_do_sendfile(int out_fd, int in_fd, uptr offset, size_t count) {
    int64_t pos = 0;
    long ret;

    (void)out_fd;
    (void)count;
    if (offset && copy_from_user(&pos, offset, sizeof(pos)) < 0)
        return -EFAULT;
    ret = sendfile_in(in_fd, offset != 0);
    if (ret >= 0)
        return shim_pass_to_host();
    if (offset && copy_to_user(offset, &pos, sizeof(pos)) < 0)
        return -EFAULT;
    return ret;
}

/* A zero length returns before anything is checked, then the flags, both
 * descriptors, and __do_splice(): a pipe given an offset is ESPIPE
 * before the offsets are read (the input's first; either is ESPIPE). */
long shim_do_splice(int fd_in, uptr off_in, int fd_out, uptr off_out, size_t len,
                    unsigned int flags) {
    struct shim_handle *in, *out;
    int ret;

    if (!len)
        return 0;
    if (flags & ~(unsigned int)SHIM_SPLICE_F_ALL)
        return -EINVAL;
    ret = shim_fd_fmode((unsigned int)fd_in, &in);
    if (ret < 0)
        return ret;
    ret = shim_fd_fmode((unsigned int)fd_out, &out);
    if (ret < 0)
        return ret;
    if ((off_in && in && in->kind == SHIM_HANDLE_PIPE) ||
        (off_out && out && out->kind == SHIM_HANDLE_PIPE))
        return -ESPIPE;
    return shim_pass_to_host();
}

/* A kind that is known not to be a pipe */
static bool not_a_pipe(const struct shim_handle* h) {
    return h && (h->kind == SHIM_HANDLE_SOCKET || h->kind == SHIM_HANDLE_ANON);
}

/* The flags before the zero length, both descriptors, then do_tee():
 * the access modes (EBADF), then two pipes or EINVAL */
long shim_do_tee(int fdin, int fdout, size_t len, unsigned int flags) {
    struct shim_handle *in, *out;
    int fin, fout;

    if (flags & ~(unsigned int)SHIM_SPLICE_F_ALL)
        return -EINVAL;
    if (!len)
        return 0;
    fin = shim_fd_fmode((unsigned int)fdin, &in);
    if (fin < 0)
        return fin;
    fout = shim_fd_fmode((unsigned int)fdout, &out);
    if (fout < 0)
        return fout;
    if (fin == SHIM_FMODE_UNKNOWN || fout == SHIM_FMODE_UNKNOWN)
        return shim_pass_to_host();
    if (!(fin & SHIM_FMODE_READ) || !(fout & SHIM_FMODE_WRITE))
        return -EBADF;
    if (not_a_pipe(in) || not_a_pipe(out))
        return -EINVAL;
    return shim_pass_to_host();
}

/* The flags, the descriptor, open for reading or writing (which says the
 * direction), then the vector's count (import_iovec takes an unsigned
 * int); the vector itself, and whether the descriptor is a pipe when it
 * holds a byte, are the host's. */
long shim_do_vmsplice(int fd, uptr uiov, unsigned long nr_segs, unsigned int flags) {
    int fmode;

    (void)uiov;
    if (flags & ~(unsigned int)SHIM_SPLICE_F_ALL)
        return -EINVAL;
    fmode = shim_fd_fmode((unsigned int)fd, NULL);
    if (fmode < 0)
        return fmode;
    if (fmode == SHIM_FMODE_UNKNOWN)
        return shim_pass_to_host();
    if (fmode == 0)
        return -EBADF;
    if ((unsigned int)nr_segs > SHIM_UIO_MAXIOV)
        return -EINVAL;
    return shim_pass_to_host();
}

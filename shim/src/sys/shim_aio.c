/*
 * shim_aio.c
 *
 * Implementation of system calls "io_setup", "io_destroy", "io_submit",
 * "io_cancel", "io_getevents" and "io_pgetevents".
 *
 * The contexts of asynchronous I/O are the host's (fs/aio.c): the shim
 * checks what the kernel checks before it looks one up (the words it
 * reads from the program first, the counts), and the host does the rest,
 * in the calling thread, where a wait for events blocks it alone.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>

#include "shim_table.h"
#include "shim_time.h"

/* struct iocb: aio_key, the word io_cancel reads, and the value the
 * kernel's own iocbs have there */
#define IOCB_KEY_OFFSET 8
#define KIOCB_KEY       0

/* io_pgetevents' last argument */
struct aio_sigset {
    uint64_t sigmask;
    uint64_t sigsetsize;
};

long shim_do_io_setup(unsigned int nr_events, uptr ctxp) {
    uint64_t ctx;

    if (copy_from_user(&ctx, ctxp, sizeof(ctx)) < 0)
        return -EFAULT;
    if (ctx || nr_events == 0)
        return -EINVAL;
    /* the size, aio-max-nr, the new context: the host's */
    return shim_pass_to_host();
}

/* the context: the host's */
long shim_do_io_destroy(unsigned long ctx) {
    return shim_pass_to_host();
}

/* The context comes first, and the count is clamped to its size (a
 * negative one too, on Linux 6.18): all the host's. */
long shim_do_io_submit(unsigned long ctx_id, long nr, uptr iocbpp) {
    return shim_pass_to_host();
}

long shim_do_io_cancel(unsigned long ctx_id, uptr iocb, uptr result) {
    uint32_t key;

    if (copy_from_user(&key, iocb + IOCB_KEY_OFFSET, sizeof(key)) < 0)
        return -EFAULT;
    if (key != KIOCB_KEY)
        return -EINVAL;
    return shim_pass_to_host();
}

/* get_timespec64() alone: the kernel takes any time here */
static int read_timeout(uptr timeout) {
    int64_t ts[2];

    return timeout ? copy_from_user(ts, timeout, sizeof(ts)) : 0;
}

long shim_do_io_getevents(unsigned long ctx_id, long min_nr, long nr, uptr events,
                          uptr timeout) {
    if (read_timeout(timeout) < 0)
        return -EFAULT;
    return shim_pass_to_host();
}

long shim_do_io_pgetevents(unsigned long ctx_id, long min_nr, long nr, uptr events,
                           uptr timeout, uptr usig) {
    struct aio_sigset ksig = {0, 0};
    int ret;

    if (read_timeout(timeout) < 0)
        return -EFAULT;
    if (usig && copy_from_user(&ksig, usig, sizeof(ksig)) < 0)
        return -EFAULT;
    ret = shim_check_sigmask(ksig.sigmask, ksig.sigsetsize);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

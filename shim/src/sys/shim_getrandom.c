/*
 * shim_getrandom.c
 *
 * Implementation of system call "getrandom".
 *
 * The tracer reads the bytes from the host's getrandom(2) without ever
 * waiting (DkRandomBitsRead) and writes them to the program.  When the
 * host's pool is not ready yet and the program may wait, the program's own
 * call waits on the host, in its thread alone.  So does a request larger
 * than the tracer's buffer: the kernel answers it in pages, stopping early
 * at a pending signal, and caps it at MAX_RW_COUNT, which the thread's own
 * call does natively without holding up the tracer.
 */
#include "config.h"

#include <errno.h>
#include <linux/random.h>

#include "shim_table.h"
#include "shim_thread.h"

#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif

/* the largest request the tracer answers itself */
#define RANDOM_MAX 65536
#define PAGE 4096UL
/* Below this every x86-64 kernel's access_ok() takes a range (4-level
 * paging's TASK_SIZE, less a page); beyond, whether the range is user
 * memory at all is the host's to say (its TASK_SIZE, LAM). */
#define USER_LIMIT_MIN ((1UL << 47) - 2 * PAGE)

/* Write LEN bytes at DST as the kernel's copy to user memory does: up to
 * the first page it cannot write.  Returns how many bytes were written. */
static size_t write_prefix(uptr dst, const char* src, size_t len) {
    size_t done = 0;

    if (copy_to_user(dst, src, len) == 0)
        return len;
    /* page by page to find where it stops */
    while (done < len) {
        size_t chunk = PAGE - ((dst + done) & (PAGE - 1));

        if (chunk > len - done)
            chunk = len - done;
        if (copy_to_user(dst + done, src + done, chunk) < 0)
            break;
        done += chunk;
    }
    return done;
}

long shim_do_getrandom(uptr ubuf, size_t len, unsigned int flags) {
    static char buf[RANDOM_MAX];
    long n;
    size_t done;

    if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
        return -EINVAL;
    /* insecure and blocking at once makes no sense */
    if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
        return -EINVAL;
    if (len > RANDOM_MAX)
        return shim_pass_to_host();
    /* import_ubuf() refuses a range outside user memory with EFAULT,
     * even an empty one, before a byte is written */
    if (ubuf > USER_LIMIT_MIN || len > USER_LIMIT_MIN - ubuf)
        return shim_pass_to_host();
    /* a request of 0 bytes still waits for the pool as the kernel does */
    n = DkRandomBitsRead(buf, len, flags & ~GRND_NONBLOCK);
    if (n == -EAGAIN && !(flags & GRND_NONBLOCK))
        return shim_pass_to_host();
    if (n <= 0)
        return n;
    done = write_prefix(ubuf, buf, (size_t)n);
    return done ? (long)done : -EFAULT;
}

/*
 * pal_memory.c: reading and writing the tracee's memory.
 *
 * process_vm_readv copies from another process in one system call and
 * fails cleanly on unmapped memory, which is what a tracee's pointer may
 * well point to: the fault is the tracee's EFAULT, never the tracer's.  It
 * copies page by page and stops at the first page it cannot read, so a
 * range that runs into unmapped memory yields its readable prefix.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "pal_host.h"

#define TRACEE_PAGE 4096UL

long DkVirtualMemoryRead(PAL_HANDLE t, PAL_NUM addr, void* buf, size_t len) {
    struct iovec local = {.iov_base = buf, .iov_len = len};
    struct iovec remote = {.iov_base = (void*)(uintptr_t)addr, .iov_len = len};
    ssize_t n;

    if (len == 0)
        return 0;
    n = process_vm_readv(t->tid, &local, 1, &remote, 1, 0);
    if (n < 0)
        return errno == ESRCH ? -ESRCH : -EFAULT;
    return n > 0 ? n : -EFAULT;
}

long DkVirtualMemoryWrite(PAL_HANDLE t, PAL_NUM addr, const void* buf, size_t len) {
    /* process_vm_writev only reads local, but struct iovec is not const */
    struct iovec local = {.iov_base = (void*)(uintptr_t)buf, .iov_len = len};
    struct iovec remote = {.iov_base = (void*)(uintptr_t)addr, .iov_len = len};
    ssize_t n;

    if (len == 0)
        return 0;
    n = process_vm_writev(t->tid, &local, 1, &remote, 1, 0);
    if (n < 0)
        return errno == ESRCH ? -ESRCH : -EFAULT;
    return (size_t)n == len ? (long)n : -EFAULT;
}

long DkVirtualMemoryReadString(PAL_HANDLE t, PAL_NUM addr, char* buf, size_t size,
                               size_t* read) {
    size_t done = 0;

    while (done < size) {
        /* never read past the page holding the terminator: the next one
         * may be unmapped while the string is valid */
        size_t chunk = TRACEE_PAGE - ((addr + done) & (TRACEE_PAGE - 1));
        char* nul;
        long n;

        if (chunk > size - done)
            chunk = size - done;
        n = DkVirtualMemoryRead(t, addr + done, buf + done, chunk);
        if (n < 0) {
            if (read)
                *read = done;
            return n;
        }
        nul = memchr(buf + done, '\0', (size_t)n);
        if (nul) {
            if (read)
                *read = (size_t)(nul - buf);
            return nul - buf;
        }
        done += (size_t)n;
        if ((size_t)n < chunk) {
            if (read)
                *read = done;
            return -EFAULT;
        }
    }
    if (read)
        *read = done;
    return -ENAMETOOLONG;
}

/*
 * shim_user.c: the calling thread's memory, read and written as the
 * kernel's copy_from_user/copy_to_user do: all of it, or EFAULT.
 */
#include "config.h"

#include <errno.h>

#include "shim_internal.h"
#include "shim_thread.h"

int copy_from_user(void* dst, uptr src, size_t len) {
    long n = DkVirtualMemoryRead(shim_cur_thread()->pal, src, dst, len);

    if (n < 0)
        return -EFAULT;
    return (size_t)n == len ? 0 : -EFAULT;
}

int copy_to_user(uptr dst, const void* src, size_t len) {
    long n = DkVirtualMemoryWrite(shim_cur_thread()->pal, dst, src, len);

    return n < 0 ? -EFAULT : 0;
}

long copy_str_from_user(char* dst, uptr src, size_t size) {
    long n = DkVirtualMemoryReadString(shim_cur_thread()->pal, src, dst, size, NULL);

    if (n == -ESRCH)
        return -EFAULT;
    return n;
}

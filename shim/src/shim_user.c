/*
 * shim_user.c: the calling thread's memory, read and written as the
 * kernel's copy_from_user/copy_to_user do: all of it, or EFAULT.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "shim_internal.h"
#include "shim_thread.h"

/*
 * A copy failed.  The PAL reports every failure as a fault, but the host
 * also refuses ptshim the memory of a process that is not dumpable (it
 * said PR_SET_DUMPABLE 0) when ptshim lacks CAP_SYS_PTRACE: its pointers
 * may well be good.  The host then refuses /proc/TID/personality too; in
 * that case the call is the host's to answer (shim_dispatch.c).
 */
static int copy_failed(void) {
    struct shim_thread* self = shim_cur_thread();

    if (DkThreadGetPersonality(self->pal) == -EACCES)
        self->no_access = true;
    return -EFAULT;
}

int copy_from_user(void* dst, uptr src, size_t len) {
    long n = DkVirtualMemoryRead(shim_cur_thread()->pal, src, dst, len);

    if (n < 0 || (size_t)n != len)
        return copy_failed();
    return 0;
}

int copy_to_user(uptr dst, const void* src, size_t len) {
    long n = DkVirtualMemoryWrite(shim_cur_thread()->pal, dst, src, len);

    return n < 0 ? copy_failed() : 0;
}

long copy_str_from_user(char* dst, uptr src, size_t size) {
    long n = DkVirtualMemoryReadString(shim_cur_thread()->pal, src, dst, size, NULL);

    if (n == -EFAULT || n == -ESRCH)
        return copy_failed();
    return n;
}

#define PAGE 4096UL
/* Below this every x86-64 kernel's access_ok() takes a range (4-level
 * paging's TASK_SIZE, less a page); beyond, the host's to say. */
#define USER_LIMIT_MIN ((1UL << 47) - 2 * PAGE)

/* check_zeroed_user(): the bytes are read in order, and the first that is
 * not zero (E2BIG) or cannot be read (EFAULT) decides; a fault is a
 * page's, so a page at a time finds the same one. */
static int check_zeroed_user(uptr from, size_t n) {
    unsigned char buf[PAGE];
    size_t done = 0;

    while (done < n) {
        size_t chunk = PAGE - ((from + done) & (PAGE - 1));

        if (chunk > n - done)
            chunk = n - done;
        if (copy_from_user(buf, from + done, chunk) < 0)
            return -EFAULT;
        for (size_t i = 0; i < chunk; i++)
            if (buf[i])
                return -E2BIG;
        done += chunk;
    }
    return 0;
}

bool shim_user_range_uncertain(uptr src, size_t len) {
    return src > USER_LIMIT_MIN || len > USER_LIMIT_MIN - src;
}

int copy_struct_from_user(void* dst, size_t ksize, uptr src, size_t usize) {
    if (usize > ksize) {
        int ret = check_zeroed_user(src + ksize, usize - ksize);

        if (ret < 0)
            return ret;
    }
    memset(dst, 0, ksize);
    if (copy_from_user(dst, src, usize < ksize ? usize : ksize) < 0)
        return copy_failed();
    return 0;
}

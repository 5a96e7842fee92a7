/*
 * shim_user.c: the calling thread's memory, read and written as the
 * kernel's copy_from_user/copy_to_user do: all of it, or EFAULT.
 */
#include "config.h"

#include <errno.h>

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

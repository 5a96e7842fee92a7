/*
 * shim_syscall.c: the dispatcher from a system call stop to the shim.
 *
 * Every x86-64 call is, for now, SHIM_SYSCALL_PASSTHROUGH: the PAL runs it
 * on the host unchanged.  A call through the 32-bit gate is refused with
 * ENOSYS and a message rather than decoded with the wrong table.
 */
#include "config.h"

#include <errno.h>

#include "pal_log.h"
#include "shim_syscall.h"

int shim_handle_syscall(const struct pal_event* ev, PAL_FLG hostcall_flags, long* result) {
    int ret;

    if (ev->compat) {
        log_error("thread %d: 32-bit system call %lu (int 0x80) refused with ENOSYS: "
                  "ptshim handles x86-64 system calls only",
                  ev->tid, (unsigned long)ev->sysno);
        *result = -ENOSYS;
        ret = DkSyscallReturn(ev->thread, -ENOSYS);
        return ret < 0 ? ret : SHIM_SYSCALL_DONE;
    }
    log_trace("thread %d: system call %lu run on the host", ev->tid,
              (unsigned long)ev->sysno);
    ret = DkSyscallRunOnHost(ev->thread, hostcall_flags);
    return ret < 0 ? ret : SHIM_SYSCALL_ON_HOST;
}

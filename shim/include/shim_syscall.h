/*
 * shim_syscall.h: the library OS's entry point for a stopped system call.
 */
#ifndef SHIM_SYSCALL_H
#define SHIM_SYSCALL_H

#include "pal.h"

#define SHIM_SYSCALL_ON_HOST 0 /* handed to the host; HOSTCALL_FLAGS apply */
#define SHIM_SYSCALL_DONE    1 /* completed by the shim with *RESULT */

/* Answer the system call of a PAL_EVENT_SYSCALL event: complete it in the
 * tracer or hand it to the PAL to run on the host with HOSTCALL_FLAGS
 * (PAL_HOSTCALL_*).  Returns SHIM_SYSCALL_*, or a negative errno when the
 * thread could not be answered (a failure of ptshim, not of the call). */
PAL_NODISCARD int shim_handle_syscall(const struct pal_event* ev, PAL_FLG hostcall_flags,
                                      long* result);

#endif /* SHIM_SYSCALL_H */

/*
 * shim_syscall.h: the library OS's entry point for a stopped system call.
 */
#ifndef SHIM_SYSCALL_H
#define SHIM_SYSCALL_H

#include "pal.h"

/* Answer the system call of a PAL_EVENT_SYSCALL event: complete it in the
 * tracer or hand it to the PAL to run on the host.  Returns 0 or a negative
 * errno when the thread could not be answered (a failure of ptshim, not of
 * the call). */
PAL_NODISCARD int shim_handle_syscall(const struct pal_event* ev);

#endif /* SHIM_SYSCALL_H */

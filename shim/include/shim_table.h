/*
 * shim_table.h: the system calls the shim implements.
 *
 * Every row of syscalls.tbl has an entry __shim_<name> (declared in the
 * generated shim_entries.h, defined by its line in shim_syscalls.c).  A
 * call implemented by the shim also has its shim_do_<name>, declared here
 * with the prototype of its DEFINE_SHIM_SYSCALL line, grouped by the file
 * in shim/src/sys/ that defines it.  Return values are the result or a
 * negative errno.
 */
#ifndef SHIM_TABLE_H
#define SHIM_TABLE_H

#include <stddef.h>
#include <sys/types.h>

#include "shim_internal.h"

/* sys/shim_exec.c */
int shim_do_execve(uptr filename, uptr argv, uptr envp);
int shim_do_execveat(int fd, uptr filename, uptr argv, uptr envp, int flags);

/* sys/shim_getpid.c */
pid_t shim_do_getpid(void);
pid_t shim_do_getppid(void);
pid_t shim_do_gettid(void);

/* sys/shim_sched.c */
long shim_do_sched_getaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);

#endif /* SHIM_TABLE_H */

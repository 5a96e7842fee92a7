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

/* sys/shim_clone.c */
pid_t shim_do_fork(void);
pid_t shim_do_vfork(void);
pid_t shim_do_clone(unsigned int clone_flags, uptr newsp, uptr parent_tidptr, uptr child_tidptr, uptr tls);
pid_t shim_do_clone3(uptr uargs, size_t size);

/* sys/shim_exec.c */
int shim_do_execve(uptr filename, uptr argv, uptr envp);
int shim_do_execveat(int fd, uptr filename, uptr argv, uptr envp, int flags);

/* sys/shim_exit.c */
long shim_do_exit(int error_code);
long shim_do_exit_group(int error_code);

/* sys/shim_futex.c */
long shim_do_futex(uptr uaddr, int op, uint32_t val, uptr utime, uptr uaddr2, uint32_t val3);

/* sys/shim_getpid.c */
pid_t shim_do_getpid(void);
pid_t shim_do_getppid(void);
pid_t shim_do_gettid(void);

/* sys/shim_mmap.c */
long shim_do_brk(uptr brk);
long shim_do_mmap(uptr addr, size_t len, unsigned long prot, unsigned long flags, int fd, unsigned long off);
int shim_do_mprotect(uptr start, size_t len, unsigned long prot);
int shim_do_munmap(uptr addr, size_t len);

/* sys/shim_sched.c */
long shim_do_sched_getaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);

/* sys/shim_signal.c */
int shim_do_kill(pid_t pid, int sig);
int shim_do_tgkill(pid_t tgid, pid_t pid, int sig);
int shim_do_rt_sigaction(int sig, uptr act, uptr oact, size_t sigsetsize);
int shim_do_rt_sigprocmask(int how, uptr nset, uptr oset, size_t sigsetsize);

/* sys/shim_sleep.c */
int shim_do_nanosleep(uptr rqtp, uptr rmtp);
int shim_do_clock_nanosleep(clockid_t which_clock, int flags, uptr rqtp, uptr rmtp);

/* sys/shim_tls.c */
int shim_do_arch_prctl(int option, unsigned long arg2);
pid_t shim_do_set_tid_address(uptr tidptr);
int shim_do_set_robust_list(uptr head, size_t len);
int shim_do_rseq(uptr rseq, uint32_t rseq_len, int flags, uint32_t sig);

/* sys/shim_wait.c */
pid_t shim_do_wait4(pid_t upid, uptr stat_addr, int options, uptr ru);
int shim_do_waitid(int which, pid_t upid, uptr infop, int options, uptr ru);

#endif /* SHIM_TABLE_H */

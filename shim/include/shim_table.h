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

/* sys/shim_access.c */
int shim_do_access(uptr filename, unsigned int mode);
int shim_do_faccessat(int dfd, uptr filename, unsigned int mode);
int shim_do_faccessat2(int dfd, uptr filename, unsigned int mode, unsigned int flags);

/* sys/shim_namei.c */
int shim_do_link(uptr oldname, uptr newname);
int shim_do_linkat(int olddfd, uptr oldname, int newdfd, uptr newname, unsigned int flags);
int shim_do_mkdir(uptr pathname, mode_t mode);
int shim_do_mkdirat(int dfd, uptr pathname, mode_t mode);
int shim_do_rename(uptr oldname, uptr newname);
int shim_do_renameat(int olddfd, uptr oldname, int newdfd, uptr newname);
int shim_do_renameat2(int olddfd, uptr oldname, int newdfd, uptr newname, unsigned int flags);
int shim_do_rmdir(uptr pathname);
int shim_do_symlink(uptr oldname, uptr newname);
int shim_do_symlinkat(uptr oldname, int newdfd, uptr newname);
int shim_do_unlink(uptr pathname);
int shim_do_unlinkat(int dfd, uptr pathname, unsigned int flag);

/* sys/shim_getpid.c */
pid_t shim_do_getpid(void);
pid_t shim_do_getppid(void);
pid_t shim_do_gettid(void);

/* sys/shim_sched.c */
long shim_do_sched_getaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);

/* sys/shim_stat.c */
int shim_do_lstat(uptr filename, uptr statbuf);
int shim_do_newfstatat(int dfd, uptr filename, uptr statbuf, unsigned int flag);
ssize_t shim_do_readlink(uptr path, uptr buf, int bufsiz);
ssize_t shim_do_readlinkat(int dfd, uptr pathname, uptr buf, int bufsiz);
int shim_do_stat(uptr filename, uptr statbuf);
int shim_do_statx(int dfd, uptr filename, unsigned int flags, unsigned int mask, uptr buffer);

#endif /* SHIM_TABLE_H */

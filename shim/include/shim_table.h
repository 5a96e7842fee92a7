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

/* sys/shim_getpid.c */
pid_t shim_do_getpid(void);
pid_t shim_do_getppid(void);
pid_t shim_do_gettid(void);

/* sys/shim_getrandom.c */
long shim_do_getrandom(uptr ubuf, size_t len, unsigned int flags);

/* sys/shim_getuid.c */
long shim_do_getuid(void);
long shim_do_geteuid(void);
long shim_do_getgid(void);
long shim_do_getegid(void);
long shim_do_getresuid(uptr ruidp, uptr euidp, uptr suidp);
long shim_do_getresgid(uptr rgidp, uptr egidp, uptr sgidp);
long shim_do_getgroups(int gidsetsize, uptr grouplist);
long shim_do_setuid(uid_t uid);
long shim_do_setgid(gid_t gid);
long shim_do_setreuid(uid_t ruid, uid_t euid);
long shim_do_setregid(gid_t rgid, gid_t egid);
long shim_do_setresuid(uid_t ruid, uid_t euid, uid_t suid);
long shim_do_setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long shim_do_setfsuid(uid_t uid);
long shim_do_setfsgid(gid_t gid);
long shim_do_setgroups(int gidsetsize, uptr grouplist);

/* sys/shim_rlimit.c */
long shim_do_getrlimit(unsigned int resource, uptr rlim);
long shim_do_prlimit64(pid_t pid, unsigned int resource, uptr new_rlim, uptr old_rlim);

/* sys/shim_sched.c */
long shim_do_sched_getaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);

/* sys/shim_umask.c */
long shim_do_umask(int mask);

/* sys/shim_uname.c */
long shim_do_uname(uptr name);
long shim_do_sysinfo(uptr info);
long shim_do_personality(unsigned int personality);

/* sys/shim_unshare.c */
long shim_do_unshare(unsigned long unshare_flags);
long shim_do_setns(int fd, int flags);

#endif /* SHIM_TABLE_H */

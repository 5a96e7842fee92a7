/*
 * shim_table.h: the system calls the shim implements.
 *
 * Every row of syscalls.tbl has an entry __shim_<name> (declared in the
 * generated shim_entries.h, defined by its line in shim_syscalls.c).  A
 * call implemented by the shim also has its shim_do_<name>, declared here
 * with the prototype of its DEFINE_SHIM_SYSCALL line, grouped by the file
 * in shim/src/sys/ that defines it.  Each returns long: the result or a
 * negative errno, what the kernel leaves in rax (DEFINE_SHIM_SYSCALL
 * refuses a prototype that is not its line's).
 */
#ifndef SHIM_TABLE_H
#define SHIM_TABLE_H

#include <stddef.h>
#include <sys/types.h>

#include "shim_internal.h"

/* sys/shim_access.c */
long shim_do_access(uptr filename, unsigned int mode);
long shim_do_faccessat(int dfd, uptr filename, unsigned int mode);
long shim_do_faccessat2(int dfd, uptr filename, unsigned int mode, unsigned int flags);

/* sys/shim_namei.c */
long shim_do_link(uptr oldname, uptr newname);
long shim_do_linkat(int olddfd, uptr oldname, int newdfd, uptr newname, unsigned int flags);
long shim_do_mkdir(uptr pathname, mode_t mode);
long shim_do_mkdirat(int dfd, uptr pathname, mode_t mode);
long shim_do_rename(uptr oldname, uptr newname);
long shim_do_renameat(int olddfd, uptr oldname, int newdfd, uptr newname);
long shim_do_renameat2(int olddfd, uptr oldname, int newdfd, uptr newname, unsigned int flags);
long shim_do_rmdir(uptr pathname);
long shim_do_symlink(uptr oldname, uptr newname);
long shim_do_symlinkat(uptr oldname, int newdfd, uptr newname);
long shim_do_unlink(uptr pathname);
long shim_do_unlinkat(int dfd, uptr pathname, unsigned int flag);
/* sys/shim_attr.c */
long shim_do_chmod(uptr filename, mode_t mode);
long shim_do_fchmod(int fd, mode_t mode);
long shim_do_fchmodat(int dfd, uptr filename, mode_t mode);
long shim_do_fchmodat2(int dfd, uptr filename, mode_t mode, unsigned int flags);
long shim_do_chown(uptr filename, uid_t user, gid_t group);
long shim_do_fchown(int fd, uid_t user, gid_t group);
long shim_do_lchown(uptr filename, uid_t user, gid_t group);
long shim_do_fchownat(int dfd, uptr filename, uid_t user, gid_t group, unsigned int flag);

/* sys/shim_clone.c */
long shim_do_fork(void);
long shim_do_vfork(void);
long shim_do_clone(unsigned int clone_flags, uptr newsp, uptr parent_tidptr, uptr child_tidptr, uptr tls);
long shim_do_clone3(uptr uargs, size_t size);

/* sys/shim_exec.c */
long shim_do_execve(uptr filename, uptr argv, uptr envp);
long shim_do_execveat(int fd, uptr filename, uptr argv, uptr envp, int flags);

/* sys/shim_exit.c */
long shim_do_exit(int error_code);
long shim_do_exit_group(int error_code);

/* sys/shim_futex.c */
long shim_do_futex(uptr uaddr, int op, uint32_t val, uptr utime, uptr uaddr2, uint32_t val3);

/* sys/shim_getpid.c */
long shim_do_getpid(void);
long shim_do_getppid(void);
long shim_do_gettid(void);

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
long shim_do_getrusage(int who, uptr ru);
/* sys/shim_mmap.c */
long shim_do_brk(uptr brk);
long shim_do_mmap(uptr addr, size_t len, unsigned long prot, unsigned long flags, int fd, unsigned long off);
long shim_do_mprotect(uptr start, size_t len, unsigned long prot);
long shim_do_munmap(uptr addr, size_t len);

/* sys/shim_sched.c */
long shim_do_sched_getaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setattr(pid_t pid, uptr uattr, unsigned int flags);

/* sys/shim_open.c */
long shim_do_open(uptr filename, int flags, mode_t mode);
long shim_do_close(unsigned int fd);
long shim_do_creat(uptr pathname, mode_t mode);
long shim_do_openat(int dfd, uptr filename, int flags, mode_t mode);
long shim_do_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);

/* sys/shim_dup.c */
long shim_do_dup(unsigned int fildes);
long shim_do_dup2(unsigned int oldfd, unsigned int newfd);
long shim_do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long shim_do_dup3(unsigned int oldfd, unsigned int newfd, int flags);

/* sys/shim_pipe.c */
long shim_do_pipe(uptr fildes);
long shim_do_pipe2(uptr fildes, int flags);

/* sys/shim_rw.c */
long shim_do_read(unsigned int fd, uptr buf, size_t count);
long shim_do_write(unsigned int fd, uptr buf, size_t count);
long shim_do_lseek(unsigned int fd, off_t offset, unsigned int whence);
long shim_do_pread64(unsigned int fd, uptr buf, size_t count, loff_t pos);
long shim_do_pwrite64(unsigned int fd, uptr buf, size_t count, loff_t pos);
long shim_do_readv(unsigned long fd, uptr vec, unsigned long vlen);
long shim_do_writev(unsigned long fd, uptr vec, unsigned long vlen);

/* sys/shim_getdents.c */
long shim_do_fstat(unsigned int fd, uptr statbuf);
long shim_do_getdents64(unsigned int fd, uptr dirent, unsigned int count);

/* sys/shim_ioctl.c */
long shim_do_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);

/* sys/shim_getcwd.c */
long shim_do_getcwd(uptr buf, unsigned long size);
long shim_do_chdir(uptr filename);
long shim_do_fchdir(unsigned int fd);

/* sys/shim_stat.c */
long shim_do_lstat(uptr filename, uptr statbuf);
long shim_do_newfstatat(int dfd, uptr filename, uptr statbuf, unsigned int flag);
long shim_do_readlink(uptr path, uptr buf, int bufsiz);
long shim_do_readlinkat(int dfd, uptr pathname, uptr buf, int bufsiz);
long shim_do_stat(uptr filename, uptr statbuf);
long shim_do_statx(int dfd, uptr filename, unsigned int flags, unsigned int mask, uptr buffer);
/* sys/shim_umask.c */
long shim_do_umask(int mask);

/* sys/shim_uname.c */
long shim_do_uname(uptr name);
long shim_do_sysinfo(uptr info);
long shim_do_personality(unsigned int personality);

/* sys/shim_unshare.c */
long shim_do_unshare(unsigned long unshare_flags);
long shim_do_setns(int fd, int flags);
/* sys/shim_signal.c */
long shim_do_kill(pid_t pid, int sig);
long shim_do_tgkill(pid_t tgid, pid_t pid, int sig);
long shim_do_tkill(pid_t pid, int sig);
long shim_do_rt_sigqueueinfo(pid_t pid, int sig, uptr uinfo);
long shim_do_rt_tgsigqueueinfo(pid_t tgid, pid_t pid, int sig, uptr uinfo);
long shim_do_pidfd_open(pid_t pid, unsigned int flags);
long shim_do_pidfd_send_signal(int pidfd, int sig, uptr info, unsigned int flags);
long shim_do_pidfd_getfd(int pidfd, int fd, unsigned int flags);
long shim_do_rt_sigaction(int sig, uptr act, uptr oact, size_t sigsetsize);
long shim_do_rt_sigprocmask(int how, uptr nset, uptr oset, size_t sigsetsize);
long shim_do_rt_sigreturn(void);
long shim_do_restart_syscall(void);

/* sys/shim_poll.c */
long shim_do_select(int n, uptr inp, uptr outp, uptr exp, uptr tvp);
long shim_do_pselect6(int n, uptr inp, uptr outp, uptr exp, uptr tsp, uptr sig);
long shim_do_ppoll(uptr ufds, unsigned int nfds, uptr tsp, uptr sigmask, size_t sigsetsize);

/* sys/shim_sleep.c */
long shim_do_nanosleep(uptr rqtp, uptr rmtp);
long shim_do_clock_nanosleep(clockid_t which_clock, int flags, uptr rqtp, uptr rmtp);

/* sys/shim_clock.c */
long shim_do_clock_gettime(int which_clock, uptr tp);
long shim_do_clock_getres(int which_clock, uptr tp);
long shim_do_clock_settime(int which_clock, uptr tp);
long shim_do_gettimeofday(uptr tv, uptr tz);
long shim_do_settimeofday(uptr tv, uptr tz);
long shim_do_time(uptr tloc);
long shim_do_adjtimex(uptr txc_p);
long shim_do_clock_adjtime(int which_clock, uptr utx);

/* sys/shim_timer.c */
long shim_do_alarm(unsigned int seconds);
long shim_do_getitimer(int which, uptr value);
long shim_do_setitimer(int which, uptr value, uptr ovalue);
long shim_do_timer_create(int which_clock, uptr timer_event_spec, uptr created_timer_id);
long shim_do_timer_settime(int timer_id, unsigned int flags, uptr new_setting, uptr old_setting);
long shim_do_timer_gettime(int timer_id, uptr setting);
long shim_do_timer_getoverrun(int timer_id);
long shim_do_timer_delete(int timer_id);
long shim_do_timerfd_create(int clockid, unsigned int flags);
long shim_do_timerfd_settime(int ufd, unsigned int flags, uptr utmr, uptr otmr);
long shim_do_timerfd_gettime(int ufd, uptr otmr);

/* sys/shim_sigwait.c */
long shim_do_pause(void);
long shim_do_rt_sigsuspend(uptr unewset, size_t sigsetsize);
long shim_do_rt_sigtimedwait(uptr uthese, uptr uinfo, uptr uts, size_t sigsetsize);
long shim_do_rt_sigpending(uptr uset, size_t sigsetsize);
long shim_do_sigaltstack(uptr uss, uptr uoss);
long shim_do_signalfd(int ufd, uptr user_mask, size_t sizemask);
long shim_do_signalfd4(int ufd, uptr user_mask, size_t sizemask, unsigned int flags);

/* sys/shim_session.c */
long shim_do_setpgid(pid_t pid, pid_t pgid);
long shim_do_getpgid(pid_t pid);
long shim_do_getpgrp(void);
long shim_do_setsid(void);
long shim_do_getsid(pid_t pid);
long shim_do_getpriority(int which, int who);
long shim_do_setpriority(int which, int who, int niceval);
long shim_do_times(uptr tbuf);
long shim_do_ioprio_get(int which, int who);
long shim_do_ioprio_set(int which, int who, int ioprio);
long shim_do_kcmp(pid_t pid1, pid_t pid2, int type, unsigned long idx1, unsigned long idx2);
long shim_do_process_vm_readv(pid_t pid, uptr lvec, unsigned long liovcnt, uptr rvec,
                              unsigned long riovcnt, unsigned long flags);
long shim_do_process_vm_writev(pid_t pid, uptr lvec, unsigned long liovcnt, uptr rvec,
                               unsigned long riovcnt, unsigned long flags);

/* sys/shim_tls.c */
long shim_do_arch_prctl(int option, unsigned long arg2);
long shim_do_set_tid_address(uptr tidptr);
long shim_do_set_robust_list(uptr head, size_t len);
long shim_do_get_robust_list(pid_t pid, uptr head_ptr, uptr len_ptr);
long shim_do_rseq(uptr rseq, uint32_t rseq_len, int flags, uint32_t sig);

/* sys/shim_wait.c */
long shim_do_wait4(pid_t upid, uptr stat_addr, int options, uptr ru);
long shim_do_waitid(int which, pid_t upid, uptr infop, int options, uptr ru);

/* sys/shim_socket.c */
long shim_do_socket(int family, int type, int protocol);

/* sys/shim_statfs.c */
long shim_do_statfs(uptr pathname, uptr buf);
long shim_do_fstatfs(int fd, uptr buf);
long shim_do_fadvise64(int fd, off_t offset, size_t len, int advice);
long shim_do_copy_file_range(int fd_in, uptr off_in, int fd_out, uptr off_out, size_t len, unsigned int flags);

/* sys/shim_seccomp.c */
long shim_do_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
                   unsigned long arg5);
long shim_do_seccomp(unsigned int op, unsigned int flags, uptr uargs);

/* sys/shim_xattr.c */
long shim_do_getxattr(uptr pathname, uptr name, uptr value, size_t size);
long shim_do_lgetxattr(uptr pathname, uptr name, uptr value, size_t size);
long shim_do_fgetxattr(int fd, uptr name, uptr value, size_t size);
long shim_do_listxattr(uptr pathname, uptr list, size_t size);
long shim_do_llistxattr(uptr pathname, uptr list, size_t size);
long shim_do_flistxattr(int fd, uptr list, size_t size);

#endif /* SHIM_TABLE_H */

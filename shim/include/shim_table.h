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
long shim_do_pkey_mprotect(uptr start, size_t len, unsigned long prot, int pkey);

/* sys/shim_mem.c */
long shim_do_mremap(uptr addr, size_t old_len, size_t new_len, unsigned long flags, uptr new_addr);
long shim_do_msync(uptr start, size_t len, unsigned int flags);
long shim_do_madvise(uptr start, size_t len_in, int behavior);
long shim_do_mincore(uptr start, size_t len, uptr vec);
long shim_do_mlock(uptr start, size_t len);
long shim_do_mlock2(uptr start, size_t len, unsigned long flags);
long shim_do_munlock(uptr start, size_t len);
long shim_do_mlockall(int flags);
long shim_do_munlockall(void);
long shim_do_remap_file_pages(uptr start, size_t size, unsigned long prot, unsigned long pgoff, unsigned long flags);
long shim_do_membarrier(int cmd, unsigned int flags, int cpu_id);
long shim_do_pkey_alloc(unsigned long flags, unsigned long init_val);
long shim_do_pkey_free(int pkey);
long shim_do_process_mrelease(int pidfd, unsigned int flags);
long shim_do_process_madvise(int pidfd, uptr vec, size_t vlen, int behavior, unsigned int flags);

/* sys/shim_numa.c */
long shim_do_get_mempolicy(uptr policy, uptr nmask, unsigned long maxnode, uptr addr, unsigned long flags);
long shim_do_set_mempolicy(int mode, uptr nmask, unsigned long maxnode);
long shim_do_mbind(uptr start, size_t len, int mode, uptr nmask, unsigned long maxnode, unsigned long flags);
long shim_do_set_mempolicy_home_node(uptr start, size_t len, unsigned long home_node, unsigned long flags);
long shim_do_migrate_pages(pid_t pid, unsigned long maxnode, uptr old_nodes, uptr new_nodes);
long shim_do_move_pages(pid_t pid, unsigned long nr_pages, uptr pages, uptr nodes, uptr status, int flags);

/* sys/shim_sched.c */
long shim_do_sched_getaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr);
long shim_do_sched_setattr(pid_t pid, uptr uattr, unsigned int flags);
long shim_do_sched_getattr(pid_t pid, uptr uattr, unsigned int usize, unsigned int flags);
long shim_do_sched_yield(void);
long shim_do_sched_getparam(pid_t pid, uptr param);
long shim_do_sched_setparam(pid_t pid, uptr param);
long shim_do_sched_getscheduler(pid_t pid);
long shim_do_sched_setscheduler(pid_t pid, int policy, uptr param);
long shim_do_sched_get_priority_max(int policy);
long shim_do_sched_get_priority_min(int policy);
long shim_do_sched_rr_get_interval(pid_t pid, uptr interval);
long shim_do_getcpu(uptr cpup, uptr nodep, uptr unused);

/* sys/shim_open.c */
long shim_do_open(uptr filename, int flags, mode_t mode);
long shim_do_close(unsigned int fd);
long shim_do_creat(uptr pathname, mode_t mode);
long shim_do_openat(int dfd, uptr filename, int flags, mode_t mode);
long shim_do_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);
long shim_do_openat2(int dfd, uptr filename, uptr how, size_t usize);

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
long shim_do_preadv(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h);
long shim_do_pwritev(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h);
long shim_do_preadv2(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h,
                     unsigned int flags);
long shim_do_pwritev2(int fd, uptr vec, unsigned long vlen, off_t pos_l, unsigned long pos_h,
                      unsigned int flags);

/* sys/shim_getdents.c */
long shim_do_fstat(unsigned int fd, uptr statbuf);
long shim_do_getdents64(unsigned int fd, uptr dirent, unsigned int count);
long shim_do_getdents(int fd, uptr dirent, unsigned int count);

/* sys/shim_ioctl.c */
long shim_do_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);

/* sys/shim_getcwd.c */
long shim_do_getcwd(uptr buf, unsigned long size);
long shim_do_chdir(uptr filename);
long shim_do_fchdir(unsigned int fd);
long shim_do_chroot(uptr filename);

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
long shim_do_poll(uptr ufds, unsigned int nfds, int timeout_msecs);

/* sys/shim_epoll.c */
long shim_do_epoll_create(int size);
long shim_do_epoll_create1(int flags);
long shim_do_epoll_ctl(int epfd, int op, int fd, uptr event);
long shim_do_epoll_wait(int epfd, uptr events, int maxevents, int timeout);
long shim_do_epoll_pwait(int epfd, uptr events, int maxevents, int timeout, uptr sigmask, size_t sigsetsize);
long shim_do_epoll_pwait2(int epfd, uptr events, int maxevents, uptr timeout, uptr sigmask, size_t sigsetsize);

/* sys/shim_notify.c */
long shim_do_eventfd(unsigned int count);
long shim_do_eventfd2(unsigned int count, int flags);
long shim_do_inotify_init(void);
long shim_do_inotify_init1(int flags);
long shim_do_inotify_add_watch(int fd, uptr pathname, unsigned int mask);
long shim_do_inotify_rm_watch(int fd, int wd);

/* sys/shim_aio.c */
long shim_do_io_setup(unsigned int nr_events, uptr ctxp);
long shim_do_io_destroy(unsigned long ctx);
long shim_do_io_submit(unsigned long ctx_id, long nr, uptr iocbpp);
long shim_do_io_cancel(unsigned long ctx_id, uptr iocb, uptr result);
long shim_do_io_getevents(unsigned long ctx_id, long min_nr, long nr, uptr events, uptr timeout);
long shim_do_io_pgetevents(unsigned long ctx_id, long min_nr, long nr, uptr events, uptr timeout, uptr usig);

/* sys/shim_futex2.c */
long shim_do_futex_wake(uptr uaddr, unsigned long mask, int nr, unsigned long flags);
long shim_do_futex_wait(uptr uaddr, unsigned long val, unsigned long mask, unsigned long flags, uptr timeout, int clockid);
long shim_do_futex_waitv(uptr waiters, unsigned int nr_futexes, unsigned int flags, uptr timeout, int clockid);
long shim_do_futex_requeue(uptr waiters, unsigned long flags, int nr_wake, int nr_requeue);

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
long shim_do_socketpair(int family, unsigned int type, int protocol, uptr usockvec);
long shim_do_bind(int fd, uptr umyaddr, int addrlen);
long shim_do_listen(int fd, int backlog);
long shim_do_connect(int fd, uptr uservaddr, int addrlen);
long shim_do_accept(int fd, uptr upeer_sockaddr, uptr upeer_addrlen);
long shim_do_accept4(int fd, uptr upeer_sockaddr, uptr upeer_addrlen, unsigned int flags);
long shim_do_sendto(int fd, uptr buff, size_t len, unsigned int flags, uptr addr, int addr_len);
long shim_do_recvfrom(int fd, uptr ubuf, size_t size, unsigned int flags, uptr addr, uptr addr_len);
long shim_do_sendmsg(int fd, uptr msg, unsigned int flags);
long shim_do_recvmsg(int fd, uptr msg, unsigned int flags);
long shim_do_sendmmsg(int fd, uptr mmsg, unsigned int vlen, unsigned int flags);
long shim_do_recvmmsg(int fd, uptr mmsg, unsigned int vlen, unsigned int flags, uptr timeout);
long shim_do_shutdown(int fd, int how);
long shim_do_getsockname(int fd, uptr usockaddr, uptr usockaddr_len);
long shim_do_getpeername(int fd, uptr usockaddr, uptr usockaddr_len);
long shim_do_setsockopt(int fd, int level, int optname, uptr optval, int optlen);
long shim_do_getsockopt(int fd, int level, int optname, uptr optval, uptr optlen);

/* sys/shim_ipc.c */
long shim_do_shmget(unsigned long key, size_t size, unsigned int shmflg);
long shim_do_shmat(int shmid, uptr shmaddr, unsigned int shmflg);
long shim_do_shmdt(uptr shmaddr);
long shim_do_shmctl(int shmid, int cmd, uptr buf);
long shim_do_semget(unsigned long key, int nsems, unsigned int semflg);
long shim_do_semop(int semid, uptr tsops, unsigned int nsops);
long shim_do_semtimedop(int semid, uptr tsops, unsigned int nsops, uptr timeout);
long shim_do_semctl(int semid, int semnum, int cmd, unsigned long arg);
long shim_do_msgget(unsigned long key, unsigned int msgflg);
long shim_do_msgsnd(int msqid, uptr msgp, size_t msgsz, unsigned int msgflg);
long shim_do_msgrcv(int msqid, uptr msgp, size_t msgsz, long msgtyp, unsigned int msgflg);
long shim_do_msgctl(int msqid, int cmd, uptr buf);

/* sys/shim_mqueue.c */
long shim_do_mq_open(uptr u_name, unsigned int oflag, mode_t mode, uptr u_attr);
long shim_do_mq_unlink(uptr u_name);
long shim_do_mq_timedsend(int mqdes, uptr u_msg_ptr, size_t msg_len, unsigned int msg_prio, uptr u_abs_timeout);
long shim_do_mq_timedreceive(int mqdes, uptr u_msg_ptr, size_t msg_len, uptr u_msg_prio, uptr u_abs_timeout);
long shim_do_mq_notify(int mqdes, uptr u_notification);
long shim_do_mq_getsetattr(int mqdes, uptr u_mqstat, uptr u_omqstat);

/* sys/shim_statfs.c */
long shim_do_statfs(uptr pathname, uptr buf);
long shim_do_fstatfs(int fd, uptr buf);
long shim_do_fadvise64(int fd, off_t offset, size_t len, int advice);
long shim_do_copy_file_range(int fd_in, uptr off_in, int fd_out, uptr off_out, size_t len, unsigned int flags);
long shim_do_sysfs(int option, unsigned long arg1, unsigned long arg2);

/* sys/shim_truncate.c */
long shim_do_ftruncate(int fd, size_t length);
long shim_do_truncate(uptr path, size_t length);
long shim_do_fallocate(int fd, unsigned int mode, off_t offset, off_t len);

/* sys/shim_fsync.c */
long shim_do_sync(void);
long shim_do_syncfs(int fd);
long shim_do_fsync(int fd);
long shim_do_fdatasync(int fd);
long shim_do_sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags);
long shim_do_readahead(int fd, off_t offset, size_t count);
long shim_do_cachestat(unsigned int fd, uptr cstat_range, uptr cstat, unsigned int flags);

/* sys/shim_utimes.c */
long shim_do_utimensat(int dfd, uptr filename, uptr utimes, unsigned int flags);
long shim_do_futimesat(int dfd, uptr filename, uptr utimes);
long shim_do_utimes(uptr filename, uptr utimes);
long shim_do_utime(uptr filename, uptr times);

/* sys/shim_mknod.c */
long shim_do_mknod(uptr filename, mode_t mode, unsigned long dev);
long shim_do_mknodat(int dfd, uptr filename, mode_t mode, unsigned long dev);

/* sys/shim_flock.c */
long shim_do_flock(int fd, unsigned int cmd);

/* sys/shim_splice.c */
long shim_do_sendfile(int out_fd, int in_fd, uptr offset, size_t count);
long shim_do_splice(int fd_in, uptr off_in, int fd_out, uptr off_out, size_t len,
                    unsigned int flags);
long shim_do_tee(int fdin, int fdout, size_t len, unsigned int flags);
long shim_do_vmsplice(int fd, uptr uiov, unsigned long nr_segs, unsigned int flags);

/* sys/shim_memfd.c */
long shim_do_memfd_create(uptr uname, unsigned int flags);

/* sys/shim_fileattr.c */
long shim_do_file_getattr(int dfd, uptr filename, uptr ufattr, size_t usize,
                          unsigned int at_flags);
long shim_do_file_setattr(int dfd, uptr filename, uptr ufattr, size_t usize,
                          unsigned int at_flags);

/* sys/shim_fhandle.c */
long shim_do_name_to_handle_at(int dfd, uptr name, uptr handle, uptr mnt_id, unsigned int flag);
long shim_do_open_by_handle_at(int mountdirfd, uptr handle, unsigned int flags);

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
long shim_do_setxattr(uptr pathname, uptr name, uptr value, size_t size, unsigned int flags);
long shim_do_lsetxattr(uptr pathname, uptr name, uptr value, size_t size, unsigned int flags);
long shim_do_fsetxattr(int fd, uptr name, uptr value, size_t size, unsigned int flags);
long shim_do_removexattr(uptr pathname, uptr name);
long shim_do_lremovexattr(uptr pathname, uptr name);
long shim_do_fremovexattr(int fd, uptr name);
long shim_do_setxattrat(int dfd, uptr pathname, unsigned int at_flags, uptr name, uptr uargs,
                        size_t usize);
long shim_do_getxattrat(int dfd, uptr pathname, unsigned int at_flags, uptr name, uptr uargs,
                        size_t usize);
long shim_do_listxattrat(int dfd, uptr pathname, unsigned int at_flags, uptr list, size_t size);
long shim_do_removexattrat(int dfd, uptr pathname, unsigned int at_flags, uptr name);

#endif /* SHIM_TABLE_H */

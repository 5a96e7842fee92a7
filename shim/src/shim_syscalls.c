/*
 * shim_syscalls.c: one line per system call of syscall-defs/syscalls.tbl,
 * in Graphene's form:
 *
 *   DEFINE_SHIM_SYSCALL(name, nargs, shim_do_name, long, type, arg, ...)
 *       implemented by the shim: shim_do_name, in the file the comment
 *       names, declared in shim_table.h, returns long (the result or a
 *       negative errno);
 *   SHIM_SYSCALL_PASSTHROUGH(name, nargs, ret, type, arg, ...)
 *       not implemented yet: the host runs it unchanged (ENOSYS with
 *       --strict).  Unlike Graphene's macro of that name, which returned
 *       ENOSYS, the call really runs;
 *   SHIM_SYSCALL_RETURN_ENOSYS(name, nargs, ret, type, arg, ...)
 *       deliberately unsupported (here: the numbers the kernel itself
 *       answers with ENOSYS).
 *
 * Pointer arguments are uptr: addresses in the program, never dereferenced
 * in the tracer.  tests/consistency/shim-table.test checks these lines
 * against syscalls.tbl and shim_table.h.  To implement a call, follow
 * "Implementing a new system call" in ptshim-internals(7).
 */
#include "config.h"

#include "shim_internal.h"
#include "shim_table.h"

/* clang-format off */
DEFINE_SHIM_SYSCALL(read, 3, shim_do_read, long, unsigned int, fd, uptr, buf, size_t, count) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(write, 3, shim_do_write, long, unsigned int, fd, uptr, buf, size_t, count) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(open, 3, shim_do_open, long, uptr, filename, int, flags, mode_t, mode) /* sys/shim_open.c */
DEFINE_SHIM_SYSCALL(close, 1, shim_do_close, long, unsigned int, fd) /* sys/shim_open.c */
DEFINE_SHIM_SYSCALL(stat, 2, shim_do_stat, long, uptr, filename, uptr, statbuf) /* sys/shim_stat.c */
DEFINE_SHIM_SYSCALL(fstat, 2, shim_do_fstat, long, unsigned int, fd, uptr, statbuf) /* sys/shim_getdents.c */
DEFINE_SHIM_SYSCALL(lstat, 2, shim_do_lstat, long, uptr, filename, uptr, statbuf) /* sys/shim_stat.c */
DEFINE_SHIM_SYSCALL(poll, 3, shim_do_poll, long, uptr, ufds, unsigned int, nfds, int, timeout_msecs) /* sys/shim_poll.c */
DEFINE_SHIM_SYSCALL(lseek, 3, shim_do_lseek, long, unsigned int, fd, off_t, offset, unsigned int, whence) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(mmap, 6, shim_do_mmap, long, uptr, addr, size_t, len, unsigned long, prot, unsigned long, flags, int, fd, unsigned long, off) /* sys/shim_mmap.c */
DEFINE_SHIM_SYSCALL(mprotect, 3, shim_do_mprotect, long, uptr, start, size_t, len, unsigned long, prot) /* sys/shim_mmap.c */
DEFINE_SHIM_SYSCALL(munmap, 2, shim_do_munmap, long, uptr, addr, size_t, len) /* sys/shim_mmap.c */
DEFINE_SHIM_SYSCALL(brk, 1, shim_do_brk, long, uptr, brk) /* sys/shim_mmap.c */
DEFINE_SHIM_SYSCALL(rt_sigaction, 4, shim_do_rt_sigaction, long, int, sig, uptr, act, uptr, oact, size_t, sigsetsize) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(rt_sigprocmask, 4, shim_do_rt_sigprocmask, long, int, how, uptr, nset, uptr, oset, size_t, sigsetsize) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(rt_sigreturn, 0, shim_do_rt_sigreturn, long) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(ioctl, 3, shim_do_ioctl, long, unsigned int, fd, unsigned int, cmd, unsigned long, arg) /* sys/shim_ioctl.c */
DEFINE_SHIM_SYSCALL(pread64, 4, shim_do_pread64, long, unsigned int, fd, uptr, buf, size_t, count, loff_t, pos) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(pwrite64, 4, shim_do_pwrite64, long, unsigned int, fd, uptr, buf, size_t, count, loff_t, pos) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(readv, 3, shim_do_readv, long, unsigned long, fd, uptr, vec, unsigned long, vlen) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(writev, 3, shim_do_writev, long, unsigned long, fd, uptr, vec, unsigned long, vlen) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(access, 2, shim_do_access, long, uptr, filename, unsigned int, mode) /* sys/shim_access.c */
DEFINE_SHIM_SYSCALL(pipe, 1, shim_do_pipe, long, uptr, fildes) /* sys/shim_pipe.c */
DEFINE_SHIM_SYSCALL(select, 5, shim_do_select, long, int, n, uptr, inp, uptr, outp, uptr, exp, uptr, tvp) /* sys/shim_poll.c */
DEFINE_SHIM_SYSCALL(sched_yield, 0, shim_do_sched_yield, long) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(mremap, 5, shim_do_mremap, long, uptr, addr, size_t, old_len, size_t, new_len, unsigned long, flags, uptr, new_addr) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(msync, 3, shim_do_msync, long, uptr, start, size_t, len, unsigned int, flags) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(mincore, 3, shim_do_mincore, long, uptr, start, size_t, len, uptr, vec) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(madvise, 3, shim_do_madvise, long, uptr, start, size_t, len_in, int, behavior) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(shmget, 3, shim_do_shmget, long, unsigned long, key, size_t, size, unsigned int, shmflg) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(shmat, 3, shim_do_shmat, long, int, shmid, uptr, shmaddr, unsigned int, shmflg) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(shmctl, 3, shim_do_shmctl, long, int, shmid, int, cmd, uptr, buf) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(dup, 1, shim_do_dup, long, unsigned int, fildes) /* sys/shim_dup.c */
DEFINE_SHIM_SYSCALL(dup2, 2, shim_do_dup2, long, unsigned int, oldfd, unsigned int, newfd) /* sys/shim_dup.c */
DEFINE_SHIM_SYSCALL(pause, 0, shim_do_pause, long) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(nanosleep, 2, shim_do_nanosleep, long, uptr, rqtp, uptr, rmtp) /* sys/shim_sleep.c */
DEFINE_SHIM_SYSCALL(getitimer, 2, shim_do_getitimer, long, int, which, uptr, value) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(alarm, 1, shim_do_alarm, long, unsigned int, seconds) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(setitimer, 3, shim_do_setitimer, long, int, which, uptr, value, uptr, ovalue) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(getpid, 0, shim_do_getpid, long) /* sys/shim_getpid.c */
DEFINE_SHIM_SYSCALL(sendfile, 4, shim_do_sendfile, long, int, out_fd, int, in_fd, uptr, offset, size_t, count) /* sys/shim_splice.c */
DEFINE_SHIM_SYSCALL(socket, 3, shim_do_socket, long, int, family, int, type, int, protocol) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(connect, 3, shim_do_connect, long, int, fd, uptr, uservaddr, int, addrlen) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(accept, 3, shim_do_accept, long, int, fd, uptr, upeer_sockaddr, uptr, upeer_addrlen) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(sendto, 6, shim_do_sendto, long, int, fd, uptr, buff, size_t, len, unsigned int, flags, uptr, addr, int, addr_len) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(recvfrom, 6, shim_do_recvfrom, long, int, fd, uptr, ubuf, size_t, size, unsigned int, flags, uptr, addr, uptr, addr_len) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(sendmsg, 3, shim_do_sendmsg, long, int, fd, uptr, msg, unsigned int, flags) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(recvmsg, 3, shim_do_recvmsg, long, int, fd, uptr, msg, unsigned int, flags) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(shutdown, 2, shim_do_shutdown, long, int, fd, int, how) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(bind, 3, shim_do_bind, long, int, fd, uptr, umyaddr, int, addrlen) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(listen, 2, shim_do_listen, long, int, fd, int, backlog) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(getsockname, 3, shim_do_getsockname, long, int, fd, uptr, usockaddr, uptr, usockaddr_len) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(getpeername, 3, shim_do_getpeername, long, int, fd, uptr, usockaddr, uptr, usockaddr_len) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(socketpair, 4, shim_do_socketpair, long, int, family, unsigned int, type, int, protocol, uptr, usockvec) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(setsockopt, 5, shim_do_setsockopt, long, int, fd, int, level, int, optname, uptr, optval, int, optlen) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(getsockopt, 5, shim_do_getsockopt, long, int, fd, int, level, int, optname, uptr, optval, uptr, optlen) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(clone, 5, shim_do_clone, long, unsigned int, clone_flags, uptr, newsp, uptr, parent_tidptr, uptr, child_tidptr, uptr, tls) /* sys/shim_clone.c */
DEFINE_SHIM_SYSCALL(fork, 0, shim_do_fork, long) /* sys/shim_clone.c */
DEFINE_SHIM_SYSCALL(vfork, 0, shim_do_vfork, long) /* sys/shim_clone.c */
DEFINE_SHIM_SYSCALL(execve, 3, shim_do_execve, long, uptr, filename, uptr, argv, uptr, envp) /* sys/shim_exec.c */
DEFINE_SHIM_SYSCALL(exit, 1, shim_do_exit, long, int, error_code) /* sys/shim_exit.c */
DEFINE_SHIM_SYSCALL(wait4, 4, shim_do_wait4, long, pid_t, upid, uptr, stat_addr, int, options, uptr, ru) /* sys/shim_wait.c */
DEFINE_SHIM_SYSCALL(kill, 2, shim_do_kill, long, pid_t, pid, int, sig) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(uname, 1, shim_do_uname, long, uptr, name) /* sys/shim_uname.c */
DEFINE_SHIM_SYSCALL(semget, 3, shim_do_semget, long, unsigned long, key, int, nsems, unsigned int, semflg) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(semop, 3, shim_do_semop, long, int, semid, uptr, tsops, unsigned int, nsops) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(semctl, 4, shim_do_semctl, long, int, semid, int, semnum, int, cmd, unsigned long, arg) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(shmdt, 1, shim_do_shmdt, long, uptr, shmaddr) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(msgget, 2, shim_do_msgget, long, unsigned long, key, unsigned int, msgflg) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(msgsnd, 4, shim_do_msgsnd, long, int, msqid, uptr, msgp, size_t, msgsz, unsigned int, msgflg) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(msgrcv, 5, shim_do_msgrcv, long, int, msqid, uptr, msgp, size_t, msgsz, long, msgtyp, unsigned int, msgflg) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(msgctl, 3, shim_do_msgctl, long, int, msqid, int, cmd, uptr, buf) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(fcntl, 3, shim_do_fcntl, long, unsigned int, fd, unsigned int, cmd, unsigned long, arg) /* sys/shim_dup.c */
DEFINE_SHIM_SYSCALL(flock, 2, shim_do_flock, long, int, fd, unsigned int, cmd) /* sys/shim_flock.c */
DEFINE_SHIM_SYSCALL(fsync, 1, shim_do_fsync, long, int, fd) /* sys/shim_fsync.c */
DEFINE_SHIM_SYSCALL(fdatasync, 1, shim_do_fdatasync, long, int, fd) /* sys/shim_fsync.c */
DEFINE_SHIM_SYSCALL(truncate, 2, shim_do_truncate, long, uptr, path, size_t, length) /* sys/shim_truncate.c */
DEFINE_SHIM_SYSCALL(ftruncate, 2, shim_do_ftruncate, long, int, fd, size_t, length) /* sys/shim_truncate.c */
DEFINE_SHIM_SYSCALL(getdents, 3, shim_do_getdents, long, int, fd, uptr, dirent, unsigned int, count) /* sys/shim_getdents.c */
DEFINE_SHIM_SYSCALL(getcwd, 2, shim_do_getcwd, long, uptr, buf, unsigned long, size) /* sys/shim_getcwd.c */
DEFINE_SHIM_SYSCALL(chdir, 1, shim_do_chdir, long, uptr, filename) /* sys/shim_getcwd.c */
DEFINE_SHIM_SYSCALL(fchdir, 1, shim_do_fchdir, long, unsigned int, fd) /* sys/shim_getcwd.c */
DEFINE_SHIM_SYSCALL(rename, 2, shim_do_rename, long, uptr, oldname, uptr, newname) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(mkdir, 2, shim_do_mkdir, long, uptr, pathname, mode_t, mode) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(rmdir, 1, shim_do_rmdir, long, uptr, pathname) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(creat, 2, shim_do_creat, long, uptr, pathname, mode_t, mode) /* sys/shim_open.c */
DEFINE_SHIM_SYSCALL(link, 2, shim_do_link, long, uptr, oldname, uptr, newname) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(unlink, 1, shim_do_unlink, long, uptr, pathname) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(symlink, 2, shim_do_symlink, long, uptr, oldname, uptr, newname) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(readlink, 3, shim_do_readlink, long, uptr, path, uptr, buf, int, bufsiz) /* sys/shim_stat.c */
DEFINE_SHIM_SYSCALL(chmod, 2, shim_do_chmod, long, uptr, filename, mode_t, mode) /* sys/shim_attr.c */
DEFINE_SHIM_SYSCALL(fchmod, 2, shim_do_fchmod, long, int, fd, mode_t, mode) /* sys/shim_attr.c */
DEFINE_SHIM_SYSCALL(chown, 3, shim_do_chown, long, uptr, filename, uid_t, user, gid_t, group) /* sys/shim_attr.c */
DEFINE_SHIM_SYSCALL(fchown, 3, shim_do_fchown, long, int, fd, uid_t, user, gid_t, group) /* sys/shim_attr.c */
DEFINE_SHIM_SYSCALL(lchown, 3, shim_do_lchown, long, uptr, filename, uid_t, user, gid_t, group) /* sys/shim_attr.c */
DEFINE_SHIM_SYSCALL(umask, 1, shim_do_umask, long, int, mask) /* sys/shim_umask.c */
DEFINE_SHIM_SYSCALL(gettimeofday, 2, shim_do_gettimeofday, long, uptr, tv, uptr, tz) /* sys/shim_clock.c */
DEFINE_SHIM_SYSCALL(getrlimit, 2, shim_do_getrlimit, long, unsigned int, resource, uptr, rlim) /* sys/shim_rlimit.c */
DEFINE_SHIM_SYSCALL(getrusage, 2, shim_do_getrusage, long, int, who, uptr, ru) /* sys/shim_rlimit.c */
DEFINE_SHIM_SYSCALL(sysinfo, 1, shim_do_sysinfo, long, uptr, info) /* sys/shim_uname.c */
DEFINE_SHIM_SYSCALL(times, 1, shim_do_times, long, uptr, tbuf) /* sys/shim_session.c */
SHIM_SYSCALL_PASSTHROUGH(ptrace, 4, long, int, request, pid_t, pid, uptr, addr, uptr, data)
DEFINE_SHIM_SYSCALL(getuid, 0, shim_do_getuid, long) /* sys/shim_getuid.c */
SHIM_SYSCALL_PASSTHROUGH(syslog, 3, int, int, type, uptr, buf, int, len)
DEFINE_SHIM_SYSCALL(getgid, 0, shim_do_getgid, long) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setuid, 1, shim_do_setuid, long, uid_t, uid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setgid, 1, shim_do_setgid, long, gid_t, gid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(geteuid, 0, shim_do_geteuid, long) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(getegid, 0, shim_do_getegid, long) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setpgid, 2, shim_do_setpgid, long, pid_t, pid, pid_t, pgid) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(getppid, 0, shim_do_getppid, long) /* sys/shim_getpid.c */
DEFINE_SHIM_SYSCALL(getpgrp, 0, shim_do_getpgrp, long) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(setsid, 0, shim_do_setsid, long) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(setreuid, 2, shim_do_setreuid, long, uid_t, ruid, uid_t, euid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setregid, 2, shim_do_setregid, long, gid_t, rgid, gid_t, egid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(getgroups, 2, shim_do_getgroups, long, int, gidsetsize, uptr, grouplist) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setgroups, 2, shim_do_setgroups, long, int, gidsetsize, uptr, grouplist) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setresuid, 3, shim_do_setresuid, long, uid_t, ruid, uid_t, euid, uid_t, suid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(getresuid, 3, shim_do_getresuid, long, uptr, ruidp, uptr, euidp, uptr, suidp) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setresgid, 3, shim_do_setresgid, long, gid_t, rgid, gid_t, egid, gid_t, sgid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(getresgid, 3, shim_do_getresgid, long, uptr, rgidp, uptr, egidp, uptr, sgidp) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(getpgid, 1, shim_do_getpgid, long, pid_t, pid) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(setfsuid, 1, shim_do_setfsuid, long, uid_t, uid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(setfsgid, 1, shim_do_setfsgid, long, gid_t, gid) /* sys/shim_getuid.c */
DEFINE_SHIM_SYSCALL(getsid, 1, shim_do_getsid, long, pid_t, pid) /* sys/shim_session.c */
SHIM_SYSCALL_PASSTHROUGH(capget, 2, int, uptr, header, uptr, dataptr)
SHIM_SYSCALL_PASSTHROUGH(capset, 2, int, uptr, header, uptr, data)
DEFINE_SHIM_SYSCALL(rt_sigpending, 2, shim_do_rt_sigpending, long, uptr, uset, size_t, sigsetsize) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(rt_sigtimedwait, 4, shim_do_rt_sigtimedwait, long, uptr, uthese, uptr, uinfo, uptr, uts, size_t, sigsetsize) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(rt_sigqueueinfo, 3, shim_do_rt_sigqueueinfo, long, pid_t, pid, int, sig, uptr, uinfo) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(rt_sigsuspend, 2, shim_do_rt_sigsuspend, long, uptr, unewset, size_t, sigsetsize) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(sigaltstack, 2, shim_do_sigaltstack, long, uptr, uss, uptr, uoss) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(utime, 2, shim_do_utime, long, uptr, filename, uptr, times) /* sys/shim_utimes.c */
DEFINE_SHIM_SYSCALL(mknod, 3, shim_do_mknod, long, uptr, filename, mode_t, mode, unsigned long, dev) /* sys/shim_mknod.c */
SHIM_SYSCALL_RETURN_ENOSYS(uselib, 1, int, uptr, library)
DEFINE_SHIM_SYSCALL(personality, 1, shim_do_personality, long, unsigned int, personality) /* sys/shim_uname.c */
SHIM_SYSCALL_PASSTHROUGH(ustat, 2, int, unsigned long, dev, uptr, ubuf)
DEFINE_SHIM_SYSCALL(statfs, 2, shim_do_statfs, long, uptr, pathname, uptr, buf) /* sys/shim_statfs.c */
DEFINE_SHIM_SYSCALL(fstatfs, 2, shim_do_fstatfs, long, int, fd, uptr, buf) /* sys/shim_statfs.c */
DEFINE_SHIM_SYSCALL(sysfs, 3, shim_do_sysfs, long, int, option, unsigned long, arg1, unsigned long, arg2) /* sys/shim_statfs.c */
DEFINE_SHIM_SYSCALL(getpriority, 2, shim_do_getpriority, long, int, which, int, who) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(setpriority, 3, shim_do_setpriority, long, int, which, int, who, int, niceval) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(sched_setparam, 2, shim_do_sched_setparam, long, pid_t, pid, uptr, param) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_getparam, 2, shim_do_sched_getparam, long, pid_t, pid, uptr, param) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_setscheduler, 3, shim_do_sched_setscheduler, long, pid_t, pid, int, policy, uptr, param) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_getscheduler, 1, shim_do_sched_getscheduler, long, pid_t, pid) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_get_priority_max, 1, shim_do_sched_get_priority_max, long, int, policy) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_get_priority_min, 1, shim_do_sched_get_priority_min, long, int, policy) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_rr_get_interval, 2, shim_do_sched_rr_get_interval, long, pid_t, pid, uptr, interval) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(mlock, 2, shim_do_mlock, long, uptr, start, size_t, len) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(munlock, 2, shim_do_munlock, long, uptr, start, size_t, len) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(mlockall, 1, shim_do_mlockall, long, int, flags) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(munlockall, 0, shim_do_munlockall, long) /* sys/shim_mem.c */
SHIM_SYSCALL_PASSTHROUGH(vhangup, 0, int)
SHIM_SYSCALL_PASSTHROUGH(modify_ldt, 3, int, int, func, uptr, ptr, unsigned long, bytecount)
SHIM_SYSCALL_PASSTHROUGH(pivot_root, 2, int, uptr, new_root, uptr, put_old)
SHIM_SYSCALL_RETURN_ENOSYS(_sysctl, 1, int, uptr, args)
DEFINE_SHIM_SYSCALL(prctl, 5, shim_do_prctl, long, int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4, unsigned long, arg5) /* sys/shim_seccomp.c */
DEFINE_SHIM_SYSCALL(arch_prctl, 2, shim_do_arch_prctl, long, int, option, unsigned long, arg2) /* sys/shim_tls.c */
DEFINE_SHIM_SYSCALL(adjtimex, 1, shim_do_adjtimex, long, uptr, txc_p) /* sys/shim_clock.c */
SHIM_SYSCALL_PASSTHROUGH(setrlimit, 2, int, int, resource, uptr, rlim)
DEFINE_SHIM_SYSCALL(chroot, 1, shim_do_chroot, long, uptr, filename) /* sys/shim_getcwd.c */
DEFINE_SHIM_SYSCALL(sync, 0, shim_do_sync, long) /* sys/shim_fsync.c */
SHIM_SYSCALL_PASSTHROUGH(acct, 1, int, uptr, name)
DEFINE_SHIM_SYSCALL(settimeofday, 2, shim_do_settimeofday, long, uptr, tv, uptr, tz) /* sys/shim_clock.c */
SHIM_SYSCALL_PASSTHROUGH(mount, 5, int, uptr, dev_name, uptr, dir_name, uptr, type, unsigned int, flags, uptr, data)
SHIM_SYSCALL_PASSTHROUGH(umount2, 2, int, uptr, name, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(swapon, 2, int, uptr, specialfile, unsigned long, swap_flags)
SHIM_SYSCALL_PASSTHROUGH(swapoff, 1, int, uptr, specialfile)
SHIM_SYSCALL_PASSTHROUGH(reboot, 4, int, unsigned long, magic1, unsigned long, magic2, unsigned long, cmd, uptr, arg)
SHIM_SYSCALL_PASSTHROUGH(sethostname, 2, int, uptr, name, int, len)
SHIM_SYSCALL_PASSTHROUGH(setdomainname, 2, int, uptr, name, int, len)
SHIM_SYSCALL_PASSTHROUGH(iopl, 1, int, unsigned int, level)
SHIM_SYSCALL_PASSTHROUGH(ioperm, 3, int, unsigned long, from, unsigned long, num, int, turn_on)
SHIM_SYSCALL_RETURN_ENOSYS(create_module, 0, int)
SHIM_SYSCALL_PASSTHROUGH(init_module, 3, int, uptr, umod, size_t, len, uptr, uargs)
SHIM_SYSCALL_PASSTHROUGH(delete_module, 2, int, uptr, name_user, unsigned int, flags)
SHIM_SYSCALL_RETURN_ENOSYS(get_kernel_syms, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(query_module, 0, int)
SHIM_SYSCALL_PASSTHROUGH(quotactl, 4, int, unsigned long, cmd, uptr, special, int, id, uptr, addr)
SHIM_SYSCALL_RETURN_ENOSYS(nfsservctl, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(getpmsg, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(putpmsg, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(afs_syscall, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(tuxcall, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(security, 0, int)
DEFINE_SHIM_SYSCALL(gettid, 0, shim_do_gettid, long) /* sys/shim_getpid.c */
DEFINE_SHIM_SYSCALL(readahead, 3, shim_do_readahead, long, int, fd, off_t, offset, size_t, count) /* sys/shim_fsync.c */
DEFINE_SHIM_SYSCALL(setxattr, 5, shim_do_setxattr, long, uptr, pathname, uptr, name, uptr, value, size_t, size, unsigned int, flags) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(lsetxattr, 5, shim_do_lsetxattr, long, uptr, pathname, uptr, name, uptr, value, size_t, size, unsigned int, flags) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(fsetxattr, 5, shim_do_fsetxattr, long, int, fd, uptr, name, uptr, value, size_t, size, unsigned int, flags) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(getxattr, 4, shim_do_getxattr, long, uptr, pathname, uptr, name, uptr, value, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(lgetxattr, 4, shim_do_lgetxattr, long, uptr, pathname, uptr, name, uptr, value, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(fgetxattr, 4, shim_do_fgetxattr, long, int, fd, uptr, name, uptr, value, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(listxattr, 3, shim_do_listxattr, long, uptr, pathname, uptr, list, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(llistxattr, 3, shim_do_llistxattr, long, uptr, pathname, uptr, list, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(flistxattr, 3, shim_do_flistxattr, long, int, fd, uptr, list, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(removexattr, 2, shim_do_removexattr, long, uptr, pathname, uptr, name) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(lremovexattr, 2, shim_do_lremovexattr, long, uptr, pathname, uptr, name) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(fremovexattr, 2, shim_do_fremovexattr, long, int, fd, uptr, name) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(tkill, 2, shim_do_tkill, long, pid_t, pid, int, sig) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(time, 1, shim_do_time, long, uptr, tloc) /* sys/shim_clock.c */
DEFINE_SHIM_SYSCALL(futex, 6, shim_do_futex, long, uptr, uaddr, int, op, uint32_t, val, uptr, utime, uptr, uaddr2, uint32_t, val3) /* sys/shim_futex.c */
DEFINE_SHIM_SYSCALL(sched_setaffinity, 3, shim_do_sched_setaffinity, long, pid_t, pid, unsigned int, len, uptr, user_mask_ptr) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_getaffinity, 3, shim_do_sched_getaffinity, long, pid_t, pid, unsigned int, len, uptr, user_mask_ptr) /* sys/shim_sched.c */
SHIM_SYSCALL_PASSTHROUGH(set_thread_area, 1, int, uptr, u_info)
DEFINE_SHIM_SYSCALL(io_setup, 2, shim_do_io_setup, long, unsigned int, nr_events, uptr, ctxp) /* sys/shim_aio.c */
DEFINE_SHIM_SYSCALL(io_destroy, 1, shim_do_io_destroy, long, unsigned long, ctx) /* sys/shim_aio.c */
DEFINE_SHIM_SYSCALL(io_getevents, 5, shim_do_io_getevents, long, unsigned long, ctx_id, long, min_nr, long, nr, uptr, events, uptr, timeout) /* sys/shim_aio.c */
DEFINE_SHIM_SYSCALL(io_submit, 3, shim_do_io_submit, long, unsigned long, ctx_id, long, nr, uptr, iocbpp) /* sys/shim_aio.c */
DEFINE_SHIM_SYSCALL(io_cancel, 3, shim_do_io_cancel, long, unsigned long, ctx_id, uptr, iocb, uptr, result) /* sys/shim_aio.c */
SHIM_SYSCALL_PASSTHROUGH(get_thread_area, 1, int, uptr, u_info)
SHIM_SYSCALL_RETURN_ENOSYS(lookup_dcookie, 3, int, unsigned long, cookie64, uptr, buf, size_t, len)
DEFINE_SHIM_SYSCALL(epoll_create, 1, shim_do_epoll_create, long, int, size) /* sys/shim_epoll.c */
SHIM_SYSCALL_RETURN_ENOSYS(epoll_ctl_old, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(epoll_wait_old, 0, int)
DEFINE_SHIM_SYSCALL(remap_file_pages, 5, shim_do_remap_file_pages, long, uptr, start, size_t, size, unsigned long, prot, unsigned long, pgoff, unsigned long, flags) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(getdents64, 3, shim_do_getdents64, long, unsigned int, fd, uptr, dirent, unsigned int, count) /* sys/shim_getdents.c */
DEFINE_SHIM_SYSCALL(set_tid_address, 1, shim_do_set_tid_address, long, uptr, tidptr) /* sys/shim_tls.c */
DEFINE_SHIM_SYSCALL(restart_syscall, 0, shim_do_restart_syscall, long) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(semtimedop, 4, shim_do_semtimedop, long, int, semid, uptr, tsops, unsigned int, nsops, uptr, timeout) /* sys/shim_ipc.c */
DEFINE_SHIM_SYSCALL(fadvise64, 4, shim_do_fadvise64, long, int, fd, off_t, offset, size_t, len, int, advice) /* sys/shim_statfs.c */
DEFINE_SHIM_SYSCALL(timer_create, 3, shim_do_timer_create, long, int, which_clock, uptr, timer_event_spec, uptr, created_timer_id) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(timer_settime, 4, shim_do_timer_settime, long, int, timer_id, unsigned int, flags, uptr, new_setting, uptr, old_setting) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(timer_gettime, 2, shim_do_timer_gettime, long, int, timer_id, uptr, setting) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(timer_getoverrun, 1, shim_do_timer_getoverrun, long, int, timer_id) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(timer_delete, 1, shim_do_timer_delete, long, int, timer_id) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(clock_settime, 2, shim_do_clock_settime, long, int, which_clock, uptr, tp) /* sys/shim_clock.c */
DEFINE_SHIM_SYSCALL(clock_gettime, 2, shim_do_clock_gettime, long, int, which_clock, uptr, tp) /* sys/shim_clock.c */
DEFINE_SHIM_SYSCALL(clock_getres, 2, shim_do_clock_getres, long, int, which_clock, uptr, tp) /* sys/shim_clock.c */
DEFINE_SHIM_SYSCALL(clock_nanosleep, 4, shim_do_clock_nanosleep, long, clockid_t, which_clock, int, flags, uptr, rqtp, uptr, rmtp) /* sys/shim_sleep.c */
DEFINE_SHIM_SYSCALL(exit_group, 1, shim_do_exit_group, long, int, error_code) /* sys/shim_exit.c */
DEFINE_SHIM_SYSCALL(epoll_wait, 4, shim_do_epoll_wait, long, int, epfd, uptr, events, int, maxevents, int, timeout) /* sys/shim_epoll.c */
DEFINE_SHIM_SYSCALL(epoll_ctl, 4, shim_do_epoll_ctl, long, int, epfd, int, op, int, fd, uptr, event) /* sys/shim_epoll.c */
DEFINE_SHIM_SYSCALL(tgkill, 3, shim_do_tgkill, long, pid_t, tgid, pid_t, pid, int, sig) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(utimes, 2, shim_do_utimes, long, uptr, filename, uptr, utimes) /* sys/shim_utimes.c */
SHIM_SYSCALL_RETURN_ENOSYS(vserver, 0, int)
DEFINE_SHIM_SYSCALL(mbind, 6, shim_do_mbind, long, uptr, start, size_t, len, int, mode, uptr, nmask, unsigned long, maxnode, unsigned long, flags) /* sys/shim_numa.c */
DEFINE_SHIM_SYSCALL(set_mempolicy, 3, shim_do_set_mempolicy, long, int, mode, uptr, nmask, unsigned long, maxnode) /* sys/shim_numa.c */
DEFINE_SHIM_SYSCALL(get_mempolicy, 5, shim_do_get_mempolicy, long, uptr, policy, uptr, nmask, unsigned long, maxnode, uptr, addr, unsigned long, flags) /* sys/shim_numa.c */
DEFINE_SHIM_SYSCALL(mq_open, 4, shim_do_mq_open, long, uptr, u_name, unsigned int, oflag, mode_t, mode, uptr, u_attr) /* sys/shim_mqueue.c */
DEFINE_SHIM_SYSCALL(mq_unlink, 1, shim_do_mq_unlink, long, uptr, u_name) /* sys/shim_mqueue.c */
DEFINE_SHIM_SYSCALL(mq_timedsend, 5, shim_do_mq_timedsend, long, int, mqdes, uptr, u_msg_ptr, size_t, msg_len, unsigned int, msg_prio, uptr, u_abs_timeout) /* sys/shim_mqueue.c */
DEFINE_SHIM_SYSCALL(mq_timedreceive, 5, shim_do_mq_timedreceive, long, int, mqdes, uptr, u_msg_ptr, size_t, msg_len, uptr, u_msg_prio, uptr, u_abs_timeout) /* sys/shim_mqueue.c */
DEFINE_SHIM_SYSCALL(mq_notify, 2, shim_do_mq_notify, long, int, mqdes, uptr, u_notification) /* sys/shim_mqueue.c */
DEFINE_SHIM_SYSCALL(mq_getsetattr, 3, shim_do_mq_getsetattr, long, int, mqdes, uptr, u_mqstat, uptr, u_omqstat) /* sys/shim_mqueue.c */
SHIM_SYSCALL_PASSTHROUGH(kexec_load, 4, long, unsigned long, entry, unsigned long, nr_segments, uptr, segments, unsigned long, flags)
DEFINE_SHIM_SYSCALL(waitid, 5, shim_do_waitid, long, int, which, pid_t, upid, uptr, infop, int, options, uptr, ru) /* sys/shim_wait.c */
SHIM_SYSCALL_PASSTHROUGH(add_key, 5, int, uptr, _type, uptr, _description, uptr, _payload, size_t, plen, int, ringid)
SHIM_SYSCALL_PASSTHROUGH(request_key, 4, int, uptr, _type, uptr, _description, uptr, _callout_info, int, destringid)
SHIM_SYSCALL_PASSTHROUGH(keyctl, 5, long, int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4, unsigned long, arg5)
DEFINE_SHIM_SYSCALL(ioprio_set, 3, shim_do_ioprio_set, long, int, which, int, who, int, ioprio) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(ioprio_get, 2, shim_do_ioprio_get, long, int, which, int, who) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(inotify_init, 0, shim_do_inotify_init, long) /* sys/shim_notify.c */
DEFINE_SHIM_SYSCALL(inotify_add_watch, 3, shim_do_inotify_add_watch, long, int, fd, uptr, pathname, unsigned int, mask) /* sys/shim_notify.c */
DEFINE_SHIM_SYSCALL(inotify_rm_watch, 2, shim_do_inotify_rm_watch, long, int, fd, int, wd) /* sys/shim_notify.c */
DEFINE_SHIM_SYSCALL(migrate_pages, 4, shim_do_migrate_pages, long, pid_t, pid, unsigned long, maxnode, uptr, old_nodes, uptr, new_nodes) /* sys/shim_numa.c */
DEFINE_SHIM_SYSCALL(openat, 4, shim_do_openat, long, int, dfd, uptr, filename, int, flags, mode_t, mode) /* sys/shim_open.c */
DEFINE_SHIM_SYSCALL(mkdirat, 3, shim_do_mkdirat, long, int, dfd, uptr, pathname, mode_t, mode) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(mknodat, 4, shim_do_mknodat, long, int, dfd, uptr, filename, mode_t, mode, unsigned long, dev) /* sys/shim_mknod.c */
DEFINE_SHIM_SYSCALL(fchownat, 5, shim_do_fchownat, long, int, dfd, uptr, filename, uid_t, user, gid_t, group, unsigned int, flag) /* sys/shim_attr.c */
DEFINE_SHIM_SYSCALL(futimesat, 3, shim_do_futimesat, long, int, dfd, uptr, filename, uptr, utimes) /* sys/shim_utimes.c */
DEFINE_SHIM_SYSCALL(newfstatat, 4, shim_do_newfstatat, long, int, dfd, uptr, filename, uptr, statbuf, unsigned int, flag) /* sys/shim_stat.c */
DEFINE_SHIM_SYSCALL(unlinkat, 3, shim_do_unlinkat, long, int, dfd, uptr, pathname, unsigned int, flag) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(renameat, 4, shim_do_renameat, long, int, olddfd, uptr, oldname, int, newdfd, uptr, newname) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(linkat, 5, shim_do_linkat, long, int, olddfd, uptr, oldname, int, newdfd, uptr, newname, unsigned int, flags) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(symlinkat, 3, shim_do_symlinkat, long, uptr, oldname, int, newdfd, uptr, newname) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(readlinkat, 4, shim_do_readlinkat, long, int, dfd, uptr, pathname, uptr, buf, int, bufsiz) /* sys/shim_stat.c */
DEFINE_SHIM_SYSCALL(fchmodat, 3, shim_do_fchmodat, long, int, dfd, uptr, filename, mode_t, mode) /* sys/shim_attr.c */
DEFINE_SHIM_SYSCALL(faccessat, 3, shim_do_faccessat, long, int, dfd, uptr, filename, unsigned int, mode) /* sys/shim_access.c */
DEFINE_SHIM_SYSCALL(pselect6, 6, shim_do_pselect6, long, int, n, uptr, inp, uptr, outp, uptr, exp, uptr, tsp, uptr, sig) /* sys/shim_poll.c */
DEFINE_SHIM_SYSCALL(ppoll, 5, shim_do_ppoll, long, uptr, ufds, unsigned int, nfds, uptr, tsp, uptr, sigmask, size_t, sigsetsize) /* sys/shim_poll.c */
DEFINE_SHIM_SYSCALL(unshare, 1, shim_do_unshare, long, unsigned long, unshare_flags) /* sys/shim_unshare.c */
DEFINE_SHIM_SYSCALL(set_robust_list, 2, shim_do_set_robust_list, long, uptr, head, size_t, len) /* sys/shim_tls.c */
DEFINE_SHIM_SYSCALL(get_robust_list, 3, shim_do_get_robust_list, long, pid_t, pid, uptr, head_ptr, uptr, len_ptr) /* sys/shim_tls.c */
DEFINE_SHIM_SYSCALL(splice, 6, shim_do_splice, long, int, fd_in, uptr, off_in, int, fd_out, uptr, off_out, size_t, len, unsigned int, flags) /* sys/shim_splice.c */
DEFINE_SHIM_SYSCALL(tee, 4, shim_do_tee, long, int, fdin, int, fdout, size_t, len, unsigned int, flags) /* sys/shim_splice.c */
DEFINE_SHIM_SYSCALL(sync_file_range, 4, shim_do_sync_file_range, long, int, fd, off_t, offset, off_t, nbytes, unsigned int, flags) /* sys/shim_fsync.c */
DEFINE_SHIM_SYSCALL(vmsplice, 4, shim_do_vmsplice, long, int, fd, uptr, uiov, unsigned long, nr_segs, unsigned int, flags) /* sys/shim_splice.c */
DEFINE_SHIM_SYSCALL(move_pages, 6, shim_do_move_pages, long, pid_t, pid, unsigned long, nr_pages, uptr, pages, uptr, nodes, uptr, status, int, flags) /* sys/shim_numa.c */
DEFINE_SHIM_SYSCALL(utimensat, 4, shim_do_utimensat, long, int, dfd, uptr, filename, uptr, utimes, unsigned int, flags) /* sys/shim_utimes.c */
DEFINE_SHIM_SYSCALL(epoll_pwait, 6, shim_do_epoll_pwait, long, int, epfd, uptr, events, int, maxevents, int, timeout, uptr, sigmask, size_t, sigsetsize) /* sys/shim_epoll.c */
DEFINE_SHIM_SYSCALL(signalfd, 3, shim_do_signalfd, long, int, ufd, uptr, user_mask, size_t, sizemask) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(timerfd_create, 2, shim_do_timerfd_create, long, int, clockid, unsigned int, flags) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(eventfd, 1, shim_do_eventfd, long, unsigned int, count) /* sys/shim_notify.c */
DEFINE_SHIM_SYSCALL(fallocate, 4, shim_do_fallocate, long, int, fd, unsigned int, mode, off_t, offset, off_t, len) /* sys/shim_truncate.c */
DEFINE_SHIM_SYSCALL(timerfd_settime, 4, shim_do_timerfd_settime, long, int, ufd, unsigned int, flags, uptr, utmr, uptr, otmr) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(timerfd_gettime, 2, shim_do_timerfd_gettime, long, int, ufd, uptr, otmr) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(accept4, 4, shim_do_accept4, long, int, fd, uptr, upeer_sockaddr, uptr, upeer_addrlen, unsigned int, flags) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(signalfd4, 4, shim_do_signalfd4, long, int, ufd, uptr, user_mask, size_t, sizemask, unsigned int, flags) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(eventfd2, 2, shim_do_eventfd2, long, unsigned int, count, int, flags) /* sys/shim_notify.c */
DEFINE_SHIM_SYSCALL(epoll_create1, 1, shim_do_epoll_create1, long, int, flags) /* sys/shim_epoll.c */
DEFINE_SHIM_SYSCALL(dup3, 3, shim_do_dup3, long, unsigned int, oldfd, unsigned int, newfd, int, flags) /* sys/shim_dup.c */
DEFINE_SHIM_SYSCALL(pipe2, 2, shim_do_pipe2, long, uptr, fildes, int, flags) /* sys/shim_pipe.c */
DEFINE_SHIM_SYSCALL(inotify_init1, 1, shim_do_inotify_init1, long, int, flags) /* sys/shim_notify.c */
DEFINE_SHIM_SYSCALL(preadv, 5, shim_do_preadv, long, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(pwritev, 5, shim_do_pwritev, long, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(rt_tgsigqueueinfo, 4, shim_do_rt_tgsigqueueinfo, long, pid_t, tgid, pid_t, pid, int, sig, uptr, uinfo) /* sys/shim_signal.c */
SHIM_SYSCALL_PASSTHROUGH(perf_event_open, 5, int, uptr, attr_uptr, pid_t, pid, int, cpu, int, group_fd, unsigned long, flags)
DEFINE_SHIM_SYSCALL(recvmmsg, 5, shim_do_recvmmsg, long, int, fd, uptr, mmsg, unsigned int, vlen, unsigned int, flags, uptr, timeout) /* sys/shim_socket.c */
SHIM_SYSCALL_PASSTHROUGH(fanotify_init, 2, int, unsigned long, flags, unsigned int, event_f_flags)
SHIM_SYSCALL_PASSTHROUGH(fanotify_mark, 5, int, int, fanotify_fd, unsigned long, flags, unsigned long, mask, int, dfd, uptr, pathname)
DEFINE_SHIM_SYSCALL(prlimit64, 4, shim_do_prlimit64, long, pid_t, pid, unsigned int, resource, uptr, new_rlim, uptr, old_rlim) /* sys/shim_rlimit.c */
DEFINE_SHIM_SYSCALL(name_to_handle_at, 5, shim_do_name_to_handle_at, long, int, dfd, uptr, name, uptr, handle, uptr, mnt_id, unsigned int, flag) /* sys/shim_fhandle.c */
DEFINE_SHIM_SYSCALL(open_by_handle_at, 3, shim_do_open_by_handle_at, long, int, mountdirfd, uptr, handle, unsigned int, flags) /* sys/shim_fhandle.c */
DEFINE_SHIM_SYSCALL(clock_adjtime, 2, shim_do_clock_adjtime, long, int, which_clock, uptr, utx) /* sys/shim_clock.c */
DEFINE_SHIM_SYSCALL(syncfs, 1, shim_do_syncfs, long, int, fd) /* sys/shim_fsync.c */
DEFINE_SHIM_SYSCALL(sendmmsg, 4, shim_do_sendmmsg, long, int, fd, uptr, mmsg, unsigned int, vlen, unsigned int, flags) /* sys/shim_socket.c */
DEFINE_SHIM_SYSCALL(setns, 2, shim_do_setns, long, int, fd, int, flags) /* sys/shim_unshare.c */
DEFINE_SHIM_SYSCALL(getcpu, 3, shim_do_getcpu, long, uptr, cpup, uptr, nodep, uptr, unused) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(process_vm_readv, 6, shim_do_process_vm_readv, long, pid_t, pid, uptr, lvec, unsigned long, liovcnt, uptr, rvec, unsigned long, riovcnt, unsigned long, flags) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(process_vm_writev, 6, shim_do_process_vm_writev, long, pid_t, pid, uptr, lvec, unsigned long, liovcnt, uptr, rvec, unsigned long, riovcnt, unsigned long, flags) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(kcmp, 5, shim_do_kcmp, long, pid_t, pid1, pid_t, pid2, int, type, unsigned long, idx1, unsigned long, idx2) /* sys/shim_session.c */
SHIM_SYSCALL_PASSTHROUGH(finit_module, 3, int, int, fd, uptr, uargs, unsigned long, flags)
DEFINE_SHIM_SYSCALL(sched_setattr, 3, shim_do_sched_setattr, long, pid_t, pid, uptr, uattr, unsigned int, flags) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_getattr, 4, shim_do_sched_getattr, long, pid_t, pid, uptr, uattr, unsigned int, usize, unsigned int, flags) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(renameat2, 5, shim_do_renameat2, long, int, olddfd, uptr, oldname, int, newdfd, uptr, newname, unsigned int, flags) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(seccomp, 3, shim_do_seccomp, long, unsigned int, op, unsigned int, flags, uptr, uargs) /* sys/shim_seccomp.c */
DEFINE_SHIM_SYSCALL(getrandom, 3, shim_do_getrandom, long, uptr, ubuf, size_t, len, unsigned int, flags) /* sys/shim_getrandom.c */
DEFINE_SHIM_SYSCALL(memfd_create, 2, shim_do_memfd_create, long, uptr, uname, unsigned int, flags) /* sys/shim_memfd.c */
SHIM_SYSCALL_PASSTHROUGH(kexec_file_load, 5, long, int, kernel_fd, int, initrd_fd, unsigned long, cmdline_len, uptr, cmdline_ptr, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(bpf, 3, int, int, cmd, uptr, uattr, unsigned int, size)
DEFINE_SHIM_SYSCALL(execveat, 5, shim_do_execveat, long, int, fd, uptr, filename, uptr, argv, uptr, envp, int, flags) /* sys/shim_exec.c */
SHIM_SYSCALL_PASSTHROUGH(userfaultfd, 1, int, unsigned int, flags)
DEFINE_SHIM_SYSCALL(membarrier, 3, shim_do_membarrier, long, int, cmd, unsigned int, flags, int, cpu_id) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(mlock2, 3, shim_do_mlock2, long, uptr, start, size_t, len, unsigned long, flags) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(copy_file_range, 6, shim_do_copy_file_range, long, int, fd_in, uptr, off_in, int, fd_out, uptr, off_out, size_t, len, unsigned int, flags) /* sys/shim_statfs.c */
DEFINE_SHIM_SYSCALL(preadv2, 6, shim_do_preadv2, long, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h, unsigned int, flags) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(pwritev2, 6, shim_do_pwritev2, long, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h, unsigned int, flags) /* sys/shim_rw.c */
DEFINE_SHIM_SYSCALL(pkey_mprotect, 4, shim_do_pkey_mprotect, long, uptr, start, size_t, len, unsigned long, prot, int, pkey) /* sys/shim_mmap.c */
DEFINE_SHIM_SYSCALL(pkey_alloc, 2, shim_do_pkey_alloc, long, unsigned long, flags, unsigned long, init_val) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(pkey_free, 1, shim_do_pkey_free, long, int, pkey) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(statx, 5, shim_do_statx, long, int, dfd, uptr, filename, unsigned int, flags, unsigned int, mask, uptr, buffer) /* sys/shim_stat.c */
DEFINE_SHIM_SYSCALL(io_pgetevents, 6, shim_do_io_pgetevents, long, unsigned long, ctx_id, long, min_nr, long, nr, uptr, events, uptr, timeout, uptr, usig) /* sys/shim_aio.c */
DEFINE_SHIM_SYSCALL(rseq, 4, shim_do_rseq, long, uptr, rseq, uint32_t, rseq_len, int, flags, uint32_t, sig) /* sys/shim_tls.c */
SHIM_SYSCALL_PASSTHROUGH(uretprobe, 0, int)
DEFINE_SHIM_SYSCALL(pidfd_send_signal, 4, shim_do_pidfd_send_signal, long, int, pidfd, int, sig, uptr, info, unsigned int, flags) /* sys/shim_signal.c */
SHIM_SYSCALL_PASSTHROUGH(io_uring_setup, 2, int, unsigned int, entries, uptr, params)
SHIM_SYSCALL_PASSTHROUGH(io_uring_enter, 6, int, int, fd, unsigned int, to_submit, unsigned int, min_complete, unsigned long, flags, uptr, argp, size_t, argsz)
SHIM_SYSCALL_PASSTHROUGH(io_uring_register, 4, int, int, fd, unsigned int, opcode, uptr, arg, unsigned int, nr_args)
SHIM_SYSCALL_PASSTHROUGH(open_tree, 3, int, int, dfd, uptr, filename, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(move_mount, 5, int, int, from_dfd, uptr, from_pathname, int, to_dfd, uptr, to_pathname, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(fsopen, 2, int, uptr, _fs_name, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(fsconfig, 5, int, int, fd, unsigned int, cmd, uptr, _key, uptr, _value, int, aux)
SHIM_SYSCALL_PASSTHROUGH(fsmount, 3, int, int, fs_fd, unsigned long, flags, unsigned long, attr_flags)
SHIM_SYSCALL_PASSTHROUGH(fspick, 3, int, int, dfd, uptr, path, unsigned long, flags)
DEFINE_SHIM_SYSCALL(pidfd_open, 2, shim_do_pidfd_open, long, pid_t, pid, unsigned int, flags) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(clone3, 2, shim_do_clone3, long, uptr, uargs, size_t, size) /* sys/shim_clone.c */
DEFINE_SHIM_SYSCALL(close_range, 3, shim_do_close_range, long, unsigned int, fd, unsigned int, max_fd, unsigned int, flags) /* sys/shim_open.c */
DEFINE_SHIM_SYSCALL(openat2, 4, shim_do_openat2, long, int, dfd, uptr, filename, uptr, how, size_t, usize) /* sys/shim_open.c */
DEFINE_SHIM_SYSCALL(pidfd_getfd, 3, shim_do_pidfd_getfd, long, int, pidfd, int, fd, unsigned int, flags) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(faccessat2, 4, shim_do_faccessat2, long, int, dfd, uptr, filename, unsigned int, mode, unsigned int, flags) /* sys/shim_access.c */
DEFINE_SHIM_SYSCALL(process_madvise, 5, shim_do_process_madvise, long, int, pidfd, uptr, vec, size_t, vlen, int, behavior, unsigned int, flags) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(epoll_pwait2, 6, shim_do_epoll_pwait2, long, int, epfd, uptr, events, int, maxevents, uptr, timeout, uptr, sigmask, size_t, sigsetsize) /* sys/shim_epoll.c */
SHIM_SYSCALL_PASSTHROUGH(mount_setattr, 5, int, int, dfd, uptr, path, unsigned int, flags, uptr, uattr, size_t, usize)
SHIM_SYSCALL_PASSTHROUGH(quotactl_fd, 4, int, int, fd, unsigned long, cmd, int, id, uptr, addr)
SHIM_SYSCALL_PASSTHROUGH(landlock_create_ruleset, 3, int, uptr, attr, size_t, size, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(landlock_add_rule, 4, int, int, ruleset_fd, unsigned int, rule_type, uptr, rule_attr, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(landlock_restrict_self, 2, int, int, ruleset_fd, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(memfd_secret, 1, int, unsigned int, flags)
DEFINE_SHIM_SYSCALL(process_mrelease, 2, shim_do_process_mrelease, long, int, pidfd, unsigned int, flags) /* sys/shim_mem.c */
DEFINE_SHIM_SYSCALL(futex_waitv, 5, shim_do_futex_waitv, long, uptr, waiters, unsigned int, nr_futexes, unsigned int, flags, uptr, timeout, int, clockid) /* sys/shim_futex2.c */
DEFINE_SHIM_SYSCALL(set_mempolicy_home_node, 4, shim_do_set_mempolicy_home_node, long, uptr, start, size_t, len, unsigned long, home_node, unsigned long, flags) /* sys/shim_numa.c */
DEFINE_SHIM_SYSCALL(cachestat, 4, shim_do_cachestat, long, unsigned int, fd, uptr, cstat_range, uptr, cstat, unsigned int, flags) /* sys/shim_fsync.c */
DEFINE_SHIM_SYSCALL(fchmodat2, 4, shim_do_fchmodat2, long, int, dfd, uptr, filename, mode_t, mode, unsigned int, flags) /* sys/shim_attr.c */
SHIM_SYSCALL_PASSTHROUGH(map_shadow_stack, 3, long, uptr, addr, size_t, size, unsigned long, flags)
DEFINE_SHIM_SYSCALL(futex_wake, 4, shim_do_futex_wake, long, uptr, uaddr, unsigned long, mask, int, nr, unsigned long, flags) /* sys/shim_futex2.c */
DEFINE_SHIM_SYSCALL(futex_wait, 6, shim_do_futex_wait, long, uptr, uaddr, unsigned long, val, unsigned long, mask, unsigned long, flags, uptr, timeout, int, clockid) /* sys/shim_futex2.c */
DEFINE_SHIM_SYSCALL(futex_requeue, 4, shim_do_futex_requeue, long, uptr, waiters, unsigned long, flags, int, nr_wake, int, nr_requeue) /* sys/shim_futex2.c */
SHIM_SYSCALL_PASSTHROUGH(statmount, 4, int, uptr, req, uptr, buf, size_t, bufsize, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(listmount, 4, int, uptr, req, uptr, mnt_ids, size_t, nr_mnt_ids, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(lsm_get_self_attr, 4, int, unsigned int, attr, uptr, ctx, uptr, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(lsm_set_self_attr, 4, int, unsigned int, attr, uptr, ctx, unsigned int, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(lsm_list_modules, 3, int, uptr, ids, uptr, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(mseal, 3, int, uptr, start, size_t, len, unsigned long, flags)
DEFINE_SHIM_SYSCALL(setxattrat, 6, shim_do_setxattrat, long, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, name, uptr, uargs, size_t, usize) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(getxattrat, 6, shim_do_getxattrat, long, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, name, uptr, uargs, size_t, usize) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(listxattrat, 5, shim_do_listxattrat, long, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, list, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(removexattrat, 4, shim_do_removexattrat, long, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, name) /* sys/shim_xattr.c */
SHIM_SYSCALL_PASSTHROUGH(open_tree_attr, 5, int, int, dfd, uptr, filename, unsigned long, flags, uptr, uattr, size_t, usize)
DEFINE_SHIM_SYSCALL(file_getattr, 5, shim_do_file_getattr, long, int, dfd, uptr, filename, uptr, ufattr, size_t, usize, unsigned int, at_flags) /* sys/shim_fileattr.c */
DEFINE_SHIM_SYSCALL(file_setattr, 5, shim_do_file_setattr, long, int, dfd, uptr, filename, uptr, ufattr, size_t, usize, unsigned int, at_flags) /* sys/shim_fileattr.c */
/* clang-format on */

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
SHIM_SYSCALL_PASSTHROUGH(poll, 3, int, uptr, ufds, unsigned int, nfds, int, timeout_msecs)
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
SHIM_SYSCALL_PASSTHROUGH(sched_yield, 0, int)
SHIM_SYSCALL_PASSTHROUGH(mremap, 5, long, uptr, addr, size_t, old_len, size_t, new_len, unsigned int, flags, uptr, new_addr)
SHIM_SYSCALL_PASSTHROUGH(msync, 3, int, uptr, start, size_t, len, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(mincore, 3, int, uptr, start, size_t, len, uptr, vec)
SHIM_SYSCALL_PASSTHROUGH(madvise, 3, int, uptr, start, size_t, len_in, int, behavior)
SHIM_SYSCALL_PASSTHROUGH(shmget, 3, int, unsigned long, key, size_t, size, unsigned int, shmflg)
SHIM_SYSCALL_PASSTHROUGH(shmat, 3, long, int, shmid, uptr, shmaddr, unsigned int, shmflg)
SHIM_SYSCALL_PASSTHROUGH(shmctl, 3, int, int, shmid, int, cmd, uptr, buf)
DEFINE_SHIM_SYSCALL(dup, 1, shim_do_dup, long, unsigned int, fildes) /* sys/shim_dup.c */
DEFINE_SHIM_SYSCALL(dup2, 2, shim_do_dup2, long, unsigned int, oldfd, unsigned int, newfd) /* sys/shim_dup.c */
DEFINE_SHIM_SYSCALL(pause, 0, shim_do_pause, long) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(nanosleep, 2, shim_do_nanosleep, long, uptr, rqtp, uptr, rmtp) /* sys/shim_sleep.c */
DEFINE_SHIM_SYSCALL(getitimer, 2, shim_do_getitimer, long, int, which, uptr, value) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(alarm, 1, shim_do_alarm, long, unsigned int, seconds) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(setitimer, 3, shim_do_setitimer, long, int, which, uptr, value, uptr, ovalue) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(getpid, 0, shim_do_getpid, long) /* sys/shim_getpid.c */
SHIM_SYSCALL_PASSTHROUGH(sendfile, 4, ssize_t, int, out_fd, int, in_fd, uptr, offset, size_t, count)
DEFINE_SHIM_SYSCALL(socket, 3, shim_do_socket, long, int, family, int, type, int, protocol) /* sys/shim_socket.c */
SHIM_SYSCALL_PASSTHROUGH(connect, 3, int, int, fd, uptr, uservaddr, int, addrlen)
SHIM_SYSCALL_PASSTHROUGH(accept, 3, int, int, fd, uptr, upeer_sockaddr, uptr, upeer_addrlen)
SHIM_SYSCALL_PASSTHROUGH(sendto, 6, ssize_t, int, fd, uptr, buff, size_t, len, unsigned int, flags, uptr, addr, int, addr_len)
SHIM_SYSCALL_PASSTHROUGH(recvfrom, 6, ssize_t, int, fd, uptr, ubuf, size_t, size, unsigned int, flags, uptr, addr, uptr, addr_len)
SHIM_SYSCALL_PASSTHROUGH(sendmsg, 3, ssize_t, int, fd, uptr, msg, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(recvmsg, 3, ssize_t, int, fd, uptr, msg, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(shutdown, 2, int, int, fd, int, how)
SHIM_SYSCALL_PASSTHROUGH(bind, 3, int, int, fd, uptr, umyaddr, int, addrlen)
SHIM_SYSCALL_PASSTHROUGH(listen, 2, int, int, fd, int, backlog)
SHIM_SYSCALL_PASSTHROUGH(getsockname, 3, int, int, fd, uptr, usockaddr, uptr, usockaddr_len)
SHIM_SYSCALL_PASSTHROUGH(getpeername, 3, int, int, fd, uptr, usockaddr, uptr, usockaddr_len)
SHIM_SYSCALL_PASSTHROUGH(socketpair, 4, int, int, family, unsigned int, type, int, protocol, uptr, usockvec)
SHIM_SYSCALL_PASSTHROUGH(setsockopt, 5, int, int, fd, int, level, int, optname, uptr, optval, int, optlen)
SHIM_SYSCALL_PASSTHROUGH(getsockopt, 5, int, int, fd, int, level, int, optname, uptr, optval, uptr, optlen)
DEFINE_SHIM_SYSCALL(clone, 5, shim_do_clone, long, unsigned int, clone_flags, uptr, newsp, uptr, parent_tidptr, uptr, child_tidptr, uptr, tls) /* sys/shim_clone.c */
DEFINE_SHIM_SYSCALL(fork, 0, shim_do_fork, long) /* sys/shim_clone.c */
DEFINE_SHIM_SYSCALL(vfork, 0, shim_do_vfork, long) /* sys/shim_clone.c */
DEFINE_SHIM_SYSCALL(execve, 3, shim_do_execve, long, uptr, filename, uptr, argv, uptr, envp) /* sys/shim_exec.c */
DEFINE_SHIM_SYSCALL(exit, 1, shim_do_exit, long, int, error_code) /* sys/shim_exit.c */
DEFINE_SHIM_SYSCALL(wait4, 4, shim_do_wait4, long, pid_t, upid, uptr, stat_addr, int, options, uptr, ru) /* sys/shim_wait.c */
DEFINE_SHIM_SYSCALL(kill, 2, shim_do_kill, long, pid_t, pid, int, sig) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(uname, 1, shim_do_uname, long, uptr, name) /* sys/shim_uname.c */
SHIM_SYSCALL_PASSTHROUGH(semget, 3, int, unsigned long, key, int, nsems, unsigned int, semflg)
SHIM_SYSCALL_PASSTHROUGH(semop, 3, int, int, semid, uptr, tsops, unsigned int, nsops)
SHIM_SYSCALL_PASSTHROUGH(semctl, 4, int, int, semid, int, semnum, int, cmd, unsigned long, arg)
SHIM_SYSCALL_PASSTHROUGH(shmdt, 1, int, uptr, shmaddr)
SHIM_SYSCALL_PASSTHROUGH(msgget, 2, int, unsigned long, key, unsigned int, msgflg)
SHIM_SYSCALL_PASSTHROUGH(msgsnd, 4, int, int, msqid, uptr, msgp, size_t, msgsz, unsigned int, msgflg)
SHIM_SYSCALL_PASSTHROUGH(msgrcv, 5, ssize_t, int, msqid, uptr, msgp, size_t, msgsz, long, msgtyp, unsigned int, msgflg)
SHIM_SYSCALL_PASSTHROUGH(msgctl, 3, int, int, msqid, int, cmd, uptr, buf)
DEFINE_SHIM_SYSCALL(fcntl, 3, shim_do_fcntl, long, unsigned int, fd, unsigned int, cmd, unsigned long, arg) /* sys/shim_dup.c */
SHIM_SYSCALL_PASSTHROUGH(flock, 2, int, int, fd, unsigned int, cmd)
SHIM_SYSCALL_PASSTHROUGH(fsync, 1, int, int, fd)
SHIM_SYSCALL_PASSTHROUGH(fdatasync, 1, int, int, fd)
SHIM_SYSCALL_PASSTHROUGH(truncate, 2, int, uptr, path, size_t, length)
SHIM_SYSCALL_PASSTHROUGH(ftruncate, 2, int, int, fd, size_t, length)
SHIM_SYSCALL_PASSTHROUGH(getdents, 3, ssize_t, int, fd, uptr, dirent, unsigned int, count)
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
SHIM_SYSCALL_PASSTHROUGH(utime, 2, int, uptr, filename, uptr, times)
SHIM_SYSCALL_PASSTHROUGH(mknod, 3, int, uptr, filename, mode_t, mode, unsigned long, dev)
SHIM_SYSCALL_RETURN_ENOSYS(uselib, 1, int, uptr, library)
DEFINE_SHIM_SYSCALL(personality, 1, shim_do_personality, long, unsigned int, personality) /* sys/shim_uname.c */
SHIM_SYSCALL_PASSTHROUGH(ustat, 2, int, unsigned long, dev, uptr, ubuf)
DEFINE_SHIM_SYSCALL(statfs, 2, shim_do_statfs, long, uptr, pathname, uptr, buf) /* sys/shim_statfs.c */
DEFINE_SHIM_SYSCALL(fstatfs, 2, shim_do_fstatfs, long, int, fd, uptr, buf) /* sys/shim_statfs.c */
SHIM_SYSCALL_PASSTHROUGH(sysfs, 3, int, int, option, unsigned long, arg1, unsigned long, arg2)
DEFINE_SHIM_SYSCALL(getpriority, 2, shim_do_getpriority, long, int, which, int, who) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(setpriority, 3, shim_do_setpriority, long, int, which, int, who, int, niceval) /* sys/shim_session.c */
SHIM_SYSCALL_PASSTHROUGH(sched_setparam, 2, int, pid_t, pid, uptr, param)
SHIM_SYSCALL_PASSTHROUGH(sched_getparam, 2, int, pid_t, pid, uptr, param)
SHIM_SYSCALL_PASSTHROUGH(sched_setscheduler, 3, int, pid_t, pid, int, policy, uptr, param)
SHIM_SYSCALL_PASSTHROUGH(sched_getscheduler, 1, int, pid_t, pid)
SHIM_SYSCALL_PASSTHROUGH(sched_get_priority_max, 1, int, int, policy)
SHIM_SYSCALL_PASSTHROUGH(sched_get_priority_min, 1, int, int, policy)
SHIM_SYSCALL_PASSTHROUGH(sched_rr_get_interval, 2, int, pid_t, pid, uptr, interval)
SHIM_SYSCALL_PASSTHROUGH(mlock, 2, int, uptr, start, size_t, len)
SHIM_SYSCALL_PASSTHROUGH(munlock, 2, int, uptr, start, size_t, len)
SHIM_SYSCALL_PASSTHROUGH(mlockall, 1, int, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(munlockall, 0, int)
SHIM_SYSCALL_PASSTHROUGH(vhangup, 0, int)
SHIM_SYSCALL_PASSTHROUGH(modify_ldt, 3, int, int, func, uptr, ptr, unsigned long, bytecount)
SHIM_SYSCALL_PASSTHROUGH(pivot_root, 2, int, uptr, new_root, uptr, put_old)
SHIM_SYSCALL_RETURN_ENOSYS(_sysctl, 1, int, uptr, args)
DEFINE_SHIM_SYSCALL(prctl, 5, shim_do_prctl, long, int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4, unsigned long, arg5) /* sys/shim_seccomp.c */
DEFINE_SHIM_SYSCALL(arch_prctl, 2, shim_do_arch_prctl, long, int, option, unsigned long, arg2) /* sys/shim_tls.c */
DEFINE_SHIM_SYSCALL(adjtimex, 1, shim_do_adjtimex, long, uptr, txc_p) /* sys/shim_clock.c */
SHIM_SYSCALL_PASSTHROUGH(setrlimit, 2, int, int, resource, uptr, rlim)
SHIM_SYSCALL_PASSTHROUGH(chroot, 1, int, uptr, filename)
SHIM_SYSCALL_PASSTHROUGH(sync, 0, int)
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
SHIM_SYSCALL_PASSTHROUGH(readahead, 3, ssize_t, int, fd, off_t, offset, size_t, count)
SHIM_SYSCALL_PASSTHROUGH(setxattr, 5, int, uptr, pathname, uptr, name, uptr, value, size_t, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(lsetxattr, 5, int, uptr, pathname, uptr, name, uptr, value, size_t, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(fsetxattr, 5, int, int, fd, uptr, name, uptr, value, size_t, size, unsigned int, flags)
DEFINE_SHIM_SYSCALL(getxattr, 4, shim_do_getxattr, long, uptr, pathname, uptr, name, uptr, value, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(lgetxattr, 4, shim_do_lgetxattr, long, uptr, pathname, uptr, name, uptr, value, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(fgetxattr, 4, shim_do_fgetxattr, long, int, fd, uptr, name, uptr, value, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(listxattr, 3, shim_do_listxattr, long, uptr, pathname, uptr, list, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(llistxattr, 3, shim_do_llistxattr, long, uptr, pathname, uptr, list, size_t, size) /* sys/shim_xattr.c */
DEFINE_SHIM_SYSCALL(flistxattr, 3, shim_do_flistxattr, long, int, fd, uptr, list, size_t, size) /* sys/shim_xattr.c */
SHIM_SYSCALL_PASSTHROUGH(removexattr, 2, int, uptr, pathname, uptr, name)
SHIM_SYSCALL_PASSTHROUGH(lremovexattr, 2, int, uptr, pathname, uptr, name)
SHIM_SYSCALL_PASSTHROUGH(fremovexattr, 2, int, int, fd, uptr, name)
DEFINE_SHIM_SYSCALL(tkill, 2, shim_do_tkill, long, pid_t, pid, int, sig) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(time, 1, shim_do_time, long, uptr, tloc) /* sys/shim_clock.c */
DEFINE_SHIM_SYSCALL(futex, 6, shim_do_futex, long, uptr, uaddr, int, op, uint32_t, val, uptr, utime, uptr, uaddr2, uint32_t, val3) /* sys/shim_futex.c */
DEFINE_SHIM_SYSCALL(sched_setaffinity, 3, shim_do_sched_setaffinity, long, pid_t, pid, unsigned int, len, uptr, user_mask_ptr) /* sys/shim_sched.c */
DEFINE_SHIM_SYSCALL(sched_getaffinity, 3, shim_do_sched_getaffinity, long, pid_t, pid, unsigned int, len, uptr, user_mask_ptr) /* sys/shim_sched.c */
SHIM_SYSCALL_PASSTHROUGH(set_thread_area, 1, int, uptr, u_info)
SHIM_SYSCALL_PASSTHROUGH(io_setup, 2, int, unsigned int, nr_events, uptr, ctxp)
SHIM_SYSCALL_PASSTHROUGH(io_destroy, 1, int, unsigned long, ctx)
SHIM_SYSCALL_PASSTHROUGH(io_getevents, 5, int, unsigned long, ctx_id, long, min_nr, long, nr, uptr, events, uptr, timeout)
SHIM_SYSCALL_PASSTHROUGH(io_submit, 3, int, unsigned long, ctx_id, long, nr, uptr, iocbpp)
SHIM_SYSCALL_PASSTHROUGH(io_cancel, 3, int, unsigned long, ctx_id, uptr, iocb, uptr, result)
SHIM_SYSCALL_PASSTHROUGH(get_thread_area, 1, int, uptr, u_info)
SHIM_SYSCALL_RETURN_ENOSYS(lookup_dcookie, 3, int, unsigned long, cookie64, uptr, buf, size_t, len)
SHIM_SYSCALL_PASSTHROUGH(epoll_create, 1, int, int, size)
SHIM_SYSCALL_RETURN_ENOSYS(epoll_ctl_old, 0, int)
SHIM_SYSCALL_RETURN_ENOSYS(epoll_wait_old, 0, int)
SHIM_SYSCALL_PASSTHROUGH(remap_file_pages, 5, int, uptr, start, size_t, size, unsigned int, prot, unsigned long, pgoff, unsigned int, flags)
DEFINE_SHIM_SYSCALL(getdents64, 3, shim_do_getdents64, long, unsigned int, fd, uptr, dirent, unsigned int, count) /* sys/shim_getdents.c */
DEFINE_SHIM_SYSCALL(set_tid_address, 1, shim_do_set_tid_address, long, uptr, tidptr) /* sys/shim_tls.c */
DEFINE_SHIM_SYSCALL(restart_syscall, 0, shim_do_restart_syscall, long) /* sys/shim_signal.c */
SHIM_SYSCALL_PASSTHROUGH(semtimedop, 4, int, int, semid, uptr, tsops, unsigned int, nsops, uptr, timeout)
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
SHIM_SYSCALL_PASSTHROUGH(epoll_wait, 4, int, int, epfd, uptr, events, int, maxevents, int, timeout)
SHIM_SYSCALL_PASSTHROUGH(epoll_ctl, 4, int, int, epfd, int, op, int, fd, uptr, event)
DEFINE_SHIM_SYSCALL(tgkill, 3, shim_do_tgkill, long, pid_t, tgid, pid_t, pid, int, sig) /* sys/shim_signal.c */
SHIM_SYSCALL_PASSTHROUGH(utimes, 2, int, uptr, filename, uptr, utimes)
SHIM_SYSCALL_RETURN_ENOSYS(vserver, 0, int)
SHIM_SYSCALL_PASSTHROUGH(mbind, 6, int, uptr, start, size_t, len, int, mode, uptr, nmask, unsigned long, maxnode, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(set_mempolicy, 3, int, int, mode, uptr, nmask, unsigned long, maxnode)
SHIM_SYSCALL_PASSTHROUGH(get_mempolicy, 5, int, uptr, policy, uptr, nmask, unsigned long, maxnode, uptr, addr, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(mq_open, 4, int, uptr, u_name, unsigned int, oflag, mode_t, mode, uptr, u_attr)
SHIM_SYSCALL_PASSTHROUGH(mq_unlink, 1, int, uptr, u_name)
SHIM_SYSCALL_PASSTHROUGH(mq_timedsend, 5, int, int, mqdes, uptr, u_msg_ptr, size_t, msg_len, unsigned int, msg_prio, uptr, u_abs_timeout)
SHIM_SYSCALL_PASSTHROUGH(mq_timedreceive, 5, ssize_t, int, mqdes, uptr, u_msg_ptr, size_t, msg_len, uptr, u_msg_prio, uptr, u_abs_timeout)
SHIM_SYSCALL_PASSTHROUGH(mq_notify, 2, int, int, mqdes, uptr, u_notification)
SHIM_SYSCALL_PASSTHROUGH(mq_getsetattr, 3, int, int, mqdes, uptr, u_mqstat, uptr, u_omqstat)
SHIM_SYSCALL_PASSTHROUGH(kexec_load, 4, long, unsigned long, entry, unsigned long, nr_segments, uptr, segments, unsigned long, flags)
DEFINE_SHIM_SYSCALL(waitid, 5, shim_do_waitid, long, int, which, pid_t, upid, uptr, infop, int, options, uptr, ru) /* sys/shim_wait.c */
SHIM_SYSCALL_PASSTHROUGH(add_key, 5, int, uptr, _type, uptr, _description, uptr, _payload, size_t, plen, int, ringid)
SHIM_SYSCALL_PASSTHROUGH(request_key, 4, int, uptr, _type, uptr, _description, uptr, _callout_info, int, destringid)
SHIM_SYSCALL_PASSTHROUGH(keyctl, 5, long, int, option, unsigned long, arg2, unsigned long, arg3, unsigned long, arg4, unsigned long, arg5)
DEFINE_SHIM_SYSCALL(ioprio_set, 3, shim_do_ioprio_set, long, int, which, int, who, int, ioprio) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(ioprio_get, 2, shim_do_ioprio_get, long, int, which, int, who) /* sys/shim_session.c */
SHIM_SYSCALL_PASSTHROUGH(inotify_init, 0, int)
SHIM_SYSCALL_PASSTHROUGH(inotify_add_watch, 3, int, int, fd, uptr, pathname, unsigned int, mask)
SHIM_SYSCALL_PASSTHROUGH(inotify_rm_watch, 2, int, int, fd, int, wd)
SHIM_SYSCALL_PASSTHROUGH(migrate_pages, 4, long, pid_t, pid, unsigned long, maxnode, uptr, old_nodes, uptr, new_nodes)
DEFINE_SHIM_SYSCALL(openat, 4, shim_do_openat, long, int, dfd, uptr, filename, int, flags, mode_t, mode) /* sys/shim_open.c */
DEFINE_SHIM_SYSCALL(mkdirat, 3, shim_do_mkdirat, long, int, dfd, uptr, pathname, mode_t, mode) /* sys/shim_namei.c */
SHIM_SYSCALL_PASSTHROUGH(mknodat, 4, int, int, dfd, uptr, filename, mode_t, mode, unsigned long, dev)
DEFINE_SHIM_SYSCALL(fchownat, 5, shim_do_fchownat, long, int, dfd, uptr, filename, uid_t, user, gid_t, group, unsigned int, flag) /* sys/shim_attr.c */
SHIM_SYSCALL_PASSTHROUGH(futimesat, 3, int, int, dfd, uptr, filename, uptr, utimes)
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
SHIM_SYSCALL_PASSTHROUGH(splice, 6, ssize_t, int, fd_in, uptr, off_in, int, fd_out, uptr, off_out, size_t, len, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(tee, 4, ssize_t, int, fdin, int, fdout, size_t, len, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(sync_file_range, 4, int, int, fd, off_t, offset, off_t, nbytes, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(vmsplice, 4, ssize_t, int, fd, uptr, uiov, unsigned long, nr_segs, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(move_pages, 6, long, pid_t, pid, unsigned long, nr_pages, uptr, pages, uptr, nodes, uptr, status, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(utimensat, 4, int, int, dfd, uptr, filename, uptr, utimes, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(epoll_pwait, 6, int, int, epfd, uptr, events, int, maxevents, int, timeout, uptr, sigmask, size_t, sigsetsize)
DEFINE_SHIM_SYSCALL(signalfd, 3, shim_do_signalfd, long, int, ufd, uptr, user_mask, size_t, sizemask) /* sys/shim_sigwait.c */
DEFINE_SHIM_SYSCALL(timerfd_create, 2, shim_do_timerfd_create, long, int, clockid, unsigned int, flags) /* sys/shim_timer.c */
SHIM_SYSCALL_PASSTHROUGH(eventfd, 1, int, unsigned int, count)
SHIM_SYSCALL_PASSTHROUGH(fallocate, 4, int, int, fd, unsigned int, mode, off_t, offset, off_t, len)
DEFINE_SHIM_SYSCALL(timerfd_settime, 4, shim_do_timerfd_settime, long, int, ufd, unsigned int, flags, uptr, utmr, uptr, otmr) /* sys/shim_timer.c */
DEFINE_SHIM_SYSCALL(timerfd_gettime, 2, shim_do_timerfd_gettime, long, int, ufd, uptr, otmr) /* sys/shim_timer.c */
SHIM_SYSCALL_PASSTHROUGH(accept4, 4, int, int, fd, uptr, upeer_sockaddr, uptr, upeer_addrlen, unsigned int, flags)
DEFINE_SHIM_SYSCALL(signalfd4, 4, shim_do_signalfd4, long, int, ufd, uptr, user_mask, size_t, sizemask, unsigned int, flags) /* sys/shim_sigwait.c */
SHIM_SYSCALL_PASSTHROUGH(eventfd2, 2, int, unsigned int, count, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(epoll_create1, 1, int, unsigned int, flags)
DEFINE_SHIM_SYSCALL(dup3, 3, shim_do_dup3, long, unsigned int, oldfd, unsigned int, newfd, int, flags) /* sys/shim_dup.c */
DEFINE_SHIM_SYSCALL(pipe2, 2, shim_do_pipe2, long, uptr, fildes, int, flags) /* sys/shim_pipe.c */
SHIM_SYSCALL_PASSTHROUGH(inotify_init1, 1, int, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(preadv, 5, ssize_t, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h)
SHIM_SYSCALL_PASSTHROUGH(pwritev, 5, ssize_t, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h)
DEFINE_SHIM_SYSCALL(rt_tgsigqueueinfo, 4, shim_do_rt_tgsigqueueinfo, long, pid_t, tgid, pid_t, pid, int, sig, uptr, uinfo) /* sys/shim_signal.c */
SHIM_SYSCALL_PASSTHROUGH(perf_event_open, 5, int, uptr, attr_uptr, pid_t, pid, int, cpu, int, group_fd, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(recvmmsg, 5, int, int, fd, uptr, mmsg, unsigned int, vlen, unsigned int, flags, uptr, timeout)
SHIM_SYSCALL_PASSTHROUGH(fanotify_init, 2, int, unsigned long, flags, unsigned int, event_f_flags)
SHIM_SYSCALL_PASSTHROUGH(fanotify_mark, 5, int, int, fanotify_fd, unsigned long, flags, unsigned long, mask, int, dfd, uptr, pathname)
DEFINE_SHIM_SYSCALL(prlimit64, 4, shim_do_prlimit64, long, pid_t, pid, unsigned int, resource, uptr, new_rlim, uptr, old_rlim) /* sys/shim_rlimit.c */
SHIM_SYSCALL_PASSTHROUGH(name_to_handle_at, 5, int, int, dfd, uptr, name, uptr, handle, uptr, mnt_id, unsigned int, flag)
SHIM_SYSCALL_PASSTHROUGH(open_by_handle_at, 3, int, int, mountdirfd, uptr, handle, unsigned int, flags)
DEFINE_SHIM_SYSCALL(clock_adjtime, 2, shim_do_clock_adjtime, long, int, which_clock, uptr, utx) /* sys/shim_clock.c */
SHIM_SYSCALL_PASSTHROUGH(syncfs, 1, int, int, fd)
SHIM_SYSCALL_PASSTHROUGH(sendmmsg, 4, int, int, fd, uptr, mmsg, unsigned int, vlen, unsigned int, flags)
DEFINE_SHIM_SYSCALL(setns, 2, shim_do_setns, long, int, fd, int, flags) /* sys/shim_unshare.c */
SHIM_SYSCALL_PASSTHROUGH(getcpu, 3, int, uptr, cpup, uptr, nodep, uptr, unused)
DEFINE_SHIM_SYSCALL(process_vm_readv, 6, shim_do_process_vm_readv, long, pid_t, pid, uptr, lvec, unsigned long, liovcnt, uptr, rvec, unsigned long, riovcnt, unsigned long, flags) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(process_vm_writev, 6, shim_do_process_vm_writev, long, pid_t, pid, uptr, lvec, unsigned long, liovcnt, uptr, rvec, unsigned long, riovcnt, unsigned long, flags) /* sys/shim_session.c */
DEFINE_SHIM_SYSCALL(kcmp, 5, shim_do_kcmp, long, pid_t, pid1, pid_t, pid2, int, type, unsigned long, idx1, unsigned long, idx2) /* sys/shim_session.c */
SHIM_SYSCALL_PASSTHROUGH(finit_module, 3, int, int, fd, uptr, uargs, unsigned long, flags)
DEFINE_SHIM_SYSCALL(sched_setattr, 3, shim_do_sched_setattr, long, pid_t, pid, uptr, uattr, unsigned int, flags) /* sys/shim_sched.c */
SHIM_SYSCALL_PASSTHROUGH(sched_getattr, 4, int, pid_t, pid, uptr, uattr, unsigned int, usize, unsigned int, flags)
DEFINE_SHIM_SYSCALL(renameat2, 5, shim_do_renameat2, long, int, olddfd, uptr, oldname, int, newdfd, uptr, newname, unsigned int, flags) /* sys/shim_namei.c */
DEFINE_SHIM_SYSCALL(seccomp, 3, shim_do_seccomp, long, unsigned int, op, unsigned int, flags, uptr, uargs) /* sys/shim_seccomp.c */
DEFINE_SHIM_SYSCALL(getrandom, 3, shim_do_getrandom, long, uptr, ubuf, size_t, len, unsigned int, flags) /* sys/shim_getrandom.c */
SHIM_SYSCALL_PASSTHROUGH(memfd_create, 2, int, uptr, uname, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(kexec_file_load, 5, long, int, kernel_fd, int, initrd_fd, unsigned long, cmdline_len, uptr, cmdline_ptr, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(bpf, 3, int, int, cmd, uptr, uattr, unsigned int, size)
DEFINE_SHIM_SYSCALL(execveat, 5, shim_do_execveat, long, int, fd, uptr, filename, uptr, argv, uptr, envp, int, flags) /* sys/shim_exec.c */
SHIM_SYSCALL_PASSTHROUGH(userfaultfd, 1, int, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(membarrier, 3, int, int, cmd, unsigned int, flags, int, cpu_id)
SHIM_SYSCALL_PASSTHROUGH(mlock2, 3, int, uptr, start, size_t, len, unsigned long, flags)
DEFINE_SHIM_SYSCALL(copy_file_range, 6, shim_do_copy_file_range, long, int, fd_in, uptr, off_in, int, fd_out, uptr, off_out, size_t, len, unsigned int, flags) /* sys/shim_statfs.c */
SHIM_SYSCALL_PASSTHROUGH(preadv2, 6, ssize_t, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(pwritev2, 6, ssize_t, int, fd, uptr, vec, unsigned long, vlen, off_t, pos_l, unsigned long, pos_h, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(pkey_mprotect, 4, int, uptr, start, size_t, len, unsigned int, prot, int, pkey)
SHIM_SYSCALL_PASSTHROUGH(pkey_alloc, 2, int, unsigned long, flags, unsigned long, init_val)
SHIM_SYSCALL_PASSTHROUGH(pkey_free, 1, int, int, pkey)
DEFINE_SHIM_SYSCALL(statx, 5, shim_do_statx, long, int, dfd, uptr, filename, unsigned int, flags, unsigned int, mask, uptr, buffer) /* sys/shim_stat.c */
SHIM_SYSCALL_PASSTHROUGH(io_pgetevents, 6, int, unsigned long, ctx_id, long, min_nr, long, nr, uptr, events, uptr, timeout, uptr, usig)
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
SHIM_SYSCALL_PASSTHROUGH(openat2, 4, int, int, dfd, uptr, filename, uptr, how, size_t, usize)
DEFINE_SHIM_SYSCALL(pidfd_getfd, 3, shim_do_pidfd_getfd, long, int, pidfd, int, fd, unsigned int, flags) /* sys/shim_signal.c */
DEFINE_SHIM_SYSCALL(faccessat2, 4, shim_do_faccessat2, long, int, dfd, uptr, filename, unsigned int, mode, unsigned int, flags) /* sys/shim_access.c */
SHIM_SYSCALL_PASSTHROUGH(process_madvise, 5, ssize_t, int, pidfd, uptr, vec, size_t, vlen, int, behavior, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(epoll_pwait2, 6, int, int, epfd, uptr, events, int, maxevents, uptr, timeout, uptr, sigmask, size_t, sigsetsize)
SHIM_SYSCALL_PASSTHROUGH(mount_setattr, 5, int, int, dfd, uptr, path, unsigned int, flags, uptr, uattr, size_t, usize)
SHIM_SYSCALL_PASSTHROUGH(quotactl_fd, 4, int, int, fd, unsigned long, cmd, int, id, uptr, addr)
SHIM_SYSCALL_PASSTHROUGH(landlock_create_ruleset, 3, int, uptr, attr, size_t, size, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(landlock_add_rule, 4, int, int, ruleset_fd, unsigned int, rule_type, uptr, rule_attr, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(landlock_restrict_self, 2, int, int, ruleset_fd, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(memfd_secret, 1, int, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(process_mrelease, 2, int, int, pidfd, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(futex_waitv, 5, int, uptr, waiters, unsigned int, nr_futexes, unsigned int, flags, uptr, timeout, int, clockid)
SHIM_SYSCALL_PASSTHROUGH(set_mempolicy_home_node, 4, int, uptr, start, size_t, len, unsigned long, home_node, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(cachestat, 4, int, int, fd, uptr, cstat_range, uptr, cstat, unsigned int, flags)
DEFINE_SHIM_SYSCALL(fchmodat2, 4, shim_do_fchmodat2, long, int, dfd, uptr, filename, mode_t, mode, unsigned int, flags) /* sys/shim_attr.c */
SHIM_SYSCALL_PASSTHROUGH(map_shadow_stack, 3, long, uptr, addr, size_t, size, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(futex_wake, 4, long, uptr, uaddr, unsigned long, mask, int, nr, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(futex_wait, 6, long, uptr, uaddr, unsigned long, val, unsigned long, mask, unsigned long, flags, uptr, timeout, int, clockid)
SHIM_SYSCALL_PASSTHROUGH(futex_requeue, 4, long, uptr, waiters, unsigned long, flags, int, nr_wake, int, nr_requeue)
SHIM_SYSCALL_PASSTHROUGH(statmount, 4, int, uptr, req, uptr, buf, size_t, bufsize, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(listmount, 4, int, uptr, req, uptr, mnt_ids, size_t, nr_mnt_ids, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(lsm_get_self_attr, 4, int, unsigned int, attr, uptr, ctx, uptr, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(lsm_set_self_attr, 4, int, unsigned int, attr, uptr, ctx, unsigned int, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(lsm_list_modules, 3, int, uptr, ids, uptr, size, unsigned int, flags)
SHIM_SYSCALL_PASSTHROUGH(mseal, 3, int, uptr, start, size_t, len, unsigned long, flags)
SHIM_SYSCALL_PASSTHROUGH(setxattrat, 6, int, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, name, uptr, uargs, size_t, usize)
SHIM_SYSCALL_PASSTHROUGH(getxattrat, 6, ssize_t, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, name, uptr, uargs, size_t, usize)
SHIM_SYSCALL_PASSTHROUGH(listxattrat, 5, ssize_t, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, list, size_t, size)
SHIM_SYSCALL_PASSTHROUGH(removexattrat, 4, int, int, dfd, uptr, pathname, unsigned int, at_flags, uptr, name)
SHIM_SYSCALL_PASSTHROUGH(open_tree_attr, 5, int, int, dfd, uptr, filename, unsigned long, flags, uptr, uattr, size_t, usize)
SHIM_SYSCALL_PASSTHROUGH(file_getattr, 5, int, int, dfd, uptr, filename, uptr, ufattr, size_t, usize, unsigned int, at_flags)
SHIM_SYSCALL_PASSTHROUGH(file_setattr, 5, int, int, dfd, uptr, filename, uptr, ufattr, size_t, usize, unsigned int, at_flags)
/* clang-format on */

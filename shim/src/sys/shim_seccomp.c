/*
 * shim_seccomp.c
 *
 * Implementation of system calls "seccomp" and "prctl" (its
 * PR_GET_SECCOMP and PR_SET_SECCOMP; the other options run on the host
 * unchanged).
 *
 * Under seccomp stops the program runs under ptshim's filter, which the
 * host counts as the program's: PR_GET_SECCOMP would answer 2 (filter mode)
 * to a program that never asked for one, and strict mode, which the kernel
 * refuses on top of a filter (EINVAL), would fail.  So the shim keeps each
 * thread's own mode, as the kernel keeps it for the thread (inherited by
 * clone and fork, kept across execve), answers PR_GET_SECCOMP from it, and
 * emulates strict mode: afterwards every call but read, write, exit and
 * rt_sigreturn kills the caller with SIGKILL.  The kernel kills the thread
 * alone; the shim can only kill its process, the same thing for the
 * single-threaded programs that use strict mode.  Under SYSEMU stops both
 * calls are the host's.
 */
#include "config.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

#include "shim_table.h"
#include "shim_thread.h"

static bool own_filter_hidden(void) {
    return DkSyscallStops() == PAL_STOPS_SECCOMP;
}

/* seccomp_set_mode_strict(): refused over a mode already set (a filter;
 * a strict thread cannot make the call at all); it turns off the time
 * stamp counter for the thread, as the host does then */
static int set_strict(struct shim_thread* self) {
    long ret;

    if (self->seccomp_mode != SECCOMP_MODE_DISABLED)
        return -EINVAL;
    ret = shim_host_call2(SYS_prctl, PR_SET_TSC, PR_TSC_SIGSEGV);
    if (ret < 0)
        return (int)ret;
    self->seccomp_mode = SECCOMP_MODE_STRICT;
    return 0;
}

/* The host installs the program's filter over ptshim's; the thread (with
 * TSYNC, its whole process) is then in filter mode. */
static int set_filter(struct shim_thread* self, unsigned int flags) {
    int ret = (int)shim_host_call_self();
    struct shim_thread* t;

    if (ret < 0)
        return ret;
    if (flags & SECCOMP_FILTER_FLAG_TSYNC) {
        LIST_FOREACH(t, &self->proc->threads, siblings)
            t->seccomp_mode = SECCOMP_MODE_FILTER;
    }
    self->seccomp_mode = SECCOMP_MODE_FILTER;
    return ret;
}

int shim_do_seccomp(unsigned int op, unsigned int flags, uptr uargs) {
    struct shim_thread* self = shim_cur_thread();

    if (!own_filter_hidden())
        return (int)shim_pass_self();
    switch (op) {
    case SECCOMP_SET_MODE_STRICT:
        if (flags != 0 || uargs != 0)
            return -EINVAL;
        return set_strict(self);
    case SECCOMP_SET_MODE_FILTER:
        return set_filter(self, flags);
    default:
        return (int)shim_pass_self();
    }
}

int shim_do_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
                   unsigned long arg5) {
    struct shim_thread* self = shim_cur_thread();

    (void)arg4;
    (void)arg5;
    if (!own_filter_hidden())
        return (int)shim_pass_self();
    switch (option) {
    case PR_GET_SECCOMP:
        return self->seccomp_mode;
    case PR_SET_SECCOMP:
        /* prctl_set_seccomp(): strict ignores the filter argument */
        if (arg2 == SECCOMP_MODE_STRICT)
            return set_strict(self);
        if (arg2 == SECCOMP_MODE_FILTER) {
            /* a filter through prctl takes no flags */
            (void)arg3;
            return set_filter(self, 0);
        }
        return -EINVAL;
    default:
        return (int)shim_pass_self();
    }
}

bool shim_seccomp_denies(const struct shim_thread* t, PAL_NUM sysno) {
    if (t->seccomp_mode != SECCOMP_MODE_STRICT)
        return false;
    switch (sysno) {
    case SYS_read:
    case SYS_write:
    case SYS_exit:
    case SYS_rt_sigreturn:
        return false;
    default:
        return true;
    }
}

long shim_seccomp_kill(void) {
    /* the thread's own name for its process: it may be in another PID
     * namespace */
    long pid = shim_host_call0(SYS_getpid);

    if (pid < 0)
        return pid;
    return shim_host_call2(SYS_kill, pid, SIGKILL);
}

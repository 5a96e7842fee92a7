/*
 * shim_seccomp.c
 *
 * Implementation of system calls "seccomp" and "prctl" (its
 * PR_GET_SECCOMP and PR_SET_SECCOMP; the other options run on the host
 * unchanged).
 *
 * A filter or strict mode the program installs is kept by the shim
 * (bookkeep/shim_seccomp.c), which runs the filters itself under SYSEMU
 * stops, where the kernel does not for the calls the shim answers.
 *
 * Under seccomp stops the program runs under ptshim's filter, which the
 * host counts as the program's: PR_GET_SECCOMP would answer 2 (filter mode)
 * to a program that never asked for one, and strict mode, which the kernel
 * refuses on top of a filter (EINVAL), would fail.  So the shim answers
 * PR_GET_SECCOMP from the thread's own mode, and emulates strict mode: the
 * time stamp counter off (PR_SET_TSC, as the kernel does then), every call
 * of the thread stopping (DkThreadStopEveryCall: even those --seccomp-bpf
 * lets through), and any call but read, write, exit and rt_sigreturn
 * kills the caller with SIGKILL.  The kernel kills the thread alone; the shim can only kill its
 * process, the same thing for the single-threaded programs that use
 * strict mode.
 */
#include "config.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/prctl.h>

#include "shim_seccomp.h"
#include "shim_table.h"
#include "shim_thread.h"

/* seccomp_set_mode_strict(): refused over a mode already set (a filter;
 * a strict thread cannot make the call at all) */
static long set_strict(void) {
    struct shim_thread* self = shim_cur_thread();
    long ret;

    if (!shim_seccomp_stops())
        return shim_seccomp_install(SECCOMP_SET_MODE_STRICT, 0, 0);
    if (self->seccomp_mode != SHIM_SECCOMP_NONE)
        return -EINVAL;
    /* Every call of the thread must stop for the shim to refuse it, those
     * that --seccomp-bpf lets run without a stop too.  The time stamp
     * counter goes off last: were a host call after it abandoned for a
     * signal (the program's call made again after the handler), the
     * handler would find it off. */
    ret = DkThreadStopEveryCall(self->pal);
    if (ret < 0)
        return ret;
    ret = shim_host_call2(PTSHIM_NR_prctl, PR_SET_TSC, PR_TSC_SIGSEGV);
    if (ret < 0)
        return ret;
    self->seccomp_mode = SHIM_SECCOMP_STRICT;
    return 0;
}

long shim_do_seccomp(unsigned int op, unsigned int flags, uptr uargs) {
    switch (op) {
    case SECCOMP_SET_MODE_STRICT:
        if (flags != 0 || uargs != 0)
            return -EINVAL;
        return set_strict();
    case SECCOMP_SET_MODE_FILTER:
        return shim_seccomp_install(op, flags, uargs);
    default:
        return shim_pass_to_host();
    }
}

long shim_do_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4,
                   unsigned long arg5) {
    (void)arg4;
    (void)arg5;
    switch (option) {
    case PR_GET_SECCOMP:
        if (!shim_seccomp_stops())
            return shim_pass_to_host();
        return shim_cur_thread()->seccomp_mode;
    case PR_SET_SECCOMP:
        /* prctl_set_seccomp(): strict ignores the filter argument, a
         * filter takes no flags */
        if (arg2 == SECCOMP_MODE_STRICT)
            return set_strict();
        if (arg2 == SECCOMP_MODE_FILTER)
            return shim_seccomp_install(SECCOMP_SET_MODE_FILTER, 0, arg3);
        return -EINVAL;
    default:
        return shim_pass_to_host();
    }
}

bool shim_seccomp_denies(const struct shim_thread* t, PAL_NUM sysno) {
    return t->seccomp_mode == SHIM_SECCOMP_STRICT && !shim_seccomp_strict_allows(sysno);
}

long shim_seccomp_kill(void) {
    /* the thread's own name for its process: it may be in another PID
     * namespace */
    long pid = shim_host_call0(PTSHIM_NR_getpid);

    if (pid < 0)
        return pid;
    return shim_host_call2(PTSHIM_NR_kill, pid, SIGKILL);
}

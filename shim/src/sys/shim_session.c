/*
 * shim_session.c
 *
 * Implementation of system calls "setpgid", "getpgid", "getpgrp",
 * "setsid", "getsid", "getpriority", "setpriority", "ioprio_get",
 * "ioprio_set", "times", "kcmp", "process_vm_readv" and
 * "process_vm_writev".
 *
 * Process groups, sessions, nice values and CPU times are the host's
 * (the terminal's job control reads them): the calls run there, in the
 * calling thread, after the checks the kernel makes before it looks for
 * a process.  ptshim's tracer leads a process group and a session of its
 * own; to the program, neither exists: asking of it is ESRCH, and moving
 * into its group, comparing with it or reaching into its memory is what
 * it is for a process that does not exist.
 */
#include "config.h"

#include <errno.h>
#include <sys/resource.h>

#include "shim_table.h"
#include "shim_thread.h"

long shim_do_setpgid(pid_t pid, pid_t pgid) {
    /* a PGID of 0 is the target's own ID: the caller's (PID 0), or PID */
    if (pgid < 0 || (pgid == 0 && pid < 0))
        return -EINVAL;
    if (shim_is_tracer(pid))
        return shim_host_call_aimed_at_nothing(0, pid);
    if (shim_is_tracer(pgid))
        return shim_host_call_aimed_at_nothing(1, pgid);
    return shim_pass_to_host();
}

/* find_task_by_vpid() and find_vpid(): no negative ID names a process,
 * and the tracer is none of the program's */
static bool no_such_process(pid_t pid) {
    return pid < 0 || shim_is_tracer(pid);
}

long shim_do_getpgid(pid_t pid) {
    if (no_such_process(pid))
        return -ESRCH;
    return shim_pass_to_host();
}

long shim_do_getsid(pid_t pid) {
    if (no_such_process(pid))
        return -ESRCH;
    return shim_pass_to_host();
}

long shim_do_getpgrp(void) {
    return shim_pass_to_host();
}

/* EPERM for a process group leader: the host knows who leads */
long shim_do_setsid(void) {
    return shim_pass_to_host();
}

/* The checks of getpriority and setpriority before the search: -EINVAL,
 * -ESRCH, or 0.  A user's processes (PRIO_USER) are the host's to find. */
static int check_prio_target(int which, int who) {
    if (which < PRIO_PROCESS || which > PRIO_USER)
        return -EINVAL;
    if (which != PRIO_USER && who != 0 && no_such_process(who))
        return -ESRCH;
    return 0;
}

long shim_do_getpriority(int which, int who) {
    int ret = check_prio_target(which, who);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_setpriority(int which, int who, int niceval) {
    int ret = check_prio_target(which, who);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/* The process's CPU times are the host's; a bad buffer its EFAULT. */
long shim_do_times(uptr tbuf) {
    return shim_pass_to_host();
}

#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_WHO_USER 3

long shim_do_ioprio_get(int which, int who) {
    if (which < IOPRIO_WHO_PROCESS || which > IOPRIO_WHO_USER)
        return -EINVAL;
    if (which != IOPRIO_WHO_USER && who != 0 && no_such_process(who))
        return -ESRCH;
    return shim_pass_to_host();
}

/* The priority is checked first, with the caller's privilege (a real-time
 * class needs CAP_SYS_NICE): the host's, aimed at nothing for the tracer. */
long shim_do_ioprio_set(int which, int who, int ioprio) {
    if (which != IOPRIO_WHO_USER && shim_is_tracer(who))
        return shim_host_call_aimed_at_nothing(1, who);
    return shim_pass_to_host();
}

long shim_do_kcmp(pid_t pid1, pid_t pid2, int type, unsigned long idx1, unsigned long idx2) {
    if (shim_is_tracer(pid1))
        return shim_host_call_aimed_at_nothing(0, pid1);
    if (shim_is_tracer(pid2))
        return shim_host_call_aimed_at_nothing(1, pid2);
    return shim_pass_to_host();
}

/* process_vm_rw(): the flags, then both vectors, then the process: a
 * transfer of nothing never looks for it. */
static long process_vm(pid_t pid, unsigned long flags) {
    if (flags != 0)
        return -EINVAL;
    if (shim_is_tracer(pid))
        return shim_host_call_aimed_at_nothing(0, pid);
    return shim_pass_to_host();
}

long shim_do_process_vm_readv(pid_t pid, uptr lvec, unsigned long liovcnt, uptr rvec,
                              unsigned long riovcnt, unsigned long flags) {
    return process_vm(pid, flags);
}

long shim_do_process_vm_writev(pid_t pid, uptr lvec, unsigned long liovcnt, uptr rvec,
                               unsigned long riovcnt, unsigned long flags) {
    return process_vm(pid, flags);
}

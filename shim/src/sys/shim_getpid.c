/*
 * shim_getpid.c
 *
 * Implementation of system calls "getpid", "getppid" and "gettid", from
 * the shim's processes and threads.  Its IDs are the host's as ptshim
 * sees them: a thread in another PID namespace has other names for them,
 * which the host gives.
 */
#include "config.h"

#include "shim_identity.h"
#include "shim_table.h"
#include "shim_thread.h"

static bool other_pid_names(void) {
    return shim_thread_ns_foreign(shim_cur_thread(), PAL_NS_PID);
}

long shim_do_getpid(void) {
    if (other_pid_names())
        return shim_pass_to_host();
    return shim_cur_thread()->proc->pid;
}

long shim_do_gettid(void) {
    if (other_pid_names())
        return shim_pass_to_host();
    return shim_cur_thread()->tid;
}

long shim_do_getppid(void) {
    struct shim_process* proc = shim_cur_thread()->proc;

    if (other_pid_names())
        return shim_pass_to_host();
    if (proc->parent)
        return proc->parent->pid;
    if (proc->first)
        return proc->ppid; /* ptshim, which started the program */
    /* an orphan: the host knows who took it over */
    return shim_pass_to_host();
}

/*
 * shim_getpid.c
 *
 * Implementation of system calls "getpid", "getppid" and "gettid", from
 * the shim's processes and threads.
 */
#include "config.h"

#include "shim_table.h"
#include "shim_thread.h"

pid_t shim_do_getpid(void) {
    return shim_cur_thread()->proc->pid;
}

pid_t shim_do_gettid(void) {
    return shim_cur_thread()->tid;
}

pid_t shim_do_getppid(void) {
    struct shim_process* proc = shim_cur_thread()->proc;

    if (proc->parent)
        return proc->parent->pid;
    if (proc->first)
        return proc->ppid; /* ptshim, which started the program */
    /* an orphan: the host knows who took it over */
    return (pid_t)shim_host_call0(PTSHIM_NR_getppid);
}

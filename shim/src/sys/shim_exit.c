/*
 * shim_exit.c
 *
 * Implementation of system calls "exit" and "exit_group".
 *
 * The thread (or its whole process) ends on the host, where the kernel
 * also clears the thread's child_tid and walks its robust futex list; the
 * call does not return (the host call then says the thread is gone).  The
 * bookkeeping is dropped when the PAL reports each thread gone
 * (shim_on_exit).
 *
 * ptshim's caller waits for the program's first process: a failure of
 * ptshim's own (shim_set_exit_failure) turns that process's successful
 * end into the failure's status, since nothing can change it afterwards.
 */
#include "config.h"

#include "shim.h"
#include "shim_internal.h"
#include "shim_table.h"
#include "shim_thread.h"

static int g_exit_failure;

void shim_set_exit_failure(int status) {
    g_exit_failure = status;
}

/* The status CODE ends the program's first process with: 0, unless ptshim
 * failed meanwhile and THREAD ends that process (the kernel keeps CODE's
 * low 8 bits). */
static bool fails_instead(const struct shim_thread* t, int code, bool whole_process) {
    return g_exit_failure && (code & 0xff) == 0 && t->proc->first &&
           (whole_process || (t->proc->nthreads == 1 && t->tid == t->proc->pid));
}

long shim_do_exit(int error_code) {
    if (fails_instead(shim_cur_thread(), error_code, false))
        return shim_host_call1(PTSHIM_NR_exit, g_exit_failure);
    return shim_pass_to_host();
}

long shim_do_exit_group(int error_code) {
    if (fails_instead(shim_cur_thread(), error_code, true))
        return shim_host_call1(PTSHIM_NR_exit_group, g_exit_failure);
    return shim_pass_to_host();
}

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
 */
#include "config.h"

#include "shim_table.h"

long shim_do_exit(int error_code) {
    return shim_pass_self();
}

long shim_do_exit_group(int error_code) {
    return shim_pass_self();
}

/*
 * shim.h: the library OS as the ptshim program sees it: the entry point for
 * a stopped system call, and the events that keep its bookkeeping in step
 * with the host.
 */
#ifndef SHIM_H
#define SHIM_H

#include <stdbool.h>
#include <stdint.h>

#include "pal.h"

/* Who answered a system call (--report, the trace's layer). */
enum shim_layer {
    SHIM_LAYER_SHIM,   /* shim_do_<name> in the tracer */
    SHIM_LAYER_HOST,   /* passed through to the host */
    SHIM_LAYER_ENOSYS, /* ENOSYS: unsupported, unknown, or --strict */
    SHIM_NLAYERS,
};

struct shim_options {
    bool strict; /* every PASSTHROUGH call returns ENOSYS */
    /* --cpus: the CPUs the program sees and runs on (NULL: the host's) */
    const uint64_t* cpus;
    int ncpu_words;
    /* ptshim's tracer, which leads a process group of its own: to the
     * program's signals, neither exists (ESRCH) */
    pid_t tracer;
};

/* Set the options and take the program's first process, PID, whose parent
 * the program sees as PPID. */
PAL_NODISCARD int shim_init(const struct shim_options* opts, PAL_HANDLE thread, pid_t pid,
                            pid_t ppid);

/* Whether the shim passes system call SYSNO to the host unseen
 * (SHIM_SYSCALL_PASSTHROUGH, without --strict): a call it need not stop
 * for, unless the trace or --report wants it. */
bool shim_syscall_passes_through(PAL_NUM sysno, const struct shim_options* opts);

#define SHIM_SYSCALL_DONE    0 /* *RESULT holds the result */
#define SHIM_SYSCALL_RUNNING 1 /* handed to the host, the thread runs on */

/* Answer the system call of EV (a PAL_EVENT_SYSCALL, on the thread's
 * context).  With WANT_RESULT, or when the shim answers it, the call
 * completes with the thread still stopped (SHIM_SYSCALL_DONE, *RESULT set)
 * and the caller lets it go with DkSyscallReturn(); otherwise a call for
 * the host is handed to it (SHIM_SYSCALL_RUNNING).  *LAYER says who
 * answered.  A negative errno is a failure of ptshim. */
PAL_NODISCARD int shim_handle_syscall(const struct pal_event* ev, bool want_result,
                                      long* result, enum shim_layer* layer);

/* The name of THREAD's descriptor FD, from the shim's table (-y): as
 * DkStreamGetName(), which it calls once per open file description and
 * again only after the program renamed or removed files. */
PAL_NODISCARD long shim_fd_name(PAL_HANDLE thread, int fd, char* buf, size_t size);

/* The bookkeeping's events: a thread or process created (PAL_EVENT_CLONE),
 * an execve completed, a thread gone.  A negative errno is a failure of
 * ptshim. */
PAL_NODISCARD int shim_on_clone(const struct pal_event* ev);
PAL_NODISCARD int shim_on_exec(const struct pal_event* ev);
void shim_on_exit(const struct pal_event* ev);

/* ptshim failed in a way the program's status must tell (its trace could
 * not be written): a successful exit of the program's first process, from
 * now on, ends it with STATUS instead. */
void shim_set_exit_failure(int status);

/* What a thread's PAL_EVENT_EXITING means for its process. */
struct shim_exiting {
    pid_t pid;   /* its process; 0 when the shim has no record of it */
    bool leader; /* the thread is its process's leader */
    bool last;   /* the last of the process's threads to start exiting:
                    the process's end, with this thread's status */
    /* when LAST: the leader, if it started exiting before (else NULL) */
    PAL_HANDLE early_leader;
};
void shim_on_exiting(const struct pal_event* ev, struct shim_exiting* x);

#endif /* SHIM_H */

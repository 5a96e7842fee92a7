/*
 * shim.h: the library OS as the ptshim program sees it: its start, the
 * hooks through which it shows each system call it completes, and the
 * events that keep its bookkeeping in step with the host.
 */
#ifndef SHIM_H
#define SHIM_H

#include <stdbool.h>
#include <stdint.h>

#include "pal.h"
#include "shim_inject.h"

/* Who answered a system call (--report, the trace's layer). */
enum shim_layer {
    SHIM_LAYER_SHIM,    /* shim_do_<name> answered it in the tracer */
    SHIM_LAYER_CHECKED, /* shim_do_<name> checked it, then the host ran the
                           program's call as made (shim_pass_to_host,
                           shim_host_call_self) */
    SHIM_LAYER_HOST,    /* passed through to the host unchecked */
    SHIM_LAYER_ENOSYS,  /* ENOSYS: unsupported, unknown, or --strict */
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
    /* -e inject=, -e fault=: the rules, or NULL for none */
    const struct shim_inject* inject;
    /* -r, -b, -R: a file-system view (shim_view.h), set up with
     * shim_view_init() before the program starts */
    bool view;
};

/* How a system call ended, as the hooks see it. */
enum shim_end {
    SHIM_END_RESULT,    /* completed with a result, returned to the program */
    SHIM_END_UNSEEN,    /* handed to the host as made: the thread runs on,
                           the result goes to the program unseen */
    SHIM_END_GONE,      /* the thread ended while the call was handled */
    SHIM_END_ABANDONED, /* a signal came before a host call could start:
                           the program makes the call again after it, as
                           if it had not made it */
};

/* What the ptshim program sees of each system call (its trace and
 * --report), called on the calling thread's context.  Either may be NULL. */
struct shim_hooks {
    /* At the call's entry, before the shim decides it.  True when its
     * result is wanted: a call for the host then completes with the thread
     * stopped (dearer), instead of going to the host unseen. */
    bool (*syscall_entry)(const struct pal_event* ev);
    /* At its end, before the thread goes on: how it ended, its RESULT
     * (SHIM_END_RESULT; for SHIM_END_ABANDONED, what the host call said)
     * and the layer that answered it. */
    void (*syscall_exit)(const struct pal_event* ev, enum shim_end end, long result,
                         enum shim_layer layer);
};

/* What injection did to the call of EV whose end the exit hook sees:
 * SHIM_TAMPERED_* (shim_inject.h), 0 for none (always for a call whose
 * number no rule names). */
unsigned shim_syscall_tampered(const struct pal_event* ev);

/* Set the options and the hooks, take the program's first process, PID,
 * whose parent the program sees as PPID, and become the PAL's system call
 * upcall: from then on every call of the program stops in the shim's
 * dispatcher, which decides it, runs what it needs on the host through the
 * PAL, and completes it (as Gramine's libos_emulate_syscall). */
PAL_NODISCARD int shim_init(const struct shim_options* opts, const struct shim_hooks* hooks,
                            PAL_HANDLE thread, pid_t pid, pid_t ppid);

/* Whether the shim passes system call SYSNO to the host unseen
 * (SHIM_SYSCALL_PASSTHROUGH, without --strict, and no rule of -e inject=
 * names it): a call it need not stop for, unless the trace or --report
 * wants it. */
bool shim_syscall_passes_through(PAL_NUM sysno, const struct shim_options* opts);

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

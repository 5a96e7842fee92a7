/*
 * trace.h: the decoded trace, in strace's format.
 *
 * Each traced thread has a struct tcb (after strace's name) holding the call
 * it is in and the line being built for it.  Printers append to that line;
 * trace.c decides when a line goes out, and how it is split when threads
 * interleave (<unfinished ...> / <... NAME resumed>).
 */
#ifndef TRACE_H
#define TRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "pal.h"
#include "shim_inject.h"
#include "syscall_defs.h"

struct trace_out;

struct tcb {
    pid_t tid;
    PAL_HANDLE thread; /* whose trace slot holds it */
    struct trace_out* out; /* where its lines go (trace_output.c) */

    /* the system call being traced */
    PAL_NUM sysno;
    PAL_NUM args[PAL_SYSCALL_ARGS];
    PAL_NUM sp;             /* the stack pointer at entry */
    const struct sysent* s; /* NULL for a number the tables do not know */
    bool compat;            /* a call of the 32-bit ABI: SYSNO is i386's, no
                               table of ptshim's knows it (S is NULL) */
    long ret;
    bool in_syscall;  /* between entry and exit */
    bool exiting;     /* printing at exit */
    bool ended;       /* the thread's end is printed; it is not gone yet */
    bool traced;      /* this call is printed */
    bool entry_out;   /* its entry part has been written out */
    bool reprint;     /* -ff: the exit says "<... NAME resumed>" all the same */
    int next_arg;     /* the first argument printed at exit */
    /* a custom decoder's reading of the result: "= 0x1 (flags FD_CLOEXEC)"
     * for a flag set, "= 1 (SUID_DUMP_USER)" for an enum */
    const struct xlat* rval_xlat;
    bool rval_hex; /* with rval_xlat: the number in hex (F_GETLEASE) */
    const char* rval_label; /* with bits: "seals" for "(seals F_SEAL_SEAL)"
                               instead of "flags" */
    /* a custom decoder's comment on a successful result, printed after it
     * at exit while the tracee's memory can still be read: poll's
     * "= 1 ([{fd=3, revents=POLLIN}])", select's "= 0 (Timeout)" */
    void (*rval_note)(struct tcb* t);
    const char* layer;     /* who answered the call: "shim", "checked", "host", "enosys" */
    unsigned tampered;     /* -e inject=: SHIM_TAMPERED_*, for "(INJECTED)" */
    struct timespec start; /* entry time (-T, -c, --json) */
    struct timespec start_real; /* --json: the wall-clock time of the entry */
    /* --json: where each argument's text is in buf (end 0: not printed) */
    uint32_t arg_start[PAL_SYSCALL_ARGS], arg_end[PAL_SYSCALL_ARGS];

    /* the program's first execve, traced from the tracer's copy of its
     * arguments (--json's values): set only while it is printed */
    const char* initial_path;
    char* const* initial_argv;
    char* const* initial_envp;

    /* --json of execve, execveat: the arguments' values are read at entry,
     * since a successful call replaces the memory they were in */
    FILE* entry_values;
    char* entry_values_buf;
    size_t entry_values_size;
    long value_start[PAL_SYSCALL_ARGS], value_end[PAL_SYSCALL_ARGS]; /* end 0: none */

    /* -k: the stack of the call, unwound at its exit (execve's at its
     * entry: the stack is gone after) */
    struct pal_frame* frames; /* TRACE_STACK_MAX, allocated on first use */
    int nframes;              /* or a negative errno */
    bool stack_valid;         /* frames are this call's */

    /* the line being built */
    char* buf;
    size_t len, cap;
};

/* Append to T's line. */
void trace_printf(struct tcb* t, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
void trace_puts(struct tcb* t, const char* s);
void trace_putc(struct tcb* t, char c);

/* The name T's line gives its call: the table's, or "syscall_0x1b3" for a
 * number no table knows, with "@32" for a call of the 32-bit ABI (as
 * strace's -e trace=NAME@32 names that personality).  Valid until the
 * next call. */
const char* trace_call_name(const struct tcb* t);

/* Whether the call failed: the kernel's -4095..-1, unless -e inject=
 * made it return that value (retval=), as strace counts it. */
static inline bool syserror(const struct tcb* t) {
    return (unsigned long)t->ret > -4096UL && !(t->tampered & SHIM_TAMPERED_SUCCESS);
}


/* What to trace: the -e expressions and the output options. */
struct trace_options {
    bool enabled;   /* some trace option was given */
    bool json;      /* --json: one JSON object per line */
    bool summary;   /* -c: only the summary; -C sets both */
    bool lines;     /* the decoded lines */
    bool syscalls[PTSHIM_NSYSCALLS]; /* -e trace= */
    bool unknown_syscalls;           /* numbers without a row */
    uint64_t signals;                /* -e signal=: bit N-1 for signal N */
    unsigned status;                 /* -e status=: TRACE_STATUS_* */
    unsigned quiet;                  /* -q, --quiet: TRACE_QUIET_* not printed */
    bool stack;                      /* -k: each call's stack */
};

#define TRACE_STACK_MAX 256

/* --quiet=SET, after strace's names; only "exit" has lines in ptshim */
#define TRACE_QUIET_ATTACH       0x01
#define TRACE_QUIET_EXIT         0x02 /* "+++ exited with 0 +++" */
#define TRACE_QUIET_PATH_RESOLVE 0x04
#define TRACE_QUIET_PERSONALITY  0x08
#define TRACE_QUIET_THREAD_EXECVE 0x10
#define TRACE_QUIET_ALL          0x1f

#define TRACE_STATUS_SUCCESSFUL 0x1
#define TRACE_STATUS_FAILED     0x2
#define TRACE_STATUS_UNFINISHED 0x4
#define TRACE_STATUS_ALL        0x7

/* trace_filter.c: parse one -e EXPR (trace=, signal=, status=, or a bare
 * list of calls).  0, or -EINVAL with why in WHY (SIZE bytes; WHY may be
 * NULL). */
int trace_filter_parse(struct trace_options* o, const char* expr, char* why, size_t size);
void trace_filter_defaults(struct trace_options* o);
/* Mark in SEL (PTSHIM_NSYSCALLS entries) the calls one element of a set
 * names (a name, %class, /regex, all, none; a leading ? makes an unknown
 * name no error).  0, or -EINVAL when it names none. */
int trace_filter_select(bool* sel, const char* el);

/* trace.c: the tracer's hooks. */
void trace_init(const struct trace_options* o);
/* A system call entry; returns whether its exit must be seen. */
bool trace_syscall_entry(const struct pal_event* ev);
/* The call of EV's thread went on without a result to trace (exit,
 * exit_group, a thread gone in it), answered by LAYER. */
void trace_syscall_layer(const struct pal_event* ev, const char* layer);
/* What -e inject= did to the call of EV's thread (SHIM_TAMPERED_*),
 * before its exit is traced. */
void trace_syscall_tampered(const struct pal_event* ev, unsigned tampered);
/* The call of EV's thread returned RESULT, answered by LAYER ("shim",
 * "checked", "host" or "enosys"). */
void trace_syscall_exit(const struct pal_event* ev, long result, const char* layer);
/* The call of EV's thread was abandoned (it is made again after a
 * signal): forgotten, unless its entry is already out. */
void trace_syscall_abandoned(const struct pal_event* ev);
void trace_signal(const struct pal_event* ev);
/* The thread of EV (PAL_EVENT_EXITING) ends, with EV's status: its end is
 * printed, once. */
void trace_thread_exit(const struct pal_event* ev);
/* The thread of EV (PAL_EVENT_EXIT) is gone: its end is printed if it was
 * not yet, and its record freed. */
void trace_thread_gone(const struct pal_event* ev);
/* The thread of EV (PAL_EVENT_EXIT, superseded) was its process's leader,
 * replaced by another thread's execve: its record waits for that execve's
 * PAL_EVENT_EXEC, which comes next. */
void trace_thread_superseded(const struct pal_event* ev);
/* A PAL_EVENT_EXEC: with a former_tid, a thread took its process's ID. */
void trace_exec(const struct pal_event* ev);
/* The program's first execve(), done before its first stop.  0, or
 * -EIO when its trace cannot be written (-ff: the file cannot be made;
 * reported). */
int trace_initial_execve(PAL_HANDLE thread, pid_t pid, const struct pal_exec* exec,
                         char* const argv[], char* const envp[]);
/* The end of tracing: the summary (-c), and everything flushed. */
void trace_finish(void);

#endif /* TRACE_H */

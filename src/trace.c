/*
 * trace.c: the tracer's trace hooks: one struct tcb per traced thread,
 * filled at each stop and printed as strace prints it.
 *
 * A tcb is kept with its thread's PAL handle (its trace slot, so nothing
 * looks it up by thread ID), allocated when the thread is first seen and
 * freed when it is gone; its line buffer only ever grows, so the per-call
 * path allocates nothing once a thread has printed its longest line.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "decode.h"
#include "die.h"
#include "syscall_report.h"
#include "trace.h"
#include "trace_json.h"
#include "trace_output.h"
#include "trace_signal.h"
#include "trace_summary.h"

static struct trace_options g_opts;

/* The superseded leader's record, from its PAL_EVENT_EXIT to the execve's
 * PAL_EVENT_EXEC that comes next (trace_thread_superseded) */
static struct tcb* g_superseded;

static struct tcb* tcb_of(PAL_HANDLE thread) {
    return DkThreadGetPrivate(thread, PAL_THREAD_SLOT_TRACE);
}

/* The record of EV's thread, made when first needed.  It follows the
 * thread's handle, whatever ID the event names: the exit of an execve
 * that gave the thread its process's ID comes with the event its entry
 * had, under the former ID. */
static struct tcb* tcb_get(const struct pal_event* ev) {
    struct tcb* t = tcb_of(ev->thread);

    if (t)
        return t;
    t = calloc(1, sizeof(*t));
    if (!t) {
        die("out of memory");
    }
    t->tid = ev->tid;
    t->thread = ev->thread;
    t->out = trace_output_attach(t->tid);
    DkThreadSetPrivate(ev->thread, PAL_THREAD_SLOT_TRACE, t);
    return t;
}

static void tcb_free(struct tcb* t) {
    if (t->thread && tcb_of(t->thread) == t)
        DkThreadSetPrivate(t->thread, PAL_THREAD_SLOT_TRACE, NULL);
    trace_output_detach(t->out);
    if (t->entry_values)
        fclose(t->entry_values);
    free(t->entry_values_buf);
    free(t->frames);
    free(t->buf);
    free(t);
}

static void grow(struct tcb* t, size_t need) {
    size_t cap = t->cap ? t->cap : 256;
    char* buf;

    while (cap < need)
        cap *= 2;
    buf = realloc(t->buf, cap);
    if (!buf)
        die("out of memory");
    t->buf = buf;
    t->cap = cap;
}

void trace_printf(struct tcb* t, const char* fmt, ...) {
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(t->buf ? t->buf + t->len : NULL, t->buf ? t->cap - t->len : 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (t->len + (size_t)n + 1 > t->cap) {
        grow(t, t->len + (size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
    }
    t->len += (size_t)n;
}

void trace_puts(struct tcb* t, const char* s) {
    size_t n = strlen(s);

    if (t->len + n + 1 > t->cap)
        grow(t, t->len + n + 1);
    memcpy(t->buf + t->len, s, n);
    t->len += n;
}

void trace_putc(struct tcb* t, char c) {
    if (t->len + 2 > t->cap)
        grow(t, t->len + 2);
    t->buf[t->len++] = c;
}

void trace_init(const struct trace_options* o) {
    g_opts = *o;
}

const char* trace_call_name(const struct tcb* t) {
    static char name[40];

    if (t->s)
        return t->s->name;
    snprintf(name, sizeof(name), "syscall_%#llx%s", (unsigned long long)t->sysno,
             t->compat ? "@32" : "");
    return name;
}

static bool replaces_image(const struct tcb* t) {
    return !t->compat && (t->sysno == PTSHIM_NR_execve || t->sysno == PTSHIM_NR_execveat);
}

/* -k: T's stack, now. */
static void stack_capture(struct tcb* t) {
    if (!t->frames && !(t->frames = malloc(TRACE_STACK_MAX * sizeof(*t->frames)))) {
        t->nframes = -ENOMEM;
        return;
    }
    t->nframes = DkThreadStackTrace(t->thread, t->frames, TRACE_STACK_MAX);
    t->stack_valid = true;
}

/* exit and exit_group: the line goes out whole when the thread is gone,
 * "exit_group(0) = ?", as strace writes it. */
static bool ends_thread(const struct tcb* t) {
    return !t->compat && (t->sysno == PTSHIM_NR_exit || t->sysno == PTSHIM_NR_exit_group);
}

/* -e status= and --json need the result before anything goes out. */
static bool line_waits_for_result(void) {
    return g_opts.status != TRACE_STATUS_ALL || g_opts.json;
}

bool trace_syscall_entry(const struct pal_event* ev) {
    struct tcb* t;

    if (!g_opts.enabled)
        return false;
    t = tcb_get(ev);
    t->sysno = ev->sysno;
    memcpy(t->args, ev->args, sizeof(t->args));
    t->sp = ev->sp;
    /* the x86-64 table cannot name a call of the 32-bit ABI */
    t->compat = ev->compat;
    t->s = !ev->compat && ev->sysno < PTSHIM_NSYSCALLS && ptshim_sysent[ev->sysno].name
               ? &ptshim_sysent[ev->sysno]
               : NULL;
    t->traced = t->s ? g_opts.syscalls[ev->sysno] : g_opts.unknown_syscalls;
    t->in_syscall = true;
    t->exiting = false;
    t->rval_xlat = NULL;
    t->rval_hex = false;
    t->rval_label = NULL;
    t->rval_note = NULL;
    t->stack_valid = false;
    t->entry_out = false;
    t->layer = NULL;
    t->tampered = 0;
    t->reprint = false;
    t->len = 0;
    if (!t->traced)
        return false;
    if (g_opts.lines) {
        g_trace_nprocs = (unsigned)DkThreadCount();
        decode_syscall_entry(t);
        if (!line_waits_for_result() && !ends_thread(t))
            trace_emit_entry(t);
    }
    /* the calls after which the stack is gone: unwound now */
    if (g_opts.stack && (replaces_image(t) || ends_thread(t)))
        stack_capture(t);
    if (g_opts.json && g_opts.lines) {
        memset(t->value_end, 0, sizeof(t->value_end));
        if (replaces_image(t))
            trace_json_save_values(t);
        clock_gettime(CLOCK_REALTIME, &t->start_real);
    }
    clock_gettime(CLOCK_MONOTONIC, &t->start);
    return true;
}

void trace_syscall_layer(const struct pal_event* ev, const char* layer) {
    struct tcb* t;

    if (!g_opts.enabled)
        return;
    t = tcb_get(ev);

    if (t->in_syscall && t->traced)
        t->layer = layer;
}

void trace_syscall_tampered(const struct pal_event* ev, unsigned tampered) {
    struct tcb* t;

    if (!g_opts.enabled)
        return;
    t = tcb_get(ev);
    if (t->in_syscall && t->traced)
        t->tampered = tampered;
}

static bool status_selected(const struct tcb* t) {
    return g_opts.status & (syserror(t) ? TRACE_STATUS_FAILED : TRACE_STATUS_SUCCESSFUL);
}

void trace_syscall_exit(const struct pal_event* ev, long result, const char* layer) {
    struct tcb* t;

    if (!g_opts.enabled)
        return;
    t = tcb_get(ev);

    if (!t->in_syscall || !t->traced)
        return;
    t->in_syscall = false;
    t->ret = result;
    t->layer = layer;
    t->exiting = true;
    if (g_opts.summary)
        trace_summary_count(t);
    if (!g_opts.lines)
        return;
    if (!status_selected(t)) {
        t->len = 0;
        return;
    }
    g_trace_nprocs = (unsigned)DkThreadCount();
    decode_syscall_exit(t);
    if (g_opts.stack && !replaces_image(t))
        stack_capture(t);
    if (g_opts.json) {
        trace_json_syscall(t, false);
    } else {
        trace_emit_exit(t);
        if (g_opts.stack)
            trace_emit_stack(t);
    }
}

void trace_syscall_abandoned(const struct pal_event* ev) {
    struct tcb* t;

    if (!g_opts.enabled)
        return;
    t = tcb_get(ev);

    if (!t->in_syscall || !t->traced)
        return;
    if (t->entry_out) {
        /* its first half is printed: end it as the kernel's restart */
        trace_syscall_exit(ev, -513 /* ERESTARTNOINTR */, NULL);
        return;
    }
    t->in_syscall = false;
    t->len = 0;
}

/* A line of its own for T's thread (a signal), built apart from T's line:
 * that may hold the entry of a call still waiting for its result (--json,
 * -e status=), which the signal's line must not overwrite. */
static struct tcb* event_line(const struct tcb* t) {
    static struct tcb line;

    line.tid = t->tid;
    line.thread = t->thread;
    line.out = t->out;
    line.len = 0;
    return &line;
}

void trace_signal(const struct pal_event* ev) {
    struct tcb* t;

    if (!g_opts.lines || !(g_opts.signals & (1ULL << (ev->sig - 1))))
        return;
    t = event_line(tcb_get(ev));
    g_trace_nprocs = (unsigned)DkThreadCount();
    if (g_opts.json) {
        trace_print_siginfo(t, ev);
        trace_json_signal(t, ev->sig);
        return;
    }
    trace_puts(t, "--- ");
    print_signo(t, ev->sig);
    trace_putc(t, ' ');
    trace_print_siginfo(t, ev);
    trace_puts(t, " ---");
    trace_emit_line(t);
}

/* T's thread is gone: the call it was in never ends ("= ?"). */
static void end_call(struct tcb* t) {
    if (!g_opts.lines) {
        /* -c: the summary alone */
    } else if (g_opts.json && t->in_syscall && t->traced) {
        /* exit_group(0) is whole; a call killed before its exit lacks
         * what the exit would have printed */
        if (g_opts.status & TRACE_STATUS_UNFINISHED) {
            if (t->next_arg < 0)
                trace_putc(t, ')');
            trace_json_syscall(t, true);
        }
    } else if (t->in_syscall && t->traced) {
        /* exit, exit_group, or killed in the call */
        t->len = 0;
        if (!t->entry_out && (g_opts.status & TRACE_STATUS_UNFINISHED)) {
            /* held back (exit_group, -e status=): it never completes */
            decode_syscall_entry(t);
            trace_emit_entry(t);
        }
        if (t->entry_out) {
            /* what the call would have written never came */
            if (t->next_arg >= 0)
                trace_puts(t, " <unfinished ...>)");
            else
                trace_putc(t, ')');
            trace_emit_unfinished(t);
            if (g_opts.stack && ends_thread(t))
                trace_emit_stack(t);
        }
    }
    t->in_syscall = false;
}

void trace_thread_exit(const struct pal_event* ev) {
    struct tcb* t;
    int st = ev->status;

    if (!g_opts.enabled)
        return;
    t = tcb_get(ev);
    if (t->ended)
        return;
    g_trace_nprocs = (unsigned)DkThreadCount();
    end_call(t);
    if (!g_opts.lines) {
        /* -c: the summary alone */
    } else if (g_opts.json) {
        trace_json_exit(t, st);
    } else if (WIFEXITED(st) && !(g_opts.quiet & TRACE_QUIET_EXIT)) {
        t->len = 0;
        trace_printf(t, "+++ exited with %d +++", WEXITSTATUS(st));
        trace_emit_line(t);
    } else if (WIFSIGNALED(st) && (g_opts.signals & (1ULL << (WTERMSIG(st) - 1)))) {
        /* as strace: -qq leaves it, -e signal= may not */
        t->len = 0;
        trace_puts(t, "+++ killed by ");
        print_signo(t, WTERMSIG(st));
        trace_puts(t, WCOREDUMP(st) ? " (core dumped) +++" : " +++");
        trace_emit_line(t);
    }
    /* kept until the thread is gone: what its unfinished call still
     * reports (its layer, its result) is of a call that has ended */
    t->ended = true;
}

void trace_thread_gone(const struct pal_event* ev) {
    struct tcb* t;

    if (!g_opts.enabled)
        return;
    t = tcb_of(ev->thread);
    /* its end not printed: no PAL_EVENT_EXITING came, or it was a leader
     * whose end waited for its process's last thread, which never told */
    if (!t || !t->ended)
        trace_thread_exit(ev);
    t = tcb_of(ev->thread);
    if (t)
        tcb_free(t);
}

/* A leader superseded by a non-leader's execve (PAL_EVENT_EXIT,
 * superseded): the call it was in never ends, while its handle is still
 * valid; its record, whose output the execve's thread takes over, waits
 * without the handle for the execve's PAL_EVENT_EXEC, next (trace_exec). */
void trace_thread_superseded(const struct pal_event* ev) {
    struct tcb* t;

    if (!g_opts.enabled || !(t = tcb_of(ev->thread)))
        return;
    g_trace_nprocs = (unsigned)DkThreadCount();
    end_call(t);
    DkThreadSetPrivate(ev->thread, PAL_THREAD_SLOT_TRACE, NULL);
    t->thread = NULL;
    if (g_superseded)
        tcb_free(g_superseded); /* never: an execve follows each */
    g_superseded = t;
}

/* An execve by a thread that was not its process's leader: the thread
 * now has the process's ID, and the leader is gone.  As strace: the
 * thread's record goes on under the new ID (with -ff, in the leader's
 * file), its line says " <pid changed to PID ...>" if it is open, and
 * "+++ superseded by execve in pid TID +++" comes first. */
void trace_exec(const struct pal_event* ev) {
    struct tcb *t, *leader = g_superseded;
    struct trace_out* out;

    g_superseded = NULL;
    if (!g_opts.enabled || !ev->former_tid || ev->former_tid == ev->tid) {
        if (leader)
            tcb_free(leader); /* never: only such an execve supersedes */
        return;
    }
    t = tcb_of(ev->thread);
    if (!t) {
        /* never seen: it goes on with the leader's record, under the
         * leader's ID, as if it were the leader */
        if (leader) {
            leader->thread = ev->thread;
            DkThreadSetPrivate(ev->thread, PAL_THREAD_SLOT_TRACE, leader);
        }
        return;
    }
    g_trace_nprocs = (unsigned)DkThreadCount();
    if (g_opts.lines && !g_opts.json)
        trace_emit_pid_changed(t, ev->tid);
    if (leader) {
        /* the leader's output goes on with this thread, the thread's own
         * (-ff: its file) ends with the leader */
        out = leader->out;
        leader->out = t->out;
        t->out = out;
        tcb_free(leader);
    } else {
        out = t->out;
        t->out = trace_output_attach(ev->tid);
        trace_output_detach(out);
    }
    t->tid = ev->tid;
    if (g_opts.lines && !g_opts.json && !(g_opts.quiet & TRACE_QUIET_THREAD_EXECVE)) {
        struct tcb* line = event_line(t);

        trace_printf(line, "+++ superseded by execve in pid %d +++", ev->former_tid);
        trace_emit_line(line);
    }
    /* the exit names its call even in its own file (-ff) */
    t->reprint = t->entry_out;
}

/* The program's first call, its execve(), ran before the tracer saw any
 * stop of it: print it from what the PAL noted and from the caller's own
 * argv and environment, of which the program's were copies. */
int trace_initial_execve(PAL_HANDLE thread, pid_t pid, const struct pal_exec* exec,
                         char* const argv[], char* const envp[]) {
    struct pal_event ev = {.type = PAL_EVENT_SYSCALL, .thread = thread, .tid = pid};
    struct tcb* t;
    unsigned n;

    if (!g_opts.enabled)
        return 0;
    t = tcb_get(&ev);
    /* nothing was written yet: -ff could not make the program's file,
     * which ptshim refuses as it refuses an -o FILE it cannot open */
    if (trace_output_failed())
        return -EIO;
    if (!g_opts.syscalls[PTSHIM_NR_execve])
        return 0;
    t->sysno = PTSHIM_NR_execve;
    t->s = &ptshim_sysent[PTSHIM_NR_execve];
    t->compat = false;
    memset(t->args, 0, sizeof(t->args));
    t->args[0] = exec->filename;
    t->args[1] = exec->argv;
    t->args[2] = exec->envp;
    t->traced = true;
    t->ret = 0;
    /* the PAL ran it on the host, as the caller's fork's exec */
    t->layer = g_layer_names[SHIM_LAYER_HOST];
    t->len = 0;
    clock_gettime(CLOCK_MONOTONIC, &t->start);
    clock_gettime(CLOCK_REALTIME, &t->start_real);
    memset(t->arg_end, 0, sizeof(t->arg_end));
    trace_puts(t, "execve(");
    t->arg_start[0] = (uint32_t)t->len;
    print_quoted(t, exec->path, strlen(exec->path));
    t->arg_end[0] = (uint32_t)t->len;
    trace_puts(t, ", ");
    t->arg_start[1] = (uint32_t)t->len;
    trace_putc(t, '[');
    for (n = 0; argv[n]; n++) {
        if (n)
            trace_puts(t, ", ");
        if (n >= g_max_strlen) {
            trace_puts(t, "...");
            break;
        }
        print_quoted(t, argv[n], strlen(argv[n]) < g_max_strlen ? strlen(argv[n]) : g_max_strlen);
        if (strlen(argv[n]) > g_max_strlen)
            trace_puts(t, "...");
    }
    trace_putc(t, ']');
    t->arg_end[1] = (uint32_t)t->len;
    trace_puts(t, ", ");
    t->arg_start[2] = (uint32_t)t->len;
    for (n = 0; envp[n]; n++)
        ;
    print_addr(t, exec->envp);
    trace_printf(t, " /* %u var%s */", n, n == 1 ? "" : "s");
    t->arg_end[2] = (uint32_t)t->len;
    trace_putc(t, ')');
    if (g_opts.summary)
        trace_summary_count(t);
    if (!g_opts.lines || !(g_opts.status & TRACE_STATUS_SUCCESSFUL)) {
        /* -c, or only failures asked for */
    } else if (g_opts.json) {
        t->initial_path = exec->path;
        t->initial_argv = argv;
        t->initial_envp = envp;
        trace_json_syscall(t, false);
        t->initial_path = NULL;
    } else {
        g_trace_nprocs = 1;
        trace_emit_exit(t);
    }
    t->len = 0;
    return 0;
}

void trace_finish(void) {
    if (g_opts.summary && g_opts.json)
        trace_summary_print_json(trace_output_file(NULL));
    else if (g_opts.summary)
        trace_summary_print(trace_output_file(NULL));
    trace_flush();
}

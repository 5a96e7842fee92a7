/*
 * trace_output.h: where trace lines go, and how they are laid out: the
 * [pid N] prefix, timestamps, the result column, and the split of a call
 * whose exit comes after another thread's line.
 */
#ifndef TRACE_OUTPUT_H
#define TRACE_OUTPUT_H

#include "trace.h"

struct trace_output_options {
    int fd;             /* -o FILE, else a copy of stderr */
    const char* path;   /* -o FILE: every line has the "PID " prefix; NULL:
                           stderr */
    unsigned column;    /* -a: where " = " goes */
    int timestamps;     /* -t: 1 seconds, 2 microseconds, 3 epoch */
    bool show_time;     /* -T: the time spent in the call */
    bool fd_paths;      /* -y */
    bool show_layer;    /* --show-layer: [shim], [host] or [enosys] */
};

/* Take O (its fd is the output's from now on).  0 or -errno. */
int trace_output_init(const struct trace_output_options* o);
/* Whether some of the trace could not be written (reported already). */
bool trace_output_failed(void);

/* A call's entry part, now in T's line, goes out (the line stays open). */
void trace_emit_entry(struct tcb* t);
/* The call's exit: T's line holds the rest of the arguments; the result is
 * appended and the line ends, with "<... NAME resumed>" first if another
 * line came in between. */
void trace_emit_exit(struct tcb* t);
/* A line of its own (a signal, an exit): T's line holds its text. */
void trace_emit_line(struct tcb* t);
/* The entry of a call that never returns to the trace (exit_group, a
 * thread killed in a call): " = ?" or " <unfinished ...>". */
void trace_emit_unfinished(struct tcb* t);
/* -k: T's stack, after its call's line. */
void trace_emit_stack(struct tcb* t);
/* Write out whatever the output holds: before the tracer waits for the
 * program (the PAL's wait upcall), and at the end. */
void trace_flush(void);
/* The output as a stream, to write whole lines to (--json, -c). */
FILE* trace_output_file(void);

/* -y: " <path>" of T's descriptor FD. */
void trace_fd_path(struct tcb* t, int fd);

/* How many traced threads there are: with more than one, lines written to
 * stderr get "[pid N] " prefixes. */
extern unsigned g_trace_nprocs;

#endif /* TRACE_OUTPUT_H */

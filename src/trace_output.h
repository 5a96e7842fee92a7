/*
 * trace_output.h: where trace lines go, and how they are laid out: the
 * [pid N] prefix, timestamps, the result column, and the split of a call
 * whose exit comes after another thread's line.
 */
#ifndef TRACE_OUTPUT_H
#define TRACE_OUTPUT_H

#include "trace.h"

/* -t, --absolute-timestamps: what starts each line */
enum trace_timestamps {
    TRACE_TS_NONE,
    TRACE_TS_TIME, /* the time of day, 18:19:36 */
    TRACE_TS_UNIX, /* seconds since the epoch */
};

/* -y, -yy, --decode-fds: what follows a descriptor's number */
#define TRACE_FDS_PATH   0x1 /* 3</etc/hostname>, 4<pipe:[123]> */
#define TRACE_FDS_SOCKET 0x2 /* 5<TCP:[127.0.0.1:80->127.0.0.1:4242]> */
#define TRACE_FDS_DEV    0x4 /* 0</dev/null<char 1:3>> */
#define TRACE_FDS_PIDFD  0x8 /* 9<pid:1234> */
#define TRACE_FDS_ALL    0xf

struct trace_output_options {
    int fd;             /* -o FILE, else a copy of stderr (with -ff: stderr,
                           where the -c summary goes) */
    const char* path;   /* -o FILE, or NULL: every line in a file that
                           several threads share has the "PID " prefix */
    bool separately;    /* -ff: thread TID's lines in PATH.TID */
    unsigned column;    /* -a: where " = " goes */
    enum trace_timestamps timestamps;
    int timestamp_digits; /* of the second's fraction: 0, 3, 6 or 9 */
    bool show_time;     /* -T: the time spent in the call */
    int time_digits;    /* -T's fraction of a second: 0, 3, 6 or 9 */
    unsigned decode_fds; /* TRACE_FDS_* */
    bool show_layer;    /* --show-layer: [shim], [checked], [host] or [enosys] */
};

/* Take O (its fd is the output's from now on).  0 or -errno. */
int trace_output_init(const struct trace_output_options* o);

/* Where thread TID's lines go (tcb.out): the trace's one output, or with
 * -ff its own file, created now (if it cannot be, that is reported as a
 * write error and its lines are dropped). */
struct trace_out* trace_output_attach(pid_t tid);
/* The thread whose lines went to O is gone: -ff closes its file. */
void trace_output_detach(struct trace_out* o);
/* Write out whatever any output holds: before the tracer waits for the
 * program (the PAL's wait upcall), and at the end. */
void trace_flush(void);
/* Whether some of the trace could not be written (reported already). */
bool trace_output_failed(void);
/* T's output as a stream, to write whole lines to (--json, the -c
 * summary: T NULL). */
FILE* trace_output_file(const struct tcb* t);

/* A call's entry part, now in T's line, goes out (the line stays open). */
void trace_emit_entry(struct tcb* t);
/* The call's exit: T's line holds the rest of the arguments; the result is
 * appended and the line ends, with "<... NAME resumed>" first if another
 * line came in between. */
void trace_emit_exit(struct tcb* t);
/* T, whose entry may be the open line, now has the ID TID (an execve
 * made by a thread that was not the leader). */
void trace_emit_pid_changed(struct tcb* t, pid_t tid);
/* A line of its own (a signal, an exit): T's line holds its text. */
void trace_emit_line(struct tcb* t);
/* The entry of a call that never returns to the trace (exit_group, a
 * thread killed in a call): " = ?" or " <unfinished ...>". */
void trace_emit_unfinished(struct tcb* t);
/* -k: T's stack, after its call's line. */
void trace_emit_stack(struct tcb* t);

/* -y, -yy: "<path>" (or what else --decode-fds asks for) of T's
 * descriptor FD; "<dir>" of its current directory after AT_FDCWD. */
void trace_fd_path(struct tcb* t, int fd);
void trace_cwd_path(struct tcb* t);

/* print_fd.c: the same for the fd kinds of SET (TRACE_FDS_*). */
void print_fd_decoration(struct tcb* t, int fd, unsigned set);
void print_cwd_decoration(struct tcb* t, unsigned set);

/* How many traced threads there are: with more than one, lines written to
 * stderr get "[pid N] " prefixes. */
extern unsigned g_trace_nprocs;

#endif /* TRACE_OUTPUT_H */

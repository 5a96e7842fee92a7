/*
 * fuzz_lines.h: is a trace well formed?  A reader of ptshim's output, strict
 * about what strace's format allows, for the decoder's fuzz test:
 *
 *   [PID |[pid N] ][TIME ]NAME(ARG, ARG...) = RESULT[ (NOTE)][ <T>][ [LAYER]]
 *   ... NAME(ARG,  <unfinished ...>            (another thread came between)
 *   ... <... NAME resumed>ARG...) = RESULT     (and its end)
 *   ... NAME(ARG,  <unfinished ...>) = ?       (the thread ended in the call)
 *   ... --- SIGNAME {siginfo} ---
 *   ... +++ exited with N +++, +++ killed by SIGNAME[ (core dumped)] +++
 *    > frame                                   (-k)
 *
 * In an argument, every byte is printable ASCII; strings are quoted with
 * strace's escapes; brackets, braces and parentheses pair up; no element is
 * empty ("[, x]", "x=,"); comments are closed.  --json lines are checked as
 * JSON, and the call text they hold as above.
 */
#ifndef FUZZ_LINES_H
#define FUZZ_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* What the trace was printed with. */
struct fuzz_layout {
    bool to_file;    /* -o: "PID " before each line */
    bool pid_prefix; /* several threads on stderr: "[pid N] " */
    int timestamps;  /* -t 1, -tt 2, -ttt 3 */
    bool show_time;  /* -T */
    bool show_layer; /* --show-layer */
};

/* One call, its two parts joined when it was split. */
struct fuzz_call {
    pid_t pid; /* from the prefix; 0 without one */
    char name[48];
    int nargs;       /* top-level arguments printed */
    bool unfinished; /* the thread ended in it: "<unfinished ...>) = ?" */
    bool failed;     /* "= -1 ..." or "= ? ERESTART..." */
    size_t len;      /* of both parts */
};

#define FUZZ_MAX_CALLS 8

struct fuzz_lines {
    struct fuzz_layout layout;
    /* what was read: the calls, and the other lines */
    struct fuzz_call calls[FUZZ_MAX_CALLS];
    int ncalls;
    int nsignals, nexits, nframes;
    /* calls whose first part is out, waiting for "<... resumed>" */
    struct {
        pid_t pid;
        char* text;
        size_t len;
    } open[4];
    int nopen;
    char err[256]; /* why the output is not well formed */
};

void fuzz_lines_reset(struct fuzz_lines* l, const struct fuzz_layout* layout);
/* Read the text trace in BUF (whole lines); 0, or -1 with L->err set. */
int fuzz_lines_text(struct fuzz_lines* l, const char* buf, size_t len);
/* The end of the output: no call may be left open.  0 or -1. */
int fuzz_lines_end(struct fuzz_lines* l);

/* One --json object. */
struct fuzz_json {
    char type[16]; /* "syscall", "signal", "exit", "killed" */
    char name[48];
    int nargs;
    bool unfinished;
    char err[256];
};

/* Check the --json lines in BUF, each a JSON object as trace_json.c
 * describes; for "syscall" objects, their "text" and each argument's text
 * as fuzz_lines_text() would.  CB sees each object read.  0, or -1 with
 * ERR (256 bytes) set. */
int fuzz_lines_json(const char* buf, size_t len, void (*cb)(void* arg, const struct fuzz_json* j),
                    void* arg, char* err);

/* A fragment of trace text on its own (an argument): 0 when balanced and
 * clean, with the number of its top-level commas in *COMMAS. */
int fuzz_lines_fragment(const char* s, size_t len, int* commas, char* err);

#endif /* FUZZ_LINES_H */

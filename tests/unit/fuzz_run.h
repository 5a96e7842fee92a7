/*
 * fuzz_run.h: the trace's hooks driven as the tracer drives them (entry,
 * exit, abandon, signal, thread exit), over the made-up tracee of
 * fuzz_tracee.h, with the trace written to memory.
 */
#ifndef FUZZ_RUN_H
#define FUZZ_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "pal.h"

/* The trace options of a run: those of the command line that change what
 * the decoder and the layout print. */
struct fuzz_opts {
    bool json;           /* --json */
    unsigned strlen_max; /* -s */
    bool to_file;        /* -o */
    bool fd_paths;       /* -y */
    bool show_time;      /* -T */
    bool show_layer;     /* --show-layer */
    bool stack;          /* -k */
    bool summary;        /* -C */
    unsigned column;     /* -a */
    int timestamps;      /* -t, -tt, -ttt */
    int quiet;           /* -q, -qq */
    unsigned status;     /* -e status=: TRACE_STATUS_* */
    unsigned nthreads;   /* DkThreadCount() */
};

/* How a call ends. */
enum fuzz_ending {
    FUZZ_EXIT,        /* it returns */
    FUZZ_ABANDON,     /* a signal came first: it is made again later */
    FUZZ_THREAD_EXIT, /* the thread ends in it */
};

/* One call of one thread. */
struct fuzz_plan {
    int thread; /* 0 or 1: thread IDs 1001, 1002 */
    PAL_NUM sysno;
    PAL_NUM args[PAL_SYSCALL_ARGS];
    PAL_NUM sp;
    enum fuzz_ending ending;
    long ret;
    const char* layer;
    int status;     /* FUZZ_THREAD_EXIT: the wait status */
    bool signal_in; /* a signal comes while it runs */
};

/* The trace so far: g_fuzz_out_len bytes at g_fuzz_out. */
extern char* g_fuzz_out;
extern size_t g_fuzz_out_len;

/* Start a run: the trace emptied, O in force. */
void fuzz_run_start(const struct fuzz_opts* o);
pid_t fuzz_tid(int thread);
struct pal_event fuzz_event(const struct fuzz_plan* p, enum pal_event_type type);
void fuzz_entry(const struct fuzz_plan* p);
/* P's call ends as P->ending says. */
void fuzz_end(const struct fuzz_plan* p);
/* The trace, flushed and NUL-terminated. */
const char* fuzz_output(void);

#endif /* FUZZ_RUN_H */

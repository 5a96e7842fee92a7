/*
 * fuzz_run.c: the trace's hooks as the tracer calls them (see fuzz_run.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "decode.h"
#include "fuzz_run.h"
#include "fuzz_tracee.h"
#include "trace.h"
#include "trace_output.h"

char* g_fuzz_out;
size_t g_fuzz_out_len;
static size_t g_out_cap;
static int g_out_fd = -1; /* the trace's output: a memory file */

static ssize_t out_write(const char* buf, size_t n) {
    if (g_fuzz_out_len + n > g_out_cap) {
        size_t cap = g_out_cap ? g_out_cap : 1 << 16;
        char* p;

        while (cap < g_fuzz_out_len + n)
            cap *= 2;
        if (!(p = realloc(g_fuzz_out, cap)))
            return -1;
        g_fuzz_out = p;
        g_out_cap = cap;
    }
    memcpy(g_fuzz_out + g_fuzz_out_len, buf, n);
    g_fuzz_out_len += n;
    return (ssize_t)n;
}

void fuzz_run_start(const struct fuzz_opts* o) {
    struct trace_options to;
    struct trace_output_options oo;

    /* a new one each run: trace_output_init() takes it, and closes the
     * last one */
    g_out_fd = memfd_create("fuzz-trace", MFD_CLOEXEC);
    if (g_out_fd < 0) {
        perror("memfd_create");
        exit(99);
    }
    g_fuzz_out_len = 0;
    memset(&to, 0, sizeof(to));
    trace_filter_defaults(&to);
    to.enabled = true;
    to.lines = true;
    to.json = o->json;
    to.summary = o->summary;
    to.status = o->status;
    to.quiet = o->quiet >= 2 ? TRACE_QUIET_EXIT : 0;
    to.stack = o->stack;
    trace_init(&to);
    oo = (struct trace_output_options){
        .fd = g_out_fd,
        .path = o->to_file ? "fuzz-trace" : NULL,
        .column = o->column,
        .timestamps = o->timestamps >= 3 ? TRACE_TS_UNIX
                      : o->timestamps    ? TRACE_TS_TIME
                                         : TRACE_TS_NONE,
        .timestamp_digits = o->timestamps >= 2 ? 6 : 0,
        .show_time = o->show_time,
        .time_digits = 6,
        .decode_fds = o->fd_paths ? TRACE_FDS_PATH : 0,
        .show_layer = o->show_layer,
    };
    if (trace_output_init(&oo) < 0) {
        perror("trace_output_init");
        exit(99);
    }
    g_max_strlen = o->strlen_max;
    g_tracee.nthreads = o->nthreads ? o->nthreads : 1;
}

pid_t fuzz_tid(int thread) {
    return 1001 + thread;
}

struct pal_event fuzz_event(const struct fuzz_plan* p, enum pal_event_type type) {
    struct pal_event ev = {
        .type = type,
        .thread = fuzz_thread(p->thread),
        .tid = fuzz_tid(p->thread),
        .sysno = p->sysno,
        .sp = p->sp,
    };

    memcpy(ev.args, p->args, sizeof(ev.args));
    return ev;
}

void fuzz_entry(const struct fuzz_plan* p) {
    struct pal_event ev = fuzz_event(p, PAL_EVENT_SYSCALL);

    trace_syscall_entry(&ev);
}

void fuzz_end(const struct fuzz_plan* p) {
    struct pal_event ev = fuzz_event(p, PAL_EVENT_SYSCALL);

    switch (p->ending) {
    case FUZZ_EXIT:
        trace_syscall_exit(&ev, p->ret, p->layer);
        break;
    case FUZZ_ABANDON:
        trace_syscall_abandoned(&ev);
        break;
    case FUZZ_THREAD_EXIT:
        /* as the tracer: its end at its exit stop, then its reaping */
        ev = fuzz_event(p, PAL_EVENT_EXITING);
        ev.status = p->status;
        trace_thread_exit(&ev);
        ev.type = PAL_EVENT_EXIT;
        ev.exiting_seen = true;
        trace_thread_gone(&ev);
        break;
    }
}

const char* fuzz_output(void) {
    char buf[1 << 16];
    off_t off = (off_t)g_fuzz_out_len;
    ssize_t n;

    trace_flush();
    /* what was written since the last call */
    while ((n = pread(g_out_fd, buf, sizeof(buf), off)) > 0) {
        if (out_write(buf, (size_t)n) < 0) {
            perror("realloc");
            exit(99);
        }
        off += n;
    }
    out_write("", 1);
    g_fuzz_out_len--;
    return g_fuzz_out;
}

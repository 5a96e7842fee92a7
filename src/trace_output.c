/*
 * trace_output.c: laying out and writing trace lines as strace does.
 *
 * Only one line of an output is open at a time: the entry of the call
 * whose thread printed last.  When another thread's line comes first, the
 * open line ends with " <unfinished ...>" and the call's exit later starts
 * a line of its own with "<... NAME resumed>".
 *
 * When lines are written: the user must see the entry of a call that
 * blocks while it blocks, and a trace cut short (ptshim killed) must hold
 * every line made.  So nothing stays in a buffer while the tracer waits
 * for the program (trace_flush, the PAL's wait upcall): a call the host
 * runs has its entry out before it can block, and the lines of the calls
 * served since the last wait go out in one write.  Lines to stderr go out
 * as they end too: the user may be watching them mixed with the program's
 * own output.
 *
 * Where they go: -o FILE, stderr, or with -ff one FILE.TID per thread, as
 * strace's.  Writes are retried as long as they can succeed (a signal, a
 * non-blocking descriptor shared with the program); one that fails for
 * good (a full disk) is reported once, nothing more goes to that output,
 * and trace_output_failed() says so for ptshim's exit status.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "decode.h"
#include "die.h"
#include "pal_log.h"
#include "shim.h"
#include "trace_output.h"

unsigned g_trace_nprocs;

/* One place trace lines go. */
struct trace_out {
    FILE* f;
    int fd;
    char* name;          /* in messages: the file's path */
    bool failed;         /* a write failed: nothing more is written */
    bool line_buffered;  /* stderr: each line out as it ends */
    bool pending;        /* written to since it was last flushed */
    struct trace_out* next_pending;
    unsigned column;       /* of the line being written */
    struct tcb* open_line; /* whose entry is out without its end */
};

static struct trace_output_options g_out;
static struct trace_out g_shared;   /* -o FILE or stderr; with -ff, stderr */
static struct trace_out g_dropped;  /* -ff: a thread whose file could not be made */
static struct trace_out* g_pending; /* the outputs to flush before a wait */
static bool g_failed;               /* some of the trace was lost */

static void out_failed(struct trace_out* o, int err) {
    o->failed = true;
    /* once: with -ff every file of a full disk fails alike */
    if (!g_failed)
        log_error("%s: %s", o->name, strerror(err));
    g_failed = true;
}

/* stdio's write: all of it, unless the output fails for good.  What
 * cannot be written is dropped, so that stdio never holds it. */
static ssize_t cookie_write(void* cookie, const char* buf, size_t size) {
    struct trace_out* o = cookie;
    size_t done = 0;

    while (done < size && !o->failed) {
        ssize_t n = write(o->fd, buf + done, size - done);

        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == EAGAIN) {
            /* the program made a descriptor it shares with us
             * non-blocking: wait until the line fits */
            struct pollfd p = {.fd = o->fd, .events = POLLOUT};

            if (poll(&p, 1, -1) < 0 && errno != EINTR)
                out_failed(o, errno);
        } else {
            out_failed(o, n < 0 ? errno : EIO);
        }
    }
    return (ssize_t)size;
}

static int cookie_close(void* cookie) {
    struct trace_out* o = cookie;

    /* a file system may report a failed write only now (NFS) */
    if (o->fd >= 0 && close(o->fd) < 0 && errno != EINTR && !o->failed)
        out_failed(o, errno);
    return 0;
}

/* O's stream on its descriptor FD (-1: dropped), named NAME in messages.
 * 0 or -errno. */
static int out_open(struct trace_out* o, int fd, char* name) {
    static const cookie_io_functions_t io = {.write = cookie_write, .close = cookie_close};

    memset(o, 0, sizeof(*o));
    o->fd = fd;
    o->name = name;
    o->failed = fd < 0;
    o->f = fopencookie(o, "w", io);
    if (!o->f)
        return -errno;
    /* lines are flushed before each wait: the buffer only has to hold
     * what is made in between */
    setvbuf(o->f, NULL, _IOFBF, 1 << 16);
    return 0;
}

int trace_output_init(const struct trace_output_options* o) {
    char* name = strdup(o->path && !o->separately ? o->path : "stderr");
    int ret;

    if (!name)
        return -ENOMEM;
    if (g_shared.f) {
        /* taken again (the unit tests): the last output is done */
        trace_flush();
        fclose(g_shared.f);
        free(g_shared.name);
    }
    g_out = *o;
    ret = out_open(&g_shared, o->fd, name);
    if (ret < 0)
        return ret;
    g_shared.line_buffered = !o->path || o->separately;
    return 0;
}

struct trace_out* trace_output_attach(pid_t tid) {
    struct trace_out* o;
    char* name;
    int fd;

    if (!g_out.separately)
        return &g_shared;
    /* strace -ff: FILE.PID, PID being the thread's ID */
    if (asprintf(&name, "%s.%d", g_out.path, (int)tid) < 0)
        die("out of memory");
    fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        int err = errno;

        if (!g_dropped.f && out_open(&g_dropped, -1, NULL) < 0)
            die("out of memory");
        g_dropped.name = name;
        out_failed(&g_dropped, err);
        g_dropped.name = NULL;
        free(name);
        return &g_dropped;
    }
    o = malloc(sizeof(*o));
    if (!o || out_open(o, fd, name) < 0)
        die("out of memory");
    return o;
}

void trace_output_detach(struct trace_out* o) {
    struct trace_out** p;

    if (o == &g_shared || o == &g_dropped)
        return;
    for (p = &g_pending; *p; p = &(*p)->next_pending)
        if (*p == o) {
            *p = o->next_pending;
            break;
        }
    fclose(o->f);
    free(o->name);
    free(o);
}

void trace_flush(void) {
    struct trace_out* o;

    while ((o = g_pending)) {
        g_pending = o->next_pending;
        o->pending = false;
        fflush(o->f);
    }
}

bool trace_output_failed(void) {
    return g_failed;
}

static void out_pending(struct trace_out* o) {
    if (!o->pending) {
        o->pending = true;
        o->next_pending = g_pending;
        g_pending = o;
    }
}

FILE* trace_output_file(const struct tcb* t) {
    struct trace_out* o = t ? t->out : &g_shared;

    /* the caller writes to it */
    out_pending(o);
    return o->f;
}

static void out_write(struct trace_out* o, const char* s, size_t len) {
    fwrite(s, 1, len, o->f);
    out_pending(o);
    for (size_t i = 0; i < len; i++)
        o->column = s[i] == '\n' ? 0 : o->column + 1;
}

static void out_printf(struct trace_out* o, const char* fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void out_printf(struct trace_out* o, const char* fmt, ...) {
    char buf[128];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > 0)
        out_write(o, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

static void end_line(struct trace_out* o) {
    out_write(o, "\n", 1);
    if (o->line_buffered)
        fflush(o->f);
}

/* ".123456": DIGITS (0, 3, 6 or 9) of a second's fraction, as strace's
 * precision:s, ms, us, ns */
static void print_fraction(struct trace_out* o, long nsec, int digits) {
    static const long div[] = {1000000000, 100000000, 10000000, 1000000, 100000,
                               10000,      1000,      100,      10,      1};

    if (digits > 0) {
        /* cppcheck-suppress arrayIndexOutOfBoundsCond ; DIGITS is 0, 3, 6 or 9 (options.c), within DIV */
        out_printf(o, ".%0*ld", digits, nsec / div[digits]);
    }
}

static void leader(const struct tcb* t) {
    struct trace_out* o = t->out;

    /* strace: "PID " in a file that several threads share, "[pid N] " on
     * stderr once there are several; nothing in a file of one thread */
    if (g_out.path && !g_out.separately)
        out_printf(o, "%-5d ", t->tid);
    else if (!g_out.path && g_trace_nprocs > 1)
        out_printf(o, "[pid %5d] ", t->tid);
    if (g_out.timestamps != TRACE_TS_NONE) {
        struct timespec ts;

        clock_gettime(CLOCK_REALTIME, &ts);
        if (g_out.timestamps == TRACE_TS_UNIX) {
            out_printf(o, "%lld", (long long)ts.tv_sec);
        } else {
            struct tm tm;
            char hms[16];

            localtime_r(&ts.tv_sec, &tm);
            strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
            out_printf(o, "%s", hms);
        }
        print_fraction(o, ts.tv_nsec, g_out.timestamp_digits);
        out_write(o, " ", 1);
    }
}

/* End the open line of O unless it is T's: that call's end comes later. */
static void close_open_line(struct trace_out* o, const struct tcb* t) {
    if (o->open_line && o->open_line != t) {
        out_write(o, " <unfinished ...>", 17);
        end_line(o);
        o->open_line = NULL;
    }
}

static void take_buf(struct tcb* t) {
    out_write(t->out, t->buf, t->len);
    t->len = 0;
}

void trace_emit_entry(struct tcb* t) {
    close_open_line(t->out, t);
    leader(t);
    take_buf(t);
    t->out->open_line = t;
    t->entry_out = true;
}

/* The continuation of T's call: on the open line, or on a new one. */
static void resume_line(struct tcb* t) {
    struct trace_out* o = t->out;

    if (t->entry_out && o->open_line == t)
        return;
    /* -ff: the thread's file ends with its entry, or with a line of its
     * own after which strace goes on without a word (but after an
     * execve by another thread, whose file this was) */
    if (g_out.separately && t->entry_out && !t->reprint)
        return;
    t->reprint = false;
    close_open_line(o, t);
    leader(t);
    /* the name the entry printed */
    if (t->entry_out)
        out_printf(o, "<... %s resumed>", trace_call_name(t));
}

/* The kernel's restart codes, which a program never sees: strace prints
 * "= ? ERESTARTSYS (...)" for these four only; the other kernel-internal
 * codes (ENOTSUPP, EIOCBQUEUED, ...) can reach a program and print as
 * errors. */
static bool is_restart(int err) {
    return err == 512 || err == 513 || err == 514 || err == 516;
}

/* strace's note on a call -e inject= tampered with */
static void print_injected(const struct tcb* t) {
    struct trace_out* o = t->out;

    if ((t->tampered & SHIM_TAMPERED_RETVAL) && (t->tampered & SHIM_TAMPERED_ARGS))
        out_printf(o, " (INJECTED: args, retval)");
    else if (t->tampered & SHIM_TAMPERED_ARGS)
        out_printf(o, " (INJECTED: args)");
    else if (t->tampered & SHIM_TAMPERED_RETVAL)
        out_printf(o, " (INJECTED)");
    if (t->tampered & SHIM_TAMPERED_DELAYED)
        out_printf(o, " (DELAYED)");
}

static void print_result_value(struct tcb* t);

static void print_result(struct tcb* t) {
    print_result_value(t);
    if (t->tampered)
        print_injected(t);
}

static void print_result_value(struct tcb* t) {
    struct trace_out* o = t->out;
    const char* name;
    long ret = t->ret;

    if (syserror(t)) {
        int err = (int)-ret;

        name = xlat_name(&xlat_errno, (uint64_t)err);
        if (is_restart(err)) {
            /* the call will be restarted or fail with EINTR */
            const char* msg = NULL;

            for (size_t i = 0; i < xlat_errno.n; i++)
                if (xlat_errno.e[i].val == (uint64_t)err)
                    msg = xlat_errno.e[i].msg;
            out_printf(o, "= ? %s", name ? name : "ERESTART???");
            if (msg)
                out_printf(o, " (%s)", msg);
        } else if (name) {
            out_printf(o, "= -1 %s (%s)", name, strerror(err));
        } else {
            out_printf(o, "= -1 (errno %d)", err);
        }
        return;
    }
    if (t->rval_xlat && t->rval_xlat->kind == XLAT_BITS && ret) {
        out_printf(o, "= %#lx (%s ", ret, t->rval_label ? t->rval_label : "flags");
        print_flags(t, t->rval_xlat, (uint64_t)ret);
        trace_putc(t, ')');
        take_buf(t);
        return;
    }
    if (t->rval_xlat && t->rval_xlat->kind == XLAT_ENUM) {
        out_printf(o, t->rval_hex ? "= %#lx (" : "= %ld (", ret);
        if (t->rval_xlat == &xlat_signals)
            print_signo(t, (int)ret);
        else
            print_enum(t, t->rval_xlat, (uint64_t)ret, NULL);
        trace_putc(t, ')');
        take_buf(t);
        return;
    }
    if (t->rval_note) {
        if (t->s && t->s->ret == SD_RET_HEX)
            out_printf(o, "= %#lx", ret);
        else
            out_printf(o, "= %ld", ret);
        /* a note may have nothing to say (time() past any date) */
        t->rval_note(t);
        if (t->len)
            out_write(o, " ", 1);
        take_buf(t);
        return;
    }
    switch (t->s ? t->s->ret : SD_RET_LONG) {
    case SD_RET_HEX:
    case SD_RET_PTR:
        out_printf(o, "= %#lx", (unsigned long)ret);
        break;
    case SD_RET_OCTAL:
        out_printf(o, "= %#03lo", (unsigned long)ret);
        break;
    case SD_RET_SIGNO:
        out_printf(o, "= %ld (", ret);
        print_signo(t, (int)ret);
        trace_putc(t, ')');
        take_buf(t);
        break;
    case SD_RET_NORETURN:
        /* exit's value, when -e inject= made it return one */
        if (t->tampered)
            out_printf(o, "= %ld", ret);
        else
            out_printf(o, "= ?");
        break;
    case SD_RET_FD:
        out_printf(o, "= %ld", ret);
        if (g_out.decode_fds) {
            trace_fd_path(t, (int)ret);
            take_buf(t);
        }
        break;
    default:
        out_printf(o, "= %ld", ret);
        break;
    }
}

static void pad_to_column(struct trace_out* o) {
    if (o->column < g_out.column) {
        static const char spaces[] = "                                        ";

        while (o->column < g_out.column) {
            size_t n = g_out.column - o->column;

            out_write(o, spaces, n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1);
        }
    }
}

static void print_duration(const struct tcb* t) {
    struct trace_out* o = t->out;
    struct timespec now;
    long long ns;

    clock_gettime(CLOCK_MONOTONIC, &now);
    ns = (now.tv_sec - t->start.tv_sec) * 1000000000LL + (now.tv_nsec - t->start.tv_nsec);
    out_printf(o, " <%lld", ns / 1000000000LL);
    print_fraction(o, (long)(ns % 1000000000LL), g_out.time_digits);
    out_write(o, ">", 1);
}

void trace_emit_exit(struct tcb* t) {
    struct trace_out* o = t->out;

    resume_line(t);
    take_buf(t);
    out_write(o, " ", 1);
    pad_to_column(o);
    print_result(t);
    if (g_out.show_time)
        print_duration(t);
    if (g_out.show_layer && t->layer)
        out_printf(o, " [%s]", t->layer);
    end_line(o);
    o->open_line = NULL;
    t->entry_out = false;
}

void trace_emit_unfinished(struct tcb* t) {
    struct trace_out* o = t->out;

    resume_line(t);
    take_buf(t);
    out_write(o, " ", 1);
    pad_to_column(o);
    out_write(o, "= ?", 3);
    end_line(o);
    o->open_line = NULL;
    t->entry_out = false;
}

void trace_emit_pid_changed(struct tcb* t, pid_t tid) {
    struct trace_out* o = t->out;

    if (o->open_line == t) {
        out_printf(o, " <pid changed to %d ...>", tid);
        end_line(o);
        o->open_line = NULL;
    }
}

void trace_emit_line(struct tcb* t) {
    close_open_line(t->out, NULL);
    leader(t);
    take_buf(t);
    end_line(t->out);
}

void trace_fd_path(struct tcb* t, int fd) {
    print_fd_decoration(t, fd, g_out.decode_fds);
}

void trace_cwd_path(struct tcb* t) {
    print_cwd_decoration(t, g_out.decode_fds);
}

/* A frame's file or symbol name: the program's own (the files it mapped,
 * the symbols they hold), so any byte but NUL; those that could break or
 * forge a line are escaped as -y escapes a path's (print_fd.c). */
static void out_name(struct trace_out* o, const char* s) {
    size_t len = strlen(s), i = 0;

    while (i < len) {
        size_t n = 0;

        while (i + n < len && (unsigned char)s[i + n] >= ' ' && (unsigned char)s[i + n] < 0x7f &&
               s[i + n] != '\\')
            n++;
        out_write(o, s + i, n);
        i += n;
        if (i < len)
            out_printf(o, "\\x%02x", (unsigned char)s[i++]);
    }
}

/* -k: " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]",
 * one line per frame, the offset in brackets being in the file */
void trace_emit_stack(struct tcb* t) {
    struct trace_out* o = t->out;

    if (t->nframes < 0) {
        out_printf(o, " > (no stack: %s)", strerror(-t->nframes));
        end_line(o);
        return;
    }
    for (int i = 0; i < t->nframes; i++) {
        const struct pal_frame* f = &t->frames[i];

        /* names can be long (C++): written, not formatted */
        out_write(o, " > ", 3);
        if (!f->path) {
            out_printf(o, "?() [%#llx]", (unsigned long long)f->pc);
        } else {
            out_name(o, f->path);
            out_write(o, "(", 1);
            if (f->symbol) {
                out_name(o, f->symbol);
                out_printf(o, "+%#llx", (unsigned long long)f->symbol_offset);
            }
            out_printf(o, ") [%#llx]", (unsigned long long)f->offset);
        }
        end_line(o);
    }
}

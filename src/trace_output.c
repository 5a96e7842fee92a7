/*
 * trace_output.c: laying out and writing trace lines as strace does.
 *
 * Only one line is open at a time: the entry of the call whose thread
 * printed last.  When another thread's line comes first, the open line
 * ends with " <unfinished ...>" and the call's exit later starts a line of
 * its own with "<... NAME resumed>".
 *
 * When lines are written: the user must see the entry of a call that
 * blocks while it blocks, and a trace cut short (ptshim killed) must hold
 * every line made.  So nothing stays in the buffer while the tracer waits
 * for the program (trace_flush, the PAL's wait upcall): a call the host
 * runs has its entry out before it can block, and the lines of the calls
 * served since the last wait go out in one write.  Lines to stderr go out
 * as they end too: the user may be watching them mixed with the program's
 * own output.
 *
 * Writes are retried as long as they can succeed (a signal, a
 * non-blocking descriptor shared with the program); one that fails for
 * good (a full disk) is reported once, nothing more goes to the output,
 * and trace_output_failed() says so for ptshim's exit status.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "decode.h"
#include "pal_log.h"
#include "shim.h"
#include "trace_output.h"

unsigned g_trace_nprocs;

/* The place trace lines go. */
struct trace_out {
    FILE* f;
    int fd;
    char* name;  /* in messages: the file's path */
    bool failed; /* a write failed: nothing more is written */
};

static struct trace_output_options g_out;
static struct trace_out g_shared;
static struct tcb* g_open_line; /* whose entry is out without its end */
static unsigned g_column;       /* of the line being written */
static bool g_pending;          /* written to since it was last flushed */
static bool g_failed;           /* some of the trace was lost */

static void out_failed(struct trace_out* o, int err) {
    o->failed = true;
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

/* O's stream on its descriptor FD, named NAME in messages.  0 or
 * -errno. */
static int out_open(struct trace_out* o, int fd, char* name) {
    static const cookie_io_functions_t io = {.write = cookie_write, .close = cookie_close};

    memset(o, 0, sizeof(*o));
    o->fd = fd;
    o->name = name;
    o->f = fopencookie(o, "w", io);
    if (!o->f)
        return -errno;
    /* lines are flushed before each wait: the buffer only has to hold
     * what is made in between */
    setvbuf(o->f, NULL, _IOFBF, 1 << 16);
    return 0;
}

int trace_output_init(const struct trace_output_options* o) {
    char* name = strdup(o->path ? o->path : "stderr");

    if (!name)
        return -ENOMEM;
    if (g_shared.f) {
        /* taken again (the unit tests): the last output is done */
        trace_flush();
        fclose(g_shared.f);
        free(g_shared.name);
    }
    g_out = *o;
    return out_open(&g_shared, o->fd, name);
}

bool trace_output_failed(void) {
    return g_failed;
}

FILE* trace_output_file(void) {
    /* the caller writes to it */
    g_pending = true;
    return g_shared.f;
}

void trace_flush(void) {
    if (g_pending) {
        g_pending = false;
        fflush(g_shared.f);
    }
}

static void out_write(const char* s, size_t len) {
    fwrite(s, 1, len, g_shared.f);
    g_pending = true;
    for (size_t i = 0; i < len; i++)
        g_column = s[i] == '\n' ? 0 : g_column + 1;
}

static void out_printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static void out_printf(const char* fmt, ...) {
    char buf[128];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > 0)
        out_write(buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

static void end_line(void) {
    out_write("\n", 1);
    /* stderr is the user watching: a line there is shown when it ends */
    if (!g_out.path)
        fflush(g_shared.f);
}

static void leader(const struct tcb* t) {
    if (g_out.path)
        out_printf("%-5d ", t->tid);
    else if (g_trace_nprocs > 1)
        out_printf("[pid %5d] ", t->tid);
    if (g_out.timestamps) {
        struct timespec ts;

        clock_gettime(CLOCK_REALTIME, &ts);
        if (g_out.timestamps >= 3) {
            out_printf("%lld.%06ld ", (long long)ts.tv_sec, ts.tv_nsec / 1000);
        } else {
            struct tm tm;
            char hms[16];

            localtime_r(&ts.tv_sec, &tm);
            strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
            if (g_out.timestamps == 2)
                out_printf("%s.%06ld ", hms, ts.tv_nsec / 1000);
            else
                out_printf("%s ", hms);
        }
    }
}

/* End another thread's open line: its call's end comes later. */
static void close_open_line(const struct tcb* t) {
    if (g_open_line && g_open_line != t) {
        out_write(" <unfinished ...>", 17);
        end_line();
        g_open_line = NULL;
    }
}

static void take_buf(struct tcb* t) {
    out_write(t->buf, t->len);
    t->len = 0;
}

void trace_emit_entry(struct tcb* t) {
    close_open_line(t);
    leader(t);
    take_buf(t);
    g_open_line = t;
    t->entry_out = true;
}

/* The continuation of T's call: on the open line, or on a new one. */
static void resume_line(struct tcb* t) {
    if (t->entry_out && g_open_line == t)
        return;
    close_open_line(t);
    leader(t);
    /* the name the entry printed */
    if (t->entry_out && t->s)
        out_printf("<... %s resumed>", t->s->name);
    else if (t->entry_out)
        out_printf("<... syscall_%#llx resumed>", (unsigned long long)t->sysno);
}

/* The kernel's restart codes, which a program never sees: strace prints
 * "= ? ERESTARTSYS (...)" for these four only; the other kernel-internal
 * codes (ENOTSUPP, EIOCBQUEUED, ...) can reach a program and print as
 * errors. */
static bool is_restart(int err) {
    return err == 512 || err == 513 || err == 514 || err == 516;
}

static void print_result(struct tcb* t) {
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
            out_printf("= ? %s", name ? name : "ERESTART???");
            if (msg)
                out_printf(" (%s)", msg);
        } else if (name) {
            out_printf("= -1 %s (%s)", name, strerror(err));
        } else {
            out_printf("= -1 %d (%s)", err, strerror(err));
        }
        return;
    }
    if (t->rval_xlat && t->rval_xlat->kind == XLAT_BITS && ret) {
        out_printf("= %#lx (%s ", ret, t->rval_label ? t->rval_label : "flags");
        print_flags(t, t->rval_xlat, (uint64_t)ret);
        trace_putc(t, ')');
        take_buf(t);
        return;
    }
    if (t->rval_xlat && t->rval_xlat->kind == XLAT_ENUM) {
        out_printf(t->rval_hex ? "= %#lx (" : "= %ld (", ret);
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
            out_printf("= %#lx", ret);
        else
            out_printf("= %ld", ret);
        /* a note may have nothing to say (time() past any date) */
        t->rval_note(t);
        if (t->len)
            out_write(" ", 1);
        take_buf(t);
        return;
    }
    switch (t->s ? t->s->ret : SD_RET_LONG) {
    case SD_RET_HEX:
    case SD_RET_PTR:
        out_printf("= %#lx", (unsigned long)ret);
        break;
    case SD_RET_OCTAL:
        out_printf("= %#03lo", (unsigned long)ret);
        break;
    case SD_RET_SIGNO:
        out_printf("= %ld (", ret);
        print_signo(t, (int)ret);
        trace_putc(t, ')');
        take_buf(t);
        break;
    case SD_RET_NORETURN:
        out_printf("= ?");
        break;
    case SD_RET_FD:
        out_printf("= %ld", ret);
        if (g_out.fd_paths) {
            trace_fd_path(t, (int)ret);
            take_buf(t);
        }
        break;
    default:
        out_printf("= %ld", ret);
        break;
    }
}

static void pad_to_column(void) {
    if (g_column < g_out.column) {
        static const char spaces[] = "                                        ";

        while (g_column < g_out.column) {
            size_t n = g_out.column - g_column;

            out_write(spaces, n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1);
        }
    }
}

static void print_duration(const struct tcb* t) {
    struct timespec now;
    long long ns;

    clock_gettime(CLOCK_MONOTONIC, &now);
    ns = (now.tv_sec - t->start.tv_sec) * 1000000000LL + (now.tv_nsec - t->start.tv_nsec);
    out_printf(" <%lld.%06lld>", ns / 1000000000LL, ns % 1000000000LL / 1000);
}

void trace_emit_exit(struct tcb* t) {
    resume_line(t);
    take_buf(t);
    out_write(" ", 1);
    pad_to_column();
    print_result(t);
    if (g_out.show_time)
        print_duration(t);
    if (g_out.show_layer && t->layer)
        out_printf(" [%s]", t->layer);
    end_line();
    g_open_line = NULL;
    t->entry_out = false;
}

void trace_emit_unfinished(struct tcb* t) {
    resume_line(t);
    take_buf(t);
    out_write(" ", 1);
    pad_to_column();
    out_write("= ?", 3);
    end_line();
    g_open_line = NULL;
    t->entry_out = false;
}

void trace_emit_line(struct tcb* t) {
    close_open_line(NULL);
    leader(t);
    take_buf(t);
    end_line();
}

void trace_fd_path(struct tcb* t, int fd) {
    char path[4096];
    long n;

    if (!g_out.fd_paths || fd < 0)
        return;
    n = shim_fd_name(t->thread, fd, path, sizeof(path));
    if (n <= 0)
        return;
    trace_putc(t, '<');
    for (long i = 0; i < n; i++) {
        /* strace escapes the path's unprintable bytes and the brackets */
        unsigned char c = (unsigned char)path[i];

        if (c < ' ' || c >= 0x7f || c == '<' || c == '>' || c == '\\')
            trace_printf(t, "\\x%02x", c);
        else
            trace_putc(t, (char)c);
    }
    trace_putc(t, '>');
}

/* A frame's file or symbol name: the program's own (the files it mapped,
 * the symbols they hold), so any byte but NUL; those that could break or
 * forge a line are escaped as -y escapes a path's. */
static void out_name(const char* s) {
    size_t len = strlen(s), i = 0;

    while (i < len) {
        size_t n = 0;

        while (i + n < len && (unsigned char)s[i + n] >= ' ' && (unsigned char)s[i + n] < 0x7f &&
               s[i + n] != '\\')
            n++;
        out_write(s + i, n);
        i += n;
        if (i < len)
            out_printf("\\x%02x", (unsigned char)s[i++]);
    }
}

/* -k: " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]",
 * one line per frame, the offset in brackets being in the file */
void trace_emit_stack(struct tcb* t) {
    if (t->nframes < 0) {
        out_printf(" > (no stack: %s)", strerror(-t->nframes));
        end_line();
        return;
    }
    for (int i = 0; i < t->nframes; i++) {
        const struct pal_frame* f = &t->frames[i];

        /* names can be long (C++): written, not formatted */
        out_write(" > ", 3);
        if (!f->path) {
            out_printf("?() [%#llx]", (unsigned long long)f->pc);
        } else {
            out_name(f->path);
            out_write("(", 1);
            if (f->symbol) {
                out_name(f->symbol);
                out_printf("+%#llx", (unsigned long long)f->symbol_offset);
            }
            out_printf(") [%#llx]", (unsigned long long)f->offset);
        }
        end_line();
    }
}

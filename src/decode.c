/*
 * decode.c: the generic argument printer, driven by the syscall-defs
 * tables, and the primitives the struct printers share.
 *
 * Strings are escaped as strace escapes them (C escapes for \t \n \v \f
 * \r \" \\, octal for other unprintable bytes, as short as the next byte
 * allows), so that a trace reads like strace's; libbsd's strnvis has a
 * different octal and meta-character style, and stays in diagnostics.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "decode.h"
#include "trace_output.h"

unsigned g_max_strlen = 32;

/* A path is printed whole, as strace does, up to the kernel's limit. */
#define PATH_LIMIT PATH_MAX

int tracee_read(struct tcb* t, PAL_NUM addr, void* buf, size_t len) {
    long n = DkVirtualMemoryRead(t->thread, addr, buf, len);

    return n == (long)len ? 0 : -EFAULT;
}

bool tracee_fetch(struct tcb* t, PAL_NUM addr, void* buf, size_t len) {
    if (tracee_read(t, addr, buf, len) == 0)
        return true;
    print_addr(t, addr);
    return false;
}

void print_addr(struct tcb* t, PAL_NUM addr) {
    if (addr)
        trace_printf(t, "%#llx", (unsigned long long)addr);
    else
        trace_puts(t, "NULL");
}

static bool is_octal_digit(char c) {
    return c >= '0' && c <= '7';
}

void print_quoted(struct tcb* t, const char* s, size_t len) {
    trace_putc(t, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        switch (c) {
        case '"':
        case '\\':
            trace_putc(t, '\\');
            trace_putc(t, (char)c);
            continue;
        case '\f':
            trace_puts(t, "\\f");
            continue;
        case '\n':
            trace_puts(t, "\\n");
            continue;
        case '\r':
            trace_puts(t, "\\r");
            continue;
        case '\t':
            trace_puts(t, "\\t");
            continue;
        case '\v':
            trace_puts(t, "\\v");
            continue;
        }
        if (c >= ' ' && c < 0x7f) {
            trace_putc(t, (char)c);
            continue;
        }
        /* \ooo, shortened unless an octal digit follows */
        trace_putc(t, '\\');
        if (i + 1 < len && is_octal_digit(s[i + 1])) {
            trace_putc(t, (char)('0' + (c >> 6)));
            trace_putc(t, (char)('0' + ((c >> 3) & 7)));
        } else {
            if (c >> 6)
                trace_putc(t, (char)('0' + (c >> 6)));
            if (c >> 3)
                trace_putc(t, (char)('0' + ((c >> 3) & 7)));
        }
        trace_putc(t, (char)('0' + (c & 7)));
    }
    trace_putc(t, '"');
}

static void print_hex_quoted(struct tcb* t, const char* s, size_t len) {
    trace_putc(t, '"');
    for (size_t i = 0; i < len; i++)
        trace_printf(t, "\\x%02x", (unsigned char)s[i]);
    trace_putc(t, '"');
}

void print_buf(struct tcb* t, PAL_NUM addr, PAL_NUM len) {
    print_buf_style(t, addr, len, 0);
}

void print_buf_style(struct tcb* t, PAL_NUM addr, PAL_NUM len, unsigned style) {
    char buf[4096];
    size_t n = len < g_max_strlen ? (size_t)len : g_max_strlen;

    if (!addr) {
        trace_puts(t, "NULL");
        return;
    }
    /* -s larger than the stack buffer: print what fits, honestly marked */
    if (n > sizeof(buf))
        n = sizeof(buf);
    if (tracee_read(t, addr, buf, n) < 0) {
        print_addr(t, addr);
        return;
    }
    if ((style & BUF_OMIT_TRAILING_NUL) && n == len && n && !buf[n - 1])
        len = --n;
    if (style & BUF_HEX)
        print_hex_quoted(t, buf, n);
    else
        print_quoted(t, buf, n);
    if (n < len)
        trace_puts(t, "...");
}

void print_path_n(struct tcb* t, PAL_NUM addr, PAL_NUM len) {
    char buf[PATH_LIMIT];
    size_t n = len < sizeof(buf) ? (size_t)len : sizeof(buf);

    if (tracee_read(t, addr, buf, n) < 0) {
        print_addr(t, addr);
        return;
    }
    print_quoted(t, buf, strnlen(buf, n));
}

void print_cstr(struct tcb* t, PAL_NUM addr, size_t limit) {
    char buf[PATH_LIMIT + 1];
    size_t got = 0;
    long n;

    if (!addr) {
        trace_puts(t, "NULL");
        return;
    }
    if (limit > PATH_LIMIT)
        limit = PATH_LIMIT;
    /* one byte more than printed: a string of exactly LIMIT bytes needs
     * no "..." */
    n = DkVirtualMemoryReadString(t->thread, addr, buf, limit + 1, &got);
    if (n >= 0) {
        print_quoted(t, buf, (size_t)n);
    } else if (n == -ENAMETOOLONG) {
        print_quoted(t, buf, limit);
        trace_puts(t, "...");
    } else {
        print_addr(t, addr);
    }
}

void print_path(struct tcb* t, PAL_NUM addr) {
    print_cstr(t, addr, PATH_LIMIT);
}

void print_fd(struct tcb* t, int fd) {
    trace_printf(t, "%d", fd);
    trace_fd_path(t, fd);
}

void print_dirfd(struct tcb* t, int fd) {
    if (fd == -100) {
        trace_puts(t, "AT_FDCWD");
        trace_cwd_path(t);
    } else
        print_fd(t, fd);
}

void print_mode(struct tcb* t, unsigned mode) {
    trace_printf(t, "%#03o", mode);
}

void print_signo(struct tcb* t, int sig) {
    const char* name = xlat_name(&xlat_signals, (uint64_t)(unsigned)sig);

    if (name)
        trace_puts(t, name);
    else if (sig == 32) /* the kernel's SIGRTMIN (glibc keeps 32-33 for itself) */
        trace_puts(t, "SIGRTMIN");
    else if (sig > 32 && sig <= 64)
        trace_printf(t, "SIGRT_%d", sig - 32);
    else
        trace_printf(t, "%d", sig);
}

void print_struct_at(struct tcb* t, print_fn fn, PAL_NUM addr) {
    if (addr)
        fn(t, addr, -1);
    else
        trace_puts(t, "NULL");
}

bool print_array_elem(struct tcb* t, PAL_NUM addr, long i, void* elem, size_t size) {
    if (i)
        trace_puts(t, ", ");
    if ((unsigned long)i >= g_max_strlen) {
        trace_puts(t, "...");
        return false;
    }
    if (tracee_read(t, addr + (PAL_NUM)i * size, elem, size) < 0) {
        trace_puts(t, "... /* ");
        print_addr(t, addr + (PAL_NUM)i * size);
        trace_puts(t, " */");
        return false;
    }
    return true;
}

const char* xlat_name(const struct xlat* x, uint64_t val) {
    for (size_t i = 0; i < x->n; i++)
        if (x->e[i].val == val)
            return x->e[i].name;
    /* a negative constant (RUSAGE_CHILDREN) passed in an int */
    if (val >> 31 == 1)
        return xlat_name(x, (uint64_t)(int64_t)(int32_t)val);
    return NULL;
}

void print_enum(struct tcb* t, const struct xlat* x, uint64_t val, const char* dflt) {
    const char* name = xlat_name(x, val);

    if (!dflt)
        dflt = x->unknown;
    if (name)
        trace_puts(t, name);
    else if (dflt)
        trace_printf(t, "%#llx /* %s */", (unsigned long long)val, dflt);
    else
        trace_printf(t, "%#llx", (unsigned long long)val);
}

struct flag_walk {
    flag_part_fn* fn;
    void* ctx;
    bool first;
};

static void walk_part(struct flag_walk* w, const struct flag_part* p) {
    w->fn(w->ctx, p, w->first);
    w->first = false;
}

static void walk_flags(struct flag_walk* w, const struct xlat* x, uint64_t val) {
    bool any = false;

    /* a name for nothing set: PROT_NONE */
    if (!val && !x->mask_xlat && x->n && x->e[0].val == 0) {
        walk_part(w, &(struct flag_part){.name = x->e[0].name});
        return;
    }
    if (x->mask_xlat) {
        /* a field named first: an enum (O_RDONLY), or bits of its own
         * (AT_STATX_SYNC_AS_STAT, the statx sync type) */
        uint64_t field = val & x->mask;

        if (x->mask_xlat->kind == XLAT_BITS) {
            walk_flags(w, x->mask_xlat, field);
        } else {
            struct flag_part p = {.name = xlat_name(x->mask_xlat, field), .val = field};

            if (!p.name)
                p.unknown = x->mask_xlat->unknown;
            walk_part(w, &p);
        }
        val &= ~x->mask;
        any = true;
    }
    for (size_t i = 0; i < x->n && val; i++) {
        uint64_t bits = x->e[i].val;

        if (bits && (val & bits) == bits) {
            walk_part(w, &(struct flag_part){.name = x->e[i].name});
            val &= ~bits;
            any = true;
        }
    }
    if (x->shift_mask && (val & x->shift_mask)) {
        walk_part(w, &(struct flag_part){.val = (val & x->shift_mask) >> x->shift,
                                         .shift_name = x->shift_name});
        val &= ~x->shift_mask;
        any = true;
    }
    if (val || !any)
        walk_part(w, &(struct flag_part){
                         .val = val, .unknown = !any && val ? x->unknown : NULL, .none = !any && !val});
}

void xlat_walk_flags(const struct xlat* x, uint64_t val, flag_part_fn* fn, void* ctx) {
    struct flag_walk w = {.fn = fn, .ctx = ctx, .first = true};

    walk_flags(&w, x, val);
}

static void print_flag_part(void* ctx, const struct flag_part* p, bool first) {
    struct tcb* t = ctx;

    if (!first)
        trace_putc(t, '|');
    if (p->name) {
        trace_puts(t, p->name);
    } else if (p->shift_name) {
        trace_printf(t, "%llu<<%s", (unsigned long long)p->val, p->shift_name);
    } else {
        trace_printf(t, "%#llx", (unsigned long long)p->val);
        if (p->unknown)
            trace_printf(t, " /* %s */", p->unknown);
    }
}

void print_flags(struct tcb* t, const struct xlat* x, uint64_t val) {
    xlat_walk_flags(x, val, print_flag_part, t);
}

/* The kernel's bound on the strings of argv and of envp (MAX_ARG_STRINGS):
 * execve counts no further, and neither does the trace. */
#define MAX_ARG_STRINGS 0x7fffffffUL

/* Pointers of a string array read per copy: the tracer reads the array in
 * one pass, not one word at a time. */
#define STRV_CHUNK 4096

/* Up to N of the words at ADDR into W, in one copy: how many could be
 * read (fewer where unreadable memory starts, or where the address space
 * would wrap). */
static size_t read_words(struct tcb* t, PAL_NUM addr, PAL_NUM* w, size_t n) {
    PAL_NUM room = (~(PAL_NUM)0 - addr) / sizeof(*w) + (addr % sizeof(*w) == 0);
    long got;

    if (n > room)
        n = (size_t)room;
    if (!n)
        return 0;
    got = DkVirtualMemoryRead(t->thread, addr, w, n * sizeof(*w));
    return got < 0 ? 0 : (size_t)got / sizeof(*w);
}

/* An environment, abbreviated as strace prints it without -v: its address
 * and how many variables it holds, ", unterminated" when the array runs
 * into memory that cannot be read; no count at all when none of it can. */
static void print_envp(struct tcb* t, PAL_NUM addr) {
    static PAL_NUM w[STRV_CHUNK];
    unsigned long n = 0;
    bool end = false;

    print_addr(t, addr);
    if (!addr)
        return;
    while (!end && n <= MAX_ARG_STRINGS) {
        size_t got = read_words(t, addr + n * sizeof(*w), w, STRV_CHUNK), i;

        for (i = 0; i < got && w[i]; i++)
            ;
        n += i;
        if (i < got)
            end = true; /* the NULL */
        else if (got < STRV_CHUNK)
            break; /* unreadable */
    }
    if (n > MAX_ARG_STRINGS)
        trace_printf(t, " /* more than %lu vars */", MAX_ARG_STRINGS);
    else if (n || end)
        trace_printf(t, " /* %lu var%s%s */", n, n == 1 ? "" : "s", end ? "" : ", unterminated");
}

/* A NULL-terminated array of strings (argv): the first -s of them, then
 * "..." if there are more; "..." and a comment with the address where the
 * array runs into memory that cannot be read. */
static void print_strv(struct tcb* t, PAL_NUM addr) {
    static PAL_NUM w[STRV_CHUNK];
    size_t got = 0, i = 0;

    if (!addr) {
        trace_puts(t, "NULL");
        return;
    }
    /* at most -s strings are printed: their pointers and the next */
    for (unsigned long n = 0;; n++, i++) {
        if (i == got) {
            unsigned long left = (unsigned long)g_max_strlen + 1 - n;

            got = read_words(t, addr + n * sizeof(*w), w, left < STRV_CHUNK ? left : STRV_CHUNK);
            i = 0;
            if (!got) {
                if (!n) {
                    print_addr(t, addr);
                    return;
                }
                trace_printf(t, ", ... /* %#llx */", (unsigned long long)(addr + n * sizeof(*w)));
                break;
            }
        }
        if (!n)
            trace_putc(t, '[');
        if (!w[i])
            break;
        if (n)
            trace_puts(t, ", ");
        if (n >= g_max_strlen) {
            trace_puts(t, "..."); /* -s 0: [...] */
            break;
        }
        print_cstr(t, w[i], g_max_strlen);
    }
    trace_putc(t, ']');
}

static PAL_NUM arg_len(const struct tcb* t, const struct sd_arg* a) {
    if (a->len == SD_LEN_RET)
        return (PAL_NUM)t->ret;
    if (a->len >= 0)
        return t->args[a->len];
    return 0;
}

void print_arg(struct tcb* t, int i) {
    const struct sd_arg* a = &t->s->args[i];
    PAL_NUM v = t->args[i];

    switch (a->type) {
    case SD_T_INT:
    case SD_T_PID:
        trace_printf(t, "%d", (int)v);
        break;
    case SD_T_UINT:
        trace_printf(t, "%u", (unsigned)v);
        break;
    case SD_T_LONG:
    case SD_T_OFF:
        trace_printf(t, "%lld", (long long)v);
        break;
    case SD_T_ULONG:
    case SD_T_SIZE:
        trace_printf(t, "%llu", (unsigned long long)v);
        break;
    case SD_T_HEX:
        trace_printf(t, "%#llx", (unsigned long long)v);
        break;
    case SD_T_UID:
    case SD_T_GID:
        if ((unsigned)v == (unsigned)-1)
            trace_puts(t, "-1");
        else
            trace_printf(t, "%u", (unsigned)v);
        break;
    case SD_T_FD:
        print_fd(t, (int)v);
        break;
    case SD_T_DIRFD:
        print_dirfd(t, (int)v);
        break;
    case SD_T_PATH:
        print_path(t, v);
        break;
    case SD_T_STR:
        print_cstr(t, v, g_max_strlen);
        break;
    case SD_T_IBUF:
        print_buf(t, v, arg_len(t, a));
        break;
    case SD_T_IXATTR:
        /* larger than the kernel accepts (XATTR_SIZE_MAX): its address */
        if (arg_len(t, a) > 65536)
            print_addr(t, v);
        else
            print_buf_style(t, v, arg_len(t, a), BUF_OMIT_TRAILING_NUL);
        break;
    case SD_T_OBUF:
    case SD_T_OXATTR:
        if (syserror(t))
            print_addr(t, v);
        else
            print_buf_style(t, v, arg_len(t, a),
                            a->type == SD_T_OXATTR ? BUF_OMIT_TRAILING_NUL : 0);
        break;
    case SD_T_HIDDEN:
        break;
    case SD_T_OPATH:
        if (syserror(t))
            print_addr(t, v);
        else
            print_path_n(t, v, arg_len(t, a));
        break;
    case SD_T_MODE:
        print_mode(t, (unsigned)v);
        break;
    case SD_T_SIGNO:
        print_signo(t, (int)v);
        break;
    case SD_T_PTR:
        print_addr(t, v);
        break;
    case SD_T_FLAGS:
        print_flags(t, a->xlat, (uint32_t)v);
        break;
    case SD_T_ENUM:
        print_enum(t, a->xlat, (uint32_t)v, NULL);
        break;
    case SD_T_STRUCT:
        /* a failed call wrote nothing: its address, except for iovecs,
         * whose buffers' addresses strace shows */
        if (!v || ((a->dir & SD_DIR_OUT) && t->exiting && syserror(t) &&
                   a->printer != SD_PRINTER_struct_iovec))
            print_addr(t, v);
        else
            g_printers[a->printer](t, v, a->nelem                                 ? a->nelem
                                         : a->len >= 0 || a->len == SD_LEN_RET ? (long)arg_len(t, a)
                                                                               : -1);
        break;
    case SD_T_STRV:
        if (!strcmp(a->name, "envp"))
            print_envp(t, v);
        else
            print_strv(t, v);
        break;
    }
}

/* Print argument I, noting where its text is in the line (--json). */
static void print_arg_spanned(struct tcb* t, int i) {
    t->arg_start[i] = (uint32_t)t->len;
    print_arg(t, i);
    t->arg_end[i] = (uint32_t)t->len;
}

/* open's mode means something only when the call may create a file, and
 * strace prints it only then. */
static bool creation_mode_unused(const struct tcb* t, int i) {
    const struct sd_arg* a = t->s->args;

    PAL_NUM flags = i > 0 ? t->args[i - 1] : 0;

    /* O_TMPFILE includes O_DIRECTORY's bit: all of it must be there */
    return a[i].type == SD_T_MODE && i > 0 && a[i - 1].xlat == &xlat_open_flags &&
           !(flags & O_CREAT) && (flags & O_TMPFILE) != O_TMPFILE;
}

/* Whether argument I is printed at exit: it shows what the call wrote. */
static bool printed_at_exit(const struct sd_arg* a) {
    return a->type == SD_T_OBUF || a->type == SD_T_OXATTR || a->type == SD_T_OPATH ||
           (a->type == SD_T_STRUCT && (a->dir & SD_DIR_OUT));
}

/* Whether argument I is left out of the line. */
static bool arg_skipped(const struct tcb* t, int i) {
    return t->s->args[i].type == SD_T_HIDDEN || creation_mode_unused(t, i);
}

void decode_syscall_entry(struct tcb* t) {
    int i;

    memset(t->arg_end, 0, sizeof(t->arg_end));
    t->next_arg = 0;
    if (!t->s) {
        /* a number no table knows: its raw registers */
        trace_printf(t, "%s(", trace_call_name(t));
        for (i = 0; i < PAL_SYSCALL_ARGS; i++)
            trace_printf(t, "%s%#llx", i ? ", " : "", (unsigned long long)t->args[i]);
        t->next_arg = -1;
        return;
    }
    trace_printf(t, "%s(", t->s->name);
    if (t->s->custom) {
        if (g_decoders[t->sysno](t) == DECODE_DONE)
            t->next_arg = -1;
        return;
    }
    for (i = 0; i < t->s->nargs; i++) {
        if (printed_at_exit(&t->s->args[i]))
            break;
        if (arg_skipped(t, i))
            continue;
        if (i)
            trace_puts(t, ", ");
        print_arg_spanned(t, i);
    }
    t->next_arg = i < t->s->nargs ? i : -1;
    /* the separator goes out with the entry, as strace writes
     * "wait4(-1,  <unfinished ...>" */
    if (t->next_arg > 0)
        trace_puts(t, ", ");
}

void decode_syscall_exit(struct tcb* t) {
    if (t->next_arg >= 0) {
        if (t->s->custom) {
            g_decoders[t->sysno](t);
        } else {
            bool first = true;

            for (int i = t->next_arg; i < t->s->nargs; i++) {
                if (arg_skipped(t, i))
                    continue;
                if (!first)
                    trace_puts(t, ", ");
                first = false;
                print_arg_spanned(t, i);
            }
        }
    }
    trace_putc(t, ')');
}

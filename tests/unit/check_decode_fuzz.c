/*
 * check_decode_fuzz.c: the trace decoder against hostile tracee memory.
 *
 * For every system call number of the table (and numbers it lacks), at
 * entry and exit, with results of every kind (values, each errno, the
 * ERESTART* codes), the whole trace path (trace.c, decode*.c, print_*.c,
 * trace_output.c, trace_json.c) runs over made-up tracee memory
 * (fuzz_tracee.c): pointers into it, NULL, wild and unaligned; sizes and
 * counts small and huge; every flag bit; memory of random bytes, strings
 * without terminators, pointers to more memory, regions that end part-way
 * through an object and change between entry and exit; another thread's
 * call in between, a signal in the call, the thread ending in it.  Each
 * case must print what the trace format says (fuzz_lines.c reads it),
 * within a length the string limit bounds, and never ask the PAL for what
 * its contract forbids; the sanitizer build runs it under ASan and UBSan.
 *
 * Deterministic: case ITER of call N under seed S is the same everywhere.
 *   PTSHIM_FUZZ_SEED=S        another seed (default 1)
 *   PTSHIM_FUZZ_ITER=K        cases per call (default 40, 1000 with
 *                             PTSHIM_SLOW=1)
 *   PTSHIM_FUZZ_ONLY=MODE:N:ITER  one case (MODE text or json), its
 *                             output on stderr
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "decode.h"
#include "fuzz_lines.h"
#include "fuzz_run.h"
#include "fuzz_tracee.h"
#include "trace.h"
#include "trace_output.h"
#include "unit_run.h"

/* splitmix64: one state word, so that a case's generator is a hash of its
 * coordinates */
struct rng {
    uint64_t s;
};

static uint64_t rnd(struct rng* r) {
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t below(struct rng* r, uint64_t n) {
    return n ? rnd(r) % n : 0;
}

static bool chance(struct rng* r, unsigned percent) {
    return below(r, 100) < percent;
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the tracee's memory ---- */

static PAL_NUM gen_wild(struct rng* r) {
    static const PAL_NUM wild[] = {
        1, 8, 0xfff, 0x1000, 0xdeadbeef, 0x7ffffffff000, 0x7fffffffffff, 0x800000000000,
        0xffff800000000000, ~0ULL, ~0ULL - 7, 1ULL << 63,
    };

    if (chance(r, 30) && g_tracee.nregions) {
        /* just past a region's end */
        const struct fuzz_region* g = &g_tracee.r[below(r, (uint64_t)g_tracee.nregions)];

        return g->base + g->size + below(r, 8);
    }
    if (chance(r, 50))
        return wild[below(r, ARRAY_SIZE(wild))];
    return rnd(r);
}

/* An address: mostly in a region (its start, anywhere, its last bytes),
 * else NULL or wild. */
static PAL_NUM gen_ptr(struct rng* r) {
    unsigned k = (unsigned)below(r, 100);

    if (k < 62 && g_tracee.nregions) {
        const struct fuzz_region* g = &g_tracee.r[below(r, (uint64_t)g_tracee.nregions)];
        size_t tail = g->size < 64 ? g->size : 64;

        switch (below(r, 4)) {
        case 0:
            return g->base;
        case 1:
            return g->base + below(r, g->size);
        default:
            return g->base + g->size - 1 - below(r, tail);
        }
    }
    if (k < 74)
        return 0;
    return gen_wild(r);
}

static PAL_NUM gen_size(struct rng* r) {
    static const PAL_NUM sizes[] = {
        0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 33, 63, 64, 100, 128, 255, 256, 1023, 1024,
        4095, 4096, 4097, 65535, 65536, 65537, 0x7fffffff, 0x80000000, 0xffffffff,
        0x100000000, 0x7fffffffffffffff, 0x8000000000000000, ~0ULL,
    };

    switch (below(r, 10)) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
        return sizes[below(r, ARRAY_SIZE(sizes))];
    case 5:
    case 6:
    case 7:
        return below(r, 512);
    default:
        return rnd(r) >> below(r, 64);
    }
}

/* A register holding an int: the kernel reads the low half, the program may
 * leave anything in the high one. */
static PAL_NUM gen_int(struct rng* r) {
    static const int64_t ints[] = {
        -1, -100, 0, 1, 2, 3, INT_MIN, INT_MAX, -4095, -4096, 0x7ffff, LLONG_MIN, LLONG_MAX,
    };
    PAL_NUM v;

    switch (below(r, 6)) {
    case 0:
    case 1:
        v = (PAL_NUM)ints[below(r, ARRAY_SIZE(ints))];
        break;
    case 2:
        v = below(r, 70);
        break;
    case 3:
        v = (PAL_NUM)(int64_t)(int32_t)rnd(r);
        break;
    case 4:
        v = (uint32_t)rnd(r);
        break;
    default:
        v = rnd(r);
        break;
    }
    if (chance(r, 5))
        v ^= rnd(r) << 32;
    return v;
}

static PAL_NUM gen_fd(struct rng* r) {
    static const int64_t fds[] = {0, 1, 2, 3, 4, 5, -1, -100, 1023, 65536, INT_MAX, INT_MIN};

    if (chance(r, 80))
        return (PAL_NUM)fds[below(r, ARRAY_SIZE(fds))];
    return gen_int(r);
}

static PAL_NUM gen_flags(struct rng* r, const struct xlat* x) {
    PAL_NUM v = 0;

    if (!x || !x->n)
        return rnd(r);
    switch (below(r, 7)) {
    case 0:
        return 0;
    case 1:
        return chance(r, 50) ? ~0ULL : 0xffffffffULL;
    case 2:
        for (size_t i = 0; i < x->n; i++)
            v |= x->e[i].val;
        return v;
    case 3:
        for (size_t i = 0; i < x->n; i++)
            if (chance(r, 30))
                v |= x->e[i].val;
        return v;
    case 4:
        return x->e[below(r, x->n)].val | (chance(r, 30) ? rnd(r) & rnd(r) : 0);
    case 5:
        return (uint32_t)rnd(r);
    default:
        return rnd(r);
    }
}

static PAL_NUM gen_enum(struct rng* r, const struct xlat* x) {
    if (x && x->n && chance(r, 75)) {
        PAL_NUM v = x->e[below(r, x->n)].val;

        /* with flag bits beside the value (FUTEX_WAIT|FUTEX_PRIVATE_FLAG) */
        if (chance(r, 20))
            v |= (1ULL << below(r, 32)) | (chance(r, 30) ? rnd(r) : 0);
        return v;
    }
    return gen_int(r);
}

static PAL_NUM gen_mode(struct rng* r) {
    static const PAL_NUM modes[] = {0, 0644, 0777, 07777, 0100644, 020666, 060600, 040755,
                                    0140777, 0120777, 010600, 0170000, ~0ULL};

    return chance(r, 70) ? modes[below(r, ARRAY_SIZE(modes))] : rnd(r);
}

static PAL_NUM gen_any(struct rng* r) {
    switch (below(r, 6)) {
    case 0:
        return gen_ptr(r);
    case 1:
        return gen_size(r);
    case 2:
        return gen_int(r);
    case 3:
        return gen_fd(r);
    case 4:
        return gen_mode(r);
    default:
        return rnd(r);
    }
}

#define FILL_KINDS 12

/* LEN bytes at P of one KIND: what a program's memory holds. */
static void fill_kind(struct rng* r, unsigned char* p, size_t len, unsigned kind) {
    size_t i;

    switch (kind) {
    case 0: /* random */
        for (i = 0; i < len; i += 8) {
            uint64_t v = rnd(r);

            memcpy(p + i, &v, len - i < 8 ? len - i : 8);
        }
        break;
    case 1:
        memset(p, 0, len);
        break;
    case 2:
        memset(p, 0xff, len);
        break;
    case 3: /* text without a terminator */
        for (i = 0; i < len; i++)
            p[i] = (unsigned char)(' ' + below(r, 95));
        break;
    case 4: /* strings */
        for (i = 0; i < len; i++)
            p[i] = chance(r, 8) ? 0 : (unsigned char)(chance(r, 90) ? 'a' + below(r, 26) : rnd(r));
        break;
    case 5: /* pointers */
    case 6:
        for (i = 0; i < len; i += 8) {
            PAL_NUM v = gen_ptr(r);

            memcpy(p + i, &v, len - i < 8 ? len - i : 8);
        }
        break;
    case 7: /* {pointer, length} pairs: iovecs, argv-like */
        for (i = 0; i < len; i += 8) {
            PAL_NUM v = (i / 8) % 2 ? below(r, chance(r, 80) ? 300 : 70000) : gen_ptr(r);

            memcpy(p + i, &v, len - i < 8 ? len - i : 8);
        }
        break;
    case 8: /* small 32-bit numbers: lengths, counts, types, fds */
        for (i = 0; i < len; i += 4) {
            uint32_t v = (uint32_t)(chance(r, 70) ? below(r, 70) : gen_size(r));

            memcpy(p + i, &v, len - i < 4 ? len - i : 4);
        }
        break;
    case 9: /* sizes, flags */
        for (i = 0; i < len; i += 8) {
            PAL_NUM v = chance(r, 50) ? gen_size(r) : gen_int(r);

            memcpy(p + i, &v, len - i < 8 ? len - i : 8);
        }
        break;
    case 10: /* values printers name: UTIME_NOW, RLIM_INFINITY, AF_INET6... */
        for (i = 0; i < len; i += 4) {
            static const uint32_t magic[] = {
                0x3fffffff, 0x3ffffffe, 0xffffffff, 0x80000000, 0, 1, 2, 10, 16, 4096,
                1000000000, 999999999, 1000000, 0x7fffffff, 0xfffff000,
            };
            uint32_t v = magic[below(r, ARRAY_SIZE(magic))];

            memcpy(p + i, &v, len - i < 4 ? len - i : 4);
        }
        break;
    default: /* control messages: {cmsg_len, SOL_SOCKET, SCM_RIGHTS}, data */
        for (i = 0; i < len; i += 16) {
            struct {
                uint64_t len;
                int32_t level, type;
            } c = {16 + below(r, 28), chance(r, 80) ? 1 : (int32_t)below(r, 300),
                   (int32_t)(1 + below(r, 3))};

            memcpy(p + i, &c, len - i < sizeof(c) ? len - i : sizeof(c));
        }
        break;
    }
}

static void fill(struct rng* r, unsigned char* p, size_t len) {
    while (len) {
        size_t n = 1 + below(r, 48);

        if (n > len)
            n = len;
        fill_kind(r, p, n, (unsigned)below(r, FILL_KINDS));
        p += n;
        len -= n;
    }
}

static uint64_t g_case_seed;

static uint64_t hash4(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    struct rng r = {a};

    r.s ^= rnd(&r) + b;
    r.s ^= rnd(&r) + c;
    r.s ^= rnd(&r) + d;
    return rnd(&r);
}

/* Block B of region R, made when first read: chunks of every kind, or one
 * kind through the 4 KiB around it (strings longer than a path without a
 * terminator, long arrays). */
static void fill_block(int ri, size_t b) {
    struct rng wide = {hash4(g_case_seed, (uint64_t)ri, b / 64, 1)};
    struct rng r = {hash4(g_case_seed, (uint64_t)ri, b, 2)};
    unsigned char* p = g_tracee.r[ri].data + b * FUZZ_BLOCK;

    if (chance(&wide, 15))
        fill_kind(&r, p, FUZZ_BLOCK, (unsigned)below(&wide, FILL_KINDS));
    else
        fill(&r, p, FUZZ_BLOCK);
}

static size_t gen_region_size(struct rng* r) {
    switch (below(r, 20)) {
    case 0:
        return 65536 + below(r, FUZZ_REGION_MAX - 65536 + 1);
    case 1:
    case 2:
    case 3:
    case 4:
        return 4096 + below(r, 65536 - 4096);
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
        return 64 + below(r, 4096 - 64);
    default:
        return 1 + below(r, 64);
    }
}

static bool overlaps(PAL_NUM base, size_t size) {
    for (int i = 0; i < g_tracee.nregions; i++) {
        const struct fuzz_region* g = &g_tracee.r[i];

        /* apart by a page at least, so that no read runs from one into
         * the next; sizes are below 2^21, bases below 2^64 */
        if (base - 4096 - g->base < g->size + 4096 || g->base - 4096 - base < size + 4096)
            return true;
    }
    return false;
}

static void gen_memory(struct rng* r) {
    int n = 1 + (int)below(r, FUZZ_MAX_REGIONS);

    g_tracee.nregions = 0;
    for (int i = 0; i < n; i++) {
        size_t size = gen_region_size(r);
        PAL_NUM base = 0;
        int tries;

        for (tries = 0; tries < 8; tries++) {
            switch (below(r, 12)) {
            case 0: /* low */
                base = 0x1000 * (1 + below(r, 64));
                break;
            case 1: /* ending where user space ends */
                base = 0x800000000000ULL - size;
                break;
            case 2: /* ending at 2^64: sums of addresses wrap */
                base = 0 - (PAL_NUM)size;
                break;
            default:
                base = (0x10 + below(r, 1ULL << 35)) * 0x1000 + (chance(r, 20) ? below(r, 4096) : 0);
                break;
            }
            if (!overlaps(base, size))
                break;
        }
        if (tries == 8)
            continue;
        g_tracee.r[g_tracee.nregions].base = base;
        g_tracee.r[g_tracee.nregions].size = size;
        g_tracee.nregions++;
    }
    /* the contents once all regions are placed: pointers into any */
    g_case_seed = rnd(r);
    g_tracee.fill = fill_block;
    fuzz_tracee_forget();
}

/* The call wrote to its memory, or the program unmapped some, between the
 * entry and the exit. */
static void mutate_memory(struct rng* r) {
    for (int i = 0; i < g_tracee.nregions; i++) {
        struct fuzz_region* g = &g_tracee.r[i];
        size_t from = below(r, g->size), to = from + 1 + below(r, 256);

        if (to > g->size)
            to = g->size;
        if (chance(r, 50)) {
            fuzz_region_make(i, from, to);
            fill(r, g->data + from, to - from);
        }
        if (chance(r, 5))
            g->size = 1 + below(r, g->size);
    }
}

/* ---- the calls ---- */

/* the numbers fuzzed: every row, and some numbers without one */
static PAL_NUM g_numbers[PTSHIM_NSYSCALLS + 16];
static unsigned g_nnumbers;

static void list_numbers(void) {
    static const PAL_NUM unknown[] = {336, 423, 470, 512, 0x40000000 | 1, 0x7fffffff, ~0ULL,
                                      1ULL << 63};

    g_nnumbers = 0;
    for (PAL_NUM nr = 0; nr < PTSHIM_NSYSCALLS; nr++)
        if (ptshim_sysent[nr].name)
            g_numbers[g_nnumbers++] = nr;
    for (size_t i = 0; i < ARRAY_SIZE(unknown); i++)
        g_numbers[g_nnumbers++] = unknown[i];
}

static const struct sysent* sysent_of(PAL_NUM nr) {
    return nr < PTSHIM_NSYSCALLS && ptshim_sysent[nr].name ? &ptshim_sysent[nr] : NULL;
}

static PAL_NUM gen_arg(struct rng* r, const struct sysent* s, int i) {
    const struct sd_arg* a = &s->args[i];

    if (chance(r, 12))
        return gen_any(r);
    /* values that reach the custom decoders' cases */
    if (s == &ptshim_sysent[PTSHIM_NR_ioctl] && i == 1 && chance(r, 70))
        return gen_enum(r, &xlat_ioctl_cmds);
    if ((s == &ptshim_sysent[PTSHIM_NR_getsockopt] || s == &ptshim_sysent[PTSHIM_NR_setsockopt]) &&
        i == 2 && chance(r, 60))
        return gen_enum(r, &xlat_sockopt_socket);
    switch (a->type) {
    case SD_T_PATH:
    case SD_T_STR:
    case SD_T_IBUF:
    case SD_T_OBUF:
    case SD_T_OPATH:
    case SD_T_IXATTR:
    case SD_T_OXATTR:
    case SD_T_PTR:
    case SD_T_STRUCT:
    case SD_T_STRV:
        return gen_ptr(r);
    case SD_T_FD:
    case SD_T_DIRFD:
        return gen_fd(r);
    case SD_T_ULONG:
    case SD_T_HEX:
        /* often an address in disguise: ioctl's, fcntl's, prctl's argument */
        return chance(r, 40) ? gen_ptr(r) : gen_any(r);
    case SD_T_SIZE:
    case SD_T_UINT:
        return gen_size(r);
    case SD_T_FLAGS:
        return gen_flags(r, a->xlat);
    case SD_T_ENUM:
        return gen_enum(r, a->xlat);
    case SD_T_MODE:
        return gen_mode(r);
    case SD_T_SIGNO:
        return chance(r, 70) ? below(r, 70) : gen_int(r);
    default:
        return gen_int(r);
    }
}

/* A result.  Two cases in five fail, and those of a call go through the
 * errno table in turn from SLOT on (ERESTART* included), so that each call
 * meets every errno in a long run; the others succeed with values of all
 * kinds, or fail with a number the table lacks. */
static long gen_result(struct rng* r, unsigned slot, unsigned iter) {
    static const long huge[] = {INT_MAX, LONG_MAX, 1L << 32, 0x80000000L, 4096, -4096, LONG_MIN};

    if (iter % 5 < 2)
        return -(long)xlat_errno.e[(slot + iter / 5 * 2 + iter % 5) % xlat_errno.n].val;
    switch (below(r, 9)) {
    case 0:
    case 1:
        return 0;
    case 2:
        return (long)(1 + below(r, 64));
    case 3:
        return (long)below(r, 70000);
    case 4:
        return (long)gen_ptr(r);
    case 5:
        return huge[below(r, ARRAY_SIZE(huge))];
    case 6:
        return -(long)(1 + below(r, 4095));
    default:
        return (long)rnd(r);
    }
}

static void gen_plan(struct rng* r, struct fuzz_plan* p, int thread, PAL_NUM nr, unsigned slot,
                     unsigned iter) {
    static const char* const layers[] = {"shim", "checked", "host", "enosys", NULL};
    const struct sysent* s = sysent_of(nr);
    unsigned k;

    memset(p, 0, sizeof(*p));
    p->thread = thread;
    p->sysno = nr;
    for (int i = 0; i < PAL_SYSCALL_ARGS; i++)
        p->args[i] = s && i < s->nargs ? gen_arg(r, s, i) : gen_any(r);
    /* a length that fits its buffer, exactly or nearly */
    for (int i = 0; s && i < s->nargs; i++) {
        const struct fuzz_region* g = fuzz_region_at(p->args[i]);
        int len = s->args[i].len;

        if (g && len >= 0 && len < s->nargs && chance(r, 50))
            p->args[len] = g->size - (p->args[i] - g->base) + below(r, 3) - 1;
    }
    p->sp = gen_ptr(r);
    p->ret = gen_result(r, slot, iter);
    p->layer = layers[below(r, ARRAY_SIZE(layers) - (chance(r, 90) ? 1 : 0))];
    k = (unsigned)below(r, 100);
    p->ending = k < 88 ? FUZZ_EXIT : k < 92 ? FUZZ_ABANDON : FUZZ_THREAD_EXIT;
    if (p->ending == FUZZ_THREAD_EXIT)
        p->status = chance(r, 50) ? (int)below(r, 256) << 8
                                  : (int)(1 + below(r, 31)) | (chance(r, 20) ? 0x80 : 0);
    p->signal_in = chance(r, 6);
}

/* ---- the options ---- */

static void gen_opts(struct rng* r, struct fuzz_opts* o, bool json) {
    static const unsigned limits[] = {0, 1, 2, 3, 4, 5, 8, 16, 32, 32, 32, 32, 64, 100, 256};
    static const unsigned statuses[] = {TRACE_STATUS_FAILED, TRACE_STATUS_SUCCESSFUL,
                                        TRACE_STATUS_UNFINISHED,
                                        TRACE_STATUS_FAILED | TRACE_STATUS_UNFINISHED};

    memset(o, 0, sizeof(*o));
    o->json = json;
    o->strlen_max = chance(r, 2) ? (chance(r, 50) ? 4096 : 1024) : limits[below(r, ARRAY_SIZE(limits))];
    o->to_file = chance(r, 50);
    o->fd_paths = chance(r, 30);
    o->show_time = chance(r, 20);
    o->show_layer = chance(r, 30);
    o->stack = chance(r, 8);
    o->summary = chance(r, 5);
    o->column = chance(r, 60) ? 40 : chance(r, 50) ? 0 : (unsigned)below(r, 300);
    o->timestamps = chance(r, 80) ? 0 : (int)(1 + below(r, 3));
    o->quiet = chance(r, 80) ? 0 : (int)below(r, 3);
    o->status = chance(r, 85) ? TRACE_STATUS_ALL : statuses[below(r, ARRAY_SIZE(statuses))];
    o->nthreads = chance(r, 70) ? 1 : 2;
}

/* ---- running a case ---- */

static void gen_siginfo(struct rng* r) {
    unsigned char* b = (unsigned char*)&g_tracee.siginfo;

    for (size_t i = 0; i < sizeof(g_tracee.siginfo); i++)
        b[i] = chance(r, 50) ? 0 : (unsigned char)rnd(r);
    g_tracee.siginfo.si_signo = (int)(chance(r, 80) ? 1 + below(r, 64) : gen_int(r));
    g_tracee.siginfo.si_code = (int)(chance(r, 70) ? (int)below(r, 12) - 6 : (int)gen_int(r));
    g_tracee.siginfo_err = chance(r, 5) ? -EINVAL : 0;
}

static void gen_frames(struct rng* r) {
    static char names[8][2][40];

    g_tracee.nframes = chance(r, 10) ? -EIO : (int)below(r, 9);
    for (int i = 0; i < 8; i++) {
        struct pal_frame* f = &g_tracee.frames[i];

        /* the tracee's files and symbols: any bytes but NUL */
        for (int k = 0; k < 2; k++) {
            size_t n = below(r, sizeof(names[i][k]));

            for (size_t j = 0; j < n; j++)
                names[i][k][j] = (char)(chance(r, 85) ? 'a' + below(r, 26) : 1 + below(r, 255));
            names[i][k][n] = '\0';
        }
        f->pc = rnd(r);
        f->path = chance(r, 80) ? names[i][0] : NULL;
        f->symbol = chance(r, 70) ? names[i][1] : NULL;
        f->offset = rnd(r) >> 20;
        f->symbol_offset = below(r, 4096);
    }
}

static void signal_event(struct rng* r, const struct fuzz_plan* p) {
    struct pal_event ev = fuzz_event(p, PAL_EVENT_SIGNAL);

    gen_siginfo(r);
    ev.sig = (int)(1 + below(r, 64));
    trace_signal(&ev);
}

/* A case: one call of thread 0 (the number fuzzed), perhaps another
 * thread's call in between. */
struct fuzz_case {
    const char* mode;
    uint64_t seed;
    unsigned index, iter;
    struct fuzz_opts o;
    struct fuzz_plan p[2];
    int nplans;
    int order; /* 0: A; 1: A( B() ); 2: A( B( A) B) */
    int nsignals;
};

static volatile sig_atomic_t g_in_case;
static char g_case_id[96];

static void run_case(struct fuzz_case* c, struct rng* r) {
    struct fuzz_plan* a = &c->p[0];
    struct fuzz_plan* b = &c->p[1];

    fuzz_run_start(&c->o);
    g_tracee.fd_names = rnd(r);
    g_tracee.violation = NULL;
    gen_frames(r);
    c->nsignals = 0;
    g_in_case = 1;
    fuzz_entry(a);
    if (chance(r, 30))
        mutate_memory(r);
    if (a->signal_in) {
        signal_event(r, a);
        c->nsignals++;
    }
    if (c->order) {
        fuzz_entry(b);
        if (b->signal_in) {
            signal_event(r, b);
            c->nsignals++;
        }
        if (c->order == 1) {
            fuzz_end(b);
            fuzz_end(a);
        } else {
            fuzz_end(a);
            fuzz_end(b);
        }
    } else {
        fuzz_end(a);
    }
    g_in_case = 0;
    fuzz_output(); /* the trace, in g_fuzz_out */
}

static bool ends_thread_nr(PAL_NUM nr) {
    return nr == PTSHIM_NR_exit || nr == PTSHIM_NR_exit_group;
}

static bool failed(long ret) {
    return (unsigned long)ret > -4096UL;
}

/* Whether P's call has a line (text) or an object (--json). */
static bool expect_call(const struct fuzz_opts* o, const struct fuzz_plan* p) {
    bool held = o->json || o->status != TRACE_STATUS_ALL || ends_thread_nr(p->sysno);

    switch (p->ending) {
    case FUZZ_EXIT:
        return o->status & (failed(p->ret) ? TRACE_STATUS_FAILED : TRACE_STATUS_SUCCESSFUL);
    case FUZZ_ABANDON:
        /* its entry was out: it ends as the kernel's restart */
        return !held;
    default:
        /* an entry already out ends as unfinished; a held one (--json
         * too) only if -e status= asks for unfinished calls */
        return !held || (o->status & TRACE_STATUS_UNFINISHED);
    }
}

/* The arguments a table-driven call prints. */
static int expected_nargs(const struct fuzz_plan* p) {
    const struct sysent* s = sysent_of(p->sysno);
    int n = 0;

    if (!s)
        return PAL_SYSCALL_ARGS;
    for (int i = 0; i < s->nargs; i++) {
        if (s->args[i].type == SD_T_HIDDEN)
            continue;
        /* open's mode without O_CREAT or O_TMPFILE */
        if (s->args[i].type == SD_T_MODE && i > 0 && s->args[i - 1].xlat == &xlat_open_flags &&
            !(p->args[i - 1] & O_CREAT) && (p->args[i - 1] & O_TMPFILE) != O_TMPFILE)
            continue;
        n++;
    }
    return n;
}

static void name_of(PAL_NUM nr, char* buf, size_t size) {
    const struct sysent* s = sysent_of(nr);

    if (s)
        snprintf(buf, size, "%s", s->name);
    else
        snprintf(buf, size, "syscall_%#llx", (unsigned long long)nr);
}

/* The longest line the call may print with -s S: strings and buffers of S
 * bytes at most (4 characters a byte escaped), arrays of S elements, paths
 * whole (PATH_MAX), and the few sets strace prints whole (select's
 * descriptor sets, CPU sets). */
static size_t text_bound(const struct fuzz_opts* o, const struct fuzz_plan* p) {
    const struct sysent* s = sysent_of(p->sysno);
    size_t S = o->strlen_max;
    size_t elem = 4 * S + 600;
    size_t bound = 65536 + 8 * (S + 1) * elem;

    for (int i = 0; s && i < s->nargs; i++)
        if (s->args[i].type == SD_T_PATH)
            bound += 4 * PATH_MAX + 8;
    if (p->sysno == PTSHIM_NR_select || p->sysno == PTSHIM_NR_pselect6)
        bound += 6 * 65536 * 6;
    if (p->sysno == PTSHIM_NR_sched_getaffinity || p->sysno == PTSHIM_NR_sched_setaffinity)
        bound += 8192 * 6;
    return bound;
}

/* --json: the text twice (each argument's and the whole), escaped, and the
 * values as data: paths whole, strings -s, argv 4096 strings of a path's
 * length at most (trace_json.c). */
static size_t json_bound(const struct fuzz_opts* o, const struct fuzz_plan* p) {
    const struct sysent* s = sysent_of(p->sysno);
    size_t bound = 4 * text_bound(o, p) + 8 * 2 * 6 * 40 + 4096;

    for (int i = 0; s && i < s->nargs; i++) {
        bound += 6 * (PATH_MAX + 2) + 128;
        if (s->args[i].type == SD_T_STRV)
            bound += 4096 * (6 * (PATH_MAX + 2) + 1);
    }
    return bound;
}

struct json_seen {
    const struct fuzz_case* c;
    int ncalls, nsignals, nexits;
    char names[4][48];
    int nargs[4];
    bool unfinished[4];
};

static void json_seen_cb(void* arg, const struct fuzz_json* j) {
    struct json_seen* s = arg;

    if (!strcmp(j->type, "syscall")) {
        if (s->ncalls < 4) {
            snprintf(s->names[s->ncalls], sizeof(s->names[0]), "%s", j->name);
            s->nargs[s->ncalls] = j->nargs;
            s->unfinished[s->ncalls] = j->unfinished;
        }
        s->ncalls++;
    } else if (!strcmp(j->type, "signal")) {
        s->nsignals++;
    } else {
        s->nexits++;
    }
}

static int check_json(const struct fuzz_case* c, char* why) {
    struct json_seen seen = {.c = c};
    bool used[4] = {false};
    int want = 0, exits = 0;
    size_t start = 0;

    if (fuzz_lines_json(g_fuzz_out, g_fuzz_out_len, json_seen_cb, &seen, why) < 0)
        return -1;
    if (seen.ncalls > 4) {
        snprintf(why, 256, "%d JSON syscall objects", seen.ncalls);
        return -1;
    }
    for (int i = 0; i < c->nplans; i++) {
        const struct fuzz_plan* p = &c->p[i];
        const struct sysent* s = sysent_of(p->sysno);
        char name[48];
        int k;

        exits += p->ending == FUZZ_THREAD_EXIT;
        if (!expect_call(&c->o, p))
            continue;
        want++;
        /* with two threads, the objects come in the order the calls end */
        name_of(p->sysno, name, sizeof(name));
        for (k = 0; k < seen.ncalls; k++)
            if (!used[k] && !strcmp(seen.names[k], name))
                break;
        if (k == seen.ncalls) {
            snprintf(why, 256, "no JSON object for %s", name);
            return -1;
        }
        used[k] = true;
        if (seen.nargs[k] != (s ? s->nargs : 0)) {
            snprintf(why, 256, "%s: %d arguments in JSON, not %d", name, seen.nargs[k],
                     s ? s->nargs : 0);
            return -1;
        }
    }
    if (seen.ncalls != want) {
        snprintf(why, 256, "%d JSON syscall objects for %d calls", seen.ncalls, want);
        return -1;
    }
    if (seen.nsignals != c->nsignals || seen.nexits != exits) {
        snprintf(why, 256, "%d signal and %d exit objects, not %d and %d", seen.nsignals,
                 seen.nexits, c->nsignals, exits);
        return -1;
    }
    while (start < g_fuzz_out_len) {
        const char* nl = memchr(g_fuzz_out + start, '\n', g_fuzz_out_len - start);
        size_t len = (size_t)(nl - g_fuzz_out) - start, bound = 0;

        for (int i = 0; i < c->nplans; i++)
            if (json_bound(&c->o, &c->p[i]) > bound)
                bound = json_bound(&c->o, &c->p[i]);
        if (len > bound) {
            snprintf(why, 256, "a JSON line of %zu bytes, more than %zu with -s %u", len, bound,
                     c->o.strlen_max);
            return -1;
        }
        start += len + 1;
    }
    return 0;
}

static int check_text(const struct fuzz_case* c, char* why) {
    struct fuzz_layout layout = {
        .to_file = c->o.to_file,
        .pid_prefix = !c->o.to_file && c->o.nthreads > 1,
        .timestamps = c->o.timestamps,
        .show_time = c->o.show_time,
        .show_layer = c->o.show_layer,
    };
    static struct fuzz_lines l;
    bool used[FUZZ_MAX_CALLS] = {false};
    int want = 0, exits = 0;

    fuzz_lines_reset(&l, &layout);
    if (fuzz_lines_text(&l, g_fuzz_out, g_fuzz_out_len) < 0 || fuzz_lines_end(&l) < 0) {
        snprintf(why, 256, "%s", l.err);
        return -1;
    }
    for (int i = 0; i < c->nplans; i++) {
        const struct fuzz_plan* p = &c->p[i];
        const struct sysent* s = sysent_of(p->sysno);
        pid_t pid = layout.to_file || layout.pid_prefix ? fuzz_tid(p->thread) : 0;
        char name[48];
        int k;

        /* as strace: -qq hides "+++ exited", not "+++ killed by" */
        exits += p->ending == FUZZ_THREAD_EXIT && (c->o.quiet < 2 || WIFSIGNALED(p->status));
        if (!expect_call(&c->o, p))
            continue;
        want++;
        name_of(p->sysno, name, sizeof(name));
        for (k = 0; k < l.ncalls; k++)
            if (!used[k] && (!pid || l.calls[k].pid == pid) && !strcmp(l.calls[k].name, name))
                break;
        if (k == l.ncalls) {
            snprintf(why, 256, "no line for %s", name);
            return -1;
        }
        used[k] = true;
        if (s && !s->custom && !l.calls[k].unfinished && l.calls[k].nargs != expected_nargs(p)) {
            snprintf(why, 256, "%s: %d arguments printed, not %d", name, l.calls[k].nargs,
                     expected_nargs(p));
            return -1;
        }
        if (p->ending == FUZZ_EXIT && l.calls[k].failed != failed(p->ret)) {
            snprintf(why, 256, "%s: the result %ld shows as %s", name, p->ret,
                     l.calls[k].failed ? "a failure" : "a success");
            return -1;
        }
        if (l.calls[k].len > text_bound(&c->o, p)) {
            snprintf(why, 256, "%s: a line of %zu bytes, more than %zu with -s %u", name,
                     l.calls[k].len, text_bound(&c->o, p), c->o.strlen_max);
            return -1;
        }
    }
    if (l.ncalls != want) {
        snprintf(why, 256, "%d calls printed for %d", l.ncalls, want);
        return -1;
    }
    if (l.nsignals != c->nsignals || l.nexits != exits) {
        snprintf(why, 256, "%d signal and %d exit lines, not %d and %d", l.nsignals, l.nexits,
                 c->nsignals, exits);
        return -1;
    }
    return 0;
}

static void describe_plan(const struct fuzz_plan* p) {
    char name[48];

    name_of(p->sysno, name, sizeof(name));
    fprintf(stderr, "  thread %d: %s(", p->thread, name);
    for (int i = 0; i < PAL_SYSCALL_ARGS; i++)
        fprintf(stderr, "%s%#llx", i ? ", " : "", (unsigned long long)p->args[i]);
    fprintf(stderr, ") sp=%#llx ret=%ld ending=%d status=%#x signal=%d\n",
            (unsigned long long)p->sp, p->ret, p->ending, p->status, p->signal_in);
}

static void describe(const struct fuzz_case* c, const char* why) {
    fprintf(stderr, "%s: %s\n", g_case_id, why);
    fprintf(stderr, "  options: json=%d -s %u to_file=%d -y=%d -T=%d layer=%d -k=%d -C=%d -a %u "
            "-t*%d -q*%d status=%#x threads=%u order=%d\n",
            c->o.json, c->o.strlen_max, c->o.to_file, c->o.fd_paths, c->o.show_time,
            c->o.show_layer, c->o.stack, c->o.summary, c->o.column, c->o.timestamps, c->o.quiet,
            c->o.status, c->o.nthreads, c->order);
    for (int i = 0; i < c->nplans; i++)
        describe_plan(&c->p[i]);
    for (int i = 0; i < g_tracee.nregions; i++)
        fprintf(stderr, "  memory %#llx..%#llx\n", (unsigned long long)g_tracee.r[i].base,
                (unsigned long long)(g_tracee.r[i].base + g_tracee.r[i].size));
    fprintf(stderr, "  output (%zu bytes): %.*s\n", g_fuzz_out_len, g_fuzz_out_len > 3000 ? 3000 : (int)g_fuzz_out_len,
            g_fuzz_out);
}

/* Build and run case ITER of number INDEX; 0 when its output is right. */
static int fuzz_one(bool json, uint64_t seed, unsigned index, unsigned iter, bool verbose) {
    struct fuzz_case c = {.mode = json ? "json" : "text", .seed = seed, .index = index, .iter = iter};
    struct rng r = {hash4(seed, json, index, iter)};
    char why[256] = "";
    int ret;

    snprintf(g_case_id, sizeof(g_case_id), "PTSHIM_FUZZ_SEED=%llu PTSHIM_FUZZ_ONLY=%s:%llu:%u",
             (unsigned long long)seed, c.mode, (unsigned long long)g_numbers[index], iter);
    gen_memory(&r);
    gen_opts(&r, &c.o, json);
    c.nplans = 1;
    gen_plan(&r, &c.p[0], 0, g_numbers[index], index * 7, iter);
    if (c.o.nthreads > 1 && chance(&r, 60)) {
        unsigned other = (unsigned)below(&r, g_nnumbers);

        c.nplans = 2;
        c.order = 1 + (int)below(&r, 2);
        gen_plan(&r, &c.p[1], 1, g_numbers[other], other * 7, iter + 1);
    }
    run_case(&c, &r);
    if (g_tracee.violation) {
        snprintf(why, sizeof(why), "%s", g_tracee.violation);
        ret = -1;
    } else {
        ret = json ? check_json(&c, why) : check_text(&c, why);
    }
    if (ret < 0 || verbose)
        describe(&c, ret < 0 ? why : "ok");
    return ret;
}

/* A crash in a case names it before the process dies. */
static void crash_note(void) {
    if (g_in_case) {
        static const char msg[] = "\ncrashed in the fuzz case: ";

        if (write(2, msg, sizeof(msg) - 1) < 0 || write(2, g_case_id, strlen(g_case_id)) < 0 ||
            write(2, "\n", 1) < 0)
            return;
    }
}

static void crash_handler(int sig) {
    crash_note();
    signal(sig, SIG_DFL);
    raise(sig);
}

extern void __asan_set_death_callback(void (*cb)(void)) __attribute__((weak));

static void setup_crash_notes(void) {
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

    for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
        signal(sigs[i], crash_handler);
    if (__asan_set_death_callback)
        __asan_set_death_callback(crash_note);
}

static uint64_t env_number(const char* name, uint64_t dflt) {
    const char* v = getenv(name);

    return v && *v ? strtoull(v, NULL, 0) : dflt;
}

static unsigned iterations(void) {
    const char* slow = getenv("PTSHIM_SLOW");

    return (unsigned)env_number("PTSHIM_FUZZ_ITER", slow && *slow && strcmp(slow, "0") ? 1000 : 40);
}

static void fuzz_all(bool json) {
    uint64_t seed = env_number("PTSHIM_FUZZ_SEED", 1);
    unsigned iters = iterations();
    unsigned long cases = 0, bad = 0;

    setenv("TZ", "UTC", 1);
    list_numbers();
    fuzz_tracee_init();
    setup_crash_notes();
    /* each call once per round, so that an early failure shows for all */
    for (unsigned iter = 0; iter < iters && bad < 20; iter++)
        for (unsigned index = 0; index < g_nnumbers; index++, cases++)
            if (fuzz_one(json, seed, index, iter, false) < 0 && ++bad >= 20)
                break;
    fprintf(stderr,
            "%s: seed %llu: %u numbers, %u cases each, %lu cases, %lu bad; %lu tracee reads "
            "(%lu of readable memory), the largest %zu bytes\n",
            json ? "json" : "text", (unsigned long long)seed, g_nnumbers, iters, cases, bad,
            g_tracee.reads, g_tracee.reads_found, g_tracee.max_read);
    ck_assert_msg(!bad, "%lu of %lu fuzz cases printed a bad trace (details on stderr)", bad, cases);
}

START_TEST(test_fuzz_text) {
    fuzz_all(false);
}
END_TEST

START_TEST(test_fuzz_json) {
    fuzz_all(true);
}
END_TEST

/* PTSHIM_FUZZ_ONLY=MODE:NR:ITER: that case alone, with its output. */
static int run_only(const char* only) {
    char mode[8] = "", number[32] = "";
    unsigned long long nr;
    unsigned iter, index;

    if (sscanf(only, "%7[a-z]:%31[0-9a-fx]:%u", mode, number, &iter) != 3) {
        fprintf(stderr, "PTSHIM_FUZZ_ONLY=text|json:NR:ITER\n");
        return 99;
    }
    nr = strtoull(number, NULL, 0);
    setenv("TZ", "UTC", 1);
    list_numbers();
    fuzz_tracee_init();
    for (index = 0; index < g_nnumbers && g_numbers[index] != nr; index++)
        ;
    if (index == g_nnumbers) {
        fprintf(stderr, "no fuzzed number %llu\n", nr);
        return 99;
    }
    return fuzz_one(!strcmp(mode, "json"), env_number("PTSHIM_FUZZ_SEED", 1), index, iter, true) < 0;
}

int main(void) {
    Suite* s = suite_create("decode_fuzz");
    TCase* fuzz = tcase_create("fuzz");
    const char* only = getenv("PTSHIM_FUZZ_ONLY");

    if (only && *only)
        return run_only(only);
    tcase_add_test(fuzz, test_fuzz_text);
    tcase_add_test(fuzz, test_fuzz_json);
    /* the slow variant runs 25 times longer */
    tcase_set_timeout(fuzz, iterations() > 40 ? 3600 : 240);
    suite_add_tcase(s, fuzz);
    return unit_run(s);
}

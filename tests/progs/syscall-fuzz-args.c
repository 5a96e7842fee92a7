/*
 * syscall-fuzz-args.c: the memory the fuzzed arguments point into, and
 * the pools each kind of argument is drawn from.
 *
 * The arena sits at a fixed address, so that a pointer prints the same in
 * every run and can be named.  Its pages, in order:
 *
 *   DATA    good arguments: names, structs the calls read, iovecs...
 *   OUT     buffers the calls write (zeroed)
 *   EDGE_X  all 'x', followed by an unmapped page: "page_end-N" points N
 *           bytes before that page, a string there has no terminator
 *   GUARD   unmapped
 *   EDGE_S  good names whose NUL is the page's last byte
 *   GUARD
 *   RO      read-only: a call that writes there gets EFAULT
 *   GUARD
 *   NONE    PROT_NONE
 *   GUARD
 *   CODE    the signal handler and restorer the sigactions name: at a
 *           fixed address, so that a struct sigaction written to a file
 *           holds the same bytes in every run
 *   GUARD
 *   TIDS    the structs that name the batch's thread (SIGEV_THREAD_ID,
 *           F_OWNER_TID): apart, since its ID differs in each run and
 *           no buffer a call writes to a file may hold it
 *   GUARD
 *   MEM     the one place the memory calls (mmap, munmap, mprotect,
 *           mremap, madvise...) may change, so that the program's own
 *           memory survives them
 *   RESV    PROT_NONE, where a length that runs past MEM ends
 *
 * Before each call the child copies DATA, OUT and the EDGE pages back
 * from a template (a call may have written there), so that every call
 * sees the same arguments whatever the calls before it wrote, and no
 * value that varies between runs (a time, a random byte) flows into a
 * later call.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <unistd.h>

#include "syscall-fuzz.h"

#define PG FUZZ_PAGE
enum {
    P_DATA = 0,
    N_DATA = 10,
    P_OUT = 10,
    N_OUT = 4,
    P_EDGE_X = 14,
    P_GUARD1 = 15,
    P_EDGE_S = 16,
    P_GUARD2 = 17,
    P_RO = 18,
    P_GUARD3 = 19,
    P_NONE = 20,
    P_GUARD4 = 21,
    P_CODE = 22,
    P_GUARD5 = 23,
    P_TIDS = 24,
    P_GUARD6 = 25,
    P_MEM = 26,
    N_MEM = 32,
    P_RESV = 58,
    N_RESV = 64,
    P_HOLE = 122, /* beyond the arena: unmapped */
    N_ARENA = 122,
};
#define PAGE_ADDR(p) (ARENA_BASE + (uint64_t)(p)*PG)
#define OUT_ADDR PAGE_ADDR(P_OUT)
#define PAGE_END PAGE_ADDR(P_GUARD1) /* the first byte after EDGE_X */
#define N_RESTORED (P_GUARD1)        /* DATA, OUT, EDGE_X; and EDGE_S */

static unsigned char* g_template; /* DATA..EDGE_X, then EDGE_S */
static uint64_t g_data_next = PAGE_ADDR(P_DATA);

#define PICK(arr) (&(arr)[rnd_below(sizeof(arr) / sizeof((arr)[0]))])

/* ---- building DATA ---- */

static uint64_t dput(const void* src, size_t len, size_t align) {
    uint64_t at = (g_data_next + align - 1) & ~(uint64_t)(align - 1);

    if (at + len > PAGE_ADDR(P_DATA + N_DATA)) {
        fprintf(stderr, "syscall-fuzz: the DATA pages are full\n");
        _exit(99);
    }
    memcpy((void*)(uintptr_t)at, src, len);
    g_data_next = at + len;
    return at;
}
static uint64_t dstr(const char* s) {
    return dput(s, strlen(s) + 1, 1);
}

/* ---- pools ---- */

static void padd(struct pool* p, const char* label, uint64_t val) {
    if (p->n == POOL_MAX) {
        fprintf(stderr, "syscall-fuzz: a pool is full at %s\n", label);
        _exit(99);
    }
    p->it[p->n].label = label;
    p->it[p->n].val = val;
    p->n++;
}
static const struct fuzz_item* ppick(const struct pool* p) {
    return &p->it[rnd_below(p->n)];
}

bool g_gen_good;

/* Whether a pool's item is a good argument (for the calls made with good
 * arguments but one): by its name, which says what is wrong with the bad
 * ones. */
static bool good_label(const char* label) {
    static const char* const bad[] = {
        "page_end", "NULL", "guard", "hole", "kernel", "noncanonical", "bit63", "-1", "-4096",
        "0x1", "bad", "wild", "neg", "huge", "partial", "overflow", "ro_", "1025", "unterminated",
        "nonexistent", "none", "small", "all_", "no_restorer", "size1", "size16", "user_last",
        "text", "_max", "closed", "INT_MAX", "1<<", "0x80000000", "1000000", "+1", "+8", "_end",
        "edge", "loop", "dangling", "/x", "//", "/\"", "\"\"", "no_such", "INT_MIN", "-2",
        "zero_", "nonzero", "mode_no", "full", "1<<30", "len_0", "resv",
    };

    if (!label)
        return true;
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (strstr(label, bad[i]))
            return false;
    return true;
}

/* A good item of P if the call is made with good arguments (and P has
 * one), else any. */
static const struct fuzz_item* ppick_mode(const struct pool* p) {
    if (g_gen_good)
        for (unsigned tries = 0; tries < 32; tries++) {
            const struct fuzz_item* it = ppick(p);

            if (good_label(it->label))
                return it;
        }
    return ppick(p);
}

/* Pointers that no call can use (the hostile part of every pointer
 * pool): NULL, unmapped, kernel, non-canonical, misaligned ends. */
static struct pool g_hostile, g_obuf, g_ibuf, g_ptr, g_path, g_str, g_memaddr, g_brk;
static struct pool g_sleep, g_timer_tv, g_timer_ts;
static struct pool g_struct[SD_NPRINTERS];
/* instances the rules use (by name in syscall-fuzz-rules.c) */
struct pool g_flock, g_fowner, g_futexw, g_sembuf, g_sigevent, g_mqattr, g_schedattr,
    g_fdset, g_pselect_sig, g_mmsg, g_capheader, g_landlock, g_sockprog, g_intval, g_rwhint,
    g_fileattr, g_addrlen, g_waitv, g_sleep_tv, g_ts_nowait;

static uint64_t g_self_pid, g_text;
static uint64_t g_ts_short, g_sa_handler; /* the instances the rules name */
static uint64_t g_owner_tid, g_sev_tid; /* where the child writes its tid */

uint64_t pool_self_pid(void) {
    return g_self_pid;
}
uint64_t pool_nonexistent_pid(void) {
    /* beyond PID_MAX_LIMIT (4M): no process has it */
    return 0x3ffffff0;
}

/* The good handler the sigaction instances name (it only returns), and
 * the restorer it returns through (rt_sigreturn), in CODE. */
#define CODE_HANDLER PAGE_ADDR(P_CODE)
#define CODE_RESTORER (PAGE_ADDR(P_CODE) + 16)
uint64_t arena_handler(void) {
    return CODE_HANDLER;
}
uint64_t arena_restorer(void) {
    return CODE_RESTORER;
}

/* the kernel's struct sigaction */
struct ksigaction {
    uint64_t handler, flags, restorer, mask;
};

static void build_hostile(void) {
    static const struct fuzz_item h[] = {
        {"NULL", 0},
        {"0x1", 1},
        {"0x10", 0x10},
        {"0x1000", 0x1000},
        {"guard", PAGE_ADDR(P_GUARD1)},
        {"hole", PAGE_ADDR(P_HOLE)},
        {"none_page", PAGE_ADDR(P_NONE)},
        {"kernel", 0xffffffff81000000UL},
        {"kernel_direct", 0xffff888000000000UL},
        {"noncanonical", 0x0000800000000000UL},
        {"bit63", 0x8000000000000000UL},
        {"-1", ~0UL},
        {"-4096", -4096UL},
        {"user_last_byte", 0x7fffffffffffUL},
    };

    for (unsigned i = 0; i < sizeof(h) / sizeof(h[0]); i++)
        padd(&g_hostile, h[i].label, h[i].val);
}

/* The pointers just before the unmapped page after EDGE_X. */
static void add_page_end(struct pool* p) {
    static const char* const names[] = {"page_end-1", "page_end-2", "page_end-4",
                                        "page_end-7", "page_end-8", "page_end-12",
                                        "page_end-16", "page_end-24", "page_end-64",
                                        "page_end-128", "page_end-4095", "page_end-4096"};
    static const unsigned back[] = {1, 2, 4, 7, 8, 12, 16, 24, 64, 128, 4095, 4096};

    for (unsigned i = 0; i < sizeof(back) / sizeof(back[0]); i++)
        padd(p, names[i], PAGE_END - back[i]);
}

static void build_pointer_pools(uint64_t garbage) {
    padd(&g_obuf, "out", OUT_ADDR);
    padd(&g_obuf, "out", OUT_ADDR);
    padd(&g_obuf, "out+1", OUT_ADDR + 1);
    padd(&g_obuf, "out+8", OUT_ADDR + 8);
    padd(&g_obuf, "out_end-100", PAGE_ADDR(P_OUT + N_OUT) - 100);
    padd(&g_obuf, "edge_x", PAGE_ADDR(P_EDGE_X));
    add_page_end(&g_obuf);
    padd(&g_obuf, "ro_page", PAGE_ADDR(P_RO));
    padd(&g_obuf, "text", g_text);

    padd(&g_ibuf, "data", garbage);
    padd(&g_ibuf, "data", garbage);
    padd(&g_ibuf, "zeros", OUT_ADDR);
    padd(&g_ibuf, "edge_x", PAGE_ADDR(P_EDGE_X));
    add_page_end(&g_ibuf);
    padd(&g_ibuf, "ro_page", PAGE_ADDR(P_RO));

    /* the program's text only to be written to (EFAULT): read with a
     * large length it runs on into the relocated data after it, whose
     * bytes differ in each run (ASLR) */
    for (unsigned i = 0; i < g_obuf.n; i++)
        if (g_obuf.it[i].val != g_text)
            padd(&g_ptr, g_obuf.it[i].label, g_obuf.it[i].val);
    padd(&g_ptr, "data", garbage);
    padd(&g_ptr, "mem", PAGE_ADDR(P_MEM));
}

/* Names in the scratch directory (syscall-fuzz.c makes them): none
 * absolute but one under a directory that does not exist, none with a
 * "..": whatever a call does with them stays in the scratch directory. */
static void build_paths(void) {
    static const char* const names[] = {
        "file_a", "file_a", "dir_a", "dir_a/file_b", "dir_a/sub", "link_a", "dangling", "loop",
        "empty", "sock", "nonexistent", "nonexistent/x", "file_a/x", "", ".", "dir_a/",
        "file_a/", "new_1", "new_2", "new_dir", "link_a/", "dir_a//file_b",
        "/nonexistent-ptshim-fuzz/x",
    };
    static char labels[sizeof(names) / sizeof(names[0])][40];
    char buf[4200];

    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        snprintf(labels[i], sizeof(labels[i]), "\"%s\"", names[i]);
        padd(&g_path, labels[i], dstr(names[i]));
    }
    /* a component longer than NAME_MAX */
    memset(buf, 'a', 256);
    buf[256] = '\0';
    padd(&g_path, "name_max+1", dstr(buf));
    /* PATH_MAX bytes without their NUL, and one that just fits */
    for (unsigned i = 0; i < PATH_MAX; i++)
        buf[i] = (i % 64 == 63) ? '/' : 'a';
    buf[PATH_MAX] = '\0';
    padd(&g_path, "path_max", dstr(buf));
    buf[PATH_MAX - 1] = '\0';
    padd(&g_path, "path_max-1", dstr(buf));
    /* the string runs into the unmapped page, or ends just before it */
    padd(&g_path, "unterminated", PAGE_ADDR(P_EDGE_X));
    padd(&g_path, "page_end-1", PAGE_END - 1);
    padd(&g_path, "page_end-64", PAGE_END - 64);
    padd(&g_path, "str_at_page_end", PAGE_ADDR(P_EDGE_S + 1) - 7); /* "file_a" */
    padd(&g_path, "ro_str", PAGE_ADDR(P_RO));                      /* "file_a" */
    for (unsigned i = 0; i < g_hostile.n; i++)
        padd(&g_path, g_hostile.it[i].label, g_hostile.it[i].val);

    static const char* const strs[] = {
        "fuzz", "", "user.fuzz", "user.a", "trusted.fuzz", "security.fuzz",
        "system.posix_acl_access", "nonamespace", "user.", "/fuzzq", "/", "fuzzq",
    };
    static char slabels[sizeof(strs) / sizeof(strs[0])][40];

    for (unsigned i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        snprintf(slabels[i], sizeof(slabels[i]), "\"%s\"", strs[i]);
        padd(&g_str, slabels[i], dstr(strs[i]));
    }
    memset(buf, 'a', 300);
    memcpy(buf, "user.", 5);
    buf[300] = '\0';
    padd(&g_str, "xattr_name_300", dstr(buf));
    padd(&g_str, "unterminated", PAGE_ADDR(P_EDGE_X));
    padd(&g_str, "page_end-1", PAGE_END - 1);
    padd(&g_str, "NULL", 0);
    padd(&g_str, "guard", PAGE_ADDR(P_GUARD1));
    padd(&g_str, "kernel", 0xffffffff81000000UL);
}

static void build_mem(void) {
    padd(&g_memaddr, "mem", PAGE_ADDR(P_MEM));
    padd(&g_memaddr, "mem", PAGE_ADDR(P_MEM));
    padd(&g_memaddr, "mem+1page", PAGE_ADDR(P_MEM + 1));
    padd(&g_memaddr, "mem+5pages", PAGE_ADDR(P_MEM + 5));
    padd(&g_memaddr, "mem+16pages", PAGE_ADDR(P_MEM + 16));
    padd(&g_memaddr, "mem_last_page", PAGE_ADDR(P_MEM + N_MEM - 1));
    padd(&g_memaddr, "mem+1", PAGE_ADDR(P_MEM) + 1);
    padd(&g_memaddr, "mem+100", PAGE_ADDR(P_MEM) + 100);
    padd(&g_memaddr, "resv", PAGE_ADDR(P_RESV));
    padd(&g_memaddr, "resv+10pages", PAGE_ADDR(P_RESV + 10));
    padd(&g_memaddr, "hole", PAGE_ADDR(P_HOLE));
    padd(&g_memaddr, "NULL", 0);
    padd(&g_memaddr, "0x1000", 0x1000);
    padd(&g_memaddr, "kernel", 0xffffffff81000000UL);
    padd(&g_memaddr, "noncanonical", 0x0000800000000000UL);
    padd(&g_memaddr, "user_last_page", 0x7ffffffff000UL);
    padd(&g_memaddr, "-4096", -4096UL);
    padd(&g_memaddr, "-1", ~0UL);
}

/* a length for the memory calls: within MEM and RESV from a MEM
 * address, or so large that every call refuses it: beyond any TASK_SIZE,
 * 5-level paging's 1 << 56 included (1 << 47 from MEM would reach the
 * stack there).  The other addresses (NULL, 0x1000, beyond the arena,
 * the last page of 47-bit space) have nothing mapped for 64 pages. */
static uint64_t gen_memlen(const char** label) {
    static const struct fuzz_item l[] = {
        {"0", 0},
        {"1", 1},
        {"4095", PG - 1},
        {"4096", PG},
        {"4097", PG + 1},
        {"8192", 2 * PG},
        {"16pages", 16 * PG},
        {"32pages", 32 * PG},
        {"64pages", 64 * PG},
        {"1<<57", 1UL << 57},
        {"1<<63", 1UL << 63},
        {"-4096", -4096UL},
        {"-1", ~0UL},
    };
    const struct fuzz_item* it = &l[rnd_below(sizeof(l) / sizeof(l[0]))];

    *label = it->label;
    return it->val;
}

/* the kernel's timespec and timeval */
struct kts {
    int64_t sec, nsec;
};

static void build_time(void) {
    const struct kts shortts = {0, 1000}, zero = {0, 0}, badns = {0, 1000000000},
                     neg = {-1, 0}, negns = {0, -1};
    /* a timer that never expires while the program runs */
    const struct kts longts[2] = {{0, 0}, {1000000000000LL, 0}};
    const struct kts longtv[2] = {{0, 0}, {1000000, 0}};
    const struct kts badtv[2] = {{0, 0}, {0, 1000000}};
    const struct kts zero2[2] = {{0, 0}, {0, 0}};

    g_ts_short = dput(&shortts, sizeof(shortts), 16);
    padd(&g_sleep, "ts_1us", g_ts_short);
    padd(&g_sleep, "ts_1us", g_ts_short);
    padd(&g_sleep, "ts_zero", dput(&zero, sizeof(zero), 16));
    padd(&g_sleep, "ts_bad_nsec", dput(&badns, sizeof(badns), 16));
    padd(&g_sleep, "ts_neg", dput(&neg, sizeof(neg), 16));
    padd(&g_sleep, "ts_neg_nsec", dput(&negns, sizeof(negns), 16));
    padd(&g_sleep, "page_end-8", PAGE_END - 8);
    padd(&g_sleep, "page_end-16", PAGE_END - 16);
    padd(&g_sleep, "guard", PAGE_ADDR(P_GUARD1));
    padd(&g_sleep, "kernel", 0xffffffff81000000UL);
    for (unsigned i = 0; i < g_sleep.n; i++)
        padd(&g_struct[SD_PRINTER_struct_timespec], g_sleep.it[i].label, g_sleep.it[i].val);

    /* struct timeval: the same values, in microseconds */
    {
        const struct kts tv1 = {0, 1}, tvbad = {0, 1000000};
        struct pool* p = &g_struct[SD_PRINTER_struct_timeval];

        padd(p, "tv_1us", dput(&tv1, sizeof(tv1), 16));
        padd(p, "tv_zero", dput(&zero, sizeof(zero), 16));
        padd(p, "tv_bad_usec", dput(&tvbad, sizeof(tvbad), 16));
        padd(p, "tv_neg", dput(&neg, sizeof(neg), 16));
        for (unsigned i = 0; i < p->n; i++)
            padd(&g_sleep_tv, p->it[i].label, p->it[i].val);
        /* (not page_end-16: select folds tv_usec beyond a second into
         * tv_sec, so its 'x's are a valid timeval of 10^17 years) */
        padd(&g_sleep_tv, "page_end-8", PAGE_END - 8);
        padd(&g_sleep_tv, "guard", PAGE_ADDR(P_GUARD1));
        padd(&g_sleep_tv, "kernel", 0xffffffff81000000UL);
    }
    padd(&g_timer_ts, "its_long", dput(longts, sizeof(longts), 16));
    /* recvmmsg's timeout is looked at between two messages: a short one
     * would expire or not depending on the speed of the run */
    padd(&g_ts_nowait, "NULL", 0);
    padd(&g_ts_nowait, "ts_long", dput(&longts[1], sizeof(longts[1]), 16));
    padd(&g_ts_nowait, "ts_bad_nsec", dput(&badns, sizeof(badns), 16));
    padd(&g_ts_nowait, "ts_neg", dput(&neg, sizeof(neg), 16));
    padd(&g_ts_nowait, "page_end-8", PAGE_END - 8);
    padd(&g_ts_nowait, "guard", PAGE_ADDR(P_GUARD1));
    padd(&g_timer_ts, "its_zero", dput(zero2, sizeof(zero2), 16));
    padd(&g_timer_ts, "its_bad_nsec", dput((const struct kts[2]){{0, 0}, {0, 1000000000}},
                                           2 * sizeof(struct kts), 16));
    padd(&g_timer_ts, "its_neg", dput((const struct kts[2]){{0, 0}, {-5, 0}}, 2 * sizeof(struct kts), 16));
    padd(&g_timer_tv, "itv_long", dput(longtv, sizeof(longtv), 16));
    padd(&g_timer_tv, "itv_zero", dput(zero2, sizeof(zero2), 16));
    padd(&g_timer_tv, "itv_bad_usec", dput(badtv, sizeof(badtv), 16));
    padd(&g_timer_tv, "itv_neg", dput((const struct kts[2]){{0, 0}, {-5, 0}}, 2 * sizeof(struct kts), 16));
    for (unsigned i = 0; i < 2; i++) {
        struct pool* p = i ? &g_timer_tv : &g_timer_ts;

        padd(p, "page_end-16", PAGE_END - 16);
        padd(p, "page_end-24", PAGE_END - 24);
        padd(p, "NULL", 0);
        padd(p, "guard", PAGE_ADDR(P_GUARD1));
    }
    for (unsigned i = 0; i < g_timer_ts.n; i++)
        padd(&g_struct[SD_PRINTER_struct_itimerspec], g_timer_ts.it[i].label, g_timer_ts.it[i].val);
    for (unsigned i = 0; i < g_timer_tv.n; i++)
        padd(&g_struct[SD_PRINTER_struct_itimerval], g_timer_tv.it[i].label, g_timer_tv.it[i].val);

    {
        struct pool* p = &g_struct[SD_PRINTER_struct_utimespec];
        const struct kts ok[2] = {{0, 0}, {1, 0}};
        const struct kts special[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
        const struct kts bad[2] = {{0, 1000000000}, {0, 0}};

        padd(p, "utimespec_ok", dput(ok, sizeof(ok), 16));
        padd(p, "utimespec_now_omit", dput(special, sizeof(special), 16));
        padd(p, "utimespec_bad", dput(bad, sizeof(bad), 16));
        p = &g_struct[SD_PRINTER_struct_utimeval];
        padd(p, "utimeval_ok", dput(ok, sizeof(ok), 16));
        padd(p, "utimeval_bad", dput((const struct kts[2]){{0, 1000000}, {0, 0}}, 2 * sizeof(struct kts), 16));
        p = &g_struct[SD_PRINTER_struct_utimbuf];
        padd(p, "utimbuf_zero", dput(zero2, sizeof(struct kts), 16));
        padd(p, "utimbuf_big", dput((const int64_t[2]){INT64_MAX, -1}, 16, 16));
        p = &g_struct[SD_PRINTER_struct_timezone];
        padd(p, "tz_zero", dput(zero2, 8, 8));
    }
}

static void build_signals(void) {
    struct pool* p = &g_struct[SD_PRINTER_struct_sigset];
    const uint64_t zero = 0, all = ~0UL, usr1 = 1UL << (SIGUSR1 - 1);
    const struct ksigaction ign = {(uint64_t)(uintptr_t)SIG_IGN, 0x04000000, 0, 0};
    const struct ksigaction dfl = {0, 0, 0, 0};
    struct ksigaction h = {CODE_HANDLER, 0x04000000 | SA_RESTART | SA_SIGINFO, CODE_RESTORER, 0};

    padd(p, "sigset_empty", dput(&zero, 8, 8));
    padd(p, "sigset_full", dput(&all, 8, 8));
    padd(p, "sigset_usr1", dput(&usr1, 8, 8));
    p = &g_struct[SD_PRINTER_struct_sigaction];
    padd(p, "sa_ign", dput(&ign, sizeof(ign), 8));
    padd(p, "sa_dfl", dput(&dfl, sizeof(dfl), 8));
    g_sa_handler = dput(&h, sizeof(h), 8);
    padd(p, "sa_handler", g_sa_handler);
    h.flags = SA_RESETHAND | SA_NODEFER | 0x04000000;
    h.mask = ~0UL;
    padd(p, "sa_handler_resethand", dput(&h, sizeof(h), 8));
    h.flags = SA_SIGINFO; /* no SA_RESTORER: the return faults */
    padd(p, "sa_no_restorer", dput(&h, sizeof(h), 8));
    h.handler = 0x10;
    h.flags = 0x04000000;
    padd(p, "sa_bad_handler", dput(&h, sizeof(h), 8));
    h.handler = (uint64_t)(uintptr_t)SIG_IGN;
    h.flags = ~0UL;
    padd(p, "sa_all_flags", dput(&h, sizeof(h), 8));

    p = &g_struct[SD_PRINTER_struct_siginfo];
    {
        int si[32] = {0};

        si[0] = SIGUSR1;
        si[2] = -1; /* SI_QUEUE */
        padd(p, "si_queue", dput(si, sizeof(si), 8));
        si[2] = 0; /* SI_USER */
        padd(p, "si_user", dput(si, sizeof(si), 8));
        si[2] = -6; /* SI_TKILL */
        padd(p, "si_tkill", dput(si, sizeof(si), 8));
        si[2] = 0x80; /* SI_KERNEL */
        padd(p, "si_kernel", dput(si, sizeof(si), 8));
        si[0] = 0;
        si[2] = -1;
        padd(p, "si_signo0", dput(si, sizeof(si), 8));
    }
    p = &g_struct[SD_PRINTER_struct_stack_t];
    {
        struct {
            uint64_t sp;
            int32_t flags, pad;
            uint64_t size;
        } ss = {0, SS_DISABLE, 0, 0};

        padd(p, "ss_disable", dput(&ss, sizeof(ss), 8));
        ss.sp = OUT_ADDR;
        ss.flags = 0;
        ss.size = N_OUT * PG;
        padd(p, "ss_out", dput(&ss, sizeof(ss), 8));
        ss.size = 1024;
        padd(p, "ss_small", dput(&ss, sizeof(ss), 8));
        ss.size = N_OUT * PG;
        ss.flags = 0x7;
        padd(p, "ss_bad_flags", dput(&ss, sizeof(ss), 8));
    }
}

struct kiov {
    uint64_t base, len;
};

static void build_io(uint64_t garbage) {
    struct pool* p = &g_struct[SD_PRINTER_struct_iovec];
    static struct kiov many[1025];
    const struct kiov two[2] = {{OUT_ADDR, 16}, {OUT_ADDR + 16, 16}};
    const struct kiov null1 = {0, 0};
    const struct kiov wild = {0x10, 16};
    const struct kiov huge = {OUT_ADDR, SSIZE_MAX};
    const struct kiov partial = {PAGE_END - 8, 16};
    const struct kiov over[2] = {{OUT_ADDR, SSIZE_MAX}, {OUT_ADDR, SSIZE_MAX}};
    const struct kiov ro = {PAGE_ADDR(P_RO), 16};
    const struct kiov data = {garbage, 64};
    uint64_t iov2;

    iov2 = dput(two, sizeof(two), 16);
    padd(p, "iov_out2", iov2);
    padd(p, "iov_out2", iov2);
    padd(p, "iov_null", dput(&null1, sizeof(null1), 16));
    padd(p, "iov_wild", dput(&wild, sizeof(wild), 16));
    padd(p, "iov_huge", dput(&huge, sizeof(huge), 16));
    padd(p, "iov_partial", dput(&partial, sizeof(partial), 16));
    padd(p, "iov_overflow", dput(over, sizeof(over), 16));
    padd(p, "iov_ro", dput(&ro, sizeof(ro), 16));
    padd(p, "iov_data", dput(&data, sizeof(data), 16));
    for (unsigned i = 0; i < 1025; i++)
        many[i] = (struct kiov){OUT_ADDR + i % 64, 1};
    padd(p, "iov_1025", dput(many, sizeof(many), 16));
    padd(p, "page_end-8", PAGE_END - 8);

    /* struct msghdr, and mmsghdr (a msghdr and a length) */
    {
        struct kmsghdr {
            uint64_t name;
            uint32_t namelen, pad;
            uint64_t iov, iovlen, control, controllen;
            uint32_t flags, pad2;
            uint32_t len, pad3; /* mmsghdr */
        } m = {0, 0, 0, iov2, 2, 0, 0, 0, 0, 0, 0};
        struct {
            uint64_t len;
            int32_t level, type;
            int32_t fd, pad;
        } rights = {20, SOL_SOCKET, SCM_RIGHTS, 10, 0};
        struct sockaddr_un sun = {AF_UNIX, "sock"};
        struct kmsghdr two_m[2];

        p = &g_struct[SD_PRINTER_struct_msghdr];
        padd(p, "msg_plain", dput(&m, sizeof(m), 8));
        m.name = dput(&sun, sizeof(sun), 8);
        m.namelen = sizeof(sun);
        padd(p, "msg_name_sock", dput(&m, sizeof(m), 8));
        m.name = 0;
        m.namelen = 0;
        m.control = dput(&rights, sizeof(rights), 8);
        m.controllen = sizeof(rights);
        padd(p, "msg_rights", dput(&m, sizeof(m), 8));
        m.control = garbage;
        m.controllen = 64;
        padd(p, "msg_bad_control", dput(&m, sizeof(m), 8));
        m.control = 0x10;
        padd(p, "msg_wild_control", dput(&m, sizeof(m), 8));
        m.control = 0;
        m.controllen = 0;
        m.iov = 0x10;
        padd(p, "msg_wild_iov", dput(&m, sizeof(m), 8));
        m.iov = g_struct[SD_PRINTER_struct_iovec].it[g_struct[SD_PRINTER_struct_iovec].n - 2].val;
        m.iovlen = 1025;
        padd(p, "msg_1025_iov", dput(&m, sizeof(m), 8));
        m.iov = iov2;
        m.iovlen = 2;
        m.namelen = 0xffffffff;
        m.name = OUT_ADDR;
        padd(p, "msg_bad_namelen", dput(&m, sizeof(m), 8));
        padd(p, "page_end-16", PAGE_END - 16);

        m = (struct kmsghdr){0, 0, 0, iov2, 2, 0, 0, 0, 0, 0, 0};
        two_m[0] = m;
        two_m[1] = m;
        padd(&g_mmsg, "mmsg2", dput(two_m, sizeof(two_m), 8));
        two_m[1].iov = 0x10;
        padd(&g_mmsg, "mmsg_second_wild", dput(two_m, sizeof(two_m), 8));
        padd(&g_mmsg, "page_end-16", PAGE_END - 16);
        padd(&g_mmsg, "NULL", 0);
        padd(&g_mmsg, "data", garbage);
    }

    /* socket addresses: a Unix socket's name in the scratch directory,
     * local internet addresses at port 0 (connect never reaches a
     * service), bad families and lengths */
    {
        struct sockaddr_un sun = {AF_UNIX, "sock"};
        struct sockaddr_in sin = {AF_INET, 0, {htonl(INADDR_LOOPBACK)}, {0}};
        struct sockaddr_in6 sin6 = {AF_INET6, 0, 0, IN6ADDR_LOOPBACK_INIT, 0};
        uint16_t fam;

        p = &g_struct[SD_PRINTER_struct_sockaddr];
        padd(p, "sun_sock", dput(&sun, sizeof(sun), 8));
        padd(p, "sun_sock", dput(&sun, sizeof(sun), 8));
        strcpy(sun.sun_path, "new_sock");
        padd(p, "sun_new_sock", dput(&sun, sizeof(sun), 8));
        strcpy(sun.sun_path, "nonexistent/s");
        padd(p, "sun_nonexistent", dput(&sun, sizeof(sun), 8));
        memset(sun.sun_path, 'u', sizeof(sun.sun_path));
        padd(p, "sun_unterminated", dput(&sun, sizeof(sun), 8));
        padd(p, "sin_loopback", dput(&sin, sizeof(sin), 8));
        sin.sin_addr.s_addr = htonl(INADDR_ANY);
        padd(p, "sin_any", dput(&sin, sizeof(sin), 8));
        padd(p, "sin6_loopback", dput(&sin6, sizeof(sin6), 8));
        fam = AF_UNSPEC;
        padd(p, "sa_unspec", dput((const uint64_t[4]){fam}, 32, 8));
        fam = 12345;
        padd(p, "sa_bad_family", dput((const uint64_t[4]){fam}, 32, 8));
        padd(p, "page_end-2", PAGE_END - 2);
        padd(p, "page_end-16", PAGE_END - 16);
    }
    {
        const int32_t v16 = 16, v0 = 0, v128 = 128, vneg = -1, vhuge = 1 << 30, v110 = 110;

        p = &g_struct[SD_PRINTER_struct_socklen];
        padd(p, "len_16", dput(&v16, 4, 4));
        padd(p, "len_110", dput(&v110, 4, 4));
        padd(p, "len_0", dput(&v0, 4, 4));
        padd(p, "len_128", dput(&v128, 4, 4));
        padd(p, "len_-1", dput(&vneg, 4, 4));
        padd(p, "len_1<<30", dput(&vhuge, 4, 4));
        padd(p, "page_end-2", PAGE_END - 2);
        padd(&g_intval, "int_0", dput(&v0, 4, 4));
        padd(&g_intval, "int_1", dput((const int32_t[1]){1}, 4, 4));
        padd(&g_intval, "int_16", dput(&v16, 4, 4));
        padd(&g_intval, "int_-1", dput(&vneg, 4, 4));
        padd(&g_intval, "int_1<<30", dput(&vhuge, 4, 4));
        padd(&g_intval, "long_-1", dput((const int64_t[1]){-1}, 8, 8));
        padd(&g_intval, "page_end-2", PAGE_END - 2);
        for (unsigned i = 0; i < g_intval.n; i++) {
            padd(&g_struct[SD_PRINTER_int], g_intval.it[i].label, g_intval.it[i].val);
            padd(&g_struct[SD_PRINTER_uint], g_intval.it[i].label, g_intval.it[i].val);
        }
        p = &g_struct[SD_PRINTER_long];
        padd(p, "off_0", dput((const int64_t[1]){0}, 8, 8));
        padd(p, "off_100", dput((const int64_t[1]){100}, 8, 8));
        padd(p, "off_-1", dput((const int64_t[1]){-1}, 8, 8));
        padd(p, "off_1<<62", dput((const int64_t[1]){1LL << 62}, 8, 8));
        padd(p, "page_end-4", PAGE_END - 4);
        padd(&g_addrlen, "0", 0);
        padd(&g_addrlen, "2", 2);
        padd(&g_addrlen, "16", 16);
        padd(&g_addrlen, "28", 28);
        padd(&g_addrlen, "110", 110);
        padd(&g_addrlen, "111", 111);
        padd(&g_addrlen, "128", 128);
        padd(&g_addrlen, "129", 129);
        padd(&g_addrlen, "-1", ~0UL);
        padd(&g_addrlen, "4096", 4096);
    }
}

static void build_misc(uint64_t garbage) {
    struct pool* p;

    p = &g_struct[SD_PRINTER_struct_rlimit];
    padd(p, "rlim_1024", dput((const uint64_t[2]){1024, 1024}, 16, 8));
    padd(p, "rlim_inf", dput((const uint64_t[2]){~0UL, ~0UL}, 16, 8));
    padd(p, "rlim_cur_gt_max", dput((const uint64_t[2]){2, 1}, 16, 8));
    padd(p, "rlim_zero", dput((const uint64_t[2]){0, 0}, 16, 8));
    p = &g_struct[SD_PRINTER_struct_sched_param];
    padd(p, "prio_0", dput((const int32_t[1]){0}, 4, 4));
    padd(p, "prio_1", dput((const int32_t[1]){1}, 4, 4));
    padd(p, "prio_-1", dput((const int32_t[1]){-1}, 4, 4));
    p = &g_struct[SD_PRINTER_struct_cpu_set];
    {
        unsigned char set[128];

        memset(set, 0xff, sizeof(set));
        padd(p, "cpus_all", dput(set, sizeof(set), 8));
        memset(set, 0, sizeof(set));
        padd(p, "cpus_none", dput(set, sizeof(set), 8));
        set[0] = 1;
        padd(p, "cpu0", dput(set, sizeof(set), 8));
    }
    p = &g_struct[SD_PRINTER_struct_epoll_event];
    {
        struct __attribute__((packed)) {
            uint32_t events;
            uint64_t data;
        } ev = {EPOLLIN, 1};

        padd(p, "ev_in", dput(&ev, sizeof(ev), 4));
        ev.events = EPOLLIN | EPOLLOUT | EPOLLET | EPOLLONESHOT;
        padd(p, "ev_et_oneshot", dput(&ev, sizeof(ev), 4));
        ev.events = EPOLLIN | EPOLLEXCLUSIVE;
        padd(p, "ev_exclusive", dput(&ev, sizeof(ev), 4));
        ev.events = ~0U;
        padd(p, "ev_all_bits", dput(&ev, sizeof(ev), 4));
    }
    p = &g_struct[SD_PRINTER_struct_pollfd];
    {
        struct pollfd two[2] = {{16, POLLIN, 0}, {18, POLLIN | POLLOUT, 0}};
        struct pollfd all[32];

        padd(p, "pfd_pipe_sock", dput(two, sizeof(two), 8));
        two[0].fd = -1;
        two[1].fd = 1000000;
        two[1].events = (short)0xffff;
        padd(p, "pfd_bad", dput(two, sizeof(two), 8));
        for (unsigned i = 0; i < 32; i++)
            all[i] = (struct pollfd){(int)(i + 10), POLLIN | POLLOUT | POLLPRI, 0};
        padd(p, "pfd_pool32", dput(all, sizeof(all), 8));
    }
    p = &g_struct[SD_PRINTER_struct_open_how];
    {
        uint64_t how[5] = {O_RDONLY, 0, 0, 0, 0};

        padd(p, "how_rdonly", dput(how, 40, 8));
        how[0] = O_CREAT | O_RDWR;
        how[1] = 0644;
        padd(p, "how_creat", dput(how, 40, 8));
        how[0] = O_RDONLY;
        how[1] = 0644;
        padd(p, "how_mode_no_creat", dput(how, 40, 8));
        how[1] = 0;
        how[2] = 0x08 | 0x04; /* RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS */
        padd(p, "how_beneath", dput(how, 40, 8));
        how[2] = ~0UL;
        padd(p, "how_bad_resolve", dput(how, 40, 8));
        how[2] = 0;
        how[0] = ~0UL;
        padd(p, "how_bad_flags", dput(how, 40, 8));
        how[0] = O_RDONLY;
        how[3] = 1; /* a non-zero byte after the struct: E2BIG for a longer usize */
        padd(p, "how_nonzero_tail", dput(how, 40, 8));
    }
    p = &g_struct[SD_PRINTER_gid];
    padd(p, "gids_own", dput((const uint32_t[2]){g_gid, g_gid}, 8, 4));

    /* fcntl's locks and owners */
    {
        struct {
            int16_t type, whence;
            int32_t pad;
            int64_t start, len;
            int32_t pid, pad2;
        } fl = {F_WRLCK, SEEK_SET, 0, 0, 100, 0, 0};

        padd(&g_flock, "flock_wr", dput(&fl, sizeof(fl), 8));
        fl.type = F_RDLCK;
        padd(&g_flock, "flock_rd", dput(&fl, sizeof(fl), 8));
        fl.type = F_UNLCK;
        padd(&g_flock, "flock_un", dput(&fl, sizeof(fl), 8));
        fl.type = 7;
        padd(&g_flock, "flock_bad_type", dput(&fl, sizeof(fl), 8));
        fl.type = F_WRLCK;
        fl.whence = 9;
        padd(&g_flock, "flock_bad_whence", dput(&fl, sizeof(fl), 8));
        fl.whence = SEEK_SET;
        fl.start = -100;
        padd(&g_flock, "flock_neg_start", dput(&fl, sizeof(fl), 8));
        padd(&g_flock, "page_end-16", PAGE_END - 16);
        padd(&g_flock, "NULL", 0);
        padd(&g_flock, "ro_page", PAGE_ADDR(P_RO));
    }
    /* struct f_owner_ex: never a process group, never another process */
    g_owner_tid = PAGE_ADDR(P_TIDS); /* {F_OWNER_TID, the child's tid} */
    *(int32_t*)(uintptr_t)g_owner_tid = F_OWNER_TID;
    padd(&g_fowner, "owner_tid_self", g_owner_tid);
    padd(&g_fowner, "owner_pid_none",
         dput((const int32_t[2]){F_OWNER_PID, (int32_t)pool_nonexistent_pid()}, 8, 4));
    padd(&g_fowner, "owner_bad_type", dput((const int32_t[2]){99, 0}, 8, 4));
    padd(&g_fowner, "page_end-4", PAGE_END - 4);
    padd(&g_fowner, "NULL", 0);
    padd(&g_fowner, "out", OUT_ADDR);

    /* futex words */
    {
        uint64_t words = dput((const uint32_t[4]){0, 1, 0x7fffffff, FUTEX_WAITERS | 0x3ffffff0}, 16, 16);

        padd(&g_futexw, "word_0", words);
        padd(&g_futexw, "word_1", words + 4);
        padd(&g_futexw, "word_max", words + 8);
        padd(&g_futexw, "word_dead_owner", words + 12);
        padd(&g_futexw, "word_unaligned", words + 1);
        padd(&g_futexw, "page_end-2", PAGE_END - 2);
        padd(&g_futexw, "ro_page", PAGE_ADDR(P_RO));
        padd(&g_futexw, "NULL", 0);
        padd(&g_futexw, "kernel", 0xffffffff81000000UL);
    }
    /* semop's sembufs, all IPC_NOWAIT: a semaphore never blocks */
    {
        const int16_t inc[3] = {0, 1, 04000}, dec[3] = {0, -1, 04000}, zero[3] = {0, 0, 04000},
                      bad[3] = {5000, 1, 04000};

        padd(&g_sembuf, "sembuf_inc", dput(inc, 6, 2));
        padd(&g_sembuf, "sembuf_dec", dput(dec, 6, 2));
        padd(&g_sembuf, "sembuf_zero", dput(zero, 6, 2));
        padd(&g_sembuf, "sembuf_bad_num", dput(bad, 6, 2));
        padd(&g_sembuf, "page_end-4", PAGE_END - 4);
        padd(&g_sembuf, "NULL", 0);
    }
    /* struct sigevent (value, signo, notify, tid): none, a signal to
     * us, to our thread (its tid filled by the child), bad ones */
    {
        int32_t sev[16] = {0};

        sev[3] = SIGEV_NONE;
        padd(&g_sigevent, "sev_none", dput(sev, sizeof(sev), 8));
        sev[3] = SIGEV_SIGNAL;
        sev[2] = SIGUSR1;
        padd(&g_sigevent, "sev_signal_usr1", dput(sev, sizeof(sev), 8));
        sev[3] = 4; /* SIGEV_THREAD_ID, the tid filled by the child */
        g_sev_tid = PAGE_ADDR(P_TIDS) + 64;
        memcpy((void*)(uintptr_t)g_sev_tid, sev, sizeof(sev));
        padd(&g_sigevent, "sev_thread_self", g_sev_tid);
        sev[3] = 99;
        padd(&g_sigevent, "sev_bad_notify", dput(sev, sizeof(sev), 8));
        sev[3] = SIGEV_SIGNAL;
        sev[2] = 99;
        padd(&g_sigevent, "sev_bad_signo", dput(sev, sizeof(sev), 8));
        padd(&g_sigevent, "page_end-8", PAGE_END - 8);
        padd(&g_sigevent, "NULL", 0);
    }
    /* futex_waitv's struct: a word that holds the value, one that does
     * not (both wait at most until the timeout) */
    {
        uint64_t word = g_futexw.it[0].val;
        const uint64_t w1[3] = {0, word, 2 | 128}, w2[3] = {5, word, 2 | 128},
                       bad[3] = {0, word, 0xff};

        padd(&g_waitv, "waitv_match", dput(w1, sizeof(w1), 8));
        padd(&g_waitv, "waitv_nomatch", dput(w2, sizeof(w2), 8));
        padd(&g_waitv, "waitv_bad_flags", dput(bad, sizeof(bad), 8));
        padd(&g_waitv, "page_end-8", PAGE_END - 8);
        padd(&g_waitv, "NULL", 0);
    }
    {
        const int64_t ok[8] = {0, 8, 64, 0}, zero[8] = {0};

        padd(&g_mqattr, "mqattr_ok", dput(ok, sizeof(ok), 8));
        padd(&g_mqattr, "mqattr_zero", dput(zero, sizeof(zero), 8));
        padd(&g_mqattr, "page_end-8", PAGE_END - 8);
        padd(&g_mqattr, "NULL", 0);
    }
    {
        /* struct sched_attr (size 56): SCHED_OTHER, SCHED_FIFO 1, a bad
         * size; never SCHED_DEADLINE, whose budget would make the run's
         * speed depend on the scheduler */
        uint32_t a[14] = {56, 0};

        padd(&g_schedattr, "sattr_other", dput(a, sizeof(a), 8));
        a[1] = 1;
        a[8] = 1; /* sched_priority */
        padd(&g_schedattr, "sattr_fifo1", dput(a, sizeof(a), 8));
        a[0] = 1;
        padd(&g_schedattr, "sattr_size1", dput(a, sizeof(a), 8));
        padd(&g_schedattr, "page_end-8", PAGE_END - 8);
        padd(&g_schedattr, "NULL", 0);
        padd(&g_schedattr, "out", OUT_ADDR);
    }
    {
        unsigned char set[128];

        memset(set, 0, sizeof(set));
        for (unsigned fd = 10; fd < 34; fd++)
            set[fd / 8] |= (unsigned char)(1 << (fd % 8));
        padd(&g_fdset, "fdset_pool", dput(set, sizeof(set), 8));
        memset(set, 0xff, sizeof(set));
        padd(&g_fdset, "fdset_all", dput(set, sizeof(set), 8));
        padd(&g_fdset, "zeros", OUT_ADDR);
        padd(&g_fdset, "NULL", 0);
        padd(&g_fdset, "page_end-8", PAGE_END - 8);
        padd(&g_fdset, "ro_page", PAGE_ADDR(P_RO));
    }
    {
        uint64_t set0 = g_struct[SD_PRINTER_struct_sigset].it[0].val;

        padd(&g_pselect_sig, "sig_empty8", dput((const uint64_t[2]){set0, 8}, 16, 8));
        padd(&g_pselect_sig, "sig_size16", dput((const uint64_t[2]){set0, 16}, 16, 8));
        padd(&g_pselect_sig, "sig_wild_set", dput((const uint64_t[2]){0x10, 8}, 16, 8));
        padd(&g_pselect_sig, "NULL", 0);
        padd(&g_pselect_sig, "page_end-8", PAGE_END - 8);
    }
    {
        padd(&g_capheader, "cap_v3_self", dput((const uint32_t[2]){0x20080522, 0}, 8, 4));
        padd(&g_capheader, "cap_v1_self", dput((const uint32_t[2]){0x19980330, 0}, 8, 4));
        padd(&g_capheader, "cap_bad_version", dput((const uint32_t[2]){0x12345678, 0}, 8, 4));
        padd(&g_capheader, "cap_v3_no_pid",
             dput((const uint32_t[2]){0x20080522, (uint32_t)pool_nonexistent_pid()}, 8, 4));
        padd(&g_capheader, "page_end-4", PAGE_END - 4);
        padd(&g_capheader, "NULL", 0);
    }
    {
        padd(&g_landlock, "ruleset_fs_exec", dput((const uint64_t[3]){1, 0, 0}, 24, 8));
        padd(&g_landlock, "ruleset_zero", OUT_ADDR);
        padd(&g_landlock, "page_end-4", PAGE_END - 4);
        padd(&g_landlock, "NULL", 0);
    }
    {
        /* a classic BPF program that accepts everything */
        const uint64_t insn = 0x7fff000000000006ULL; /* BPF_RET|BPF_K 0x7fff0000 */
        uint64_t at = dput(&insn, 8, 8);

        padd(&g_sockprog, "bpf_accept_all", dput((const uint64_t[2]){1, at}, 16, 8));
        padd(&g_sockprog, "bpf_len0", dput((const uint64_t[2]){0, at}, 16, 8));
        padd(&g_sockprog, "bpf_wild", dput((const uint64_t[2]){1, 0x10}, 16, 8));
        padd(&g_sockprog, "page_end-8", PAGE_END - 8);
        padd(&g_sockprog, "NULL", 0);
    }
    padd(&g_rwhint, "hint_0", dput((const uint64_t[1]){0}, 8, 8));
    padd(&g_rwhint, "hint_5", dput((const uint64_t[1]){5}, 8, 8));
    padd(&g_rwhint, "hint_99", dput((const uint64_t[1]){99}, 8, 8));
    padd(&g_rwhint, "page_end-4", PAGE_END - 4);
    padd(&g_rwhint, "NULL", 0);
    /* file_setattr's struct: zeros clear the flags; never one that sets
     * FS_XFLAG_IMMUTABLE or APPEND (the scratch directory could not be
     * removed) */
    padd(&g_fileattr, "fattr_zero", OUT_ADDR);
    padd(&g_fileattr, "page_end-4", PAGE_END - 4);
    padd(&g_fileattr, "NULL", 0);
    padd(&g_fileattr, "kernel", 0xffffffff81000000UL);
    (void)garbage;
}

int arena_setup(void) {
    void* a = mmap((void*)ARENA_BASE, N_ARENA * PG, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    unsigned char* edge_s;
    uint64_t garbage;

    if (a != (void*)ARENA_BASE)
        return -1;
    g_template = mmap(NULL, (N_RESTORED + 1) * PG, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g_template == MAP_FAILED)
        return -1;
    g_text = (uint64_t)(uintptr_t)arena_setup;
    {
        static const unsigned char handler[] = {0xc3};                 /* ret */
        static const unsigned char restorer[] = {0xb8, 15, 0, 0, 0,    /* mov $15, %eax */
                                                 0x0f, 0x05, 0xf4};    /* syscall; hlt */

        memcpy((void*)(uintptr_t)CODE_HANDLER, handler, sizeof(handler));
        memcpy((void*)(uintptr_t)CODE_RESTORER, restorer, sizeof(restorer));
    }
    /* garbage that holds no '/' nor '.': read as a name, it stays a
     * single component in the scratch directory */
    {
        unsigned char buf[1024];
        uint64_t save = g_rng;

        g_rng = 12345;
        for (unsigned i = 0; i < sizeof(buf); i++) {
            buf[i] = (unsigned char)rnd();
            if (buf[i] == '/' || buf[i] == '.')
                buf[i] = 'g';
        }
        g_rng = save;
        garbage = dput(buf, sizeof(buf), 64);
    }
    memset((void*)(uintptr_t)PAGE_ADDR(P_EDGE_X), 'x', PG);
    edge_s = (unsigned char*)(uintptr_t)PAGE_ADDR(P_EDGE_S);
    memset(edge_s, 'y', PG);
    memcpy(edge_s + PG - 7, "file_a", 7);
    memcpy((void*)(uintptr_t)PAGE_ADDR(P_RO), "file_a", 7);

    build_hostile();
    build_pointer_pools(garbage);
    build_paths();
    build_mem();
    build_time();
    build_signals();
    build_io(garbage);
    build_misc(garbage);

    if (munmap((void*)PAGE_ADDR(P_GUARD1), PG) || munmap((void*)PAGE_ADDR(P_GUARD2), PG) ||
        munmap((void*)PAGE_ADDR(P_GUARD3), PG) || munmap((void*)PAGE_ADDR(P_GUARD4), PG) ||
        munmap((void*)PAGE_ADDR(P_GUARD5), PG) || munmap((void*)PAGE_ADDR(P_GUARD6), PG) ||
        mprotect((void*)PAGE_ADDR(P_CODE), PG, PROT_READ | PROT_EXEC) ||
        mprotect((void*)PAGE_ADDR(P_RO), PG, PROT_READ) ||
        mprotect((void*)PAGE_ADDR(P_NONE), PG, PROT_NONE) ||
        mprotect((void*)PAGE_ADDR(P_RESV), N_RESV * PG, PROT_NONE))
        return -1;
    memcpy(g_template, (void*)ARENA_BASE, N_RESTORED * PG);
    memcpy(g_template + N_RESTORED * PG, edge_s, PG);
    return 0;
}

void arena_restore(void) {
    /* word by word, without libc: the child may have a bad FS base */
    uint64_t* dst = (uint64_t*)(uintptr_t)ARENA_BASE;
    const uint64_t* src = (const uint64_t*)g_template;

    for (unsigned i = 0; i < N_RESTORED * PG / 8; i++)
        dst[i] = src[i];
    dst = (uint64_t*)(uintptr_t)PAGE_ADDR(P_EDGE_S);
    src += N_RESTORED * PG / 8;
    for (unsigned i = 0; i < PG / 8; i++)
        dst[i] = src[i];
}

const char* arena_name(uint64_t addr, char* buf, unsigned size) {
    static const struct {
        const char* name;
        unsigned page, n;
    } regions[] = {
        {"data", P_DATA, N_DATA}, {"out", P_OUT, N_OUT}, {"edge_x", P_EDGE_X, 1},
        {"guard", P_GUARD1, 1},   {"edge_s", P_EDGE_S, 1}, {"guard2", P_GUARD2, 1},
        {"ro_page", P_RO, 1},     {"guard3", P_GUARD3, 1}, {"none_page", P_NONE, 1},
        {"guard4", P_GUARD4, 1},  {"code", P_CODE, 1},     {"guard5", P_GUARD5, 1},
        {"tids", P_TIDS, 1},      {"guard6", P_GUARD6, 1},
        {"mem", P_MEM, N_MEM},    {"resv", P_RESV, N_RESV},
        {"hole", P_HOLE, 1},
    };

    for (unsigned i = 0; i < sizeof(regions) / sizeof(regions[0]); i++) {
        uint64_t lo = PAGE_ADDR(regions[i].page), hi = lo + regions[i].n * PG;

        if (addr >= lo && addr < hi) {
            if (addr == lo)
                snprintf(buf, size, "%s", regions[i].name);
            else
                snprintf(buf, size, "%s+%#lx", regions[i].name, (unsigned long)(addr - lo));
            return buf;
        }
    }
    return NULL;
}

/* ---- the integer pools ---- */

static const struct fuzz_item g_ints[] = {
    {NULL, 0},           {NULL, 1},           {NULL, 2},          {NULL, 3},
    {NULL, 4},           {NULL, 5},           {NULL, 7},          {NULL, 8},
    {NULL, 16},          {NULL, 17},          {NULL, 31},         {NULL, 32},
    {NULL, 63},          {NULL, 64},          {NULL, 100},        {NULL, 127},
    {NULL, 128},         {NULL, 255},         {NULL, 256},        {NULL, 1023},
    {NULL, 1024},        {NULL, 4095},        {NULL, 4096},       {NULL, 65535},
    {NULL, 65536},       {NULL, 0x7fffffff},  {NULL, 0x80000000}, {NULL, 0xffffffff},
    {NULL, ~0UL},        {NULL, -2UL},        {NULL, -4095UL},    {NULL, -4096UL},
    {NULL, 0xffffffff80000000UL}, {NULL, 1UL << 32}, {NULL, (1UL << 32) + 1},
    {NULL, 1UL << 63},   {NULL, 0x7fffffffffffffffUL}, {NULL, 0xdeadbeef},
};
static const struct fuzz_item g_sizes[] = {
    {NULL, 0},          {NULL, 1},           {NULL, 2},           {NULL, 3},
    {NULL, 4},          {NULL, 7},           {NULL, 8},           {NULL, 15},
    {NULL, 16},         {NULL, 17},          {NULL, 24},          {NULL, 32},
    {NULL, 64},         {NULL, 100},         {NULL, 128},         {NULL, 255},
    {NULL, 256},        {NULL, 1024},        {NULL, 4095},        {NULL, 4096},
    {NULL, 4097},       {NULL, 8192},        {NULL, 16384},       {NULL, 65536},
    {NULL, 65537},      {NULL, 1UL << 20},   {NULL, 0x7ffff000},  {NULL, 0x7fffffff},
    {NULL, 0x80000000}, {NULL, 0xffffffff},  {NULL, 1UL << 32},   {NULL, (1UL << 32) + 16},
    {NULL, 0x7fffffffffffffffUL}, {NULL, ~0UL}, {NULL, -4096UL}, {NULL, -2UL},
    {NULL, 1UL << 47},  {NULL, 1UL << 63},
};
static const struct fuzz_item g_offs[] = {
    {NULL, 0},         {NULL, 0},          {NULL, 1},          {NULL, 2},
    {NULL, 100},       {NULL, 4095},       {NULL, 4096},       {NULL, 4097},
    {NULL, 65536},     {NULL, 1UL << 20},  {NULL, 1UL << 31},  {NULL, 1UL << 32},
    {NULL, 1UL << 40}, {NULL, 1UL << 62},  {NULL, 0x7fffffffffffffffUL},
    {NULL, ~0UL},      {NULL, -2UL},       {NULL, -4096UL},    {NULL, 1UL << 63},
};
static const struct fuzz_item g_modes[] = {
    {NULL, 0},          {NULL, 0600},         {NULL, 0644},        {NULL, 0666},
    {NULL, 0700},       {NULL, 0755},         {NULL, 0777},        {NULL, 01777},
    {NULL, 02755},      {NULL, 04755},        {NULL, 07777},       {NULL, 0170777},
    {NULL, S_IFREG | 0644}, {NULL, S_IFDIR | 0755}, {NULL, S_IFCHR | 0666},
    {NULL, S_IFBLK | 0600}, {NULL, S_IFIFO | 0644}, {NULL, S_IFSOCK | 0644},
    {NULL, S_IFLNK | 0777}, {NULL, 0xffffffff},  {NULL, 0x10000},     {NULL, ~0UL},
};
static const int g_signos[] = {0,  1,  2,  3,  6,  9,  10, 11, 12, 13, 14, 15, 17, 18,
                               19, 20, 21, 22, 23, 28, 29, 31, 32, 33, 34, 50, 63, 64,
                               65, -1, 128, 0x7fffffff};

/* The descriptors of the pool, and numbers that are not descriptors. */
static struct pool g_fdpool;

void pools_setup(uint64_t start_brk, uint64_t cur_brk) {
    static char names[64][24];
    unsigned n = 0;

    g_self_pid = (uint64_t)getpid();
    for (unsigned i = 0; i < g_nfds && n < 40; i++, n++) {
        snprintf(names[n], sizeof(names[n]), "%d<%s>", g_fds[i].fd, g_fds[i].name);
        padd(&g_fdpool, names[n], (uint64_t)g_fds[i].fd);
    }
    padd(&g_fdpool, "0<std0>", 0);
    padd(&g_fdpool, "1<std1>", 1);
    padd(&g_fdpool, "2<std2>", 2);
    padd(&g_fdpool, "40<closed>", 40);
    padd(&g_fdpool, "41<closed>", 41);
    padd(&g_fdpool, "-1", ~0UL);
    padd(&g_fdpool, "AT_FDCWD", (uint64_t)(int64_t)AT_FDCWD);
    padd(&g_fdpool, "INT_MAX", 0x7fffffff);
    padd(&g_fdpool, "1<<20", 1 << 20);
    padd(&g_fdpool, "0x80000000", 0x80000000);
    padd(&g_fdpool, "(1<<32)|10", (1UL << 32) | 10);
    padd(&g_fdpool, "1000000", 1000000);

    padd(&g_brk, "0", 0);
    if (start_brk) {
        padd(&g_brk, "start_brk", start_brk);
        padd(&g_brk, "start_brk-4096", start_brk - PG);
        padd(&g_brk, "cur_brk", cur_brk);
        padd(&g_brk, "cur_brk+4096", cur_brk + PG);
        padd(&g_brk, "cur_brk+1", cur_brk + 1);
        padd(&g_brk, "cur_brk+1M", cur_brk + (1UL << 20));
    }
    padd(&g_brk, "mem", PAGE_ADDR(P_MEM));
    padd(&g_brk, "kernel", 0xffffffff81000000UL);
    padd(&g_brk, "-1", ~0UL);
}

/* fill the own-thread sigevent and f_owner_ex instances: the child's tid */
void pools_child(uint64_t tid) {
    /* "self" is the batch, never the parent that made the pools */
    g_self_pid = tid;
    *(uint32_t*)(uintptr_t)(g_owner_tid + 4) = (uint32_t)tid;
    *(uint32_t*)(uintptr_t)(g_sev_tid + 16) = (uint32_t)tid;
}

/* a value of a flag table: known bits, alone or together, and others */
static uint64_t gen_flags(const struct xlat* x) {
    uint64_t v = 0;
    unsigned r = (unsigned)rnd_below(100);

    if (!x || !x->n)
        return rnd_below(2) ? 0 : rnd();
    if (r < 8)
        return 0;
    if (r < 12) {
        for (size_t i = 0; i < x->n; i++)
            v |= x->e[i].val;
        return v;
    }
    if (r < 20)
        return (uint64_t)1 << rnd_below(64);
    if (r < 24)
        return rnd() & 0xffffffff;
    if (r < 27)
        return ~0UL;
    for (unsigned k = 1 + (unsigned)rnd_below(3); k; k--)
        v |= x->e[rnd_below(x->n)].val;
    if (x->mask_xlat && x->mask_xlat->n && chance(50))
        v = (v & ~x->mask) | x->mask_xlat->e[rnd_below(x->mask_xlat->n)].val;
    if (r >= 90) /* a known value with an unknown bit */
        v |= (uint64_t)1 << rnd_below(32);
    return v;
}

static uint64_t gen_enum(const struct xlat* x) {
    uint64_t max = 0;

    if (!x || !x->n || chance(20)) {
        switch (rnd_below(6)) {
        case 0: return ~0UL;
        case 1: return 0x7fffffff;
        case 2: return rnd() & 0xffff;
        case 3: return 0x80000000;
        case 4:
            if (x && x->n)
                return (1UL << 32) | x->e[rnd_below(x->n)].val; /* an int's upper half */
            return 0;
        default:
            if (x)
                for (size_t i = 0; i < x->n; i++)
                    if (x->e[i].val > max)
                        max = x->e[i].val;
            return max + 1;
        }
    }
    return x->e[rnd_below(x->n)].val;
}

static void item(struct fuzz_arg* out, const struct fuzz_item* it, uint8_t fmt) {
    out->val = it->val;
    out->label = it->label;
    out->fmt = it->label ? FMT_LABEL : fmt;
}

static void from_pool(struct fuzz_arg* out, const struct pool* p) {
    item(out, ppick_mode(p), FMT_HEX);
}

void gen_struct(unsigned printer, bool in, struct fuzz_arg* out) {
    if (g_gen_good) {
        if (!in)
            item(out, &g_obuf.it[0], FMT_HEX);
        else if (printer < SD_NPRINTERS && g_struct[printer].n)
            from_pool(out, &g_struct[printer]);
        else
            item(out, &g_ibuf.it[0], FMT_HEX);
        return;
    }
    if (!in) {
        if (chance(60))
            item(out, &g_obuf.it[0], FMT_HEX);
        else if (chance(60))
            from_pool(out, &g_obuf);
        else
            from_pool(out, &g_hostile);
        return;
    }
    if (printer < SD_NPRINTERS && g_struct[printer].n && chance(65))
        from_pool(out, &g_struct[printer]);
    else if (chance(50))
        from_pool(out, &g_ibuf);
    else
        from_pool(out, &g_hostile);
}

/* A good argument of KIND: small numbers, open descriptors, names that
 * exist, buffers that fit, known flags alone. */
static bool gen_good(enum fuzz_kind kind, const struct sd_arg* a, struct fuzz_arg* out) {
    static const uint64_t ints[] = {0, 1, 2, 3, 4, 8, 16, 64};
    static const uint64_t sizes[] = {0, 1, 8, 16, 64, 100, 4096};
    static const uint64_t offs[] = {0, 1, 100, 4096};
    static const uint64_t modes[] = {0644, 0755, 0600, S_IFREG | 0644};
    static const int sigs[] = {0, SIGUSR1, SIGUSR2, SIGCHLD, SIGURG, SIGWINCH};

    switch (kind) {
    case K_INT:
    case K_HEX:
        out->val = *PICK(ints);
        out->fmt = kind == K_HEX ? FMT_HEX : FMT_DEC;
        return true;
    case K_SIZE:
        out->val = *PICK(sizes);
        return true;
    case K_OFF:
        out->val = *PICK(offs);
        return true;
    case K_MODE:
        out->val = *PICK(modes);
        out->fmt = FMT_OCT;
        return true;
    case K_SIGNO:
    case K_SIGSEND:
        out->val = (uint64_t)*PICK(sigs);
        return true;
    case K_PID:
    case K_PIDSEND:
        /* never 0 for a signal's target: kill(0) is the process group,
         * the test's shell with it */
        if (kind == K_PID && chance(50)) {
            out->val = 0;
        } else {
            out->val = g_self_pid;
            out->label = "self";
            out->fmt = FMT_LABEL;
        }
        return true;
    case K_FLAGS:
        if (a && a->xlat && a->xlat->n && chance(70)) {
            out->val = a->xlat->e[rnd_below(a->xlat->n)].val;
            if (a->xlat->mask_xlat && a->xlat->mask_xlat->n)
                out->val = (out->val & ~a->xlat->mask) |
                           a->xlat->mask_xlat->e[rnd_below(a->xlat->mask_xlat->n)].val;
        } else {
            out->val = 0;
        }
        out->fmt = FMT_HEX;
        return true;
    case K_ENUM:
        if (!a || !a->xlat || !a->xlat->n)
            return false;
        out->val = a->xlat->e[rnd_below(a->xlat->n)].val;
        return true;
    case K_SIGSETSZ:
        out->val = 8;
        return true;
    case K_IBUF:
        item(out, &g_ibuf.it[rnd_below(3)], FMT_HEX); /* data, zeros */
        return true;
    case K_OBUF:
    case K_OUT:
        item(out, &g_obuf.it[0], FMT_HEX);
        return true;
    case K_PTR:
        item(out, chance(50) ? &g_obuf.it[0] : &g_ibuf.it[0], FMT_HEX);
        return true;
    default:
        return false; /* the pools, filtered by good_label() */
    }
}

void gen_arg(enum fuzz_kind kind, const struct sd_arg* a, struct fuzz_arg* out) {
    out->label = NULL;
    out->fmt = FMT_DEC;
    if (g_gen_good && gen_good(kind, a, out))
        return;
    switch (kind) {
    case K_INT:
    case K_HEX:
        if (chance(10))
            out->val = rnd_below(2) ? rnd() : (rnd() & 0xffffffff);
        else if (chance(10))
            out->val = rnd_below(1000);
        else
            out->val = PICK(g_ints)->val;
        out->fmt = kind == K_HEX ? FMT_HEX : FMT_DEC;
        return;
    case K_SIZE:
        out->val = chance(8) ? rnd() : PICK(g_sizes)->val;
        return;
    case K_OFF:
        out->val = chance(8) ? rnd() : PICK(g_offs)->val;
        return;
    case K_MODE:
        out->val = chance(8) ? (rnd() & 0xffff) : PICK(g_modes)->val;
        out->fmt = FMT_OCT;
        return;
    case K_SIGNO:
        out->val = (uint64_t)(int64_t)*PICK(g_signos);
        if (chance(3))
            out->val |= 1UL << 32;
        return;
    case K_SIGSEND:
        do
            out->val = (uint64_t)(int64_t)*PICK(g_signos);
        while (out->val == SIGSTOP || out->val == SIGTSTP || out->val == SIGTTIN ||
               out->val == SIGTTOU);
        return;
    case K_PID:
    case K_PIDSEND:
        switch (rnd_below(kind == K_PID ? 9 : 5)) {
        case 0:
        case 1: out->val = g_self_pid; out->label = "self"; out->fmt = FMT_LABEL; return;
        case 2: out->val = pool_nonexistent_pid(); out->label = "no_such_pid"; out->fmt = FMT_LABEL; return;
        case 3: out->val = 0xffffffff80000000UL; out->label = "INT_MIN"; out->fmt = FMT_LABEL; return;
        case 4: out->val = (1UL << 32) | g_self_pid; out->label = "(1<<32)|self"; out->fmt = FMT_LABEL; return;
        case 5: out->val = 0; return;
        case 6: out->val = ~0UL; return;
        case 7: out->val = -2UL; return;
        default: out->val = 0x7fffffff; return;
        }
    case K_UID:
    case K_GID: {
        uint64_t own = kind == K_UID ? g_uid : g_gid;

        switch (rnd_below(7)) {
        case 0: out->val = own; out->label = "own"; out->fmt = FMT_LABEL; return;
        case 1: out->val = 0; return;
        case 2: out->val = 0xffffffff; return;
        case 3: out->val = ~0UL; return;
        case 4: out->val = 65534; return;
        case 5: out->val = 1000; return;
        default: out->val = (1UL << 32) | own; out->label = "(1<<32)|own"; out->fmt = FMT_LABEL; return;
        }
    }
    case K_CREDID:
        /* as root only our own IDs and -1: never another user (the run
         * would go on without its privileges); unprivileged, others too,
         * which the kernel refuses */
        switch (rnd_below(g_root ? 3 : 5)) {
        case 0: out->val = g_uid; out->label = "own"; out->fmt = FMT_LABEL; return;
        case 1: out->val = 0xffffffff; return;
        case 2: out->val = ~0UL; return;
        case 3: out->val = 0; return;
        default: out->val = 65534; return;
        }
    case K_FD:
    case K_DIRFD:
        if (kind == K_DIRFD && chance(35)) {
            out->val = (uint64_t)(int64_t)AT_FDCWD;
            out->label = "AT_FDCWD";
            out->fmt = FMT_LABEL;
            return;
        }
        from_pool(out, &g_fdpool);
        return;
    case K_PATH:
        from_pool(out, &g_path);
        return;
    case K_STR:
        from_pool(out, &g_str);
        return;
    case K_IBUF:
        if (chance(75))
            from_pool(out, &g_ibuf);
        else
            from_pool(out, &g_hostile);
        return;
    case K_OBUF:
        if (chance(40))
            item(out, &g_obuf.it[0], FMT_HEX);
        else if (chance(70))
            from_pool(out, &g_obuf);
        else
            from_pool(out, &g_hostile);
        return;
    case K_PTR:
        if (chance(75))
            from_pool(out, &g_ptr);
        else
            from_pool(out, &g_hostile);
        return;
    case K_FLAGS:
        out->val = gen_flags(a ? a->xlat : NULL);
        out->fmt = FMT_HEX;
        return;
    case K_ENUM:
        out->val = gen_enum(a ? a->xlat : NULL);
        return;
    case K_IN:
    case K_OUT:
        gen_struct(a ? a->printer : SD_PRINTER_NONE, kind == K_IN, out);
        return;
    case K_MEMADDR:
        from_pool(out, &g_memaddr);
        return;
    case K_MEMLEN:
        do
            out->val = gen_memlen(&out->label);
        while (g_gen_good && (out->val == 0 || out->val > 64 * PG));
        out->fmt = FMT_LABEL;
        return;
    case K_MSEC:
        out->val = rnd_below(3) ? 0 : 1;
        return;
    case K_SLEEP:
        from_pool(out, a && a->printer == SD_PRINTER_struct_timeval ? &g_sleep_tv : &g_sleep);
        return;
    case K_TIMER:
        from_pool(out, a && a->printer == SD_PRINTER_struct_itimerval ? &g_timer_tv : &g_timer_ts);
        return;
    case K_SIGSETSZ: {
        static const uint64_t sz[] = {8, 8, 8, 8, 8, 0, 4, 7, 16, 128, ~0UL, (1UL << 32) | 8};

        out->val = *PICK(sz);
        return;
    }
    case K_NKINDS:
        break;
    }
    out->val = 0;
}

/* a pool the rules name */
void gen_from(const struct pool* p, struct fuzz_arg* out) {
    from_pool(out, p);
}
void gen_brk(struct fuzz_arg* out) {
    from_pool(out, &g_brk);
}

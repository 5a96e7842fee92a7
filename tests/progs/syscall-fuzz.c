/*
 * syscall-fuzz.c: random system calls with hostile arguments, the same
 * sequence for the same seed, and one line per call with its result.
 *
 *   syscall-fuzz [-s SEED] [-n CALLS] [-b BATCH] [-T SECONDS]
 *                [-w LIST] [-E LIST] [-I LIST] [-k LIST] [-A]
 *   syscall-fuzz -x          (the calls never made, and why)
 *
 * -s  the seed (1)                -n  how many calls to make (5000)
 * -b  calls per batch (250)       -T  the watchdog: a call that has not
 *                                     returned after so many seconds (10)
 *                                     hangs, and its batch is killed
 * -w  numbers to draw half the time (the calls the shim implements)
 * -E  numbers the program answers ENOSYS itself instead of calling
 *     (what ptshim refuses by design: its SHIM_SYSCALL_RETURN_ENOSYS)
 * -I  the only numbers that exist: every other one is answered ENOSYS
 *     without a call (what ptshim --strict does); LIST: 1,5,7-9
 * -k  the calls to make, by their numbers in the sequence (LIST): the
 *     others are drawn but not made, nor printed.  To reduce a mismatch:
 *     the calls it needs are those that, kept, keep it.
 * -A  also the numbers of calls with bits above the 32nd set, which the
 *     kernel ignores ((1 << 32) | 3 is close): ptshim takes them for
 *     unknown numbers (not fixable in the shim; off by default)
 *
 * The calls run in batches, each in a child forked from a parent that
 * made the setup (the scratch files in the current directory, the pool of
 * descriptors, the arena of arguments, limits), so that a call that
 * changes or kills the process ends at most its batch.  The child records
 * each call in shared memory before making it and its result after; the
 * parent prints them.  A batch's seed is the seed and its number: what a
 * batch does never depends on how the one before ended.
 *
 * Every value printed is the same in two runs: pointers into the arena
 * (at a fixed address) print by name, descriptors by their pool name,
 * and results that legitimately differ (pids, times, addresses the kernel
 * chose) are normalised, each by a rule in syscall-fuzz-rules.c or here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "syscall-fuzz.h"

uint64_t g_rng;
bool g_root;
uint32_t g_uid, g_gid;

#define NBITS PTSHIM_NSYSCALLS /* the numbers a list can name */
static uint64_t g_enosys[(NBITS + 63) / 64], g_only[(NBITS + 63) / 64];
static bool g_only_set;
static uint64_t* g_keep; /* -k: the calls to make, or NULL for all */
static uint64_t g_weight[NBITS];
static unsigned g_nweight;

static uint64_t g_seed = 1;
static unsigned g_calls = 5000, g_batch = 250, g_timeout = 10;
static bool g_aliases; /* -A */
static uint64_t g_start_brk;
static pid_t g_main_pid;

/* the descriptors of the pool, at fixed numbers */
struct fuzz_fd g_fds[] = {
    {"file_rw", 10, false},     {"file_ro", 11, false},   {"file_wo_append", 12, false},
    {"dir", 13, false},         {"dir_opath", 14, false}, {"symlink_opath", 15, false},
    {"pipe_r", 16, false},      {"pipe_w", 17, false},    {"ustream_a", 18, false},
    {"ustream_b", 19, false},   {"udgram_a", 20, false},  {"udgram_b", 21, false},
    {"ulisten", 22, false},     {"udp", 23, false},       {"inet2", 24, false},
    {"eventfd", 25, false},     {"epoll", 26, false},     {"timerfd", 27, false},
    {"signalfd", 28, false},    {"inotify", 29, false},   {"memfd", 30, false},
    {"pidfd", 31, false},       {"empty_rw", 32, false},  {"useqpacket", 33, false},
};
unsigned g_nfds = sizeof(g_fds) / sizeof(g_fds[0]);
#define PIDFD_SLOT 31
#define STD_SLOT 50 /* std0, std1, std2: the batches' 0, 1 and 2 */

static bool bit(const uint64_t* set, uint64_t nr) {
    return nr < NBITS && (set[nr / 64] >> (nr % 64)) & 1;
}

/* Whether the program answers NR itself with ENOSYS (-E, -I); the kernel,
 * and so ptshim, read the number as an int (-A's aliases). */
static bool emulated_enosys(uint64_t nr) {
    nr = (uint32_t)nr;
    if (g_only_set)
        return !bit(g_only, nr);
    return bit(g_enosys, nr);
}

static long raw6(uint64_t nr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
                 uint64_t a6) {
    register uint64_t r10 __asm__("r10") = a4;
    register uint64_t r8 __asm__("r8") = a5;
    register uint64_t r9 __asm__("r9") = a6;
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

/* A call of the setup or of the fuzzing, as the mode makes it. */
static long sys(uint64_t nr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5,
                uint64_t a6) {
    if (emulated_enosys(nr))
        return -ENOSYS;
    return raw6(nr, a1, a2, a3, a4, a5, a6);
}
#define SYS0(nr) sys((nr), 0, 0, 0, 0, 0, 0)
#define SYS1(nr, a) sys((nr), (uint64_t)(a), 0, 0, 0, 0, 0)
#define SYS2(nr, a, b) sys((nr), (uint64_t)(a), (uint64_t)(b), 0, 0, 0, 0)
#define SYS3(nr, a, b, c) sys((nr), (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), 0, 0, 0)
#define SYS4(nr, a, b, c, d) \
    sys((nr), (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), (uint64_t)(d), 0, 0)
#define SYS5(nr, a, b, c, d, e) \
    sys((nr), (uint64_t)(a), (uint64_t)(b), (uint64_t)(c), (uint64_t)(d), (uint64_t)(e), 0)

static void die(const char* what) {
    fprintf(stderr, "syscall-fuzz: %s: %s\n", what, strerror(errno));
    exit(99);
}

static bool kept(unsigned seq) {
    return !g_keep || (g_keep[seq / 64] >> (seq % 64)) & 1;
}

static void parse_list(const char* s, uint64_t* set, bool weights, unsigned nbits) {
    while (*s) {
        char* end;
        unsigned long lo = strtoul(s, &end, 10), hi = lo;

        if (end == s)
            break;
        if (*end == '-')
            hi = strtoul(end + 1, &end, 10);
        for (unsigned long n = lo; n <= hi && n < nbits; n++) {
            if (set)
                set[n / 64] |= 1ULL << (n % 64);
            if (weights && g_nweight < NBITS)
                g_weight[g_nweight++] = n;
        }
        s = *end == ',' ? end + 1 : end;
    }
}

/* ---- the setup ---- */

static const char* g_nsnames = "none";

/* As root, namespaces of our own for the calls whose objects are the
 * machine's (host name, System V and POSIX IPC, network configuration):
 * what the batches do to them stays there.  An unprivileged run has
 * nothing to protect: those calls fail, or are excluded. */
static void isolate(void) {
    if (!g_root)
        return;
    if (SYS1(PTSHIM_NR_unshare, CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET) == 0) {
        g_own_uts = g_own_ipc = g_own_net = true;
        g_nsnames = "uts ipc net";
    }
}

/* see protected_limit() in syscall-fuzz-rules.c; the file size only for
 * the batches (the parent's output is larger) */
static const uint64_t g_fsize[2] = {1 << 20, 1 << 20};

static void limits(void) {
    const uint64_t core[2] = {0, 0}, as[2] = {256UL << 20, 256UL << 20};

    if (SYS4(PTSHIM_NR_prlimit64, 0, RLIMIT_CORE, core, NULL) < 0 ||
        SYS4(PTSHIM_NR_prlimit64, 0, RLIMIT_AS, as, NULL) < 0) {
        fprintf(stderr, "syscall-fuzz: cannot set the limits\n");
        exit(99);
    }
}

static void write_file(const char* name, size_t size) {
    char buf[4096];
    long fd = SYS4(PTSHIM_NR_openat, AT_FDCWD, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = "0123456789abcdef\n"[i % 17];
    if (fd < 0 || SYS3(PTSHIM_NR_write, fd, buf, size) != (long)size || SYS1(PTSHIM_NR_close, fd) < 0) {
        fprintf(stderr, "syscall-fuzz: cannot write %s\n", name);
        exit(99);
    }
}

static void scratch_files(void) {
    if (SYS2(PTSHIM_NR_mkdir, "dir_a", 0755) < 0 || SYS2(PTSHIM_NR_mkdir, "dir_a/sub", 0755) < 0 ||
        SYS2(PTSHIM_NR_symlink, "file_a", "link_a") < 0 ||
        SYS2(PTSHIM_NR_symlink, "nonexistent", "dangling") < 0 ||
        SYS2(PTSHIM_NR_symlink, "loop", "loop") < 0) {
        fprintf(stderr, "syscall-fuzz: the current directory must be empty and writable\n");
        exit(99);
    }
    write_file("file_a", 4096);
    write_file("dir_a/file_b", 100);
    write_file("empty", 0);
    for (int i = 0; i < 3; i++) {
        char name[8];
        long fd;

        snprintf(name, sizeof(name), "std%d", i);
        write_file(name, 0);
        /* opened once: a batch that made the directory unsearchable
         * (chmod) still gets them */
        fd = SYS3(PTSHIM_NR_openat, AT_FDCWD, name, O_RDWR);
        if (fd < 0 || SYS2(PTSHIM_NR_dup2, fd, STD_SLOT + i) < 0) {
            fprintf(stderr, "syscall-fuzz: cannot open %s\n", name);
            exit(99);
        }
        SYS1(PTSHIM_NR_close, fd);
    }
}

static const char* errname(long e, char* buf, size_t size) {
    for (size_t i = 0; i < xlat_errno.n; i++)
        if ((long)xlat_errno.e[i].val == e)
            return xlat_errno.e[i].name;
    snprintf(buf, size, "E%ld", e);
    return buf;
}

/* Put FD (or its error) in the pool's slot NAME. */
static long place(const char* name, long fd) {
    for (unsigned i = 0; i < g_nfds; i++) {
        if (strcmp(g_fds[i].name, name))
            continue;
        if (fd >= 0 && fd != g_fds[i].fd) {
            if (SYS2(PTSHIM_NR_dup2, fd, g_fds[i].fd) < 0)
                die("dup2");
            SYS1(PTSHIM_NR_close, fd);
        }
        g_fds[i].open = fd >= 0;
        if (fd >= 0) {
            printf("# fd %d %s: open\n", g_fds[i].fd, name);
        } else {
            char buf[32];

            printf("# fd %d %s: -1 %s\n", g_fds[i].fd, name, errname(-fd, buf, sizeof(buf)));
        }
        return fd >= 0 ? g_fds[i].fd : fd;
    }
    fprintf(stderr, "syscall-fuzz: no slot %s\n", name);
    exit(99);
}

static void report_setup(const char* what, long ret) {
    char buf[32];

    if (ret < 0)
        printf("# setup %s: -1 %s\n", what, errname(-ret, buf, sizeof(buf)));
}

static void open_pool(void) {
    int fds[2];
    long fd, ret;
    const uint64_t usr2 = 1UL << (SIGUSR2 - 1);
    struct sockaddr_un {
        uint16_t family;
        char path[108];
    } sun = {AF_UNIX, "sock"};
    struct __attribute__((packed)) {
        uint32_t events;
        uint64_t data;
    } ev = {1 /* EPOLLIN */, 16};

    place("file_rw", SYS3(PTSHIM_NR_openat, AT_FDCWD, "file_a", O_RDWR));
    place("file_ro", SYS3(PTSHIM_NR_openat, AT_FDCWD, "file_a", O_RDONLY));
    place("file_wo_append", SYS3(PTSHIM_NR_openat, AT_FDCWD, "file_a", O_WRONLY | O_APPEND));
    place("dir", SYS3(PTSHIM_NR_openat, AT_FDCWD, "dir_a", O_RDONLY | O_DIRECTORY));
    place("dir_opath", SYS3(PTSHIM_NR_openat, AT_FDCWD, "dir_a", O_PATH));
    place("symlink_opath", SYS3(PTSHIM_NR_openat, AT_FDCWD, "link_a", O_PATH | O_NOFOLLOW));
    place("empty_rw", SYS3(PTSHIM_NR_openat, AT_FDCWD, "empty", O_RDWR));

    /* a pipe and sockets with data to read; all non-blocking (see the
     * F_SETFL rule) */
    ret = SYS2(PTSHIM_NR_pipe2, fds, O_NONBLOCK);
    report_setup("pipe2", ret);
    place("pipe_r", ret < 0 ? ret : fds[0]);
    place("pipe_w", ret < 0 ? ret : fds[1]);
    report_setup("write pipe", SYS3(PTSHIM_NR_write, 17, "pipe data: 0123456789\n", 22));
    ret = SYS4(PTSHIM_NR_socketpair, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds);
    report_setup("socketpair stream", ret);
    place("ustream_a", ret < 0 ? ret : fds[0]);
    place("ustream_b", ret < 0 ? ret : fds[1]);
    report_setup("write stream", SYS3(PTSHIM_NR_write, 19, "stream data\n", 12));
    ret = SYS4(PTSHIM_NR_socketpair, AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, fds);
    report_setup("socketpair dgram", ret);
    place("udgram_a", ret < 0 ? ret : fds[0]);
    place("udgram_b", ret < 0 ? ret : fds[1]);
    report_setup("write dgram", SYS3(PTSHIM_NR_write, 21, "a datagram", 10));
    ret = SYS4(PTSHIM_NR_socketpair, AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0, fds);
    report_setup("socketpair seqpacket", ret);
    place("useqpacket", ret < 0 ? ret : fds[0]);
    if (ret >= 0)
        SYS1(PTSHIM_NR_close, fds[1]);

    fd = place("ulisten", SYS3(PTSHIM_NR_socket, AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0));
    if (fd >= 0) {
        report_setup("bind", SYS3(PTSHIM_NR_bind, fd, &sun, sizeof(sun)));
        report_setup("listen", SYS2(PTSHIM_NR_listen, fd, 4));
    }
    place("udp", SYS3(PTSHIM_NR_socket, AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0));
    /* a TCP socket only in a network namespace of our own, where no
     * loopback is up: elsewhere a connect's refusal would come back
     * asynchronously, at a time that depends on the run */
    if (g_own_net)
        place("inet2", SYS3(PTSHIM_NR_socket, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
    else
        place("inet2", SYS3(PTSHIM_NR_socket, AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, 0));
    place("eventfd", SYS2(PTSHIM_NR_eventfd2, 1, 04000 /* EFD_NONBLOCK */));
    fd = place("epoll", SYS1(PTSHIM_NR_epoll_create1, 0));
    if (fd >= 0)
        report_setup("epoll_ctl", SYS4(PTSHIM_NR_epoll_ctl, fd, 1 /* ADD */, 16, &ev));
    place("timerfd", SYS2(PTSHIM_NR_timerfd_create, CLOCK_MONOTONIC, 04000 /* TFD_NONBLOCK */));
    place("signalfd", SYS4(PTSHIM_NR_signalfd4, -1, &usr2, 8, 04000 /* SFD_NONBLOCK */));
    fd = place("inotify", SYS1(PTSHIM_NR_inotify_init1, 04000 /* IN_NONBLOCK */));
    if (fd >= 0)
        report_setup("inotify_add_watch", SYS3(PTSHIM_NR_inotify_add_watch, fd, "dir_a", 0xfff));
    fd = place("memfd", SYS2(PTSHIM_NR_memfd_create, "fuzz", 2 /* MFD_ALLOW_SEALING */));
    if (fd >= 0) {
        char buf[4096];

        memset(buf, 'm', sizeof(buf));
        report_setup("write memfd", SYS3(PTSHIM_NR_write, fd, buf, sizeof(buf)));
    }
}

static uint64_t read_start_brk(void) {
    char buf[2048], *p = buf;
    long fd = SYS3(PTSHIM_NR_openat, AT_FDCWD, "/proc/self/stat", O_RDONLY), n;
    unsigned long v = 0;

    if (fd < 0)
        return 0;
    n = SYS3(PTSHIM_NR_read, fd, buf, sizeof(buf) - 1);
    SYS1(PTSHIM_NR_close, fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    /* after the command's ")", fields 3..: start_brk is field 47 */
    p = strrchr(buf, ')');
    if (!p)
        return 0;
    p += 2;
    for (int field = 3; field < 47 && p; field++) {
        p = strchr(p, ' ');
        if (p)
            p++;
    }
    if (p)
        v = strtoul(p, NULL, 10);
    return v;
}

/* ---- a batch ---- */

struct fuzz_shm {
    volatile uint32_t started, done;
    volatile uint32_t finished; /* a futex: the batch made its last call */
    uint32_t pad;
    struct fuzz_rec rec[];
};
static struct fuzz_shm* g_shm;

static uint64_t unknown_number(void) {
    static const uint64_t odd[] = {
        0x3fffffff,           /* large, positive as an int */
        0x40000000 + 600,     /* the x32 bit, no x32 call */
        0x7fffffff,           0x80000000, /* negative as an int */
        0xfffffffe,           0xffffffff, /* -1 as an int: no call at all */
        ~0UL,                 0x1ffffffffUL,
        0xffffffff80000000UL, (1UL << 32) | 600,
    };

    /* Numbers whose low 32 bits name a call are -A's (the kernel takes
     * the number as an int, so (1 << 32) | 3 is close) */
    switch (rnd_below(4)) {
    /* (not 336, uprobe since Linux 6.16: the kernel lets it past every
     * seccomp filter, so under ptshim's seccomp stops --strict never sees
     * it) */
    case 0: return 337 + rnd_below(424 - 337);
    case 1: return 470 + rnd_below(601 - 470); /* 512-547: x32 numbers without the x32 bit */
    default: return odd[rnd_below(sizeof(odd) / sizeof(odd[0]))];
    }
}

/* the kinds whose values keep the run harmless and finite: never
 * replaced by the all -1 / all 0 patterns */
static bool safety_kind(enum fuzz_kind k) {
    switch (k) {
    case K_MEMADDR:
    case K_MEMLEN:
    case K_MSEC:
    case K_SLEEP:
    case K_TIMER:
    case K_SIGSEND:
    case K_PIDSEND:
    case K_CREDID:
        return true;
    default:
        return false;
    }
}

static void gen_call(struct fuzz_rec* r) {
    const struct sysent* e = NULL;
    enum fuzz_kind k[6];
    struct fuzz_arg a[6];
    uint64_t nr;
    unsigned mode;
    int bad;

    for (;;) {
        unsigned c = (unsigned)rnd_below(100);

        if (c < 6)
            nr = unknown_number();
        else if (c < 50 && g_nweight)
            nr = g_weight[rnd_below(g_nweight)];
        else
            nr = rnd_below(PTSHIM_NSYSCALLS);
        e = nr < PTSHIM_NSYSCALLS && ptshim_sysent[nr].name ? &ptshim_sysent[nr] : NULL;
        /* numbers without a row come from unknown_number() alone */
        if (c >= 6 && !e)
            continue;
        if (!rule_excluded(nr))
            break;
    }
    rule_kinds(nr, e, k);
    /* 7%: -1 as every argument; 3%: 0; 30%: good arguments (open
     * descriptors, names that exist, buffers that fit, known flags);
     * 30%: good ones but one, hostile, so that each check is reached
     * alone and answered in the kernel's order; 30%: anything */
    mode = (unsigned)rnd_below(100);
    bad = mode >= 40 && mode < 70 && e && e->nargs ? (int)rnd_below(e->nargs) : -1;
    for (unsigned i = 0; i < 6; i++) {
        g_gen_good = mode >= 10 && mode < 70 && (int)i != bad;
        if (!e || (mode >= 10 && i < e->nargs) || safety_kind(k[i])) {
            gen_arg(k[i], e && i < e->nargs ? &e->args[i] : NULL, &a[i]);
        } else {
            /* the registers beyond the call's arguments hold garbage
             * (ignored) */
            a[i].val = i < (e ? e->nargs : 6) ? (mode < 7 ? ~0UL : 0) : 0;
            a[i].label = NULL;
            a[i].fmt = FMT_DEC;
        }
    }
    g_gen_good = mode >= 10 && mode < 70;
    if (e)
        rule_fixup(nr, a);
    g_gen_good = false;
    /* -A: the same call, by a number the kernel reads as NR */
    if (g_aliases && e && chance(10))
        nr |= 1UL << 32;
    r->nr = nr;
    r->nargs = e ? e->nargs : 6;
    for (unsigned i = 0; i < 6; i++) {
        r->arg[i] = a[i].val;
        r->label[i] = a[i].label;
        r->fmt[i] = a[i].fmt;
    }
}

/* The signals a batch starts with caught or ignored, so that one sent to
 * itself does not always end it (the calls may change that) */
static void child_signals(void) {
    static const int ign[] = {SIGHUP, SIGINT, SIGUSR2, SIGPIPE, SIGTERM, SIGXFSZ, SIGIO,
                              SIGPROF, SIGVTALRM, SIGPWR, SIGSTKFLT, SIGXCPU, SIGWINCH};
    static const int caught[] = {SIGUSR1, SIGALRM, SIGCHLD, SIGURG, 34, 40};
    /* the real-time signals (but 34 and 40) ignored as well: SIGQUIT,
     * SIGABRT, SIGSEGV... and SIGKILL still end a batch */
    struct {
        uint64_t handler, flags, restorer, mask;
    } sa = {(uint64_t)(uintptr_t)SIG_IGN, 0x04000000, arena_restorer(), 0};

    for (unsigned i = 0; i < sizeof(ign) / sizeof(ign[0]); i++)
        SYS4(PTSHIM_NR_rt_sigaction, ign[i], &sa, NULL, 8);
    for (int sig = 32; sig <= 64; sig++)
        if (sig != 34 && sig != 40)
            SYS4(PTSHIM_NR_rt_sigaction, sig, &sa, NULL, 8);
    sa.handler = arena_handler();
    sa.flags = 0x04000000 | SA_RESTART;
    for (unsigned i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
        SYS4(PTSHIM_NR_rt_sigaction, caught[i], &sa, NULL, 8);
}
static __attribute__((noreturn)) void child_batch(unsigned batch, unsigned first) {
    long self = SYS0(PTSHIM_NR_getpid), fd;
    const uint64_t none = 0;

    SYS4(PTSHIM_NR_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8);

    /* descriptors 0, 1 and 2 are the scratch files the parent opened:
     * the calls cannot reach the test's own output (a batch that could
     * not make them so ends before its first call) */
    for (long i = 0; i < 3; i++)
        if (SYS2(PTSHIM_NR_dup2, STD_SLOT + i, i) != i)
            raw6(PTSHIM_NR_exit_group, 99, 0, 0, 0, 0, 0);
    SYS3(PTSHIM_NR_close_range, STD_SLOT, STD_SLOT + 2, 0);
    if (SYS4(PTSHIM_NR_prlimit64, 0, RLIMIT_FSIZE, g_fsize, NULL) < 0)
        raw6(PTSHIM_NR_exit_group, 99, 0, 0, 0, 0, 0);
    /* a pidfd of the batch itself (of no other process) */
    fd = SYS2(PTSHIM_NR_pidfd_open, self, 0);
    if (fd >= 0) {
        SYS2(PTSHIM_NR_dup2, fd, PIDFD_SLOT);
        SYS1(PTSHIM_NR_close, fd);
    }
    child_signals();
    pools_child((uint64_t)self);
    g_rng = g_seed * 0x100000001b3ULL ^ ((uint64_t)batch << 20) ^ 0xcbf29ce484222325ULL;
    for (unsigned i = 0; i < g_batch; i++) {
        struct fuzz_rec* r = &g_shm->rec[i];

        arena_restore();
        gen_call(r);
        if (!kept(first + i)) {
            r->state = 3;
            g_shm->started = g_shm->done = i + 1;
            continue;
        }
        r->state = 1;
        g_shm->started = i + 1;
        r->ret = sys(r->nr, r->arg[0], r->arg[1], r->arg[2], r->arg[3], r->arg[4], r->arg[5]);
        r->state = 2;
        g_shm->done = i + 1;
    }
    g_shm->finished = 1;
    raw6(PTSHIM_NR_futex, (uint64_t)(uintptr_t)&g_shm->finished, FUTEX_WAKE, 1, 0, 0, 0);
    raw6(PTSHIM_NR_exit_group, 0, 0, 0, 0, 0, 0);
    __builtin_unreachable();
}

/* ---- the output ---- */

static const char* call_name(uint64_t nr, char* buf, size_t size) {
    if (nr < PTSHIM_NSYSCALLS && ptshim_sysent[nr].name)
        return ptshim_sysent[nr].name;
    if ((nr >> 32) == 1 && (uint32_t)nr < PTSHIM_NSYSCALLS && ptshim_sysent[(uint32_t)nr].name) {
        snprintf(buf, size, "(1<<32)|%s", ptshim_sysent[(uint32_t)nr].name);
        return buf;
    }
    snprintf(buf, size, "syscall_%#lx", (unsigned long)nr);
    return buf;
}

static void print_arg(const struct fuzz_rec* r, unsigned i) {
    char buf[64];
    const char* name;

    switch (r->fmt[i]) {
    case FMT_LABEL:
        fputs(r->label[i], stdout);
        return;
    case FMT_HEX:
        name = arena_name(r->arg[i], buf, sizeof(buf));
        if (name)
            fputs(name, stdout);
        else
            printf("%#lx", (unsigned long)r->arg[i]);
        return;
    case FMT_OCT:
        printf("0%lo", (unsigned long)r->arg[i]);
        return;
    default:
        printf("%ld", (long)r->arg[i]);
        return;
    }
}

static void print_result(const struct fuzz_rec* r, pid_t child) {
    /* an alias (-A) prints as the call it names */
    uint64_t nr = (r->nr >> 32) == 1 ? (uint32_t)r->nr : r->nr;
    const struct sysent* e = nr < PTSHIM_NSYSCALLS && ptshim_sysent[nr].name
                                 ? &ptshim_sysent[nr]
                                 : NULL;
    int64_t ret = r->ret;
    char buf[64];
    const char* s;

    if (ret < 0 && ret >= -4095) {
        printf("-1 %s", errname(-ret, buf, sizeof(buf)));
        return;
    }
    s = rule_normalise(nr, r->arg, ret, buf, sizeof(buf));
    if (s) {
        fputs(s, stdout);
        return;
    }
    switch (e ? e->ret : SD_RET_LONG) {
    case SD_RET_PTR:
        /* an address in the arena prints by name, one in the heap from
         * its start; the others are the kernel's choice (ASLR) */
        s = arena_name((uint64_t)ret, buf, sizeof(buf));
        if (s)
            fputs(s, stdout);
        else if (ret == 0)
            fputs("0", stdout);
        else if (g_start_brk && (uint64_t)ret >= g_start_brk - FUZZ_PAGE &&
                 (uint64_t)ret < g_start_brk + (1UL << 30))
            printf("start_brk%+ld", (long)((uint64_t)ret - g_start_brk));
        else
            fputs("ADDR", stdout);
        return;
    case SD_RET_PID:
        /* process IDs differ in every run */
        if (ret == child)
            fputs("self", stdout);
        else if (ret == g_main_pid)
            fputs("parent", stdout);
        else
            fputs(ret > 0 ? "PID" : "0", stdout);
        return;
    case SD_RET_HEX:
        printf("%#lx", (unsigned long)ret);
        return;
    case SD_RET_OCTAL:
        printf("0%lo", (unsigned long)ret);
        return;
    default:
        printf("%ld", (long)ret);
        return;
    }
}

static const char* signame(int sig) {
    static char buf[16];

    for (size_t i = 0; i < xlat_signals.n; i++)
        if ((int)xlat_signals.e[i].val == sig)
            return xlat_signals.e[i].name;
    snprintf(buf, sizeof(buf), "signal %d", sig);
    return buf;
}

/* Run batch BATCH; the number of calls it made. */
static unsigned run_batch(unsigned batch, unsigned ncalls) {
    unsigned first = batch * g_batch, last_progress = 0, made = 0;
    unsigned long waited_ms = 0;
    bool hung = false, any = false;
    int status;
    pid_t pid;

    for (unsigned i = 0; i < ncalls; i++)
        any = any || kept(first + i);
    if (!any)
        return 0;

    memset(g_shm, 0, sizeof(*g_shm) + g_batch * sizeof(struct fuzz_rec));
    /* the scratch directory searchable again, whatever the batch before
     * did to its mode: unprivileged, the next one could use no name */
    SYS2(PTSHIM_NR_chmod, ".", 0755);
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        die("fork");
    if (pid == 0) {
        g_batch = ncalls;
        child_batch(batch, first);
    }
    /* The watchdog: the parent sleeps on the batch's futex, which its
     * last call wakes, in slices of 20 ms (a batch killed by a signal
     * wakes nobody); a batch whose calls made no progress for
     * g_timeout seconds hangs, and is killed. */
    for (;;) {
        static const struct timespec slice = {0, 20000000};
        pid_t w = waitpid(pid, &status, WNOHANG);
        unsigned progress;

        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            die("waitpid");
        if (g_shm->finished) {
            /* its exit follows */
            if (waitpid(pid, &status, 0) != pid)
                die("waitpid");
            break;
        }
        progress = g_shm->started + g_shm->done;
        if (progress != last_progress) {
            last_progress = progress;
            waited_ms = 0;
        } else if (waited_ms > g_timeout * 1000UL && !hung) {
            kill(pid, SIGKILL);
            hung = true;
        }
        syscall(SYS_futex, &g_shm->finished, FUTEX_WAIT, 0, &slice, NULL, 0);
        waited_ms += 20;
    }
    for (unsigned i = 0; i < g_shm->started; i++) {
        const struct fuzz_rec* r = &g_shm->rec[i];
        char buf[48];

        if (r->state == 3)
            continue;
        made++;
        printf("%u %s(", first + i, call_name(r->nr, buf, sizeof(buf)));
        for (unsigned j = 0; j < r->nargs; j++) {
            if (j)
                fputs(", ", stdout);
            print_arg(r, j);
        }
        fputs(") = ", stdout);
        if (r->state == 2)
            print_result(r, pid);
        else
            fputs(hung ? "<hung>" : "<killed>", stdout);
        putchar('\n');
    }
    if (hung)
        printf("# batch %u: hung in call %u, killed after %us\n", batch,
               first + g_shm->started - 1, g_timeout);
    else if (WIFSIGNALED(status))
        printf("# batch %u: killed by %s\n", batch, signame(WTERMSIG(status)));
    else if (WEXITSTATUS(status) != 0 || g_shm->done != ncalls)
        printf("# batch %u: exit %d after %u calls\n", batch, WEXITSTATUS(status), g_shm->done);
    return made;
}

static void list_exclusions(void) {
    for (uint64_t nr = 0; nr < PTSHIM_NSYSCALLS; nr++) {
        const char* why = rule_excluded(nr);

        if (why && ptshim_sysent[nr].name)
            printf("%s (%lu): %s\n", ptshim_sysent[nr].name, (unsigned long)nr, why);
    }
}

int main(int argc, char** argv) {
    unsigned long made = 0;
    int opt;

    const char* keep = NULL;

    while ((opt = getopt(argc, argv, "s:n:b:T:w:E:I:k:Ax")) != -1) {
        switch (opt) {
        case 's': g_seed = strtoull(optarg, NULL, 0); break;
        case 'n': g_calls = (unsigned)strtoul(optarg, NULL, 0); break;
        case 'b': g_batch = (unsigned)strtoul(optarg, NULL, 0); break;
        case 'T': g_timeout = (unsigned)strtoul(optarg, NULL, 0); break;
        case 'w': parse_list(optarg, NULL, true, NBITS); break;
        case 'E': parse_list(optarg, g_enosys, false, NBITS); break;
        case 'I': parse_list(optarg, g_only, false, NBITS); g_only_set = true; break;
        case 'k': keep = optarg; break;
        case 'A': g_aliases = true; break;
        case 'x': list_exclusions(); return 0;
        default:
            fprintf(stderr, "usage: syscall-fuzz [-s SEED] [-n CALLS] [-b BATCH] [-T SECONDS] "
                            "[-w LIST] [-E LIST] [-I LIST] [-k LIST] [-A] | -x\n");
            return 2;
        }
    }
    if (!g_batch || g_batch > 100000)
        g_batch = 250;
    if (keep) {
        g_keep = calloc(g_calls / 64 + 1, sizeof(*g_keep));
        if (!g_keep)
            die("calloc");
        parse_list(keep, g_keep, false, g_calls);
    }
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    /* nothing inherited: the pool is all the program has */
    SYS3(PTSHIM_NR_close_range, 3, ~0U, 0);
    g_main_pid = getpid();
    g_root = SYS0(PTSHIM_NR_geteuid) == 0;
    g_uid = (uint32_t)SYS0(PTSHIM_NR_getuid);
    g_gid = (uint32_t)SYS0(PTSHIM_NR_getgid);
    /* The parent waits for its batches with SIGCHLD blocked.  Under
     * ptrace a signal the program ignores is delivered anyway: it would
     * interrupt the watchdog's sleep, which the kernel restarts through
     * restart_syscall, and the restart block it leaves is inherited by
     * the next batch, whose restart_syscall() would then return 0 instead
     * of EINTR (a difference of ptrace itself, reported). */
    {
        const uint64_t chld = 1UL << (SIGCHLD - 1);

        SYS4(PTSHIM_NR_rt_sigprocmask, SIG_BLOCK, &chld, NULL, 8);
    }
    printf("# syscall-fuzz seed %lu, %u calls in batches of %u\n", (unsigned long)g_seed,
           g_calls, g_batch);
    isolate();
    printf("# namespaces of its own: %s\n", g_nsnames);
    limits();
    scratch_files();
    g_start_brk = read_start_brk();
    if (arena_setup() < 0)
        die("the arena");
    open_pool();
    pools_setup(g_start_brk, (uint64_t)SYS1(PTSHIM_NR_brk, 0));
    g_shm = mmap(NULL, sizeof(*g_shm) + g_batch * sizeof(struct fuzz_rec),
                 PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (g_shm == MAP_FAILED)
        die("mmap");
    for (unsigned batch = 0; batch * g_batch < g_calls; batch++) {
        unsigned n = g_calls - batch * g_batch;

        made += run_batch(batch, n < g_batch ? n : g_batch);
    }
    printf("# calls made: %lu\n", made);
    return fflush(stdout) == 0 ? 0 : 1;
}

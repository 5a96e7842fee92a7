/*
 * syscall-fuzz.h: what the three parts of the system call fuzzer share.
 *
 *   syscall-fuzz.c        the driver: options, the setup, batches run in
 *                         forked children under a watchdog, the output
 *   syscall-fuzz-args.c   the memory the arguments point into (the arena)
 *                         and the pools each kind of argument is drawn from
 *   syscall-fuzz-rules.c  which calls are never made and why, and the
 *                         rules that keep the others harmless and finite
 *
 * The calls and the types of their arguments come from the project's own
 * table (syscall-defs/syscalls.tbl, compiled from the generated sysent.c
 * and xlat.c): one source of truth, so that every new row is fuzzed the
 * day it is added, with its flag tables' bits.  What the table cannot say
 * (which calls are dangerous, which block forever) is written by hand in
 * syscall-fuzz-rules.c.
 */
#ifndef SYSCALL_FUZZ_H
#define SYSCALL_FUZZ_H

#include <stdbool.h>
#include <stdint.h>

#include "syscall_defs.h"

#define FUZZ_PAGE 4096UL

/* The PRNG (splitmix64): the whole sequence follows from the seed. */
extern uint64_t g_rng;
static inline uint64_t rnd(void) {
    uint64_t z = (g_rng += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
/* 0 .. n-1 */
static inline uint64_t rnd_below(uint64_t n) {
    return n ? rnd() % n : 0;
}
/* true with probability pct/100 */
static inline bool chance(unsigned pct) {
    return rnd_below(100) < pct;
}

/* How an argument's value prints: identical in every run. */
enum fuzz_fmt {
    FMT_DEC,   /* signed decimal */
    FMT_HEX,   /* 0x... (fixed addresses, bit sets) */
    FMT_OCT,   /* modes */
    FMT_LABEL, /* the label alone: a name for what the value is */
};

/* One call: what the child made and what it got, in shared memory. */
struct fuzz_rec {
    uint64_t nr;
    uint64_t arg[6];
    const char* label[6]; /* FMT_LABEL: static strings, the same in parent and child */
    uint8_t fmt[6];
    uint8_t nargs;
    volatile uint8_t state; /* 0 not made, 1 made, 2 returned */
    volatile int64_t ret;
};

/* An argument being made: its value and how it prints. */
struct fuzz_arg {
    uint64_t val;
    const char* label;
    uint8_t fmt;
};

/* The kinds of argument (mostly from the table's types; the rules pick
 * others for calls whose arguments need a narrower pool). */
enum fuzz_kind {
    K_INT,       /* any integer */
    K_HEX,       /* any integer, printed in hex */
    K_FD,        /* a descriptor of the pool, a closed one, a bad number */
    K_DIRFD,     /* the same, and AT_FDCWD */
    K_PATH,      /* a file name (relative: the scratch directory) */
    K_STR,       /* a string that is not a file name (mq, memfd, xattr) */
    K_IBUF,      /* memory the call reads */
    K_OBUF,      /* memory the call writes */
    K_SIZE,      /* a length */
    K_OFF,       /* a file offset */
    K_MODE,      /* a file mode */
    K_SIGNO,     /* a signal number */
    K_SIGSEND,   /* a signal to send to ourselves: never a stop signal */
    K_PID,       /* ourselves, 0, -1, no such process */
    K_PIDSEND,   /* a target of a signal: ourselves or no such process */
    K_UID,       /* a file owner */
    K_GID,
    K_CREDID,    /* an ID for set*id: our own, -1, or one we may not take */
    K_PTR,       /* any pointer */
    K_FLAGS,     /* the bits of the argument's flag table, and others */
    K_ENUM,      /* a value of its enum table, or not */
    K_IN,        /* a struct the call reads (by the table's printer) */
    K_OUT,       /* a struct the call writes */
    K_MEMADDR,   /* an address for the memory calls: the MEM region */
    K_MEMLEN,    /* a length for them, within the region or rejected */
    K_MSEC,      /* a poll/epoll timeout in ms: never infinite */
    K_SLEEP,     /* a timespec to sleep or wait for: short, never NULL */
    K_TIMER,     /* an interval timer's value: never one that expires */
    K_SIGSETSZ,  /* a sigset size: mostly 8 */
    K_NKINDS,
};

/* One named value of a pool, and a pool. */
struct fuzz_item {
    const char* label;
    uint64_t val;
};
#define POOL_MAX 64
struct pool {
    unsigned n;
    struct fuzz_item it[POOL_MAX];
};

/* syscall-fuzz-args.c */
/* The arena: memory at a fixed address, the same in every run, so that
 * pointers print as numbers that do not change (and name themselves). */
#define ARENA_BASE 0x100000000000UL
int arena_setup(void);
/* Put back what the arena's readable pages held before the last call. */
void arena_restore(void);
/* The name of an address the arena or the program knows ("out+0x10",
 * "page_end-1"), or NULL. */
const char* arena_name(uint64_t addr, char* buf, unsigned size);
/* The pools that need the descriptors and IDs of the run. */
void pools_setup(uint64_t start_brk, uint64_t cur_brk);
void gen_arg(enum fuzz_kind kind, const struct sd_arg* a, struct fuzz_arg* out);
/* gen_arg() and gen_struct() draw good arguments only */
extern bool g_gen_good;
/* values the rules use */
uint64_t pool_self_pid(void);
uint64_t pool_nonexistent_pid(void);
/* the descriptors of the pool (syscall-fuzz.c opens them) */
struct fuzz_fd {
    const char* name;
    int fd; /* its fixed number */
    bool open;
};
extern struct fuzz_fd g_fds[];
extern unsigned g_nfds;
/* the signal handler (it returns) and restorer in the arena */
uint64_t arena_handler(void);
uint64_t arena_restorer(void);
/* An instance (or hostile pointer) for the printer's struct. */
void gen_struct(unsigned printer, bool in, struct fuzz_arg* out);
/* A value of pool P; brk's pool. */
void gen_from(const struct pool* p, struct fuzz_arg* out);
void gen_brk(struct fuzz_arg* out);
/* The child's own thread ID into the instances that name it. */
void pools_child(uint64_t tid);
/* Pools of instances for the calls the rules know (syscall-fuzz-args.c). */
extern struct pool g_flock, g_fowner, g_futexw, g_sembuf, g_sigevent, g_mqattr, g_schedattr,
    g_fdset, g_pselect_sig, g_mmsg, g_capheader, g_landlock, g_sockprog, g_intval, g_rwhint,
    g_fileattr, g_addrlen, g_waitv, g_sleep_tv, g_ts_nowait;

/* syscall-fuzz-rules.c */
/* Why NR is never called, or NULL. */
const char* rule_excluded(uint64_t nr);
/* The kinds of NR's arguments: from the table, with the rules' overrides. */
void rule_kinds(uint64_t nr, const struct sysent* e, enum fuzz_kind kinds[6]);
/* Make the arguments harmless and finite (after any choice, including
 * "-1 as every argument"). */
void rule_fixup(uint64_t nr, struct fuzz_arg args[6]);
/* Normalise a result that legitimately differs between two runs: the
 * text to print instead, or NULL. */
const char* rule_normalise(uint64_t nr, const uint64_t args[6], int64_t ret, char* buf,
                           unsigned size);
/* The isolation the run has (namespaces of its own, as root). */
extern bool g_own_uts, g_own_ipc, g_own_net;
extern bool g_root;
extern uint32_t g_uid, g_gid;

#endif /* SYSCALL_FUZZ_H */

/*
 * shim_inject.h: strace's tampering (-e inject=, -e fault=), compiled by
 * the ptshim program into a set of rules that the shim's dispatcher
 * applies to the calls it completes, whoever answers them.
 *
 * A rule is strace's: on the FIRST call of a number by a thread (counted
 * from 1 per thread and per number, as strace counts per tracee), then
 * every STEP calls after it, up to the LAST: the call fails with an errno
 * or returns a value instead of running (or runs another, side-effect
 * free, call first: syscall=), a signal is raised in the thread, the
 * thread waits before or after the call, or bytes are written where an
 * argument points, before or after the call.
 */
#ifndef SHIM_INJECT_H
#define SHIM_INJECT_H

#include <stdbool.h>
#include <stdint.h>

#include "pal.h"
#include "syscall_defs.h"

/* What a rule does (strace's INJECT_F_*) */
#define SHIM_INJECT_SIGNAL      0x01
#define SHIM_INJECT_ERROR       0x02 /* the call fails with -rval */
#define SHIM_INJECT_RETVAL      0x04 /* the call returns rval */
#define SHIM_INJECT_SYSCALL     0x08 /* sysno runs in its place first */
#define SHIM_INJECT_DELAY_ENTER 0x10
#define SHIM_INJECT_DELAY_EXIT  0x20
#define SHIM_INJECT_POKE_ENTER  0x40
#define SHIM_INJECT_POKE_EXIT   0x80

/* strace's when=FIRST..LAST: no LAST */
#define SHIM_INJECT_LAST_INF UINT16_MAX

/* Bytes written at the address in argument ARG (1-based) of the call. */
struct shim_inject_poke {
    uint8_t arg;
    bool at_exit;
    uint16_t len;
    const uint8_t* data;
};

struct shim_inject_rule {
    uint16_t first, last, step; /* when= */
    unsigned flags;             /* SHIM_INJECT_* */
    int signo;
    long rval;    /* the errno (ERROR) or the value (RETVAL) */
    PAL_NUM sysno; /* SYSCALL: the pure call run in the program's */
    PAL_NUM delay_enter_ns, delay_exit_ns;
    struct shim_inject_poke* pokes;
    unsigned npokes;
};

/* The rules, by call number; made by the ptshim program, never changed
 * once the program runs. */
struct shim_inject {
    /* the numbers that have a rule: the dispatcher's one test per call */
    uint64_t any[(PTSHIM_NSYSCALLS + 63) / 64];
    const struct shim_inject_rule* rule[PTSHIM_NSYSCALLS];
};

/* What was done to the call being completed, for the trace: strace's
 * "(INJECTED)", "(INJECTED: args)", "(INJECTED: args, retval)" and
 * "(DELAYED)". */
#define SHIM_TAMPERED_RETVAL  0x1
#define SHIM_TAMPERED_ARGS    0x2
#define SHIM_TAMPERED_DELAYED 0x4
/* retval=: the result is a success, even in the errno range */
#define SHIM_TAMPERED_SUCCESS 0x8

static inline bool shim_inject_has(const struct shim_inject* inj, PAL_NUM sysno) {
    return sysno < PTSHIM_NSYSCALLS && (inj->any[sysno / 64] & (1ULL << (sysno % 64)));
}

#endif /* SHIM_INJECT_H */

/*
 * shim_seccomp.h: the program's own seccomp filters, as the shim keeps
 * them (bookkeep/shim_seccomp.c).
 *
 * The kernel runs a thread's filters when the thread enters a call, but
 * not for a call a tracer takes over at a PTRACE_SYSEMU stop: the shim
 * would answer calls that the program's filters forbid.  So the shim
 * keeps a copy of each thread's filters, runs them on every call, and
 * answers only a call they allow; any other verdict (an errno, a signal, a
 * kill, a notification, a trace) is the kernel's to carry out: the call
 * then runs on the host, where the same filters meet it again.  A verdict
 * the shim cannot work out (a filter that reads the instruction pointer,
 * a 32-bit call) also goes to the kernel.
 *
 * Under seccomp stops the kernel has run the program's filters (they come
 * before ptshim's) when the call stops: the shim only keeps the mode, for
 * PR_GET_SECCOMP, and emulates strict mode, which the kernel refuses over
 * a filter (sys/shim_seccomp.c).
 */
#ifndef SHIM_SECCOMP_H
#define SHIM_SECCOMP_H

#include <stdbool.h>
#include <stdint.h>

#include "pal.h"
#include "shim_internal.h"
#include "shim_thread.h"

/* Whether the PAL stops calls at ptshim's own seccomp filter (which is
 * then in the program, under its filters) rather than with SYSEMU. */
static inline bool shim_seccomp_stops(void) {
    return DkSyscallStops() == PAL_STOPS_SECCOMP;
}

/* A thread's seccomp mode, as the kernel's */
#define SHIM_SECCOMP_NONE   0
#define SHIM_SECCOMP_STRICT 1
#define SHIM_SECCOMP_FILTER 2

/* One filter, installed after PREV (shared by the threads and processes
 * that inherited it: the kernel's chain). */
struct shim_seccomp_filter {
    int refs;
    struct shim_seccomp_filter* prev;
    /* the shim cannot run it (it reads the instruction pointer, or could
     * not be copied): the kernel decides every call */
    bool opaque;
    unsigned short len;
    struct shim_bpf_insn {
        uint16_t code;
        uint8_t jt, jf;
        uint32_t k;
    } insns[];
};

/* Whether strict mode lets call SYSNO run: read, write, exit and
 * rt_sigreturn, as the kernel's list (the one list of both ways of
 * stopping: shim_seccomp_allows_filtered and shim_seccomp_denies). */
bool shim_seccomp_strict_allows(PAL_NUM sysno);
bool shim_seccomp_allows_filtered(const struct shim_thread* t, const struct pal_event* ev);

/* Whether the shim may answer the call of EV, at which T is stopped: T
 * has no filter, or every one of them allows it.  False: the call must
 * run on the host, whose kernel applies the filters' verdict. */
static inline bool shim_seccomp_allows(const struct shim_thread* t,
                                       const struct pal_event* ev) {
    return t->seccomp_mode == SHIM_SECCOMP_NONE || shim_seccomp_allows_filtered(t, ev);
}

/* Run the calling thread's call, which installs strict mode or a filter
 * (seccomp(2)'s OP, FLAGS and UARGS, or prctl(PR_SET_SECCOMP)'s, without
 * flags), on the host, and keep what it installed: its result, or a
 * negative errno.  The PAL is told first (DkThreadInstallsFilter).  From
 * sys/shim_seccomp.c. */
long shim_seccomp_install(unsigned int op, unsigned int flags, uptr uargs);

/* Under seccomp stops (sys/shim_seccomp.c): whether T's own seccomp mode
 * forbids call SYSNO (strict mode, which the kernel refuses over ptshim's
 * filter, is then the shim's), and the kernel's answer to it, for the
 * calling thread: its death by SIGKILL. */
bool shim_seccomp_denies(const struct shim_thread* t, PAL_NUM sysno);
long shim_seccomp_kill(void);

/* The events: CHILD created by CREATOR inherits its filters; T gone. */
void shim_seccomp_clone(struct shim_thread* child, const struct shim_thread* creator);
void shim_seccomp_free(struct shim_thread* t);

/* shim_bpf.c: classic BPF as seccomp has it.  shim_bpf_check: 0 when the
 * kernel accepts the filter program INSNS of LEN instructions, -EINVAL
 * when it refuses it (its checks, bpf_check_classic and
 * seccomp_check_filter).  shim_bpf_run: the verdict (what its RET returns)
 * of a program shim_bpf_check accepted for a call's DATA; exported for the
 * unit tests. */
int shim_bpf_check(const struct shim_bpf_insn* insns, unsigned int len);
uint32_t shim_bpf_run(const struct shim_bpf_insn* insns, unsigned int len, const void* data,
                      unsigned int data_len);

#endif /* SHIM_SECCOMP_H */

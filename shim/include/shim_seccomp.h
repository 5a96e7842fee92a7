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
 */
#ifndef SHIM_SECCOMP_H
#define SHIM_SECCOMP_H

#include <stdbool.h>
#include <stdint.h>

#include "pal.h"
#include "shim_thread.h"

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

bool shim_seccomp_allows_filtered(const struct shim_thread* t, const struct pal_event* ev);

/* Whether the shim may answer the call of EV, at which T is stopped: T
 * has no filter, or every one of them allows it.  False: the call must
 * run on the host, whose kernel applies the filters' verdict. */
static inline bool shim_seccomp_allows(const struct shim_thread* t,
                                       const struct pal_event* ev) {
    return t->seccomp_mode == SHIM_SECCOMP_NONE || shim_seccomp_allows_filtered(t, ev);
}

/* Whether the call of EV installs a filter or strict mode (seccomp(2),
 * prctl(PR_SET_SECCOMP)). */
bool shim_seccomp_installs(const struct pal_event* ev);

/* Run T's call of EV, which installs a filter or strict mode, on the host
 * (upcall only) and keep what it installed: its result, or a negative
 * errno. */
long shim_seccomp_install(struct shim_thread* t, const struct pal_event* ev);

/* The events: CHILD created by CREATOR inherits its filters; T gone. */
void shim_seccomp_clone(struct shim_thread* child, const struct shim_thread* creator);
void shim_seccomp_free(struct shim_thread* t);

/* The verdict of a filter program (what its RET returns) for a call:
 * exported for the unit tests. */
uint32_t shim_bpf_run(const struct shim_bpf_insn* insns, unsigned int len, const void* data,
                      unsigned int data_len);

#endif /* SHIM_SECCOMP_H */

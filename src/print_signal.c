/*
 * print_signal.c: signal sets, sigaction, siginfo and stack_t in the
 * tracee's memory, as strace prints them.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <ucontext.h>

#include "print_struct.h"
#include "trace_signal.h"

/* The kernel's struct sigaction for rt_sigaction (not glibc's). */
struct kernel_sigaction {
    unsigned long handler;
    unsigned long flags;
    unsigned long restorer;
    uint64_t mask;
};

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

/* [INT TERM], or ~[KILL STOP] when most signals are in the set. */
void print_sigset_value(struct tcb* t, uint64_t set, unsigned nsigs) {
    uint64_t all = nsigs >= 64 ? ~0ULL : (1ULL << nsigs) - 1;
    bool first = true;

    if (__builtin_popcountll(set & all) > (int)nsigs / 2) {
        trace_putc(t, '~');
        set = ~set & all;
    }
    trace_putc(t, '[');
    for (unsigned sig = 1; sig <= nsigs; sig++) {
        size_t mark;

        if (!(set & (1ULL << (sig - 1))))
            continue;
        if (!first)
            trace_putc(t, ' ');
        first = false;
        mark = t->len;
        print_signo(t, (int)sig);
        /* without the SIG prefix */
        if (t->len - mark > 3 && !memcmp(t->buf + mark, "SIG", 3)) {
            memmove(t->buf + mark, t->buf + mark + 3, t->len - mark - 3);
            t->len -= 3;
        }
    }
    trace_putc(t, ']');
}

/* A signal set, whose size is the call's last size argument
 * (sigsetsize, sizemask): strace shows the set only when that is the
 * kernel's size, and the address otherwise. */
void print_struct_sigset(struct tcb* t, PAL_NUM addr, long count) {
    uint64_t set = 0;

    for (int i = t->s->nargs - 1; i >= 0; i--) {
        if (t->s->args[i].type != SD_T_SIZE)
            continue;
        if (t->args[i] != sizeof(set)) {
            print_addr(t, addr);
            return;
        }
        break;
    }
    if (!tracee_fetch(t, addr, &set, sizeof(set)))
        return;
    print_sigset_value(t, set, 64);
}

static void print_handler(struct tcb* t, unsigned long h) {
    if (h == (unsigned long)SIG_DFL)
        trace_puts(t, "SIG_DFL");
    else if (h == (unsigned long)SIG_IGN)
        trace_puts(t, "SIG_IGN");
    else
        trace_printf(t, "%#lx", h);
}

void print_struct_sigaction(struct tcb* t, PAL_NUM addr, long count) {
    struct kernel_sigaction sa;

    if (!tracee_fetch(t, addr, &sa, sizeof(sa)))
        return;
    trace_puts(t, "{sa_handler=");
    print_handler(t, sa.handler);
    trace_puts(t, ", sa_mask=");
    print_sigset_value(t, sa.mask, 64);
    trace_puts(t, ", sa_flags=");
    print_flags(t, &xlat_sa_flags, sa.flags);
    if (sa.flags & SA_RESTORER) {
        trace_puts(t, ", sa_restorer=");
        print_addr(t, sa.restorer);
    }
    trace_putc(t, '}');
}

void print_struct_siginfo(struct tcb* t, PAL_NUM addr, long count) {
    siginfo_t si;

    if (!tracee_fetch(t, addr, &si, sizeof(si)))
        return;
    if (si.si_signo == 0) /* waitid with WNOHANG that found nobody */
        trace_puts(t, "{}");
    else
        print_siginfo(t, &si);
}

void print_struct_stack_t(struct tcb* t, PAL_NUM addr, long count) {
    stack_t ss;

    if (!tracee_fetch(t, addr, &ss, sizeof(ss)))
        return;
    trace_puts(t, "{ss_sp=");
    print_addr(t, (PAL_NUM)(uintptr_t)ss.ss_sp);
    trace_puts(t, ", ss_flags=");
    print_flags(t, &xlat_sigaltstack_flags, (unsigned)ss.ss_flags);
    trace_printf(t, ", ss_size=%zu}", ss.ss_size);
}

/* rt_sigreturn({mask=[...]}): the mask the signal frame restores.  At the
 * call the handler has returned into the restorer, so the stack pointer is
 * at the frame's ucontext. */
int decode_rt_sigreturn(struct tcb* t) {
    uint64_t mask;

    if (tracee_read(t, t->sp + offsetof(ucontext_t, uc_sigmask), &mask, sizeof(mask)) < 0) {
        trace_puts(t, "{mask=");
        print_addr(t, t->sp + offsetof(ucontext_t, uc_sigmask));
        trace_putc(t, '}');
        return DECODE_DONE;
    }
    trace_puts(t, "{mask=");
    print_sigset_value(t, mask, 64);
    trace_putc(t, '}');
    return DECODE_DONE;
}

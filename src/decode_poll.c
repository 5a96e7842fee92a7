/*
 * decode_poll.c: poll, ppoll, select, pselect6 (@custom in syscalls.tbl).
 * Their arguments are printed at entry, and what the call found comes as
 * the result's comment: "= 1 ([{fd=3, revents=POLLIN}])",
 * "= 2 (in [3], out [4], left {tv_sec=0, tv_usec=98})", "= 0 (Timeout)".
 */
#include "config.h"

#include <poll.h>
#include <string.h>
#include <sys/select.h>

#include "print_struct.h"

/* [{fd=3, events=POLLIN}, {fd=-1}]: at most -s elements */
static void print_pollfds(struct tcb* t, PAL_NUM addr, PAL_NUM n) {
    struct pollfd p;

    if (!addr) {
        trace_puts(t, "NULL");
        return;
    }
    if (n && tracee_read(t, addr, &p, sizeof(p)) < 0) {
        print_addr(t, addr);
        return;
    }
    trace_putc(t, '[');
    for (PAL_NUM i = 0; i < n; i++) {
        if (!print_array_elem(t, addr, (long)i, &p, sizeof(p)))
            break;
        trace_printf(t, "{fd=%d", p.fd);
        if (p.fd >= 0) {
            trace_puts(t, ", events=");
            print_flags(t, &xlat_poll_events, (unsigned short)p.events);
        }
        trace_putc(t, '}');
    }
    trace_putc(t, ']');
}

/* the descriptors the call found ready: [{fd=3, revents=POLLIN}] */
static void print_revents(struct tcb* t) {
    PAL_NUM addr = t->args[0], n = t->args[1];
    unsigned shown = 0;
    struct pollfd p;

    trace_putc(t, '[');
    for (PAL_NUM i = 0; i < n; i++) {
        if (tracee_read(t, addr + i * sizeof(p), &p, sizeof(p)) < 0)
            break;
        if (!p.revents)
            continue;
        if (shown)
            trace_puts(t, ", ");
        if (shown++ >= g_max_strlen) {
            trace_puts(t, "...");
            break;
        }
        trace_printf(t, "{fd=%d, revents=", p.fd);
        print_flags(t, &xlat_poll_events, (unsigned short)p.revents);
        trace_putc(t, '}');
    }
    trace_putc(t, ']');
}

static void poll_note(struct tcb* t) {
    if (t->ret == 0) {
        trace_puts(t, "(Timeout)");
        return;
    }
    trace_putc(t, '(');
    print_revents(t);
    /* ppoll: the time that was left */
    if (t->sysno == PTSHIM_NR_ppoll && t->args[2]) {
        trace_puts(t, ", left ");
        print_struct_timespec(t, t->args[2], -1);
    }
    trace_putc(t, ')');
}

/* a signal mask with its size: an address unless the size is the
 * kernel's */
static void print_sigmask(struct tcb* t, PAL_NUM addr, PAL_NUM size) {
    if (!addr)
        trace_puts(t, "NULL");
    else if (size != sizeof(uint64_t))
        print_addr(t, addr);
    else
        print_struct_sigset(t, addr, -1);
}

int decode_poll(struct tcb* t) {
    if (t->exiting) {
        if (!syserror(t))
            t->rval_note = poll_note;
        return 0;
    }
    print_pollfds(t, t->args[0], t->args[1]);
    trace_printf(t, ", %u, %d", (unsigned)t->args[1], (int)t->args[2]);
    return 0;
}

int decode_ppoll(struct tcb* t) {
    if (t->exiting) {
        if (!syserror(t))
            t->rval_note = poll_note;
        return 0;
    }
    print_pollfds(t, t->args[0], t->args[1]);
    trace_printf(t, ", %u, ", (unsigned)t->args[1]);
    print_struct_at(t, print_struct_timespec, t->args[2]);
    trace_puts(t, ", ");
    print_sigmask(t, t->args[3], t->args[4]);
    trace_printf(t, ", %llu", (unsigned long long)t->args[4]);
    return 0;
}

/* The select family's descriptor sets, of NFDS bits: [3 5], read whole
 * up to a bound (beyond, the address). */
#define FDSET_MAX_BITS 65536

static void print_fdset(struct tcb* t, PAL_NUM addr, int nfds) {
    unsigned long word;
    bool first = true;

    if (!addr) {
        trace_puts(t, "NULL");
        return;
    }
    if (nfds < 0 || nfds > FDSET_MAX_BITS ||
        (nfds > 0 && tracee_read(t, addr, &word, sizeof(word)) < 0)) {
        print_addr(t, addr);
        return;
    }
    trace_putc(t, '[');
    for (int base = 0; base < nfds; base += 8 * (int)sizeof(word)) {
        if (tracee_read(t, addr + (PAL_NUM)base / 8, &word, sizeof(word)) < 0)
            break;
        for (int bit = 0; bit < 8 * (int)sizeof(word) && base + bit < nfds; bit++) {
            if (!(word & (1UL << bit)))
                continue;
            if (!first)
                trace_putc(t, ' ');
            first = false;
            trace_printf(t, "%d", base + bit);
        }
    }
    trace_putc(t, ']');
}

static bool fdset_empty(struct tcb* t, PAL_NUM addr, int nfds) {
    unsigned long word;

    for (int base = 0; base < nfds; base += 8 * (int)sizeof(word)) {
        int bits = nfds - base < 8 * (int)sizeof(word) ? nfds - base : 8 * (int)sizeof(word);
        unsigned long mask = bits == 8 * (int)sizeof(word) ? ~0UL : (1UL << bits) - 1;

        if (tracee_read(t, addr + (PAL_NUM)base / 8, &word, sizeof(word)) < 0 || (word & mask))
            return false;
    }
    return true;
}

static void select_note(struct tcb* t) {
    static const char* const names[3] = {"in", "out", "except"};
    int nfds = (int)t->args[0];
    bool any = false;

    if (t->ret == 0) {
        trace_puts(t, "(Timeout)");
        return;
    }
    trace_putc(t, '(');
    for (int i = 0; i < 3; i++) {
        PAL_NUM set = t->args[1 + i];

        if (!set || nfds > FDSET_MAX_BITS || fdset_empty(t, set, nfds))
            continue;
        trace_printf(t, "%s%s ", any ? ", " : "", names[i]);
        print_fdset(t, set, nfds);
        any = true;
    }
    if (t->args[4]) {
        trace_printf(t, "%sleft ", any ? ", " : "");
        if (t->sysno == PTSHIM_NR_select)
            print_struct_timeval(t, t->args[4], -1);
        else
            print_struct_timespec(t, t->args[4], -1);
    }
    trace_putc(t, ')');
}

static void print_select_head(struct tcb* t) {
    int nfds = (int)t->args[0];

    trace_printf(t, "%d", nfds);
    for (int i = 1; i <= 3; i++) {
        trace_puts(t, ", ");
        print_fdset(t, t->args[i], nfds);
    }
    trace_puts(t, ", ");
}

int decode_select(struct tcb* t) {
    if (t->exiting) {
        if (!syserror(t))
            t->rval_note = select_note;
        return 0;
    }
    print_select_head(t);
    print_struct_at(t, print_struct_timeval, t->args[4]);
    return 0;
}

/* pselect6's sixth argument: {sigmask=[...], sigsetsize=8} */
static void print_pselect_data(struct tcb* t, PAL_NUM addr) {
    struct {
        PAL_NUM mask, size;
    } data;

    if (!addr) {
        trace_puts(t, "NULL");
        return;
    }
    if (!tracee_fetch(t, addr, &data, sizeof(data)))
        return;
    trace_puts(t, "{sigmask=");
    print_sigmask(t, data.mask, data.size);
    trace_printf(t, ", sigsetsize=%llu}", (unsigned long long)data.size);
}

int decode_pselect6(struct tcb* t) {
    if (t->exiting) {
        if (!syserror(t))
            t->rval_note = select_note;
        return 0;
    }
    print_select_head(t);
    print_struct_at(t, print_struct_timespec, t->args[4]);
    trace_puts(t, ", ");
    print_pselect_data(t, t->args[5]);
    return 0;
}

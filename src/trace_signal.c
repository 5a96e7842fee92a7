/*
 * trace_signal.c: printing a siginfo as strace does: si_signo, si_code,
 * then the fields that si_code says are valid.
 */
#include "config.h"

#include "decode.h"
#include "trace_signal.h"

static const struct xlat* codes_of(int sig) {
    switch (sig) {
    case SIGCHLD:
        return &xlat_sigchld_codes;
    case SIGSEGV:
        return &xlat_sigsegv_codes;
    case SIGBUS:
        return &xlat_sigbus_codes;
    case SIGILL:
        return &xlat_sigill_codes;
    case SIGFPE:
        return &xlat_sigfpe_codes;
    case SIGTRAP:
        return &xlat_sigtrap_codes;
    case SIGPOLL:
        return &xlat_sigpoll_codes;
    case SIGSYS:
        return &xlat_sigsys_codes;
    default:
        return NULL;
    }
}

static void print_code(struct tcb* t, const siginfo_t* si) {
    const struct xlat* x = si->si_code > 0 ? codes_of(si->si_signo) : NULL;
    const char* name = xlat_name(x ? x : &xlat_si_codes, (uint64_t)(int64_t)si->si_code);

    if (name)
        trace_puts(t, name);
    else
        trace_printf(t, "%d", si->si_code);
}

static void print_sender(struct tcb* t, const siginfo_t* si) {
    trace_printf(t, ", si_pid=%d, si_uid=%u", si->si_pid, si->si_uid);
}

static void print_value(struct tcb* t, const siginfo_t* si) {
    trace_printf(t, ", si_int=%d, si_ptr=", si->si_int);
    print_addr(t, (PAL_NUM)(uintptr_t)si->si_ptr);
}

static void print_fault(struct tcb* t, const siginfo_t* si) {
    trace_puts(t, ", si_addr=");
    print_addr(t, (PAL_NUM)(uintptr_t)si->si_addr);
}

void print_siginfo(struct tcb* t, const siginfo_t* si) {
    trace_puts(t, "{si_signo=");
    print_signo(t, si->si_signo);
    trace_puts(t, ", si_code=");
    print_code(t, si);
    if (si->si_errno) {
        const char* e = xlat_name(&xlat_errno, (uint64_t)si->si_errno);

        if (e)
            trace_printf(t, ", si_errno=%s", e);
        else
            trace_printf(t, ", si_errno=%d", si->si_errno);
    }
    if (si->si_code <= 0) {
        /* sent by a process */
        switch (si->si_code) {
        case SI_USER:
        case SI_TKILL:
            print_sender(t, si);
            break;
        case SI_QUEUE:
        case SI_MESGQ:
            print_sender(t, si);
            print_value(t, si);
            break;
        case SI_TIMER:
            trace_printf(t, ", si_timerid=%#x, si_overrun=%d", si->si_timerid,
                         si->si_overrun);
            print_value(t, si);
            break;
        default:
            break;
        }
    } else {
        switch (si->si_signo) {
        case SIGCHLD:
            print_sender(t, si);
            trace_puts(t, ", si_status=");
            if (si->si_code == CLD_EXITED)
                trace_printf(t, "%d", si->si_status);
            else
                print_signo(t, si->si_status);
            trace_printf(t, ", si_utime=%lld, si_stime=%lld", (long long)si->si_utime,
                         (long long)si->si_stime);
            break;
        case SIGSEGV:
        case SIGBUS:
        case SIGILL:
        case SIGFPE:
        case SIGTRAP:
            print_fault(t, si);
            break;
        case SIGPOLL:
            trace_printf(t, ", si_band=%ld, si_fd=%d", si->si_band, si->si_fd);
            break;
        case SIGSYS:
            print_fault(t, si);
            trace_printf(t, ", si_syscall=%d, si_arch=%#x", si->si_syscall, si->si_arch);
            break;
        default:
            break;
        }
    }
    trace_putc(t, '}');
}

void trace_print_siginfo(struct tcb* t, const struct pal_event* ev) {
    siginfo_t si;

    if (DkThreadGetSignalInfo(ev->thread, &si) < 0)
        trace_puts(t, "{...}");
    else
        print_siginfo(t, &si);
}

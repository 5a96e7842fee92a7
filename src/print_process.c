/*
 * print_process.c: rusage, sysinfo, sched_param, clone_args, as strace
 * prints them.
 */
#include "config.h"

#include <sched.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>

#include "print_struct.h"

void print_struct_rusage(struct tcb* t, PAL_NUM addr, long count) {
    struct rusage ru;

    /* wait4 with WNOHANG that reaped nobody wrote nothing */
    if (t->sysno == PTSHIM_NR_wait4 && t->ret == 0) {
        print_addr(t, addr);
        return;
    }
    if (!tracee_fetch(t, addr, &ru, sizeof(ru)))
        return;
    trace_printf(t,
                 "{ru_utime={tv_sec=%lld, tv_usec=%lld}, ru_stime={tv_sec=%lld, tv_usec=%lld}, "
                 "...}",
                 (long long)ru.ru_utime.tv_sec, (long long)ru.ru_utime.tv_usec,
                 (long long)ru.ru_stime.tv_sec, (long long)ru.ru_stime.tv_usec);
}

void print_struct_sysinfo(struct tcb* t, PAL_NUM addr, long count) {
    struct sysinfo si;

    if (!tracee_fetch(t, addr, &si, sizeof(si)))
        return;
    trace_printf(t,
                 "{uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, "
                 "sharedram=%lu, bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, "
                 "totalhigh=%lu, freehigh=%lu, mem_unit=%u}",
                 si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram, si.freeram,
                 si.sharedram, si.bufferram, si.totalswap, si.freeswap, si.procs, si.totalhigh,
                 si.freehigh, si.mem_unit);
}

void print_struct_sched_param(struct tcb* t, PAL_NUM addr, long count) {
    struct sched_param sp;

    if (tracee_fetch(t, addr, &sp, sizeof(sp)))
        trace_printf(t, "[%d]", sp.sched_priority);
}

void print_struct_clone_args(struct tcb* t, PAL_NUM addr, long count) {
    struct {
        uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
    } ca;

    if (!tracee_fetch(t, addr, &ca, sizeof(ca)))
        return;
    trace_puts(t, "{flags=");
    print_flags(t, &xlat_clone_flags, ca.flags);
    if (ca.flags & CLONE_PIDFD)
        trace_printf(t, ", pidfd=%#llx", (unsigned long long)ca.pidfd);
    if (ca.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
        trace_printf(t, ", child_tid=%#llx", (unsigned long long)ca.child_tid);
    if (ca.flags & CLONE_PARENT_SETTID)
        trace_printf(t, ", parent_tid=%#llx", (unsigned long long)ca.parent_tid);
    trace_puts(t, ", exit_signal=");
    if (ca.exit_signal)
        print_signo(t, (int)ca.exit_signal);
    else
        trace_putc(t, '0');
    trace_printf(t, ", stack=%#llx, stack_size=%#llx", (unsigned long long)ca.stack,
                 (unsigned long long)ca.stack_size);
    if (ca.flags & CLONE_SETTLS)
        trace_printf(t, ", tls=%#llx", (unsigned long long)ca.tls);
    trace_putc(t, '}');
}

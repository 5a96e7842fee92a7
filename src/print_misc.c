/*
 * print_misc.c: pointers to scalars and small structures: [5], [3, 4],
 * wait statuses, rlimits, utsname, CPU sets.
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include "print_struct.h"

void print_int(struct tcb* t, PAL_NUM addr, long count) {
    int v;

    if (tracee_fetch(t, addr, &v, sizeof(v)))
        trace_printf(t, "[%d]", v);
}

void print_uint(struct tcb* t, PAL_NUM addr, long count) {
    unsigned v;

    if (tracee_fetch(t, addr, &v, sizeof(v)))
        trace_printf(t, "[%u]", v);
}

void print_long(struct tcb* t, PAL_NUM addr, long count) {
    long v;

    if (tracee_fetch(t, addr, &v, sizeof(v)))
        trace_printf(t, "[%ld]", v);
}

void print_struct_fd_pair(struct tcb* t, PAL_NUM addr, long count) {
    int fds[2];

    if (!tracee_fetch(t, addr, fds, sizeof(fds)))
        return;
    trace_putc(t, '[');
    print_fd(t, fds[0]);
    trace_puts(t, ", ");
    print_fd(t, fds[1]);
    trace_putc(t, ']');
}

void print_struct_wait_status(struct tcb* t, PAL_NUM addr, long count) {
    int s;

    if (t->ret == 0) { /* WNOHANG, nobody to reap: nothing written */
        print_addr(t, addr);
        return;
    }
    if (!tracee_fetch(t, addr, &s, sizeof(s)))
        return;
    trace_puts(t, "[{");
    if (WIFEXITED(s)) {
        trace_printf(t, "WIFEXITED(s) && WEXITSTATUS(s) == %d", WEXITSTATUS(s));
    } else if (WIFSIGNALED(s)) {
        trace_puts(t, "WIFSIGNALED(s) && WTERMSIG(s) == ");
        print_signo(t, WTERMSIG(s));
        if (WCOREDUMP(s))
            trace_puts(t, " && WCOREDUMP(s)");
    } else if (WIFSTOPPED(s)) {
        trace_puts(t, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
        print_signo(t, WSTOPSIG(s));
    } else if (WIFCONTINUED(s)) {
        trace_puts(t, "WIFCONTINUED(s)");
    } else {
        trace_printf(t, "%#x", s);
    }
    trace_puts(t, "}]");
}

/* RLIM_INFINITY, or N*1024 when that is exact, as strace prints limits */
static void rlim_value(struct tcb* t, unsigned long long v, const char* infinity) {
    if (v == (unsigned long long)RLIM_INFINITY)
        trace_puts(t, infinity);
    else if (v > 1024 && v % 1024 == 0)
        trace_printf(t, "%llu*1024", v / 1024);
    else
        trace_printf(t, "%llu", v);
}

static void print_rlimit_as(struct tcb* t, PAL_NUM addr, const char* infinity) {
    struct rlimit rl;

    if (!tracee_fetch(t, addr, &rl, sizeof(rl)))
        return;
    trace_puts(t, "{rlim_cur=");
    rlim_value(t, rl.rlim_cur, infinity);
    trace_puts(t, ", rlim_max=");
    rlim_value(t, rl.rlim_max, infinity);
    trace_putc(t, '}');
}

void print_struct_rlimit(struct tcb* t, PAL_NUM addr, long count) {
    /* the kernel's infinity is the same in both calls on x86-64 */
    print_rlimit_as(t, addr, "RLIM64_INFINITY");
}

void print_struct_utsname(struct tcb* t, PAL_NUM addr, long count) {
    struct utsname u;

    if (!tracee_fetch(t, addr, &u, sizeof(u)))
        return;
    trace_puts(t, "{sysname=");
    print_quoted(t, u.sysname, strnlen(u.sysname, sizeof(u.sysname)));
    trace_puts(t, ", nodename=");
    print_quoted(t, u.nodename, strnlen(u.nodename, sizeof(u.nodename)));
    trace_puts(t, ", ...}");
}

void print_struct_cpu_set(struct tcb* t, PAL_NUM addr, long count) {
    unsigned char set[1024];
    size_t len = count < 0 || (size_t)count > sizeof(set) ? sizeof(set) : (size_t)count;
    bool first = true;

    /* sched_getaffinity writes as many bytes as it returns */
    if (t->exiting && !syserror(t) && t->sysno == PTSHIM_NR_sched_getaffinity &&
        (size_t)t->ret < len)
        len = (size_t)t->ret;
    if (!tracee_fetch(t, addr, set, len))
        return;
    trace_putc(t, '[');
    for (size_t i = 0; i < len * 8; i++)
        if (set[i / 8] & (1u << (i % 8))) {
            trace_printf(t, first ? "%zu" : " %zu", i);
            first = false;
        }
    trace_putc(t, ']');
}

/* getgroups, setgroups: [0, 100], at most -s elements */
void print_gid(struct tcb* t, PAL_NUM addr, long count) {
    unsigned v;

    /* a size the kernel refuses (over NGROUPS_MAX): the address */
    if (count < 0 || count > 65536 || (count > 0 && tracee_read(t, addr, &v, sizeof(v)) < 0)) {
        print_addr(t, addr);
        return;
    }
    trace_putc(t, '[');
    for (long i = 0; i < count; i++) {
        if (!print_array_elem(t, addr, i, &v, sizeof(v)))
            break;
        if (v == (unsigned)-1)
            trace_puts(t, "-1");
        else
            trace_printf(t, "%u", v);
    }
    trace_putc(t, ']');
}

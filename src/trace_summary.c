/*
 * trace_summary.c: -c: calls, errors and time per system call, printed at
 * the end in strace's table.  The time is the wall time from the entry stop
 * to the exit stop, as strace -c -w measures it: the tracer cannot see the
 * kernel's own accounting per call.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "trace_summary.h"

struct call_stats {
    unsigned long calls, errors;
    long long ns;
};

static struct call_stats g_stats[PTSHIM_NSYSCALLS];
void trace_summary_count(const struct tcb* t) {
    struct call_stats* c;
    struct timespec now;

    /* a 32-bit call has no row of the x86-64 table */
    if (t->compat || t->sysno >= PTSHIM_NSYSCALLS)
        return;
    c = &g_stats[t->sysno];
    clock_gettime(CLOCK_MONOTONIC, &now);
    c->calls++;
    if (syserror(t))
        c->errors++;
    c->ns += (now.tv_sec - t->start.tv_sec) * 1000000000LL + (now.tv_nsec - t->start.tv_nsec);
}

static int by_time(const void* a, const void* b) {
    const struct call_stats* x = &g_stats[*(const unsigned*)a];
    const struct call_stats* y = &g_stats[*(const unsigned*)b];

    if (x->ns != y->ns)
        return x->ns < y->ns ? 1 : -1;
    if (x->calls != y->calls)
        return x->calls < y->calls ? 1 : -1;
    return *(const unsigned*)a < *(const unsigned*)b ? -1 : 1;
}

static void rule(FILE* f) {
    fputs("------ ----------- ----------- --------- --------- ----------------\n", f);
}

/* The calls made, most time first, into ORDER; their sum into *TOTAL.
 * Returns how many. */
static unsigned sorted_calls(unsigned* order, struct call_stats* total) {
    unsigned n = 0;

    *total = (struct call_stats){0};
    for (unsigned i = 0; i < PTSHIM_NSYSCALLS; i++) {
        if (!g_stats[i].calls)
            continue;
        order[n++] = i;
        total->calls += g_stats[i].calls;
        total->errors += g_stats[i].errors;
        total->ns += g_stats[i].ns;
    }
    qsort(order, n, sizeof(order[0]), by_time);
    return n;
}

void trace_summary_print(FILE* f) {
    static unsigned order[PTSHIM_NSYSCALLS];
    struct call_stats total;
    unsigned n = sorted_calls(order, &total);
    unsigned long calls = total.calls, errors = total.errors;
    long long ns = total.ns;

    fputs("% time     seconds  usecs/call     calls    errors syscall\n", f);
    rule(f);
    for (unsigned k = 0; k < n; k++) {
        const struct call_stats* c = &g_stats[order[k]];

        fprintf(f, "%6.2f %11.6f %11lld %9lu %9.0lu %s\n",
                ns ? 100.0 * (double)c->ns / (double)ns : 0.0, (double)c->ns / 1e9,
                c->ns / 1000 / (long long)c->calls, c->calls, c->errors,
                ptshim_sysent[order[k]].name);
    }
    rule(f);
    fprintf(f, "%6.2f %11.6f %11lld %9lu %9.0lu total\n", 100.0, (double)ns / 1e9,
            calls ? ns / 1000 / (long long)calls : 0, calls, errors);
}

static void json_counts(FILE* f, const struct call_stats* c) {
    fprintf(f, "\"calls\":%lu,\"errors\":%lu,\"seconds\":%lld.%09lld}", c->calls, c->errors,
            c->ns / 1000000000LL, c->ns % 1000000000LL);
}

void trace_summary_print_json(FILE* f) {
    static unsigned order[PTSHIM_NSYSCALLS];
    struct call_stats total;
    unsigned n = sorted_calls(order, &total);

    fputs("{\"type\":\"summary\",\"syscalls\":[", f);
    for (unsigned k = 0; k < n; k++) {
        /* names from the table: plain ASCII, nothing to escape */
        fprintf(f, "%s{\"name\":\"%s\",\"nr\":%u,", k ? "," : "", ptshim_sysent[order[k]].name,
                order[k]);
        json_counts(f, &g_stats[order[k]]);
    }
    fputs("],\"total\":{", f);
    json_counts(f, &total);
    fputs("}\n", f);
}

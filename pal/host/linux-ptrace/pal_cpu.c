/*
 * pal_cpu.c: the CPUs a traced thread may run on (the seed's example of a
 * new PAL call: DkThreadSetCPUAffinity).
 *
 * The tracer sets and reads the affinity of a traced thread itself: no
 * permission is needed for its own children, and the thread need not
 * stop.
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "pal_host.h"

static PAL_NUM g_cpu_ids;

/* The highest number in a CPU list such as "0-3,5", plus one. */
static PAL_NUM list_end(const char* s) {
    PAL_NUM end = 0;

    while (*s) {
        char* next;
        unsigned long v = strtoul(s, &next, 10);

        if (next == s)
            break;
        if (v + 1 > end)
            end = v + 1;
        s = next + (*next != '\0');
    }
    return end;
}

PAL_NUM DkSystemCPUMaskSize(void) {
    static PAL_NUM size;

    if (!size) {
        /* the raw call returns the size of the kernel's cpumask, which
         * glibc's wrapper hides: NR_CPUS bits when the kernel keeps its
         * masks on the stack, nr_cpu_ids when it allocates them */
        unsigned long mask[PAL_MAX_CPUS / 64];
        long n = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);

        size = n > 0 ? (PAL_NUM)n : sizeof(unsigned long);
    }
    return size;
}

PAL_NUM DkSystemCPUIds(void) {
    char buf[256];
    FILE* f;

    if (g_cpu_ids)
        return g_cpu_ids;
    f = fopen("/sys/devices/system/cpu/possible", "re");
    if (f) {
        if (fgets(buf, sizeof(buf), f))
            g_cpu_ids = list_end(buf);
        fclose(f);
    }
    if (!g_cpu_ids) {
        /* the raw call returns the size of the kernel's mask, nr_cpu_ids
         * rounded up to longs: a bound, when /sys says nothing */
        unsigned long mask[PAL_MAX_CPUS / 64];
        long n = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);

        g_cpu_ids = n > 0 ? (PAL_NUM)n * 8 : 1;
    }
    return g_cpu_ids;
}

/* The CPUs below NCPUS in SET (of SIZE bytes), as a list of at most MAX
 * indexes: how many there are. */
static long set_to_indexes(const cpu_set_t* set, size_t size, int ncpus, PAL_IDX* cpu_indexes,
                           PAL_NUM max) {
    long n = 0;

    for (int c = 0; c < ncpus; c++)
        if (CPU_ISSET_S(c, size, set)) {
            if ((PAL_NUM)n < max)
                cpu_indexes[n] = (PAL_IDX)c;
            n++;
        }
    return n;
}

long DkThreadGetCPUAffinity(PAL_HANDLE t, PAL_IDX* cpu_indexes, PAL_NUM max) {
    cpu_set_t* set;
    size_t size = CPU_ALLOC_SIZE(PAL_MAX_CPUS);
    long n;

    /* the program's own view of a thread the PAL keeps on the tracer's
     * CPU (pal_placement.c) */
    if (_DkPlacementPins())
        return set_to_indexes(_DkPlacementAffinity(t), sizeof(cpu_set_t), CPU_SETSIZE,
                              cpu_indexes, max);
    set = CPU_ALLOC(PAL_MAX_CPUS);
    if (!set)
        return -ENOMEM;
    if (sched_getaffinity(t->tid, size, set) < 0) {
        n = -errno;
        CPU_FREE(set);
        return n;
    }
    n = set_to_indexes(set, size, PAL_MAX_CPUS, cpu_indexes, max);
    CPU_FREE(set);
    return n;
}

int DkThreadSetCPUAffinity(PAL_HANDLE t, PAL_NUM cpu_num, const PAL_IDX* cpu_indexes) {
    cpu_set_t* set;
    size_t size = CPU_ALLOC_SIZE(PAL_MAX_CPUS);
    int ret = 0;

    if (_DkPlacementPins()) {
        /* the CPUs beyond CPU_SETSIZE are none the tracer had */
        cpu_set_t own;

        CPU_ZERO(&own);
        for (PAL_NUM i = 0; i < cpu_num; i++)
            if (cpu_indexes[i] < CPU_SETSIZE)
                CPU_SET(cpu_indexes[i], &own);
        return _DkPlacementSetAffinity(t, &own);
    }
    set = CPU_ALLOC(PAL_MAX_CPUS);
    if (!set)
        return -ENOMEM;
    CPU_ZERO_S(size, set);
    for (PAL_NUM i = 0; i < cpu_num; i++) {
        if (cpu_indexes[i] >= PAL_MAX_CPUS) {
            CPU_FREE(set);
            return -EINVAL;
        }
        CPU_SET_S(cpu_indexes[i], size, set);
    }
    if (sched_setaffinity(t->tid, size, set) < 0)
        ret = -errno;
    CPU_FREE(set);
    return ret;
}

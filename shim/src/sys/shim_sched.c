/*
 * shim_sched.c
 *
 * Implementation of system calls "sched_getaffinity" and
 * "sched_setaffinity": the seed's worked example.
 *
 * The program's world is the CPUs of --cpus, or the host's CPUs the
 * program may run on when it starts.  Each thread's set is kept by the
 * shim (sched_getaffinity answers from it, without a host call) and
 * applied on the host through DkThreadSetCPUAffinity, so that the threads
 * really run only there; new threads inherit it from the host as from the
 * shim.  (Where --placement keeps threads on the tracer's CPU, the PAL
 * keeps these sets as the program's own and answers with them.)
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "pal_log.h"
#include "shim_sched.h"
#include "shim_table.h"
#include "shim_thread.h"

static struct shim_cpuset g_world;

static bool cpu_isset(const struct shim_cpuset* s, PAL_NUM c) {
    return c < SHIM_MAX_CPUS && (s->bits[c / 64] >> (c % 64)) & 1;
}

/* The CPUs the host lets THREAD run on, within the world. */
static int read_host_affinity(struct shim_thread* t) {
    PAL_IDX cpus[SHIM_MAX_CPUS];
    long n = DkThreadGetCPUAffinity(t->pal, cpus, SHIM_MAX_CPUS);

    if (n < 0)
        return (int)n;
    memset(&t->cpus, 0, sizeof(t->cpus));
    for (long i = 0; i < n && i < SHIM_MAX_CPUS; i++)
        if (cpu_isset(&g_world, cpus[i]))
            t->cpus.bits[cpus[i] / 64] |= 1ULL << (cpus[i] % 64);
    return 0;
}

/* Run T on the CPUs of SET (already within the world). */
static int apply(struct shim_thread* t, const struct shim_cpuset* set) {
    PAL_IDX cpus[SHIM_MAX_CPUS];
    PAL_NUM n = 0;
    int ret;

    for (PAL_NUM c = 0; c < SHIM_MAX_CPUS; c++)
        if (cpu_isset(set, c))
            cpus[n++] = (PAL_IDX)c;
    if (n == 0)
        return -EINVAL;
    ret = DkThreadSetCPUAffinity(t->pal, n, cpus);
    if (ret < 0)
        return ret;
    return read_host_affinity(t);
}

int shim_sched_init(struct shim_thread* first, const uint64_t* cpus, int words) {
    if (cpus) {
        for (int i = 0; i < words && i < SHIM_MAX_CPUS / 64; i++)
            g_world.bits[i] = cpus[i];
        return apply(first, &g_world);
    }
    memset(&g_world, 0xff, sizeof(g_world));
    return read_host_affinity(first);
}

/* The size of the kernel's cpumask (cpumask_size()), which may be larger
 * than the possible CPUs need. */
static size_t mask_size(void) {
    return DkSystemCPUMaskSize();
}

/* pid 0 is the caller; a thread outside the program is the host's. */
static struct shim_thread* target(pid_t pid) {
    return pid == 0 ? shim_cur_thread() : shim_thread_lookup(pid);
}

long shim_do_sched_getaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr) {
    size_t size = mask_size();
    struct shim_thread* t;
    size_t retlen;

    /* len * BITS_PER_BYTE in the kernel's unsigned int: 1 << 29 and
     * beyond wrap around (0x80000000 bytes are 0 bits, EINVAL) */
    if ((PAL_NUM)(unsigned int)(len * 8U) < DkSystemCPUIds())
        return -EINVAL;
    if (len & (sizeof(unsigned long) - 1))
        return -EINVAL;
    t = target(pid);
    if (!t)
        return pid < 0 ? -ESRCH : shim_host_call_self();
    retlen = len < size ? len : size;
    if (retlen > sizeof(t->cpus)) {
        /* bits the shim does not name are clear */
        static const char zeros[4096];
        size_t off = sizeof(t->cpus);

        while (off < retlen) {
            size_t chunk = retlen - off < sizeof(zeros) ? retlen - off : sizeof(zeros);

            if (copy_to_user(user_mask_ptr + off, zeros, chunk) < 0)
                return -EFAULT;
            off += chunk;
        }
        retlen = sizeof(t->cpus);
    }
    if (copy_to_user(user_mask_ptr, t->cpus.bits, retlen) < 0)
        return -EFAULT;
    return (long)(len < size ? len : size);
}

long shim_do_sched_setaffinity(pid_t pid, unsigned int len, uptr user_mask_ptr) {
    struct shim_cpuset want = {0};
    size_t size = mask_size();
    struct shim_thread* t;
    size_t n = len < size ? len : size;
    bool any = false;

    /* a short mask leaves the higher CPUs clear, a long one is cut */
    if (n > sizeof(want.bits))
        n = sizeof(want.bits);
    if (copy_from_user(want.bits, user_mask_ptr, n) < 0)
        return -EFAULT;
    t = target(pid);
    if (!t)
        return pid < 0 ? -ESRCH : shim_host_call_self();
    for (int i = 0; i < SHIM_MAX_CPUS / 64; i++) {
        want.bits[i] &= g_world.bits[i];
        any |= want.bits[i] != 0;
    }
    if (!any)
        return -EINVAL;
    return apply(t, &want);
}

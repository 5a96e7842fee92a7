/*
 * shim_sched.c
 *
 * Implementation of system calls "sched_getaffinity",
 * "sched_setaffinity" (the seed's worked example), "sched_setattr",
 * "sched_getattr", "sched_yield", "sched_getparam", "sched_setparam",
 * "sched_getscheduler", "sched_setscheduler", "sched_get_priority_min",
 * "sched_get_priority_max", "sched_rr_get_interval" and "getcpu".
 *
 * The program's world is the CPUs of --cpus, or the host's CPUs the
 * program may run on when it starts.  Each thread's set is kept by the
 * shim (sched_getaffinity answers from it, without a host call) and
 * applied on the host through DkThreadSetCPUAffinity (once the kernel
 * said that the caller may, for another thread), so that the threads
 * really run only there; new threads inherit it from the host as from the
 * shim.  (Where --placement keeps threads on the tracer's CPU, the PAL
 * keeps these sets as the program's own and answers with them.)
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <string.h>

#include "pal_log.h"
#include "shim_identity.h"
#include "shim_sched.h"
#include "shim_table.h"
#include "shim_thread.h"

static struct shim_cpuset g_world;

static bool cpu_isset(const struct shim_cpuset* s, PAL_NUM c) {
    return c < PAL_MAX_CPUS && (s->bits[c / 64] >> (c % 64)) & 1;
}

/* The CPUs the host lets THREAD run on, within the world. */
static int read_host_affinity(struct shim_thread* t) {
    PAL_IDX cpus[PAL_MAX_CPUS];
    long n = DkThreadGetCPUAffinity(t->pal, cpus, PAL_MAX_CPUS);

    if (n < 0)
        return (int)n;
    memset(&t->cpus, 0, sizeof(t->cpus));
    for (long i = 0; i < n && i < PAL_MAX_CPUS; i++)
        if (cpu_isset(&g_world, cpus[i]))
            t->cpus.bits[cpus[i] / 64] |= 1ULL << (cpus[i] % 64);
    return 0;
}

/* Run T on the CPUs of SET (already within the world). */
static int apply(struct shim_thread* t, const struct shim_cpuset* set) {
    PAL_IDX cpus[PAL_MAX_CPUS];
    PAL_NUM n = 0;
    int ret;

    for (PAL_NUM c = 0; c < PAL_MAX_CPUS; c++)
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
        for (int i = 0; i < words && i < PAL_MAX_CPUS / 64; i++)
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

/* Whether the caller may set the affinity of PID, another thread of the
 * program: 0, or the kernel's answer (EPERM, ESRCH, an LSM's).  The
 * tracer applies the set with its own privileges, so the check is the
 * kernel's own, made with the caller's: the same call with an empty set
 * (length 0, no memory read) runs in the caller, and the kernel checks
 * the target and the permission (the caller owns the target, or has
 * CAP_SYS_NICE over it, and the target's capabilities are no more than
 * its own) before it refuses the set with EINVAL (EBUSY for a
 * SCHED_DEADLINE target), changing nothing.  A thread's own set needs no
 * permission. */
static long may_set_affinity(pid_t pid) {
    long ret = shim_host_call3(PTSHIM_NR_sched_setaffinity, pid, 0, 0);

    return ret == -EINVAL || ret == -EBUSY ? 0 : ret;
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
    if (t != shim_cur_thread()) {
        long ret = may_set_affinity(pid);

        if (ret < 0)
            return ret;
    }
    for (int i = 0; i < PAL_MAX_CPUS / 64; i++) {
        want.bits[i] &= g_world.bits[i];
        any |= want.bits[i] != 0;
    }
    if (!any)
        return -EINVAL;
    return apply(t, &want);
}

/* The kernel's struct sched_attr begins with its size, then the policy */
#define SCHED_ATTR_POLICY_OFFSET 4
#ifndef SCHED_DEADLINE
#define SCHED_DEADLINE 6
#endif

/* The host checks and applies it all, as the program asked; but a thread
 * the PAL pins beside the tracer (--placement) cannot become
 * SCHED_DEADLINE: the kernel wants its affinity to span its root domain.
 * The target of such a call runs on its own CPUs from then on, so that
 * its result is the native one.  (Only the policy is read here; the
 * kernel reads the whole structure, and answers for a bad one.) */
long shim_do_sched_setattr(pid_t pid, uptr uattr, unsigned int flags) {
    struct shim_thread* t;
    uint32_t policy;

    if (!uattr || pid < 0 || flags)
        return shim_pass_to_host();
    if (copy_from_user(&policy, uattr + SCHED_ATTR_POLICY_OFFSET, sizeof(policy)) < 0)
        return shim_pass_to_host();
    t = policy == SCHED_DEADLINE ? target(pid) : NULL;
    if (t) {
        int ret = DkThreadUnpin(t->pal);

        if (ret < 0)
            log_warning("thread %d: cannot unpin it for SCHED_DEADLINE: %s", (int)pid,
                        strerror(-ret));
    }
    return shim_pass_to_host();
}

/*
 * The policies and priorities are the host's: it applies them, and the
 * kernel's permission checks (CAP_SYS_NICE, RLIMIT_RTPRIO, the owner of
 * the target) need the caller's credentials.  The shim checks what the
 * kernel checks first (kernel/sched/syscalls.c): the arguments, the
 * target (the tracer is no thread of the program: ESRCH, as natively,
 * where it does not exist) and, for a target that exists, the policy and
 * priority.  A thread outside the program, or a PID namespace other than
 * ptshim's (where IDs have other names), is the host's to find.
 */

#ifndef SCHED_RESET_ON_FORK
#define SCHED_RESET_ON_FORK 0x40000000
#endif
#define SCHED_EXT_ 7 /* since Linux 6.12, with CONFIG_SCHED_CLASS_EXT */
#define MAX_RT_PRIO 100
#define SCHED_ATTR_SIZE_VER0 48
#define PAGE_SIZE_ 4096

/* The target of a call on PID (>= 0): 1 when it is a thread of the
 * program (it exists), 0 when the host must find it, -ESRCH for the
 * tracer. */
static int sched_target(pid_t pid) {
    struct shim_thread* self = shim_cur_thread();

    if (pid == 0)
        return 1;
    if (shim_is_tracer(pid))
        return -ESRCH;
    if (shim_thread_ns_foreign(self, PAL_NS_PID))
        return 0;
    return shim_thread_lookup(pid) ? 1 : 0;
}

/* sched_get_priority_max/min: the range of POLICY's priorities, or -1
 * when the host's kernel decides (SCHED_EXT), -2 for no policy. */
static int prio_range(int policy, bool max) {
    switch (policy) {
    case SCHED_FIFO:
    case SCHED_RR:
        return max ? MAX_RT_PRIO - 1 : 1;
    case SCHED_OTHER:
    case SCHED_BATCH:
    case SCHED_IDLE:
    case SCHED_DEADLINE:
        return 0;
    case SCHED_EXT_:
        return -1;
    default:
        return -2;
    }
}

long shim_do_sched_get_priority_max(int policy) {
    int r = prio_range(policy, true);

    return r == -1 ? shim_pass_to_host() : r == -2 ? -EINVAL : r;
}

long shim_do_sched_get_priority_min(int policy) {
    int r = prio_range(policy, false);

    return r == -1 ? shim_pass_to_host() : r == -2 ? -EINVAL : r;
}

/* The yield is the stop itself: the thread left its CPU for the tracer,
 * and others ran meanwhile; the kernel's answer is always 0. */
long shim_do_sched_yield(void) {
    return 0;
}

long shim_do_sched_getscheduler(pid_t pid) {
    int ret;

    if (pid < 0)
        return -EINVAL;
    ret = sched_target(pid);
    return ret < 0 ? ret : shim_pass_to_host();
}

long shim_do_sched_getparam(pid_t pid, uptr param) {
    int ret;

    if (!param || pid < 0)
        return -EINVAL;
    ret = sched_target(pid);
    return ret < 0 ? ret : shim_pass_to_host();
}

long shim_do_sched_rr_get_interval(pid_t pid, uptr interval) {
    int ret;

    (void)interval;
    if (pid < 0)
        return -EINVAL;
    ret = sched_target(pid);
    return ret < 0 ? ret : shim_pass_to_host();
}

long shim_do_sched_getattr(pid_t pid, uptr uattr, unsigned int usize, unsigned int flags) {
    int ret;

    if (!uattr || pid < 0 || usize > PAGE_SIZE_ || usize < SCHED_ATTR_SIZE_VER0 || flags)
        return -EINVAL;
    ret = sched_target(pid);
    return ret < 0 ? ret : shim_pass_to_host();
}

/* do_sched_setscheduler(), then __sched_setscheduler()'s checks of the
 * policy and priority; POLICY -1 (sched_setparam) keeps the target's,
 * which the host knows. */
static long set_scheduler(pid_t pid, int policy, uptr param) {
    int32_t prio;
    int ret;

    if (!param || pid < 0)
        return -EINVAL;
    if (copy_from_user(&prio, param, sizeof(prio)) < 0)
        return -EFAULT;
    ret = sched_target(pid);
    if (ret <= 0)
        return ret < 0 ? ret : shim_pass_to_host();
    if (policy >= 0) {
        /* the legacy flag in the policy */
        policy &= ~SCHED_RESET_ON_FORK;
        switch (policy) {
        case SCHED_OTHER:
        case SCHED_BATCH:
        case SCHED_IDLE:
        case SCHED_FIFO:
        case SCHED_RR:
        case SCHED_DEADLINE:
            break;
        case SCHED_EXT_:
            return shim_pass_to_host();
        default:
            return -EINVAL;
        }
    }
    /* the kernel's priority is unsigned */
    if ((uint32_t)prio > MAX_RT_PRIO - 1)
        return -EINVAL;
    if (policy >= 0) {
        bool rt = policy == SCHED_FIFO || policy == SCHED_RR;

        /* a deadline task needs a deadline, which sched_param has not */
        if (policy == SCHED_DEADLINE || rt != (prio != 0))
            return -EINVAL;
    }
    /* the permission, then the change: the host's */
    return shim_pass_to_host();
}

long shim_do_sched_setscheduler(pid_t pid, int policy, uptr param) {
    if (policy < 0)
        return -EINVAL;
    return set_scheduler(pid, policy, param);
}

long shim_do_sched_setparam(pid_t pid, uptr param) {
    return set_scheduler(pid, -1, param);
}

/* The CPU a thread runs on is the host's fact, and the PAL keeps it
 * within the thread's set as the shim keeps it: a thread it pins beside
 * the tracer is pinned only while the tracer's CPU is one of the thread's
 * own, and a set without it unpins the thread (pal_placement.c); --cpus
 * applies the world to the first thread.  So the host's answer is the
 * view's, which tests/integration/shim-sched-policy.test compares with a
 * taskset(1) run.  Nothing is checked before: the kernel writes each
 * pointer it is given, and fails with EFAULT after trying both. */
long shim_do_getcpu(uptr cpup, uptr nodep, uptr unused) {
    return shim_pass_to_host();
}

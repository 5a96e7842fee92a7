/*
 * shim_tls.c
 *
 * Implementation of system calls "arch_prctl", "set_tid_address",
 * "set_robust_list", "get_robust_list" and "rseq": the per-thread state
 * that the host kernel itself uses (the FS base on every switch, the
 * child_tid and the robust futex list at the thread's exit, the rseq area
 * on preemption).  They run on the host, in the calling thread, after the
 * kernel's checks.
 */
#include "config.h"

#include <errno.h>

#include "shim_table.h"

/* sizeof(struct robust_list_head) on x86-64: three pointers */
#define ROBUST_LIST_HEAD_SIZE 24

/* struct rseq: its first size and its alignment, both 32 */
#define ORIG_RSEQ_SIZE 32
#define RSEQ_ALIGN 32
#define RSEQ_FLAG_UNREGISTER 1

/* Whether some x86-64 kernel knows OPTION (do_arch_prctl_64 and
 * do_arch_prctl_common, up to Linux 6.18).  The host's may know fewer:
 * it answers for those; an option no kernel knows is EINVAL. */
static bool known_arch_prctl(int option) {
    switch (option) {
    case 0x1001: /* ARCH_SET_GS */
    case 0x1002: /* ARCH_SET_FS */
    case 0x1003: /* ARCH_GET_FS */
    case 0x1004: /* ARCH_GET_GS */
    case 0x1011: /* ARCH_GET_CPUID */
    case 0x1012: /* ARCH_SET_CPUID */
    case 0x1021: /* ARCH_GET_XCOMP_SUPP */
    case 0x1022: /* ARCH_GET_XCOMP_PERM */
    case 0x1023: /* ARCH_REQ_XCOMP_PERM */
    case 0x1024: /* ARCH_GET_XCOMP_GUEST_PERM */
    case 0x1025: /* ARCH_REQ_XCOMP_GUEST_PERM */
    case 0x2001: /* ARCH_MAP_VDSO_X32 */
    case 0x2002: /* ARCH_MAP_VDSO_32 */
    case 0x2003: /* ARCH_MAP_VDSO_64 */
    case 0x4001: /* ARCH_GET_UNTAG_MASK */
    case 0x4002: /* ARCH_ENABLE_TAGGED_ADDR */
    case 0x4003: /* ARCH_GET_MAX_TAG_BITS */
    case 0x4004: /* ARCH_FORCE_TAGGED_SVA */
    case 0x5001: /* ARCH_SHSTK_ENABLE */
    case 0x5002: /* ARCH_SHSTK_DISABLE */
    case 0x5003: /* ARCH_SHSTK_LOCK */
    case 0x5004: /* ARCH_SHSTK_UNLOCK */
    case 0x5005: /* ARCH_SHSTK_STATUS */
        return true;
    default:
        return false;
    }
}

long shim_do_arch_prctl(int option, unsigned long arg2) {
    if (!known_arch_prctl(option))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_set_tid_address(uptr tidptr) {
    return shim_pass_to_host();
}

long shim_do_set_robust_list(uptr head, size_t len) {
    if (len != ROBUST_LIST_HEAD_SIZE)
        return -EINVAL;
    return shim_pass_to_host();
}

/* Another thread's list needs the caller's right to read it
 * (ptrace_may_access), the host's to check; ptshim's tracer is no thread
 * of the program's. */
long shim_do_get_robust_list(pid_t pid, uptr head_ptr, uptr len_ptr) {
    if (pid < 0 || shim_is_tracer(pid))
        return -ESRCH;
    return shim_pass_to_host();
}

long shim_do_rseq(uptr rseq, uint32_t rseq_len, int flags, uint32_t sig) {
    /* unregistering: its errors depend on what is registered (the host's) */
    if (flags & RSEQ_FLAG_UNREGISTER)
        return flags & ~RSEQ_FLAG_UNREGISTER ? -EINVAL : shim_host_call_self();
    if (flags)
        return -EINVAL;
    /* A bad area is EINVAL whatever is registered: a registered one has a
     * valid length and alignment, so a bad one is not it (EINVAL too).
     * Valid: ORIG_RSEQ_SIZE bytes aligned on as many, or longer and
     * aligned on the struct's 32 (the kernel may want more of a longer
     * one: the host's to say). */
    if (rseq_len < ORIG_RSEQ_SIZE || (rseq & (RSEQ_ALIGN - 1)))
        return -EINVAL;
    return shim_pass_to_host();
}

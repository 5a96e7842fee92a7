/*
 * shim_clone.c
 *
 * Implementation of system calls "fork", "vfork", "clone" and "clone3".
 *
 * The arguments are checked as the kernel checks them before it creates
 * anything (kernel/fork.c: clone3's copy_clone_args_from_user and
 * clone3_args_valid, kernel_clone, the start of copy_process), in its
 * order and with its errors; what depends on the host's state (namespaces,
 * limits, permissions) is left to it.  The task is then created on the
 * host by the program's own call, with its own registers: the child
 * starts where the program expects it.  The child's bookkeeping is made
 * when the PAL reports it (shim_on_clone), from the flags checked here and
 * kept with the calling thread: by then the program may have reused the
 * memory of clone3's arguments.
 *
 * CLONE_UNTRACED is honoured under SYSEMU stops (the child runs outside
 * ptshim, as under strace) but cleared under seccomp stops: an untraced
 * child would inherit the filter with no tracer to answer it, and find
 * every one of its system calls failing with ENOSYS.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <linux/sched.h>
#include <signal.h>

#include "shim_seccomp.h"
#include "shim_table.h"
#include "shim_thread.h"

/* Whether a child asked for with FLAGS must stay traced all the same. */
static bool keep_traced(uint64_t flags) {
    return (flags & CLONE_UNTRACED) && shim_seccomp_stops();
}

#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/* struct clone_args, in its sizes so far (include/uapi/linux/sched.h) */
#define CLONE_ARGS_VER0 64 /* up to tls */
#define CLONE_ARGS_VER2 88 /* up to cgroup: the kernel's sizeof */
#define CLONE_ARGS_MAX 4096 /* PAGE_SIZE: more is E2BIG */
#define MAX_PID_NS_LEVEL 32

/* The clone_args fields, as 64-bit words in order. */
enum {
    CA_FLAGS,
    CA_PIDFD,
    CA_CHILD_TID,
    CA_PARENT_TID,
    CA_EXIT_SIGNAL,
    CA_STACK,
    CA_STACK_SIZE,
    CA_TLS,
    CA_SET_TID,
    CA_SET_TID_SIZE,
    CA_CGROUP,
    CA_NWORDS,
};
_Static_assert(CA_NWORDS * 8 == CLONE_ARGS_VER2, "clone_args: a word per field");

/* valid_signal(): the kernel's _NSIG */
#define KERNEL_NSIG 64

long shim_do_fork(void) {
    shim_cur_thread()->clone_flags = 0;
    return shim_pass_to_host();
}

long shim_do_vfork(void) {
    shim_cur_thread()->clone_flags = CLONE_VM | CLONE_VFORK;
    return shim_pass_to_host();
}

/* The checks of kernel_clone() and of copy_process() before it creates
 * anything, common to clone and clone3.  PIDFD and PARENT_TID are the
 * addresses that receive the pidfd and the parent's copy of the ID. */
static int check_flags(uint64_t flags, uptr pidfd, uptr parent_tid) {
    if ((flags & CLONE_PIDFD) && (flags & CLONE_PARENT_SETTID) && pidfd == parent_tid)
        return -EINVAL;
    /* sharing the root directory with another mount namespace */
    if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
        return -EINVAL;
    if ((flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
        return -EINVAL;
    /* threads share their signal handlers, which imply a shared VM */
    if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
        return -EINVAL;
    if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
        return -EINVAL;
    /* (CLONE_PARENT from an init process: the host knows) */
    if ((flags & CLONE_THREAD) && (flags & (CLONE_NEWUSER | CLONE_NEWPID)))
        return -EINVAL;
    /* (a thread or shared VM across pid or time namespaces: the host
     * knows; CLONE_PIDFD with CLONE_THREAD is refused by kernels before
     * 6.9 only) */
    if ((flags & CLONE_PIDFD) && (flags & CLONE_DETACHED))
        return -EINVAL;
    return 0;
}

long shim_do_clone(unsigned int clone_flags, uptr newsp, uptr parent_tidptr, uptr child_tidptr,
                   uptr tls) {
    /* the low byte is the exit signal, never checked by legacy clone;
     * with CLONE_PIDFD the pidfd goes to parent_tidptr */
    uint64_t flags = clone_flags & ~(uint64_t)CSIGNAL;
    int ret = check_flags(flags, parent_tidptr, parent_tidptr);

    if (ret < 0)
        return ret;
    shim_cur_thread()->clone_flags = flags;
    if (keep_traced(flags))
        return shim_host_call5(PTSHIM_NR_clone, clone_flags & ~(unsigned int)CLONE_UNTRACED,
                               newsp, parent_tidptr, child_tidptr, tls);
    return shim_pass_to_host();
}

/* Run clone3 without CLONE_UNTRACED: the program's clone_args CA (the
 * first SIZE bytes at UARGS), changed, go in a copy below the red zone of
 * its stack (the 128 bytes under the stack pointer that the ABI leaves to
 * the running function), memory that no one uses; where that cannot be
 * written, the flags are changed in place for the call and then put back,
 * though a child that copies the memory keeps the change. */
#define RED_ZONE 128
static long clone3_traced(uint64_t* ca, uptr uargs, size_t size) {
    size_t n = size < CLONE_ARGS_VER2 ? size : CLONE_ARGS_VER2;
    uptr copy = (shim_cur_thread()->sp - RED_ZONE - n) & ~(uptr)15;
    uint64_t flags = ca[CA_FLAGS];
    long pid;

    ca[CA_FLAGS] &= ~(uint64_t)CLONE_UNTRACED;
    if (copy_to_user(copy, ca, n) == 0)
        return shim_host_call2(PTSHIM_NR_clone3, copy, n);
    if (copy_to_user(uargs, &ca[CA_FLAGS], sizeof(ca[CA_FLAGS])) < 0)
        return -EFAULT;
    pid = shim_host_call_self();
    if (copy_to_user(uargs, &flags, sizeof(flags)) < 0 && pid >= 0)
        return -EFAULT;
    return pid;
}

long shim_do_clone3(uptr uargs, size_t size) {
    uint64_t ca[CA_NWORDS];
    pid_t set_tid[MAX_PID_NS_LEVEL];
    uint64_t flags;
    int ret;

    /* copy_clone_args_from_user() */
    if (size > CLONE_ARGS_MAX)
        return -E2BIG;
    if (size < CLONE_ARGS_VER0)
        return -EINVAL;
    ret = copy_struct_from_user(ca, CLONE_ARGS_VER2, uargs, size);
    if (ret < 0)
        return ret;
    if (ca[CA_SET_TID_SIZE] > MAX_PID_NS_LEVEL)
        return -EINVAL;
    if (!ca[CA_SET_TID] && ca[CA_SET_TID_SIZE] > 0)
        return -EINVAL;
    if (ca[CA_SET_TID] && ca[CA_SET_TID_SIZE] == 0)
        return -EINVAL;
    if ((ca[CA_EXIT_SIGNAL] & ~(uint64_t)CSIGNAL) || ca[CA_EXIT_SIGNAL] > KERNEL_NSIG)
        return -EINVAL;
    flags = ca[CA_FLAGS];
    if ((flags & CLONE_INTO_CGROUP) && (ca[CA_CGROUP] > INT_MAX || size < CLONE_ARGS_VER2))
        return -EINVAL;
    if (ca[CA_SET_TID] &&
        copy_from_user(set_tid, ca[CA_SET_TID], ca[CA_SET_TID_SIZE] * sizeof(pid_t)) < 0)
        return -EFAULT;

    /* clone3_args_valid() */
    if (flags & ~(0xffffffffULL | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
        return -EINVAL;
    /* CLONE_DETACHED and the exit signal's byte are for reuse in clone3 */
    if (flags & (CLONE_DETACHED | (CSIGNAL & ~CLONE_NEWTIME)))
        return -EINVAL;
    if ((flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) == (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
        return -EINVAL;
    if ((flags & (CLONE_THREAD | CLONE_PARENT)) && ca[CA_EXIT_SIGNAL])
        return -EINVAL;
    if (ca[CA_STACK] == 0) {
        if (ca[CA_STACK_SIZE] > 0)
            return -EINVAL;
    } else {
        if (ca[CA_STACK_SIZE] == 0)
            return -EINVAL;
        /* access_ok(): a range that wraps around or reaches the kernel's
         * half fails it on any x86-64 kernel; the host's own limit on
         * user addresses (47 or 56 bits) is the host's to apply */
        uint64_t end = ca[CA_STACK] + ca[CA_STACK_SIZE];

        if (end < ca[CA_STACK] || end > (uint64_t)LONG_MAX)
            return -EINVAL;
    }

    ret = check_flags(flags, ca[CA_PIDFD], ca[CA_PARENT_TID]);
    if (ret < 0)
        return ret;
    shim_cur_thread()->clone_flags = flags;
    if (keep_traced(flags))
        return clone3_traced(ca, uargs, size);
    return shim_pass_to_host();
}

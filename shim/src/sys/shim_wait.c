/*
 * shim_wait.c
 *
 * Implementation of system calls "wait4" and "waitid".
 *
 * The options and the choice of children are checked as the kernel checks
 * them; the wait itself runs on the host, in the waiting thread: it blocks
 * that thread alone, and the host kernel, which knows the children and
 * their states, reaps them.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <linux/wait.h>

#include "shim_table.h"

/* wait4's options (kernel_wait4) */
#define WAIT4_OPTIONS (WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL)
/* waitid's (kernel_waitid) */
#define WAITID_OPTIONS \
    (WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL)

long shim_do_wait4(pid_t upid, uptr stat_addr, int options, uptr ru) {
    if (options & ~WAIT4_OPTIONS)
        return -EINVAL;
    if (upid == INT_MIN) /* -INT_MIN is no process group */
        return -ESRCH;
    return shim_pass_to_host();
}

/* kernel_waitid()'s checks before it looks for a child. */
static int check_waitid(int which, pid_t upid, int options) {
    if (options & ~WAITID_OPTIONS)
        return -EINVAL;
    if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
        return -EINVAL;
    switch (which) {
    case P_ALL:
        return 0;
    case P_PID:
        return upid <= 0 ? -EINVAL : 0;
    case P_PGID:
    case P_PIDFD:
        return upid < 0 ? -EINVAL : 0;
    default:
        return -EINVAL;
    }
}

long shim_do_waitid(int which, pid_t upid, uptr infop, int options, uptr ru) {
    /* the fields the kernel writes even when the wait fails: si_signo,
     * si_errno, si_code, then si_pid, si_uid, si_status */
    static const int zeros[3];
    int ret = check_waitid(which, upid, options);

    if (ret == 0)
        return shim_pass_to_host();
    if (infop && (copy_to_user(infop, zeros, sizeof(zeros)) < 0 ||
                  copy_to_user(infop + 16, zeros, sizeof(zeros)) < 0))
        return -EFAULT;
    return ret;
}

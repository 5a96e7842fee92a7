/*
 * shim_poll.c
 *
 * Implementation of system calls "select", "pselect6", "ppoll" and "poll".
 *
 * The shim checks the time-out, the signal mask and the number of
 * descriptors in the kernel's order (fs/select.c); the wait itself runs on
 * the host, in the calling thread, so that it blocks only that thread and
 * a signal interrupts it as natively.  What follows in the kernel's order
 * needs its own state (the size of the descriptor table, which
 * descriptors are open, RLIMIT_NOFILE for ppoll's count): the host checks
 * it, as it reads the descriptor sets and polls.  Its result, the
 * restarts (-ERESTARTNOHAND) included, and the time left that it writes
 * back go to the program unchanged.
 *
 * poll has less to check: its time-out is any int, and its first check,
 * the count against RLIMIT_NOFILE, is the host's, but for a count beyond
 * any limit the kernel allows.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>

#include "shim_table.h"
#include "shim_time.h"

#define USEC_PER_SEC 1000000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_SEC 1000000000L

/* pselect6's sixth argument: the signal mask and its size, packed */
struct sigset_argpack {
    uint64_t p;
    uint64_t size;
};

/* kern_select(): the time-out a timeval gives, as poll_select_set_timeout
 * takes it (whole seconds of tv_usec carried into tv_sec, with the
 * kernel's wrapping arithmetic). */
static int check_timeval(uptr utv) {
    struct kernel_timeval tv;
    int64_t sec, nsec;

    if (copy_from_user(&tv, utv, sizeof(tv)) < 0)
        return -EFAULT;
    sec = (int64_t)((uint64_t)tv.tv_sec + (uint64_t)(tv.tv_usec / USEC_PER_SEC));
    nsec = (tv.tv_usec % USEC_PER_SEC) * NSEC_PER_USEC;
    if (sec < 0 || (uint64_t)nsec >= NSEC_PER_SEC)
        return -EINVAL;
    return 0;
}

long shim_do_select(int n, uptr inp, uptr outp, uptr exp, uptr tvp) {
    int ret;

    if (tvp) {
        ret = check_timeval(tvp);
        if (ret < 0)
            return ret;
    }
    /* core_sys_select() */
    if (n < 0)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_pselect6(int n, uptr inp, uptr outp, uptr exp, uptr tsp, uptr sig) {
    struct sigset_argpack pack = {0, 0};
    int ret;

    if (sig && copy_from_user(&pack, sig, sizeof(pack)) < 0)
        return -EFAULT;
    /* do_pselect() */
    if (tsp) {
        ret = shim_check_timespec(tsp);
        if (ret < 0)
            return ret;
    }
    ret = shim_check_sigmask(pack.p, pack.size);
    if (ret < 0)
        return ret;
    if (n < 0)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_ppoll(uptr ufds, unsigned int nfds, uptr tsp, uptr sigmask, size_t sigsetsize) {
    int ret;

    if (tsp) {
        ret = shim_check_timespec(tsp);
        if (ret < 0)
            return ret;
    }
    ret = shim_check_sigmask(sigmask, sigsetsize);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/* the highest RLIMIT_NOFILE can be: fs.nr_open's own ceiling
 * (sysctl_nr_open_max, INT_MAX rounded down to longs' bits) */
#define NR_OPEN_MAX_ (0x7fffffff & ~63U)

long shim_do_poll(uptr ufds, unsigned int nfds, int timeout_msecs) {
    (void)ufds;
    (void)timeout_msecs;
    /* do_sys_poll() */
    if (nfds > NR_OPEN_MAX_)
        return -EINVAL;
    return shim_pass_to_host();
}

/*
 * shim_sigwait.c
 *
 * Implementation of system calls "pause", "rt_sigsuspend",
 * "rt_sigtimedwait", "rt_sigpending", "sigaltstack", "signalfd" and
 * "signalfd4".
 *
 * The host kernel queues and delivers the signals, so these run there,
 * in the calling thread (a wait blocks that thread alone, and a signal
 * ends it as natively), after the checks the kernel makes before it
 * looks at the thread's signals, in its order; rt_sigtimedwait also hides
 * what ptrace changes in its waits (below).  A signalfd is a
 * descriptor the host makes unseen (one stop): the descriptor table
 * adopts it on first use, as "anon_inode:[signalfd]".
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/signalfd.h>

#include "shim_signal.h"
#include "shim_table.h"
#include "shim_thread.h"
#include "shim_time.h"

long shim_do_pause(void) {
    return shim_pass_to_host();
}

long shim_do_rt_sigsuspend(uptr unewset, size_t sigsetsize) {
    uint64_t set;

    if (sigsetsize != KERNEL_SIGSET_SIZE)
        return -EINVAL;
    if (copy_from_user(&set, unewset, sizeof(set)) < 0)
        return -EFAULT;
    return shim_pass_to_host();
}

#define SIGBIT(sig) (1ULL << ((sig)-1))
/* the signals whose default action is to ignore them (sig_kernel_ignore) */
#define DEFAULT_IGNORED (SIGBIT(SIGCHLD) | SIGBIT(SIGURG) | SIGBIT(SIGWINCH) | SIGBIT(SIGCONT))
/* The x86-64 ABI's red zone: the 128 bytes below the stack pointer that
 * a function may use without moving it.  Below it, the kernel writes
 * signal frames at any moment: nothing the program keeps is there. */
#define RED_ZONE 128
#define NSEC_PER_SEC 1000000000LL

/* Whether the process ignores SIG as far as the shim knows (SH, its
 * record of dispositions): an action it does not know was inherited
 * through an execve, so it is SIG_DFL or SIG_IGN. */
static bool ignores(const struct shim_sighand* sh, int sig) {
    bool known = sh && (sh->known & SIGBIT(sig));
    uint64_t handler = known ? sh->action[sig - 1].handler : (uint64_t)(uintptr_t)SIG_DFL;

    if (known && handler == (uint64_t)(uintptr_t)SIG_IGN)
        return true;
    return (DEFAULT_IGNORED & SIGBIT(sig)) && handler == (uint64_t)(uintptr_t)SIG_DFL;
}

/* The signals that would end the caller's wait for THESE under ptrace
 * but not natively: ignored ones, which the kernel discards when they
 * are sent, but queues for a traced thread (its tracer may want them).
 * Only where one may come (a child's SIGCHLD: the process has children,
 * or one that exited sent it already) and where what it does natively is
 * plain: one thread, which does not block it.  0 when none, or when the
 * shim cannot tell. */
static uint64_t discarded_natively(uint64_t these) {
    struct shim_thread* self = shim_cur_thread();
    uint64_t blocked, pending, extra = 0;

    if (self->proc->nthreads != 1 || !ignores(self->proc->sighand, SIGCHLD) ||
        (these & SIGBIT(SIGCHLD)) || DkThreadGetSignals(self->pal, &blocked, &pending) < 0)
        return 0;
    for (int sig = 1; sig <= SHIM_NSIG; sig++)
        if (sig != SIGKILL && sig != SIGSTOP && !((blocked | these) & SIGBIT(sig)) &&
            ignores(self->proc->sighand, sig))
            extra |= SIGBIT(sig);
    if (!(extra & SIGBIT(SIGCHLD)) ||
        !(shim_process_has_children(self->proc) || (pending & extra)))
        return 0;
    return extra;
}

/* What the wait of rt_sigtimedwait uses below the red zone: the set it
 * waits for, the time left, and the siginfo it takes. */
struct wait_area {
    uint64_t set;
    struct kernel_timespec left;
    uint8_t info[128];
};

static int64_t monotonic_ns(void) {
    struct timespec t;

    if (DkSystemTimeQuery(CLOCK_MONOTONIC, &t, NULL) < 0)
        return -1;
    return (int64_t)t.tv_sec * NSEC_PER_SEC + t.tv_nsec;
}

/* The wait for the set at AREA (the program's and EXTRA), until DEADLINE
 * (CLOCK_MONOTONIC, in ns; none if NULL): its result, as the program's
 * call would have ended natively, and the siginfo at UINFO. */
static long wait_below(uptr area, uint64_t extra, uptr uinfo, const int64_t* deadline) {
    struct kernel_timespec left = {0, 0};
    uint8_t info[128];
    long ret;

    for (;;) {
        if (deadline) {
            int64_t now = monotonic_ns(), ns;

            if (now < 0)
                return -EAGAIN;
            ns = *deadline > now ? *deadline - now : 0;
            left = (struct kernel_timespec){ns / NSEC_PER_SEC, ns % NSEC_PER_SEC};
            if (copy_to_user(area + offsetof(struct wait_area, left), &left, sizeof(left)) < 0)
                return -EFAULT;
        }
        ret = shim_host_call4(shim_cur_thread()->sysno, area,
                              uinfo ? area + offsetof(struct wait_area, info) : 0,
                              deadline ? area + offsetof(struct wait_area, left) : 0,
                              KERNEL_SIGSET_SIZE);
        if (ret <= 0 || !(extra & SIGBIT(ret)))
            break;
        /* a signal the kernel would have discarded: the wait goes on */
        if (deadline && left.tv_sec == 0 && left.tv_nsec == 0)
            return -EAGAIN;
    }
    /* the siginfo of the signal taken, where the program wants it */
    if (ret > 0 && uinfo &&
        (copy_from_user(info, area + offsetof(struct wait_area, info), sizeof(info)) < 0 ||
         copy_to_user(uinfo, info, sizeof(info)) < 0))
        return -EFAULT;
    return ret;
}

/*
 * The set and the time are read and checked before the wait; the siginfo
 * is written after it, once a signal was taken: the host's.
 *
 * A signal the process ignores is discarded natively when it is sent, but
 * queued for a traced thread, and its arrival ends a wait with EINTR
 * (strace's programs see that).  Where such a signal may come, the shim
 * waits for it too, with a set and a time of its own below the program's
 * red zone (the program's memory is not the shim's to change; what was
 * there is put back, and the process has no other thread to look there
 * meanwhile): if it comes, the shim takes it, as the kernel would
 * have discarded it, and waits again for the time left, so that the wait
 * ends as natively, with a signal of the program's set or EAGAIN.  This
 * needs the result (an exit stop more).
 */
long shim_do_rt_sigtimedwait(uptr uthese, uptr uinfo, uptr uts, size_t sigsetsize) {
    struct shim_thread* self = shim_cur_thread();
    uptr area = (self->sp - RED_ZONE - sizeof(struct wait_area)) & ~(uptr)15;
    struct wait_area saved;
    struct kernel_timespec ts;
    uint64_t these, extra, set;
    int64_t deadline = 0;
    long ret;

    if (sigsetsize != KERNEL_SIGSET_SIZE)
        return -EINVAL;
    if (copy_from_user(&these, uthese, sizeof(these)) < 0)
        return -EFAULT;
    if (uts) {
        /* shim_check_timespec(), with the time kept */
        if (copy_from_user(&ts, uts, sizeof(ts)) < 0)
            return -EFAULT;
        if (ts.tv_sec < 0 || (uint64_t)ts.tv_nsec >= NSEC_PER_SEC)
            return -EINVAL;
        /* a poll, or a wait longer than the clock counts: as made */
        if ((ts.tv_sec == 0 && ts.tv_nsec == 0) || ts.tv_sec > (1LL << 32))
            return shim_pass_to_host();
    }
    extra = discarded_natively(these);
    if (!extra)
        return shim_pass_to_host();
    if (uts) {
        int64_t now = monotonic_ns();

        if (now < 0)
            return shim_pass_to_host();
        deadline = now + ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
    }
    set = these | extra;
    if (copy_from_user(&saved, area, sizeof(saved)) < 0 ||
        copy_to_user(area, &set, sizeof(set)) < 0)
        return shim_pass_to_host();
    ret = wait_below(area, extra, uinfo, uts ? &deadline : NULL);
    (void)copy_to_user(area, &saved, sizeof(saved));
    return ret;
}

/* A shorter set is written in part; a longer one is refused. */
long shim_do_rt_sigpending(uptr uset, size_t sigsetsize) {
    if (sigsetsize > KERNEL_SIGSET_SIZE)
        return -EINVAL;
    return shim_pass_to_host();
}

/* The new stack is read first; whether the thread runs on its current
 * one (EPERM), then the mode (EINVAL) and the size (ENOMEM, which
 * depends on the CPU's signal frame), are the host's. */
long shim_do_sigaltstack(uptr uss, uptr uoss) {
    uint8_t ss[24]; /* stack_t: ss_sp, ss_flags, ss_size */

    if (uss && copy_from_user(ss, uss, sizeof(ss)) < 0)
        return -EFAULT;
    return shim_pass_to_host();
}

long shim_do_signalfd4(int ufd, uptr user_mask, size_t sizemask, unsigned int flags) {
    uint64_t mask;
    int ret;

    if (sizemask != KERNEL_SIGSET_SIZE)
        return -EINVAL;
    if (copy_from_user(&mask, user_mask, sizeof(mask)) < 0)
        return -EFAULT;
    if (flags & ~(unsigned int)(SFD_CLOEXEC | SFD_NONBLOCK))
        return -EINVAL;
    if (ufd != -1) {
        /* a new mask for an existing signalfd */
        ret = shim_check_anon_fd(ufd, "anon_inode:[signalfd]");
        if (ret < 0)
            return ret;
    }
    return shim_pass_to_host();
}

long shim_do_signalfd(int ufd, uptr user_mask, size_t sizemask) {
    return shim_do_signalfd4(ufd, user_mask, sizemask, 0);
}

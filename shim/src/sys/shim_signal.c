/*
 * shim_signal.c
 *
 * Implementation of system calls "kill", "tgkill", "tkill",
 * "rt_sigqueueinfo", "rt_tgsigqueueinfo", "pidfd_open",
 * "pidfd_send_signal", "pidfd_getfd", "rt_sigaction", "rt_sigprocmask",
 * "rt_sigreturn" and "restart_syscall".
 *
 * The host kernel sends and delivers the signals: the calls run there,
 * in the calling thread, after the kernel's checks.  A signal aimed at
 * ptshim's tracer finds no process, as if the tracer did not exist.
 * rt_sigaction also keeps the shim's record of the process's dispositions
 * (shim_signal.h).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>

#include "pal_log.h"
#include "shim_internal.h"
#include "shim_signal.h"
#include "shim_table.h"
#include "shim_thread.h"
#include "shim_time.h"

/* The sa_flags the kernel keeps and reports (UAPI_SA_FLAGS on x86-64);
 * others are cleared, so that a program can detect what it lacks. */
#define KERNEL_SA_RESTORER 0x04000000UL
#define KERNEL_SA_EXPOSE_TAGBITS 0x00000800UL
#define KERNEL_SA_FLAGS                                                                     \
    ((unsigned long)(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART |   \
                     SA_NODEFER | SA_RESETHAND) |                                           \
     KERNEL_SA_EXPOSE_TAGBITS | KERNEL_SA_RESTORER)

#define SIGBIT(sig) (1ULL << ((sig)-1))

static bool valid_signal(int sig) {
    return (unsigned int)sig <= SHIM_NSIG;
}

/* Whether the shim knows that thread TID exists (in process TGID, if
 * TGID is not 0): the kernel checks the signal number only once it found
 * the target, so an unknown one is left to the host. */
static bool known_target(pid_t tid, pid_t tgid) {
    struct shim_thread* t = shim_thread_lookup(tid);

    return t && (tgid == 0 || t->proc->pid == tgid);
}

/* A process ID no process ever has: above PID_MAX_LIMIT (4M) */
#define NO_SUCH_PID INT_MAX

long shim_host_call_aimed_at_nothing(int arg, pid_t target) {
    const PAL_NUM* a = shim_cur_thread()->args;
    PAL_NUM args[6] = {a[0], a[1], a[2], a[3], a[4], a[5]};

    args[arg] = (PAL_NUM)(target < 0 ? -NO_SUCH_PID : NO_SUCH_PID);
    return shim_host_call(shim_cur_thread()->sysno, args[0], args[1], args[2], args[3], args[4],
                          args[5]);
}

long shim_do_kill(pid_t pid, int sig) {
    /* kill_something_info(): -INT_MIN is no process group */
    if (pid == INT_MIN)
        return -ESRCH;
    if (pid != -1 && shim_is_tracer(pid < 0 ? -pid : pid))
        return shim_host_call_aimed_at_nothing(0, pid);
    /* a bad signal is EINVAL once a target is found (0 is the caller's
     * own process group, which holds the caller) */
    if (!valid_signal(sig) && (pid == 0 || (pid > 0 && known_target(pid, 0))))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_tgkill(pid_t tgid, pid_t pid, int sig) {
    if (pid <= 0 || tgid <= 0)
        return -EINVAL;
    if (shim_is_tracer(pid))
        return shim_host_call_aimed_at_nothing(1, pid);
    if (!valid_signal(sig) && known_target(pid, tgid))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_tkill(pid_t pid, int sig) {
    if (pid <= 0)
        return -EINVAL;
    if (shim_is_tracer(pid))
        return shim_host_call_aimed_at_nothing(0, pid);
    if (!valid_signal(sig) && known_target(pid, 0))
        return -EINVAL;
    return shim_pass_to_host();
}

/* The kernel copies and checks the siginfo, and the caller's right to
 * forge it, before it looks for the target: the host does all that. */
long shim_do_rt_sigqueueinfo(pid_t pid, int sig, uptr uinfo) {
    if (shim_is_tracer(pid))
        return shim_host_call_aimed_at_nothing(0, pid);
    return shim_pass_to_host();
}

long shim_do_rt_tgsigqueueinfo(pid_t tgid, pid_t pid, int sig, uptr uinfo) {
    if (pid > 0 && tgid > 0 && shim_is_tracer(pid))
        return shim_host_call_aimed_at_nothing(1, pid);
    return shim_pass_to_host();
}

long shim_do_pidfd_open(pid_t pid, unsigned int flags) {
    if (pid > 0 && shim_is_tracer(pid))
        return shim_host_call_aimed_at_nothing(0, pid);
    return shim_pass_to_host();
}

/* PIDFD_SIGNAL_THREAD, _THREAD_GROUP and _PROCESS_GROUP (Linux 6.9; an
 * older kernel refuses every flag, as the host then does) */
#define PIDFD_SEND_SIGNAL_FLAGS 0x7u
/* PIDFD_SELF_THREAD and PIDFD_SELF_THREAD_GROUP (Linux 6.15): no
 * descriptor, the caller itself, for a host that knows them */
#define PIDFD_SELF_THREAD -10000
#define PIDFD_SELF_THREAD_GROUP -20000

/* No pidfd refers to ptshim's tracer (pidfd_open refuses it): the
 * descriptor and the signal are the host's to check once the flags are. */
long shim_do_pidfd_send_signal(int pidfd, int sig, uptr info, unsigned int flags) {
    int ret;

    if ((flags & ~PIDFD_SEND_SIGNAL_FLAGS) || (flags & (flags - 1)) != 0)
        return -EINVAL;
    if (pidfd != PIDFD_SELF_THREAD && pidfd != PIDFD_SELF_THREAD_GROUP) {
        ret = shim_check_anon_fd(pidfd, "anon_inode:[pidfd]");
        /* pidfd_to_pid(): another file is EBADF, as no file is */
        if (ret < 0)
            return -EBADF;
    }
    return shim_pass_to_host();
}

/* The new descriptor is made unseen (one stop): the descriptor table
 * adopts it on first use. */
long shim_do_pidfd_getfd(int pidfd, int fd, unsigned int flags) {
    if (flags)
        return -EINVAL;
    if (shim_check_anon_fd(pidfd, "anon_inode:[pidfd]") < 0)
        return -EBADF;
    return shim_pass_to_host();
}

/* With -d: whether the host's former action for SIG (the program's OACT)
 * is what the record said; the record adopts the host's. */
static void check_record(struct shim_sighand* sh, int sig, uptr oact,
                         const struct shim_sigaction* was) {
    struct shim_sigaction host;

    if (copy_from_user(&host, oact, sizeof(host)) < 0)
        return;
    if (host.handler != was->handler || host.flags != was->flags ||
        host.restorer != was->restorer || host.mask != was->mask) {
        /* unless the delivery of an SA_RESETHAND handler reset it */
        if (!((was->flags & SA_RESETHAND) && host.handler == (uint64_t)(uintptr_t)SIG_DFL))
            log_debug("process %d: signal %d: the shim's record of its action (handler %#lx, "
                      "flags %#lx, mask %#lx) differs from the host's (handler %#lx, flags "
                      "%#lx, mask %#lx)",
                      shim_cur_thread()->proc->pid, sig, (unsigned long)was->handler,
                      (unsigned long)was->flags, (unsigned long)was->mask,
                      (unsigned long)host.handler, (unsigned long)host.flags,
                      (unsigned long)host.mask);
    }
    shim_sighand_set(sh, sig, &host);
}

/* The program set SIG's action to what it passed as NEW_SA. */
static void record(struct shim_sighand* sh, int sig, struct shim_sigaction* new_sa) {
    new_sa->flags &= KERNEL_SA_FLAGS;
    new_sa->mask &= ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
    shim_sighand_set(sh, sig, new_sa);
}

long shim_do_rt_sigaction(int sig, uptr act, uptr oact, size_t sigsetsize) {
    struct shim_sigaction new_sa, was = {0};
    struct shim_sighand* sh;
    bool known;
    long ret;

    if (sigsetsize != KERNEL_SIGSET_SIZE)
        return -EINVAL;
    /* do_sigaction(), after the kernel read ACT (EFAULT first) */
    if (!valid_signal(sig) || sig < 1 || (act && (sig == SIGKILL || sig == SIGSTOP)))
        return act && copy_from_user(&new_sa, act, sizeof(new_sa)) < 0 ? -EFAULT : -EINVAL;
    sh = shim_cur_thread()->proc->sighand;
    known = sh && (sh->known & SIGBIT(sig));
    if (!(known && oact && g_pal_log_level >= PAL_LOG_DEBUG)) {
        /* Nothing reads the former action (only -d compares it with the
         * record): the host runs the call unseen, in one stop.  Its checks
         * passed, so the kernel takes the action the shim reads now; an
         * ACT it cannot read is its EFAULT, with nothing changed. */
        if (act && copy_from_user(&new_sa, act, sizeof(new_sa)) == 0)
            record(sh, sig, &new_sa);
        return shim_pass_to_host();
    }
    was = sh->action[sig - 1];

    ret = shim_host_call_self();
    /* the action changed even when the old one could not be written;
     * ACT unreadable: the kernel's EFAULT, nothing changed */
    if (ret != 0 && !(ret == -EFAULT && act && oact))
        return ret;
    sh = shim_cur_thread()->proc->sighand; /* as the calling thread's process has it now */
    if (ret == 0)
        check_record(sh, sig, oact, &was);
    if (act && copy_from_user(&new_sa, act, sizeof(new_sa)) == 0)
        record(sh, sig, &new_sa);
    return ret;
}

long shim_do_rt_sigprocmask(int how, uptr nset, uptr oset, size_t sigsetsize) {
    uint64_t set;

    if (sigsetsize != KERNEL_SIGSET_SIZE)
        return -EINVAL;
    /* the kernel reads NSET (EFAULT) before it checks HOW: the shim
     * reads it only to tell the two errors apart; with a valid HOW the
     * host's copy fails as the kernel's would */
    if (nset && how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
        return copy_from_user(&set, nset, sizeof(set)) < 0 ? -EFAULT : -EINVAL;
    return shim_pass_to_host();
}

/* The frame the handler returns through is the host kernel's to check
 * (a bad one kills the program with SIGSEGV there): the call runs on the
 * host as made. */
long shim_do_rt_sigreturn(void) {
    return shim_pass_to_host();
}

/* The rest of a call that a signal interrupted with -ERESTART_RESTARTBLOCK
 * (a sleep, a futex wait, poll): the kernel makes the thread call
 * restart_syscall after the signal, and keeps what the call needs to go
 * on (its restart_block) in the thread, where only the host reaches it.
 * Part of the call it continues, whose arguments the shim checked, not a
 * call of its own, so it runs in every mode, --strict too.  Without a
 * call to go on with, the host answers EINTR, as the kernel does. */
long shim_do_restart_syscall(void) {
    return shim_pass_to_host();
}

/*
 * pal_hostcall.c: answering a thread stopped at a system call: complete it
 * in the tracer, let it run on the host, or run host calls inside it for
 * the shim and then complete it.
 *
 * A host call the shim waits for (DkHostCall) runs inside the stopped
 * thread: its registers are set to the call and the syscall instruction is
 * executed again (or, at an entry stop in TRACE mode, simply run).  Its
 * exit stop ends the wait.  When the upcall completes the program's call,
 * the registers the program passed are put back, since the shim may have
 * run other calls with other arguments in between.
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>

#include "pal_host.h"
#include "pal_log.h"

/* The length of the syscall instruction (0f 05) that rip points after at a
 * system call stop. */
#define SYSCALL_INSN_LEN 2

/* The kernel's "run the call again, whatever the signal's disposition". */
#define ERESTARTNOINTR 513

static int set_regs(struct pal_thread* t) {
    if (ptrace(PTRACE_SETREGS, t->tid, 0, &t->regs) < 0)
        return errno == ESRCH ? 0 : -errno; /* killed: its exit comes next */
    return 0;
}

static bool same_call(const struct user_regs_struct* r, PAL_NUM sysno, const PAL_NUM a[6]) {
    return r->orig_rax == sysno && r->rdi == a[0] && r->rsi == a[1] && r->rdx == a[2] &&
           r->r10 == a[3] && r->r8 == a[4] && r->r9 == a[5];
}

static void set_call(struct user_regs_struct* r, PAL_NUM sysno, const PAL_NUM a[6]) {
    r->orig_rax = sysno;
    r->rdi = a[0];
    r->rsi = a[1];
    r->rdx = a[2];
    r->r10 = a[3];
    r->r8 = a[4];
    r->r9 = a[5];
}

long DkHostCall(PAL_HANDLE t, PAL_NUM sysno, const PAL_NUM args[6]) {
    bool unchanged = same_call(&t->regs, sysno, args);
    int ret;

    if (t->gone)
        return -ESRCH;
    if (t->abandoned)
        return -ERESTARTNOINTR;
    if (t->state != PAL_THREAD_AT_SYSCALL && t->state != PAL_THREAD_AT_SYSCALL_EXIT)
        return -EINVAL;
    if (!same_call(&t->entry_regs, sysno, args))
        t->args_changed = true;
    set_call(&t->regs, sysno, args);
    if (t->state == PAL_THREAD_AT_SYSCALL && t->entry_runs && !t->raise_sig) {
        /* the kernel runs the call at orig_rax once resumed */
        ret = unchanged ? 0 : set_regs(t);
        t->state = PAL_THREAD_HOSTCALL_RUNNING;
    } else {
        /* Execute the syscall instruction again.  A signal to raise
         * (DkSyscallRaise) goes with the resume from the rerun's entry
         * stop, a system call stop: the call runs with it pending.  At an
         * entry that would run (a seccomp stop), the call is cancelled
         * first. */
        if (t->state == PAL_THREAD_AT_SYSCALL && t->entry_runs)
            t->regs.orig_rax = (unsigned long long)-1;
        t->regs.rip -= SYSCALL_INSN_LEN;
        t->regs.rax = sysno;
        ret = set_regs(t);
        t->regs.rip += SYSCALL_INSN_LEN;
        t->regs.orig_rax = sysno;
        t->state = t->state == PAL_THREAD_AT_SYSCALL ? PAL_THREAD_HOSTCALL_SKIP_EXIT
                                                     : PAL_THREAD_HOSTCALL_ENTRY;
    }
    if (ret == 0)
        ret = _DkThreadContinue(t, 0);
    if (ret < 0)
        return ret;
    t->hostcall_waits = true;
    return _DkContextWait(t);
}

int _DkHostCallExit(struct pal_thread* t) {
    t->hostcall_waits = false;
    if (ptrace(PTRACE_GETREGS, t->tid, 0, &t->regs) < 0) {
        if (errno != ESRCH)
            return -errno;
        /* killed: the exit that follows finishes the upcall */
        t->hostcall_waits = true;
        return 0;
    }
    t->state = PAL_THREAD_AT_SYSCALL_EXIT;
    return _DkContextResume(t, (long)t->regs.rax);
}

int _DkHostCallAbandon(struct pal_thread* t) {
    /* The program's call, ready to run again after the signal: as if the
     * signal had come just before the program made it. */
    t->hostcall_waits = false;
    t->regs = t->entry_regs;
    t->regs.rip -= SYSCALL_INSN_LEN;
    t->regs.rax = t->entry_regs.orig_rax;
    if (ptrace(PTRACE_SETREGS, t->tid, 0, &t->regs) < 0 && errno != ESRCH)
        return -errno;
    t->abandoned = true;
    return _DkContextResume(t, -ERESTARTNOINTR);
}

int _DkHostCallGone(struct pal_thread* t) {
    t->gone = true;
    t->hostcall_waits = false;
    return _DkContextResume(t, -ESRCH);
}

PAL_BOL DkThreadGone(PAL_HANDLE t) {
    return t->gone;
}

PAL_BOL DkSyscallAbandoned(PAL_HANDLE t) {
    return t->abandoned;
}

void DkSyscallRaise(PAL_HANDLE t, int sig) {
    t->raise_sig = sig;
}

int DkSyscallReturn(PAL_HANDLE t, long result) {
    int sig = t->raise_sig;
    int ret = 0;

    t->raise_sig = 0;
    if (sig && !t->gone && !t->abandoned && t->state == PAL_THREAD_AT_SYSCALL &&
        t->entry_event) {
        /* The kernel sends the signal a tracer gives at a system call stop
         * (as its own, SI_KERNEL), and ignores one given at a seccomp
         * stop: the call's exit stop is reached first, through a call
         * without effect. */
        if (DkHostCall(t, SYS_getpid, (const PAL_NUM[6]){0}) < 0 && !t->gone && !t->abandoned)
            log_debug("thread %d: no exit stop to raise signal %d at", t->tid, sig);
    }
    if (t->gone)
        return 0;
    if (t->abandoned) {
        /* stopped at the signal, which DkEventWait reports next */
        t->abandoned = false;
        return 0;
    }
    switch (t->state) {
    case PAL_THREAD_AT_SYSCALL:
        if (t->entry_runs) {
            /* cancel the call; the kernel leaves rax alone for number -1 */
            t->regs.orig_rax = (unsigned long long)-1;
            t->regs.rax = (unsigned long long)result;
            ret = set_regs(t);
        } else if (ptrace(PTRACE_POKEUSER, t->tid, offsetof(struct user, regs.rax), result) <
                       0 &&
                   errno != ESRCH) {
            ret = -errno;
        }
        /* resumed with SYSEMU even after a TRACE-mode entry: the cancelled
         * call then reports no exit, and the next call stops in SYSEMU
         * mode (with seccomp stops: PTRACE_CONT, no exit either) */
        t->state = _DkRunningState(false);
        break;
    case PAL_THREAD_AT_SYSCALL_EXIT:
        if (t->args_changed && !t->execed) {
            /* the program's registers, with orig_rax for a restart */
            set_call(&t->regs, t->entry_regs.orig_rax,
                     (PAL_NUM[6]){t->entry_regs.rdi, t->entry_regs.rsi, t->entry_regs.rdx,
                                  t->entry_regs.r10, t->entry_regs.r8, t->entry_regs.r9});
            t->regs.rax = (unsigned long long)result;
            ret = set_regs(t);
        } else if ((long)t->regs.rax != result) {
            if (ptrace(PTRACE_POKEUSER, t->tid, offsetof(struct user, regs.rax), result) < 0 &&
                errno != ESRCH)
                ret = -errno;
        }
        /* a host call ran: the next one is likely another */
        t->state = _DkRunningState(true);
        break;
    default:
        return -EINVAL;
    }
    t->args_changed = false;
    t->execed = false;
    if (ret < 0)
        return ret;
    return _DkThreadContinue(t, sig);
}

int DkSyscallRunOnHost(PAL_HANDLE t) {
    int ret;

    if (t->state != PAL_THREAD_AT_SYSCALL)
        return -EINVAL;
    if (t->entry_runs) {
        /* with seccomp stops the call's exit need not stop: one stop in
         * all; with SYSEMU, a TRACE-mode exit keeps the next call in TRACE
         * mode, where a host call costs two stops rather than three */
        t->state = _DkSeccompActive ? PAL_THREAD_RUNNING_SECCOMP : PAL_THREAD_HOSTCALL_RUNNING;
        return _DkThreadContinue(t, 0);
    }
    /* execute the same syscall instruction again, with the same number */
    t->regs.rip -= SYSCALL_INSN_LEN;
    t->regs.rax = t->regs.orig_rax;
    ret = set_regs(t);
    if (ret < 0)
        return ret;
    t->state = PAL_THREAD_HOSTCALL_SKIP_EXIT;
    return _DkThreadContinue(t, 0);
}

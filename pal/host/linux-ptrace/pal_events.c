/*
 * pal_events.c: the tracer's view of the program, one wait status at a
 * time.  Stops that need a decision (a system call, a signal) are reported
 * as events; the others (the steps of a host call, ptrace events,
 * job-control bookkeeping) are handled here and the wait goes on.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "pal_host.h"
#include "pal_log.h"

/* The thread whose PAL_EVENT_EXIT was reported last: freed at the next wait
 * so that the caller may still use its handle while handling the event. */
static struct pal_thread* g_exited;

/*
 * A `syscall` instruction leaves the return address in rcx and the flags in
 * r11, and the kernel saves those very registers as rip and eflags; the
 * 32-bit gate (int 0x80) saves rip and eflags from its interrupt frame and
 * leaves rcx and r11 as the program had them.  A program can forge the
 * match before an int 0x80 on purpose, never by accident.
 */
static bool entered_by_int80(const struct user_regs_struct* regs) {
    return regs->rcx != regs->rip || regs->r11 != regs->eflags;
}

static void fill_syscall_event(const struct pal_thread* t, struct pal_event* ev) {
    ev->compat = entered_by_int80(&t->regs);
    ev->sysno = t->regs.orig_rax;
    ev->args[0] = t->regs.rdi;
    ev->args[1] = t->regs.rsi;
    ev->args[2] = t->regs.rdx;
    ev->args[3] = t->regs.r10;
    ev->args[4] = t->regs.r8;
    ev->args[5] = t->regs.r9;
    ev->sp = t->regs.rsp;
}

/* The exit of a call run on the host.  Returns 1 when EV holds an event. */
static int on_hostcall_exit(struct pal_thread* t, struct pal_event* ev) {
    if (!t->report_exit) {
        t->state = PAL_THREAD_RUNNING_TRACE;
        return _DkThreadContinue(t, 0);
    }
    if (ptrace(PTRACE_GETREGS, t->tid, 0, &t->regs) < 0)
        return errno == ESRCH ? 0 : -errno;
    t->state = PAL_THREAD_AT_SYSCALL_EXIT;
    ev->type = PAL_EVENT_SYSCALL_EXIT;
    fill_syscall_event(t, ev);
    ev->result = (long)t->regs.rax;
    return 1;
}

/* Returns 1 when EV holds an event for the caller, 0 to keep waiting, or a
 * negative errno. */
static int on_syscall_stop(struct pal_thread* t, struct pal_event* ev) {
    switch (t->state) {
    case PAL_THREAD_HOSTCALL_SKIP_EXIT:
        /* the exit of the call the kernel skipped: next comes its rerun */
        t->state = PAL_THREAD_HOSTCALL_ENTRY;
        return _DkThreadContinue(t, 0);
    case PAL_THREAD_HOSTCALL_ENTRY:
        /* The rerun's entry: the call runs natively from here.  Its exit
         * stop, one more than resuming with SYSEMU would cost, puts the
         * thread in TRACE mode, where the host calls that likely follow
         * cost two stops instead of three. */
        t->state = PAL_THREAD_HOSTCALL_RUNNING;
        return _DkThreadContinue(t, 0);
    case PAL_THREAD_HOSTCALL_RUNNING:
        return on_hostcall_exit(t, ev);
    case PAL_THREAD_RUNNING_EMU:
    case PAL_THREAD_RUNNING_TRACE:
        break;
    default:
        log_error("thread %d: system call stop in state %d", t->tid, t->state);
        return -EPROTO;
    }
    if (ptrace(PTRACE_GETREGS, t->tid, 0, &t->regs) < 0)
        return errno == ESRCH ? 0 : -errno;
    t->entry_runs = t->state == PAL_THREAD_RUNNING_TRACE;
    t->state = PAL_THREAD_AT_SYSCALL;
    ev->type = PAL_EVENT_SYSCALL;
    fill_syscall_event(t, ev);
    switch (ev->sysno) {
    case SYS_mmap:
    case SYS_munmap:
    case SYS_mremap:
    case SYS_execve:
    case SYS_execveat:
    case SYS_shmat:
    case SYS_shmdt:
        _DkStackMapsChanged();
        break;
    }
    return 1;
}

/* After execve in a non-leader thread, the kernel gives the exec'ing thread
 * the leader's ID; the former leader's record is stale. */
static struct pal_thread* on_exec(struct pal_thread* t) {
    unsigned long former;
    struct pal_thread* execer;
    pid_t leader = t->tid;

    if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &former) < 0 || (pid_t)former == t->tid)
        return t;
    execer = _DkThreadLookup((pid_t)former);
    if (!execer)
        return t;
    log_debug("thread %lu exec'd and becomes %d", former, leader);
    _DkThreadRemove(t);
    _DkThreadRename(execer, leader);
    execer->tgid = leader;
    return execer;
}

static bool is_stop_signal(int sig) {
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static int on_event_stop(struct pal_thread* t, int event, int sig, struct pal_event* ev) {
    switch (event) {
    case PTRACE_EVENT_STOP:
        if (is_stop_signal(sig)) {
            /* Group stop: stay stopped, but let SIGCONT end it as it would
             * without ptrace (PTRACE_LISTEN).  The kernel traps again when
             * the stop ends or another signal arrives. */
            if (ptrace(PTRACE_LISTEN, t->tid, 0, 0) < 0 && errno != ESRCH)
                return -errno;
            if (t->group_stopped)
                return 0;
            t->group_stopped = true;
            ev->type = PAL_EVENT_STOPPED;
            ev->sig = sig;
            return 1;
        }
        /* a new thread's first stop, or the end of a group stop */
        t->group_stopped = false;
        return _DkThreadContinue(t, 0);
    case PTRACE_EVENT_EXEC: {
        int ret;

        t = on_exec(t);
        ev->thread = t;
        ret = _DkThreadContinue(t, 0);
        if (ret < 0)
            return ret;
        ev->type = PAL_EVENT_EXEC;
        return 1;
    }
    default:
        /* fork, vfork, clone: the child announces itself with its own stop */
        return _DkThreadContinue(t, 0);
    }
}

static int on_signal_stop(struct pal_thread* t, int sig, struct pal_event* ev) {
    /* A signal between a rewound call's skipped exit and its rerun: the
     * call has not run.  Deliver the signal; the syscall instruction runs
     * again after any handler and stops anew, as it would natively. */
    if (t->state == PAL_THREAD_HOSTCALL_SKIP_EXIT || t->state == PAL_THREAD_HOSTCALL_ENTRY)
        t->state = PAL_THREAD_RUNNING_EMU;
    t->resume_state = t->state;
    t->state = PAL_THREAD_AT_SIGNAL;
    ev->type = PAL_EVENT_SIGNAL;
    ev->sig = sig;
    return 1;
}

int DkEventWait(struct pal_event* ev) {
    if (g_exited) {
        _DkThreadRemove(g_exited);
        g_exited = NULL;
    }
    for (;;) {
        struct pal_thread* t;
        int status, sig, ret;
        pid_t tid = waitpid(-1, &status, __WALL);

        if (tid < 0)
            return -errno;
        t = _DkThreadLookup(tid);
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            if (!t)
                continue; /* a thread dropped at an execve */
            ev->type = PAL_EVENT_EXIT;
            ev->thread = t;
            ev->tid = tid;
            ev->status = status;
            g_exited = t;
            return 0;
        }
        if (!WIFSTOPPED(status))
            continue;
        if (!t) {
            /* A new thread or process, auto-attached; its first stop may
             * come before its creator's fork/clone event. */
            t = _DkThreadAdd(tid, PAL_THREAD_RUNNING_TRACE);
            if (!t)
                return -ENOMEM;
        }
        ev->thread = t;
        ev->tid = tid;
        sig = WSTOPSIG(status);
        if (sig == (SIGTRAP | 0x80))
            ret = on_syscall_stop(t, ev);
        else if (status >> 16)
            ret = on_event_stop(t, status >> 16, sig, ev);
        else
            ret = on_signal_stop(t, sig, ev);
        if (ret != 0)
            return ret < 0 ? ret : 0;
    }
}

/*
 * pal_events.c: the tracer's view of the program, one wait status at a
 * time, in the order pal_wait.c serves them.  Stops that need a decision
 * (a system call, a signal) are reported as events; the others (the steps
 * of a host call, ptrace events, job-control bookkeeping) are handled here
 * and the wait goes on.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pal_host.h"
#include "pal_log.h"

/* The thread whose PAL_EVENT_EXIT was reported last: freed at the next wait
 * so that the caller may still use its handle while handling the event. */
static struct pal_thread* g_exited;

/* An event that comes with the one reported: an execve's, after the
 * superseded leader's exit. */
static struct pal_event g_pending;
static bool g_have_pending;

/* The code segment of 32-bit (compatibility mode) code, the kernel's
 * __USER32_CS; 64-bit code runs in __USER_CS, 0x33. */
#define USER32_CS 0x23

/*
 * A call through the 32-bit ABI: from 32-bit code, whatever the
 * instruction; from 64-bit code, through the int 0x80 gate.  A `syscall`
 * instruction leaves the return address in rcx and the flags in r11, and
 * the kernel saves those very registers as rip and eflags; the 32-bit gate
 * saves rip and eflags from its interrupt frame and leaves rcx and r11 as
 * the program had them.  A program can forge the match before an int 0x80
 * on purpose, never by accident.
 */
static bool enters_compat(const struct user_regs_struct* regs) {
    return regs->cs == USER32_CS || regs->rcx != regs->rip || regs->r11 != regs->eflags;
}

static void fill_syscall_event(struct pal_thread* t) {
    const struct user_regs_struct* r = &t->regs;
    struct pal_event* ev = &t->event;

    ev->type = PAL_EVENT_SYSCALL;
    ev->thread = t;
    ev->tid = t->tid;
    ev->compat = enters_compat(r);
    /* the kernel takes the number as an int: (1 << 32) | 3 is close */
    ev->sysno = (uint32_t)r->orig_rax;
    if (ev->compat) {
        /* the i386 ABI's registers, 32 bits each */
        ev->args[0] = (uint32_t)r->rbx;
        ev->args[1] = (uint32_t)r->rcx;
        ev->args[2] = (uint32_t)r->rdx;
        ev->args[3] = (uint32_t)r->rsi;
        ev->args[4] = (uint32_t)r->rdi;
        ev->args[5] = (uint32_t)r->rbp;
    } else {
        ev->args[0] = r->rdi;
        ev->args[1] = r->rsi;
        ev->args[2] = r->rdx;
        ev->args[3] = r->r10;
        ev->args[4] = r->r8;
        ev->args[5] = r->r9;
    }
    ev->sp = r->rsp;
}

/* Make the 32-bit process T, stopped at its execve's PTRACE_EVENT_EXEC
 * with REGS, exit with CODE as its first act: its first instructions
 * become "mov $252, %eax; int $0x80" (exit_group), with CODE in ebx.  The
 * execve's return sets eax after this stop, hence the mov.  ptrace writes
 * the read-only text page as a debugger's breakpoint does, in the
 * process's own copy.  1, or -errno. */
static int force_exit32(struct pal_thread* t, struct user_regs_struct* regs, int code) {
    static const unsigned char exit_group32[8] = {0xb8, 0xfc, 0, 0, 0, 0xcd, 0x80, 0xf4};
    unsigned long word;

    memcpy(&word, exit_group32, sizeof(word));
    if (ptrace(PTRACE_POKETEXT, t->tid, regs->rip, word) < 0)
        return errno == ESRCH ? 1 : -errno;
    regs->rbx = (unsigned long)code;
    if (ptrace(PTRACE_SETREGS, t->tid, 0, regs) < 0)
        return errno == ESRCH ? 1 : -errno;
    return 1;
}

/*
 * At an execve's PTRACE_EVENT_EXEC stop: whether the new image runs 32-bit
 * code (an i386 program, or one whose interpreter is), which the kernel
 * starts in the 32-bit code segment.  The PAL runs x86-64 programs only:
 * such a process is refused before it runs one instruction, with one
 * message: killed (EXIT_CODE < 0), or made to exit with EXIT_CODE.
 * 1 when it was, 0 when the image is x86-64's, or -errno.
 */
int _DkExecRefuseCompat(struct pal_thread* t, int exit_code) {
    struct user_regs_struct regs;
    char link[64], exe[4096];
    ssize_t n;

    if (ptrace(PTRACE_GETREGS, t->tid, 0, &regs) < 0)
        return errno == ESRCH ? 0 : -errno;
    if (regs.cs != USER32_CS)
        return 0;
    snprintf(link, sizeof(link), "/proc/%d/exe", t->tid);
    n = readlink(link, exe, sizeof(exe) - 1);
    exe[n < 0 ? 0 : n] = '\0';
    log_error("process %d: %s is a 32-bit program: ptshim runs x86-64 programs only; %s",
              t->tid, n > 0 ? exe : "the program", exit_code < 0 ? "killed" : "not run");
    if (exit_code >= 0)
        return force_exit32(t, &regs, exit_code);
    if (kill(t->tid, SIGKILL) < 0 && errno != ESRCH)
        return -errno;
    return 1;
}

/* The entry of one of the program's calls: its upcall starts.  ENTRY_RUNS:
 * the kernel runs the call when the thread is resumed, unless cancelled. */
static int on_syscall_entry(struct pal_thread* t, bool entry_runs, bool foreign_trace,
                            bool event) {
    if (_DkPlacement == PAL_PLACE_AUTO)
        _DkPlacementStopped(t);
    if (ptrace(PTRACE_GETREGS, t->tid, 0, &t->regs) < 0)
        return errno == ESRCH ? 0 : -errno;
    t->entry_regs = t->regs;
    t->entry_runs = entry_runs;
    t->entry_event = event;
    t->state = PAL_THREAD_AT_SYSCALL;
    fill_syscall_event(t);
    t->event.foreign_trace = foreign_trace;
    _DkStackSyscallEntry(&t->event);
    return _DkContextStart(t);
}

/* A system call stop.  Returns 0 to keep waiting, or a negative errno. */
static int on_syscall_stop(struct pal_thread* t) {
    int sig;

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
        sig = t->raise_sig; /* DkSyscallRaise: pending while it runs */
        t->raise_sig = 0;
        return _DkThreadContinue(t, sig);
    case PAL_THREAD_HOSTCALL_RUNNING:
        if (t->hostcall_waits)
            return _DkHostCallExit(t);
        t->state = _DkRunningState(true);
        return _DkThreadContinue(t, 0);
    case PAL_THREAD_RUNNING_EMU:
    case PAL_THREAD_RUNNING_TRACE:
        return on_syscall_entry(t, t->state == PAL_THREAD_RUNNING_TRACE, false, false);
    default:
        log_error("thread %d: system call stop in state %d", t->tid, t->state);
        return -EPROTO;
    }
}

/* A seccomp stop (PTRACE_EVENT_SECCOMP): with seccomp stops, the entry of
 * a call, which runs unless cancelled; or the filter's stop of a host call
 * rerun under PTRACE_SYSCALL, after its entry stop: on to its exit. */
static int on_seccomp_stop(struct pal_thread* t) {
    unsigned long data = PAL_SECCOMP_DATA;

    switch (t->state) {
    case PAL_THREAD_RUNNING_SECCOMP:
        /* a filter of the program's own that asks for a tracer wins over
         * ptshim's: its data is the event's */
        if (_DkOwnFilters && ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &data) < 0)
            return errno == ESRCH ? 0 : -errno;
        return on_syscall_entry(t, true, data != PAL_SECCOMP_DATA, true);
    case PAL_THREAD_HOSTCALL_RUNNING:
        return _DkThreadContinue(t, 0);
    default:
        log_error("thread %d: seccomp stop in state %d", t->tid, t->state);
        return -EPROTO;
    }
}

/* A thread that ended, or was dropped at an execve, while its call was
 * handled: its upcall finishes first. */
static int finish_upcall(struct pal_thread* t) {
    return t->in_upcall ? _DkHostCallGone(t) : 0;
}

/* After execve in a non-leader thread, the kernel gives the exec'ing thread
 * the leader's ID, and the former leader is gone without an exit status.
 * Returns the thread that exec'd; *LEADER is the superseded leader's
 * record, out of the table, when there is one. */
static struct pal_thread* on_exec(struct pal_thread* t, pid_t* former_tid,
                                  struct pal_thread** leader) {
    unsigned long former;
    struct pal_thread* execer;
    pid_t leader_tid = t->tid;

    *former_tid = leader_tid;
    *leader = NULL;
    if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &former) < 0 || (pid_t)former == t->tid)
        return t;
    execer = _DkThreadLookup((pid_t)former);
    if (!execer)
        return t;
    log_debug("thread %lu exec'd and becomes %d", former, leader_tid);
    _DkThreadUnlink(t);
    *leader = t;
    _DkThreadRename(execer, leader_tid);
    execer->tgid = leader_tid;
    *former_tid = (pid_t)former;
    return execer;
}

/* The process CHILD, just created by T, belongs to: learnt while it
 * lives, since a thread that is gone can no longer be asked
 * (DkThreadGetProcessId of its exit).  A fork or vfork makes a process; a
 * clone makes one of T's threads (tgkill finds it in T's process: 0, or
 * EPERM once the program changed its credentials) or a process of its own
 * (ESRCH). */
static pid_t child_process(const struct pal_thread* t, const struct pal_thread* child, int event) {
    if (event != PTRACE_EVENT_CLONE)
        return child->tid;
    if (!t->tgid)
        return 0; /* asked later, if ever */
    if (syscall(SYS_tgkill, t->tgid, child->tid, 0) == 0 || errno == EPERM)
        return t->tgid;
    return errno == ESRCH ? child->tid : 0;
}

/* A fork, vfork or clone event of the creator T.  The child's first stop
 * may come before or after it: a child seen first is held (NEW) until this
 * event, so that its creation is reported before any of its calls. */
static int on_clone_event(struct pal_thread* t, int event, struct pal_event* ev) {
    unsigned long msg;
    struct pal_thread* child;
    int ret;

    if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg) < 0)
        return errno == ESRCH ? 0 : -errno;
    child = _DkThreadLookup((pid_t)msg);
    if (!child) {
        child = _DkThreadAdd((pid_t)msg, PAL_THREAD_BORN);
        if (!child)
            return -ENOMEM;
    } else if (child->state == PAL_THREAD_NEW) {
        child->state = _DkRunningState(true);
        ret = _DkThreadContinue(child, 0);
        if (ret < 0)
            return ret;
    }
    if (!child->tgid)
        child->tgid = child_process(t, child, event);
    ret = _DkPlacementClone(child, t);
    if (ret < 0)
        return ret;
    ret = _DkThreadContinue(t, 0);
    if (ret < 0)
        return ret;
    ev->type = PAL_EVENT_CLONE;
    ev->child = child;
    ev->child_tid = child->tid;
    return 1;
}

static bool is_stop_signal(int sig) {
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* The start of a thread's exit (PTRACE_EVENT_EXIT): it cannot be stopped
 * any more, so it goes on at once.  Its end is reported now, while it is
 * still there: a process ends for its parent only when the tracer reaps
 * it, after this event is handled.  A call it was in (exit_group, or one
 * a signal killed it in) never returns: its upcall finishes first. */
static int on_exit_stop(struct pal_thread* t, struct pal_event* ev) {
    unsigned long status;
    int ret;

    if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &status) < 0)
        return errno == ESRCH ? 0 : -errno;
    ret = finish_upcall(t);
    if (ret < 0)
        return ret;
    if (ptrace(PTRACE_CONT, t->tid, 0, 0) < 0 && errno != ESRCH)
        return -errno;
    t->exiting = true;
    ev->type = PAL_EVENT_EXITING;
    ev->status = (int)status;
    return 1;
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
        struct pal_thread* leader;
        int ret;

        t = on_exec(t, &ev->former_tid, &leader);
        ev->thread = t;
        ev->tid = t->tid;
        /* a host call's exec: the registers are the new program's */
        t->execed = true;
        /* and the mappings */
        _DkStackMapsChanged();
        /* the exec happened all the same: the thread ends next */
        ret = _DkExecRefuseCompat(t, -1);
        if (ret == 0)
            ret = _DkThreadContinue(t, 0);
        if (ret < 0)
            return ret;
        ev->type = PAL_EVENT_EXEC;
        if (!leader)
            return 1;
        /* the superseded leader's end first, then the exec */
        ret = finish_upcall(leader);
        if (ret < 0)
            return ret;
        g_pending = *ev;
        g_have_pending = true;
        *ev = (struct pal_event){.type = PAL_EVENT_EXIT, .thread = leader, .tid = leader->tid,
                                 .superseded = true};
        g_exited = leader;
        return 1;
    }
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE:
        return on_clone_event(t, event, ev);
    case PTRACE_EVENT_SECCOMP:
        return on_seccomp_stop(t);
    case PTRACE_EVENT_EXIT:
        return on_exit_stop(t, ev);
    default:
        return _DkThreadContinue(t, 0);
    }
}

static int on_signal_stop(struct pal_thread* t, int sig, struct pal_event* ev) {
    bool abandon = false;

    /* A signal between a rewound call's skipped exit and its rerun: the
     * call has not run.  Deliver the signal; the program's syscall
     * instruction runs again after any handler and stops anew, as it would
     * natively.  A host call the shim waits for is abandoned. */
    if (t->state == PAL_THREAD_HOSTCALL_SKIP_EXIT || t->state == PAL_THREAD_HOSTCALL_ENTRY) {
        t->state = _DkRunningState(false);
        abandon = t->hostcall_waits;
    }
    t->resume_state = t->state;
    t->state = PAL_THREAD_AT_SIGNAL;
    if (abandon) {
        int ret = _DkHostCallAbandon(t);

        if (ret < 0)
            return ret;
    }
    ev->type = PAL_EVENT_SIGNAL;
    ev->sig = sig;
    return 1;
}

int DkEventWait(struct pal_event* ev) {
    if (g_exited) {
        _DkThreadRemove(g_exited);
        g_exited = NULL;
    }
    if (g_have_pending) {
        *ev = g_pending;
        g_have_pending = false;
        return 0;
    }
    /* every field the event's type does not set reads as zero: the
     * handlers below set only their own */
    memset(ev, 0, sizeof(*ev));
    for (;;) {
        struct pal_thread* t;
        int status, sig, ret = _DkWaitNext(&t, &status);

        if (ret < 0)
            return ret;
        /* -dd: one line per stop, to count what a call costs */
        log_trace("thread %d: wait status %#x in state %d", t->tid, status, t->state);
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            ret = finish_upcall(t);
            if (ret < 0)
                return ret;
            *ev = (struct pal_event){.type = PAL_EVENT_EXIT,
                                     .thread = t,
                                     .tid = t->tid,
                                     .status = status,
                                     .exiting_seen = t->exiting};
            g_exited = t;
            return 0;
        }
        if (!WIFSTOPPED(status))
            continue;
        if (t->state == PAL_THREAD_BORN) {
            /* the first stop of a child already announced */
            t->state = _DkRunningState(true);
            ret = _DkThreadContinue(t, 0);
            if (ret < 0)
                return ret;
            continue;
        }
        ev->thread = t;
        ev->tid = t->tid;
        sig = WSTOPSIG(status);
        if (sig == (SIGTRAP | 0x80))
            ret = on_syscall_stop(t);
        else if (status >> 16)
            ret = on_event_stop(t, status >> 16, sig, ev);
        else
            ret = on_signal_stop(t, sig, ev);
        if (ret != 0)
            return ret < 0 ? ret : 0;
    }
}

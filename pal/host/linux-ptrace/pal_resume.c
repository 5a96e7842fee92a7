/*
 * pal_resume.c: answering a stopped thread: resume it, complete its system
 * call in the tracer, or run the call on the host inside it.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "pal_host.h"
#include "pal_log.h"

/* The length of the syscall instruction (0f 05) that rip points after at a
 * system call stop. */
#define SYSCALL_INSN_LEN 2

int _DkThreadContinue(struct pal_thread* t, int sig) {
    enum __ptrace_request req;

    switch (t->state) {
    case PAL_THREAD_RUNNING_EMU:
        req = PTRACE_SYSEMU;
        break;
    case PAL_THREAD_RUNNING_CONT:
    case PAL_THREAD_RUNNING_TRACE:
    case PAL_THREAD_HOSTCALL_SKIP_EXIT:
    case PAL_THREAD_HOSTCALL_ENTRY:
    case PAL_THREAD_HOSTCALL_RUNNING:
        req = PTRACE_SYSCALL;
        break;
    default:
        log_error("thread %d resumed in state %d", t->tid, t->state);
        return -EPROTO;
    }
    if (ptrace(req, t->tid, 0, (long)sig) < 0) {
        /* killed meanwhile (SIGKILL, exit_group of another thread, an
         * execve elsewhere in its process): its exit is reported next */
        if (errno == ESRCH)
            return 0;
        return -errno;
    }
    return 0;
}

int DkThreadResume(PAL_HANDLE t, int sig) {
    switch (t->state) {
    case PAL_THREAD_AT_SIGNAL:
        t->state = t->resume_state;
        break;
    case PAL_THREAD_AT_SYSCALL_EXIT:
        if (sig)
            return -EINVAL;
        /* a host call ran: the next one is likely another */
        t->state = PAL_THREAD_RUNNING_TRACE;
        break;
    default:
        return -EINVAL;
    }
    return _DkThreadContinue(t, sig);
}

static int set_regs(struct pal_thread* t) {
    if (ptrace(PTRACE_SETREGS, t->tid, 0, &t->regs) < 0)
        return errno == ESRCH ? 0 : -errno;
    return 0;
}

int DkSyscallReturn(PAL_HANDLE t, long result) {
    int ret;

    if (t->state != PAL_THREAD_AT_SYSCALL)
        return -EINVAL;
    if (t->entry_runs) {
        /* cancel the call; the kernel leaves rax alone for number -1 */
        t->regs.orig_rax = (unsigned long long)-1;
        t->regs.rax = (unsigned long long)result;
        ret = set_regs(t);
    } else {
        ret = ptrace(PTRACE_POKEUSER, t->tid, offsetof(struct user, regs.rax), result) < 0 &&
                      errno != ESRCH
                  ? -errno
                  : 0;
    }
    if (ret < 0)
        return ret;
    /* resumed with SYSEMU even after a TRACE-mode entry: the cancelled
     * call then reports no exit, and the next call stops in SYSEMU mode */
    t->state = PAL_THREAD_RUNNING_EMU;
    return _DkThreadContinue(t, 0);
}

int DkSyscallRunOnHost(PAL_HANDLE t, PAL_FLG flags) {
    int ret;

    if (t->state != PAL_THREAD_AT_SYSCALL)
        return -EINVAL;
    t->report_exit = flags & PAL_HOSTCALL_REPORT_EXIT;
    if (t->entry_runs) {
        t->state = PAL_THREAD_HOSTCALL_RUNNING;
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

int DkThreadGetSignalInfo(PAL_HANDLE t, siginfo_t* info) {
    if (t->state != PAL_THREAD_AT_SIGNAL)
        return -EINVAL;
    if (ptrace(PTRACE_GETSIGINFO, t->tid, 0, info) < 0)
        return -errno;
    return 0;
}

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
 * SYSEMU stop. */
#define SYSCALL_INSN_LEN 2

int _DkThreadContinue(struct pal_thread* t, int sig) {
    enum __ptrace_request req;

    switch (t->state) {
    case PAL_THREAD_RUNNING_CONT:
        req = PTRACE_CONT;
        break;
    case PAL_THREAD_HOSTCALL_SKIP_EXIT:
    case PAL_THREAD_HOSTCALL_ENTRY:
        req = PTRACE_SYSCALL;
        break;
    default:
        t->state = PAL_THREAD_RUNNING_EMU;
        req = PTRACE_SYSEMU;
        break;
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
    if (t->state != PAL_THREAD_AT_SIGNAL)
        return -EINVAL;
    t->state = t->resume_state;
    return _DkThreadContinue(t, sig);
}

int DkSyscallReturn(PAL_HANDLE t, long result) {
    if (t->state != PAL_THREAD_AT_SYSCALL)
        return -EINVAL;
    if (ptrace(PTRACE_POKEUSER, t->tid, offsetof(struct user, regs.rax), result) < 0 &&
        errno != ESRCH)
        return -errno;
    t->state = PAL_THREAD_RUNNING_EMU;
    return _DkThreadContinue(t, 0);
}

int DkSyscallRunOnHost(PAL_HANDLE t) {
    if (t->state != PAL_THREAD_AT_SYSCALL)
        return -EINVAL;
    /* execute the same syscall instruction again, with the same number */
    t->regs.rip -= SYSCALL_INSN_LEN;
    t->regs.rax = t->regs.orig_rax;
    if (ptrace(PTRACE_SETREGS, t->tid, 0, &t->regs) < 0) {
        if (errno == ESRCH)
            return 0;
        return -errno;
    }
    t->state = PAL_THREAD_HOSTCALL_SKIP_EXIT;
    return _DkThreadContinue(t, 0);
}

/*
 * pal_resume.c: resuming a stopped thread in the mode its state says.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "pal_host.h"
#include "pal_log.h"

int _DkThreadContinue(struct pal_thread* t, int sig) {
    enum __ptrace_request req;

    switch (t->state) {
    case PAL_THREAD_RUNNING_EMU:
        req = PTRACE_SYSEMU;
        break;
    case PAL_THREAD_RUNNING_SECCOMP:
        req = PTRACE_CONT;
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
    if (_DkPlacement == PAL_PLACE_AUTO)
        _DkPlacementResumed(t);
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
    default:
        return -EINVAL;
    }
    return _DkThreadContinue(t, sig);
}

int DkThreadGetSignalInfo(PAL_HANDLE t, siginfo_t* info) {
    if (t->state != PAL_THREAD_AT_SIGNAL)
        return -EINVAL;
    if (ptrace(PTRACE_GETSIGINFO, t->tid, 0, info) < 0)
        return -errno;
    return 0;
}

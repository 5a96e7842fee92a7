/*
 * pal_host.h: declarations shared by the linux-ptrace host files.
 */
#ifndef PAL_HOST_H
#define PAL_HOST_H

#include <sys/tree.h>
#include <sys/types.h>
#include <sys/user.h>

#include "pal.h"

/*
 * Where a traced thread is, as far as ptrace goes.  A thread is resumed with
 * PTRACE_SYSEMU in RUNNING_EMU (its next system call stops and is skipped by
 * the kernel), with PTRACE_SYSCALL in the HOSTCALL_* states, and with
 * PTRACE_CONT in RUNNING_CONT (before its first execve).
 *
 * Running a call on the host after a SYSEMU stop ("rewind"): rip is moved
 * back over the 2-byte syscall instruction and rax restored from orig_rax;
 * resumed with PTRACE_SYSCALL, the thread reports the exit of the skipped
 * call (HOSTCALL_SKIP_EXIT), then the entry of the same instruction executed
 * again (HOSTCALL_ENTRY), where it is resumed with PTRACE_SYSEMU: the kernel
 * reads the tracing flags again at syscall exit, so the call runs natively
 * (blocking, interrupted and restarted by the kernel as without ptshim) and
 * the next call stops in SYSEMU mode.  tests/bench/limit measures this
 * against the other candidates.
 */
enum pal_thread_state {
    PAL_THREAD_RUNNING_CONT,
    PAL_THREAD_RUNNING_EMU,
    PAL_THREAD_HOSTCALL_SKIP_EXIT,
    PAL_THREAD_HOSTCALL_ENTRY,
    PAL_THREAD_AT_SYSCALL, /* stopped at a SYSEMU entry, waiting for an answer */
    PAL_THREAD_AT_SIGNAL,  /* stopped at signal delivery, waiting for an answer */
};

struct pal_thread {
    RB_ENTRY(pal_thread) entry;
    pid_t tid;
    enum pal_thread_state state;
    enum pal_thread_state resume_state; /* while AT_SIGNAL: how to go on */
    bool group_stopped; /* in a job-control stop (PTRACE_LISTEN) */
    struct user_regs_struct regs; /* valid while AT_SYSCALL */
};

RB_HEAD(pal_thread_tree, pal_thread);

/* pal_thread.c: the table of traced threads, keyed by thread ID. */
struct pal_thread* _DkThreadLookup(pid_t tid);
struct pal_thread* _DkThreadAdd(pid_t tid, enum pal_thread_state state);
void _DkThreadRemove(struct pal_thread* t);
void _DkThreadRename(struct pal_thread* t, pid_t tid);

/* pal_resume.c: resume a stopped thread as its state says. */
PAL_NODISCARD int _DkThreadContinue(struct pal_thread* t, int sig);

/* The options every traced thread has: all descendants traced, exec seen,
 * syscall stops told apart from SIGTRAP, and no thread survives the tracer. */
#define PAL_PTRACE_OPTIONS                                                        \
    (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |           \
     PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL)

#endif /* PAL_HOST_H */

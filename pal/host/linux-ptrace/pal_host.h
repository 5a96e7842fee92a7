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
 * Where a traced thread is, as far as ptrace goes.
 *
 * A thread between system calls runs in one of two modes, chosen when it
 * was last resumed:
 *   RUNNING_EMU    resumed with PTRACE_SYSEMU: its next system call stops at
 *                  entry and the kernel skips it.  A call the shim answers
 *                  costs this one stop.
 *   RUNNING_TRACE  resumed with PTRACE_SYSCALL: its next system call stops
 *                  at entry and runs unless the tracer cancels it (orig_rax
 *                  = -1), then stops again at exit.  A call run on the host
 *                  costs these two stops.
 * After a call the shim answered, the thread continues in RUNNING_EMU; after
 * one it ran on the host, in RUNNING_TRACE: system calls come in runs of one
 * kind, and either mode answers the other kind correctly, only dearer.
 * The kernel reads the SYSEMU flag before the entry stop and again at exit,
 * so the resume request at a stop decides both whether the current call
 * reports its exit and how the next call stops.
 *
 * Running a call on the host after a SYSEMU stop ("rewind"): rip is moved
 * back over the 2-byte syscall instruction and rax restored from orig_rax;
 * resumed with PTRACE_SYSCALL, the thread reports the exit of the skipped
 * call (HOSTCALL_SKIP_EXIT), then the entry of the same instruction executed
 * again (HOSTCALL_ENTRY); from there the call runs natively, blocking,
 * interrupted and restarted by the kernel as without ptshim.
 * tests/bench/limit measures the mechanisms against each other.
 */
enum pal_thread_state {
    PAL_THREAD_RUNNING_CONT,  /* before its first execve: PTRACE_SYSCALL, the
                                 stops handled by DkProcessCreate */
    PAL_THREAD_RUNNING_EMU,
    PAL_THREAD_RUNNING_TRACE,
    PAL_THREAD_HOSTCALL_SKIP_EXIT,
    PAL_THREAD_HOSTCALL_ENTRY,
    PAL_THREAD_HOSTCALL_RUNNING, /* a host call runs; its exit stop is next */
    PAL_THREAD_AT_SYSCALL,      /* stopped at entry, waiting for an answer */
    PAL_THREAD_AT_SYSCALL_EXIT, /* stopped at exit, reported, waiting */
    PAL_THREAD_AT_SIGNAL,       /* stopped at signal delivery, waiting */
};

struct pal_thread {
    RB_ENTRY(pal_thread) entry;
    pid_t tid;
    pid_t tgid; /* its process, once asked for (0 until then) */
    enum pal_thread_state state;
    enum pal_thread_state resume_state; /* while AT_SIGNAL: how to go on */
    bool entry_runs;    /* AT_SYSCALL: the kernel will run the call (TRACE mode) */
    bool report_exit;   /* a host call's exit is reported as an event */
    bool group_stopped; /* in a job-control stop (PTRACE_LISTEN) */
    struct user_regs_struct regs; /* valid while AT_SYSCALL and AT_SYSCALL_EXIT */
    void* unwind;                 /* libunwind-ptrace's state, once -k unwound it */
};

RB_HEAD(pal_thread_tree, pal_thread);

/* pal_thread.c: the table of traced threads, keyed by thread ID. */
struct pal_thread* _DkThreadLookup(pid_t tid);
struct pal_thread* _DkThreadAdd(pid_t tid, enum pal_thread_state state);
void _DkThreadRemove(struct pal_thread* t);
void _DkThreadRename(struct pal_thread* t, pid_t tid);

/* pal_stack.c, pal_symbols.c: stack traces.  The entry of a call that maps
 * or unmaps memory is told to _DkStackMapsChanged, so that the mappings
 * are read again. */
void _DkStackMapsChanged(void);
void _DkStackThreadGone(struct pal_thread* t);
void _DkStackProcessGone(pid_t tgid);
struct pal_elf;
struct pal_elf* _DkElfGet(const char* path, dev_t dev, ino_t ino);
const char* _DkElfPath(const struct pal_elf* e);
const char* _DkElfSymbol(const struct pal_elf* e, PAL_NUM off, PAL_NUM* sym_off);

/* pal_resume.c: resume a stopped thread as its state says. */
PAL_NODISCARD int _DkThreadContinue(struct pal_thread* t, int sig);

/* The options every traced thread has: all descendants traced, exec seen,
 * syscall stops told apart from SIGTRAP, and no thread survives the tracer. */
#define PAL_PTRACE_OPTIONS                                                        \
    (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |           \
     PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL)

#endif /* PAL_HOST_H */

/*
 * pal_host.h: declarations shared by the linux-ptrace host files.
 */
#ifndef PAL_HOST_H
#define PAL_HOST_H

#include <sys/queue.h>
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
 *
 * With seccomp stops (pal_seccomp.c, the default where the PAL may install
 * its filter), every thread runs in one mode, RUNNING_SECCOMP, resumed
 * with PTRACE_CONT: a system call stops at the filter (PTRACE_EVENT_SECCOMP)
 * before it runs, and the kernel runs it unless the tracer cancels it
 * (orig_rax = -1), with no exit stop: one stop whether the shim answers the
 * call or the host runs it.  A host call whose result the shim needs is
 * resumed from there with PTRACE_SYSCALL, for its exit stop; a later host
 * call of the same upcall reruns the syscall instruction under
 * PTRACE_SYSCALL, as with SYSEMU (its entry stop, then, unless the filter
 * lets that call through, its seccomp stop, then its exit).
 */
enum pal_thread_state {
    PAL_THREAD_RUNNING_CONT,  /* before its first execve: PTRACE_SYSCALL, the
                                 stops handled by DkProcessCreate */
    PAL_THREAD_RUNNING_EMU,
    PAL_THREAD_RUNNING_TRACE,
    PAL_THREAD_RUNNING_SECCOMP, /* resumed with PTRACE_CONT: the filter stops
                                   its next system call */
    PAL_THREAD_HOSTCALL_SKIP_EXIT,
    PAL_THREAD_HOSTCALL_ENTRY,
    PAL_THREAD_HOSTCALL_RUNNING, /* a host call runs; its exit stop is next */
    PAL_THREAD_AT_SYSCALL,      /* stopped at entry, waiting for an answer */
    PAL_THREAD_AT_SYSCALL_EXIT, /* stopped at exit, reported, waiting */
    PAL_THREAD_AT_SIGNAL,       /* stopped at signal delivery, waiting */
    PAL_THREAD_NEW,  /* a child stopped before its creator's fork/clone
                        event: held until that event */
    PAL_THREAD_DYING, /* killed before its creator's event, its first stop
                         at its exit: let go, only its end is to come */
    PAL_THREAD_BORN, /* announced by its creator's event; its first stop
                        is still to come */
};

struct pal_thread {
    RB_ENTRY(pal_thread) entry;
    pid_t tid;
    uint64_t seq; /* the order in which ptshim met the threads */
    pid_t tgid;   /* its process, from its creation on (0: to be asked) */
    enum pal_thread_state state;
    enum pal_thread_state resume_state; /* while AT_SIGNAL: how to go on */
    bool entry_runs;    /* AT_SYSCALL: the kernel will run the call (TRACE mode) */
    bool entry_event;   /* AT_SYSCALL: at a seccomp stop, not a system call
                           stop (the kernel ignores a signal given there) */
    bool group_stopped; /* in a job-control stop (PTRACE_LISTEN) */
    struct user_regs_struct regs; /* valid while AT_SYSCALL and AT_SYSCALL_EXIT */
    void* unwind;                 /* libunwind-ptrace's state, once -k unwound it */
    /* Its placement (pal_placement.c) */
    bool pinned;           /* on the tracer's CPU */
    bool never_pinned;     /* DkThreadUnpin(): on its own CPUs for good */
    void* want;            /* cpu_set_t: the CPUs the program gave it, or NULL */
    uint64_t resumed_at;   /* when it last went on running (ns) */
    int64_t cpu_seen;      /* its CPU time (ns) when last read, */
    uint64_t cpu_seen_at;  /* and when */
    uint8_t cpu_backoff;   /* readings in a row that found it not computing */
    uint16_t short_runs, long_runs;
    void* private[PAL_THREAD_SLOTS]; /* DkThreadSetPrivate() */
    bool unlinked;                /* out of the table, freed at the next wait */

    /* A wait status taken and not served yet (pal_wait.c) */
    bool in_round;
    int round_status;
    TAILQ_ENTRY(pal_thread) round_entry;

    /* The program's call being answered (pal_hostcall.c) */
    struct user_regs_struct entry_regs; /* its registers at the entry stop */
    bool hostcall_waits; /* a DkHostCall's context waits for its exit */
    bool args_changed;   /* a host call ran with other registers */
    bool execed;         /* a host call completed an execve */
    bool abandoned;      /* a signal came before a host call started */
    bool gone;           /* the thread exited while its call was handled */
    bool exiting;        /* PAL_EVENT_EXITING was reported */
    int raise_sig;       /* DkSyscallRaise: given at the next syscall stop
                            the thread is resumed from */

    /* Its context (pal_context.c) */
    struct pal_event event; /* the system call the upcall handles */
    void* stack;            /* CONTEXT_STACK_SIZE bytes, or NULL */
    void* sp;               /* its saved stack pointer, while not running */
    bool in_upcall;         /* the upcall runs or waits on it */
    bool waiting;           /* in _DkContextWait */
    long wake_result;       /* what _DkContextWait returns */
    int upcall_ret;
    void* fake_stack;       /* ASan's, while waiting */
};

RB_HEAD(pal_thread_tree, pal_thread);

/* pal_thread.c: the table of traced threads, keyed by thread ID. */
struct pal_thread* _DkThreadLookup(pid_t tid);
struct pal_thread* _DkThreadAdd(pid_t tid, enum pal_thread_state state);
void _DkThreadRemove(struct pal_thread* t);
void _DkThreadUnlink(struct pal_thread* t);
void _DkThreadRename(struct pal_thread* t, pid_t tid);

/* pal_streams.c: /proc/TID/fdinfo/FD of thread T into BUF, NUL-terminated
 * (SIZE bytes at most, SIZE - 1 read).  0, -EBADF when FD is not open, or
 * a negative errno. */
int _DkStreamReadFdinfo(PAL_HANDLE t, int fd, char* buf, size_t size);

/* pal_wait.c: the next wait status to serve, and its thread: fairly, in
 * rounds (0, or -errno: -ECHILD when no traced thread is left, -EINTR).
 * A status is never taken for a thread ptshim does not know: the first
 * stop of a new one is held (NEW) until its creator's event, the end of
 * one dropped at an execve is ignored.  Forget: T leaves the table. */
PAL_NODISCARD int _DkWaitNext(struct pal_thread** t, int* status);
void _DkWaitForget(struct pal_thread* t);

/* pal_stack.c, pal_symbols.c: stack traces.  The mappings they read are
 * read again after a change: _DkStackSyscallEntry, the one hook that looks
 * at the program's calls, sees each call's entry (EV, a system call
 * event) and watches for those that map or unmap memory; an execve's new
 * image is told to _DkStackMapsChanged at its PTRACE_EVENT_EXEC. */
void _DkStackSyscallEntry(const struct pal_event* ev);
void _DkStackMapsChanged(void);
void _DkStackThreadGone(struct pal_thread* t);
void _DkStackProcessGone(pid_t tgid);
struct pal_elf;
struct pal_elf* _DkElfGet(const char* path, dev_t dev, ino_t ino, pid_t tgid, PAL_NUM start,
                          PAL_NUM end);
const char* _DkElfPath(const struct pal_elf* e);
const char* _DkElfSymbol(const struct pal_elf* e, PAL_NUM off, PAL_NUM* sym_off);

/* pal_seccomp.c: the stop mechanism in use (DkSetSyscallStops), fixed once
 * the program runs.  The state a thread runs in after a system call: with
 * seccomp stops always RUNNING_SECCOMP; with SYSEMU, RUNNING_TRACE after a
 * call the host ran (the next is likely another), else RUNNING_EMU. */
extern bool _DkSeccompActive;
/* The program may have seccomp filters of its own (the shim said so,
 * DkThreadInstallsFilter): under SYSEMU stops no thread enters a call in
 * TRACE mode any more, since the kernel runs the filters after a
 * TRACE-mode entry stop, on the number the tracer left there, and a call
 * the shim answered and cancelled (number -1) could then be killed. */
extern bool _DkOwnFilters;
/* The data of ptshim's SECCOMP_RET_TRACE (the event message of its stops),
 * told from that of a program's own filter */
#define PAL_SECCOMP_DATA 0x5054
static inline enum pal_thread_state _DkRunningState(bool host_ran) {
    if (_DkSeccompActive)
        return PAL_THREAD_RUNNING_SECCOMP;
    return host_ran && !_DkOwnFilters ? PAL_THREAD_RUNNING_TRACE : PAL_THREAD_RUNNING_EMU;
}
/* In the child that becomes the program, before its execve: install the
 * filter if the mechanism asks for one.  Returns the mechanism it got
 * (PAL_STOPS_SECCOMP or PAL_STOPS_SYSEMU), or a negative errno when
 * seccomp stops were required and cannot be had. */
int _DkSeccompInstall(void);
/* In the tracer, once the program's execve is done: the mechanism the
 * child reported. */
void _DkSeccompStarted(int stops);

/* pal_placement.c: in the child that becomes the program, before its
 * execve: the CPUs it may run on, as DkSetPlacement decided.  0 or -errno.
 * Then for every thread: the first, a new one (as its creator: -ENOMEM),
 * one gone; with PAL_PLACE_AUTO, each resume and each system call stop;
 * and, when the PAL pins threads (_DkPlacementPins), the program's own
 * view of its affinity.  SET is a cpu_set_t. */
extern enum pal_placement _DkPlacement;
int _DkPlacementChild(void);
void _DkPlacementFirst(struct pal_thread* t);
PAL_NODISCARD int _DkPlacementClone(struct pal_thread* child, const struct pal_thread* creator);
void _DkPlacementGone(struct pal_thread* t);
void _DkPlacementResumed(struct pal_thread* t);
void _DkPlacementStopped(struct pal_thread* t);
bool _DkPlacementPins(void);
PAL_NODISCARD int _DkPlacementSetAffinity(struct pal_thread* t, const void* set);
const void* _DkPlacementAffinity(const struct pal_thread* t);

/* pal_events.c: at an execve's PTRACE_EVENT_EXEC stop, refuse (one
 * message; SIGKILL when EXIT_CODE < 0, else its first act is to exit with
 * EXIT_CODE) a new image that runs 32-bit code: 1 if refused, 0 if not,
 * or -errno. */
PAL_NODISCARD int _DkExecRefuseCompat(struct pal_thread* t, int exit_code);

/* pal_resume.c: resume a stopped thread as its state says. */
PAL_NODISCARD int _DkThreadContinue(struct pal_thread* t, int sig);

/* pal_context.c: the upcall on a thread's own context.  Start and Resume
 * run it until it returns or waits again, and return its negative return
 * value once it returned one, else 0.  Wait, called on the context, puts it
 * aside until Resume, and returns Resume's RESULT. */
PAL_NODISCARD int _DkContextStart(struct pal_thread* t);
PAL_NODISCARD int _DkContextResume(struct pal_thread* t, long result);
long _DkContextWait(struct pal_thread* t);
void _DkContextFree(struct pal_thread* t);

/* pal_hostcall.c: the stops of a host call the shim waits for.  The exit
 * stop (regs read) resumes the waiting context; a signal before the call
 * ran abandons it; the thread's end finishes it.  Each returns the
 * context's error, or 0. */
PAL_NODISCARD int _DkHostCallExit(struct pal_thread* t);
PAL_NODISCARD int _DkHostCallAbandon(struct pal_thread* t);
PAL_NODISCARD int _DkHostCallGone(struct pal_thread* t);

/* The options every traced thread has: all descendants traced, exec seen,
 * syscall stops told apart from SIGTRAP, and no thread survives the tracer. */
#define PAL_PTRACE_OPTIONS                                                        \
    (PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |           \
     PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |               \
     PTRACE_O_EXITKILL |                                                          \
     (_DkSeccompWanted ? PTRACE_O_TRACESECCOMP : 0))
/* Seccomp stops may be used: the program is seized with seccomp events on
 * (without them, a RET_TRACE is ENOSYS, as when no tracer is attached:
 * right for a program's own filter under SYSEMU stops). */
extern bool _DkSeccompWanted;

#endif /* PAL_HOST_H */

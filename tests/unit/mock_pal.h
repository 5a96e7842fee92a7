/*
 * mock_pal.h: a PAL made of in-memory fakes, so that the shim's
 * bookkeeping gets unit tests without a tracee (in the spirit of Gramine's
 * skeleton PAL).
 *
 * mock_pal.c implements every call of pal.h over fakes that a test sets up
 * and looks at: thread handles with their private slot, each process's
 * memory, its descriptor table as the host has it, each thread's
 * credentials, namespaces and CPUs.  The host calls (DkHostCall, and the
 * program's own call run by DkSyscallRunOnHost) answer from a script: the
 * test says which calls it expects, in order, and what the host answers;
 * any other call fails the test.  Like pal/, it knows nothing of the shim.
 *
 * mock_run.c drives the shim as src/tracer.c does (a system call stop, a
 * clone, an execve, an exit), through shim.h only; each of its helpers
 * plays the host's part of the event too (a fork copies the descriptor
 * table, an execve closes the close-on-exec descriptors).
 */
#ifndef MOCK_PAL_H
#define MOCK_PAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "pal.h"

/* Each process's memory: one range, MOCK_MEM_SIZE bytes from MOCK_MEM_BASE;
 * any other address faults.  The stack pointer of a system call is near
 * its top, MOCK_SP. */
#define MOCK_MEM_BASE 0x10000000UL
#define MOCK_MEM_SIZE (256 * 1024UL)
#define MOCK_MEM_END (MOCK_MEM_BASE + MOCK_MEM_SIZE)
#define MOCK_SP (MOCK_MEM_END - 4096)
/* an address that is never mapped */
#define MOCK_BAD_ADDR 1UL

/* The descriptors a fake host table holds: 0 to MOCK_NFDS - 1. */
#define MOCK_NFDS 256
/* CPUs, groups the fakes can hold */
#define MOCK_MAX_CPUS 1024
#define MOCK_MAX_GROUPS 128

/* The first process's ID (and its first thread's), and its parent's. */
#define MOCK_PID 100
#define MOCK_PPID 1

/* What the last MOCK_SYSCALL did, and what it cost. */
struct mock_outcome {
    long result;       /* what the program saw */
    int host_ops;      /* host calls, the program's own call included */
    bool on_host;      /* the program's own call ran on the host as made
                          (DkSyscallRunOnHost) */
    int stream_queries; /* DkStreamGetFlags and DkStreamGetName */
    int identity_reads; /* DkThreadGetIdentity */
};
extern struct mock_outcome g_mock;

/* One host call, as the PAL was asked to make it. */
struct mock_host_call {
    PAL_HANDLE thread;
    PAL_NUM sysno;
    PAL_NUM args[PAL_SYSCALL_ARGS];
    bool self; /* the program's own call, by DkSyscallRunOnHost */
};
/* The host calls since the last MOCK_SYSCALL began; NULL past the last. */
const struct mock_host_call* mock_host_call(int i);

/* ---- the script of host calls ---- */

enum mock_effect {
    MOCK_RAN,      /* the call ran and returned the result */
    MOCK_GONE,     /* the thread ended meanwhile: -ESRCH, DkThreadGone */
    MOCK_ABANDONED /* a signal came first: -ERESTARTNOINTR, nothing ran */
};

/* The next host call is SYSNO, in THREAD, and returns RESULT. */
void mock_expect(PAL_HANDLE thread, PAL_NUM sysno, long result);
void mock_expect_effect(PAL_HANDLE thread, PAL_NUM sysno, enum mock_effect effect);
/* The next host call, if there is one, is SYSNO, in THREAD, and returns
 * RESULT: for a test that learns from g_mock whether it was made. */
void mock_allow(PAL_HANDLE thread, PAL_NUM sysno, long result);
/* Every expected call was made: the script starts again. */
void mock_expect_done(void);

/* ---- the fakes ---- */

/* A thread of a new process (fork: MM and FILES copied from LIKE's; a
 * thread: shared), or of no process yet when LIKE is NULL.  The handle
 * lives until mock_thread_free(). */
#define MOCK_SHARE_VM 0x1
#define MOCK_SHARE_FILES 0x2
#define MOCK_THREAD 0x4 /* a thread of LIKE's process */
PAL_HANDLE mock_thread_new(pid_t tid, PAL_HANDLE like, unsigned int share);
void mock_thread_free(PAL_HANDLE thread);
/* A thread that is left, or NULL; the thread TID, or NULL. */
PAL_HANDLE mock_any_thread(void);
PAL_HANDLE mock_thread_lookup(pid_t tid);
pid_t mock_tid(PAL_HANDLE thread);
/* THREAD is TID now (a non-leader's execve gives it the leader's ID). */
void mock_thread_set_tid(PAL_HANDLE thread, pid_t tid);
/* THREAD stopped at the system call of EV: g_mock and the log of host
 * calls start again.  The event as the PAL keeps it, while the thread
 * lives. */
const struct pal_event* mock_set_call(PAL_HANDLE thread, const struct pal_event* ev);
/* g_mock's counts start again. */
void mock_reset_counts(void);
/* Drop every thread and fake that is left. */
void mock_pal_reset(void);

/* How the program's calls stop (DkSyscallStops): PAL_STOPS_SYSEMU unless
 * set. */
void mock_set_stops(enum pal_stops how);
/* The host's CPUs: NR_IDS (DkSystemCPUIds) and the bytes of its masks
 * (DkSystemCPUMaskSize). */
void mock_set_cpu_ids(PAL_NUM nr_ids, PAL_NUM mask_size);
/* THREAD's CPUs on the host (bit n of word n/64), and how many times the
 * shim set them. */
void mock_host_cpus(PAL_HANDLE thread, uint64_t* bits, int words);
int mock_cpu_sets(PAL_HANDLE thread);
/* Whether DkThreadStopEveryCall was called for THREAD. */
bool mock_stops_every_call(PAL_HANDLE thread);
/* Run the system call upcall the shim set (DkSetSyscallUpcall) for EV,
 * THREAD's call, as the PAL does at a system call stop: THREAD is
 * DkThreadCurrent() meanwhile.  The upcall's return value. */
int mock_upcall(PAL_HANDLE thread, const struct pal_event* ev);
/* How many times the shim told the PAL THREAD may install a filter of
 * the program's own (DkThreadInstallsFilter). */
int mock_installs_filter(PAL_HANDLE thread);

/* The memory of THREAD's process.  mock_alloc: SIZE zeroed bytes, 16-byte
 * aligned; mock_put: a copy of DATA there; mock_str: a string. */
PAL_NUM mock_alloc(PAL_HANDLE thread, size_t size);
PAL_NUM mock_put(PAL_HANDLE thread, const void* data, size_t size);
PAL_NUM mock_str(PAL_HANDLE thread, const char* s);
void mock_peek(PAL_HANDLE thread, PAL_NUM addr, void* buf, size_t size);
void mock_poke(PAL_HANDLE thread, PAL_NUM addr, const void* data, size_t size);

/* THREAD's descriptor FD as the host has it (its process's table):
 * open with F_GETFL's FLAGS, CLOEXEC and NAME; or closed.  With REFUSED,
 * the host refuses ptshim the table (a process that is not dumpable):
 * every query fails with -EACCES. */
void mock_host_fd(PAL_HANDLE thread, int fd, int flags, bool cloexec, const char* name);
void mock_host_fd_close(PAL_HANDLE thread, int fd);
void mock_host_fds_refused(PAL_HANDLE thread, bool refused);
/* The host's unshare of THREAD's descriptor table (unshare(CLONE_FILES),
 * close_range(CLOSE_RANGE_UNSHARE)): a copy of its own. */
void mock_host_unshare_fds(PAL_HANDLE thread);
/* The host's execve in THREAD's process: a table of its own, without the
 * close-on-exec descriptors. */
void mock_host_exec_fds(PAL_HANDLE thread);

/* THREAD's credentials (and NGROUPS supplementary GROUPS) as the host has
 * them; ERR: the host cannot say (DkThreadGetIdentity fails with it). */
void mock_host_identity(PAL_HANDLE thread, const struct pal_identity* id, const gid_t* groups,
                        int ngroups);
void mock_host_identity_error(PAL_HANDLE thread, int err);
/* THREAD's namespaces that are not ptshim's (PAL_NS_*), or ERR when the
 * host does not say (ERR 0: it does). */
void mock_host_namespaces(PAL_HANDLE thread, PAL_FLG foreign, int err);

/* How many messages DkLog was given (the shim tests g_pal_log_level
 * first), and the last one. */
int mock_log_count(void);
const char* mock_log_last(void);

#endif /* MOCK_PAL_H */

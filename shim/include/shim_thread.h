/*
 * shim_thread.h: the library OS's processes and threads.
 *
 * Each traced thread has a struct shim_thread, kept with its PAL handle
 * (DkThreadSetPrivate); threads of one process share a struct
 * shim_process.  Created when the PAL reports a fork, vfork or clone,
 * dropped when the PAL reports the thread gone.
 */
#ifndef SHIM_THREAD_H
#define SHIM_THREAD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>
#include <sys/tree.h>
#include <sys/types.h>

#include "pal.h"

struct shim_sighand;

struct shim_process {
    pid_t pid;
    /* The parent, while it lives; after, getppid() asks the host, which
     * knows where the orphan went.  The program's first process has none:
     * its parent is ptshim (ppid). */
    struct shim_process* parent;
    pid_t ppid;
    bool first; /* the program's first process */
    int nthreads;
    int nexiting; /* of them, those that passed the start of their exit */
    LIST_HEAD(, shim_thread) threads;
    /* its signal dispositions (shim_signal.h), or NULL when out of memory */
    struct shim_sighand* sighand;
    LIST_ENTRY(shim_process) list;
};

/* A set of CPUs, as many as the PAL can name */
struct shim_cpuset {
    uint64_t bits[PAL_MAX_CPUS / 64];
};

/* A thread's credentials as the host has them (the kernel's struct cred,
 * IDs as ptshim's user namespace names them): never changed once read,
 * shared by the threads that inherited them, replaced when they change.
 * bookkeep/shim_identity.c keeps them. */
struct shim_cred {
    int refs;
    uid_t uid, euid, suid, fsuid;
    gid_t gid, egid, sgid, fsgid;
    int ngroups;
    gid_t groups[]; /* ascending, as the kernel keeps them */
};

/* The kernel's "fs" state, shared by the threads and processes created
 * with CLONE_FS: the umask, and whether its root and cwd may be in a
 * mount namespace other than ptshim's. */
struct shim_fs {
    int refs;
    int umask; /* SHIM_UNKNOWN until read from the host */
    /* unshare(CLONE_NEWNS), setns or clone(CLONE_NEWNS) succeeded here or
     * in an ancestor: the host's name of the cwd, read by the tracer from
     * its own mount namespace, may not be the thread's (an fchdir to a
     * directory opened before the unshare is "(unreachable)" to it) */
    bool foreign_mnt;
};

/* A umask the shim has not read from the host yet (or could not) */
#define SHIM_UNKNOWN (-1)

#define SHIM_KNOWN_CRED        0x1
#define SHIM_KNOWN_PERSONALITY 0x2
#define SHIM_KNOWN_NS          0x4

struct shim_thread {
    pid_t tid;
    PAL_HANDLE pal;
    struct shim_process* proc;
    LIST_ENTRY(shim_thread) siblings; /* in proc->threads */
    RB_ENTRY(shim_thread) by_tid;
    struct shim_fd_table* files; /* shared by CLONE_FILES */
    struct shim_cpuset cpus; /* where it may run, as the program sees it */
    /* Identity (bookkeep/shim_identity.c), read from the host when first
     * needed and forgotten when the host may have changed it: */
    unsigned int known;       /* SHIM_KNOWN_*: which of these hold */
    struct shim_cred* cred;   /* NULL: the host could not say */
    long personality;         /* negative: the host could not say */
    PAL_FLG foreign_ns;       /* PAL_NS_* that are not ptshim's */
    struct shim_fs* fs;       /* NULL until first needed */
    /* its seccomp mode and filters (shim_seccomp.h), as the kernel's */
    int seccomp_mode;
    struct shim_seccomp_filter* seccomp;
    /* the system call being answered */
    PAL_NUM sysno;
    const PAL_NUM* args;
    PAL_NUM sp;              /* the stack pointer at the call */
    /* under a view: the call's arguments with its paths translated (host
     * paths below its stack), when VIEW_CHANGED; ARGS then points here */
    PAL_NUM view_args[PAL_SYSCALL_ARGS];
    bool view_changed;
    /* the program's seccomp filters judge the call when the host runs it:
     * the view translates it, the shim answers nothing itself */
    bool view_filtered;
    /* A fork, vfork, clone or clone3 in progress: its flags as the shim
     * checked them at the call's entry (sys/shim_clone.c), for the child's
     * bookkeeping when the PAL reports it.  By then the program may have
     * run on and reused the memory that held them.  SHIM_CLONE_UNKNOWN
     * when the shim did not see them (the host answered the call). */
    uint64_t clone_flags;
    unsigned int host_calls; /* the host calls it made so far */
    /* the ptshim program waits for its result (a trace): the host's run
     * of it stops at its exit whoever asks (shim_host_result_free) */
    bool result_wanted;
    /* its shim_do_ handed it to the host as made (shim_pass_to_host) */
    bool to_host;
    /* its shim_do_ ran it on the host as made (shim_host_call_self) */
    bool ran_as_made;
    /* a copy from or to its memory failed because the host refuses ptshim
     * that memory (shim_user.c), not because of the program's pointer */
    bool no_access;
    bool exiting; /* it passed the start of its exit (PAL_EVENT_EXITING) */
    /* -e inject=: strace's counts of the calls each rule's when= has still
     * to see, per number (made at the first call a rule names), and what
     * was done to the call in progress (SHIM_TAMPERED_*) */
    uint16_t (*inject_when)[2];
    unsigned tampered;
};

/* No clone flag set has every bit: clone3 knows 34 of them */
#define SHIM_CLONE_UNKNOWN UINT64_MAX

/* The thread of a PAL handle, or NULL when the shim has none (a thread it
 * could not record). */
static inline struct shim_thread* shim_thread_of(PAL_HANDLE pal) {
    return (struct shim_thread*)DkThreadGetPrivate(pal, PAL_THREAD_SLOT_LIBOS);
}

/* The thread whose system call the shim answers: the one whose context
 * the PAL runs (only a recorded thread's calls reach a shim_do_). */
static inline struct shim_thread* shim_cur_thread(void) {
    return shim_thread_of(DkThreadCurrent());
}

/* A new thread TID in PROC, or (PROC NULL) the first thread of a new
 * process whose parent is PARENT.  NULL when out of memory. */
struct shim_thread* shim_thread_new(PAL_HANDLE pal, pid_t tid, struct shim_process* proc,
                                    struct shim_process* parent);
void shim_thread_free(struct shim_thread* t);

/* The traced thread TID, or NULL. */
struct shim_thread* shim_thread_lookup(pid_t tid);
/* TID changed (a non-leader's execve took the leader's ID). */
void shim_thread_set_tid(struct shim_thread* t, pid_t tid);
/* Whether PROC has a child process the shim knows of. */
bool shim_process_has_children(const struct shim_process* proc);

/* T's process completed an execve: its bookkeeping as the kernel leaves
 * it (sys/shim_exec.c). */
void shim_exec_completed(struct shim_thread* t);

#endif /* SHIM_THREAD_H */

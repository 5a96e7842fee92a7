/*
 * shim_events.c: the bookkeeping kept in step with the host as the PAL
 * reports threads created, execve completed and threads gone.
 */
#include "config.h"

#include <errno.h>
#include <linux/sched.h>

#include "pal_log.h"
#include "shim.h"
#include "shim_handle.h"
#include "shim_identity.h"
#include "shim_internal.h"
#include "shim_seccomp.h"
#include "shim_signal.h"
#include "shim_thread.h"

/* The clone flags of the call in which CREATOR is, that made CHILD: those
 * the shim checked at the call's entry.  The creator ran on before the PAL
 * reported the child, so its memory is never read again here: glibc
 * reuses the struct clone_args of pthread_create at once. */
static uint64_t creator_clone_flags(const struct shim_thread* creator, PAL_HANDLE child) {
    if (creator->clone_flags != SHIM_CLONE_UNKNOWN)
        return creator->clone_flags;
    /* The host answered the call without the shim: the program's own
     * seccomp filter had it run there, or the host refuses ptshim the
     * memory of a process that is not dumpable.  The registers were
     * copied at the entry. */
    switch (creator->sysno) {
    case PTSHIM_NR_clone:
        /* the kernel reads 32 bits, the low byte the exit signal */
        return (uint32_t)creator->args[0] & ~(uint64_t)CSIGNAL;
    case PTSHIM_NR_clone3:
        /* A thread at least is told from a process by its process ID
         * (pthread_create uses clone3).  The flags a thread needs: */
        if (DkThreadGetProcessId(child) == creator->proc->pid)
            return CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
        return 0;
    case PTSHIM_NR_vfork:
        return CLONE_VM | CLONE_VFORK;
    default: /* fork */
        return 0;
    }
}

int shim_on_clone(const struct pal_event* ev) {
    struct shim_thread* creator = shim_thread_of(ev->thread);
    struct shim_thread* child;
    struct shim_process* parent;
    uint64_t flags;

    if (!creator)
        return 0; /* unrecorded: its children stay unrecorded too */
    flags = creator_clone_flags(creator, ev->child);
    if (flags & CLONE_THREAD) {
        child = shim_thread_new(ev->child, ev->child_tid, creator->proc, NULL);
    } else {
        parent = flags & CLONE_PARENT ? creator->proc->parent : creator->proc;
        child = shim_thread_new(ev->child, ev->child_tid, NULL, parent);
        if (child && (flags & CLONE_PARENT) && !parent)
            child->proc->ppid = creator->proc->ppid;
        if (child)
            shim_sighand_clone(child->proc, creator, flags);
    }
    if (!child) {
        log_error("out of memory for thread %d: the host answers its calls", ev->child_tid);
        return 0;
    }
    /* as the kernel copies them from the creating thread */
    child->cpus = creator->cpus;
    shim_identity_clone(child, creator, flags);
    shim_seccomp_clone(child, creator);
    if (flags & CLONE_FILES) {
        child->files = creator->files;
        child->files->refcount++;
    } else {
        child->files = shim_fd_table_copy(creator->files);
        if (!child->files) {
            log_error("out of memory for thread %d: the host answers its calls",
                      ev->child_tid);
            shim_thread_free(child);
            return 0;
        }
    }
    return 0;
}

int shim_on_exec(const struct pal_event* ev) {
    struct shim_thread* t = shim_thread_of(ev->thread);

    if (!t)
        return 0;
    /* a non-leader that exec'd took the leader's ID */
    if (t->tid != ev->tid)
        shim_thread_set_tid(t, ev->tid);
    /* the kernel unshares the table, then closes the close-on-exec
     * descriptors; a table the shim cannot follow it in ends the tracer */
    if (shim_fd_table_unshare(t) < 0)
        return -ENOMEM;
    shim_fd_table_exec(t->files);
    shim_identity_exec(t);
    shim_exec_completed(t);
    return 0;
}

void shim_on_exiting(const struct pal_event* ev, struct shim_exiting* x) {
    struct shim_thread* t = shim_thread_of(ev->thread);
    struct shim_thread* leader;
    struct shim_process* proc;

    *x = (struct shim_exiting){0};
    if (!t || t->exiting)
        return;
    proc = t->proc;
    t->exiting = true;
    proc->nexiting++;
    x->pid = proc->pid;
    x->leader = t->tid == proc->pid;
    x->last = proc->nexiting == proc->nthreads;
    if (x->last && !x->leader) {
        leader = shim_thread_lookup(proc->pid);
        if (leader && leader->proc == proc && leader->exiting)
            x->early_leader = leader->pal;
    }
}

void shim_on_exit(const struct pal_event* ev) {
    struct shim_thread* t = shim_thread_of(ev->thread);

    if (t)
        shim_thread_free(t);
}

/*
 * shim_signal.h: each process's signal dispositions, as the shim records
 * them.
 *
 * The host kernel delivers signals; the shim keeps a record of what the
 * program asked for with rt_sigaction(2), kept in step as the kernel keeps
 * its own: shared by the processes CLONE_SIGHAND made (the threads of a
 * process share their process's), copied by fork, reset by execve and
 * CLONE_CLEAR_SIGHAND.  The record is not yet the authority: nothing is
 * answered from it.  Its limits: the dispositions a process starts with
 * (SIG_DFL or SIG_IGN, through ptshim's own execve) are unknown until the
 * program sets them, and the delivery of an SA_RESETHAND handler resets
 * the host's disposition unseen.  With -d, rt_sigaction compares the old
 * action the host reports with the record and says when they differ.
 */
#ifndef SHIM_SIGNAL_H
#define SHIM_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

struct shim_process;
struct shim_thread;

/* The signals of x86-64: 1 to 64. */
#define SHIM_NSIG 64

/* One signal's action, laid out as the kernel's struct sigaction (what
 * rt_sigaction copies): flags as the kernel keeps them, the mask without
 * SIGKILL and SIGSTOP. */
struct shim_sigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t restorer;
    uint64_t mask;
};

struct shim_sighand {
    int refcount;
    uint64_t known; /* bit SIG-1: action[SIG-1] is what the host has */
    struct shim_sigaction action[SHIM_NSIG];
};

/* A record with every disposition unknown, or NULL when out of memory. */
struct shim_sighand* shim_sighand_new(void);
void shim_sighand_put(struct shim_sighand* sh);

/* The program set SIG's action to ACT (as it passed it). */
void shim_sighand_set(struct shim_sighand* sh, int sig, const struct shim_sigaction* act);

/* CHILD, a new process that CREATOR made with clone FLAGS, takes its
 * record: CREATOR's own with CLONE_SIGHAND, else a copy. */
void shim_sighand_clone(struct shim_process* child, const struct shim_thread* creator,
                        uint64_t flags);

/* PROC completed an execve: its own record (no longer shared), with each
 * handler reset to SIG_DFL. */
void shim_sighand_exec(struct shim_process* proc);

#endif /* SHIM_SIGNAL_H */

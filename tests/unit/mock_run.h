/*
 * mock_run.h: the shim driven over the mock PAL (mock_pal.h) as the ptshim
 * program drives it over the real one: system call stops, clones, execves
 * and exits.  Each helper plays the host's part too, as mock_pal.h's
 * fakes have it, and checks that the script of host calls was followed.
 */
#ifndef MOCK_RUN_H
#define MOCK_RUN_H

#include <stdint.h>

#include "mock_pal.h"
#include "shim.h"
#include "syscall_defs.h"

/* The program's first thread, MOCK_PID, its parent MOCK_PPID, given to
 * shim_init with OPTS (NULL: no options). */
PAL_HANDLE mock_start(const struct shim_options* opts);

/* THREAD makes system call EV (its sysno, args and flags; thread, tid and
 * sp are filled in): the result the program sees; g_mock says what it
 * cost.  Every host call the script expected must have been made. */
long mock_syscall_ev(PAL_HANDLE thread, struct pal_event* ev);
#define MOCK_SYSCALL(thread, nr, ...)                                     \
    mock_syscall_ev((thread), &(struct pal_event){.sysno = PTSHIM_NR_##nr, \
                                                  .args = {__VA_ARGS__}})

/* THREAD creates CHILD_TID with clone FLAGS (clone3 for flags beyond 32
 * bits; SIGCHLD as the exit signal of a new process): the call, checked by
 * the shim and made by the host, then the PAL's clone event.  The child's
 * handle. */
PAL_HANDLE mock_clone(PAL_HANDLE thread, uint64_t flags, pid_t child_tid);
/* THREAD completes an execve.  Its process has no other thread but the
 * leader, which THREAD replaces (its PAL_EVENT_EXIT, superseded, first). */
void mock_exec(PAL_HANDLE thread);
/* THREAD exits and is gone. */
void mock_exit(PAL_HANDLE thread);
/* Every thread exits; the script must be done.  A test's teardown. */
void mock_end(void);

#endif /* MOCK_RUN_H */

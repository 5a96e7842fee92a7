/*
 * shim-proc.h: what the shim-proc programs share (shim-proc-lib.c).  Each
 * program is a family of the calls of processes, memory, signals and time
 * that the shim checks before the host runs them
 * (shim/src/sys/shim_clone.c, shim_exec.c, shim_exit.c, shim_wait.c,
 * shim_signal.c, shim_mmap.c, shim_tls.c, shim_futex.c, shim_sleep.c):
 * each succeeds and fails as natively, error by error and in the kernel's
 * order.  Raw system calls, so that libc neither checks nor hides
 * anything.  tests/integration/shim-proc.test runs each natively and
 * under ptshim.
 *
 * Values that differ from run to run (IDs, addresses, times) print as
 * relations.
 */
#ifndef SHIM_PROC_H
#define SHIM_PROC_H

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

#define BAD ((void*)1)
#define PAGE 4096UL

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif
#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

/* the argv of a program that runs itself again: after_exec() */
extern char g_arg0[], g_arg1[], g_x[];

/* the kernel's struct sigaction, as rt_sigaction takes it */
struct ksigaction {
    uintptr_t handler;
    unsigned long flags;
    uintptr_t restorer;
    uint64_t mask;
};

extern char* g_noaccess; /* a page that cannot be read or written */

/* Make CALL, a raw system call, and print what it returned (print_rc). */
#define T(what, call)              \
    do {                           \
        long r_;                   \
        errno = 0;                 \
        r_ = (long)(call);         \
        print_rc((what), r_);      \
    } while (0)

/* Set up what the programs share. */
void shim_proc_setup(void);
/* "== NAME": the section that follows. */
void section(const char* name);
/* Reap PID and print how it ended. */
void reap(const char* what, pid_t pid);
void msleep(long ms);
/* CLOCK_MONOTONIC's time, in seconds. */
double now(void);

/* the signals on_signal() caught */
extern volatile sig_atomic_t g_hits;
void on_signal(int sig);
/* SIG's action: FN, with FLAGS. */
void handle(int sig, void (*fn)(int), int flags);
/* SIG's disposition: "SIG_DFL", "SIG_IGN", "on_signal", "another handler". */
const char* disposition(int sig);
/* The program run again by its execve tests ("after-exec"): print the
 * dispositions it inherited. */
int after_exec(void);

#endif /* SHIM_PROC_H */

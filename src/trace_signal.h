/*
 * trace_signal.h: the siginfo of a signal line, as strace prints it.
 */
#ifndef TRACE_SIGNAL_H
#define TRACE_SIGNAL_H

#include <signal.h>

#include "trace.h"

/* {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=...} of EV's signal. */
void trace_print_siginfo(struct tcb* t, const struct pal_event* ev);
/* The same for a siginfo already copied from the tracee. */
void print_siginfo(struct tcb* t, const siginfo_t* si);

#endif /* TRACE_SIGNAL_H */

/*
 * signals.h: ptshim's own signal dispositions.
 */
#ifndef SIGNALS_H
#define SIGNALS_H

#include <signal.h>

typedef void (*signal_handler_t)(int sig, siginfo_t* info, void* ctx);

/* Catch SIG with HANDLER unless ptshim was started with SIG ignored.
 *
 * ptshim never sets SIG_IGN itself: an ignored signal stays ignored across
 * execve, a caught one is reset to the default, so the program starts with
 * exactly the dispositions ptshim's caller gave it.  Returns 0 or -errno. */
int signal_catch(int sig, signal_handler_t handler);
/* The same, with the calls the handler interrupts restarted (SA_RESTART):
 * for a process that must not see EINTR (the tracer, writing the trace). */
int signal_catch_restart(int sig, signal_handler_t handler);

/* Die of SIG, as the program did: default disposition, unblocked, raised.
 * Never with a core dump: the program made its own. */
void __attribute__((noreturn)) signal_die_like(int sig);

#endif /* SIGNALS_H */

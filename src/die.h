/*
 * die.h: ptshim's own fatal errors, one way out for all of them.
 *
 * die(FMT, ...) says "ptshim: MESSAGE" on stderr, as log_error does (with
 * the file and line at debug level), and exits with 125, ptshim's own
 * failure.  Before the program runs, that is all there is to it.  In the
 * tracer, once the program runs, ptshim's exit ends the program too:
 * PTRACE_O_EXITKILL has the kernel kill every traced process with
 * SIGKILL, so that none runs on untraced, and the program's caller sees it
 * killed.
 */
#ifndef DIE_H
#define DIE_H

#include "pal_log.h"

#define die(...) die_at(PAL_LOG_FILE, __LINE__, __func__, __VA_ARGS__)

void __attribute__((noreturn, format(printf, 4, 5)))
die_at(const char* file, int line, const char* func, const char* fmt, ...);

#endif /* DIE_H */

/*
 * trace_json.h: --json, one JSON object per line for each system call and
 * each event, so that programs can read a trace without parsing text.
 */
#ifndef TRACE_JSON_H
#define TRACE_JSON_H

#include <stdio.h>

#include "trace.h"

/* LEN bytes of S as a JSON string: quoted, bytes outside printable ASCII
 * as \u00XX (the one escaper of every JSON ptshim writes). */
void trace_json_string(FILE* f, const char* s, size_t len);

/* T's call, decoded into its line with argument spans; UNFINISHED when the
 * thread ended inside it. */
void trace_json_syscall(struct tcb* t, bool unfinished);
/* Read the values of T's arguments now, at the call's entry, for its
 * line at exit (execve: the memory they are in is gone by then). */
void trace_json_save_values(struct tcb* t);
/* An event line: TYPE "signal" (T's line holds the siginfo text) or
 * "exit"/"killed" with the wait status. */
void trace_json_signal(struct tcb* t, int sig);
void trace_json_exit(struct tcb* t, int status);

#endif /* TRACE_JSON_H */

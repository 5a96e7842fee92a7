/*
 * trace_summary.h: -c and -C, the table of calls, errors and time per
 * system call.
 */
#ifndef TRACE_SUMMARY_H
#define TRACE_SUMMARY_H

#include "trace.h"

/* Count T's call, which has just returned. */
void trace_summary_count(const struct tcb* t);
void trace_summary_print(FILE* out);

#endif /* TRACE_SUMMARY_H */

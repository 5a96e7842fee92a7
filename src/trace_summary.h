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
/* --json: the same as one object,
 *   {"type":"summary","syscalls":[{"name":"read","nr":0,"calls":3,
 *    "errors":0,"seconds":0.000012},...],
 *    "total":{"calls":3,"errors":0,"seconds":0.000012}}
 * in the table's order, most time first. */
void trace_summary_print_json(FILE* out);

#endif /* TRACE_SUMMARY_H */

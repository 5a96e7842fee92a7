/*
 * syscall_report.h: --report FILE: every system call the program made, how
 * often, and which layer answered it: what a library OS would need to
 * implement to run the program.
 */
#ifndef SYSCALL_REPORT_H
#define SYSCALL_REPORT_H

#include <stdbool.h>

#include "pal.h"
#include "shim.h"

/* The names of the layers, as the trace and the report print them. */
extern const char* const g_layer_names[SHIM_NLAYERS];

/* Count a call of SYSNO answered by LAYER (cheap: an array increment). */
void syscall_report_count(PAL_NUM sysno, enum shim_layer layer);

/* Write the table (JSON with AS_JSON) to PATH.  0, or a negative errno. */
int syscall_report_write(const char* path, bool as_json, char* const argv[]);

#endif /* SYSCALL_REPORT_H */

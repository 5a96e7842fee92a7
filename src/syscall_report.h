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

/* Open PATH for the table, at start: a descriptor (close-on-exec), or a
 * negative errno.  /dev/stdout, /dev/stderr and /dev/fd/N are the
 * caller's streams themselves. */
int syscall_report_open(const char* path);
/* Write the table (JSON with AS_JSON) to FD, and close it.  0, or a
 * negative errno. */
int syscall_report_write(int fd, bool as_json, char* const argv[]);

#endif /* SYSCALL_REPORT_H */

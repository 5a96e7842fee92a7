/*
 * tracer.h: the tracer process: starts the program and serves every stop
 * of every thread of it until none is left.
 */
#ifndef TRACER_H
#define TRACER_H

#include "options.h"

/* Run in the tracer process; REPORT_FD is the pipe to the front process.
 * Never returns. */
void __attribute__((noreturn)) tracer_main(const struct options* opts, int report_fd);

#endif /* TRACER_H */

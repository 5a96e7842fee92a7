/*
 * tracer.h: start the program traced, and serve every stop of every
 * thread of it until none is left.
 */
#ifndef TRACER_H
#define TRACER_H

#include "options.h"

/* Never returns.  The calling process becomes the program (or exits with
 * 125, 126 or 127 when it cannot start); the tracer, a new process, serves
 * it and its descendants until none is left. */
void __attribute__((noreturn)) tracer_main(const struct options* opts);

#endif /* TRACER_H */

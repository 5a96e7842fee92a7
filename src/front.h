/*
 * front.h: the front process, the one ptshim's caller started and waits
 * for.  It forks the tracer and ends as the program ends.
 */
#ifndef FRONT_H
#define FRONT_H

#include "options.h"

/* Never returns: exits with the program's status or dies of its signal. */
void __attribute__((noreturn)) front_main(const struct options* opts);

#endif /* FRONT_H */

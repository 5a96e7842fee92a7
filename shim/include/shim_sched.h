/*
 * shim_sched.h: the program's CPUs (sys/shim_sched.c).
 */
#ifndef SHIM_SCHED_H
#define SHIM_SCHED_H

#include <stdint.h>

#include "shim_thread.h"

/* The program's world of CPUs: CPUS (WORDS 64-bit words, from --cpus), or
 * NULL for the host's; FIRST, the program's first thread, is confined to
 * it.  0, or a negative errno. */
int shim_sched_init(struct shim_thread* first, const uint64_t* cpus, int words);

#endif /* SHIM_SCHED_H */

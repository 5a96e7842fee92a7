/*
 * shim_sched.h: the program's CPUs (sys/shim_sched.c).
 */
#ifndef SHIM_SCHED_H
#define SHIM_SCHED_H

#include <stdint.h>

#include "shim_thread.h"

/* The program's world of CPUs: CPUS (WORDS 64-bit words, from --cpus), or
 * NULL for the host's; FIRST, the program's first thread, is confined to
 * it, on the host too unless HOST_PINNED (the host keeps the program on
 * one CPU of the world, and the sets are the program's view only).  0, or
 * a negative errno. */
int shim_sched_init(struct shim_thread* first, const uint64_t* cpus, int words,
                    bool host_pinned);

#endif /* SHIM_SCHED_H */

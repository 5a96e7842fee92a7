/*
 * inject.h: strace's -e inject= and -e fault= (inject.c).
 */
#ifndef INJECT_H
#define INJECT_H

#include <stdbool.h>

#include "shim_inject.h"

/* Add the rule of one -e inject=SPEC (FAULT false) or -e fault=SPEC;
 * a malformed SPEC ends ptshim with strace's message. */
void inject_qualify(const char* spec, bool fault);

/* The rules, once the command line is read, for the calls the trace
 * follows (TRACED, by number): NULL when none is left. */
const struct shim_inject* inject_compile(const bool* traced);

#endif /* INJECT_H */

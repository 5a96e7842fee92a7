/*
 * options.h: the command line.
 */
#ifndef OPTIONS_H
#define OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

/* Exit statuses of ptshim's own, after env(1) and timeout(1). */
#define EXIT_PTSHIM_FAILURE 125 /* ptshim failed, or bad usage */
#define EXIT_CANNOT_EXECUTE 126 /* PROGRAM found but could not be run */
#define EXIT_NOT_FOUND      127 /* PROGRAM not found */

#include "shim.h"
#include "trace.h"
#include "trace_output.h"

struct options {
    int log_level;
    char** argv; /* PROGRAM [ARGS...], NULL-terminated */
    const char* trace_file; /* -o, or NULL for stderr */
    const char* report_file; /* --report */
    struct trace_options trace;
    struct trace_output_options out;
    struct shim_options shim;
    uint64_t cpus[PAL_MAX_CPUS / 64]; /* --cpus, for shim.cpus */
    enum pal_placement placement; /* --placement */
    enum pal_stops stops; /* --sysemu, --seccomp-bpf */
    bool seccomp_bpf;     /* --seccomp-bpf: calls no one needs do not stop */
};

/* Parse the command line into OPTS; prints --help/--version and exits, or
 * prints a usage error and exits with EXIT_PTSHIM_FAILURE. */
void options_parse(int argc, char** argv, struct options* opts);

#endif /* OPTIONS_H */

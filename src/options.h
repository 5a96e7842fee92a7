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

/* -b: at most this many binds (with -R's) */
#define MAX_BINDS 64

/* -r, -b, -w, -R: the file-system view, as given (src/view.c sets it up) */
struct view_options {
    const char* root;      /* -r, -R: NULL for the host's */
    bool rootfs_binds;     /* -R: the binds a root file system needs */
    const char* workdir;   /* -w: a guest path, NULL for the default */
    const char* binds[MAX_BINDS]; /* -b HOST[:GUEST], as given */
    int nbinds;
};

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
    struct view_options view;
};

/* Parse the command line into OPTS; prints --help/--version and exits, or
 * prints a usage error and exits with EXIT_PTSHIM_FAILURE. */
void options_parse(int argc, char** argv, struct options* opts);

#endif /* OPTIONS_H */

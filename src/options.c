/*
 * options.c: the command line, one table for parsing and for --help.
 *
 * Options follow strace's letters where strace has the same thing, so that
 * users' habits carry over; ptshim's own features get long options.  The
 * table is the single list: --help prints it, and a test keeps it and
 * ptshim(1) in step.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "pal.h"

struct option_doc {
    struct option opt;
    int short_name;
    const char* arg_name;
    const char* help;
};

static const struct option_doc g_option_docs[] = {
    {{"debug", no_argument, NULL, 'd'}, 'd', NULL,
     "ptshim's own debugging messages on stderr; twice: also each system call"},
    {{"help", no_argument, NULL, 'h'}, 'h', NULL, "print this help and exit"},
    {{"version", no_argument, NULL, 'V'}, 'V', NULL, "print the version and exit"},
};

#define N_OPTIONS (sizeof(g_option_docs) / sizeof(g_option_docs[0]))

static void usage(FILE* out) {
    fprintf(out,
            "Usage: ptshim [OPTIONS] [--] PROGRAM [ARGS...]\n"
            "Run PROGRAM, and every process and thread it starts, on the ptshim\n"
            "library OS: each system call stops in a ptrace tracer and is answered\n"
            "there or run on the host.\n"
            "\n"
            "Options:\n");
    for (size_t i = 0; i < N_OPTIONS; i++) {
        const struct option_doc* d = &g_option_docs[i];
        char spec[64];

        if (d->short_name)
            snprintf(spec, sizeof(spec), "-%c, --%s%s%s", d->short_name, d->opt.name,
                     d->arg_name ? "=" : "", d->arg_name ? d->arg_name : "");
        else
            snprintf(spec, sizeof(spec), "    --%s%s%s", d->opt.name, d->arg_name ? "=" : "",
                     d->arg_name ? d->arg_name : "");
        fprintf(out, "  %-22s %s\n", spec, d->help);
    }
    fprintf(out,
            "\n"
            "Exit status: PROGRAM's own (if PROGRAM is killed by a signal, ptshim\n"
            "kills itself with the same signal); 125 if ptshim fails or the command\n"
            "line is wrong, 126 if PROGRAM cannot be executed, 127 if it is not found.\n"
            "See ptshim(1).\n");
}

static void __attribute__((noreturn, format(printf, 1, 2))) usage_error(const char* fmt, ...) {
    va_list ap;

    fputs("ptshim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'ptshim --help' for more information.\n", stderr);
    exit(EXIT_PTSHIM_FAILURE);
}

void options_parse(int argc, char** argv, struct options* opts) {
    struct option long_opts[N_OPTIONS + 1];
    char short_opts[2 * N_OPTIONS + 2] = "+";
    size_t n = 1;
    int c;

    memset(opts, 0, sizeof(*opts));
    opts->log_level = PAL_LOG_ERROR;
    for (size_t i = 0; i < N_OPTIONS; i++) {
        long_opts[i] = g_option_docs[i].opt;
        if (g_option_docs[i].short_name) {
            short_opts[n++] = (char)g_option_docs[i].short_name;
            if (g_option_docs[i].opt.has_arg == required_argument)
                short_opts[n++] = ':';
        }
    }
    short_opts[n] = '\0';
    memset(&long_opts[N_OPTIONS], 0, sizeof(long_opts[N_OPTIONS]));

    opterr = 0;
    while ((c = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (opts->log_level < PAL_LOG_TRACE)
                opts->log_level = opts->log_level < PAL_LOG_DEBUG ? PAL_LOG_DEBUG
                                                                  : opts->log_level + 1;
            break;
        case 'h':
            usage(stdout);
            exit(fflush(stdout) == 0 ? EXIT_SUCCESS : EXIT_PTSHIM_FAILURE);
        case 'V':
            printf("ptshim %s\n", PACKAGE_VERSION);
            exit(fflush(stdout) == 0 ? EXIT_SUCCESS : EXIT_PTSHIM_FAILURE);
        case '?':
        default:
            if (optopt && optopt != '?')
                usage_error("invalid option -- '%c'", optopt);
            usage_error("unrecognized option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        usage_error("missing PROGRAM to run");
    opts->argv = &argv[optind];
}

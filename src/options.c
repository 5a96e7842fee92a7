/*
 * options.c: the command line, one table for parsing and for --help.
 *
 * Options follow strace's letters where strace has the same thing, so that
 * users' habits carry over; ptshim's own features get long options.  The
 * table is the single list: --help prints it, and a test keeps it and
 * ptshim(1) in step.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "decode.h"
#include "pal.h"

struct option_doc {
    struct option opt;
    int short_name;
    const char* arg_name;
    const char* help;
};

enum {
    OPT_JSON = 256,
    OPT_STRICT,
    OPT_CPUS,
    OPT_REPORT,
    OPT_SHOW_LAYER,
    OPT_SECCOMP_BPF,
    OPT_SYSEMU,
    OPT_PLACEMENT,
    OPT_OUTPUT_SEPARATELY,
};

static const struct option_doc g_option_docs[] = {
    {{"cpus", required_argument, NULL, OPT_CPUS}, 0, "LIST",
     "the program sees and runs on these CPUs only (e.g. 0 or 0-1,3)"},
    {{"columns", required_argument, NULL, 'a'}, 'a', "COLUMN",
     "trace: align results at COLUMN (default 40)"},
    {{"summary-only", no_argument, NULL, 'c'}, 'c', NULL,
     "count calls, errors and time per system call; print a table at the end"},
    {{"summary", no_argument, NULL, 'C'}, 'C', NULL, "like -c, and print the trace too"},
    {{"debug", no_argument, NULL, 'd'}, 'd', NULL,
     "ptshim's own debugging messages on stderr; twice: also each system call"},
    {{"expr", required_argument, NULL, 'e'}, 'e', "EXPR",
     "trace= signal= status= filters, as in strace (e.g. -e trace=%file)"},
    {{"follow-forks", no_argument, NULL, 'f'}, 'f', NULL,
     "trace every process and thread (ptshim always follows them all); -ff: as "
     "--output-separately"},
    {{"help", no_argument, NULL, 'h'}, 'h', NULL, "print this help and exit"},
    {{"json", no_argument, NULL, OPT_JSON}, 0, NULL,
     "trace as JSON: one object per line for each call and event; --report as JSON"},
    {{"stack-trace", no_argument, NULL, 'k'}, 'k', NULL,
     "trace: the program's stack after each call (libunwind)"},
    {{"output", required_argument, NULL, 'o'}, 'o', "FILE", "write the trace to FILE, not stderr"},
    {{"output-separately", no_argument, NULL, OPT_OUTPUT_SEPARATELY}, 0, NULL,
     "with -o FILE: each thread's trace in FILE.TID"},
    {{"report", required_argument, NULL, OPT_REPORT}, 0, "FILE",
     "at exit, write each system call's count and the layer that answered it"},
    {{"seccomp-bpf", no_argument, NULL, OPT_SECCOMP_BPF}, 0, NULL,
     "calls that neither the shim nor the trace needs run without a stop (seccomp stops)"},
    {{"show-layer", no_argument, NULL, OPT_SHOW_LAYER}, 0, NULL,
     "trace: end each call's line with [shim], [host] or [enosys]"},
    {{"strict", no_argument, NULL, OPT_STRICT}, 0, NULL,
     "calls the shim does not implement fail with ENOSYS, reported once each"},
    {{"placement", required_argument, NULL, OPT_PLACEMENT}, 0, "POLICY",
     "where the tracer and the program run: auto (default), together, tracer, free"},
    {{"quiet", no_argument, NULL, 'q'}, 'q', NULL,
     "trace: twice, no \"+++ exited\" lines; three times, no \"+++ superseded\" either"},
    {{"string-limit", required_argument, NULL, 's'}, 's', "SIZE",
     "trace: print at most SIZE bytes of each string (default 32)"},
    {{"absolute-timestamps", no_argument, NULL, 't'}, 't', NULL,
     "trace: time of day on each line; -tt with microseconds, -ttt since the epoch"},
    {{"syscall-times", no_argument, NULL, 'T'}, 'T', NULL, "trace: time spent in each call"},
    {{"sysemu", no_argument, NULL, OPT_SYSEMU}, 0, NULL,
     "stop system calls with PTRACE_SYSEMU only, no seccomp filter in the program"},
    {{"version", no_argument, NULL, 'V'}, 'V', NULL, "print the version and exit"},
    {{"decode-fds", no_argument, NULL, 'y'}, 'y', NULL, "trace: print the path of each file descriptor"},
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

static long number_arg(const char* opt, const char* arg, long min, long max) {
    char* end;
    long v;

    errno = 0;
    v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < min || v > max)
        usage_error("%s: '%s' is not a number from %ld to %ld", opt, arg, min, max);
    return v;
}

/* --cpus LIST: "0", "0-3", "0,2-3"; every CPU must be one ptshim may
 * run on. */
static void cpus_arg(const char* arg, struct options* opts) {
    cpu_set_t allowed;
    const char* p = arg;

    if (sched_getaffinity(0, sizeof(allowed), &allowed) < 0)
        usage_error("--cpus: cannot read ptshim's CPU affinity: %s", strerror(errno));
    memset(opts->cpus, 0, sizeof(opts->cpus));
    for (;;) {
        char* end;
        long lo, hi;

        errno = 0;
        lo = strtol(p, &end, 10);
        if (errno || end == p || lo < 0 || lo >= OPTIONS_MAX_CPUS)
            usage_error("--cpus: '%s' is not a list of CPU numbers such as 0 or 0-1,3", arg);
        hi = lo;
        p = end;
        if (*p == '-') {
            hi = strtol(p + 1, &end, 10);
            if (errno || end == p + 1 || hi < lo || hi >= OPTIONS_MAX_CPUS)
                usage_error("--cpus: '%s' is not a list of CPU numbers such as 0 or 0-1,3", arg);
            p = end;
        }
        for (long c = lo; c <= hi; c++) {
            if (!CPU_ISSET((int)c, &allowed))
                usage_error("--cpus: CPU %ld is not one ptshim may run on", c);
            opts->cpus[c / 64] |= 1ULL << (c % 64);
        }
        if (*p == '\0')
            break;
        if (*p != ',')
            usage_error("--cpus: '%s' is not a list of CPU numbers such as 0 or 0-1,3", arg);
        p++;
    }
    opts->shim.cpus = opts->cpus;
    opts->shim.ncpu_words = OPTIONS_MAX_CPUS / 64;
}

void options_parse(int argc, char** argv, struct options* opts) {
    struct option long_opts[N_OPTIONS + 1];
    char short_opts[2 * N_OPTIONS + 2] = "+";
    size_t n = 1;
    bool summary_only = false, separately = false;
    int follow_forks = 0, c;

    memset(opts, 0, sizeof(*opts));
    opts->log_level = PAL_LOG_ERROR;
    /* the fastest measured for syscall-bound and compute-bound programs
     * alike (tests/bench, placement table) */
    opts->placement = PAL_PLACE_AUTO;
    trace_filter_defaults(&opts->trace);
    opts->out.column = 40;
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
        case 'a':
            opts->out.column = (unsigned)number_arg("-a", optarg, 0, 4096);
            break;
        case 'c':
            opts->trace.summary = true;
            opts->trace.enabled = true;
            summary_only = true;
            break;
        case 'C':
            opts->trace.summary = true;
            opts->trace.enabled = true;
            break;
        case 'e':
            if (trace_filter_parse(&opts->trace, optarg) < 0)
                usage_error("invalid -e '%s'", optarg);
            opts->trace.enabled = true;
            break;
        case 'f':
            /* every process is always followed: -f asks for the trace,
             * -ff for per-thread files, as strace's */
            if (++follow_forks >= 2)
                separately = true;
            opts->trace.enabled = true;
            break;
        case OPT_OUTPUT_SEPARATELY:
            separately = true;
            opts->trace.enabled = true;
            break;
        case 'o':
            opts->trace_file = optarg;
            opts->trace.enabled = true;
            break;
        case 'q':
            opts->trace.quiet++;
            break;
        case 's':
            g_max_strlen = (unsigned)number_arg("-s", optarg, 0, 1 << 20);
            opts->trace.enabled = true;
            break;
        case 't':
            opts->out.timestamps++;
            opts->trace.enabled = true;
            break;
        case 'T':
            opts->out.show_time = true;
            opts->trace.enabled = true;
            break;
        case 'y':
            opts->out.fd_paths = true;
            opts->trace.enabled = true;
            break;
        case 'k':
            opts->trace.stack = true;
            opts->trace.enabled = true;
            break;
        case OPT_JSON:
            /* a JSON trace, unless it only formats --report */
            opts->trace.json = true;
            break;
        case OPT_STRICT:
            opts->shim.strict = true;
            break;
        case OPT_CPUS:
            cpus_arg(optarg, opts);
            break;
        case OPT_REPORT:
            opts->report_file = optarg;
            break;
        case OPT_SECCOMP_BPF:
            opts->seccomp_bpf = true;
            break;
        case OPT_SYSEMU:
            opts->stops = PAL_STOPS_SYSEMU;
            break;
        case OPT_PLACEMENT:
            if (!strcmp(optarg, "together"))
                opts->placement = PAL_PLACE_TOGETHER;
            else if (!strcmp(optarg, "tracer"))
                opts->placement = PAL_PLACE_TRACER;
            else if (!strcmp(optarg, "free"))
                opts->placement = PAL_PLACE_FREE;
            else if (!strcmp(optarg, "auto"))
                opts->placement = PAL_PLACE_AUTO;
            else
                usage_error("--placement: '%s' is not auto, together, tracer or free", optarg);
            break;
        case OPT_SHOW_LAYER:
            opts->out.show_layer = true;
            opts->trace.enabled = true;
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
    if (opts->seccomp_bpf) {
        if (opts->stops == PAL_STOPS_SYSEMU)
            usage_error("--seccomp-bpf and --sysemu exclude each other");
        opts->stops = PAL_STOPS_SECCOMP;
    }
    if (opts->trace.json && !opts->report_file)
        opts->trace.enabled = true;
    opts->trace.lines = opts->trace.enabled && !summary_only;
    /* as strace: one summary cannot go to many files */
    if (separately && opts->trace.summary)
        usage_error("-c/-C and -ff/--output-separately exclude each other");
    /* strace: -ff without -o FILE is -f */
    opts->out.separately = separately && opts->trace_file;
    opts->argv = &argv[optind];
}

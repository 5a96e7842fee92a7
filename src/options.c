/*
 * options.c: the command line, one table for parsing and for --help.
 *
 * Options follow strace's letters where strace has the same thing, so that
 * users' habits carry over; ptshim's own features get long options.  The
 * table is the single list: --help prints it, and a test keeps it and
 * ptshim(1) in step.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "options.h"
#include "decode.h"
#include "inject.h"
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
    /* the long forms of -t, -T, -q and -y, which take values */
    OPT_TIMESTAMPS,
    OPT_SYSCALL_TIMES,
    OPT_QUIET,
    OPT_DECODE_FDS,
    OPT_OUTPUT_SEPARATELY,
    OPT_INJECT,
    OPT_FAULT,
};

static const struct option_doc g_option_docs[] = {
    {{"cpus", required_argument, NULL, OPT_CPUS}, 0, "LIST",
     "the program sees and runs on these CPUs only (e.g. 0 or 0-1,3)"},
    {{"bind", required_argument, NULL, 'b'}, 'b', "HOST[:GUEST]",
     "view: HOST (a file or directory) seen at GUEST (default: HOST); repeatable"},
    {{"columns", required_argument, NULL, 'a'}, 'a', "COLUMN",
     "trace: align results at COLUMN (default 40)"},
    {{"summary-only", no_argument, NULL, 'c'}, 'c', NULL,
     "count calls, errors and time per system call; print a table at the end"},
    {{"summary", no_argument, NULL, 'C'}, 'C', NULL, "like -c, and print the trace too"},
    {{"debug", no_argument, NULL, 'd'}, 'd', NULL,
     "ptshim's own debugging messages on stderr; twice: also each system call"},
    {{"expr", required_argument, NULL, 'e'}, 'e', "EXPR",
     "trace= signal= status= filters, inject= fault= tampering, as in strace "
     "(e.g. -e trace=%file)"},
    {{"fault", required_argument, NULL, OPT_FAULT}, 0, "SET[:OPTS]",
     "as --inject, with error= (default ENOSYS), syscall= and when= only"},
    {{"follow-forks", no_argument, NULL, 'f'}, 'f', NULL,
     "trace every process and thread (ptshim always follows them all); -ff: as "
     "--output-separately"},
    {{"help", no_argument, NULL, 'h'}, 'h', NULL, "print this help and exit"},
    {{"inject", required_argument, NULL, OPT_INJECT}, 0, "SET:OPTS",
     "tamper with the calls in SET as strace does: error=, retval=, signal=, when=, ..."},
    {{"json", no_argument, NULL, OPT_JSON}, 0, NULL,
     "trace as JSON: one object per line for each call and event; --report as JSON"},
    {{"stack-trace", no_argument, NULL, 'k'}, 'k', NULL,
     "trace: the program's stack after each call (libunwind)"},
    {{"output", required_argument, NULL, 'o'}, 'o', "FILE", "write the trace to FILE, not stderr"},
    {{"output-separately", no_argument, NULL, OPT_OUTPUT_SEPARATELY}, 0, NULL,
     "with -o FILE: each thread's trace in FILE.TID"},
    {{"rootfs-binds", required_argument, NULL, 'R'}, 'R', "DIR",
     "view: as -r DIR, with /dev /proc /sys /tmp /run /etc/resolv.conf /etc/hosts bound"},
    {{"rootfs", required_argument, NULL, 'r'}, 'r', "DIR",
     "view: DIR is the program's root directory (its paths are resolved in it)"},
    {{"report", required_argument, NULL, OPT_REPORT}, 0, "FILE",
     "at exit, write each system call's count and the layer that answered it"},
    {{"seccomp-bpf", no_argument, NULL, OPT_SECCOMP_BPF}, 0, NULL,
     "calls that neither the shim nor the trace needs run without a stop (seccomp stops)"},
    {{"show-layer", no_argument, NULL, OPT_SHOW_LAYER}, 0, NULL,
     "trace: end each call's line with [shim], [checked], [host] or [enosys]"},
    {{"strict", no_argument, NULL, OPT_STRICT}, 0, NULL,
     "calls the shim does not implement fail with ENOSYS, reported once each"},
    {{"placement", required_argument, NULL, OPT_PLACEMENT}, 0, "POLICY",
     "where the tracer and the program run: auto (default), together, tracer, free"},
    {{"quiet", optional_argument, NULL, OPT_QUIET}, 'q', "SET",
     "trace: twice, or --quiet=exit, no \"+++ exited\" lines; three times, or "
     "--quiet=superseded, no \"+++ superseded\" either"},
    {{"string-limit", required_argument, NULL, 's'}, 's', "SIZE",
     "trace: print at most SIZE bytes of each string (default 32)"},
    {{"absolute-timestamps", optional_argument, NULL, OPT_TIMESTAMPS}, 't', "FORMAT",
     "trace: time of day on each line; -tt with microseconds, -ttt since the epoch "
     "(FORMAT: [format:]time|unix|none,[precision:]s|ms|us|ns)"},
    {{"syscall-times", optional_argument, NULL, OPT_SYSCALL_TIMES}, 'T', "PRECISION",
     "trace: time spent in each call, in s, ms, us (default) or ns"},
    {{"sysemu", no_argument, NULL, OPT_SYSEMU}, 0, NULL,
     "stop system calls with PTRACE_SYSEMU only, no seccomp filter in the program"},
    {{"version", no_argument, NULL, 'V'}, 'V', NULL, "print the version and exit"},
    {{"cwd", required_argument, NULL, 'w'}, 'w', "DIR",
     "view: start in DIR (default: the current directory if in the view, else /)"},
    {{"decode-fds", optional_argument, NULL, OPT_DECODE_FDS}, 'y', "SET",
     "trace: the path of each file descriptor; -yy: all strace prints "
     "(SET: path, socket, dev, pidfd, all)"},
};

#define N_OPTIONS (sizeof(g_option_docs) / sizeof(g_option_docs[0]))

/* Where --help starts an option's description. */
#define HELP_COLUMN 25

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
        const char* open = d->opt.has_arg == optional_argument ? "[=" : "=";
        const char* close = d->opt.has_arg == optional_argument ? "]" : "";
        char spec[64];
        int n;

        if (!d->arg_name)
            open = close = "";
        if (d->short_name)
            snprintf(spec, sizeof(spec), "-%c, --%s%s%s%s", d->short_name, d->opt.name, open,
                     d->arg_name ? d->arg_name : "", close);
        else
            snprintf(spec, sizeof(spec), "    --%s%s%s%s", d->opt.name, open,
                     d->arg_name ? d->arg_name : "", close);
        n = fprintf(out, "  %s", spec);
        /* a long one has its description on the next line */
        if (n >= HELP_COLUMN)
            fprintf(out, "\n%*s", HELP_COLUMN, "");
        else
            fprintf(out, "%*s", HELP_COLUMN - n, "");
        fprintf(out, "%s\n", d->help);
    }
    fprintf(out,
            "\n"
            "Exit status: PROGRAM's own (if PROGRAM is killed by a signal, ptshim\n"
            "kills itself with the same signal); 125 if ptshim fails or the command\n"
            "line is wrong, 126 if PROGRAM cannot be executed, 127 if it is not found.\n"
            "See ptshim(1).\n");
}

static void __attribute__((noreturn)) usage_hint(void) {
    fputs("Try 'ptshim --help' for more information.\n", stderr);
    exit(EXIT_PTSHIM_FAILURE);
}

static void __attribute__((noreturn, format(printf, 1, 2))) usage_error(const char* fmt, ...) {
    va_list ap;

    fputs("ptshim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    usage_hint();
}

/* The option being parsed, as the user wrote it: "-s" or "--string-limit"
 * (a long option's full name, however much of it was typed). */
struct opt_name {
    char s[48];
};

static struct opt_name opt_name(int c, int long_index) {
    struct opt_name n;

    if (long_index >= 0)
        snprintf(n.s, sizeof(n.s), "--%s", g_option_docs[long_index].opt.name);
    else
        snprintf(n.s, sizeof(n.s), "-%c", c);
    return n;
}

/* strace's words for a value an option does not take. */
static void __attribute__((noreturn)) bad_value(const struct opt_name* opt, const char* arg) {
    usage_error("invalid %s argument: '%s'", opt->s, arg);
}

static long number_arg(const struct opt_name* opt, const char* arg, long min, long max) {
    char* end;
    long v;

    errno = 0;
    v = strtol(arg, &end, 10);
    if (errno || end == arg || *end || v < min || v > max)
        bad_value(opt, arg);
    return v;
}

/* --cpus LIST: "0", "0-3", "0,2-3"; every CPU must be one ptshim may
 * run on. */
static void cpus_arg(const struct opt_name* opt, const char* arg, struct options* opts) {
    static uint64_t allowed[PAL_MAX_CPUS / 64];
    const char* p = arg;

    if (sched_getaffinity(0, sizeof(allowed), (cpu_set_t*)allowed) < 0)
        usage_error("%s: cannot read ptshim's CPU affinity: %s", opt->s, strerror(errno));
    memset(opts->cpus, 0, sizeof(opts->cpus));
    for (;;) {
        char* end;
        long lo, hi;

        errno = 0;
        lo = strtol(p, &end, 10);
        if (errno || end == p || !isdigit((unsigned char)*p) || lo >= PAL_MAX_CPUS)
            bad_value(opt, arg);
        hi = lo;
        p = end;
        if (*p == '-') {
            hi = strtol(p + 1, &end, 10);
            if (errno || end == p + 1 || !isdigit((unsigned char)p[1]) || hi < lo ||
                hi >= PAL_MAX_CPUS)
                bad_value(opt, arg);
            p = end;
        }
        for (long c = lo; c <= hi; c++) {
            if (!(allowed[c / 64] & (1ULL << (c % 64))))
                usage_error("invalid %s argument: '%s': CPU %ld is not one ptshim may run on",
                            opt->s, arg, c);
            opts->cpus[c / 64] |= 1ULL << (c % 64);
        }
        if (*p == '\0')
            break;
        if (*p != ',')
            bad_value(opt, arg);
        p++;
    }
    opts->shim.cpus = opts->cpus;
    opts->shim.ncpu_words = PAL_MAX_CPUS / 64;
}

struct set_name {
    const char* name;
    unsigned bits;
};

/* One of strace's sets (--quiet=, --decode-fds=): names separated by
 * commas, or "all" or "none", each leading '!' taking the complement.
 * 0, or -1 if ARG names something unknown. */
static int set_arg(const char* arg, const struct set_name* names, size_t n, unsigned all,
                   unsigned* set) {
    bool invert = false;
    unsigned sel = 0;
    const char* p = arg;
    bool any = false;

    for (; *p == '!'; p++)
        invert = !invert;
    if (!strcmp(p, "all")) {
        sel = all;
    } else if (strcmp(p, "none")) {
        while (*p) {
            size_t len = strcspn(p, ","), i;

            for (i = 0; i < n; i++)
                if (len && strlen(names[i].name) == len && !strncmp(p, names[i].name, len))
                    break;
            if (len && i == n)
                return -1;
            if (len) {
                sel |= names[i].bits;
                any = true;
            }
            p += len + (p[len] == ',');
        }
        if (!any)
            return -1;
    }
    *set = invert ? all & ~sel : sel;
    return 0;
}

/* strace's precisions: the digits of a second's fraction; -1 if unknown */
static int precision_arg(const char* s) {
    static const struct {
        const char* name;
        int digits;
    } units[] = {{"s", 0}, {"ms", 3}, {"us", 6}, {"ns", 9}};

    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
        if (!strcasecmp(s, units[i].name))
            return units[i].digits;
    return -1;
}

/* --absolute-timestamps=[[format:]FORMAT][,[precision:]PRECISION], as
 * strace takes it: FORMAT none, time or unix; PRECISION s, ms, us or ns.
 * 0, or -1 if ARG is not that. */
static int timestamps_arg(const char* arg, struct trace_output_options* out) {
    static const struct {
        const char* name;
        enum trace_timestamps ts;
    } formats[] = {{"none", TRACE_TS_NONE}, {"time", TRACE_TS_TIME}, {"unix", TRACE_TS_UNIX}};
    char copy[64], *save = NULL;
    int format = -1, digits = -1;

    if (strlen(arg) >= sizeof(copy))
        return -1;
    strcpy(copy, arg);
    for (char* tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        bool may_format = true, may_precision = true;
        size_t i;

        if (!strncasecmp(tok, "format:", 7)) {
            tok += 7;
            may_precision = false;
        } else if (!strncasecmp(tok, "precision:", 10)) {
            tok += 10;
            may_format = false;
        }
        for (i = 0; may_format && i < sizeof(formats) / sizeof(formats[0]); i++)
            if (!strcasecmp(tok, formats[i].name))
                break;
        if (may_format && i < sizeof(formats) / sizeof(formats[0])) {
            format = (int)formats[i].ts;
            continue;
        }
        if (may_precision && precision_arg(tok) >= 0) {
            digits = precision_arg(tok);
            continue;
        }
        return -1;
    }
    if (format >= 0)
        out->timestamps = (enum trace_timestamps)format;
    else if (out->timestamps == TRACE_TS_NONE)
        out->timestamps = TRACE_TS_TIME;
    if (digits >= 0)
        out->timestamp_digits = digits;
    return 0;
}

/* What the short options given several times (-tt, -yy, -qq) and their
 * long forms with values (--absolute-timestamps=...) set, which strace
 * does not let be mixed. */
struct repeats {
    int t, y, q;                /* how many times each letter came */
    bool timestamps, fds, quiet; /* the long form came */
};

static const struct set_name g_quiet_names[] = {
    {"attach", TRACE_QUIET_ATTACH},
    {"exit", TRACE_QUIET_EXIT},
    {"exits", TRACE_QUIET_EXIT},
    {"path-resolution", TRACE_QUIET_PATH_RESOLVE},
    {"personality", TRACE_QUIET_PERSONALITY},
    {"superseded", TRACE_QUIET_THREAD_EXECVE},
    {"thread-execve", TRACE_QUIET_THREAD_EXECVE},
};

static const struct set_name g_fds_names[] = {
    {"path", TRACE_FDS_PATH},
    {"socket", TRACE_FDS_SOCKET},
    {"dev", TRACE_FDS_DEV},
    {"pidfd", TRACE_FDS_PIDFD},
};

#define N_NAMES(a) (sizeof(a) / sizeof((a)[0]))

/* After the command line: the short forms, unless the long ones came. */
static void settle_repeats(const struct repeats* r, struct options* opts) {
    if (r->t) {
        if (r->timestamps)
            usage_error("-t and --absolute-timestamps cannot be provided simultaneously");
        /* -t: "18:19:36", -tt: "18:19:36.123456", -ttt: "1796581176.123456" */
        opts->out.timestamps = r->t >= 3 ? TRACE_TS_UNIX : TRACE_TS_TIME;
        opts->out.timestamp_digits = r->t >= 2 ? 6 : 0;
    }
    if (r->y) {
        if (r->fds)
            usage_error("-y and --decode-fds cannot be provided simultaneously");
        opts->out.decode_fds = r->y >= 2 ? TRACE_FDS_ALL : TRACE_FDS_PATH;
    }
    if (r->q) {
        if (r->quiet)
            usage_error("-q and --quiet cannot be provided simultaneously");
        opts->trace.quiet = TRACE_QUIET_ATTACH | TRACE_QUIET_PERSONALITY;
        if (r->q >= 2)
            opts->trace.quiet |= TRACE_QUIET_EXIT;
        if (r->q >= 3)
            opts->trace.quiet = TRACE_QUIET_ALL;
    }
}

/* getopt_long's messages name the program after argv[0] */
static char g_name[] = "ptshim";

void options_parse(int argc, char** argv, struct options* opts) {
    struct option long_opts[N_OPTIONS + 1];
    char short_opts[2 * N_OPTIONS + 2] = "+";
    struct repeats rep = {0};
    char* arg0 = argv[0];
    size_t n = 1;
    bool summary_only = false, separately = false;
    int follow_forks = 0, c, long_index = -1;

    memset(opts, 0, sizeof(*opts));
    opts->log_level = PAL_LOG_ERROR;
    /* the fastest measured for syscall-bound and compute-bound programs
     * alike (tests/bench, placement table) */
    opts->placement = PAL_PLACE_AUTO;
    trace_filter_defaults(&opts->trace);
    opts->out.column = 40;
    opts->out.time_digits = 6;
    for (size_t i = 0; i < N_OPTIONS; i++) {
        long_opts[i] = g_option_docs[i].opt;
        if (g_option_docs[i].short_name) {
            short_opts[n++] = (char)g_option_docs[i].short_name;
            if (g_option_docs[i].opt.has_arg == required_argument)
                short_opts[n++] = ':';
        }
    }
    short_opts[n] = '\0';
    long_opts[N_OPTIONS] = (struct option){0};

    /* getopt_long itself says what is wrong with an option, as strace
     * lets it: "option requires an argument -- 'e'", "option '--report'
     * requires an argument", "unrecognized option '--foo'" */
    opterr = 1;
    argv[0] = g_name;
    while ((c = getopt_long(argc, argv, short_opts, long_opts, &long_index)) != -1) {
        struct opt_name name = opt_name(c, long_index);

        long_index = -1;
        switch (c) {
        case 'd':
            if (opts->log_level < PAL_LOG_TRACE)
                opts->log_level = opts->log_level < PAL_LOG_DEBUG ? PAL_LOG_DEBUG
                                                                  : opts->log_level + 1;
            break;
        case 'a':
            opts->out.column = (unsigned)number_arg(&name, optarg, 0, 4096);
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
        case 'e': {
            char why[256];

            /* tampering, not tracing: no trace unless asked for */
            if (!strncmp(optarg, "inject=", 7)) {
                inject_qualify(optarg + 7, false);
                break;
            }
            if (!strncmp(optarg, "fault=", 6)) {
                inject_qualify(optarg + 6, true);
                break;
            }

            if (trace_filter_parse(&opts->trace, optarg, why, sizeof(why)) < 0)
                usage_error("invalid %s argument: '%s': %s", name.s, optarg, why);
            opts->trace.enabled = true;
            break;
        }
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
            rep.q++;
            break;
        case OPT_QUIET:
            rep.quiet = true;
            if (set_arg(optarg ? optarg : "attach,personality", g_quiet_names,
                        N_NAMES(g_quiet_names), TRACE_QUIET_ALL, &opts->trace.quiet) < 0)
                bad_value(&name, optarg);
            break;
        case 's':
            g_max_strlen = (unsigned)number_arg(&name, optarg, 0, 1 << 20);
            opts->trace.enabled = true;
            break;
        case 't':
            rep.t++;
            opts->trace.enabled = true;
            break;
        case OPT_TIMESTAMPS:
            rep.timestamps = true;
            if (timestamps_arg(optarg ? optarg : "format:time", &opts->out) < 0)
                bad_value(&name, optarg);
            opts->trace.enabled = true;
            break;
        case 'T':
        case OPT_SYSCALL_TIMES:
            opts->out.show_time = true;
            opts->out.time_digits = optarg ? precision_arg(optarg) : 6;
            if (opts->out.time_digits < 0)
                bad_value(&name, optarg);
            opts->trace.enabled = true;
            break;
        case 'y':
            rep.y++;
            opts->trace.enabled = true;
            break;
        case OPT_DECODE_FDS:
            rep.fds = true;
            if (set_arg(optarg ? optarg : "path", g_fds_names, N_NAMES(g_fds_names),
                        TRACE_FDS_ALL, &opts->out.decode_fds) < 0)
                bad_value(&name, optarg);
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
        case OPT_INJECT:
        case OPT_FAULT:
            inject_qualify(optarg, c == OPT_FAULT);
            break;
        case OPT_STRICT:
            opts->shim.strict = true;
            break;
        case 'R':
            opts->view.rootfs_binds = true;
            /* fall through */
        case 'r':
            opts->view.root = optarg;
            opts->shim.view = true;
            break;
        case 'b':
            if (opts->view.nbinds == MAX_BINDS)
                usage_error("too many %s options (at most %d)", name.s, MAX_BINDS);
            opts->view.binds[opts->view.nbinds++] = optarg;
            opts->shim.view = true;
            break;
        case 'w':
            opts->view.workdir = optarg;
            break;
        case OPT_CPUS:
            cpus_arg(&name, optarg, opts);
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
                bad_value(&name, optarg);
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
        default:
            /* getopt_long has said what it was */
            usage_hint();
        }
    }
    argv[0] = arg0;
    settle_repeats(&rep, opts);
    if (optind >= argc)
        usage_error("missing PROGRAM to run");
    if (opts->view.workdir && !opts->shim.view)
        usage_error("-w/--cwd needs a view (-r, -R or -b)");
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
    opts->shim.inject = inject_compile(opts->trace.syscalls);
}

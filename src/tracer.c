/*
 * tracer.c: the tracer's event loop.
 *
 * One thread waits for the next stop of any traced thread and dispatches
 * it: system calls to the shim, signals back to the thread.  The program's
 * own status goes to the front process as soon as the program ends; the
 * loop goes on until no traced thread is left.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pal_log.h"
#include "report.h"
#include "shim.h"
#include "signals.h"
#include "syscall_report.h"
#include "trace.h"
#include "trace_output.h"
#include "tracer.h"

static int g_report_fd = -1;
static const struct options* g_opts;

static void send_report(int type, int value) {
    struct report r = {.type = type, .value = value};

    if (g_report_fd < 0)
        return;
    /* smaller than PIPE_BUF: written whole or not at all */
    while (write(g_report_fd, &r, sizeof(r)) < 0) {
        if (errno != EINTR) {
            /* the front process is gone: nobody waits for a status */
            close(g_report_fd);
            g_report_fd = -1;
            return;
        }
    }
}

/* The tracer must keep serving whatever the terminal or a kill(2) does to
 * the program's process group: it never stops for job control, and the
 * signals that would end it are meant for the program, which has them
 * too.  Only SIGKILL, or the death of the front process, ends the tracer
 * (and, through PTRACE_O_EXITKILL, every traced process). */
static void ignore_signal(int sig, siginfo_t* info, void* ctx) {
}

static void setup_signals(void) {
    /* SIGXFSZ: a trace file past RLIMIT_FSIZE is a write error to report,
     * not a reason to die */
    static const int sigs[] = {SIGHUP,  SIGINT,  SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2,
                               SIGALRM, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGXFSZ};

    /* restarted: a signal must not cut a trace line's write short */
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        if (signal_catch_restart(sigs[i], ignore_signal) < 0)
            log_warning("cannot catch signal %d: %s", sigs[i], strerror(errno));
}

/* Point FROM..TO (standard streams) at /dev/null. */
static void streams_to_null(int from, int to) {
    int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);

    if (null_fd < 0) {
        log_warning("cannot open /dev/null: %s", strerror(errno));
        return;
    }
    for (int fd = from; fd <= to; fd++)
        dup2(null_fd, fd);
    if (null_fd > 2)
        close(null_fd);
}

/* The program ended: the front process ends now with its status, and the
 * tracer must not die with it (PR_SET_PDEATHSIG) while it finishes.  Some
 * of the program's descendants may run on (a daemon; its first stop may
 * not even have been seen yet), so the tracer, which serves them until
 * they end, lets go of stderr: a pipe from ptshim must see end-of-file
 * when the program and its descendants let go of it, as natively.  From
 * here on only the tracer's own death ends the remaining traced processes. */
static void detach_from_front(void) {
    if (prctl(PR_SET_PDEATHSIG, 0) < 0)
        log_warning("cannot clear the death signal: %s", strerror(errno));
    streams_to_null(STDERR_FILENO, STDERR_FILENO);
}

/* The trace goes to -o FILE or to a copy of stderr that outlives the
 * program's exit (see detach_from_front), close-on-exec so that the program
 * does not inherit it; with -ff, to FILE.TID files made as threads come. */
static void open_trace(const struct options* opts) {
    struct trace_output_options out = opts->out;
    int ret;

    out.path = opts->trace_file;
    if (opts->trace_file && !out.separately)
        out.fd = open(opts->trace_file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    else
        out.fd = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    ret = out.fd < 0 ? -errno : trace_output_init(&out);
    if (ret < 0) {
        log_error("cannot open %s: %s", opts->trace_file ? opts->trace_file : "stderr",
                  strerror(-ret));
        send_report(REPORT_FAILED, EXIT_PTSHIM_FAILURE);
        exit(EXIT_PTSHIM_FAILURE);
    }
    trace_init(&opts->trace);
    /* a call that blocks on the host shows its entry meanwhile */
    DkSetWaitUpcall(trace_flush);
}

/* The system call upcall, on the calling thread's own context: trace the
 * entry, let the shim answer, trace the exit, let the thread go. */
static int syscall_upcall(PAL_HANDLE thread, const struct pal_event* ev) {
    bool traced = trace_syscall_entry(ev);
    enum shim_layer layer;
    long result;
    int ret = shim_handle_syscall(ev, traced, &result, &layer);

    if (ret < 0)
        return ret;
    if (ret == SHIM_SYSCALL_DONE && DkSyscallAbandoned(thread)) {
        /* made again after the signal: this one never happened */
        if (traced)
            trace_syscall_abandoned(ev);
        return DkSyscallReturn(thread, result);
    }
    syscall_report_count(ev->sysno, layer);
    if (ret == SHIM_SYSCALL_RUNNING || DkThreadGone(thread))
        return 0;
    if (traced)
        trace_syscall_exit(ev, result, g_layer_names[layer]);
    return DkSyscallReturn(thread, result);
}

/* --report: written when the program exits, before ptshim returns; calls
 * of descendants that outlive it are not in it. */
static void write_report(void) {
    int ret;

    if (!g_opts->report_file)
        return;
    ret = syscall_report_write(g_opts->report_file, g_opts->trace.json, g_opts->argv);
    if (ret < 0)
        log_error("cannot write the report %s: %s", g_opts->report_file, strerror(-ret));
}

/* ptshim's status for the program's STATUS: the program's own, but for a
 * trace that could not be written whole (reported when it happened),
 * which a successful run must not hide, as tee(1) would not. */
static int exit_status(int status) {
    if (trace_output_failed() && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return W_EXITCODE(EXIT_PTSHIM_FAILURE, 0);
    return status;
}

static int handle_event(const struct pal_event* ev, pid_t main_pid, bool* main_done) {
    switch (ev->type) {
    case PAL_EVENT_SYSCALL:
        return -EPROTO; /* the upcall's */
    case PAL_EVENT_SIGNAL:
        log_trace("thread %d: signal %d delivered", ev->tid, ev->sig);
        trace_signal(ev);
        return DkThreadResume(ev->thread, ev->sig);
    case PAL_EVENT_STOPPED:
        log_debug("thread %d stopped by signal %d", ev->tid, ev->sig);
        if (ev->tid == main_pid)
            send_report(REPORT_STOPPED, ev->sig);
        return 0;
    case PAL_EVENT_CLONE:
        log_debug("thread %d created %d", ev->tid, ev->child_tid);
        return shim_on_clone(ev);
    case PAL_EVENT_EXEC:
        log_debug("process %d completed an execve", ev->tid);
        trace_exec(ev);
        return shim_on_exec(ev);
    case PAL_EVENT_EXIT:
        shim_on_exit(ev);
        if (ev->superseded)
            return 0;
        log_debug("thread %d gone, wait status %#x", ev->tid, ev->status);
        trace_thread_exit(ev);
        if (ev->tid == main_pid) {
            /* the trace and the report are complete when ptshim returns */
            trace_finish();
            write_report();
            *main_done = true;
            /* the exiting thread is still counted until the next wait */
            log_debug("program exited; %lu other traced threads known",
                      (unsigned long)DkThreadCount() - 1);
            detach_from_front();
            send_report(REPORT_EXITED, exit_status(ev->status));
        }
        return 0;
    }
    return 0;
}

/* How the program stops: with --seccomp-bpf, the calls that the shim
 * passes through unseen, that the trace does not show and that --report
 * need not count run without a stop. */
static void set_stops(const struct options* opts) {
    static uint64_t no_stop[(PTSHIM_NSYSCALLS + 63) / 64];
    const struct trace_options* tr = &opts->trace;
    int ret;

    if (opts->seccomp_bpf && !opts->report_file) {
        for (PAL_NUM n = 0; n < PTSHIM_NSYSCALLS; n++)
            if (shim_syscall_passes_through(n, &opts->shim) && !(tr->enabled && tr->syscalls[n]))
                no_stop[n / 64] |= 1ULL << (n % 64);
    }
    ret = DkSetSyscallStops(opts->stops, opts->seccomp_bpf ? no_stop : NULL, PTSHIM_NSYSCALLS);
    if (ret < 0) {
        log_error("cannot choose how system calls stop: %s", strerror(-ret));
        send_report(REPORT_FAILED, EXIT_PTSHIM_FAILURE);
        exit(EXIT_PTSHIM_FAILURE);
    }
}

/* --placement: the CPU the tracer (and, but for "tracer", the program)
 * runs on: the lowest of --cpus, else the one the tracer is on now. */
static void set_placement(const struct options* opts) {
    const uint64_t* cpus = opts->shim.cpus;
    cpu_set_t allowed;
    int cpu = -1, ret;

    if (opts->placement == PAL_PLACE_FREE)
        return;
    if (cpus) {
        for (int c = 0; c < OPTIONS_MAX_CPUS && cpu < 0; c++)
            if (cpus[c / 64] & (1ULL << (c % 64)))
                cpu = c;
    } else {
        if (sched_getaffinity(0, sizeof(allowed), &allowed) < 0) {
            ret = -errno;
            goto fail;
        }
        cpu = sched_getcpu();
        if (cpu < 0 || !CPU_ISSET(cpu, &allowed))
            for (cpu = 0; cpu < CPU_SETSIZE && !CPU_ISSET(cpu, &allowed); cpu++)
                ;
    }
    ret = DkSetPlacement(opts->placement, (PAL_IDX)cpu);
    if (ret < 0)
        goto fail;
    log_debug("the tracer runs on CPU %d%s", cpu,
              opts->placement == PAL_PLACE_TRACER ? "" : ", and the program with it");
    return;
fail:
    log_error("cannot place the tracer on a CPU: %s", strerror(-ret));
    send_report(REPORT_FAILED, EXIT_PTSHIM_FAILURE);
    exit(EXIT_PTSHIM_FAILURE);
}

void tracer_main(const struct options* opts, int report_fd) {
    static struct pal_exec exec;
    PAL_HANDLE main_thread;
    bool main_done = false;
    pid_t main_pid;
    int ret;

    g_report_fd = report_fd;
    g_opts = opts;
    setup_signals();
    if (opts->trace.enabled)
        open_trace(opts);

    DkSetSyscallUpcall(syscall_upcall);
    set_stops(opts);
    set_placement(opts);
    ret = DkProcessCreate(opts->argv, &main_thread, &main_pid, &exec);
    if (ret < 0) {
        log_error("cannot run '%s': %s", opts->argv[0], strerror(-ret));
        send_report(REPORT_FAILED, ret == -ENOENT                     ? EXIT_NOT_FOUND
                                   : ret == -ECHILD || ret == -ENOTSUP ? EXIT_PTSHIM_FAILURE
                                                                      : EXIT_CANNOT_EXECUTE);
        exit(EXIT_PTSHIM_FAILURE);
    }
    log_debug("program '%s' started as process %d, its system calls stopped by %s", opts->argv[0],
              main_pid, DkSyscallStops() == PAL_STOPS_SECCOMP ? "a seccomp filter" : "PTRACE_SYSEMU");
    ret = shim_init(&opts->shim, main_thread, main_pid, getppid());
    if (ret < 0) {
        log_error("cannot start the library OS: %s", strerror(-ret));
        send_report(REPORT_FAILED, EXIT_PTSHIM_FAILURE);
        exit(EXIT_PTSHIM_FAILURE);
    }
    send_report(REPORT_STARTED, main_pid);
    if (trace_initial_execve(main_pid, &exec, opts->argv, environ) < 0) {
        send_report(REPORT_FAILED, EXIT_PTSHIM_FAILURE);
        exit(EXIT_PTSHIM_FAILURE);
    }
    /* the program's first call, run on the host before its first stop */
    syscall_report_count(PTSHIM_NR_execve, SHIM_LAYER_HOST);
    /* the program has its own copies; a pipe must not wait for ours */
    streams_to_null(STDIN_FILENO, STDOUT_FILENO);

    for (;;) {
        struct pal_event ev;

        ret = DkEventWait(&ev);
        if (ret == -EINTR)
            continue;
        if (ret == -ECHILD)
            break;
        if (ret == 0)
            ret = handle_event(&ev, main_pid, &main_done);
        if (ret < 0) {
            log_error("tracing failed: %s", strerror(-ret));
            /* PTRACE_O_EXITKILL takes every traced process with us */
            send_report(REPORT_FAILED, EXIT_PTSHIM_FAILURE);
            exit(EXIT_PTSHIM_FAILURE);
        }
    }
    if (!main_done) {
        log_error("the program's status was lost");
        send_report(REPORT_FAILED, EXIT_PTSHIM_FAILURE);
        exit(EXIT_PTSHIM_FAILURE);
    }
    exit(EXIT_SUCCESS);
}

/*
 * tracer.c: start-up and the tracer's event loop.
 *
 * The process ptshim's caller started sets everything up that can fail
 * (so that a failure is exit status 125 before anything ran), then becomes
 * the program, while a new process, the tracer, serves it (see
 * DkProcessCreate).  The tracer's one thread waits for the next stop of
 * any traced thread and dispatches it: system calls to the shim, signals
 * back to the thread.  It goes on until no traced thread is left, serving
 * any descendant that outlives the program (a daemon).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "die.h"
#include "pal_log.h"
#include "shim.h"
#include "syscall_report.h"
#include "trace.h"
#include "trace_output.h"
#include "tracer.h"
#include "view.h"

static int g_report_out = -1; /* --report FILE, open since the start */
static const struct options* g_opts;

/* The tracer is in a session of its own: neither the terminal nor a kill
 * of the program's process group reaches it.  A signal sent to it on
 * purpose ends it, and, through PTRACE_O_EXITKILL, every traced process.
 * A trace written to a pipe whose reader left must not end it: the write
 * fails and the program goes on. */
static void setup_signals(void) {
    /* SIGXFSZ: a trace file past RLIMIT_FSIZE is a write error to report,
     * not a reason to die */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
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

/* The program ended.  Some of its descendants may run on (a daemon; its
 * first stop may not even have been seen yet), so the tracer, which serves
 * them until they end, lets go of stderr: a pipe from ptshim must see
 * end-of-file when the program and its descendants let go of it, as
 * natively. */
static void release_stderr(void) {
    streams_to_null(STDERR_FILENO, STDERR_FILENO);
}

/* Before the tracer waits for the program: the trace goes out, and a part
 * of it that could not be written fails the program's successful end. */
static void flush_trace(void) {
    trace_flush();
    if (trace_output_failed())
        shim_set_exit_failure(EXIT_PTSHIM_FAILURE);
}

/* The trace goes to -o FILE or to a copy of stderr that outlives the
 * program's exit (see release_stderr), close-on-exec so that the program
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
    if (ret < 0)
        die("cannot open %s: %s", opts->trace_file ? opts->trace_file : "stderr",
            strerror(-ret));
    if (out.separately && out.path) {
        /* -ff: the program's own file, FILE.PID, the pid being this
         * process's, is made now: one that cannot be is 125 before the
         * program runs, as an -o FILE is; the tracer writes it anew */
        char name[PATH_MAX + 16];
        int fd;

        snprintf(name, sizeof(name), "%s.%d", out.path, (int)getpid());
        fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0)
            die("%s: %s", name, strerror(errno));
        close(fd);
    }
    trace_init(&opts->trace);
    /* a call that blocks on the host shows its entry meanwhile */
    DkSetWaitUpcall(flush_trace);
}

/* The shim's hooks, on the calling thread's own context.  At a call's
 * entry: the trace's; whether the trace was written whole decides how the
 * program ends, so it goes out before an exit.  True when the trace wants
 * the call's result. */
static bool syscall_entry(const struct pal_event* ev) {
    bool traced = trace_syscall_entry(ev);

    if (g_opts->trace.enabled &&
        (ev->sysno == PTSHIM_NR_exit_group || ev->sysno == PTSHIM_NR_exit))
        flush_trace();
    return traced;
}

/* At its end: --report counts it (a call made again after a signal once,
 * and a call of the 32-bit ABI not at all: it has no row of the x86-64
 * table to count in), and the trace ends its line. */
static void syscall_exit(const struct pal_event* ev, enum shim_end end, long result,
                         enum shim_layer layer) {
    if (end == SHIM_END_ABANDONED) {
        trace_syscall_abandoned(ev);
        return;
    }
    if (!ev->compat)
        syscall_report_count(ev->sysno, layer);
    /* -e inject=: what was done, for the trace, of a call a rule names */
    if (end == SHIM_END_RESULT && g_opts->shim.inject && g_opts->trace.enabled &&
        shim_inject_has(g_opts->shim.inject, ev->sysno))
        trace_syscall_tampered(ev, shim_syscall_tampered(ev));
    if (end == SHIM_END_RESULT)
        trace_syscall_exit(ev, result, g_layer_names[layer]);
    else
        trace_syscall_layer(ev, g_layer_names[layer]);
}

/* --report FILE is opened at the start, as -o is: a FILE ptshim cannot
 * write is known before the program runs, and /dev/stdout is the
 * caller's, which the tracer lets go of once the program has it. */
static void open_report(const struct options* opts) {
    if (!opts->report_file)
        return;
    g_report_out = syscall_report_open(opts->report_file);
    if (g_report_out < 0)
        die("cannot open %s: %s", opts->report_file, strerror(-g_report_out));
}

/* --report: written when the program exits, before ptshim returns; calls
 * of descendants that outlive it are not in it. */
static void write_report(void) {
    int ret;

    if (g_report_out < 0)
        return;
    ret = syscall_report_write(g_report_out, g_opts->trace.json, g_opts->argv);
    g_report_out = -1;
    if (ret < 0)
        log_error("cannot write the report %s: %s", g_opts->report_file, strerror(-ret));
}

/* The program's main process ended: the trace and the report are complete
 * before its parent, ptshim's caller, can see it end (the tracer has not
 * reaped it yet, see PAL_EVENT_EXITING). */
static void main_ended(bool* main_done) {
    trace_finish();
    write_report();
    *main_done = true;
    log_debug("program exited; %lu traced threads known", (unsigned long)DkThreadCount());
    release_stderr();
}

/* A thread started to exit: its end goes into the trace now, while its
 * parent cannot see it yet.  A process's leader that exits before its
 * other threads is reaped last, with the process's status, which its
 * last thread tells: its end waits for that thread's. */
static int on_exiting(const struct pal_event* ev, pid_t main_pid, bool* main_done) {
    struct shim_exiting x;

    log_debug("thread %d exiting, wait status %#x", ev->tid, ev->status);
    shim_on_exiting(ev, &x);
    if (x.leader && !x.last)
        return 0;
    trace_thread_exit(ev);
    if (x.early_leader) {
        struct pal_event leader = {
            .type = PAL_EVENT_EXITING, .thread = x.early_leader, .tid = x.pid, .status = ev->status};

        trace_thread_exit(&leader);
    }
    if (x.last && x.pid == main_pid)
        main_ended(main_done);
    return 0;
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
        /* ptshim's caller sees the program stop, as natively */
        log_debug("thread %d stopped by signal %d", ev->tid, ev->sig);
        return 0;
    case PAL_EVENT_CLONE:
        log_debug("thread %d created %d", ev->tid, ev->child_tid);
        return shim_on_clone(ev);
    case PAL_EVENT_EXEC:
        log_debug("process %d completed an execve", ev->tid);
        trace_exec(ev);
        return shim_on_exec(ev);
    case PAL_EVENT_EXITING:
        return on_exiting(ev, main_pid, main_done);
    case PAL_EVENT_EXIT:
        shim_on_exit(ev);
        if (ev->superseded) {
            trace_thread_superseded(ev);
            return 0;
        }
        log_debug("thread %d gone, wait status %#x", ev->tid, ev->status);
        trace_thread_gone(ev);
        if (ev->tid == main_pid && !*main_done)
            main_ended(main_done);
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
    if (ret < 0)
        die("cannot choose how system calls stop: %s", strerror(-ret));
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
        for (int c = 0; c < PAL_MAX_CPUS && cpu < 0; c++)
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
    die("cannot place the tracer on a CPU: %s", strerror(-ret));
}

/* In the process ptshim's caller started, once DkProcessCreate returned
 * there: the program did not start.  _exit: the tracer may have attached
 * to this process, and a sanitizer's exit-time checks cannot run under it. */
static void __attribute__((noreturn)) not_started(const struct options* opts, int ret,
                                                  const struct pal_exec* exec) {
    if (exec->exec_errno) {
        log_error("cannot run '%s': %s", opts->argv[0], strerror(exec->exec_errno));
        _exit(exec->exec_errno == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXECUTE);
    }
    if (ret == -ECHILD)
        log_error("the tracer ended before '%s' could start", opts->argv[0]);
    else if (ret != -ENOTSUP) /* that one is reported */
        log_error("cannot trace '%s': %s", opts->argv[0], strerror(-ret));
    _exit(EXIT_PTSHIM_FAILURE);
}

void tracer_main(const struct options* opts) {
    static struct pal_exec exec;
    /* the program's parent: it stays the caller's */
    pid_t parent = getppid(), main_pid;
    struct shim_options shim_opts;
    PAL_HANDLE main_thread;
    char** argv;
    bool main_done = false;
    int ret;

    g_opts = opts;
    if (opts->trace.enabled)
        open_trace(opts);
    open_report(opts);
    /* after the files of the command line are open: it changes directory */
    argv = view_setup(opts);
    set_stops(opts);
    set_placement(opts);
    ret = DkProcessCreate(argv, &main_thread, &main_pid, &exec);
    if (ret < 0)
        not_started(opts, ret, &exec);

    /* the tracer, from here on */
    setup_signals();
    log_debug("program '%s' started as process %d, its system calls stopped by %s", opts->argv[0],
              main_pid, DkSyscallStops() == PAL_STOPS_SECCOMP ? "a seccomp filter" : "PTRACE_SYSEMU");
    shim_opts = opts->shim;
    shim_opts.tracer = getpid();
    ret = shim_init(&shim_opts, &(const struct shim_hooks){syscall_entry, syscall_exit},
                    main_thread, main_pid, parent);
    if (ret < 0)
        die("cannot start the library OS: %s", strerror(-ret));
    if (trace_initial_execve(main_thread, main_pid, &exec, opts->argv, environ) < 0)
        die("cannot write the trace of '%s'", opts->argv[0]);
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
        if (ret < 0)
            die("tracing failed: %s", strerror(-ret));
    }
    if (!main_done)
        log_error("the program's end was not seen");
    exit(EXIT_SUCCESS);
}

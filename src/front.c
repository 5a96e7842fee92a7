/*
 * front.c: the front process.
 *
 * It stands for the program towards ptshim's caller: it exits with the
 * program's status (or dies of its signal), it stops when the program
 * stops, and signals that somebody sends to it with kill(2) go on to the
 * program.  Signals from the terminal reach the program directly (same
 * process group), so those are not forwarded twice.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "front.h"
#include "pal_log.h"
#include "report.h"
#include "signals.h"
#include "tracer.h"

static volatile sig_atomic_t g_program_pid;
static volatile sig_atomic_t g_pending_sig;
static volatile sig_atomic_t g_pending_stop;

/* SIGCONT too: whoever continues a stopped ptshim means the program */
static const int g_forwarded[] = {SIGHUP,  SIGINT,  SIGQUIT, SIGTERM,
                                  SIGUSR1, SIGUSR2, SIGALRM, SIGCONT};
static const int g_job_control[] = {SIGTSTP, SIGTTIN, SIGTTOU};

static void forward_signal(int sig, siginfo_t* info, void* ctx) {
    /* si_code > 0: sent by the kernel (the terminal), the program has it */
    if (info->si_code > 0)
        return;
    if (g_program_pid > 0)
        kill(g_program_pid, sig);
    else
        g_pending_sig = sig;
}

/* The front process stops when the program stops, never on its own: a
 * stop from the terminal reaches the program, which the tracer reports.
 * One that comes before the program exists (ptshim is starting) would be
 * lost, so it waits for the program, as it would natively have stopped
 * the shell's child before its exec. */
static void hold_job_control(int sig, siginfo_t* info, void* ctx) {
    if (g_program_pid == 0)
        g_pending_stop = sig;
}

static void setup_signals(void) {
    for (size_t i = 0; i < sizeof(g_forwarded) / sizeof(g_forwarded[0]); i++)
        if (signal_catch(g_forwarded[i], forward_signal) < 0)
            log_warning("cannot catch signal %d: %s", g_forwarded[i], strerror(errno));
    for (size_t i = 0; i < sizeof(g_job_control) / sizeof(g_job_control[0]); i++)
        if (signal_catch(g_job_control[i], hold_job_control) < 0)
            log_warning("cannot catch signal %d: %s", g_job_control[i], strerror(errno));
}

static void stop_like(int sig) {
    struct sigaction dfl = {.sa_handler = SIG_DFL}, old;

    /* SIGSTOP has no action to change (sigaction refuses it): it stops */
    if (sig == SIGSTOP) {
        raise(sig);
        return;
    }
    sigemptyset(&dfl.sa_mask);
    if (sigaction(sig, &dfl, &old) < 0)
        return;
    raise(sig);
    /* continued */
    sigaction(sig, &old, NULL);
}

static void __attribute__((noreturn)) exit_like(int status) {
    if (WIFEXITED(status))
        exit(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        signal_die_like(WTERMSIG(status));
    log_error("unexpected program status %#x", status);
    exit(EXIT_PTSHIM_FAILURE);
}

static void __attribute__((noreturn)) tracer_lost(pid_t tracer) {
    int status;

    if (waitpid(tracer, &status, 0) == tracer && WIFSIGNALED(status))
        log_error("the tracer was killed by signal %d (%s)", WTERMSIG(status),
                  strsignal(WTERMSIG(status)));
    else
        log_error("the tracer ended without the program's status");
    exit(EXIT_PTSHIM_FAILURE);
}

void front_main(const struct options* opts) {
    pid_t self = getpid(), tracer;
    int fds[2];

    if (pipe2(fds, O_CLOEXEC) < 0) {
        log_error("pipe: %s", strerror(errno));
        exit(EXIT_PTSHIM_FAILURE);
    }
    /* before the fork: a signal from the terminal must find both the front
     * process and the tracer prepared (the tracer installs its own) */
    setup_signals();
    tracer = fork();
    if (tracer < 0) {
        log_error("fork: %s", strerror(errno));
        exit(EXIT_PTSHIM_FAILURE);
    }
    if (tracer == 0) {
        close(fds[0]);
        /* the tracer dies with the front process, and the program with it */
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != self)
            _exit(EXIT_PTSHIM_FAILURE);
        tracer_main(opts, fds[1]);
    }
    close(fds[1]);

    for (;;) {
        struct report r;
        ssize_t n = read(fds[0], &r, sizeof(r));

        if (n < 0 && errno == EINTR)
            continue;
        if (n != sizeof(r))
            tracer_lost(tracer);
        switch (r.type) {
        case REPORT_STARTED:
            g_program_pid = r.value;
            if (g_pending_sig)
                kill(r.value, g_pending_sig);
            if (g_pending_stop)
                kill(r.value, g_pending_stop);
            break;
        case REPORT_STOPPED:
            stop_like(r.value);
            break;
        case REPORT_EXITED:
            exit_like(r.value);
        case REPORT_FAILED:
            exit(r.value);
        default:
            log_error("unknown report %d from the tracer", r.type);
            exit(EXIT_PTSHIM_FAILURE);
        }
    }
}

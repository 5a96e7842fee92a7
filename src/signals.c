/*
 * signals.c: ptshim's own signal dispositions.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "signals.h"

static int catch_with(int sig, signal_handler_t handler, int flags) {
    struct sigaction sa, old;

    if (sigaction(sig, NULL, &old) < 0)
        return -errno;
    if (old.sa_handler == SIG_IGN)
        return 0;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) < 0)
        return -errno;
    return 0;
}

int signal_catch(int sig, signal_handler_t handler) {
    return catch_with(sig, handler, 0); /* no SA_RESTART: waits see EINTR */
}

int signal_catch_restart(int sig, signal_handler_t handler) {
    return catch_with(sig, handler, SA_RESTART);
}

void signal_die_like(int sig) {
    struct rlimit no_core = {0, 0};
    struct sigaction sa;
    sigset_t set;

    /* A core of ptshim is of no use, and with core_pattern "core" it would
     * overwrite the program's own core file in the same directory. */
    setrlimit(RLIMIT_CORE, &no_core);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    /* a signal whose default is not to terminate (should not happen) */
    _exit(128 + sig);
}

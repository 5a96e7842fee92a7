/*
 * sig-restart.c: a read on an empty pipe interrupted by signals, with and
 * without SA_RESTART; the handler makes system calls of its own.
 */
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static volatile sig_atomic_t g_hits;

static void on_alarm(int sig) {
    struct timespec ts = {0, 1000};
    char c = '.';

    g_hits++;
    (void)getpid();
    nanosleep(&ts, NULL);
    (void)!write(-1, &c, 1); /* EBADF, but a system call from the handler */
}

/* A child writes one byte after 300 ms; meanwhile SIGALRM every 20 ms. */
static void run(int restart) {
    struct itimerval it = {{0, 20000}, {0, 20000}}, off = {{0, 0}, {0, 0}};
    struct sigaction sa;
    int fds[2];
    pid_t child;
    ssize_t n;
    char c = 0;

    CHECK(pipe(fds) == 0);
    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        struct timespec ts = {0, 300000000};

        nanosleep(&ts, NULL);
        CHECK(write(fds[1], "x", 1) == 1);
        _exit(0);
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sa.sa_flags = restart ? SA_RESTART : 0;
    CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
    g_hits = 0;
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    n = read(fds[0], &c, 1);
    CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
    if (restart)
        printf("SA_RESTART: read returned %zd '%c', handler ran: %s\n", n, c,
               g_hits > 1 ? "several times" : "no");
    else
        printf("no SA_RESTART: read returned %zd (%s), handler ran: %s\n", n,
               n < 0 ? strerror(errno) : "data", g_hits ? "yes" : "no");
    CHECK(waitpid(child, NULL, 0) == child);
    close(fds[0]);
    close(fds[1]);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    run(1);
    run(0);
    return 0;
}

/*
 * sig-longjmp.c: siglongjmp out of a handler that interrupted a blocking
 * read, then more system calls, a second round, and the mask restored.
 */
#include <setjmp.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include "tests.h"

static sigjmp_buf g_env;

static void on_alarm(int sig) {
    siglongjmp(g_env, sig);
}

int main(void) {
    struct sigaction sa;
    sigset_t mask;
    int fds[2];

    CHECK(pipe(fds) == 0);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
    for (int round = 1; round <= 3; round++) {
        int sig = sigsetjmp(g_env, 1);
        char c;

        if (sig == 0) {
            struct itimerval it = {{0, 0}, {0, 50000}};

            CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
            (void)!read(fds[0], &c, 1); /* blocks until SIGALRM */
            printf("round %d: read returned\n", round);
        } else {
            printf("round %d: jumped out of the handler for signal %d\n", round, sig);
        }
        CHECK(sigprocmask(SIG_BLOCK, NULL, &mask) == 0);
        printf("round %d: SIGALRM blocked after the jump: %s\n", round,
               sigismember(&mask, SIGALRM) ? "yes" : "no");
        CHECK(write(fds[1], "", 0) == 0);
    }
    return 0;
}

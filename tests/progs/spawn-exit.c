/*
 * spawn-exit.c: spawn-exit N: N times, a child process whose two threads
 * create short-lived threads as fast as they can while its main thread
 * ends the process (exit_group) after 0 to 9 ms: the process's end kills
 * threads that their creator's clone has not returned from yet.  Prints
 * how many children exited with their status, 3.
 */
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static void* noop(void* arg) {
    return arg;
}

static void* spawner(void* arg) {
    for (;;) {
        pthread_t t;

        if (pthread_create(&t, NULL, noop, NULL) == 0)
            pthread_detach(t);
    }
    return arg;
}

int main(int argc, char** argv) {
    int n, done = 0;

    CHECK(argc == 2);
    n = atoi(argv[1]);
    for (int i = 0; i < n; i++) {
        pid_t p = fork();
        int status;

        CHECK(p >= 0);
        if (p == 0) {
            struct timespec ts = {0, (i % 10) * 1000000L};
            pthread_t t;

            CHECK(pthread_create(&t, NULL, spawner, NULL) == 0);
            CHECK(pthread_create(&t, NULL, spawner, NULL) == 0);
            nanosleep(&ts, NULL);
            _exit(3);
        }
        CHECK(waitpid(p, &status, 0) == p);
        done += WIFEXITED(status) && WEXITSTATUS(status) == 3;
    }
    printf("%d of %d children exited 3\n", done, n);
    return 0;
}

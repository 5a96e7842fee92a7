/*
 * thread-exits.c MODE: how a multithreaded process ends.
 *   main-exits-first: the main thread calls pthread_exit while two others
 *       run on, do system calls, and end the process with exit(5).
 *   exit-while-blocked: threads blocked in read, a futex wait and
 *       nanosleep when another thread calls exit(3) (exit_group).
 */
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static int g_pipe[2];
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_never = PTHREAD_COND_INITIALIZER;

/* worker 1 prints after 50 ms, worker 2 after 200 ms and then exits */
static void* late_worker(void* arg) {
    struct timespec ts = {0, 50000000 + ((long)arg - 1) * 150000000};

    nanosleep(&ts, NULL);
    printf("worker %ld: main is gone, pid still %s\n", (long)arg,
           getpid() > 0 ? "valid" : "invalid");
    fflush(stdout);
    if ((long)arg == 2) {
        nanosleep(&ts, NULL);
        exit(5);
    }
    return NULL;
}

static void* block_read(void* arg) {
    char c;

    (void)!read(g_pipe[0], &c, 1);
    printf("read returned: wrong\n");
    return NULL;
}

static void* block_futex(void* arg) {
    CHECK(pthread_mutex_lock(&g_lock) == 0);
    pthread_cond_wait(&g_never, &g_lock);
    printf("futex returned: wrong\n");
    return NULL;
}

static void* block_sleep(void* arg) {
    struct timespec ts = {100, 0};

    nanosleep(&ts, NULL);
    printf("nanosleep returned: wrong\n");
    return NULL;
}

int main(int argc, char** argv) {
    pthread_t t;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 2 && strcmp(argv[1], "main-exits-first") == 0) {
        CHECK(pthread_create(&t, NULL, late_worker, (void*)1L) == 0);
        CHECK(pthread_create(&t, NULL, late_worker, (void*)2L) == 0);
        printf("main: exiting its thread\n");
        pthread_exit(NULL);
    }
    if (argc == 2 && strcmp(argv[1], "exit-while-blocked") == 0) {
        struct timespec ts = {0, 100000000};

        CHECK(pipe(g_pipe) == 0);
        CHECK(pthread_create(&t, NULL, block_read, NULL) == 0);
        CHECK(pthread_create(&t, NULL, block_futex, NULL) == 0);
        CHECK(pthread_create(&t, NULL, block_sleep, NULL) == 0);
        nanosleep(&ts, NULL);
        printf("main: exit(3) with three threads blocked\n");
        exit(3);
    }
    fprintf(stderr, "usage: thread-exits main-exits-first|exit-while-blocked\n");
    return 2;
}

/*
 * threads.c [ROUNDS]: 8 threads doing system calls and handing a counter
 * around through a mutex and a condition variable (futex wait and wake),
 * ROUNDS times each (200).
 */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests.h"

enum { NTHREADS = 8, ROUNDS = 200 };

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cond = PTHREAD_COND_INITIALIZER;
static int g_turn;
static long g_total;
static int g_rounds = ROUNDS;

static void* worker(void* arg) {
    int id = (int)(long)arg;

    for (int r = 0; r < g_rounds; r++) {
        CHECK(pthread_mutex_lock(&g_lock) == 0);
        while (g_turn % NTHREADS != id)
            CHECK(pthread_cond_wait(&g_cond, &g_lock) == 0);
        g_total += syscall(SYS_getppid) == getppid(); /* 1 each time */
        g_turn++;
        CHECK(pthread_cond_broadcast(&g_cond) == 0);
        CHECK(pthread_mutex_unlock(&g_lock) == 0);
    }
    return (void*)(long)(id * 10);
}

int main(int argc, char** argv) {
    pthread_t t[NTHREADS];
    long sum = 0;

    if (argc > 1)
        g_rounds = atoi(argv[1]);
    for (long i = 0; i < NTHREADS; i++)
        CHECK(pthread_create(&t[i], NULL, worker, (void*)i) == 0);
    for (int i = 0; i < NTHREADS; i++) {
        void* ret;

        CHECK(pthread_join(t[i], &ret) == 0);
        sum += (long)ret;
    }
    printf("turns %d, total %ld, joined sum %ld\n", g_turn, g_total, sum);
    return 0;
}

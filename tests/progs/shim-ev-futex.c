/*
 * shim-ev-futex.c: futex_wake, futex_wait, futex_waitv and
 * futex_requeue (shim-memev.h): a wait woken by another thread, time-outs
 * that have passed, and each error in the kernel's order.
 */
#include "shim-memev.h"

#include <pthread.h>
#include <time.h>

/* (Debian 12's headers predate them) */
#ifndef SYS_futex_wake
#define SYS_futex_wake    454
#define SYS_futex_wait    455
#define SYS_futex_requeue 456
#endif

#define U32     0x02
#define PRIVATE 0x80

struct kts {
    int64_t sec, nsec;
};

struct waitv {
    uint64_t val, uaddr;
    uint32_t flags, reserved;
};

static uint32_t g_word, g_other;

static void* waiter(void* arg) {
    long r = syscall(SYS_futex_wait, &g_word, 0, ~0U, U32 | PRIVATE, NULL, 0);

    (void)arg;
    return (void*)r;
}

int main(void) {
    struct kts past = {0, 0}, bad_ns = {0, 1000000000}, neg = {-1, 0};
    struct waitv w[2] = {{0, (uintptr_t)&g_word, U32 | PRIVATE, 0},
                         {0, (uintptr_t)&g_other, U32 | PRIVATE, 0}};
    pthread_t th;
    void* res;
    long woke = 0;

    setup_stdout();
    section("wake");
    T("futex_wake(no waiter)", syscall(SYS_futex_wake, &g_word, ~0U, 1, U32 | PRIVATE));
    T("futex_wake(flags 0x1000)", syscall(SYS_futex_wake, &g_word, ~0U, 1, 0x1000 | U32));
    T("futex_wake(8-bit)", syscall(SYS_futex_wake, &g_word, 0xff, 1, 0));
    T("futex_wake(64-bit)", syscall(SYS_futex_wake, &g_word, ~0UL, 1, 3));
    T("futex_wake(mask beyond 32 bits)", syscall(SYS_futex_wake, &g_word, 1UL << 32, 1, U32));
    T("futex_wake(mask 0)", syscall(SYS_futex_wake, &g_word, 0, 1, U32));
    T("futex_wake(flags beyond 32 bits)", syscall(SYS_futex_wake, &g_word, ~0U, 1, 1UL << 32 | U32));
    T("futex_wake(unaligned)", syscall(SYS_futex_wake, (char*)&g_word + 1, ~0U, 1, U32));
    T("futex_wake(bad address)", syscall(SYS_futex_wake, hole(), ~0U, 1, U32));
    T("futex_wake(nr 0)", syscall(SYS_futex_wake, &g_word, ~0U, 0, U32));
    T("futex_wake(NUMA)", syscall(SYS_futex_wake, &g_word, ~0U, 1, U32 | 0x04));

    section("wait");
    T("futex_wait(another value)", syscall(SYS_futex_wait, &g_word, 1, ~0U, U32 | PRIVATE, NULL, 0));
    T("futex_wait(passed, monotonic)",
      syscall(SYS_futex_wait, &g_word, 0, ~0U, U32 | PRIVATE, &past, CLOCK_MONOTONIC));
    T("futex_wait(passed, realtime)",
      syscall(SYS_futex_wait, &g_word, 0, ~0U, U32, &past, CLOCK_REALTIME));
    T("futex_wait(clock 5)", syscall(SYS_futex_wait, &g_word, 0, ~0U, U32, &past, 5));
    T("futex_wait(clock 5, no time-out)", syscall(SYS_futex_wait, &g_word, 1, ~0U, U32, NULL, 5));
    T("futex_wait(clock 5, bad time-out)", syscall(SYS_futex_wait, &g_word, 0, ~0U, U32, BAD, 5));
    T("futex_wait(bad time-out)", syscall(SYS_futex_wait, &g_word, 0, ~0U, U32, BAD, CLOCK_MONOTONIC));
    T("futex_wait(tv_nsec 1e9)", syscall(SYS_futex_wait, &g_word, 0, ~0U, U32, &bad_ns, CLOCK_MONOTONIC));
    T("futex_wait(tv_sec -1)", syscall(SYS_futex_wait, &g_word, 0, ~0U, U32, &neg, CLOCK_MONOTONIC));
    T("futex_wait(value beyond 32 bits)", syscall(SYS_futex_wait, &g_word, 1UL << 32, ~0U, U32, NULL, 0));
    T("futex_wait(value beyond 32 bits, bad time-out)",
      syscall(SYS_futex_wait, &g_word, 1UL << 32, ~0U, U32, BAD, CLOCK_MONOTONIC));
    T("futex_wait(flags 0x1000, bad time-out)",
      syscall(SYS_futex_wait, &g_word, 0, ~0U, U32 | 0x1000, BAD, CLOCK_MONOTONIC));
    T("futex_wait(8-bit, bad time-out)", syscall(SYS_futex_wait, &g_word, 0, 0xff, 0, BAD, CLOCK_MONOTONIC));
    T("futex_wait(mask 0)", syscall(SYS_futex_wait, &g_word, 0, 0, U32, &past, CLOCK_MONOTONIC));
    T("futex_wait(bad address)", syscall(SYS_futex_wait, hole(), 0, ~0U, U32, &past, CLOCK_MONOTONIC));
    CHECK(pthread_create(&th, NULL, waiter, NULL) == 0);
    while (woke == 0) {
        woke = syscall(SYS_futex_wake, &g_word, ~0U, 1, U32 | PRIVATE);
        if (woke == 0)
            sched_yield();
    }
    printf("futex_wake(a waiter) = %ld\n", woke);
    CHECK(pthread_join(th, &res) == 0);
    printf("  the waiter's futex_wait = %ld\n", (long)res);

    section("waitv");
    w[0].val = 1;
    T("futex_waitv(another value)", syscall(SYS_futex_waitv, w, 2, 0, NULL, 0));
    w[0].val = 0;
    T("futex_waitv(passed)", syscall(SYS_futex_waitv, w, 2, 0, &past, CLOCK_MONOTONIC));
    T("futex_waitv(flags 1)", syscall(SYS_futex_waitv, w, 2, 1, &past, CLOCK_MONOTONIC));
    T("futex_waitv(none)", syscall(SYS_futex_waitv, w, 0, 0, &past, CLOCK_MONOTONIC));
    T("futex_waitv(129)", syscall(SYS_futex_waitv, w, 129, 0, &past, CLOCK_MONOTONIC));
    T("futex_waitv(NULL)", syscall(SYS_futex_waitv, NULL, 2, 0, &past, CLOCK_MONOTONIC));
    T("futex_waitv(clock 5)", syscall(SYS_futex_waitv, w, 2, 0, &past, 5));
    T("futex_waitv(bad time-out)", syscall(SYS_futex_waitv, w, 2, 0, BAD, CLOCK_MONOTONIC));
    T("futex_waitv(bad waiters)", syscall(SYS_futex_waitv, BAD, 2, 0, &past, CLOCK_MONOTONIC));
    T("futex_waitv(bad waiters, bad time-out)", syscall(SYS_futex_waitv, BAD, 2, 0, BAD, CLOCK_MONOTONIC));
    w[1].reserved = 1;
    T("futex_waitv(reserved)", syscall(SYS_futex_waitv, w, 2, 0, &past, CLOCK_MONOTONIC));
    w[1].reserved = 0;
    w[1].flags = 0x1000 | U32;
    T("futex_waitv(a waiter's flags)", syscall(SYS_futex_waitv, w, 2, 0, &past, CLOCK_MONOTONIC));
    w[1].flags = U32 | PRIVATE;

    section("requeue");
    T("futex_requeue", syscall(SYS_futex_requeue, w, 0, 1, 1));
    w[0].val = 7;
    T("futex_requeue(another value)", syscall(SYS_futex_requeue, w, 0, 1, 1));
    T("futex_requeue(flags 1)", syscall(SYS_futex_requeue, w, 1, 1, 1));
    T("futex_requeue(flags beyond 32 bits)", syscall(SYS_futex_requeue, w, 1UL << 32, 1, 1));
    T("futex_requeue(NULL)", syscall(SYS_futex_requeue, NULL, 0, 1, 1));
    T("futex_requeue(bad waiters)", syscall(SYS_futex_requeue, BAD, 0, 1, 1));
    T("futex_requeue(nr_wake -1)", syscall(SYS_futex_requeue, w, 0, -1, 1));
    return 0;
}

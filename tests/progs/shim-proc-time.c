/*
 * shim-proc-time.c: futex, nanosleep and clock_nanosleep: waits, their
 * time-outs and their signals (one of the shim-proc programs: shim-
 * proc.h).
 */
#include "shim-proc.h"

/* ---- futex ---- */

static uint32_t g_word;

static void* futex_waiter(void* arg) {
    long r = syscall(SYS_futex, &g_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);

    return (void*)(intptr_t)(r == 0 || errno == EAGAIN);
}

static void section_futex(void) {
    uint32_t word = 0, word2 = 0;
    struct timespec ts;
    char buf[8] __attribute__((aligned(4)));
    pthread_t th;
    void* res;

#define F(what, op, val, tsp) T("futex(" what ")", syscall(SYS_futex, &word, (op), (val), (tsp), &word2, 0))
    F("op 14", 14, 0, NULL);
    F("op 99", 99, 0, NULL);
    F("op 14, bad timeout", 14, 0, BAD);
    F("FUTEX_WAKE|FUTEX_CLOCK_REALTIME", FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL);
    F("FUTEX_WAIT|FUTEX_CLOCK_REALTIME", FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, NULL);
    F("FUTEX_WAIT|FUTEX_CLOCK_REALTIME, bad timeout", FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 0, BAD);
    F("FUTEX_WAIT, value differs", FUTEX_WAIT, 1, NULL);
    F("FUTEX_WAIT, bad timeout", FUTEX_WAIT, 0, BAD);
    F("FUTEX_WAIT, bad timeout, value differs", FUTEX_WAIT, 1, BAD);
    F("FUTEX_WAIT_PRIVATE, inaccessible timeout", FUTEX_WAIT_PRIVATE, 0, g_noaccess);
    ts = (struct timespec){0, 1000000000};
    F("FUTEX_WAIT, tv_nsec 1e9", FUTEX_WAIT, 0, &ts);
    ts = (struct timespec){0, -1};
    F("FUTEX_WAIT, tv_nsec -1", FUTEX_WAIT, 0, &ts);
    ts = (struct timespec){-1, 0};
    F("FUTEX_WAIT, tv_sec -1", FUTEX_WAIT, 0, &ts);
    F("FUTEX_WAIT_BITSET, tv_sec -1", FUTEX_WAIT_BITSET, 0, &ts);
    F("FUTEX_LOCK_PI, tv_sec -1", FUTEX_LOCK_PI, 0, &ts);
    F("FUTEX_WAIT_REQUEUE_PI, tv_sec -1", FUTEX_WAIT_REQUEUE_PI, 0, &ts);
    F("FUTEX_LOCK_PI2, tv_sec -1", FUTEX_LOCK_PI2, 0, &ts);
    F("FUTEX_WAKE|FUTEX_CLOCK_REALTIME, tv_sec -1", FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 0, &ts);
    ts = (struct timespec){0, 1000000};
    F("FUTEX_WAIT, 1 ms", FUTEX_WAIT, 0, &ts);
    F("FUTEX_WAIT_PRIVATE, 1 ms", FUTEX_WAIT_PRIVATE, 0, &ts);
    ts = (struct timespec){1, 0};
    T("futex(FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, in the past)",
      syscall(SYS_futex, &word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 0, &ts, NULL,
              FUTEX_BITSET_MATCH_ANY));
    T("futex(FUTEX_WAIT_BITSET, bitset 0)",
      syscall(SYS_futex, &word, FUTEX_WAIT_BITSET, 0, &ts, NULL, 0));
    F("FUTEX_WAKE", FUTEX_WAKE, 1, NULL);
    F("FUTEX_WAKE, a bad pointer as val2", FUTEX_WAKE, 1, BAD);
    F("FUTEX_REQUEUE", FUTEX_REQUEUE, 1, (void*)1);
    F("FUTEX_CMP_REQUEUE", FUTEX_CMP_REQUEUE, 1, (void*)1);
    T("futex(FUTEX_WAKE_OP)",
      syscall(SYS_futex, &word, FUTEX_WAKE_OP, 1, (void*)1, &word2, FUTEX_OP(FUTEX_OP_SET, 5, 0, 0)));
    printf("  the second word after FUTEX_WAKE_OP: %u\n", word2);
    T("futex(FUTEX_WAIT, unaligned)",
      syscall(SYS_futex, buf + 1, FUTEX_WAIT, 0, NULL, NULL, 0));
    T("futex(FUTEX_WAKE, bad address)", syscall(SYS_futex, BAD, FUTEX_WAKE, 1, NULL, NULL, 0));
    T("futex(FUTEX_WAIT, inaccessible address)",
      syscall(SYS_futex, g_noaccess, FUTEX_WAIT, 0, NULL, NULL, 0));
    F("FUTEX_TRYLOCK_PI", FUTEX_TRYLOCK_PI, 0, NULL);
    printf("  the lock word holds the tid: %s\n", word == (uint32_t)gettid() ? "yes" : "no");
    F("FUTEX_UNLOCK_PI", FUTEX_UNLOCK_PI, 0, NULL);
    F("FUTEX_LOCK_PI", FUTEX_LOCK_PI, 0, NULL);
    F("FUTEX_UNLOCK_PI", FUTEX_UNLOCK_PI, 0, NULL);
    F("FUTEX_UNLOCK_PI, not held", FUTEX_UNLOCK_PI, 0, NULL);
#undef F

    /* a thread blocked in a wait, woken */
    g_word = 0;
    CHECK(pthread_create(&th, NULL, futex_waiter, NULL) == 0);
    msleep(50);
    __atomic_store_n(&g_word, 1, __ATOMIC_SEQ_CST);
    for (;;) {
        CHECK(syscall(SYS_futex, &g_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) >= 0);
        if (pthread_tryjoin_np(th, &res) == 0)
            break;
        msleep(1);
    }
    printf("a thread's futex wait ended by a wake: %s\n", res ? "yes" : "no");
}

/* ---- nanosleep, clock_nanosleep ---- */

static void on_alarm(int sig) {
    g_hits++;
}

static void section_sleep(void) {
    struct timespec ts, rem;
    struct itimerval it = {{0, 0}, {0, 50000}};
    double t0;
    pid_t pid;
    long r;

#define N(what, sec, nsec, rmtp)                                        \
    do {                                                                \
        ts = (struct timespec){(sec), (nsec)};                          \
        T("nanosleep(" what ")", syscall(SYS_nanosleep, &ts, (rmtp)));  \
    } while (0)
    T("nanosleep(bad)", syscall(SYS_nanosleep, BAD, NULL));
    T("nanosleep(NULL)", syscall(SYS_nanosleep, NULL, NULL));
    T("nanosleep(inaccessible)", syscall(SYS_nanosleep, g_noaccess, NULL));
    N("tv_nsec 1e9", 0, 1000000000, NULL);
    N("tv_nsec -1", 0, -1, NULL);
    N("tv_sec -1", -1, 0, NULL);
    N("tv_sec -1, bad rmtp", -1, 0, BAD);
    N("1 us", 0, 1000, NULL);
    N("1 us, bad rmtp", 0, 1000, BAD);
#undef N

#define C(what, clk, flags, tsp) T("clock_nanosleep(" what ")", syscall(SYS_clock_nanosleep, (clk), (flags), (tsp), NULL))
    ts = (struct timespec){0, 1000};
    C("CLOCK_REALTIME", CLOCK_REALTIME, 0, &ts);
    C("CLOCK_MONOTONIC", CLOCK_MONOTONIC, 0, &ts);
    C("CLOCK_BOOTTIME", CLOCK_BOOTTIME, 0, &ts);
    C("CLOCK_TAI", CLOCK_TAI, 0, &ts);
    C("CLOCK_MONOTONIC, unknown flags", CLOCK_MONOTONIC, 0xfffe, &ts);
    C("CLOCK_MONOTONIC, TIMER_ABSTIME in the past", CLOCK_MONOTONIC, TIMER_ABSTIME, &ts);
    C("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID, 0, BAD);
    C("CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW, 0, BAD);
    C("CLOCK_REALTIME_COARSE", CLOCK_REALTIME_COARSE, 0, BAD);
    C("CLOCK_MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE, 0, BAD);
    C("clock 10", 10, 0, BAD);
    C("clock 12", 12, 0, BAD);
    C("clock 15", 15, 0, BAD);
    C("clock 16", 16, 0, BAD);
    C("clock INT_MAX", INT_MAX, 0, BAD);
    C("CLOCK_REALTIME_ALARM, bad", CLOCK_REALTIME_ALARM, 0, BAD);
    C("CLOCK_BOOTTIME_ALARM, bad", CLOCK_BOOTTIME_ALARM, 0, BAD);
    C("CLOCK_REALTIME_ALARM, unknown flags", CLOCK_REALTIME_ALARM, 0xfffe, &ts);
    C("a dynamic clock (fd 5)", (clockid_t)(~5U << 3 | 3), 0, &ts);
    C("own process's CPU clock, bad", (clockid_t)(~0U << 3 | 2), 0, BAD);
    C("own thread's CPU clock, bad", (clockid_t)(~0U << 3 | 6), 0, BAD);
    C("own thread's CPU clock", (clockid_t)(~0U << 3 | 6), 0, &ts);
    C("CLOCK_PROCESS_CPUTIME_ID, bad", CLOCK_PROCESS_CPUTIME_ID, 0, BAD);
    C("CLOCK_MONOTONIC, bad", CLOCK_MONOTONIC, 0, BAD);
    C("CLOCK_MONOTONIC, NULL", CLOCK_MONOTONIC, 0, NULL);
    ts = (struct timespec){0, 1000000000};
    C("CLOCK_MONOTONIC, tv_nsec 1e9", CLOCK_MONOTONIC, 0, &ts);
    C("clock 16, tv_nsec 1e9", 16, 0, &ts);
    ts = (struct timespec){-1, 0};
    C("CLOCK_REALTIME, tv_sec -1", CLOCK_REALTIME, TIMER_ABSTIME, &ts);
    ts = (struct timespec){0, 1000};
    T("clock_nanosleep(CLOCK_MONOTONIC, 1 us, bad rmtp)",
      syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, BAD));
#undef C

    /* interrupted by a handled signal: EINTR, and the time left */
    handle(SIGALRM, on_alarm, 0);
    ts = (struct timespec){2, 0};
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    T("nanosleep(2 s) interrupted", syscall(SYS_nanosleep, &ts, &rem));
    printf("  time left between 1 and 2 s: %s\n",
           rem.tv_sec == 1 || (rem.tv_sec == 0 && rem.tv_nsec > 900000000) ? "yes" : "no");
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    T("clock_nanosleep(2 s) interrupted",
      syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem));
    printf("  time left between 1 and 2 s: %s\n",
           rem.tv_sec == 1 || (rem.tv_sec == 0 && rem.tv_nsec > 900000000) ? "yes" : "no");
    CHECK(clock_gettime(CLOCK_MONOTONIC, &rem) == 0);
    rem.tv_sec += 2;
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    T("clock_nanosleep(TIMER_ABSTIME) interrupted",
      syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &rem, NULL));

    /* interrupted by a signal without a handler (a child's SIGCHLD:
     * ignored natively, stopped for under ptrace): the sleep restarts
     * (ERESTART_RESTARTBLOCK) and sleeps its whole time */
    for (int clock = 0; clock < 2; clock++) {
        pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            msleep(30);
            _exit(0);
        }
        ts = (struct timespec){0, 300000000};
        t0 = now();
        if (clock)
            r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem);
        else
            r = syscall(SYS_nanosleep, &ts, &rem);
        printf("%s(300 ms) across a child's exit: %ld, slept it all: %s\n",
               clock ? "clock_nanosleep" : "nanosleep", r, now() - t0 >= 0.29 ? "yes" : "no");
        CHECK(waitpid(pid, NULL, 0) == pid);
    }
    handle(SIGALRM, SIG_DFL, 0);
}

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    shim_proc_setup();
    section("futex");
    section_futex();
    section("sleep");
    section_sleep();
    return 0;
}

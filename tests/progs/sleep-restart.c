/*
 * sleep-restart.c: sleeps of 500 ms (nanosleep, clock_nanosleep, a futex
 * wait that times out) during which a child exits.  Natively its SIGCHLD,
 * whose default action is to ignore it, interrupts none of them; under
 * ptrace it interrupts each, and the kernel goes on with the call through
 * restart_syscall.  Prints each call's result and whether it slept the
 * whole time asked (the kernel never wakes it early).
 */
#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

#define SLEEP_NS 500000000L

static int64_t now_ns(void) {
    struct timespec ts;

    CHECK(clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void sleep_once(const char* how) {
    struct timespec req = {0, SLEEP_NS}, rem;
    static int word;
    int64_t start;
    pid_t child;
    long ret;
    int status;

    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        struct timespec ts = {0, 100000000};

        nanosleep(&ts, NULL);
        _exit(0);
    }
    start = now_ns();
    if (!strcmp(how, "nanosleep"))
        ret = syscall(SYS_nanosleep, &req, &rem);
    else if (!strcmp(how, "clock_nanosleep"))
        ret = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &rem);
    else
        ret = syscall(SYS_futex, &word, FUTEX_WAIT, 0, &req, NULL, 0);
    /* (rem is not compared: under any tracer, the kernel writes the time
     * left when the signal interrupts the sleep, restarted or not) */
    printf("%s: %ld", how, ret);
    if (ret < 0)
        printf(" (%s)", strerror(errno));
    printf(", slept the time asked: %s\n", now_ns() - start >= SLEEP_NS ? "yes" : "no");
    CHECK(waitpid(child, &status, 0) == child);
    print_status("  child", status);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    sleep_once("nanosleep");
    sleep_once("clock_nanosleep");
    sleep_once("futex");
    return 0;
}

/*
 * many-calls.c N [RSS-FILE]: N system calls of every kind the tracer
 * handles differently, for as long as it takes: calls answered in the
 * tracer (getppid, gettid, uname), descriptor reads and writes done from
 * the tracer (/dev/zero, /dev/null), calls run on the host (getpgrp,
 * clock_getres), descriptors opened and closed (the shim's fd table and
 * its duplicates of the program's descriptors), memory mapped and
 * unmapped, and, now and then, a thread and a child process created and
 * ended (the shim's thread and process records).  It prints how many of
 * each succeeded.
 *
 * With RSS-FILE, it also writes there the peak resident size (VmHWM) of
 * its tracer (TracerPid in /proc/self/status) at the end, or "untraced":
 * a leak in the tracer shows as a peak that grows with N.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

enum {
    K_TRACER, /* answered in the tracer */
    K_FD,     /* reads and writes from the tracer */
    K_HOST,   /* run on the host */
    K_OPEN,   /* open and close */
    K_MMAP,   /* mmap and munmap */
    K_THREAD, /* a thread created and joined */
    K_FORK,   /* a child process forked and reaped */
    K_NKINDS
};

static const char* const g_kind_names[K_NKINDS] = {
    "answered in the tracer", "descriptor reads and writes", "run on the host",
    "opens and closes", "mmaps and munmaps", "threads created", "children forked",
};

static long g_ok[K_NKINDS], g_failed[K_NKINDS];

static void count(int kind, int ok) {
    if (ok)
        g_ok[kind]++;
    else
        g_failed[kind]++;
}

static void* thread_main(void* arg) {
    return (void*)(syscall(SYS_gettid) > 0 ? 1L : 0L);
}

/* one round: 9 to 13 calls, and a thread or a process now and then */
static long one_round(long round, int zero, int null) {
    struct utsname u;
    struct timespec ts;
    char buf[64];
    pid_t tid = (pid_t)syscall(SYS_gettid);
    long calls = 0;
    void* p;
    int fd;

    count(K_TRACER, syscall(SYS_getppid) > 0);
    count(K_TRACER, syscall(SYS_gettid) == tid);
    count(K_TRACER, syscall(SYS_uname, &u) == 0);
    count(K_FD, read(zero, buf, sizeof(buf)) == sizeof(buf));
    count(K_FD, write(null, buf, sizeof(buf)) == sizeof(buf));
    count(K_FD, pread(zero, buf, 16, 4096) == 16);
    count(K_HOST, syscall(SYS_getpgrp) > 0);
    count(K_HOST, syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts) == 0);
    calls += 9;
    /* dearer under ptshim (run inside the program): one round in four */
    if (round % 4 == 0) {
        fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
        count(K_OPEN, fd >= 0);
        count(K_OPEN, fd >= 0 && close(fd) == 0);
        p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        count(K_MMAP, p != MAP_FAILED);
        count(K_MMAP, p != MAP_FAILED && munmap(p, 8192) == 0);
        calls += 4;
    }
    if (round % 1000 == 999) {
        pthread_t t;
        void* ret = NULL;

        /* clone, and the thread's own calls: about 10 in all */
        count(K_THREAD, pthread_create(&t, NULL, thread_main, NULL) == 0 &&
                            pthread_join(t, &ret) == 0 && ret);
        calls += 10;
    }
    if (round % 5000 == 4999) {
        int st;
        pid_t pid = fork();

        if (pid == 0)
            _exit(syscall(SYS_getppid) > 0 ? 7 : 1);
        count(K_FORK, pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
                          WEXITSTATUS(st) == 7);
        calls += 5;
    }
    return calls;
}

/* The tracer's peak resident size, in kB, or -1 when not traced. */
static long tracer_hwm(void) {
    char path[64], line[256];
    long tracer = 0, hwm = -1;
    FILE* f = fopen("/proc/self/status", "r");

    CHECK(f != NULL);
    while (fgets(line, sizeof(line), f))
        sscanf(line, "TracerPid: %ld", &tracer);
    fclose(f);
    if (tracer <= 0)
        return -1;
    snprintf(path, sizeof(path), "/proc/%ld/status", tracer);
    f = fopen(path, "r");
    CHECK(f != NULL);
    while (fgets(line, sizeof(line), f))
        sscanf(line, "VmHWM: %ld kB", &hwm);
    fclose(f);
    CHECK(hwm >= 0);
    return hwm;
}

int main(int argc, char** argv) {
    long n, done = 0, round = 0;
    int zero, null;

    if (argc < 2 || argc > 3 || (n = atol(argv[1])) <= 0) {
        fprintf(stderr, "usage: many-calls N [RSS-FILE]\n");
        return 2;
    }
    zero = open("/dev/zero", O_RDONLY);
    null = open("/dev/null", O_WRONLY);
    CHECK(zero >= 0 && null >= 0);
    while (done < n)
        done += one_round(round++, zero, null);
    printf("%ld rounds, at least %ld calls\n", round, n);
    for (int k = 0; k < K_NKINDS; k++)
        printf("%s: %ld ok, %ld failed\n", g_kind_names[k], g_ok[k], g_failed[k]);
    if (argc == 3) {
        long hwm = tracer_hwm();
        FILE* f = fopen(argv[2], "w");

        CHECK(f != NULL);
        if (hwm < 0)
            fprintf(f, "untraced\n");
        else
            fprintf(f, "%ld\n", hwm);
        CHECK(fclose(f) == 0);
    }
    return 0;
}

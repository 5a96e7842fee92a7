/*
 * workload: the tracee of the forwarding benchmark.
 *
 * Usage: workload MODE N
 *   getpid   raw syscall(SYS_getpid) N times
 *   read1    read 1 byte from /dev/zero N times
 *   write1   write 1 byte to /dev/null N times
 *
 * Only the loop is timed, with clock_gettime(CLOCK_MONOTONIC): it is served by
 * the vDSO, so the clock itself costs no system call and no ptrace stop.
 * Every result is checked, so a tracer that answers or forwards a call wrongly
 * makes the workload fail instead of producing a fast, meaningless number.
 * Prints "MODE ns_per_call" on stdout.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void fail(const char *what, int err)
{
    fprintf(stderr, "workload: %s: %s\n", what, strerror(err));
    exit(1);
}

static long long now_ns(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_MONOTONIC, &ts))
        fail("clock_gettime", errno);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void loop_getpid(long n)
{
    /* getpid() is the reference: glibc does not cache it since 2.25. */
    long want = syscall(SYS_getpid);

    for (long i = 0; i < n; i++) {
        long got = syscall(SYS_getpid);

        if (got != want) {
            fprintf(stderr, "workload: getpid returned %ld, want %ld\n", got, want);
            exit(1);
        }
    }
}

/* getpgrp: a call ptshim passes through to the host, beside getpid,
 * which its shim answers. */
static void loop_getpgrp(long n)
{
    long want = syscall(SYS_getpgrp);

    for (long i = 0; i < n; i++) {
        long got = syscall(SYS_getpgrp);

        if (got != want) {
            fprintf(stderr, "workload: getpgrp returned %ld, want %ld\n", got, want);
            exit(1);
        }
    }
}

static void loop_read1(int fd, long n)
{
    for (long i = 0; i < n; i++) {
        /* Poison the byte so a read that does not really copy is caught. */
        char c = 'x';
        ssize_t r = read(fd, &c, 1);

        if (r != 1 || c != 0) {
            fprintf(stderr, "workload: read returned %zd, byte %d\n", r, c);
            exit(1);
        }
    }
}

static void loop_write1(int fd, long n)
{
    char c = 'w';

    for (long i = 0; i < n; i++) {
        ssize_t r = write(fd, &c, 1);

        if (r != 1) {
            fprintf(stderr, "workload: write returned %zd\n", r);
            exit(1);
        }
    }
}

int main(int argc, char **argv)
{
    const char *mode;
    char *end;
    long long t0, t1;
    long n;
    int fd = -1;

    if (argc != 3) {
        fprintf(stderr, "usage: workload getpid|getpgrp|read1|write1 N\n");
        return 2;
    }
    mode = argv[1];
    errno = 0;
    n = strtol(argv[2], &end, 10);
    if (errno || *end || n <= 0) {
        fprintf(stderr, "workload: bad count '%s'\n", argv[2]);
        return 2;
    }

    if (!strcmp(mode, "read1"))
        fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    else if (!strcmp(mode, "write1"))
        fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    else if (strcmp(mode, "getpid") && strcmp(mode, "getpgrp")) {
        fprintf(stderr, "workload: unknown mode '%s'\n", mode);
        return 2;
    }
    if (fd < 0 && strcmp(mode, "getpid") && strcmp(mode, "getpgrp"))
        fail("open", errno);

    t0 = now_ns();
    if (!strcmp(mode, "getpid"))
        loop_getpid(n);
    else if (!strcmp(mode, "getpgrp"))
        loop_getpgrp(n);
    else if (!strcmp(mode, "read1"))
        loop_read1(fd, n);
    else
        loop_write1(fd, n);
    t1 = now_ns();

    printf("%s %lld\n", mode, (t1 - t0) / n);
    if (fflush(stdout))
        fail("stdout", errno);
    return 0;
}

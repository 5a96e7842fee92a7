/*
 * load-procs.c: many processes at once.
 *
 *   concurrent P N  P child processes, all alive together (they start
 *                   their calls when the last one exists), each making N
 *                   system calls of several kinds; every fourth child does
 *                   it after an execve of this program ("leaf").  Each
 *                   reports its successes through a pipe and exits with a
 *                   status of its own; the parent prints, in child order,
 *                   what it got.
 *   fds P           P processes alive together, each holding nearly as many
 *                   descriptors as RLIMIT_NOFILE allows, reading from
 *                   each: together many more than the tracer may hold
 *   busy P T        for the fault tests: P processes of T threads each
 *                   making calls, creating threads and children, forever
 *                   (until killed)
 *
 * What "concurrent" prints depends only on its arguments.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

/* N calls; returns how many succeeded */
static long make_calls(long n) {
    int zero = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    struct timespec ts;
    long ok = 2;
    char buf[32];

    if (zero < 0 || null < 0)
        return 0;
    for (long i = 2; i < n; i++) {
        switch (i % 5) {
        case 0:
            ok += syscall(SYS_getppid) > 1;
            break;
        case 1:
            ok += read(zero, buf, sizeof(buf)) == sizeof(buf);
            break;
        case 2:
            ok += write(null, buf, sizeof(buf)) == sizeof(buf);
            break;
        case 3:
            ok += syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts) == 0;
            break;
        default:
            ok += syscall(SYS_getpid) == getpid();
            break;
        }
    }
    close(zero);
    close(null);
    return ok;
}

struct result {
    int index;
    long ok;
};

static int leaf(int index, long n, int result_fd) {
    struct result r = {index, make_calls(n)};

    CHECK(write(result_fd, &r, sizeof(r)) == sizeof(r));
    return 10 + index % 100;
}

static int mode_concurrent(const char* self, int nprocs, long calls) {
    int go[2], results[2], ready[2];
    pid_t* pids = calloc(nprocs, sizeof(*pids));
    int* status = calloc(nprocs, sizeof(*status));
    long* ok = calloc(nprocs, sizeof(*ok));
    struct result r;
    char c;

    CHECK(pids && status && ok);
    CHECK(pipe(go) == 0 && pipe(results) == 0 && pipe(ready) == 0);
    for (int i = 0; i < nprocs; i++) {
        pids[i] = fork();
        CHECK(pids[i] >= 0);
        if (pids[i] == 0) {
            char index[16], n[32], fd[16];

            close(go[1]);
            close(results[0]);
            close(ready[0]);
            CHECK(write(ready[1], "r", 1) == 1);
            /* released when the parent closes its end: all exist */
            CHECK(read(go[0], &c, 1) == 0);
            if (i % 4 == 3) {
                snprintf(index, sizeof(index), "%d", i);
                snprintf(n, sizeof(n), "%ld", calls);
                snprintf(fd, sizeof(fd), "%d", results[1]);
                execl(self, self, "leaf", index, n, fd, (char*)NULL);
                _exit(127);
            }
            _exit(leaf(i, calls, results[1]));
        }
    }
    close(ready[1]);
    for (int i = 0; i < nprocs; i++)
        CHECK(read(ready[0], &c, 1) == 1);
    close(go[1]);
    close(results[1]);
    for (int i = 0; i < nprocs; i++) {
        CHECK(read(results[0], &r, sizeof(r)) == sizeof(r));
        CHECK(r.index >= 0 && r.index < nprocs);
        ok[r.index] = r.ok;
    }
    for (int i = 0; i < nprocs; i++) {
        int st;
        pid_t p = wait(&st);

        CHECK(p > 0);
        for (int j = 0; j < nprocs; j++)
            if (pids[j] == p)
                status[j] = st;
    }
    for (int i = 0; i < nprocs; i++)
        printf("child %d%s: %ld of %ld calls succeeded, exited %d\n", i,
               i % 4 == 3 ? " (after execve)" : "", ok[i], calls,
               WIFEXITED(status[i]) ? WEXITSTATUS(status[i]) : -WTERMSIG(status[i]));
    {
        int ret = (int)wait(NULL);

        printf("wait then: %d (%s)\n", ret, strerror(errno));
    }
    return 0;
}

/* fds: many descriptors in many processes */

static int mode_fds(int nprocs) {
    int go[2], ready[2], results[2];
    struct rlimit rl;
    long n;
    char c;

    CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0);
    /* all but a few: the pipes, the standard streams */
    n = (long)rl.rlim_cur - 16;
    CHECK(n > 0);
    CHECK(pipe(go) == 0 && pipe(ready) == 0 && pipe(results) == 0);
    for (int i = 0; i < nprocs; i++) {
        pid_t pid = fork();

        CHECK(pid >= 0);
        if (pid == 0) {
            struct result r = {i, 0};
            int* fds = calloc(n, sizeof(*fds));

            close(go[1]);
            for (long j = 0; j < n; j++)
                if (!fds || (fds[j] = open("/dev/zero", O_RDONLY)) < 0)
                    break;
            for (long j = 0; j < n; j++)
                r.ok += fds && fds[j] > 0 && read(fds[j], &c, 1) == 1;
            CHECK(write(ready[1], "r", 1) == 1);
            /* all children hold their descriptors now */
            CHECK(read(go[0], &c, 1) == 0);
            for (long j = 0; j < n; j++)
                r.ok += fds && fds[j] > 0 && read(fds[j], &c, 1) == 1;
            for (long j = 0; j < n; j++)
                r.ok += fds && fds[j] > 0 && close(fds[j]) == 0;
            CHECK(write(results[1], &r, sizeof(r)) == sizeof(r));
            _exit(0);
        }
    }
    close(ready[1]);
    close(results[1]);
    for (int i = 0; i < nprocs; i++)
        if (read(ready[0], &c, 1) != 1)
            break;
    close(go[1]);
    for (int i = 0; i < nprocs; i++) {
        struct result r;

        if (read(results[0], &r, sizeof(r)) != sizeof(r))
            break;
        printf("a child: %ld of %ld reads and closes succeeded\n", r.ok, 3 * n);
    }
    for (int i = 0; i < nprocs; i++) {
        int st;

        CHECK(wait(&st) > 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            printf("a child failed: status %#x\n", st);
    }
    printf("%d children held %ld descriptors each, %ld in all\n", nprocs, n, nprocs * n);
    return 0;
}

/* busy */

static void* busy_thread(void* arg) {
    for (;;) {
        pthread_t t;

        make_calls(200);
        /* a short-lived thread now and then */
        if (pthread_create(&t, NULL, busy_thread, (void*)1) == 0)
            pthread_detach(t);
        if (arg)
            return NULL;
    }
}

static void __attribute__((noreturn)) busy_process(int nthreads) {
    for (int i = 1; i < nthreads; i++) {
        pthread_t t;

        CHECK(pthread_create(&t, NULL, busy_thread, NULL) == 0);
    }
    for (;;) {
        pid_t p;

        make_calls(500);
        /* a short-lived child now and then */
        p = fork();
        if (p == 0)
            _exit(make_calls(100) > 0);
        if (p > 0)
            waitpid(p, NULL, 0);
    }
}

static int mode_busy(int nprocs, int nthreads) {
    for (int i = 1; i < nprocs; i++) {
        pid_t p = fork();

        CHECK(p >= 0);
        if (p == 0)
            busy_process(nthreads);
    }
    busy_process(nthreads);
}

int main(int argc, char** argv) {
    if (argc == 4 && !strcmp(argv[1], "concurrent"))
        return mode_concurrent(argv[0], atoi(argv[2]), atol(argv[3]));
    if (argc == 5 && !strcmp(argv[1], "leaf"))
        return leaf(atoi(argv[2]), atol(argv[3]), atoi(argv[4]));
    if (argc == 3 && !strcmp(argv[1], "fds"))
        return mode_fds(atoi(argv[2]));
    if (argc == 4 && !strcmp(argv[1], "busy"))
        return mode_busy(atoi(argv[2]), atoi(argv[3]));
    fprintf(stderr, "usage: load-procs concurrent P N | fds P | busy P T\n");
    return 2;
}

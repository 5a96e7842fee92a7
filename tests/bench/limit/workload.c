/*
 * workload: the micro workloads of `make bench`, and the tracee of the
 * forwarding benchmark (mintracer runs its single-threaded, single-process
 * modes: getpid, getpgrp, read1, write1, open, stat, mmap, clock).
 *
 * Usage: workload MODE N [PATH]
 *   getpid   raw syscall(SYS_getpid): a call the shim answers itself
 *   getpgrp  raw syscall(SYS_getpgrp): a call ptshim passes to the host
 *   read1    read 1 byte from /dev/zero
 *   write1   write 1 byte to /dev/null
 *   open     open PATH read-only, then close it
 *   stat     stat PATH
 *   mmap     mmap 4 KiB of anonymous memory, touch it, munmap it
 *   pipe     a 1-byte round trip between two threads over two pipes
 *   fork     fork a child that exits at once, and wait for it
 *   spawn    posix_spawn /bin/true and wait for it
 *   futex    hand a token around a ring of 4 threads (FUTEX_WAIT/WAKE)
 *   clock    clock_gettime(CLOCK_MONOTONIC): the vDSO, no system call
 *   compute2 two threads, each computing for about 250 us between two
 *            getppid calls: work that runs in parallel natively
 * PATH (open, stat) defaults to the workload's own argv[0], a regular file.
 *
 * Only the loop is timed, with clock_gettime(CLOCK_MONOTONIC): it is served by
 * the vDSO, so the clock itself costs no system call and no ptrace stop.
 * Threads are started before the clock starts and joined after it stops.
 * Every result is checked, so a tracer that answers or forwards a call wrongly
 * makes the workload fail instead of producing a fast, meaningless number.
 * Prints "MODE ns_per_operation" on stdout (one operation is one loop
 * iteration: a round trip, a fork and its wait, one hand-off of the token).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static const char *path;

static void __attribute__((noreturn)) fail(const char *what, int err)
{
    fprintf(stderr, "workload: %s: %s\n", what, strerror(err));
    exit(1);
}

static void __attribute__((noreturn)) wrong(const char *what, long got, long want)
{
    fprintf(stderr, "workload: %s returned %ld, want %ld\n", what, got, want);
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

    if (want < 0)
        fail("getpid", errno);
    for (long i = 0; i < n; i++) {
        long got = syscall(SYS_getpid);

        if (got != want)
            wrong("getpid", got, want);
    }
}

/* getpgrp: a call ptshim passes through to the host, beside getpid,
 * which its shim answers. */
static void loop_getpgrp(long n)
{
    long want = syscall(SYS_getpgrp);

    /* A failing call (ENOSYS under --strict) must not pass for a cheap one. */
    if (want < 0)
        fail("getpgrp", errno);
    for (long i = 0; i < n; i++) {
        long got = syscall(SYS_getpgrp);

        if (got != want)
            wrong("getpgrp", got, want);
    }
}

static int open_or_fail(const char *name, int flags)
{
    int fd = open(name, flags | O_CLOEXEC);

    if (fd < 0)
        fail(name, errno);
    return fd;
}

static void loop_read1(long n)
{
    int fd = open_or_fail("/dev/zero", O_RDONLY);

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

static void loop_write1(long n)
{
    int fd = open_or_fail("/dev/null", O_WRONLY);
    char c = 'w';

    for (long i = 0; i < n; i++) {
        ssize_t r = write(fd, &c, 1);

        if (r != 1)
            wrong("write", r, 1);
    }
}

static void loop_open(long n)
{
    /* The same number each time: a leaked descriptor would show. */
    int want = open_or_fail(path, O_RDONLY);

    close(want);
    for (long i = 0; i < n; i++) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);

        if (fd != want)
            wrong("open", fd, want);
        if (close(fd))
            fail("close", errno);
    }
}

static void loop_stat(long n)
{
    struct stat want, st;

    if (stat(path, &want))
        fail(path, errno);
    for (long i = 0; i < n; i++) {
        st.st_ino = 0;
        if (stat(path, &st))
            fail(path, errno);
        if (st.st_ino != want.st_ino || st.st_size != want.st_size)
            wrong("stat's st_ino", (long)st.st_ino, (long)want.st_ino);
    }
}

static void loop_mmap(long n)
{
    for (long i = 0; i < n; i++) {
        void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        volatile char *c = p;

        if (p == MAP_FAILED)
            fail("mmap", errno);
        /* A fresh anonymous page is zero; the touch makes it real. */
        if (c[100] != 0)
            wrong("a fresh page's byte", c[100], 0);
        c[100] = 1;
        if (munmap(p, 4096))
            fail("munmap", errno);
    }
}

/* pipe: the echo thread sends back each byte it reads, until EOF. */
static int ping[2], pong[2];

static void *echo(void *arg)
{
    char c;
    ssize_t r;

    (void)arg;
    while ((r = read(ping[0], &c, 1)) == 1) {
        c++;
        if (write(pong[1], &c, 1) != 1)
            fail("echo: write", errno);
    }
    if (r < 0)
        fail("echo: read", errno);
    return NULL;
}

static pthread_t echo_thread;

static void setup_pipe(void)
{
    int err;

    if (pipe2(ping, O_CLOEXEC) || pipe2(pong, O_CLOEXEC))
        fail("pipe2", errno);
    err = pthread_create(&echo_thread, NULL, echo, NULL);
    if (err)
        fail("pthread_create", err);
}

static void loop_pipe(long n)
{
    for (long i = 0; i < n; i++) {
        char c = (char)i, back = 0;

        if (write(ping[1], &c, 1) != 1)
            fail("write", errno);
        if (read(pong[0], &back, 1) != 1)
            fail("read", errno);
        if (back != (char)(c + 1))
            wrong("the echoed byte", back, (char)(c + 1));
    }
}

static void finish_pipe(void)
{
    int err;

    close(ping[1]);
    err = pthread_join(echo_thread, NULL);
    if (err)
        fail("pthread_join", err);
}

static void wait_child(pid_t pid)
{
    int status;
    pid_t r;

    while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
        ;
    if (r != pid)
        wrong("waitpid", r, pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status))
        wrong("the child's wait status", status, 0);
}

static void loop_fork(long n)
{
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();

        if (pid < 0)
            fail("fork", errno);
        if (pid == 0)
            _exit(0);
        wait_child(pid);
    }
}

static void loop_spawn(long n)
{
    static char true_path[] = "/bin/true";
    char *argv[] = { true_path, NULL };

    for (long i = 0; i < n; i++) {
        pid_t pid;
        int err = posix_spawn(&pid, argv[0], NULL, NULL, argv, environ);

        if (err)
            fail("posix_spawn /bin/true", err);
        wait_child(pid);
    }
}

/*
 * futex: RING threads, each with its own word; thread i waits until its word
 * is set, clears it, and sets and wakes the next one. The main thread is ring
 * member 0 and starts the token. Each thread does ROUNDS hand-offs.
 */
#define RING 4

static struct {
    _Atomic int word;
    char pad[60]; /* one cache line each: no false sharing between waiters */
} ring[RING];
static long rounds;
static pthread_t ring_threads[RING];

static long futex(_Atomic int *word, int op, int val)
{
    return syscall(SYS_futex, word, op | FUTEX_PRIVATE_FLAG, val, NULL, NULL, 0);
}

static void take_token(int i)
{
    while (!atomic_load(&ring[i].word))
        if (futex(&ring[i].word, FUTEX_WAIT, 0) < 0 && errno != EAGAIN && errno != EINTR)
            fail("futex wait", errno);
    atomic_store(&ring[i].word, 0);
}

static void pass_token(int i)
{
    int next = (i + 1) % RING;

    atomic_store(&ring[next].word, 1);
    /* Always wake: the cost measured is the hand-off's system calls. */
    if (futex(&ring[next].word, FUTEX_WAKE, 1) < 0)
        fail("futex wake", errno);
}

static void *ring_member(void *arg)
{
    int i = (int)(long)arg;

    for (long r = 0; r < rounds; r++) {
        take_token(i);
        pass_token(i);
    }
    return NULL;
}

static void setup_futex(long n)
{
    rounds = (n + RING - 1) / RING;
    for (int i = 1; i < RING; i++) {
        int err = pthread_create(&ring_threads[i], NULL, ring_member, (void *)(long)i);

        if (err)
            fail("pthread_create", err);
    }
}

static void loop_futex(long n)
{
    (void)n;
    for (long r = 0; r < rounds; r++) {
        pass_token(0);
        take_token(0);
    }
}

static void finish_futex(void)
{
    for (int i = 1; i < RING; i++) {
        int err = pthread_join(ring_threads[i], NULL);

        if (err)
            fail("pthread_join", err);
    }
}

static void loop_clock(long n)
{
    long long last = now_ns();

    for (long i = 0; i < n; i++) {
        long long t = now_ns();

        if (t < last)
            wrong("CLOCK_MONOTONIC going back, by", (long)(last - t), 0);
        last = t;
    }
}

/* compute2: each of two threads does N rounds of arithmetic (about 250 us
 * natively on this machine class: long enough for --placement=auto to let
 * the threads go) and one getppid; an operation is a round of one thread. */
#define COMPUTE_STEPS 200000
static long compute_rounds;

static void *compute_thread(void *arg)
{
    volatile unsigned long x = (unsigned long)arg;

    for (long r = 0; r < compute_rounds; r++) {
        for (int i = 0; i < COMPUTE_STEPS; i++)
            x = x * 6364136223846793005UL + 1442695040888963407UL;
        if (syscall(SYS_getppid) <= 0)
            fail("getppid", errno);
    }
    return NULL;
}

static void loop_compute2(long n)
{
    pthread_t t[2];

    compute_rounds = n;
    for (int i = 0; i < 2; i++) {
        int err = pthread_create(&t[i], NULL, compute_thread, (void *)(long)(i + 1));

        if (err)
            fail("pthread_create", err);
    }
    for (int i = 0; i < 2; i++) {
        int err = pthread_join(t[i], NULL);

        if (err)
            fail("pthread_join", err);
    }
}

struct mode {
    const char *name;
    void (*loop)(long n);
};

static const struct mode modes[] = {
    { "getpid", loop_getpid }, { "getpgrp", loop_getpgrp }, { "read1", loop_read1 },
    { "write1", loop_write1 }, { "open", loop_open },       { "stat", loop_stat },
    { "mmap", loop_mmap },     { "pipe", loop_pipe },       { "fork", loop_fork },
    { "spawn", loop_spawn },   { "futex", loop_futex },     { "clock", loop_clock },
    { "compute2", loop_compute2 },
};

int main(int argc, char **argv)
{
    const struct mode *m = NULL;
    long long t0, t1;
    char *end;
    long n, ops;

    for (size_t i = 0; argc > 1 && i < sizeof(modes) / sizeof(modes[0]); i++)
        if (!strcmp(argv[1], modes[i].name))
            m = &modes[i];
    if (argc < 3 || argc > 4 || !m) {
        fprintf(stderr, "usage: workload MODE N [PATH]\nmodes:");
        for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
            fprintf(stderr, " %s", modes[i].name);
        fputc('\n', stderr);
        return 2;
    }
    errno = 0;
    n = strtol(argv[2], &end, 10);
    if (errno || *end || n <= 0) {
        fprintf(stderr, "workload: bad count '%s'\n", argv[2]);
        return 2;
    }
    path = argc == 4 ? argv[3] : argv[0];

    ops = n;
    if (m->loop == loop_pipe)
        setup_pipe();
    else if (m->loop == loop_futex) {
        setup_futex(n);
        ops = rounds * RING;
    } else if (m->loop == loop_compute2)
        ops = 2 * n;
    t0 = now_ns();
    m->loop(n);
    t1 = now_ns();
    if (m->loop == loop_pipe)
        finish_pipe();
    else if (m->loop == loop_futex)
        finish_futex();

    printf("%s %.1f\n", m->name, (double)(t1 - t0) / (double)ops);
    if (fflush(stdout))
        fail("stdout", errno);
    return 0;
}

/*
 * load-threads.c: many threads at once.
 *
 *   concurrent T N   T threads, released together, each making N system
 *                    calls of several kinds (answered in the tracer, reads
 *                    and writes from it, run on the host); totals printed
 *   blocked B W N    B threads blocked in the kernel, B/6 (at least one)
 *                    each in read of a pipe, futex wait, accept, nanosleep,
 *                    poll and epoll_wait, while W threads make N calls
 *                    each; then each blocked thread is woken its own way
 *                    (a write, a FUTEX_WAKE, a connect, a signal, ...).
 *                    The workers start only when every blocked thread is
 *                    seen sleeping in the kernel (state S in
 *                    /proc/self/task/TID/stat), not stopped in the tracer.
 *
 * What is printed depends only on the arguments.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static pthread_barrier_t g_start;
static long g_calls;
static int g_zero, g_null;
static atomic_long g_ok, g_failed;

/* N calls of several kinds; how many succeeded goes to the totals */
static void make_calls(long n) {
    pid_t tid = (pid_t)syscall(SYS_gettid);
    long ok = 0, failed = 0;
    char buf[32];

    for (long i = 0; i < n; i++) {
        int good;

        switch (i % 5) {
        case 0:
            good = syscall(SYS_getppid) > 0;
            break;
        case 1:
            good = syscall(SYS_gettid) == tid;
            break;
        case 2:
            good = read(g_zero, buf, sizeof(buf)) == sizeof(buf);
            break;
        case 3:
            good = write(g_null, buf, sizeof(buf)) == sizeof(buf);
            break;
        default:
            good = syscall(SYS_getpgrp) > 0;
            break;
        }
        if (good)
            ok++;
        else
            failed++;
    }
    atomic_fetch_add(&g_ok, ok);
    atomic_fetch_add(&g_failed, failed);
}

static void* concurrent_main(void* arg) {
    pthread_barrier_wait(&g_start);
    make_calls(g_calls);
    return arg;
}

static pthread_t* start_threads(int n, void* (*fn)(void*), void* (*arg)(int)) {
    pthread_t* t = calloc(n, sizeof(*t));
    pthread_attr_t attr;

    CHECK(t != NULL);
    CHECK(pthread_attr_init(&attr) == 0);
    /* 500 threads of 8 MB stacks would be 4 GB of address space */
    CHECK(pthread_attr_setstacksize(&attr, 128 * 1024) == 0);
    for (int i = 0; i < n; i++) {
        errno = pthread_create(&t[i], &attr, fn, arg ? arg(i) : NULL);
        CHECK(errno == 0);
    }
    pthread_attr_destroy(&attr);
    return t;
}

static void join_threads(pthread_t* t, int n) {
    for (int i = 0; i < n; i++)
        CHECK(pthread_join(t[i], NULL) == 0);
    free(t);
}

static int mode_concurrent(int nthreads, long calls) {
    pthread_t* t;

    g_calls = calls;
    CHECK(pthread_barrier_init(&g_start, NULL, nthreads + 1) == 0);
    t = start_threads(nthreads, concurrent_main, NULL);
    pthread_barrier_wait(&g_start);
    join_threads(t, nthreads);
    printf("%d threads made %ld calls each: %ld succeeded, %ld failed\n", nthreads, calls,
           (long)g_ok, (long)g_failed);
    return 0;
}

/* blocked */

enum { B_READ, B_FUTEX, B_ACCEPT, B_NANOSLEEP, B_POLL, B_EPOLL, B_NKINDS };
static const char* const g_block_names[B_NKINDS] = {"read", "futex", "accept",
                                                    "nanosleep", "poll", "epoll_wait"};

struct blocked {
    int kind;
    pid_t tid;          /* set by the thread before it blocks */
    int fds[2];         /* read, poll, epoll: a pipe */
    int epfd;           /* epoll_wait */
    long result;        /* what its call returned: 1 or 0 for success */
    pthread_t thread;
};

static struct blocked* g_blocked;
static int g_nblocked;
static atomic_int g_ready;
static _Atomic unsigned int g_futex_word;
static int g_listen;
static struct sockaddr_un g_addr = {.sun_family = AF_UNIX};

static void on_usr1(int sig) {
}

static void* blocked_main(void* arg) {
    struct blocked* b = arg;
    struct timespec ts = {3600, 0};
    struct epoll_event ev;
    struct pollfd pfd;
    char c;
    int fd;

    b->tid = (pid_t)syscall(SYS_gettid);
    atomic_fetch_add(&g_ready, 1);
    switch (b->kind) {
    case B_READ:
        b->result = read(b->fds[0], &c, 1) == 1 && c == 'r';
        break;
    case B_FUTEX:
        /* woken (0), or the word changed before the wait (EAGAIN) */
        while (atomic_load(&g_futex_word) == 0)
            syscall(SYS_futex, &g_futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
        b->result = 1;
        break;
    case B_ACCEPT:
        fd = accept(g_listen, NULL, NULL);
        b->result = fd >= 0 && close(fd) == 0;
        break;
    case B_NANOSLEEP:
        /* an hour, cut short by a signal */
        b->result = nanosleep(&ts, &ts) < 0 && errno == EINTR;
        break;
    case B_POLL:
        pfd.fd = b->fds[0];
        pfd.events = POLLIN;
        b->result = poll(&pfd, 1, -1) == 1 && (pfd.revents & POLLIN);
        break;
    case B_EPOLL:
        b->result = epoll_wait(b->epfd, &ev, 1, -1) == 1 && (ev.events & EPOLLIN);
        break;
    }
    return NULL;
}

static void* blocked_arg(int i) {
    return &g_blocked[i];
}

static void* worker_main(void* arg) {
    make_calls(g_calls);
    return arg;
}

/* Whether thread TID sleeps in the kernel. */
static int sleeping(pid_t tid) {
    char path[64], buf[256], *p;
    int fd, n;

    snprintf(path, sizeof(path), "/proc/self/task/%d/stat", (int)tid);
    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    CHECK(n > 0);
    buf[n] = '\0';
    p = strrchr(buf, ')');
    return p && p[1] == ' ' && p[2] == 'S';
}

/* Wait (at most a minute) until every blocked thread sleeps in the
 * kernel; print those that never did. */
static void wait_all_sleeping(void) {
    struct timespec ms = {0, 1000000};

    for (int tries = 0; tries < 60000; tries++) {
        int awake = 0;

        if (atomic_load(&g_ready) == g_nblocked)
            for (int i = 0; i < g_nblocked && !awake; i++)
                awake = !sleeping(g_blocked[i].tid);
        else
            awake = 1;
        if (!awake)
            return;
        nanosleep(&ms, NULL);
    }
    for (int i = 0; i < g_nblocked; i++)
        if (!g_blocked[i].tid || !sleeping(g_blocked[i].tid))
            printf("blocked thread %d (%s) never slept in the kernel\n", i,
                   g_block_names[g_blocked[i].kind]);
}

static void wake(struct blocked* b) {
    int c;

    switch (b->kind) {
    case B_READ:
        CHECK(write(b->fds[1], "r", 1) == 1);
        break;
    case B_FUTEX:
        /* all of them, once */
        if (atomic_exchange(&g_futex_word, 1) == 0)
            syscall(SYS_futex, &g_futex_word, FUTEX_WAKE_PRIVATE, INT32_MAX, NULL, NULL, 0);
        break;
    case B_ACCEPT:
        c = socket(AF_UNIX, SOCK_STREAM, 0);
        CHECK(c >= 0);
        CHECK(connect(c, (struct sockaddr*)&g_addr, sizeof(g_addr)) == 0);
        close(c);
        break;
    case B_NANOSLEEP:
        CHECK(pthread_kill(b->thread, SIGUSR1) == 0);
        break;
    case B_POLL:
    case B_EPOLL:
        CHECK(write(b->fds[1], "p", 1) == 1);
        break;
    }
}

static int mode_blocked(int nblocked, int nworkers, long calls) {
    struct sigaction sa;
    pthread_t *blocked, *workers;
    int per_kind[B_NKINDS] = {0}, woken[B_NKINDS] = {0};

    if (nblocked < B_NKINDS)
        nblocked = B_NKINDS;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1; /* no SA_RESTART: nanosleep ends with EINTR */
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    /* an abstract socket: nothing in the file system to clean up */
    snprintf(g_addr.sun_path + 1, sizeof(g_addr.sun_path) - 1, "ptshim-load-threads-%d",
             (int)getpid());
    g_listen = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(g_listen >= 0);
    CHECK(bind(g_listen, (struct sockaddr*)&g_addr, sizeof(g_addr)) == 0);
    CHECK(listen(g_listen, nblocked) == 0);
    g_nblocked = nblocked;
    g_blocked = calloc(nblocked, sizeof(*g_blocked));
    CHECK(g_blocked != NULL);
    for (int i = 0; i < nblocked; i++) {
        struct blocked* b = &g_blocked[i];

        b->kind = i % B_NKINDS;
        per_kind[b->kind]++;
        if (b->kind == B_READ || b->kind == B_POLL || b->kind == B_EPOLL)
            CHECK(pipe2(b->fds, O_CLOEXEC) == 0);
        if (b->kind == B_EPOLL) {
            struct epoll_event ev = {.events = EPOLLIN};

            b->epfd = epoll_create1(EPOLL_CLOEXEC);
            CHECK(b->epfd >= 0);
            CHECK(epoll_ctl(b->epfd, EPOLL_CTL_ADD, b->fds[0], &ev) == 0);
        }
    }
    blocked = start_threads(nblocked, blocked_main, blocked_arg);
    for (int i = 0; i < nblocked; i++)
        g_blocked[i].thread = blocked[i];
    wait_all_sleeping();

    g_calls = calls;
    workers = start_threads(nworkers, worker_main, NULL);
    join_threads(workers, nworkers);
    printf("%d workers made %ld calls each while %d threads were blocked: %ld succeeded, "
           "%ld failed\n",
           nworkers, calls, nblocked, (long)g_ok, (long)g_failed);

    for (int i = 0; i < nblocked; i++)
        wake(&g_blocked[i]);
    join_threads(blocked, nblocked);
    for (int i = 0; i < nblocked; i++)
        woken[g_blocked[i].kind] += g_blocked[i].result == 1;
    for (int k = 0; k < B_NKINDS; k++)
        printf("blocked in %s: %d, woken as expected: %d\n", g_block_names[k], per_kind[k],
               woken[k]);
    return 0;
}

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    g_zero = open("/dev/zero", O_RDONLY | O_CLOEXEC);
    g_null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    CHECK(g_zero >= 0 && g_null >= 0);
    if (argc == 4 && !strcmp(argv[1], "concurrent"))
        return mode_concurrent(atoi(argv[2]), atol(argv[3]));
    if (argc == 5 && !strcmp(argv[1], "blocked"))
        return mode_blocked(atoi(argv[2]), atoi(argv[3]), atol(argv[4]));
    fprintf(stderr, "usage: load-threads concurrent T N | blocked B W N\n");
    return 2;
}

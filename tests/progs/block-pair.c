/*
 * block-pair.c: calls that block while another thread or process goes on,
 * in an order that does not depend on the scheduler, so that a trace of
 * them is the same in every run (trace-blocked.test, trace-ff.test):
 *
 *   threads  thread T blocks in read() on a pipe; once it is blocked, the
 *            main thread calls getpid(), then wakes T with a write
 *   procs    the same with a child process C blocked in read(): the parent
 *            calls getpid(), then waits for C in wait4(); once both are
 *            blocked, a second child writes to the pipe, and waits to be
 *            killed (its end would interrupt the parent's wait4)
 *   sleep    thread T sleeps in clock_nanosleep() until 2100; once it is
 *            asleep, the main thread calls getpid(), then wakes T with a
 *            signal
 *   exec     thread T waits until the main thread is blocked in read(),
 *            then runs "block-pair after-exec" with execve(): T takes the
 *            process's ID, the main thread is gone
 *   block    getpid(), its pid on stdout, then read() of a pipe that no
 *            one writes: blocked until killed
 *   getpid N [nonblock]
 *            its pid on stdout, then N getpid() calls, after making its
 *            stderr non-blocking if asked: a trace to a pipe that is not
 *            read blocks the tracer (trace-write-errors.test)
 *
 * "Blocked" is read from /proc (the task sleeping in the call), with
 * pread64 and nanosleep, which the tests leave out of the trace
 * (-e trace=read,getpid,wait4 -e signal=none: which child's SIGCHLD comes
 * first is the scheduler's), and the waits for a thread ID with sched_yield.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static int g_pipe[2];
static atomic_int g_reader_tid;

/* The first word of /proc/self/task/TID/FILE (an fd kept open), or -1. */
static long first_number(int fd, char* state) {
    char buf[256];
    ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);

    if (n <= 0)
        return -1;
    buf[n] = '\0';
    if (state) {
        /* stat: "pid (comm) S ...": the state follows the last ')' */
        char* p = strrchr(buf, ')');

        *state = p && p[1] == ' ' ? p[2] : '?';
        return 0;
    }
    return strtol(buf, NULL, 10);
}

/* Until TID sleeps inside system call SYSNO: its entry is past the
 * tracer. */
static void wait_blocked_in(pid_t pid, pid_t tid, long sysno) {
    char path[64];
    int sys_fd, stat_fd;

    snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", pid, tid);
    CHECK((sys_fd = open(path, O_RDONLY)) >= 0);
    snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", pid, tid);
    CHECK((stat_fd = open(path, O_RDONLY)) >= 0);
    for (;;) {
        struct timespec ms = {0, 1000000};
        char state = '?';

        if (first_number(sys_fd, NULL) == sysno && first_number(stat_fd, &state) == 0 &&
            state == 'S' && first_number(sys_fd, NULL) == sysno)
            break;
        nanosleep(&ms, NULL);
    }
    close(sys_fd);
    close(stat_fd);
}

static void* reader(void* arg) {
    char c;

    atomic_store(&g_reader_tid, (int)syscall(SYS_gettid));
    CHECK(read(g_pipe[0], &c, 1) == 1);
    return NULL;
}

static int mode_threads(void) {
    pid_t self = getpid();
    pthread_t th;

    CHECK(pipe(g_pipe) == 0);
    CHECK(pthread_create(&th, NULL, reader, NULL) == 0);
    while (!atomic_load(&g_reader_tid))
        sched_yield();
    wait_blocked_in(self, atomic_load(&g_reader_tid), SYS_read);
    syscall(SYS_getpid);
    CHECK(write(g_pipe[1], "x", 1) == 1);
    CHECK(pthread_join(th, NULL) == 0);
    printf("done\n");
    return 0;
}

static void on_signal(int sig) {
}

static void* sleeper(void* arg) {
    /* absolute, so that the trace is the same in every run */
    struct timespec until = {.tv_sec = 4102444800 /* 2100-01-01 */};

    atomic_store(&g_reader_tid, (int)syscall(SYS_gettid));
    CHECK(syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &until, NULL) < 0 &&
          errno == EINTR);
    return NULL;
}

static int mode_sleep(void) {
    struct sigaction sa = {.sa_handler = on_signal};
    pid_t self = getpid();
    pthread_t th;

    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(pthread_create(&th, NULL, sleeper, NULL) == 0);
    while (!atomic_load(&g_reader_tid))
        sched_yield();
    wait_blocked_in(self, atomic_load(&g_reader_tid), SYS_clock_nanosleep);
    syscall(SYS_getpid);
    CHECK(syscall(SYS_tgkill, self, atomic_load(&g_reader_tid), SIGUSR1) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    printf("done\n");
    return 0;
}

static char* g_self;

static void* execer(void* arg) {
    static char after[] = "after-exec";
    char* argv[] = {g_self, after, NULL};
    pid_t* leader = arg;

    wait_blocked_in(*leader, *leader, SYS_read);
    execv(g_self, argv);
    perror("execv");
    exit(99);
}

static int mode_exec(void) {
    pid_t self = getpid();
    pthread_t th;
    char c;

    CHECK(pipe(g_pipe) == 0);
    CHECK(pthread_create(&th, NULL, execer, &self) == 0);
    CHECK(read(g_pipe[0], &c, 1) == 1); /* never returns */
    return 1;
}

static int mode_procs(void) {
    pid_t self = getpid(), child, waker;
    int status;
    char c;

    CHECK(pipe(g_pipe) == 0);
    CHECK((child = fork()) >= 0);
    if (child == 0)
        _exit(read(g_pipe[0], &c, 1) == 1 ? 0 : 1);
    CHECK((waker = fork()) >= 0);
    if (waker == 0) {
        wait_blocked_in(child, child, SYS_read);
        wait_blocked_in(self, self, SYS_wait4);
        CHECK(write(g_pipe[1], "x", 1) == 1);
        for (;;)
            pause();
    }
    wait_blocked_in(child, child, SYS_read);
    syscall(SYS_getpid);
    CHECK(waitpid(child, &status, 0) == child);
    print_status("reader", status);
    CHECK(kill(waker, SIGKILL) == 0);
    CHECK(waitpid(waker, &status, 0) == waker);
    print_status("waker", status);
    return 0;
}

static int mode_block(void) {
    char c;

    CHECK(pipe(g_pipe) == 0);
    printf("%ld\n", syscall(SYS_getpid));
    fflush(stdout);
    return read(g_pipe[0], &c, 1) == 1 ? 0 : 1;
}

static int mode_getpid(long n, bool nonblock) {
    printf("%ld\n", syscall(SYS_getpid));
    fflush(stdout);
    if (nonblock)
        CHECK(fcntl(STDERR_FILENO, F_SETFL, fcntl(STDERR_FILENO, F_GETFL) | O_NONBLOCK) == 0);
    for (long i = 0; i < n; i++)
        syscall(SYS_getpid);
    return 0;
}

int main(int argc, char** argv) {
    g_self = argv[0];
    if (argc == 2 && !strcmp(argv[1], "exec"))
        return mode_exec();
    if (argc == 2 && !strcmp(argv[1], "after-exec")) {
        printf("after exec\n");
        return 0;
    }
    if (argc == 2 && !strcmp(argv[1], "threads"))
        return mode_threads();
    if (argc == 2 && !strcmp(argv[1], "procs"))
        return mode_procs();
    if (argc == 2 && !strcmp(argv[1], "sleep"))
        return mode_sleep();
    if (argc == 2 && !strcmp(argv[1], "block"))
        return mode_block();
    if ((argc == 3 || argc == 4) && !strcmp(argv[1], "getpid"))
        return mode_getpid(atol(argv[2]), argc == 4 && !strcmp(argv[3], "nonblock"));
    fprintf(stderr, "usage: %s threads|procs|sleep|exec|block|getpid N [nonblock]\n", argv[0]);
    return 2;
}

/*
 * kill-blocked.c [ROUNDS]: processes killed with SIGKILL in the middle of
 * a system call, and the program going on after each.
 *
 * Each case forks a child that blocks in one call; once the child sleeps
 * in the kernel (state S in /proc/PID/stat), the parent kills it and
 * reports its wait status.  The calls: ones the shim answers (read of an
 * empty pipe, a futex wait, nanosleep, wait4) and ones that pass through
 * to the host (accept, pause, poll, flock); the same with the blocked call
 * in a second thread, killed through that thread (tgkill), and with the
 * blocked process a vfork child whose parent waits in vfork.  Then ROUNDS
 * children are killed while busy making calls the tracer answers, at
 * whatever point the signal finds them, and ROUNDS while they execve
 * themselves again and again (from the leader, or from a second thread
 * while the leader makes calls), from 0 to 10 ms into it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static int g_pipe[2];     /* never written: reads block */
static int g_ready[2];    /* the child's "about to block", its TID */
static int g_listen = -1; /* never connected to: accept blocks */
static int g_lock_fd = -1;
static unsigned int g_futex_word;

/* Whether task TID of process PID sleeps in the kernel. */
static int sleeping(pid_t pid, pid_t tid) {
    char path[64], buf[256], *p;
    int fd, n;

    snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)pid, (int)tid);
    fd = open(path, O_RDONLY);
    if (fd < 0)
        return 0;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    p = strrchr(buf, ')');
    return p && p[1] == ' ' && p[2] == 'S';
}

/* Wait (a minute at most) until TID of PID sleeps; say so if it never did. */
static void wait_sleeping(const char* what, pid_t pid, pid_t tid) {
    struct timespec ms = {0, 1000000};

    for (int tries = 0; tries < 60000; tries++) {
        if (sleeping(pid, tid))
            return;
        nanosleep(&ms, NULL);
    }
    printf("%s: never slept in the kernel\n", what);
}

static void announce(void) {
    pid_t tid = (pid_t)syscall(SYS_gettid);

    if (write(g_ready[1], &tid, sizeof(tid)) != sizeof(tid))
        _exit(99);
}

/* Block in call KIND, once the parent knows our TID. */
static void blocking_call(int kind) {
    struct timespec hour = {3600, 0};
    struct pollfd pfd = {.fd = g_pipe[0], .events = POLLIN};
    int fd, sync[2];
    char c;

    switch (kind) {
    case 0:
        announce();
        if (read(g_pipe[0], &c, 1) < 0)
            _exit(1);
        break;
    case 1:
        announce();
        syscall(SYS_futex, &g_futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
        break;
    case 2:
        announce();
        nanosleep(&hour, NULL);
        break;
    case 3:
        /* a child that never ends on its own, but dies with its parent */
        if (pipe(sync) < 0)
            _exit(99);
        if (fork() == 0) {
            if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || write(sync[1], "s", 1) != 1)
                _exit(99);
            pause();
            _exit(0);
        }
        if (read(sync[0], &c, 1) != 1)
            _exit(99);
        announce();
        wait(NULL);
        break;
    case 4:
        announce();
        fd = accept(g_listen, NULL, NULL);
        (void)fd;
        break;
    case 5:
        announce();
        pause();
        break;
    case 6:
        announce();
        poll(&pfd, 1, -1);
        break;
    case 7:
        fd = open("lock", O_RDWR);
        announce();
        flock(fd, LOCK_EX);
        break;
    }
    _exit(2); /* not reached: killed */
}

static const char* const g_kinds[] = {
    "read of an empty pipe (shim)", "futex wait (shim)", "nanosleep (shim)",
    "wait4 (shim)",                 "accept (host)",     "pause (host)",
    "poll (host)",                  "flock (host)",
};
enum { NKINDS = sizeof(g_kinds) / sizeof(g_kinds[0]) };

static pid_t read_tid(void) {
    pid_t tid;

    CHECK(read(g_ready[0], &tid, sizeof(tid)) == sizeof(tid));
    return tid;
}

static void kill_wait(const char* what, pid_t pid, pid_t tid) {
    int st;

    wait_sleeping(what, pid, tid);
    if (tid == pid)
        CHECK(kill(pid, SIGKILL) == 0);
    else
        CHECK(syscall(SYS_tgkill, pid, tid, SIGKILL) == 0);
    CHECK(waitpid(pid, &st, 0) == pid);
    print_status(what, st);
}

/* the call in the only thread */
static void case_single(int kind) {
    pid_t pid = fork();

    CHECK(pid >= 0);
    if (pid == 0)
        blocking_call(kind);
    kill_wait(g_kinds[kind], pid, read_tid());
}

static void* blocked_thread(void* arg) {
    blocking_call((int)(long)arg);
    return NULL;
}

/* the call in a second thread, while the first makes calls */
static void case_thread(int kind) {
    char what[128];
    pid_t pid = fork();

    CHECK(pid >= 0);
    if (pid == 0) {
        pthread_t t;

        if (pthread_create(&t, NULL, blocked_thread, (void*)(long)kind) != 0)
            _exit(99);
        for (;;)
            syscall(SYS_getppid);
    }
    snprintf(what, sizeof(what), "%s, in a second thread", g_kinds[kind]);
    kill_wait(what, pid, read_tid());
}

/* the call in a vfork child, its parent waiting in vfork */
static void case_vfork(int kind) {
    char what[128];
    int st;
    pid_t pid = fork(), tid;

    CHECK(pid >= 0);
    if (pid == 0) {
        pid_t child = vfork();

        if (child == 0)
            blocking_call(kind);
        /* the vfork child is dead: its parent goes on */
        if (child < 0 || waitpid(child, &st, 0) != child)
            _exit(99);
        _exit(WIFSIGNALED(st) ? 100 + WTERMSIG(st) : 99);
    }
    tid = read_tid();
    snprintf(what, sizeof(what), "%s, in a vfork child", g_kinds[kind]);
    wait_sleeping(what, tid, tid);
    CHECK(kill(tid, SIGKILL) == 0);
    CHECK(waitpid(pid, &st, 0) == pid);
    snprintf(what, sizeof(what), "%s, the vfork parent (100 + the child's signal)",
             g_kinds[kind]);
    print_status(what, st);
}

/* a child killed while it makes calls the tracer answers */
static int case_busy(int rounds) {
    int killed = 0;

    for (int i = 0; i < rounds; i++) {
        int st;
        pid_t pid = fork();

        CHECK(pid >= 0);
        if (pid == 0) {
            announce();
            for (;;)
                syscall(i % 2 ? SYS_getppid : SYS_gettid);
        }
        read_tid();
        /* a few more calls of our own first, more each round */
        for (int j = 0; j < i % 17; j++)
            syscall(SYS_getppid);
        CHECK(kill(pid, SIGKILL) == 0);
        CHECK(waitpid(pid, &st, 0) == pid);
        killed += WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
    }
    return killed;
}

/* exec-loop N: execve this program again and again, every other time
 * from a second thread while the first makes calls */
static const char* g_self;

static void* exec_thread(void* arg) {
    execl(g_self, g_self, "exec-loop", "0", (char*)NULL);
    _exit(1);
}

static int exec_loop(int n) {
    char next[16];

    if (n % 2) {
        pthread_t t;

        if (pthread_create(&t, NULL, exec_thread, NULL) != 0)
            return 99;
        for (;;)
            syscall(SYS_getppid);
    }
    snprintf(next, sizeof(next), "%d", n + 1);
    execl(g_self, g_self, "exec-loop", next, (char*)NULL);
    return 1;
}

/* children killed at moments of their execve loop */
static int case_exec(int rounds) {
    int killed = 0;

    for (int i = 0; i < rounds; i++) {
        struct timespec ts = {0, (i % 50) * 200000L};
        int st;
        pid_t pid = fork();

        CHECK(pid >= 0);
        if (pid == 0) {
            execl(g_self, g_self, "exec-loop", "0", (char*)NULL);
            _exit(1);
        }
        nanosleep(&ts, NULL);
        CHECK(kill(pid, SIGKILL) == 0);
        CHECK(waitpid(pid, &st, 0) == pid);
        killed += WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
    }
    return killed;
}

int main(int argc, char** argv) {
    struct sockaddr_un sun = {.sun_family = AF_UNIX};
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    long ok = 0;

    g_self = argv[0];
    if (argc == 3 && !strcmp(argv[1], "exec-loop"))
        return exec_loop(atoi(argv[2]));

    setvbuf(stdout, NULL, _IONBF, 0);
    CHECK(pipe(g_pipe) == 0 && pipe(g_ready) == 0);
    snprintf(sun.sun_path + 1, sizeof(sun.sun_path) - 1, "ptshim-kill-blocked-%d",
             (int)getpid());
    g_listen = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(g_listen >= 0);
    CHECK(bind(g_listen, (struct sockaddr*)&sun, sizeof(sun)) == 0);
    CHECK(listen(g_listen, 1) == 0);
    /* held by us: the children's flock waits for it */
    g_lock_fd = open("lock", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(g_lock_fd >= 0 && flock(g_lock_fd, LOCK_EX) == 0);

    for (int k = 0; k < NKINDS; k++)
        case_single(k);
    for (int k = 0; k < NKINDS; k++)
        case_thread(k);
    for (int k = 0; k < NKINDS; k++)
        if (k != 3) /* no fork inside a vfork child */
            case_vfork(k);
    printf("busy children killed by SIGKILL: %d of %d\n", case_busy(rounds), rounds);
    printf("children in execve loops killed by SIGKILL: %d of %d\n", case_exec(rounds),
           rounds);
    for (int i = 0; i < 1000; i++)
        ok += syscall(SYS_getppid) > 0;
    printf("calls after it all: %ld of 1000 succeeded\n", ok);
    {
        int ret = (int)wait(NULL);

        printf("wait then: %d (%s)\n", ret, strerror(errno));
    }
    return 0;
}

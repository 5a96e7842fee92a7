/*
 * blocking.c: host calls that block one thread while others go on (the
 * execution model: a blocked thread never stalls the tracer).
 *
 *   read    thread A blocks in read() on a pipe while the main thread
 *           makes 10,000 system calls, then writes what A reads
 *   server  16 threads blocked, 8 in accept() and 8 in a futex wait,
 *           while the main thread makes 5,000 calls, then wakes them
 *   wait4   a parent blocked in wait4() while 4 children make 2,000 calls
 *           each and exit
 *
 * Each prints what it saw in an order that does not depend on timing.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

static int g_pipe[2];
static volatile int g_calls_done;

static long some_calls(int n) {
    long sum = 0;

    for (int i = 0; i < n; i++)
        sum += syscall(i % 2 ? SYS_getppid : SYS_getuid) >= 0;
    return sum;
}

static void* reader(void* arg) {
    char c;
    ssize_t n = read(g_pipe[0], &c, 1);

    printf("A: read %zd byte '%c' after the other thread's %s calls\n", n, n == 1 ? c : '?',
           g_calls_done ? "10000" : "missing");
    return arg;
}

static int mode_read(void) {
    pthread_t a;

    CHECK(pipe(g_pipe) == 0);
    CHECK(pthread_create(&a, NULL, reader, NULL) == 0);
    printf("B: made %ld calls\n", some_calls(10000));
    g_calls_done = 1;
    CHECK(write(g_pipe[1], "x", 1) == 1);
    CHECK(pthread_join(a, NULL) == 0);
    return 0;
}

enum { NACCEPT = 8, NWAIT = 8 };
static int g_listen;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cond = PTHREAD_COND_INITIALIZER;
static int g_go, g_accepted, g_woken;

static void* acceptor(void* arg) {
    int fd = accept(g_listen, NULL, NULL);

    CHECK(fd >= 0);
    close(fd);
    pthread_mutex_lock(&g_lock);
    g_accepted++;
    pthread_mutex_unlock(&g_lock);
    return arg;
}

static void* waiter(void* arg) {
    pthread_mutex_lock(&g_lock);
    while (!g_go)
        pthread_cond_wait(&g_cond, &g_lock);
    g_woken++;
    pthread_mutex_unlock(&g_lock);
    return arg;
}

static int mode_server(void) {
    struct sockaddr_un sun = {.sun_family = AF_UNIX};
    pthread_t th[NACCEPT + NWAIT];

    /* an abstract socket: nothing in the file system to clean up */
    snprintf(sun.sun_path + 1, sizeof(sun.sun_path) - 1, "ptshim-blocking-%d", (int)getpid());
    g_listen = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(g_listen >= 0);
    CHECK(bind(g_listen, (struct sockaddr*)&sun, sizeof(sun)) == 0);
    CHECK(listen(g_listen, NACCEPT) == 0);
    for (int i = 0; i < NACCEPT; i++)
        CHECK(pthread_create(&th[i], NULL, acceptor, NULL) == 0);
    for (int i = 0; i < NWAIT; i++)
        CHECK(pthread_create(&th[NACCEPT + i], NULL, waiter, NULL) == 0);
    printf("main: made %ld calls while 16 threads were blocked\n", some_calls(5000));
    for (int i = 0; i < NACCEPT; i++) {
        int c = socket(AF_UNIX, SOCK_STREAM, 0);

        CHECK(c >= 0);
        CHECK(connect(c, (struct sockaddr*)&sun, sizeof(sun)) == 0);
        close(c);
    }
    pthread_mutex_lock(&g_lock);
    g_go = 1;
    pthread_cond_broadcast(&g_cond);
    pthread_mutex_unlock(&g_lock);
    for (int i = 0; i < NACCEPT + NWAIT; i++)
        CHECK(pthread_join(th[i], NULL) == 0);
    printf("accepted %d, woken %d\n", g_accepted, g_woken);
    return 0;
}

static int mode_wait4(void) {
    int seen[4] = {0};

    for (int i = 0; i < 4; i++) {
        pid_t p = fork();

        CHECK(p >= 0);
        if (p == 0)
            _exit(some_calls(2000) == 2000 ? 10 + i : 1);
    }
    for (int i = 0; i < 4; i++) {
        int st;
        pid_t p = wait4(-1, &st, 0, NULL);

        CHECK(p > 0);
        if (WIFEXITED(st) && WEXITSTATUS(st) >= 10 && WEXITSTATUS(st) < 14)
            seen[WEXITSTATUS(st) - 10]++;
    }
    for (int i = 0; i < 4; i++)
        printf("child %d: exited %d time(s) with %d\n", i, seen[i], 10 + i);
    {
        /* wait4 first: the order in which arguments are evaluated is not
         * defined */
        int ret = (int)wait4(-1, NULL, 0, NULL);

        printf("wait4 then: %d (%s)\n", ret, strerror(errno));
    }
    return 0;
}

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 2 && !strcmp(argv[1], "read"))
        return mode_read();
    if (argc == 2 && !strcmp(argv[1], "server"))
        return mode_server();
    if (argc == 2 && !strcmp(argv[1], "wait4"))
        return mode_wait4();
    fprintf(stderr, "usage: blocking read|server|wait4\n");
    return 2;
}

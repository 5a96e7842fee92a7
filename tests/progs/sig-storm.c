/*
 * sig-storm.c ACKED FLOOD QUEUED: a process receives tens of thousands of
 * signals from another while it makes system calls, and its handlers make
 * system calls too.
 *
 * The parent (the receiver) reads records from a pipe (SA_RESTART: every
 * read that a handler interrupts goes on), checks their sequence numbers
 * and makes a few other calls per record, until end-of-file.  The child
 * (the sender) writes a record after every 16 signals and sends:
 *   ACKED   SIGUSR1, each time waiting until the handler has written an
 *           acknowledgement to a pipe: exactly ACKED handler runs;
 *   FLOOD   SIGUSR1 without waiting: pending signals merge, so the
 *           handler runs at least once and at most FLOOD times;
 *   QUEUED  SIGRTMIN with sigqueue(), value 1..QUEUED: real-time signals
 *           queue, so the handler sees every one, in order (the sender
 *           retries when the queue is full).
 * The counts printed do not depend on timing.  "threads" (below) does the
 * same to the threads of one process.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

struct record {
    long seq;
    char pad[56];
};

static int g_ack_fd = -1;
static volatile sig_atomic_t g_acking = 1;
static volatile long g_usr1, g_rt, g_rt_sum, g_rt_disorder, g_handler_calls;

static void on_usr1(int sig) {
    int saved = errno;

    g_usr1++;
    g_handler_calls += syscall(SYS_getppid) > 0;
    if (g_acking && write(g_ack_fd, "a", 1) != 1)
        _exit(98);
    errno = saved;
}

static void on_rt(int sig, siginfo_t* si, void* uc) {
    int saved = errno;
    long v = si->si_value.sival_int;

    g_rt++;
    if (v != g_rt)
        g_rt_disorder++;
    g_rt_sum += v;
    g_handler_calls += syscall(SYS_gettid) > 0;
    errno = saved;
}

static void send_record(int fd, long seq) {
    struct record r = {.seq = seq};

    CHECK(write(fd, &r, sizeof(r)) == sizeof(r));
}

static int sender(pid_t receiver, long acked, long flood, long queued, int data_fd,
                  int ack_fd, int phase_fd) {
    long seq = 0, retries = 0;
    char c;

    for (long i = 0; i < acked; i++) {
        CHECK(kill(receiver, SIGUSR1) == 0);
        CHECK(read(ack_fd, &c, 1) == 1);
        if (i % 16 == 15)
            send_record(data_fd, seq++);
    }
    /* the receiver stops acknowledging before the flood: it looks at the
     * phase pipe after each record */
    CHECK(write(phase_fd, "f", 1) == 1);
    send_record(data_fd, seq++);
    CHECK(read(ack_fd, &c, 1) == 1 && c == 'F');
    for (long i = 0; i < flood; i++) {
        CHECK(kill(receiver, SIGUSR1) == 0);
        if (i % 16 == 15)
            send_record(data_fd, seq++);
    }
    for (long i = 1; i <= queued; i++) {
        union sigval v = {.sival_int = (int)i};

        while (sigqueue(receiver, SIGRTMIN, v) < 0) {
            CHECK(errno == EAGAIN);
            retries++;
            sched_yield();
        }
        if (i % 16 == 0)
            send_record(data_fd, seq++);
    }
    return 0;
}

/*
 * threads ROUNDS: the same within a process, to its threads: the main
 * thread sends SIGUSR1 to each of 8 threads in turn (tgkill) and waits for
 * the handler's acknowledgement; the even threads are blocked in read of a
 * pipe (SA_RESTART: the read goes on), the odd ones sleep in nanosleep,
 * interrupted, and poll a pipe between sleeps.  Each thread reads all the
 * data written to its pipe and handles every signal sent to it.
 */
enum { NTHREADS = 8 };
static int g_pipes[NTHREADS][2];
static pid_t g_tids[NTHREADS];
static volatile long g_handled[NTHREADS];
static __thread int g_index = -1;
static pthread_barrier_t g_started;

static void on_usr1_thread(int sig) {
    int saved = errno;

    if (g_index >= 0)
        g_handled[g_index]++;
    g_handler_calls += syscall(SYS_getppid) > 0;
    if (write(g_ack_fd, "a", 1) != 1)
        _exit(98);
    errno = saved;
}

static void* storm_thread(void* arg) {
    struct timespec ms = {0, 1000000};
    long got = 0;
    char buf[64];

    g_index = (int)(long)arg;
    g_tids[g_index] = (pid_t)syscall(SYS_gettid);
    pthread_barrier_wait(&g_started);
    for (;;) {
        ssize_t n;

        if (g_index % 2 && nanosleep(&ms, NULL) < 0 && errno != EINTR)
            return (void*)-1L;
        n = read(g_pipes[g_index][0], buf, sizeof(buf));
        if (n == 0)
            break;
        if (n > 0)
            got += n;
        else if (errno != EAGAIN)
            return (void*)-1L;
    }
    return (void*)got;
}

static int mode_threads(long rounds) {
    long sent[NTHREADS] = {0}, written[NTHREADS] = {0};
    pthread_t t[NTHREADS];
    struct sigaction sa;
    int ack[2];
    char c;

    CHECK(pipe(ack) == 0);
    g_ack_fd = ack[1];
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1_thread;
    sa.sa_flags = SA_RESTART;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(pthread_barrier_init(&g_started, NULL, NTHREADS + 1) == 0);
    for (int i = 0; i < NTHREADS; i++) {
        /* the sleepers poll theirs */
        CHECK(pipe2(g_pipes[i], i % 2 ? O_NONBLOCK : 0) == 0);
        CHECK(pthread_create(&t[i], NULL, storm_thread, (void*)(long)i) == 0);
    }
    pthread_barrier_wait(&g_started);
    for (long r = 0; r < rounds; r++) {
        int i = (int)(r % NTHREADS);

        CHECK(syscall(SYS_tgkill, getpid(), g_tids[i], SIGUSR1) == 0);
        CHECK(read(ack[0], &c, 1) == 1);
        sent[i]++;
        if (r / NTHREADS % 4 == 0) {
            CHECK(write(g_pipes[i][1], "12345678", 8) == 8);
            written[i] += 8;
        }
    }
    for (int i = 0; i < NTHREADS; i++)
        close(g_pipes[i][1]);
    for (int i = 0; i < NTHREADS; i++) {
        void* ret;

        CHECK(pthread_join(t[i], &ret) == 0);
        printf("thread %d (%s): read %ld of %ld bytes, handled %ld of %ld signals\n", i,
               i % 2 ? "sleeping" : "reading", (long)ret, written[i], (long)g_handled[i],
               sent[i]);
    }
    printf("handler calls ok: %s\n", g_handler_calls == rounds ? "all" : "some failed");
    return 0;
}

int main(int argc, char** argv) {
    long acked, flood, queued, records = 0, bad = 0, other_ok = 0, usr1_acked = -1;
    int data[2], ack[2], phase[2];
    struct sigaction sa;
    struct record r;
    pid_t pid, me = getpid();
    int status;

    if (argc == 3 && !strcmp(argv[1], "threads"))
        return mode_threads(atol(argv[2]));
    if (argc != 4) {
        fprintf(stderr, "usage: sig-storm ACKED FLOOD QUEUED | threads ROUNDS\n");
        return 2;
    }
    acked = atol(argv[1]);
    flood = atol(argv[2]);
    queued = atol(argv[3]);
    CHECK(pipe(data) == 0 && pipe(ack) == 0 && pipe(phase) == 0);
    /* the flood phase starts when the receiver reads this pipe */
    CHECK(fcntl(phase[0], F_SETFL, O_NONBLOCK) == 0);
    g_ack_fd = ack[1];
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    sa.sa_sigaction = on_rt;
    sa.sa_flags = SA_RESTART | SA_SIGINFO;
    CHECK(sigaction(SIGRTMIN, &sa, NULL) == 0);
    fflush(stdout);

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(data[0]);
        close(ack[1]);
        close(phase[0]);
        _exit(sender(me, acked, flood, queued, data[1], ack[0], phase[1]));
    }
    close(data[1]);
    close(ack[0]);
    close(phase[1]);
    for (;;) {
        char c;
        ssize_t n = read(data[0], &r, sizeof(r));

        if (n == 0)
            break;
        CHECK(n == sizeof(r));
        if (r.seq != records)
            bad++;
        records++;
        other_ok += syscall(SYS_getppid) > 0;
        other_ok += syscall(SYS_getpid) == me;
        if (g_acking && read(phase[0], &c, 1) == 1) {
            sigset_t usr1, old;

            /* no handler between the switch and the answer */
            sigemptyset(&usr1);
            sigaddset(&usr1, SIGUSR1);
            CHECK(sigprocmask(SIG_BLOCK, &usr1, &old) == 0);
            g_acking = 0;
            usr1_acked = g_usr1;
            CHECK(write(ack[1], "F", 1) == 1);
            CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
        }
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    printf("sender: %s\n", WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "done" : "failed");
    printf("records read: %ld, out of sequence: %ld, other calls ok: %ld\n", records, bad,
           other_ok);
    printf("SIGUSR1 handled and acknowledged: %ld\n", usr1_acked);
    printf("SIGUSR1 handled during the flood: %s\n",
           g_usr1 - usr1_acked >= (flood > 0) && g_usr1 - usr1_acked <= flood
               ? "between 1 and all"
               : "wrong count");
    printf("SIGRTMIN handled: %ld, sum of values %ld, out of order %ld\n", (long)g_rt,
           (long)g_rt_sum, (long)g_rt_disorder);
    printf("handler calls ok: %s\n",
           g_handler_calls == g_usr1 + g_rt ? "all" : "some failed");
    return 0;
}

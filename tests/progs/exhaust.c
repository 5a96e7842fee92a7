/*
 * exhaust.c MODE: a program that runs out of a resource, and goes on.
 *
 *   as      RLIMIT_AS 64 MB above what it uses: malloc until it fails,
 *           mmap and a thread's stack fail too; free it all, allocate
 *           again
 *   data    the same with RLIMIT_DATA (brk and private mappings)
 *   stack   RLIMIT_STACK of 1 MB and a recursion without end: SIGSEGV,
 *           caught on an alternate stack
 *   nproc   RLIMIT_NPROC (needs a user other than root, whom it does not
 *           bind): fork and pthread_create until they fail
 *
 * What is printed does not depend on how much the limits allowed: the
 * tracer may take a little of the program's room.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

enum { CHUNK = 1 << 20, MAX_CHUNKS = 4096 };

static void show(const char* what, int ok, int err) {
    if (ok)
        printf("%s: ok\n", what);
    else
        printf("%s: failed, %s\n", what, strerror(err));
}

/* The process's address space size now, in bytes. */
static long vm_size(void) {
    char line[256];
    long kb = -1;
    FILE* f = fopen("/proc/self/status", "r");

    CHECK(f != NULL);
    while (fgets(line, sizeof(line), f))
        sscanf(line, "VmSize: %ld kB", &kb);
    fclose(f);
    CHECK(kb > 0);
    return kb * 1024;
}

static void* thread_main(void* arg) {
    return arg;
}

static int mode_memory(int resource) {
    static void* chunks[MAX_CHUNKS];
    struct rlimit rl;
    pthread_t t;
    void* p;
    int n = 0, err;

    /* everything that needs memory of its own first */
    setvbuf(stdout, NULL, _IONBF, 0);
    rl.rlim_cur = rl.rlim_max = vm_size() + 64 * CHUNK;
    if (resource == RLIMIT_DATA) {
        /* the data limit counts brk and private writable mappings only */
        rl.rlim_cur = rl.rlim_max = 64 * CHUNK;
    }
    CHECK(setrlimit(resource, &rl) == 0);
    while (n < MAX_CHUNKS) {
        chunks[n] = malloc(CHUNK);
        if (!chunks[n])
            break;
        memset(chunks[n], n, CHUNK);
        n++;
    }
    err = errno;
    printf("malloc: %s\n", n == MAX_CHUNKS ? "never failed" : n == 0 ? "failed at once" : "failed after a while");
    show("the failed malloc's errno is ENOMEM", err == ENOMEM, err);
    p = mmap(NULL, 8 * CHUNK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    err = errno;
    show("mmap of 8 MB then fails with ENOMEM", p == MAP_FAILED && err == ENOMEM, err);
    err = pthread_create(&t, NULL, thread_main, NULL);
    show("pthread_create then fails with EAGAIN", err == EAGAIN, err);
    if (err == 0)
        pthread_join(t, NULL);
    for (int i = 0; i < n; i++) {
        int sum = 0;

        for (int j = 0; j < CHUNK; j += 4096)
            sum += ((unsigned char*)chunks[i])[j] != (unsigned char)i;
        if (sum) {
            printf("chunk %d was overwritten\n", i);
            break;
        }
        free(chunks[i]);
    }
    p = malloc(16 * CHUNK);
    show("after freeing it all, malloc of 16 MB", p != NULL, errno);
    free(p);
    err = pthread_create(&t, NULL, thread_main, NULL);
    if (err == 0)
        err = pthread_join(t, NULL);
    show("and pthread_create", err == 0, err);
    return 0;
}

static volatile long g_depth, g_never = -1;

static void on_segv(int sig) {
    static const char msg[] = "SIGSEGV on the alternate stack, recursion stopped\n";

    if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) < 0)
        _exit(98);
    _exit(g_depth > 1000 ? 3 : 4);
}

static long recurse(long n) {
    volatile char frame[512];

    frame[0] = (char)n;
    g_depth = n;
    if (n == g_never) /* the stack runs out first */
        return 0;
    return recurse(n + 1) + frame[0];
}

static int mode_stack(void) {
    struct rlimit rl = {1 << 20, 1 << 20};
    stack_t ss = {.ss_size = 64 * 1024};
    struct sigaction sa;
    int st;
    pid_t pid;

    setvbuf(stdout, NULL, _IONBF, 0);
    ss.ss_sp = malloc(ss.ss_size);
    CHECK(ss.ss_sp != NULL);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(setrlimit(RLIMIT_STACK, &rl) == 0);
        CHECK(sigaltstack(&ss, NULL) == 0);
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_segv;
        sa.sa_flags = SA_ONSTACK;
        CHECK(sigaction(SIGSEGV, &sa, NULL) == 0);
        recurse(0);
        _exit(5);
    }
    CHECK(waitpid(pid, &st, 0) == pid);
    printf("child with a handler: %s %d\n", WIFEXITED(st) ? "exited" : "killed by signal",
           WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
    /* without a handler: killed by the signal */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(setrlimit(RLIMIT_STACK, &rl) == 0);
        recurse(0);
        _exit(5);
    }
    CHECK(waitpid(pid, &st, 0) == pid);
    printf("child without one: %s %d\n", WIFEXITED(st) ? "exited" : "killed by signal",
           WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
    return 0;
}

enum { MAX_KIDS = 256 };

static int mode_nproc(void) {
    struct rlimit rl = {64, 64};
    pid_t kids[MAX_KIDS];
    int go[2], n = 0, err, reaped = 0;
    pthread_t t;
    char c;

    setvbuf(stdout, NULL, _IONBF, 0);
    if (getuid() == 0) {
        fprintf(stderr, "exhaust nproc: root is not bound by RLIMIT_NPROC\n");
        return 77;
    }
    CHECK(pipe(go) == 0);
    CHECK(setrlimit(RLIMIT_NPROC, &rl) == 0);
    /* children that stay until we close the pipe: the user's count grows */
    while (n < MAX_KIDS) {
        kids[n] = fork();
        if (kids[n] < 0)
            break;
        if (kids[n] == 0) {
            close(go[1]);
            _exit(read(go[0], &c, 1) == 0 ? 0 : 1);
        }
        n++;
    }
    err = errno;
    printf("fork: %s\n", n == MAX_KIDS ? "never failed" : n == 0 ? "failed at once" : "failed after a while");
    show("the failed fork's errno is EAGAIN", err == EAGAIN, err);
    err = pthread_create(&t, NULL, thread_main, NULL);
    show("pthread_create then fails with EAGAIN", err == EAGAIN, err);
    if (err == 0)
        pthread_join(t, NULL);
    close(go[1]);
    for (int i = 0; i < n; i++) {
        int st;

        if (waitpid(kids[i], &st, 0) == kids[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0)
            reaped++;
    }
    show("every child exited 0", reaped == n, 0);
    kids[0] = fork();
    if (kids[0] == 0)
        _exit(6);
    err = errno;
    if (kids[0] > 0) {
        int st;

        CHECK(waitpid(kids[0], &st, 0) == kids[0]);
        err = WIFEXITED(st) && WEXITSTATUS(st) == 6 ? 0 : EIO;
    }
    show("after they are reaped, fork", kids[0] > 0 && err == 0, err);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 2 && !strcmp(argv[1], "as"))
        return mode_memory(RLIMIT_AS);
    if (argc == 2 && !strcmp(argv[1], "data"))
        return mode_memory(RLIMIT_DATA);
    if (argc == 2 && !strcmp(argv[1], "stack"))
        return mode_stack();
    if (argc == 2 && !strcmp(argv[1], "nproc"))
        return mode_nproc();
    fprintf(stderr, "usage: exhaust as|data|stack|nproc\n");
    return 2;
}

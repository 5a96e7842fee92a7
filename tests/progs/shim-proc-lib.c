/*
 * shim-proc-lib.c: what the shim-proc programs share (shim-proc.h).
 */
#include "shim-proc.h"

char g_arg0[] = "shim-proc", g_arg1[] = "after-exec", g_x[] = "x";
char* g_noaccess;
volatile sig_atomic_t g_hits;

void shim_proc_setup(void) {
    /* two pages, the second inaccessible (kept mapped so that no later
     * mapping takes its place) */
    g_noaccess = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(g_noaccess != MAP_FAILED);
    g_noaccess += PAGE;
    CHECK(mprotect(g_noaccess, PAGE, PROT_NONE) == 0);
}

void section(const char* name) {
    printf("== %s\n", name);
}

void reap(const char* what, pid_t pid) {
    int st;

    CHECK(waitpid(pid, &st, __WALL) == pid);
    print_status(what, st);
}

void msleep(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

double now(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void on_signal(int sig) {
    g_hits++;
}

void handle(int sig, void (*fn)(int), int flags) {
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

const char* disposition(int sig) {
    struct ksigaction old;

    CHECK(syscall(SYS_rt_sigaction, sig, NULL, &old, 8) == 0);
    if (old.handler == (uintptr_t)SIG_DFL)
        return "SIG_DFL";
    if (old.handler == (uintptr_t)SIG_IGN)
        return "SIG_IGN";
    return old.handler == (uintptr_t)on_signal ? "on_signal" : "another handler";
}

int after_exec(void) {
    /* what the parent had: SIGUSR1 handled, SIGUSR2 ignored, SIGWINCH
     * handled with flags and a mask */
    printf("after exec: SIGUSR1 %s, SIGUSR2 %s, SIGWINCH %s\n", disposition(SIGUSR1),
           disposition(SIGUSR2), disposition(SIGWINCH));
    return 0;
}

/*
 * inject-calls: the calls that inject-vs-strace.test tampers with, each
 * result printed, so that a run under strace -e inject= and one under
 * ptshim --inject= can be compared.  In order: chdir five times (a path
 * in writable memory, for poke_enter), umask three times (answered by
 * the shim), a read of three bytes (for poke_exit), getppid (only whether
 * it is 7, the value a rule injects), a nanosleep of 20 ms (a call that
 * blocks), and chdir three times in a forked
 * child and in a thread, whose counts start afresh.  A SIGUSR1 or SIGUSR2
 * (signal=) is reported with its si_code.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static void report(const char* who, const char* what, int i, long ret) {
    printf("%s %s %d: %ld %s\n", who, what, i, ret, ret < 0 ? errno_name(errno) : "");
    fflush(stdout);
}

static volatile sig_atomic_t g_sig, g_code;

static void on_signal(int sig, siginfo_t* si, void* uc) {
    (void)uc;
    g_sig = sig;
    g_code = si->si_code;
}

static void check_signal(const char* who) {
    if (g_sig) {
        printf("%s: signal %d, si_code %d\n", who, (int)g_sig, (int)g_code);
        fflush(stdout);
        g_sig = 0;
    }
}

static void chdirs(const char* who, int n) {
    for (int i = 1; i <= n; i++) {
        /* in writable memory: poke_enter may change it */
        char path[] = "/nonexistent-inject";
        char cwd[64];
        long ret = syscall(SYS_chdir, i % 2 ? "/" : path);

        report(who, "chdir", i, ret);
        check_signal(who);
        if (ret == 0 && getcwd(cwd, sizeof(cwd)))
            printf("%s cwd %s\n", who, cwd);
    }
}

static void* thread_main(void* arg) {
    chdirs((const char*)arg, 3);
    return NULL;
}

int main(void) {
    static char thread_name[] = "thread";
    struct sigaction sa = {.sa_sigaction = on_signal, .sa_flags = SA_SIGINFO | SA_RESTART};
    char buf[4] = "";
    pthread_t th;
    pid_t child;
    int fd, status;

    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(sigaction(SIGUSR2, &sa, NULL) == 0);
    chdirs("main", 5);
    for (int i = 1; i <= 3; i++) {
        report("main", "umask", i, syscall(SYS_umask, 022));
        check_signal("main");
    }
    fd = open("/proc/self/comm", O_RDONLY);
    CHECK(fd >= 0);
    report("main", "read", 1, syscall(SYS_read, fd, buf, 3));
    printf("main read buf %.3s\n", buf);
    close(fd);
    printf("main getppid is 7: %s\n", syscall(SYS_getppid) == 7 ? "yes" : "no");
    fflush(stdout);
    /* a call that blocks: a signal pending while it runs interrupts it */
    {
        struct timespec ts = {.tv_sec = 0, .tv_nsec = 20000000};

        report("main", "nanosleep", 1, syscall(SYS_nanosleep, &ts, NULL));
        check_signal("main");
    }
    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        chdirs("child", 3);
        _exit(0);
    }
    CHECK(waitpid(child, &status, 0) == child);
    print_status("child", status);
    CHECK(pthread_create(&th, NULL, thread_main, thread_name) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    return 0;
}

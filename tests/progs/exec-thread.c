/*
 * exec-thread.c: execve from a thread that is not the leader.  The new
 * image runs with the process's pid (the exec'ing thread takes the
 * leader's ID); it checks that and that it is single-threaded again.
 * Also a failing execve (ENOENT, EACCES), after which the process goes on.
 */
#include <dirent.h>
#include <pthread.h>
#include <unistd.h>

#include "tests.h"

static char g_self[4096];
static char g_pid[32];

static int count_threads(void) {
    DIR* d = opendir("/proc/self/task");
    struct dirent* e;
    int n = 0;

    CHECK(d != NULL);
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static char g_after[] = "after";

static void* execer(void* arg) {
    char* argv[] = {g_self, g_after, g_pid, NULL};
    char* envp[] = {NULL};

    execve(g_self, argv, envp);
    printf("execve failed: %s\n", strerror(errno));
    exit(1);
}

static void* idle(void* arg) {
    for (;;)
        pause();
    return NULL;
}

int main(int argc, char** argv) {
    pthread_t t;
    ssize_t n;

    setvbuf(stdout, NULL, _IONBF, 0);
    if (argc == 3 && strcmp(argv[1], "after") == 0) {
        printf("new image: same pid: %s, threads: %d\n",
               atoi(argv[2]) == getpid() ? "yes" : "no", count_threads());
        return 0;
    }
    n = readlink("/proc/self/exe", g_self, sizeof(g_self) - 1);
    CHECK(n > 0);
    g_self[n] = '\0';
    snprintf(g_pid, sizeof(g_pid), "%d", getpid());

    {
        static char missing[] = "/nonexistent/program", noexec[] = "/etc/passwd";
        char* bad[] = {missing, NULL};

        execve(bad[0], bad, bad + 1);
        printf("execve of a missing file: %s\n", strerror(errno));
        bad[0] = noexec;
        execve(bad[0], bad, bad + 1);
        printf("execve of a non-executable file: %s\n", strerror(errno));
    }
    CHECK(pthread_create(&t, NULL, idle, NULL) == 0);
    CHECK(pthread_create(&t, NULL, idle, NULL) == 0);
    CHECK(pthread_create(&t, NULL, execer, NULL) == 0);
    for (;;)
        pause();
}

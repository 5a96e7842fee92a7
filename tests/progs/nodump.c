/*
 * nodump.c: a program that makes itself not dumpable (PR_SET_DUMPABLE 0),
 * as ssh-agent and gpg-agent do to keep their memory from others.  For a
 * tracer without CAP_SYS_PTRACE the kernel then refuses the program's
 * memory (process_vm_readv), its /proc/PID/fdinfo and the like: ptshim
 * run by an ordinary user must still run it as natively.
 *
 * It makes calls of every kind while not dumpable (writes to an inherited
 * stdout, paths, structures read and written, threads, a child), then
 * again after PR_SET_DUMPABLE 1, and after an execve of itself.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static void show(const char* what, long ret) {
    if (ret < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, ret);
}

static pid_t g_ppid; /* getppid() at the start, dumpable */

static void* thread_main(void* arg) {
    /* a thread of the same process */
    return (void*)(long)(getpid() == *(pid_t*)arg && syscall(SYS_gettid) != getpid());
}

static void calls(const char* when) {
    struct timespec ts = {0, 1000};
    struct utsname u;
    struct stat st;
    cpu_set_t cpus;
    pid_t me = getpid(), child;
    pthread_t t;
    void* same = NULL;
    char buf[16], cwd[4096];
    int fd, p[2], status;

    printf("%s:\n", when);
    show("  uname", uname(&u));
    printf("  sysname %s\n", u.sysname);
    show("  stat", stat("/etc/passwd", &st));
    fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
    show("  open", fd >= 0 ? 0 : -1);
    show("  read", read(fd, buf, sizeof(buf)));
    show("  close", close(fd));
    show("  write", write(STDOUT_FILENO, "  hello\n", 8));
    show("  getcwd", getcwd(cwd, sizeof(cwd)) ? 0 : -1);
    show("  nanosleep", nanosleep(&ts, NULL));
    show("  pipe", pipe(p));
    show("  write to the pipe", write(p[1], "x", 1));
    show("  read from it", read(p[0], buf, 1));
    close(p[0]);
    close(p[1]);
    show("  sched_getaffinity", sched_getaffinity(0, sizeof(cpus), &cpus));
    show("  PR_GET_DUMPABLE", prctl(PR_GET_DUMPABLE));
    printf("  getppid: %s\n", getppid() == g_ppid ? "the parent" : "another process");
    CHECK(pthread_create(&t, NULL, thread_main, &me) == 0);
    CHECK(pthread_join(t, &same) == 0);
    printf("  a thread is in the same process: %s\n", same ? "yes" : "no");
    fflush(stdout);
    child = fork();
    CHECK(child >= 0);
    if (child == 0)
        _exit(getppid() == me ? 3 : 4);
    CHECK(waitpid(child, &status, 0) == child);
    printf("  child exited %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    g_ppid = getppid();
    /* for the test: the parent as the program sees it */
    if (argc == 2 && !strcmp(argv[1], "ppid")) {
        printf("%d\n", (int)g_ppid);
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "after-exec")) {
        g_ppid = atoi(argv[2]);
        calls("after execve");
        return 0;
    }
    show("PR_SET_DUMPABLE 0", prctl(PR_SET_DUMPABLE, 0));
    calls("not dumpable");
    show("PR_SET_DUMPABLE 1", prctl(PR_SET_DUMPABLE, 1));
    calls("dumpable again");
    show("PR_SET_DUMPABLE 0", prctl(PR_SET_DUMPABLE, 0));
    {
        char ppid[16];

        snprintf(ppid, sizeof(ppid), "%d", (int)g_ppid);
        execl(argv[0], argv[0], "after-exec", ppid, (char*)NULL);
    }
    show("execl", -1);
    return 1;
}

/*
 * procs.c: process creation and reaping: fork, vfork through posix_spawn,
 * raw clone3, clone and clone3 with CLONE_UNTRACED, a zombie reaped late, an orphan that outlives its parent,
 * SIGSTOP/SIGCONT seen by the parent, and a signal to the process group.
 */
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

extern char** environ;

static void report(const char* what, int status) {
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    else if (WIFSTOPPED(status))
        printf("%s: stopped by signal %d\n", what, WSTOPSIG(status));
    else if (WIFCONTINUED(status))
        printf("%s: continued\n", what);
}

static void msleep(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

static volatile sig_atomic_t g_usr1;

static void on_usr1(int sig) {
    g_usr1++;
}

int main(void) {
    int status, fds[2];
    pid_t pid;

    setvbuf(stdout, NULL, _IONBF, 0);

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0)
        _exit(11);
    CHECK(waitpid(pid, &status, 0) == pid);
    report("fork child", status);

    {
        static char a0[] = "sh", a1[] = "-c", a2[] = "exit 12";
        char* argv[] = {a0, a1, a2, NULL};

        CHECK(posix_spawnp(&pid, "sh", NULL, NULL, argv, environ) == 0);
        CHECK(waitpid(pid, &status, 0) == pid);
        report("posix_spawn (vfork) child", status);
    }

    {
        struct clone_args ca;

        memset(&ca, 0, sizeof(ca));
        ca.exit_signal = SIGCHLD;
        pid = (pid_t)syscall(SYS_clone3, &ca, sizeof(ca));
        if (pid == 0)
            _exit(13);
        CHECK(pid > 0);
        CHECK(waitpid(pid, &status, 0) == pid);
        report("clone3 child", status);

        memset(&ca, 0, sizeof(ca));
        ca.flags = CLONE_VFORK; /* the parent waits until the child exits */
        ca.exit_signal = SIGCHLD;
        pid = (pid_t)syscall(SYS_clone3, &ca, sizeof(ca));
        if (pid == 0)
            _exit(14);
        CHECK(pid > 0);
        CHECK(waitpid(pid, &status, 0) == pid);
        report("clone3 CLONE_VFORK child", status);

        /* CLONE_UNTRACED: no tracer here natively; under ptshim the child
         * must work whether or not it is followed */
        pid = (pid_t)syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, NULL, NULL, 0);
        if (pid == 0) {
            static const char msg[] = "CLONE_UNTRACED child: writes\n";

            CHECK(syscall(SYS_write, 1, msg, sizeof(msg) - 1) == sizeof(msg) - 1);
            CHECK(syscall(SYS_getppid) > 1);
            syscall(SYS_exit_group, 17);
        }
        CHECK(pid > 0);
        CHECK(waitpid(pid, &status, 0) == pid);
        report("clone CLONE_UNTRACED child", status);

        memset(&ca, 0, sizeof(ca));
        ca.flags = CLONE_UNTRACED;
        ca.exit_signal = SIGCHLD;
        pid = (pid_t)syscall(SYS_clone3, &ca, sizeof(ca));
        if (pid == 0)
            syscall(SYS_exit_group, ca.flags == CLONE_UNTRACED ? 18 : 99);
        CHECK(pid > 0);
        CHECK(waitpid(pid, &status, 0) == pid);
        report("clone3 CLONE_UNTRACED child", status);
        printf("clone3's flags after the call: %s\n",
               ca.flags == CLONE_UNTRACED ? "unchanged" : "changed");
    }

    /* a zombie: dead for a while before it is reaped */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0)
        _exit(15);
    msleep(100);
    {
        char path[64], state = '?';
        FILE* f;

        snprintf(path, sizeof(path), "/proc/%d/stat", pid);
        f = fopen(path, "r");
        CHECK(f != NULL);
        CHECK(fscanf(f, "%*d %*s %c", &state) == 1);
        fclose(f);
        printf("unreaped child state: %c\n", state);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    report("zombie", status);

    /* an orphan: the middle process exits, the grandchild reports later */
    CHECK(pipe(fds) == 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (fork() == 0) {
            msleep(100);
            dprintf(fds[1], "orphan: parent is %s\n", getppid() == 1 ? "init" : "a reaper");
            _exit(0);
        }
        _exit(16);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    report("orphan's parent", status);
    close(fds[1]);
    {
        char buf[128];
        ssize_t n = read(fds[0], buf, sizeof(buf));

        CHECK(n > 0);
        printf("%.*s", (int)n, buf);
    }
    close(fds[0]);

    /* stop and continue, seen by the parent */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        for (;;)
            pause();
    }
    CHECK(kill(pid, SIGSTOP) == 0);
    CHECK(waitpid(pid, &status, WUNTRACED) == pid);
    report("stopped child", status);
    CHECK(kill(pid, SIGCONT) == 0);
    CHECK(waitpid(pid, &status, WCONTINUED) == pid);
    report("continued child", status);
    CHECK(kill(pid, SIGTERM) == 0);
    CHECK(waitpid(pid, &status, 0) == pid);
    report("terminated child", status);

    /* a signal to the whole process group: two children and ourselves */
    {
        struct sigaction sa;
        pid_t kids[2];

        /* a group of our own: kill(0) must not reach whoever started us */
        CHECK(setpgid(0, 0) == 0);
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_usr1;
        CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
        for (int i = 0; i < 2; i++) {
            kids[i] = fork();
            CHECK(kids[i] >= 0);
            if (kids[i] == 0) {
                while (!g_usr1)
                    pause();
                _exit(20 + i);
            }
        }
        msleep(50);
        CHECK(kill(0, SIGUSR1) == 0);
        for (int i = 0; i < 2; i++) {
            CHECK(waitpid(kids[i], &status, 0) == kids[i]);
            report("group-signalled child", status);
        }
        printf("parent got SIGUSR1: %s\n", g_usr1 ? "yes" : "no");
    }
    return 0;
}

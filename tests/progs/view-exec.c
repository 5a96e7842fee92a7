/*
 * view-exec: execve each path named on the command line, with the
 * arguments "x" and "y z" and an empty environment, in a child, and print
 * what failed (the errno) or how the child ended.  Run in a view and in a
 * chroot by tests/integration/view-exec.test: scripts whose interpreters
 * are found in the root (absolute, relative, a script again, with an
 * argument on the "#!" line), and the errors of a failing exec.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 1; i < argc; i++) {
        pid_t pid;
        int status;

        printf("== %s\n", argv[i]);
        pid = fork();
        if (pid == 0) {
            const char* args[] = {argv[i], "x", "y z", NULL};
            const char* envp[] = {NULL};

            syscall(SYS_execve, argv[i], args, envp);
            printf("execve(%s) = -1 %s\n", argv[i], strerrorname_np(errno));
            _exit(100);
        }
        if (pid < 0 || waitpid(pid, &status, 0) != pid)
            return 1;
        printf("status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    }
    return 0;
}

/*
 * pal_process.c: start the program as a traced process.
 *
 * The child is seized before it runs any of the program, and it is the
 * tracer's child, so its stops and its exit status both come to the tracer.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pal_host.h"
#include "pal_log.h"

static ssize_t read_full(int fd, void* buf, size_t len) {
    ssize_t n;

    do
        n = read(fd, buf, len);
    while (n < 0 && errno == EINTR);
    return n;
}

/* In the child: wait until the tracer has seized us, then become PROGRAM.
 * Until the seize, PR_SET_PDEATHSIG stops the child from running untraced
 * if the tracer dies; after it, PTRACE_O_EXITKILL does, and the program
 * must not see a death signal it did not ask for.  ERR_FD gets the stop
 * mechanism the child set up (or the -errno of failing to), then, if
 * execvp fails, its errno. */
static void __attribute__((noreturn)) child_exec(char* const argv[], pid_t tracer, int sync_fd,
                                                 int err_fd) {
    char c;
    int e;

    if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != tracer)
        _exit(125);
    if (read_full(sync_fd, &c, 1) != 1)
        _exit(125);
    if (prctl(PR_SET_PDEATHSIG, 0) < 0)
        _exit(125);
    close(sync_fd);
    if (_DkPlacementChild() < 0)
        _exit(125);
    e = _DkSeccompInstall();
    if (write(err_fd, &e, sizeof(e)) != sizeof(e) || e < 0)
        _exit(125);
    execvp(argv[0], argv);
    e = errno;
    if (write(err_fd, &e, sizeof(e)) < 0)
        _exit(125);
    _exit(e == ENOENT ? 127 : 126);
}

/* A system call stop of the child before its execve succeeded: note each
 * execve's arguments (execvp tries one path after another), so that the one
 * that succeeded can be shown as the program's first call. */
static int on_pre_exec_syscall(struct pal_thread* t, struct pal_exec* exec) {
    struct __ptrace_syscall_info info;

    if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, sizeof(info), &info) < 0)
        return -errno;
    /* the call's number and arguments are in INFO: no PTRACE_GETREGS */
    if (info.op == PTRACE_SYSCALL_INFO_ENTRY && info.entry.nr == SYS_execve) {
        long n = DkVirtualMemoryReadString(t, info.entry.args[0], exec->path,
                                           sizeof(exec->path), NULL);

        if (n < 0)
            exec->path[0] = '\0';
        exec->filename = info.entry.args[0];
        exec->argv = info.entry.args[1];
        exec->envp = info.entry.args[2];
    }
    return _DkThreadContinue(t, 0);
}

/* What the child reported of its stop mechanism (see child_exec), once it
 * exec'd or died.  0, or -ENOTSUP when it could not set it up. */
static int read_stops(int err_fd) {
    int stops;

    if (read_full(err_fd, &stops, sizeof(stops)) != sizeof(stops))
        return -ECHILD;
    if (stops < 0) {
        log_error("cannot install the seccomp filter that stops the program's system calls: "
                  "%s",
                  strerror(-stops));
        return -ENOTSUP;
    }
    _DkSeccompStarted(stops);
    return 0;
}

/* Follow the new child until its execve succeeds (it stops at
 * PTRACE_EVENT_EXEC) or it exits because execve failed.  Nothing else is
 * traced yet, so waiting for this one pid is safe. */
static int wait_for_exec(struct pal_thread* t, int err_fd, bool* reaped, struct pal_exec* exec) {
    for (;;) {
        int status, sig, e, ret;
        pid_t p = waitpid(t->tid, &status, __WALL);

        if (p < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            *reaped = true;
            ret = read_stops(err_fd);
            if (ret == -ENOTSUP)
                return ret;
            if (ret == 0 && read_full(err_fd, &e, sizeof(e)) == sizeof(e) && e > 0)
                return -e;
            log_error("the program died before it could start (wait status %#x)", status);
            return -ECHILD;
        }
        if (!WIFSTOPPED(status))
            continue;
        sig = WSTOPSIG(status);
        if (sig == (SIGTRAP | 0x80)) {
            ret = on_pre_exec_syscall(t, exec);
            if (ret < 0)
                return ret;
            continue;
        }
        switch (status >> 16) {
        case PTRACE_EVENT_EXEC:
            ret = read_stops(err_fd);
            if (ret < 0)
                return ret;
            /* under SYSEMU stops, a filter of the program's own that
             * returns RET_TRACE must answer ENOSYS, as with no tracer */
            if (!_DkSeccompActive && ptrace(PTRACE_SETOPTIONS, t->tid, 0, PAL_PTRACE_OPTIONS) < 0)
                return -errno;
            /* resumed with PTRACE_SYSCALL, the execve reports its exit */
            t->state = PAL_THREAD_HOSTCALL_RUNNING;
            return _DkThreadContinue(t, 0);
        case PTRACE_EVENT_STOP:
            /* job-control stop before exec: stay stopped until SIGCONT */
            if (sig != SIGTRAP)
                ret = ptrace(PTRACE_LISTEN, t->tid, 0, 0) < 0 ? -errno : 0;
            else
                ret = _DkThreadContinue(t, 0);
            break;
        case 0:
            /* A stop from the terminal before exec is dropped: the front
             * process has it too and sends it on once the program has
             * started, so that ptshim's caller sees the job stop. */
            if (sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)
                sig = 0;
            ret = _DkThreadContinue(t, sig); /* a signal sent before exec */
            break;
        default:
            ret = _DkThreadContinue(t, 0);
            break;
        }
        if (ret < 0)
            return ret;
    }
}

int DkProcessCreate(char* const argv[], PAL_HANDLE* thread, pid_t* pidp, struct pal_exec* exec) {
    int sync_fds[2], err_fds[2];
    pid_t self = getpid(), pid;
    struct pal_thread* t;
    bool reaped = false;
    int ret;

    if (pipe2(sync_fds, O_CLOEXEC) < 0)
        return -errno;
    if (pipe2(err_fds, O_CLOEXEC) < 0) {
        ret = -errno;
        close(sync_fds[0]);
        close(sync_fds[1]);
        return ret;
    }
    pid = fork();
    if (pid < 0) {
        ret = -errno;
        goto out;
    }
    if (pid == 0) {
        close(sync_fds[1]);
        close(err_fds[0]);
        child_exec(argv, self, sync_fds[0], err_fds[1]);
    }
    close(sync_fds[0]);
    sync_fds[0] = -1;
    close(err_fds[1]);
    err_fds[1] = -1;

    if (ptrace(PTRACE_SEIZE, pid, 0, PAL_PTRACE_OPTIONS) < 0) {
        ret = -errno;
        kill(pid, SIGKILL);
        waitpid(pid, NULL, __WALL);
        goto out;
    }
    /* stop it, to resume it with PTRACE_SYSCALL: its execve calls are
     * noted (see on_pre_exec_syscall) */
    if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0) {
        ret = -errno;
        kill(pid, SIGKILL);
        waitpid(pid, NULL, __WALL);
        goto out;
    }
    t = _DkThreadAdd(pid, PAL_THREAD_RUNNING_CONT);
    if (!t) {
        ret = -ENOMEM;
        kill(pid, SIGKILL);
        waitpid(pid, NULL, __WALL);
        goto out;
    }
    t->tgid = pid; /* the program's first process */
    _DkPlacementFirst(t);
    /* release the child: from here on it runs traced */
    if (write(sync_fds[1], "g", 1) != 1) {
        ret = -errno;
        kill(pid, SIGKILL);
    }
    close(sync_fds[1]);
    sync_fds[1] = -1;

    ret = wait_for_exec(t, err_fds[0], &reaped, exec);
    if (ret < 0) {
        if (!reaped) {
            kill(pid, SIGKILL);
            while (waitpid(pid, NULL, __WALL) < 0 && errno == EINTR)
                ;
        }
        _DkThreadRemove(t);
        goto out;
    }
    *pidp = pid;
    *thread = t;
out:
    for (int i = 0; i < 2; i++) {
        if (sync_fds[i] >= 0)
            close(sync_fds[i]);
        if (err_fds[i] >= 0)
            close(err_fds[i]);
    }
    return ret;
}

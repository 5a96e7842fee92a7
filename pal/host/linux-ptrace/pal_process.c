/*
 * pal_process.c: start the program, traced.
 *
 * The program runs in the process that called DkProcessCreate, so that it
 * stays the child of whoever started ptshim: that parent waits for it,
 * sees it stop and continue, gets its resource usage, and is the process
 * its getppid() names and its kill($PPID) reaches, all as natively.  The
 * tracer is a new process, a grandchild in a session of its own (strace
 * -D's arrangement): the program has no child of ptshim's for its wait()
 * to find, and neither its terminal nor a kill(0) of its process group
 * reaches the tracer.  The tracer seizes the program before the program
 * runs any of its own code.
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

/* Yama's PR_SET_PTRACER, where <sys/prctl.h> lacks it */
#ifndef PR_SET_PTRACER
#define PR_SET_PTRACER 0x59616d61
#endif

static ssize_t read_full(int fd, void* buf, size_t len) {
    ssize_t n;

    do
        n = read(fd, buf, len);
    while (n < 0 && errno == EINTR);
    return n;
}

static int write_int(int fd, int v) {
    /* smaller than PIPE_BUF: whole or not at all */
    return write(fd, &v, sizeof(v)) == sizeof(v) ? 0 : -EPIPE;
}

/* An int from the other side, or -ECHILD when it ended without one. */
static int read_int(int fd, int* v) {
    return read_full(fd, v, sizeof(*v)) == sizeof(*v) ? 0 : -ECHILD;
}

/* The two pipes between the program's process and the tracer. */
struct start_pipes {
    int to_tracer[2];
    int to_program[2];
};

static void close_pipe(int fds[2]) {
    for (int i = 0; i < 2; i++)
        if (fds[i] >= 0) {
            close(fds[i]);
            fds[i] = -1;
        }
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

/* The stop mechanism the program's process set up (see start_program),
 * sent before its execve. */
static int read_stops(int fd) {
    int stops, ret = read_int(fd, &stops);

    if (ret < 0)
        return ret;
    if (stops < 0)
        return stops; /* the program's process said why, and ends */
    _DkSeccompStarted(stops);
    return 0;
}

/* Follow the program's process until its execve succeeds (it stops at
 * PTRACE_EVENT_EXEC), or -ECHILD when it ends first: it failed, and said
 * why itself.  Nothing else is traced yet, so waiting for this one pid is
 * safe. */
static int wait_for_exec(struct pal_thread* t, int from_program, struct pal_exec* exec) {
    for (;;) {
        int status, sig, ret;
        pid_t p = waitpid(t->tid, &status, __WALL);

        if (p < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status))
            return -ECHILD;
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
            ret = read_stops(from_program);
            if (ret < 0)
                return ret;
            /* a 32-bit program: not run; it exits 126, followed here */
            ret = _DkExecRefuseCompat(t, 126);
            if (ret < 0)
                return ret;
            if (ret > 0) {
                ret = _DkThreadContinue(t, 0);
                break;
            }
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

/* In the tracer: seize the program's process PROGRAM, which waits for the
 * word, stop it to resume it with PTRACE_SYSCALL (its execve calls are
 * noted, see on_pre_exec_syscall), let it go on, and follow it through its
 * execve.  Returns 0, or -ECHILD when there is nothing to trace: the
 * program's process has ended, or will on the word it got. */
static int trace_program(pid_t program, struct start_pipes* p, PAL_HANDLE* thread,
                         struct pal_exec* exec) {
    struct pal_thread* t;
    char c;
    int ret;

    /* the program's process allowed us to attach (Yama), or died */
    if (read_full(p->to_tracer[0], &c, 1) != 1)
        return -ECHILD;
    if (ptrace(PTRACE_SEIZE, program, 0, PAL_PTRACE_OPTIONS) < 0 ||
        ptrace(PTRACE_INTERRUPT, program, 0, 0) < 0) {
        ret = -errno;
        write_int(p->to_program[1], ret);
        return -ECHILD;
    }
    t = _DkThreadAdd(program, PAL_THREAD_RUNNING_CONT);
    if (!t) {
        /* detaching would need the interrupt's stop first: end it */
        kill(program, SIGKILL);
        return -ECHILD;
    }
    t->tgid = program; /* the program's first process */
    _DkPlacementFirst(t);
    if (write_int(p->to_program[1], 0) < 0)
        return -ECHILD; /* it is gone */
    close_pipe(p->to_program);
    ret = wait_for_exec(t, p->to_tracer[0], exec);
    if (ret < 0) {
        if (ret != -ECHILD)
            log_error("cannot follow the program to its execve: %s", strerror(-ret));
        return -ECHILD;
    }
    *thread = t;
    return 0;
}

/* DkSetProgramFile's: the file to execute, or NULL for argv[0] */
static const char* g_program_file;

void DkSetProgramFile(const char* path) {
    g_program_file = path;
}

/* In the program's process, once the tracer's pid is known: let it attach
 * (Yama's ptrace_scope 1 allows only ancestors otherwise), wait until it
 * has, set up how the calls stop and become the program.  Returns only on
 * failure. */
static int start_program(char* const argv[], pid_t tracer, struct start_pipes* p,
                         struct pal_exec* exec) {
    int ret, e;

    /* EINVAL without Yama: then nothing stands in the way */
    prctl(PR_SET_PTRACER, (unsigned long)tracer, 0, 0, 0);
    if (write(p->to_tracer[1], "r", 1) != 1)
        return -EPIPE;
    ret = read_int(p->to_program[0], &e);
    prctl(PR_SET_PTRACER, 0, 0, 0, 0);
    if (ret < 0)
        return -ECHILD; /* the tracer died */
    if (e < 0)
        return e;
    /* traced from here on: the tracer follows us to the execve */
    ret = _DkPlacementChild();
    if (ret < 0)
        return ret;
    e = _DkSeccompInstall();
    if (write_int(p->to_tracer[1], e) < 0)
        return -ECHILD;
    if (e < 0) {
        log_error("cannot install the seccomp filter that stops the program's system calls: %s",
                  strerror(-e));
        return -ENOTSUP;
    }
    if (g_program_file)
        execv(g_program_file, argv);
    else
        execvp(argv[0], argv);
    exec->exec_errno = errno;
    return -errno;
}

int DkProcessCreate(char* const argv[], PAL_HANDLE* thread, pid_t* pidp, struct pal_exec* exec) {
    struct start_pipes p = {{-1, -1}, {-1, -1}};
    pid_t program = getpid(), middle, tracer;
    int ret, status;

    exec->exec_errno = 0;
    if (pipe2(p.to_tracer, O_CLOEXEC) < 0 || pipe2(p.to_program, O_CLOEXEC) < 0) {
        ret = -errno;
        goto fail;
    }
    middle = fork();
    if (middle < 0) {
        ret = -errno;
        goto fail;
    }
    if (middle == 0) {
        /* the tracer's parent ends at once: the tracer belongs to no
         * process of the program's, and the program's process learns its
         * pid (or why there is none) */
        tracer = fork();
        if (tracer != 0) {
            write_int(p.to_program[1], tracer < 0 ? -errno : tracer);
            _exit(0);
        }
        /* the tracer: out of the program's session and process group */
        setsid();
        close(p.to_tracer[1]);
        close(p.to_program[0]);
        p.to_tracer[1] = p.to_program[0] = -1;
        ret = trace_program(program, &p, thread, exec);
        close_pipe(p.to_tracer);
        close_pipe(p.to_program);
        if (ret < 0)
            _exit(0); /* nobody waits for the tracer's status */
        *pidp = program;
        return 0;
    }
    /* the tracer's ends: a tracer that dies is end-of-file here */
    close(p.to_tracer[0]);
    close(p.to_program[1]);
    p.to_tracer[0] = p.to_program[1] = -1;
    while (waitpid(middle, &status, 0) < 0 && errno == EINTR)
        ;
    ret = read_int(p.to_program[0], &tracer);
    if (ret == 0 && tracer < 0)
        ret = tracer;
    if (ret == 0)
        ret = start_program(argv, tracer, &p, exec);
fail:
    close_pipe(p.to_tracer);
    close_pipe(p.to_program);
    return ret;
}

/*
 * mintracer: the smallest tracer that can run a tracee's system calls on the
 * host after a PTRACE_SYSEMU stop, one method at a time, so that the cost of
 * each method can be measured on its own (see run-forwarding.sh).
 *
 * Usage: mintracer METHOD -- PROGRAM ARGS...
 *
 * Single-threaded tracees only: no fork/clone following. Signals are passed
 * through, the exit status is the tracee's (128+N if signal N killed it),
 * 125 means the tracer itself failed. The number of stops handled is printed
 * on stderr at exit, so stops per call can be checked against the method.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

enum method {
    M_EMU_GETPID,     /* getpid answered in the tracer, the rest as rewind4 */
    M_REWIND4,        /* rip -= 2, PTRACE_SYSCALL: 4 stops, result seen */
    M_REWIND3,        /* same, SYSEMU at the re-entry: 3 stops, result not seen */
    M_TRAMPOLINE,     /* "syscall; int3" page, PTRACE_CONT: 2 stops */
    M_FROMTRACER,     /* read/write done by the tracer on a pidfd_getfd copy */
    M_PTRACE_SYSCALL, /* classic strace: entry + exit, no SYSEMU */
    /* From here on, the tracee runs under a seccomp filter that traces all. */
    M_SECCOMP_REWIND, /* rewind, PTRACE_CONT, caught again by seccomp: 2 stops */
    M_SECCOMP,        /* no SYSEMU: seccomp RET_TRACE, PTRACE_CONT: 1 stop */
    M_SECCOMP_EXIT,   /* seccomp stop, then PTRACE_SYSCALL for the result: 2 stops */
    M_SECCOMP_EMU,    /* seccomp, getpid answered by skipping it (nr = -1): 1 stop */
    M_COUNT
};

static const char *const method_names[M_COUNT] = {
    "emu-getpid", "rewind4", "rewind3", "trampoline", "fromtracer-read",
    "ptrace-syscall", "seccomp-rewind", "seccomp", "seccomp-exit",
    "seccomp-emu-getpid",
};

/* What the next stop of the tracee is expected to be. */
enum state {
    ST_PREEXEC,     /* before the exec event: run freely */
    ST_EMU,         /* resumed with PTRACE_SYSEMU: next syscall stop is an entry */
    ST_SKIPEXIT,    /* rewound: next syscall stop is the skipped call's exit */
    ST_REENTRY,     /* next syscall stop is the re-executed call's entry */
    ST_EXIT,        /* next syscall stop is the forwarded call's exit */
    ST_TRAMP,       /* call running on the trampoline page: SIGTRAP ends it */
    ST_SECCOMP_FWD, /* rewound: next seccomp stop is the re-executed call */
    ST_CLASSIC,     /* ptrace-syscall: every entry and exit stops */
    ST_SECCOMP,     /* seccomp methods: only seccomp stops */
};

/* The request that keeps the tracee going in each state. */
static const enum __ptrace_request resume_req[] = {
    [ST_PREEXEC] = PTRACE_CONT,     [ST_EMU] = PTRACE_SYSEMU,
    [ST_SKIPEXIT] = PTRACE_SYSCALL, [ST_REENTRY] = PTRACE_SYSCALL,
    [ST_EXIT] = PTRACE_SYSCALL,     [ST_TRAMP] = PTRACE_CONT,
    [ST_SECCOMP_FWD] = PTRACE_CONT, [ST_CLASSIC] = PTRACE_SYSCALL,
    [ST_SECCOMP] = PTRACE_CONT,
};

#define NFDS 1024
#define IOBUF_SIZE 65536
/* syscall; int3; then int3 padding up to the word PTRACE_POKEDATA writes. */
#define TRAMPOLINE_WORD 0xcccccccccccc050fUL
#define TRAMPOLINE_LEN 3

struct tracer {
    pid_t pid;
    int pidfd;
    enum method method;
    enum state state;
    unsigned long stops;
    unsigned long page; /* trampoline page in the tracee, 0 until mapped */
    struct user_regs_struct saved; /* registers of the call on the trampoline */
    int dups[NFDS]; /* the tracer's copy of each tracee fd, -1 if none */
};

static char iobuf[IOBUF_SIZE];
static const char *failed_op = "?";

static void __attribute__((noreturn)) die(const char *what, int err)
{
    fprintf(stderr, "mintracer: %s: %s\n", what, strerror(err));
    exit(125);
}

static int pt(enum __ptrace_request req, const char *name, pid_t pid, void *addr, long data)
{
    if (ptrace(req, pid, addr, (void *)data) < 0) {
        failed_op = name;
        return -errno;
    }
    return 0;
}

static int getregs(struct tracer *t, struct user_regs_struct *regs)
{
    return pt(PTRACE_GETREGS, "PTRACE_GETREGS", t->pid, NULL, (long)regs);
}

static int setregs(struct tracer *t, struct user_regs_struct *regs)
{
    return pt(PTRACE_SETREGS, "PTRACE_SETREGS", t->pid, NULL, (long)regs);
}

static int is_seccomp(enum method m)
{
    return m >= M_SECCOMP_REWIND;
}

/* The state after the exec event. */
static enum state first_state(enum method m)
{
    if (m == M_PTRACE_SYSCALL)
        return ST_CLASSIC;
    return is_seccomp(m) && m != M_SECCOMP_REWIND ? ST_SECCOMP : ST_EMU;
}

static int resume(struct tracer *t, int sig)
{
    return pt(resume_req[t->state], "resume", t->pid, NULL, sig);
}

static int go(struct tracer *t, enum state next)
{
    t->state = next;
    return resume(t, 0);
}

/*
 * Make the stopped call run again at its own syscall instruction; the method
 * decides what catches it there (a syscall stop, or the seccomp filter).
 */
static int rewind_call(struct tracer *t, struct user_regs_struct *regs)
{
    int err;

    regs->rip -= 2;
    regs->rax = regs->orig_rax;
    err = setregs(t, regs);
    if (err)
        return err;
    return go(t, t->method == M_SECCOMP_REWIND ? ST_SECCOMP_FWD : ST_SKIPEXIT);
}

static int creates_task(long nr)
{
    return nr == SYS_clone || nr == SYS_fork || nr == SYS_vfork || nr == SYS_clone3;
}

/* Calls that never return to the trampoline, or must not run elsewhere. */
static int must_run_in_place(long nr)
{
    return nr == SYS_rt_sigreturn || nr == SYS_execve || nr == SYS_execveat ||
           nr == SYS_exit || nr == SYS_exit_group || creates_task(nr);
}

/*
 * Our seccomp filter is inherited and cannot be removed: a child nobody traces
 * would get ENOSYS from every call. Children are not followed here, so refuse.
 */
static int refuse_child(long nr)
{
    if (!creates_task(nr))
        return 0;
    failed_op = "the seccomp methods do not follow children";
    return -ENOTSUP;
}

static int wait_syscall_stop(struct tracer *t)
{
    int status;

    if (waitpid(t->pid, &status, __WALL) < 0) {
        failed_op = "waitpid";
        return -errno;
    }
    t->stops++;
    if (!WIFSTOPPED(status) || WSTOPSIG(status) != (SIGTRAP | 0x80)) {
        failed_op = "unexpected stop while mapping the trampoline";
        return -EPROTO;
    }
    return 0;
}

/*
 * Map the trampoline page by running mmap at the stopped call's own syscall
 * instruction (rewind4 style), then rewind the stopped call itself so that it
 * stops again and takes the trampoline like every later call.
 */
static int map_trampoline(struct tracer *t, struct user_regs_struct *regs)
{
    struct user_regs_struct r = *regs;
    int err;

    r.rip -= 2;
    r.rax = SYS_mmap;
    r.rdi = 0;
    r.rsi = 4096;
    r.rdx = PROT_READ | PROT_EXEC;
    r.r10 = MAP_PRIVATE | MAP_ANONYMOUS;
    r.r8 = -1UL;
    r.r9 = 0;
    err = setregs(t, &r);
    /* Skipped call's exit, re-entry, then the exit that carries the address. */
    for (int i = 0; !err && i < 3; i++) {
        err = pt(PTRACE_SYSCALL, "PTRACE_SYSCALL", t->pid, NULL, 0);
        if (!err)
            err = wait_syscall_stop(t);
    }
    if (!err)
        err = getregs(t, &r);
    if (err)
        return err;
    if (r.rax > -4096UL) {
        failed_op = "mmap in the tracee";
        return (int)r.rax;
    }
    t->page = r.rax;
    /* POKEDATA writes through the missing write permission, as a debugger does. */
    err = pt(PTRACE_POKEDATA, "PTRACE_POKEDATA", t->pid, (void *)t->page, TRAMPOLINE_WORD);
    if (err)
        return err;
    regs->rip -= 2;
    regs->rax = regs->orig_rax;
    err = setregs(t, regs);
    return err ? err : go(t, ST_EMU);
}

static int start_trampoline(struct tracer *t, struct user_regs_struct *regs)
{
    int err;

    t->saved = *regs;
    regs->rip = t->page;
    regs->rax = regs->orig_rax;
    err = setregs(t, regs);
    return err ? err : go(t, ST_TRAMP);
}

/* The int3 after the call: put the caller back with the call's result. */
static int finish_trampoline(struct tracer *t, struct user_regs_struct *regs)
{
    int err;

    /*
     * Put back only what the detour changed, not the whole saved set: fs_base
     * and gs_base may be the call's own result (arch_prctl). rax is the result.
     */
    regs->rip = t->saved.rip;
    regs->rcx = t->saved.rcx;
    regs->r11 = t->saved.r11;
    regs->eflags = t->saved.eflags;
    err = setregs(t, regs);
    /* go() resumes with signal 0: the SIGTRAP was ours, not the tracee's. */
    return err ? err : go(t, ST_EMU);
}

static void forget_fds(struct tracer *t, unsigned long lo, unsigned long hi)
{
    for (unsigned long fd = lo; fd <= hi && fd < NFDS; fd++) {
        if (t->dups[fd] >= 0)
            close(t->dups[fd]);
        t->dups[fd] = -1;
    }
}

static int local_fd(struct tracer *t, unsigned long fd)
{
    long r;

    if (fd >= NFDS)
        return -EBADF;
    if (t->dups[fd] < 0) {
        r = syscall(SYS_pidfd_getfd, t->pidfd, (int)fd, 0);
        if (r < 0)
            return -errno;
        t->dups[fd] = (int)r;
    }
    return t->dups[fd];
}

static long tracee_copy(pid_t pid, size_t len, unsigned long addr, int to_tracee)
{
    struct iovec local = { iobuf, len }, remote = { (void *)addr, len };
    ssize_t r;

    if (to_tracee)
        r = process_vm_writev(pid, &local, 1, &remote, 1, 0);
    else
        r = process_vm_readv(pid, &local, 1, &remote, 1, 0);
    return r < 0 ? -errno : r;
}

/*
 * read/write done by the tracer on its copy of the fd. Returns 1 if answered,
 * 0 if the call must run in the tracee instead: no copy of the fd (the tracee
 * gets its own EBADF), it would block the tracer (RWF_NOWAIT says EAGAIN), or
 * its side effect belongs to the tracee (EPIPE comes with the tracee's SIGPIPE).
 */
static int from_tracer(struct tracer *t, struct user_regs_struct *regs)
{
    int is_read = regs->orig_rax == SYS_read;
    size_t len = regs->rdx < IOBUF_SIZE ? regs->rdx : IOBUF_SIZE;
    struct iovec iov = { iobuf, len };
    long fd = local_fd(t, regs->rdi), r = 0;

    if (fd < 0)
        return 0;
    if (!is_read) {
        r = tracee_copy(t->pid, len, regs->rsi, 0);
        iov.iov_len = r < 0 ? 0 : r;
    }
    if (r >= 0) {
        if (is_read)
            r = preadv2((int)fd, &iov, 1, -1, RWF_NOWAIT);
        else
            r = pwritev2((int)fd, &iov, 1, -1, RWF_NOWAIT);
        if (r < 0) {
            r = -errno;
            if (r == -EAGAIN || r == -EOPNOTSUPP || r == -EPIPE)
                return 0;
        } else if (is_read && r > 0) {
            r = tracee_copy(t->pid, r, regs->rsi, 1);
        }
    }
    if (r == -ESRCH)
        return (int)r;
    /* process_vm_*'s EFAULT is the one the kernel would give for that buffer. */
    regs->rax = r;
    r = setregs(t, regs);
    if (!r)
        r = go(t, ST_EMU);
    return r ? (int)r : 1;
}

/* A PTRACE_SYSEMU entry stop: the kernel has already skipped the call. */
static int on_sysemu_entry(struct tracer *t)
{
    struct user_regs_struct regs;
    long nr;
    int err = getregs(t, &regs);

    if (err)
        return err;
    nr = (long)regs.orig_rax;
    switch (t->method) {
    case M_EMU_GETPID:
        if (nr == SYS_getpid) {
            regs.rax = t->pid;
            err = setregs(t, &regs);
            return err ? err : go(t, ST_EMU);
        }
        break;
    case M_FROMTRACER:
        /* A copy outliving the tracee's fd would keep pipes open. */
        if (nr == SYS_close)
            forget_fds(t, regs.rdi, regs.rdi);
        else if (nr == SYS_dup2 || nr == SYS_dup3)
            forget_fds(t, regs.rsi, regs.rsi);
        else if (nr == SYS_close_range)
            forget_fds(t, regs.rdi, regs.rsi);
        if (nr == SYS_read || nr == SYS_write) {
            err = from_tracer(t, &regs);
            if (err)
                return err < 0 ? err : 0;
        }
        break;
    case M_SECCOMP_REWIND:
        err = refuse_child(nr);
        if (err)
            return err;
        break;
    case M_TRAMPOLINE:
        if (must_run_in_place(nr))
            break;
        return t->page ? start_trampoline(t, &regs) : map_trampoline(t, &regs);
    default:
        break;
    }
    return rewind_call(t, &regs);
}

static int on_syscall_stop(struct tracer *t)
{
    struct user_regs_struct regs;
    int err;

    switch (t->state) {
    case ST_EMU:
        return on_sysemu_entry(t);
    case ST_SKIPEXIT:
        return go(t, ST_REENTRY);
    case ST_REENTRY:
        /* rewind3: SYSEMU is in force again when the call reaches its exit. */
        return go(t, t->method == M_REWIND3 ? ST_EMU : ST_EXIT);
    case ST_EXIT:
        /* The result, as a shim would read it. */
        err = getregs(t, &regs);
        return err ? err : go(t, t->method == M_SECCOMP_EXIT ? ST_SECCOMP : ST_EMU);
    case ST_CLASSIC:
        err = getregs(t, &regs);
        return err ? err : resume(t, 0);
    default:
        break;
    }
    failed_op = "unexpected syscall stop";
    return -EPROTO;
}

static int on_seccomp_stop(struct tracer *t)
{
    struct user_regs_struct regs;
    int err;

    switch (t->state) {
    case ST_PREEXEC:
        return resume(t, 0);
    case ST_SECCOMP_FWD:
        /* Runs now; SYSEMU is in force again when the call reaches its exit. */
        return go(t, ST_EMU);
    case ST_SECCOMP:
        err = getregs(t, &regs);
        if (!err)
            err = refuse_child((long)regs.orig_rax);
        if (err)
            return err;
        if (t->method == M_SECCOMP_EMU && regs.orig_rax == SYS_getpid) {
            /* A negative number makes seccomp skip the call and keep our rax. */
            regs.orig_rax = -1UL;
            regs.rax = t->pid;
            err = setregs(t, &regs);
            return err ? err : resume(t, 0);
        }
        return t->method == M_SECCOMP_EXIT ? go(t, ST_EXIT) : resume(t, 0);
    default:
        failed_op = "unexpected seccomp stop";
        return -EPROTO;
    }
}

static int on_stop(struct tracer *t, int status)
{
    struct user_regs_struct regs;
    int sig = WSTOPSIG(status), event = (unsigned int)status >> 16, err;

    if (sig == (SIGTRAP | 0x80))
        return on_syscall_stop(t);
    if (event == PTRACE_EVENT_EXEC) {
        /* Close-on-exec fds and the old address space are gone. */
        forget_fds(t, 0, NFDS - 1);
        t->page = 0;
        if (t->state == ST_PREEXEC)
            t->state = first_state(t->method);
        return resume(t, 0);
    }
    if (event == PTRACE_EVENT_SECCOMP)
        return on_seccomp_stop(t);
    if (event == PTRACE_EVENT_STOP) {
        /* A group-stop: stay stopped until SIGCONT, as without a tracer. */
        if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)
            return pt(PTRACE_LISTEN, "PTRACE_LISTEN", t->pid, NULL, 0);
        return resume(t, 0);
    }
    if (event)
        return resume(t, 0);
    if (sig == SIGTRAP && t->state == ST_TRAMP) {
        err = getregs(t, &regs);
        if (err)
            return err;
        if (regs.rip == t->page + TRAMPOLINE_LEN)
            return finish_trampoline(t, &regs);
    }
    /*
     * A signal-delivery stop: deliver the signal in the current mode. In
     * ST_TRAMP that is PTRACE_CONT, so the handler's own calls run untraced,
     * and a siglongjmp out of it loses the tracee: the trampoline's flaw.
     */
    return resume(t, sig);
}

/*
 * Trace every call. Under PTRACE_SYSEMU the filter is never consulted (the
 * kernel handles ptrace first and skips the call), so in seccomp-rewind it
 * only catches the rewound call; in the other seccomp methods it is the only
 * thing that stops the tracee.
 */
static int install_filter(void)
{
    struct sock_filter insn = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
    struct sock_fprog prog = { .len = 1, .filter = &insn };

    /* Without CAP_SYS_ADMIN a filter needs no_new_privs. */
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
        return -errno;
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog))
        return -errno;
    return 0;
}

static void __attribute__((noreturn)) run_child(int gate, enum method m, char **argv)
{
    char c;
    int err;

    /* EOF on the gate means the parent has seized us: exec is traced. */
    while (read(gate, &c, 1) < 0 && errno == EINTR)
        ;
    close(gate);
    if (is_seccomp(m)) {
        err = install_filter();
        if (err)
            die("seccomp filter", -err);
    }
    execvp(argv[0], argv);
    fprintf(stderr, "mintracer: exec %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

int main(int argc, char **argv)
{
    struct tracer t = { .state = ST_PREEXEC, .method = M_COUNT };
    long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL | PTRACE_O_TRACEEXEC;
    int gate[2], status, err;

    for (int m = 0; argc > 1 && m < M_COUNT; m++)
        if (!strcmp(argv[1], method_names[m]))
            t.method = m;
    if (argc < 4 || t.method == M_COUNT || strcmp(argv[2], "--")) {
        fprintf(stderr, "usage: mintracer METHOD -- PROGRAM ARGS...\nmethods:");
        for (int m = 0; m < M_COUNT; m++)
            fprintf(stderr, " %s", method_names[m]);
        fputc('\n', stderr);
        return 2;
    }
    if (is_seccomp(t.method))
        opts |= PTRACE_O_TRACESECCOMP;
    for (int fd = 0; fd < NFDS; fd++)
        t.dups[fd] = -1;

    if (pipe2(gate, O_CLOEXEC))
        die("pipe2", errno);
    t.pid = fork();
    if (t.pid < 0)
        die("fork", errno);
    if (t.pid == 0) {
        close(gate[1]);
        run_child(gate[0], t.method, argv + 3);
    }
    close(gate[0]);
    /* After the fork: an ignored SIGPIPE would survive the tracee's exec. */
    if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
        die("signal", errno);
    err = pt(PTRACE_SEIZE, "PTRACE_SEIZE", t.pid, NULL, opts);
    if (err) {
        /* Or it would run untraced once the gate closes. */
        kill(t.pid, SIGKILL);
        die(failed_op, -err);
    }
    close(gate[1]);
    t.pidfd = (int)syscall(SYS_pidfd_open, t.pid, 0);
    if (t.pidfd < 0)
        die("pidfd_open", errno);

    for (;;) {
        if (waitpid(t.pid, &status, __WALL) < 0) {
            if (errno == EINTR)
                continue;
            die("waitpid", errno);
        }
        if (WIFEXITED(status) || WIFSIGNALED(status))
            break;
        t.stops++;
        err = on_stop(&t, status);
        /* ESRCH: killed under us (SIGKILL); waitpid reports how it ended. */
        if (err && err != -ESRCH)
            die(failed_op, -err);
    }
    fprintf(stderr, "mintracer: %s: %lu stops\n", method_names[t.method], t.stops);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/*
 * seccomp.c: a program that installs seccomp filters of its own.  The
 * kernel applies them to the program's calls whoever answers those calls,
 * so each verdict must have its native effect under ptshim too, for calls
 * the shim answers in the tracer (uname, getppid, pread64 of a file), for
 * calls it runs on the host (ioprio_get) and for the shim's own work.
 *
 *   errno    SECCOMP_RET_ERRNO for some calls (ERRNO(0) too: "success",
 *            the call not run), ALLOW for the rest; inherited by a child,
 *            kept across execve; a thread started before the filter is not
 *            filtered until SECCOMP_FILTER_FLAG_TSYNC
 *   kill     SECCOMP_RET_KILL_PROCESS and KILL_THREAD, each in a child
 *   trap     SECCOMP_RET_TRAP: a SIGSYS handler (which makes calls) sees
 *            the call and sets its result; RET_TRACE without a tracer that
 *            asked for it is ENOSYS; RET_LOG lets the call run
 *   notif    SECCOMP_RET_USER_NOTIF: a supervisor thread answers the call
 *   strict   SECCOMP_SET_MODE_STRICT: read, write, exit and rt_sigreturn
 *            (a signal handler returning) work, anything else is SIGKILL
 *   allowlist  a filter that allows the calls the program makes and kills
 *            it for any other, as sandboxes install
 *   minus1   a filter that kills only call number -1, which no program
 *            makes
 *   refused  filters the kernel refuses (EINVAL): a jump out of the
 *            program (JA -1, which jumps to itself), no RET at the end,
 *            unknown opcodes, loads outside seccomp_data, ...; nothing is
 *            installed, the calls after them run unfiltered
 *   race     a thread rewrites a jump of the filter while another installs
 *            it: the kernel installs the filter as it read it (a valid
 *            one of two, or refuses a third); a call the shim answers and
 *            one the host runs must then get the same verdict
 *
 * Everything printed is the same in every run.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "tests.h"

#ifndef SYS_SECCOMP
#define SYS_SECCOMP 1 /* si_code of a SECCOMP_RET_TRAP SIGSYS */
#endif

struct rule {
    int nr;
    unsigned int action;
    int fd; /* the rule holds only for this first argument; 0: any */
};

/* A filter: the x86-64 ABI only, then the rules, then DEFAULT. */
static int install(const struct rule* rules, int n, unsigned int dflt, unsigned int flags) {
    struct sock_filter f[96];
    struct sock_fprog prog = {.filter = f};
    int k = 0;

    f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                          offsetof(struct seccomp_data, arch));
    f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
    for (int i = 0; i < n; i++) {
        f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                              offsetof(struct seccomp_data, nr));
        f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, rules[i].nr, 0,
                                              rules[i].fd ? 3 : 1);
        if (rules[i].fd) {
            /* the low half of args[0] */
            f[k++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                                  offsetof(struct seccomp_data, args[0]));
            f[k++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, rules[i].fd, 0, 1);
        }
        f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, rules[i].action);
    }
    f[k++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, dflt);
    prog.len = k;
    return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog);
}

static void show(const char* what, long ret) {
    if (ret < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, ret);
}

static long do_uname(void) {
    struct utsname u;

    return syscall(SYS_uname, &u);
}

/* getppid's answer compared with the real one, so that nothing varies */
static void show_getppid(const char* what, pid_t real) {
    long r = syscall(SYS_getppid);

    if (r == real)
        printf("%s: the parent\n", what);
    else
        show(what, r);
}

static void wait_report(const char* what, pid_t pid) {
    int status;

    CHECK(waitpid(pid, &status, 0) == pid);
    print_status(what, status);
}

/* errno */

enum { ZERO_FD = 50 }; /* /dev/zero, whose pread64 is filtered */

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cond = PTHREAD_COND_INITIALIZER;
static int g_step;

static void wait_step(int step) {
    pthread_mutex_lock(&g_lock);
    while (g_step < step)
        pthread_cond_wait(&g_cond, &g_lock);
    pthread_mutex_unlock(&g_lock);
}

static void set_step(int step) {
    pthread_mutex_lock(&g_lock);
    g_step = step;
    pthread_cond_broadcast(&g_cond);
    pthread_mutex_unlock(&g_lock);
}

static void* early_thread(void* arg) {
    pid_t ppid = *(pid_t*)arg;

    wait_step(1);
    show("early thread, filter without TSYNC: uname", do_uname());
    show_getppid("early thread, filter without TSYNC: getppid", ppid);
    set_step(2);
    wait_step(3);
    show("early thread, after TSYNC: uname", do_uname());
    show_getppid("early thread, after TSYNC: getppid", ppid);
    return NULL;
}

static int after_exec(void) {
    char buf[4];

    show("after execve: uname", do_uname());
    show("after execve: pread64 of the filtered descriptor", pread(ZERO_FD, buf, sizeof(buf), 0));
    show_getppid("after execve: getppid", getppid());
    show("after execve: PR_GET_SECCOMP", prctl(PR_GET_SECCOMP));
    return 0;
}

static int mode_errno(const char* self) {
    static const struct rule rules[] = {
        {SYS_uname, SECCOMP_RET_ERRNO | EPERM},
        {SYS_pread64, SECCOMP_RET_ERRNO | EIO, ZERO_FD},
        {SYS_ioprio_get, SECCOMP_RET_ERRNO | ENOTTY},
        {SYS_mkdirat, SECCOMP_RET_ERRNO | 0},
    };
    static const struct rule tsync_rules[] = {
        {SYS_getppid, SECCOMP_RET_ERRNO | EACCES},
    };
    pid_t ppid = getppid(), pid;
    pthread_t early;
    struct stat st;
    char buf[4];
    int fd = open("/dev/zero", O_RDONLY);

    /* inherited across execve */
    CHECK(fd >= 0 && dup2(fd, ZERO_FD) == ZERO_FD);
    show("PR_GET_SECCOMP before", prctl(PR_GET_SECCOMP));
    show("PR_GET_NO_NEW_PRIVS before", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
    /* without no_new_privs (and not root) a filter is refused */
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    CHECK(pthread_create(&early, NULL, early_thread, &ppid) == 0);
    show("install", install(rules, 4, SECCOMP_RET_ALLOW, 0));
    show("PR_GET_SECCOMP after", prctl(PR_GET_SECCOMP));
    show("uname", do_uname());
    show("pread64 of the filtered descriptor", pread(ZERO_FD, buf, sizeof(buf), 0));
    show("pread64 of another", pread(fd, buf, sizeof(buf), 0));
    show("read", read(ZERO_FD, buf, sizeof(buf)));
    show("ioprio_get", syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, 0));
    show("mkdirat", mkdirat(AT_FDCWD, "made-by-mkdirat", 0755));
    show("stat of what mkdirat made", stat("made-by-mkdirat", &st));
    show("mkdir (not filtered)", mkdir("made-by-mkdir", 0755));
    show_getppid("getppid", ppid);
    set_step(1);
    wait_step(2);
    show("install with TSYNC", install(tsync_rules, 1, SECCOMP_RET_ALLOW,
                                       SECCOMP_FILTER_FLAG_TSYNC));
    show_getppid("getppid after TSYNC", ppid);
    set_step(3);
    CHECK(pthread_join(early, NULL) == 0);

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        show("child: uname", do_uname());
        show_getppid("child: getppid", getppid());
        fflush(stdout);
        execl(self, self, "after-exec", (char*)NULL);
        _exit(127);
    }
    wait_report("child", pid);
    return 0;
}

/* kill */

static void* kill_thread_main(void* arg) {
    show("thread: uname", do_uname());
    return arg;
}

static void kill_child(const char* what, const struct rule* r, void (*call)(void)) {
    pid_t pid;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (install(r, 1, SECCOMP_RET_ALLOW, 0) < 0)
            _exit(99);
        call();
        printf("%s: survived\n", what);
        exit(0);
    }
    wait_report(what, pid);
}

static void call_getppid(void) {
    syscall(SYS_getppid);
}

static void call_pread(void) {
    char c;
    int fd = open("/dev/zero", O_RDONLY);

    syscall(SYS_pread64, fd, &c, 1, 0);
}

static void call_ioprio_get(void) {
    syscall(SYS_ioprio_get, 1, 0);
}

static void call_uname(void) {
    do_uname();
}

/* KILL_THREAD in a second thread: that thread ends, the process goes on */
static void call_uname_in_thread(void) {
    pthread_t t;
    void* ret = (void*)1;

    CHECK(pthread_create(&t, NULL, kill_thread_main, NULL) == 0);
    CHECK(pthread_join(t, &ret) == 0);
    printf("main thread: joined the filtered thread, which returned %s\n",
           ret ? "something" : "nothing");
}

static int mode_kill(void) {
    static const struct rule kp_getppid = {SYS_getppid, SECCOMP_RET_KILL_PROCESS};
    static const struct rule kp_pread = {SYS_pread64, SECCOMP_RET_KILL_PROCESS};
    static const struct rule kp_ioprio = {SYS_ioprio_get, SECCOMP_RET_KILL_PROCESS};
    static const struct rule kt_uname = {SYS_uname, SECCOMP_RET_KILL_THREAD};

    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    kill_child("KILL_PROCESS getppid", &kp_getppid, call_getppid);
    kill_child("KILL_PROCESS pread64", &kp_pread, call_pread);
    kill_child("KILL_PROCESS ioprio_get", &kp_ioprio, call_ioprio_get);
    kill_child("KILL_THREAD uname, single thread", &kt_uname, call_uname);
    kill_child("KILL_THREAD uname in a second thread", &kt_uname, call_uname_in_thread);
    return 0;
}

/* trap */

static volatile sig_atomic_t g_sigsys;

static void on_sigsys(int sig, siginfo_t* si, void* uc_) {
    ucontext_t* uc = uc_;
    char msg[160];
    int n;

    g_sigsys++;
    n = snprintf(msg, sizeof(msg),
                 "SIGSYS: code %s, call %s, data %d, arch %s, at the call %s\n",
                 si->si_code == SYS_SECCOMP ? "SYS_SECCOMP" : "other",
                 si->si_syscall == SYS_getppid ? "getppid"
                 : si->si_syscall == SYS_pread64 ? "pread64"
                                                   : "other",
                 si->si_errno, si->si_arch == AUDIT_ARCH_X86_64 ? "x86-64" : "other",
                 (greg_t)si->si_call_addr == uc->uc_mcontext.gregs[REG_RIP]
                     ? "yes"
                     : "no");
    /* the handler's own calls: not filtered */
    if (write(STDOUT_FILENO, msg, n) != n)
        _exit(98);
    uc->uc_mcontext.gregs[REG_RAX] = 4000 + si->si_errno;
}

static int mode_trap(void) {
    static const struct rule rules[] = {
        {SYS_getppid, SECCOMP_RET_TRAP | 7},
        {SYS_pread64, SECCOMP_RET_TRAP | 8},
        {SYS_ioprio_get, SECCOMP_RET_TRACE | 9},
        {SYS_uname, SECCOMP_RET_LOG},
    };
    struct sigaction sa;
    char c;
    int fd = open("/dev/zero", O_RDONLY);

    CHECK(fd >= 0);
    setvbuf(stdout, NULL, _IONBF, 0);
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_sigsys;
    sa.sa_flags = SA_SIGINFO;
    CHECK(sigaction(SIGSYS, &sa, NULL) == 0);
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    show("install", install(rules, 4, SECCOMP_RET_ALLOW, 0));
    show("getppid", syscall(SYS_getppid));
    show("pread64", syscall(SYS_pread64, fd, &c, 1, 0));
    show("ioprio_get (RET_TRACE)", syscall(SYS_ioprio_get, 1, 0));
    show("uname (RET_LOG)", do_uname());
    printf("SIGSYS handled %d times\n", (int)g_sigsys);
    return 0;
}

/* notif */

static int g_listener = -1;

static void* supervisor(void* arg) {
    struct seccomp_notif req;
    struct seccomp_notif_resp resp;

    wait_step(1);
    memset(&req, 0, sizeof(req));
    if (ioctl(g_listener, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0) {
        printf("supervisor: NOTIF_RECV: %s\n", strerror(errno));
        return NULL;
    }
    printf("supervisor: call %s\n", req.data.nr == SYS_getppid ? "getppid" : "other");
    memset(&resp, 0, sizeof(resp));
    resp.id = req.id;
    resp.val = 4242;
    if (ioctl(g_listener, SECCOMP_IOCTL_NOTIF_SEND, &resp) < 0)
        printf("supervisor: NOTIF_SEND: %s\n", strerror(errno));
    return arg;
}

static int mode_notif(void) {
    static const struct rule rules[] = {{SYS_getppid, SECCOMP_RET_USER_NOTIF}};
    pthread_t sup;

    setvbuf(stdout, NULL, _IOLBF, 0);
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    /* started first: the filter (no TSYNC) is the main thread's alone */
    CHECK(pthread_create(&sup, NULL, supervisor, NULL) == 0);
    g_listener = install(rules, 1, SECCOMP_RET_ALLOW, SECCOMP_FILTER_FLAG_NEW_LISTENER);
    CHECK(g_listener >= 0);
    set_step(1);
    show("getppid", syscall(SYS_getppid));
    CHECK(pthread_join(sup, NULL) == 0);
    return 0;
}

/* allowlist: what sandboxes install; anything else kills */

static int mode_allowlist(void) {
    static const struct rule rules[] = {
        {SYS_read, SECCOMP_RET_ALLOW},         {SYS_write, SECCOMP_RET_ALLOW},
        {SYS_getppid, SECCOMP_RET_ALLOW},      {SYS_getpid, SECCOMP_RET_ALLOW},
        {SYS_gettid, SECCOMP_RET_ALLOW},       {SYS_uname, SECCOMP_RET_ALLOW},
        {SYS_getpgrp, SECCOMP_RET_ALLOW},      {SYS_close, SECCOMP_RET_ALLOW},
        {SYS_exit_group, SECCOMP_RET_ALLOW},   {SYS_ioprio_get, SECCOMP_RET_ERRNO | ENOTTY},
    };
    char buf[8];
    long ok = 0;
    int fd = open("/dev/zero", O_RDONLY);

    CHECK(fd >= 0);
    setvbuf(stdout, NULL, _IONBF, 0);
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    show("install", install(rules, sizeof(rules) / sizeof(rules[0]), SECCOMP_RET_KILL_PROCESS, 0));
    /* calls of every kind, after one run on the host, and again */
    for (int i = 0; i < 100; i++) {
        ok += syscall(SYS_ioprio_get, 1, 0) < 0 && errno == ENOTTY;
        ok += syscall(SYS_getppid) > 0;
        ok += syscall(SYS_getpgrp) > 0;
        ok += syscall(SYS_getpid) > 0;
        ok += read(fd, buf, sizeof(buf)) == sizeof(buf);
        ok += syscall(SYS_uname, 8L) < 0 && errno == EFAULT;
    }
    show("calls that the filter allows, of 600", ok);
    show("close", close(fd));
    return 0;
}

/* minus1: a filter that kills call number -1 only, which no program
 * makes (syscall(-1) is ENOSYS natively) */

static int mode_minus1(void) {
    static const struct rule rules[] = {{-1, SECCOMP_RET_KILL_PROCESS}};

    setvbuf(stdout, NULL, _IONBF, 0);
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    show("install", install(rules, 1, SECCOMP_RET_ALLOW, 0));
    /* run on the host, then answered by the shim */
    show("ioprio_get", syscall(SYS_ioprio_get, 1, 0) >= 0);
    show_getppid("getppid", getppid());
    return 0;
}

/* refused: each filter breaks one rule of the kernel's checks
 * (bpf_check_classic and seccomp_check_filter); the kernel answers EINVAL
 * and installs nothing */

#define STMT(code, k) ((struct sock_filter)BPF_STMT(code, k))
#define JUMP(code, k, jt, jf) ((struct sock_filter)BPF_JUMP(code, k, jt, jf))
#define RET_ALLOW STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)
#define LD_NR STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))

static struct refused {
    const char* what;
    unsigned short len;
    struct sock_filter insns[4];
} g_refused[] = {
    {"JA -1 (to itself)", 2, {STMT(BPF_JMP | BPF_JA, 0xffffffff), RET_ALLOW}},
    {"JA past the end", 2, {STMT(BPF_JMP | BPF_JA, 1), RET_ALLOW}},
    {"JA 0 as the last instruction", 2, {RET_ALLOW, STMT(BPF_JMP | BPF_JA, 0)}},
    {"JEQ jt past the end", 3, {LD_NR, JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), RET_ALLOW}},
    {"JGT jf past the end", 3, {LD_NR, JUMP(BPF_JMP | BPF_JGT | BPF_K, 0, 0, 255), RET_ALLOW}},
    {"no RET at the end", 2, {RET_ALLOW, LD_NR}},
    {"RET X", 1, {STMT(BPF_RET | BPF_X, 0)}},
    {"an unknown opcode", 2, {STMT(0xff, 0), RET_ALLOW}},
    {"an unknown opcode beyond the kernel's table", 2, {STMT(0x1234, 0), RET_ALLOW}},
    {"BPF_MOD (not for seccomp)", 2, {STMT(BPF_ALU | BPF_MOD | BPF_K, 3), RET_ALLOW}},
    {"a byte load (not for seccomp)", 2, {STMT(BPF_LD | BPF_B | BPF_ABS, 0), RET_ALLOW}},
    {"an indirect load (not for seccomp)", 2, {STMT(BPF_LD | BPF_W | BPF_IND, 0), RET_ALLOW}},
    {"a misaligned load", 2, {STMT(BPF_LD | BPF_W | BPF_ABS, 2), RET_ALLOW}},
    {"a load past seccomp_data", 2, {STMT(BPF_LD | BPF_W | BPF_ABS, 64), RET_ALLOW}},
    {"an ancillary load", 2, {STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF), RET_ALLOW}},
    {"a division by the constant 0", 2, {STMT(BPF_ALU | BPF_DIV | BPF_K, 0), RET_ALLOW}},
    {"a shift by 32", 2, {STMT(BPF_ALU | BPF_LSH | BPF_K, 32), RET_ALLOW}},
    {"a store to M[16]", 2, {STMT(BPF_ST, 16), RET_ALLOW}},
    {"a load of M[0] never stored", 2, {STMT(BPF_LD | BPF_MEM, 0), STMT(BPF_RET | BPF_A, 0)}},
    {"a load of M[1] stored on one path only", 4,
     {JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1), STMT(BPF_ST, 1), STMT(BPF_LDX | BPF_MEM, 1),
      RET_ALLOW}},
    {"no instruction", 0, {RET_ALLOW}},
};

static int mode_refused(void) {
    static struct sock_filter big[BPF_MAXINSNS + 1];
    struct sock_fprog prog;

    setvbuf(stdout, NULL, _IONBF, 0);
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    for (size_t i = 0; i < sizeof(g_refused) / sizeof(g_refused[0]); i++) {
        prog.len = g_refused[i].len;
        prog.filter = g_refused[i].insns;
        printf("%s: ", g_refused[i].what);
        show("seccomp", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog));
        printf("%s: ", g_refused[i].what);
        show("prctl", prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog));
    }
    for (size_t i = 0; i < BPF_MAXINSNS + 1; i++)
        big[i] = RET_ALLOW;
    prog.len = BPF_MAXINSNS + 1;
    prog.filter = big;
    show("BPF_MAXINSNS + 1 instructions", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog));
    /* nothing was installed: the calls the shim answers and those the
     * host runs are not filtered */
    show("PR_GET_SECCOMP", prctl(PR_GET_SECCOMP));
    show_getppid("getppid", getppid());
    show("uname", do_uname());
    show("ioprio_get", syscall(SYS_ioprio_get, 1, 0) >= 0);
    /* and the largest filter the kernel takes is taken */
    prog.len = BPF_MAXINSNS;
    show("BPF_MAXINSNS instructions", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog));
    show_getppid("getppid", getppid());
    return 0;
}

/* race: the filter's jump at RACE_JUMP is rewritten all the time by
 * another thread, JA 0 (on to RET ALLOW) and JA 1 (on to RET ERRNO), with
 * JA -1 (a jump to itself, which the kernel refuses) in between for every
 * other child.  One 32-bit store each: whatever mixture of their bytes a
 * reader sees, the kernel accepts only JA 0 or JA 1.  getppid (answered
 * by the shim when it may) and ioprio_get (run on the host) go through
 * that jump. */

enum { RACE_JUMP = 3, RACE_CHILDREN = 32 };

static struct sock_filter g_race[] = {
    LD_NR,
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 1, 0),
    JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ioprio_get, 0, 3),
    STMT(BPF_JMP | BPF_JA, 0),
    RET_ALLOW,
    STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
    RET_ALLOW,
};
static volatile int g_race_started, g_race_stop;

static void* race_writer(void* arg) {
    static const uint32_t k[] = {0, 0xffffffff, 1, 0xffffffff};
    unsigned int step = arg ? 1 : 2; /* with JA -1, or without */

    g_race_started = 1;
    for (unsigned int i = 0; !g_race_stop; i += step)
        __atomic_store_n(&g_race[RACE_JUMP].k, k[i % 4], __ATOMIC_RELAXED);
    return NULL;
}

/* One install under the race; exits 0 when both calls got the same
 * verdict, else prints them and exits 1. */
static void race_child(bool refused_too) {
    struct sock_fprog prog = {.len = sizeof(g_race) / sizeof(g_race[0]), .filter = g_race};
    long ppid, ioprio;
    int attempts = 0, e1, e2;
    pthread_t writer;

    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0);
    CHECK(pthread_create(&writer, NULL, race_writer, refused_too ? &writer : NULL) == 0);
    while (!g_race_started)
        sched_yield();
    /* refused (EINVAL) while the kernel read JA -1 */
    while (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0) {
        CHECK(errno == EINVAL);
        CHECK(++attempts < 100000);
    }
    g_race_stop = 1;
    CHECK(pthread_join(writer, NULL) == 0);
    ppid = syscall(SYS_getppid);
    e1 = ppid < 0 ? errno : 0;
    ioprio = syscall(SYS_ioprio_get, 1, 0);
    e2 = ioprio < 0 ? errno : 0;
    if (e1 != e2) {
        printf("race: getppid %s, ioprio_get %s\n", e1 ? strerror(e1) : "allowed",
               e2 ? strerror(e2) : "allowed");
        exit(1);
    }
    exit(0);
}

static int mode_race(void) {
    int agree = 0;

    fflush(stdout);
    for (int i = 0; i < RACE_CHILDREN; i++) {
        pid_t pid = fork();
        int status;

        CHECK(pid >= 0);
        if (pid == 0)
            race_child(i % 2 == 0);
        CHECK(waitpid(pid, &status, 0) == pid);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            agree++;
        else if (!WIFEXITED(status) || WEXITSTATUS(status) != 1)
            print_status("race child", status);
    }
    printf("race: %d of %d installs gave getppid and ioprio_get the same verdict\n", agree,
           RACE_CHILDREN);
    return 0;
}

/* strict */

static void say(const char* s) {
    if (write(STDOUT_FILENO, s, strlen(s)) < 0)
        syscall(SYS_exit, 98);
}

static volatile sig_atomic_t g_alarms;

/* the timer repeats until the blocking read is interrupted: said once */
static void on_alarm(int sig) {
    if (g_alarms++ == 0)
        say("strict: SIGALRM handler ran\n");
}

static void strict_child(int how, int rfd) {
    char c;

    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL) < 0)
        syscall(SYS_exit, 99);
    say("strict: write works\n");
    if (read(rfd, &c, 1) == 1 && c == 'x')
        say("strict: read works\n");
    switch (how) {
    case 0:
        syscall(SYS_getpid);
        break;
    case 1:
        syscall(SYS_exit, 3);
        break;
    case 2:
        syscall(SYS_exit_group, 4);
        break;
    case 3:
        /* a blocking read, interrupted by the timer set before */
        if (read(rfd, &c, 1) < 0 && errno == EINTR)
            say("strict: read interrupted, handler returned\n");
        syscall(SYS_exit, 5);
        break;
    }
    say("strict: survived\n");
    syscall(SYS_exit, 0);
}

static int mode_strict(void) {
    static const char* what[] = {"strict then getpid", "strict then exit",
                                 "strict then exit_group", "strict, a signal handler"};

    for (int how = 0; how < 4; how++) {
        int p[2];
        pid_t pid;

        CHECK(pipe(p) == 0);
        CHECK(write(p[1], "x", 1) == 1);
        fflush(stdout);
        pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            if (how == 3) {
                struct sigaction sa;
                struct itimerval it = {.it_interval = {0, 50000}, .it_value = {0, 50000}};

                memset(&sa, 0, sizeof(sa));
                sa.sa_handler = on_alarm;
                CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
                CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
            }
            strict_child(how, p[0]);
        }
        wait_report(what[how], pid);
        close(p[0]);
        close(p[1]);
    }
    show("parent: PR_GET_SECCOMP", prctl(PR_GET_SECCOMP));
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 2 && !strcmp(argv[1], "errno"))
        return mode_errno(argv[0]);
    if (argc == 2 && !strcmp(argv[1], "after-exec"))
        return after_exec();
    if (argc == 2 && !strcmp(argv[1], "kill"))
        return mode_kill();
    if (argc == 2 && !strcmp(argv[1], "trap"))
        return mode_trap();
    if (argc == 2 && !strcmp(argv[1], "notif"))
        return mode_notif();
    if (argc == 2 && !strcmp(argv[1], "strict"))
        return mode_strict();
    if (argc == 2 && !strcmp(argv[1], "allowlist"))
        return mode_allowlist();
    if (argc == 2 && !strcmp(argv[1], "minus1"))
        return mode_minus1();
    if (argc == 2 && !strcmp(argv[1], "refused"))
        return mode_refused();
    if (argc == 2 && !strcmp(argv[1], "race"))
        return mode_race();
    fprintf(stderr, "usage: seccomp errno|kill|trap|notif|strict|allowlist|minus1|refused|race\n");
    return 2;
}

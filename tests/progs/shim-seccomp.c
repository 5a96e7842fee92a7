/*
 * shim-seccomp.c: the program's own seccomp modes, which ptshim's filter
 * (under seccomp stops) must not show or hinder.
 *
 *   strict-prctl    PR_GET_SECCOMP says 0; strict mode through prctl; then
 *                   write works and getpid kills the process with SIGKILL
 *   strict-seccomp  the same through seccomp(2), after its bad arguments
 *   strict-getpgrp  strict mode, then getpgrp: a call that --seccomp-bpf
 *                   lets run without a stop, which strict mode forbids too
 *   filter          a filter of its own that fails getppid with EPERM
 *                   (TSYNC, as one thread of two); PR_GET_SECCOMP says 2 in
 *                   both threads, strict mode is then refused, a forked
 *                   child keeps the filter
 *
 * Each step prints its result; a strict mode run ends killed.
 */
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

static void say(const char* what, long ret) {
    if (ret < 0)
        printf("%s: -1 %s\n", what, strerror(errno));
    else
        printf("%s: %ld\n", what, ret);
    fflush(stdout);
}

/* In strict mode: only read, write, exit and rt_sigreturn; call SYSNO
 * kills the process. */
static void __attribute__((noreturn)) strict_life(long sysno) {
    static const char msg[] = "strict: write works\n";

    syscall(SYS_write, 1, msg, sizeof(msg) - 1);
    syscall(sysno); /* killed here */
    syscall(SYS_write, 1, "strict: still alive\n", 20);
    syscall(SYS_exit, 3);
    for (;;)
        ;
}

static int mode_strict(bool with_prctl, long sysno) {
    say("PR_GET_SECCOMP", prctl(PR_GET_SECCOMP));
    if (with_prctl) {
        say("PR_SET_SECCOMP 7", prctl(PR_SET_SECCOMP, 7));
        if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) < 0) {
            say("PR_SET_SECCOMP strict", -1);
            return 1;
        }
    } else {
        say("seccomp strict, flags 1", syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 1, NULL));
        say("seccomp strict, args", syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, &errno));
        say("seccomp op 99", syscall(SYS_seccomp, 99, 0, NULL));
        if (syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL) < 0) {
            say("seccomp strict", -1);
            return 1;
        }
    }
    strict_life(sysno);
}

static void* other_thread(void* arg) {
    /* TSYNC gave this thread the filter too */
    say("thread: PR_GET_SECCOMP", prctl(PR_GET_SECCOMP));
    say("thread: getppid", syscall(SYS_getppid) > 0 ? 0 : -1);
    return arg;
}

static int mode_filter(void) {
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {.len = sizeof(f) / sizeof(f[0]), .filter = f};
    pthread_t th;
    int status;
    pid_t pid;

    say("PR_GET_SECCOMP", prctl(PR_GET_SECCOMP));
    say("seccomp filter, bad flags", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x80000, &prog));
    say("seccomp filter, NULL", syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, NULL));
    CHECK(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog) == 0);
    say("PR_GET_SECCOMP after", prctl(PR_GET_SECCOMP));
    say("getppid", syscall(SYS_getppid));
    CHECK(pthread_create(&th, NULL, other_thread, NULL) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    say("strict over a filter", prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT));
    say("seccomp strict over a filter", syscall(SYS_seccomp, SECCOMP_SET_MODE_STRICT, 0, NULL));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        say("child: PR_GET_SECCOMP", prctl(PR_GET_SECCOMP));
        say("child: getppid", syscall(SYS_getppid));
        _exit(0);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    say("child status", status);
    return 0;
}

int main(int argc, char** argv) {
    CHECK(argc == 2);
    if (!strcmp(argv[1], "strict-prctl"))
        return mode_strict(true, SYS_getpid);
    if (!strcmp(argv[1], "strict-seccomp"))
        return mode_strict(false, SYS_getpid);
    if (!strcmp(argv[1], "strict-getpgrp"))
        return mode_strict(false, SYS_getpgrp);
    if (!strcmp(argv[1], "filter"))
        return mode_filter();
    fprintf(stderr, "usage: shim-seccomp strict-prctl|strict-seccomp|strict-getpgrp|filter\n");
    return 2;
}

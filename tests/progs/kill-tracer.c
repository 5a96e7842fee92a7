/*
 * kill-tracer.c: aim signals at the process in this process's TracerPid
 * (ptshim's tracer), or, when nothing traces it, at a process ID that no
 * process has, and print what each call answered: under ptshim the tracer
 * must be as absent as that ID is natively.  Calls made as raw system
 * calls, in the kernel's order of checks: a bad signal, a forged siginfo,
 * a bad flag, then the target.  Its process group and session, its
 * priorities, its robust list and its memory are out of reach too.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

static pid_t tracer_pid(void) {
    char line[256];
    FILE* f = fopen("/proc/self/status", "r");
    long pid = -1;

    CHECK(f != NULL);
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "TracerPid: %ld", &pid) == 1)
            break;
    fclose(f);
    CHECK(pid >= 0);
    return (pid_t)pid;
}

static void show(const char* what, long ret) {
    if (ret < 0)
        printf("%s: %s\n", what, strerrorname_np(errno));
    else
        printf("%s: %ld\n", what, ret);
}

int main(void) {
    pid_t t = tracer_pid();
    siginfo_t si;
    struct sigevent ev;
    void* head;
    size_t len;
    int timer;
    char buf[8];
    struct iovec local = {buf, sizeof(buf)};

    if (t == 0)
        t = INT_MAX - 1; /* above PID_MAX_LIMIT: no process */
    setvbuf(stdout, NULL, _IONBF, 0);
    show("kill 0", syscall(SYS_kill, t, 0));
    show("kill STOP", syscall(SYS_kill, t, SIGSTOP));
    show("kill KILL", syscall(SYS_kill, t, SIGKILL));
    show("kill 99", syscall(SYS_kill, t, 99));
    show("kill group STOP", syscall(SYS_kill, -t, SIGSTOP));
    show("tgkill STOP", syscall(SYS_tgkill, t, t, SIGSTOP));
    show("tgkill 0 tgid", syscall(SYS_tgkill, 0, t, SIGSTOP));
    show("tkill STOP", syscall(SYS_tkill, t, SIGSTOP));
    show("tkill 99", syscall(SYS_tkill, t, 99));
    memset(&si, 0, sizeof(si));
    si.si_signo = SIGSTOP;
    si.si_code = SI_QUEUE;
    show("rt_sigqueueinfo STOP", syscall(SYS_rt_sigqueueinfo, t, SIGSTOP, &si));
    show("rt_sigqueueinfo bad pointer", syscall(SYS_rt_sigqueueinfo, t, SIGSTOP, (void*)8));
    si.si_code = SI_USER; /* forging kill(2)'s siginfo: EPERM first */
    show("rt_sigqueueinfo forged", syscall(SYS_rt_sigqueueinfo, t, SIGSTOP, &si));
    si.si_code = SI_QUEUE;
    show("rt_tgsigqueueinfo STOP", syscall(SYS_rt_tgsigqueueinfo, t, t, SIGSTOP, &si));
    show("pidfd_open", syscall(SYS_pidfd_open, t, 0));
    show("pidfd_open bad flags", syscall(SYS_pidfd_open, t, 0x1000));
    /* its process group and session are none of the program's either */
    show("setpgid(tracer, 0)", syscall(SYS_setpgid, t, 0));
    show("setpgid(0, tracer)", syscall(SYS_setpgid, 0, t));
    show("getpgid", syscall(SYS_getpgid, t));
    show("getsid", syscall(SYS_getsid, t));
    show("getpriority process", syscall(SYS_getpriority, PRIO_PROCESS, t));
    show("getpriority group", syscall(SYS_getpriority, PRIO_PGRP, t));
    show("setpriority process", syscall(SYS_setpriority, PRIO_PROCESS, t, 19));
    show("setpriority group", syscall(SYS_setpriority, PRIO_PGRP, t, 19));
    show("get_robust_list", syscall(SYS_get_robust_list, t, &head, &len));
    show("ioprio_get", syscall(SYS_ioprio_get, 1, t));
    show("ioprio_set idle", syscall(SYS_ioprio_set, 1, t, 3 << 13));
    show("ioprio_set bad class", syscall(SYS_ioprio_set, 1, t, 7 << 13));
    show("kcmp", syscall(SYS_kcmp, getpid(), t, 0, 0, 0));
    show("kcmp bad type", syscall(SYS_kcmp, t, getpid(), 99, 0, 0));
    show("process_vm_readv", syscall(SYS_process_vm_readv, t, &local, 1, &local, 1, 0));
    show("process_vm_writev", syscall(SYS_process_vm_writev, t, &local, 1, &local, 1, 0));
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = SIGEV_SIGNAL | SIGEV_THREAD_ID;
    ev.sigev_signo = SIGSTOP;
    ev._sigev_un._tid = t;
    show("timer_create aimed at it", syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &timer));
    printf("still running\n");
    return 0;
}

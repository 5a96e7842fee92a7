/*
 * shim-proc-session.c: setpgid, getpgid, getpgrp, setsid, getsid,
 * getpriority, setpriority, times, get_robust_list, pidfd_send_signal and
 * pidfd_getfd (one of the shim-proc programs: shim-proc.h).  Run as root
 * and as a user of its own: the permission cases answer each its way.
 */
#include "shim-proc.h"

#include <linux/futex.h>
#include <linux/kcmp.h>
#include <sys/times.h>
#include <sys/uio.h>

#define IOPRIO_VALUE(class, data) (((class) << 13) | (data))

#ifndef PIDFD_SELF_THREAD
#define PIDFD_SELF_THREAD -10000
#endif

/* A child that waits for a byte on a pipe, then does what FN says */
struct waiter {
    pid_t pid;
    int go; /* write a byte here to let it go on */
};

static struct waiter spawn_waiter(void (*fn)(void)) {
    struct waiter w;
    int p[2];
    char c;

    CHECK(pipe(p) == 0);
    w.pid = fork();
    CHECK(w.pid >= 0);
    if (w.pid == 0) {
        close(p[1]);
        if (fn)
            fn();
        (void)!read(p[0], &c, 1);
        _exit(0);
    }
    close(p[0]);
    w.go = p[1];
    return w;
}

static void release(const char* what, struct waiter* w) {
    CHECK(write(w->go, "x", 1) == 1);
    close(w->go);
    reap(what, w->pid);
}

static void new_session(void) {
    CHECK(setsid() > 0);
}

static int g_tid_pipe[2];
static pid_t g_thread_tid;

static void* thread_main(void* arg) {
    char c;

    __atomic_store_n(&g_thread_tid, gettid(), __ATOMIC_SEQ_CST);
    (void)!read(g_tid_pipe[0], &c, 1);
    return arg;
}

static void section_pgid(void) {
    struct waiter w, other;
    pthread_t th;
    pid_t pid;
    int p[2];

    T("setpgid(0, -1)", syscall(SYS_setpgid, 0, -1));
    T("setpgid(-1, 0)", syscall(SYS_setpgid, -1, 0));
    T("setpgid(-5, 7)", syscall(SYS_setpgid, -5, 7));
    T("setpgid(INT_MAX, INT_MAX)", syscall(SYS_setpgid, INT_MAX, INT_MAX));
    T("setpgid(init, 0)", syscall(SYS_setpgid, 1, 0));
    T("setpgid(0, no such group)", syscall(SYS_setpgid, 0, INT_MAX - 1));
    T("setpgid(init, -1)", syscall(SYS_setpgid, 1, -1));

    /* a child, before its exec: into a group of its own, and back */
    w = spawn_waiter(NULL);
    T("setpgid(child, 0)", syscall(SYS_setpgid, w.pid, 0));
    printf("  getpgid(child) is the child: %s\n",
           syscall(SYS_getpgid, w.pid) == w.pid ? "yes" : "no");
    T("setpgid(child, own group)", syscall(SYS_setpgid, w.pid, getpgrp()));
    printf("  getpgid(child) is ours: %s\n",
           syscall(SYS_getpgid, w.pid) == getpgrp() ? "yes" : "no");
    /* a group of another session */
    other = spawn_waiter(new_session);
    while (syscall(SYS_getsid, other.pid) != other.pid)
        msleep(1);
    T("setpgid(child, a group of another session)", syscall(SYS_setpgid, w.pid, other.pid));
    T("setpgid(child in another session, 0)", syscall(SYS_setpgid, other.pid, 0));
    printf("  getsid(that child) is itself: %s\n",
           syscall(SYS_getsid, other.pid) == other.pid ? "yes" : "no");
    printf("  getpgid(that child) is itself: %s\n",
           syscall(SYS_getpgid, other.pid) == other.pid ? "yes" : "no");
    release("child", &w);
    release("child in another session", &other);

    /* a child after its exec: EACCES */
    CHECK(pipe(p) == 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        dup2(p[0], 0);
        close(p[1]);
        execl("/bin/sh", "sh", "-c", "read x", (char*)NULL);
        _exit(127);
    }
    close(p[0]);
    /* it has exec'd once its /proc exe is sh's */
    for (;;) {
        char exe[64], buf[256];
        ssize_t n;

        snprintf(exe, sizeof(exe), "/proc/%d/exe", pid);
        n = readlink(exe, buf, sizeof(buf) - 1);
        if (n > 0 && (buf[n] = '\0', strstr(buf, "sh")) && !strstr(buf, "shim-proc"))
            break;
        msleep(1);
    }
    T("setpgid(a child after its exec, 0)", syscall(SYS_setpgid, pid, 0));
    CHECK(write(p[1], "\n", 1) == 1);
    close(p[1]);
    reap("the exec'd child", pid);

    /* a thread that leads nothing */
    CHECK(pipe(g_tid_pipe) == 0);
    CHECK(pthread_create(&th, NULL, thread_main, NULL) == 0);
    while (!__atomic_load_n(&g_thread_tid, __ATOMIC_SEQ_CST))
        msleep(1);
    T("setpgid(another thread, 0)", syscall(SYS_setpgid, g_thread_tid, 0));
    printf("  getpgid(another thread) is ours: %s\n",
           syscall(SYS_getpgid, g_thread_tid) == getpgrp() ? "yes" : "no");
    printf("  getsid(another thread) is ours: %s\n",
           syscall(SYS_getsid, g_thread_tid) == getsid(0) ? "yes" : "no");
    CHECK(write(g_tid_pipe[1], "x", 1) == 1);
    CHECK(pthread_join(th, NULL) == 0);

    printf("getpgid(0) is getpgrp(): %s\n",
           syscall(SYS_getpgid, 0) == syscall(SYS_getpgrp) ? "yes" : "no");
    printf("getpgid(self) is getpgrp(): %s\n",
           syscall(SYS_getpgid, getpid()) == syscall(SYS_getpgrp) ? "yes" : "no");
    T("getpgid(-1)", syscall(SYS_getpgid, -1));
    T("getpgid(INT_MIN)", syscall(SYS_getpgid, INT_MIN));
    T("getpgid(INT_MAX)", syscall(SYS_getpgid, INT_MAX));
    printf("getpgid(init) > 0: %s\n", syscall(SYS_getpgid, 1) > 0 ? "yes" : "no");
    printf("getsid(0) is getsid(self): %s\n",
           syscall(SYS_getsid, 0) == syscall(SYS_getsid, getpid()) ? "yes" : "no");
    T("getsid(-1)", syscall(SYS_getsid, -1));
    T("getsid(INT_MAX)", syscall(SYS_getsid, INT_MAX));
}

static void section_setsid(void) {
    pid_t pid = fork();

    CHECK(pid >= 0);
    if (pid == 0) {
        pid_t grandchild;

        /* a group leader cannot */
        T("setpgid(0, 0) in a child", syscall(SYS_setpgid, 0, 0));
        T("setsid() by a group leader", syscall(SYS_setsid));
        grandchild = fork();
        CHECK(grandchild >= 0);
        if (grandchild == 0) {
            long r = syscall(SYS_setsid);

            printf("setsid() by a grandchild is its pid: %s\n", r == getpid() ? "yes" : "no");
            printf("  getsid(0), getpgrp() are it: %s\n",
                   syscall(SYS_getsid, 0) == r && syscall(SYS_getpgrp) == r ? "yes" : "no");
            T("  setsid() again", syscall(SYS_setsid));
            T("  setpgid(0, 0) by a session leader", syscall(SYS_setpgid, 0, 0));
            T("  setpgid(0, its parent's group)", syscall(SYS_setpgid, 0, getppid()));
            fflush(stdout);
            _exit(0);
        }
        reap("grandchild", grandchild);
        fflush(stdout);
        _exit(0);
    }
    reap("child", pid);
}

static void section_priority(void) {
    long prio = syscall(SYS_getpriority, PRIO_PROCESS, 0);
    pid_t pid;

    printf("getpriority(PRIO_PROCESS, 0) is 20 - nice: %s\n",
           prio == 20 - getpriority(PRIO_PROCESS, 0) ? "yes" : "no");
    T("getpriority(PRIO_PROCESS, self)", syscall(SYS_getpriority, PRIO_PROCESS, getpid()));
    T("getpriority(PRIO_PGRP, 0)", syscall(SYS_getpriority, PRIO_PGRP, 0));
    T("getpriority(PRIO_USER, 0)", syscall(SYS_getpriority, PRIO_USER, 0));
    T("getpriority(3, 0)", syscall(SYS_getpriority, 3, 0));
    T("getpriority(-1, 0)", syscall(SYS_getpriority, -1, 0));
    T("getpriority(3, INT_MAX)", syscall(SYS_getpriority, 3, INT_MAX));
    T("getpriority(PRIO_PROCESS, -1)", syscall(SYS_getpriority, PRIO_PROCESS, -1));
    T("getpriority(PRIO_PROCESS, INT_MAX)", syscall(SYS_getpriority, PRIO_PROCESS, INT_MAX));
    T("getpriority(PRIO_PGRP, -1)", syscall(SYS_getpriority, PRIO_PGRP, -1));
    T("getpriority(PRIO_PGRP, INT_MAX)", syscall(SYS_getpriority, PRIO_PGRP, INT_MAX));
    T("getpriority(PRIO_USER, an unused uid)", syscall(SYS_getpriority, PRIO_USER, 54321));

    T("setpriority(3, 0, 0)", syscall(SYS_setpriority, 3, 0, 0));
    T("setpriority(-1, INT_MAX, 0)", syscall(SYS_setpriority, -1, INT_MAX, 0));
    T("setpriority(PRIO_PROCESS, -1, 0)", syscall(SYS_setpriority, PRIO_PROCESS, -1, 0));
    T("setpriority(PRIO_PROCESS, INT_MAX, 0)", syscall(SYS_setpriority, PRIO_PROCESS, INT_MAX, 0));
    T("setpriority(PRIO_PGRP, INT_MAX, 0)", syscall(SYS_setpriority, PRIO_PGRP, INT_MAX, 0));
    T("setpriority(PRIO_USER, an unused uid, 0)", syscall(SYS_setpriority, PRIO_USER, 54321, 0));
    if (geteuid() != 0)
        T("setpriority(PRIO_PROCESS, init, 19)", syscall(SYS_setpriority, PRIO_PROCESS, 1, 19));
    /* in a child: nicer, then back (EACCES without CAP_SYS_NICE) */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        int nice0 = getpriority(PRIO_PROCESS, 0);

        T("setpriority(PRIO_PROCESS, 0, nice + 5)",
          syscall(SYS_setpriority, PRIO_PROCESS, 0, nice0 + 5));
        printf("  nice is 5 more: %s\n",
               getpriority(PRIO_PROCESS, 0) == nice0 + 5 ? "yes" : "no");
        T("setpriority(PRIO_PROCESS, 0, nice)", syscall(SYS_setpriority, PRIO_PROCESS, 0, nice0));
        T("setpriority(PRIO_PROCESS, 0, 1000) (clamped to 19)",
          syscall(SYS_setpriority, PRIO_PROCESS, 0, 1000));
        printf("  nice is 19: %s\n", getpriority(PRIO_PROCESS, 0) == 19 ? "yes" : "no");
        /* a group of its own: the test's group is not its to renice */
        CHECK(setpgid(0, 0) == 0);
        T("setpriority(PRIO_PGRP, 0, 19)", syscall(SYS_setpriority, PRIO_PGRP, 0, 19));
        T("getpriority(PRIO_PGRP, 0)", syscall(SYS_getpriority, PRIO_PGRP, 0));
        fflush(stdout);
        _exit(0);
    }
    reap("child", pid);
}

static void section_times(void) {
    struct tms t;
    long r = syscall(SYS_times, &t);

    printf("times(&t) > 0: %s\n", r > 0 ? "yes" : "no");
    printf("times(NULL) >= times(&t): %s\n", syscall(SYS_times, NULL) >= r ? "yes" : "no");
    T("times(BAD)", syscall(SYS_times, BAD));
    T("times(no access)", syscall(SYS_times, g_noaccess));
    T("times(across the end of a page)", syscall(SYS_times, g_noaccess - 8));
}

static void section_robust(void) {
    struct robust_list_head mine = {{&mine.list}, 0, NULL};
    void *head = NULL, *glibc;
    size_t len = 0;
    pthread_t th;

    T("get_robust_list(0)", syscall(SYS_get_robust_list, 0, &head, &len));
    printf("  len %zu, a head: %s\n", len, head ? "yes" : "no");
    glibc = head;
    T("set_robust_list(mine)", syscall(SYS_set_robust_list, &mine, sizeof(mine)));
    head = NULL;
    T("get_robust_list(self)", syscall(SYS_get_robust_list, gettid(), &head, &len));
    printf("  the head set: %s\n", head == &mine ? "yes" : "no");
    T("get_robust_list(0, BAD, &len)", syscall(SYS_get_robust_list, 0, BAD, &len));
    T("get_robust_list(0, &head, BAD)", syscall(SYS_get_robust_list, 0, &head, BAD));
    T("get_robust_list(0, &head, no access)",
      syscall(SYS_get_robust_list, 0, &head, g_noaccess));
    T("get_robust_list(-1)", syscall(SYS_get_robust_list, -1, &head, &len));
    T("get_robust_list(INT_MAX, BAD, BAD)", syscall(SYS_get_robust_list, INT_MAX, BAD, BAD));
    T("get_robust_list(init)", syscall(SYS_get_robust_list, 1, &head, &len));
    T("get_robust_list(init, BAD, BAD)", syscall(SYS_get_robust_list, 1, BAD, BAD));
    CHECK(pipe(g_tid_pipe) == 0);
    g_thread_tid = 0;
    CHECK(pthread_create(&th, NULL, thread_main, NULL) == 0);
    while (!__atomic_load_n(&g_thread_tid, __ATOMIC_SEQ_CST))
        msleep(1);
    head = NULL;
    T("get_robust_list(another thread)",
      syscall(SYS_get_robust_list, g_thread_tid, &head, &len));
    printf("  its head is not mine: %s\n", head && head != &mine ? "yes" : "no");
    CHECK(write(g_tid_pipe[1], "x", 1) == 1);
    CHECK(pthread_join(th, NULL) == 0);
    /* glibc's own head back */
    CHECK(syscall(SYS_set_robust_list, glibc, sizeof(mine)) == 0);
}

static void section_pidfd(void) {
    struct waiter w = spawn_waiter(NULL);
    int pidfd = (int)syscall(SYS_pidfd_open, w.pid, 0);
    int p[2], opath, fd;
    siginfo_t si;
    struct stat st;

    CHECK(pidfd >= 0);
    CHECK(pipe(p) == 0);
    opath = open("/", O_PATH);
    CHECK(opath >= 0);

    T("pidfd_send_signal(child, 0)", syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0));
    T("pidfd_send_signal(flags 8)", syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 8));
    T("pidfd_send_signal(flags 3)", syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 3));
    T("pidfd_send_signal(flags 8, bad fd)", syscall(SYS_pidfd_send_signal, 999, 0, NULL, 8));
    T("pidfd_send_signal(bad fd)", syscall(SYS_pidfd_send_signal, 999, 0, NULL, 0));
    T("pidfd_send_signal(-1)", syscall(SYS_pidfd_send_signal, -1, 0, NULL, 0));
    T("pidfd_send_signal(a pipe)", syscall(SYS_pidfd_send_signal, p[0], 0, NULL, 0));
    T("pidfd_send_signal(O_PATH)", syscall(SYS_pidfd_send_signal, opath, 0, NULL, 0));
    T("pidfd_send_signal(a pipe, 65)", syscall(SYS_pidfd_send_signal, p[0], 65, NULL, 0));
    T("pidfd_send_signal(child, 65)", syscall(SYS_pidfd_send_signal, pidfd, 65, NULL, 0));
    T("pidfd_send_signal(child, -1)", syscall(SYS_pidfd_send_signal, pidfd, -1, NULL, 0));
    T("pidfd_send_signal(child, info BAD)", syscall(SYS_pidfd_send_signal, pidfd, SIGUSR1, BAD, 0));
    memset(&si, 0, sizeof(si));
    si.si_signo = SIGUSR2;
    si.si_code = SI_QUEUE;
    T("pidfd_send_signal(child, signo differs)",
      syscall(SYS_pidfd_send_signal, pidfd, SIGUSR1, &si, 0));
    si.si_signo = SIGUSR1;
    si.si_code = SI_USER;
    T("pidfd_send_signal(child, forged SI_USER)",
      syscall(SYS_pidfd_send_signal, pidfd, SIGUSR1, &si, 0));
    T("pidfd_send_signal(PIDFD_SELF_THREAD, 0)",
      syscall(SYS_pidfd_send_signal, PIDFD_SELF_THREAD, 0, NULL, 0));

    fd = (int)syscall(SYS_pidfd_getfd, pidfd, 0, 0);
    printf("pidfd_getfd(child, 0): %s\n", fd >= 0 ? "a descriptor" : errno_name(errno));
    if (fd >= 0) {
        printf("  fstat of it: %s\n", fstat(fd, &st) == 0 ? "ok" : errno_name(errno));
        printf("  close-on-exec: %s\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) ? "yes" : "no");
        close(fd);
    }
    T("pidfd_getfd(flags 1)", syscall(SYS_pidfd_getfd, pidfd, 0, 1));
    T("pidfd_getfd(flags 1, bad pidfd)", syscall(SYS_pidfd_getfd, 999, 0, 1));
    T("pidfd_getfd(bad pidfd)", syscall(SYS_pidfd_getfd, 999, 0, 0));
    T("pidfd_getfd(a pipe)", syscall(SYS_pidfd_getfd, p[0], 0, 0));
    T("pidfd_getfd(O_PATH)", syscall(SYS_pidfd_getfd, opath, 0, 0));
    T("pidfd_getfd(child, 999)", syscall(SYS_pidfd_getfd, pidfd, 999, 0));
    T("pidfd_getfd(child, -1)", syscall(SYS_pidfd_getfd, pidfd, -1, 0));

    T("pidfd_send_signal(child, SIGKILL)", syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0));
    close(w.go);
    reap("child", w.pid);
    T("pidfd_send_signal(a reaped child, 0)", syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0));
    T("pidfd_getfd(a reaped child, 0)", syscall(SYS_pidfd_getfd, pidfd, 0, 0));

    /* init: ours to signal and to take from as root only */
    close(pidfd);
    pidfd = (int)syscall(SYS_pidfd_open, 1, 0);
    CHECK(pidfd >= 0);
    fd = (int)syscall(SYS_pidfd_getfd, pidfd, 0, 0);
    printf("pidfd_getfd(init, 0): %s\n", fd >= 0 ? "a descriptor" : errno_name(errno));
    if (fd >= 0)
        close(fd);
    T("pidfd_send_signal(init, 0)", syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0));
    close(pidfd);
    close(p[0]);
    close(p[1]);
    close(opath);
}

static void section_ioprio(void) {
    long was = syscall(SYS_ioprio_get, 1, 0);
    pid_t pid;

    printf("ioprio_get(PROCESS, 0) >= 0: %s\n", was >= 0 ? "yes" : "no");
    T("ioprio_get(PGRP, 0)", syscall(SYS_ioprio_get, 2, 0) >= 0);
    T("ioprio_get(USER, 0)", syscall(SYS_ioprio_get, 3, 0) >= 0);
    T("ioprio_get(0, 0)", syscall(SYS_ioprio_get, 0, 0));
    T("ioprio_get(4, INT_MAX)", syscall(SYS_ioprio_get, 4, INT_MAX));
    T("ioprio_get(PROCESS, -1)", syscall(SYS_ioprio_get, 1, -1));
    T("ioprio_get(PROCESS, INT_MAX)", syscall(SYS_ioprio_get, 1, INT_MAX));
    T("ioprio_get(PGRP, INT_MAX)", syscall(SYS_ioprio_get, 2, INT_MAX));
    T("ioprio_get(USER, an unused uid)", syscall(SYS_ioprio_get, 3, 54321));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        T("ioprio_set(PROCESS, 0, best effort 4)",
          syscall(SYS_ioprio_set, 1, 0, IOPRIO_VALUE(2, 4)));
        printf("  ioprio_get is it: %s\n",
               syscall(SYS_ioprio_get, 1, 0) == IOPRIO_VALUE(2, 4) ? "yes" : "no");
        T("ioprio_set(PROCESS, 0, best effort 8)",
          syscall(SYS_ioprio_set, 1, 0, IOPRIO_VALUE(2, 8)));
        T("ioprio_set(PROCESS, 0, class 7)", syscall(SYS_ioprio_set, 1, 0, IOPRIO_VALUE(7, 0)));
        T("ioprio_set(PROCESS, 0, real time 0)",
          syscall(SYS_ioprio_set, 1, 0, IOPRIO_VALUE(1, 0)));
        T("ioprio_set(PROCESS, 0, idle)", syscall(SYS_ioprio_set, 1, 0, IOPRIO_VALUE(3, 0)));
        T("ioprio_set(0, 0, idle)", syscall(SYS_ioprio_set, 0, 0, IOPRIO_VALUE(3, 0)));
        T("ioprio_set(PROCESS, INT_MAX, idle)",
          syscall(SYS_ioprio_set, 1, INT_MAX, IOPRIO_VALUE(3, 0)));
        T("ioprio_set(PROCESS, INT_MAX, best effort 8)",
          syscall(SYS_ioprio_set, 1, INT_MAX, IOPRIO_VALUE(2, 8)));
        T("ioprio_set(PROCESS, -1, idle)", syscall(SYS_ioprio_set, 1, -1, IOPRIO_VALUE(3, 0)));
        fflush(stdout);
        _exit(0);
    }
    reap("child", pid);
}

static void section_kcmp_vm(void) {
    char here[16] = "0123456789abcde", there[16] = "";
    struct iovec l = {there, sizeof(there)}, r = {here, sizeof(here)}, none = {NULL, 0};
    pid_t me = getpid();
    int fd = open("/", O_RDONLY);

    CHECK(fd >= 0);
    T("kcmp(self, self, KCMP_FILE, fd, fd)", syscall(SYS_kcmp, me, me, KCMP_FILE, fd, fd));
    T("kcmp(self, self, KCMP_VM)", syscall(SYS_kcmp, me, me, KCMP_VM, 0, 0));
    T("kcmp(self, self, KCMP_FILE, fd, bad fd)", syscall(SYS_kcmp, me, me, KCMP_FILE, fd, 999));
    T("kcmp(self, self, 99)", syscall(SYS_kcmp, me, me, 99, 0, 0));
    T("kcmp(self, INT_MAX, 99)", syscall(SYS_kcmp, me, INT_MAX, 99, 0, 0));
    T("kcmp(-1, self, KCMP_VM)", syscall(SYS_kcmp, -1, me, KCMP_VM, 0, 0));
    T("kcmp(0, self, KCMP_VM)", syscall(SYS_kcmp, 0, me, KCMP_VM, 0, 0));
    T("kcmp(init, self, KCMP_VM)", syscall(SYS_kcmp, 1, me, KCMP_VM, 0, 0) >= 0);
    close(fd);

    T("process_vm_readv(self)", syscall(SYS_process_vm_readv, me, &l, 1, &r, 1, 0));
    printf("  read: %s\n", there);
    memcpy(here, "fedcba987654321", 16);
    T("process_vm_writev(self)", syscall(SYS_process_vm_writev, me, &r, 1, &l, 1, 0));
    printf("  written: %s\n", there);
    T("process_vm_readv(flags 1)", syscall(SYS_process_vm_readv, me, &l, 1, &r, 1, 1));
    T("process_vm_readv(INT_MAX, flags 1)", syscall(SYS_process_vm_readv, INT_MAX, &l, 1, &r, 1, 1));
    T("process_vm_readv(INT_MAX)", syscall(SYS_process_vm_readv, INT_MAX, &l, 1, &r, 1, 0));
    T("process_vm_readv(INT_MAX, nothing)", syscall(SYS_process_vm_readv, INT_MAX, &none, 1, &r, 1, 0));
    T("process_vm_readv(-1)", syscall(SYS_process_vm_readv, -1, &l, 1, &r, 1, 0));
    T("process_vm_readv(BAD local)", syscall(SYS_process_vm_readv, me, BAD, 1, &r, 1, 0));
    T("process_vm_readv(BAD remote)", syscall(SYS_process_vm_readv, me, &l, 1, BAD, 1, 0));
    T("process_vm_readv(1025 local)", syscall(SYS_process_vm_readv, me, &l, 1025, &r, 1, 0));
    r.iov_base = BAD;
    T("process_vm_readv(remote at BAD)", syscall(SYS_process_vm_readv, me, &l, 1, &r, 1, 0));
    T("process_vm_writev(remote at BAD)", syscall(SYS_process_vm_writev, me, &l, 1, &r, 1, 0));
    r.iov_base = here;
    T("process_vm_readv(init)", syscall(SYS_process_vm_readv, 1, &l, 1, &r, 1, 0));
    T("process_vm_writev(INT_MAX, flags 2)", syscall(SYS_process_vm_writev, INT_MAX, &l, 1, &r, 1, 2));
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    shim_proc_setup();
    section("setpgid, getpgid, getsid");
    section_pgid();
    section("setsid");
    section_setsid();
    section("getpriority, setpriority");
    section_priority();
    section("times");
    section_times();
    section("get_robust_list");
    section_robust();
    section("pidfd_send_signal, pidfd_getfd");
    section_pidfd();
    section("ioprio_get, ioprio_set");
    section_ioprio();
    section("kcmp, process_vm_readv, process_vm_writev");
    section_kcmp_vm();
    return 0;
}

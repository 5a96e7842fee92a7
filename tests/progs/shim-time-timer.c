/*
 * shim-time-timer.c: alarm, getitimer, setitimer, the POSIX timers
 * (timer_create, timer_settime, timer_gettime, timer_getoverrun,
 * timer_delete) and the timerfds (timerfd_create, timerfd_settime,
 * timerfd_gettime) (one of the shim-proc programs: shim-proc.h).
 */
#include "shim-proc.h"

#include <sys/signalfd.h>
#include <sys/timerfd.h>

#ifndef CLOCK_BOOTTIME_ALARM
#define CLOCK_BOOTTIME_ALARM 9
#endif
#define CLOCK_FOR_PID(pid) ((clockid_t)((~(unsigned)(pid) << 3) | 2)) /* CPUCLOCK_SCHED */

static void section_itimer(void) {
    struct itimerval v, ten = {{0, 0}, {10, 0}}, off = {{0, 0}, {0, 0}}, bad;

    T("alarm(0)", syscall(SYS_alarm, 0));
    T("alarm(100)", syscall(SYS_alarm, 100));
    printf("alarm(0) after 100 s: 99 or 100: %s\n",
           syscall(SYS_alarm, 0) >= 99 ? "yes" : "no");

    T("getitimer(ITIMER_REAL)", syscall(SYS_getitimer, ITIMER_REAL, &v));
    printf("  disarmed: %s\n", v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0 ? "yes" : "no");
    T("getitimer(ITIMER_VIRTUAL)", syscall(SYS_getitimer, ITIMER_VIRTUAL, &v));
    T("getitimer(ITIMER_PROF)", syscall(SYS_getitimer, ITIMER_PROF, &v));
    T("getitimer(3)", syscall(SYS_getitimer, 3, &v));
    T("getitimer(-1)", syscall(SYS_getitimer, -1, &v));
    T("getitimer(ITIMER_REAL, BAD)", syscall(SYS_getitimer, ITIMER_REAL, BAD));
    T("getitimer(3, BAD)", syscall(SYS_getitimer, 3, BAD));
    T("getitimer(ITIMER_REAL, no access)", syscall(SYS_getitimer, ITIMER_REAL, g_noaccess));

    T("setitimer(ITIMER_REAL, 10 s, &v)", syscall(SYS_setitimer, ITIMER_REAL, &ten, &v));
    printf("  it was disarmed: %s\n", v.it_value.tv_sec == 0 && v.it_value.tv_usec == 0 ? "yes" : "no");
    CHECK(syscall(SYS_getitimer, ITIMER_REAL, &v) == 0);
    printf("  between 9 and 10 s left: %s\n",
           v.it_value.tv_sec == 9 || (v.it_value.tv_sec == 10 && v.it_value.tv_usec == 0) ? "yes" : "no");
    T("setitimer(3, 10 s)", syscall(SYS_setitimer, 3, &ten, NULL));
    T("setitimer(ITIMER_REAL, BAD)", syscall(SYS_setitimer, ITIMER_REAL, BAD, NULL));
    T("setitimer(3, BAD)", syscall(SYS_setitimer, 3, BAD, NULL));
    T("setitimer(ITIMER_REAL, no access)", syscall(SYS_setitimer, ITIMER_REAL, g_noaccess, NULL));
    bad = (struct itimerval){{0, 0}, {1, 1000000}};
    T("setitimer(tv_usec 1e6)", syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL));
    T("setitimer(3, tv_usec 1e6)", syscall(SYS_setitimer, 3, &bad, NULL));
    bad = (struct itimerval){{0, -1}, {1, 0}};
    T("setitimer(interval tv_usec -1)", syscall(SYS_setitimer, ITIMER_REAL, &bad, NULL));
    bad = (struct itimerval){{0, 0}, {-1, 0}};
    T("setitimer(tv_sec -1)", syscall(SYS_setitimer, ITIMER_PROF, &bad, NULL));
    T("setitimer(ITIMER_REAL, 10 s, BAD)", syscall(SYS_setitimer, ITIMER_REAL, &ten, BAD));
    T("setitimer(ITIMER_REAL, NULL, &v)", syscall(SYS_setitimer, ITIMER_REAL, NULL, &v));
    printf("  it was armed: %s\n", v.it_value.tv_sec > 0 ? "yes" : "no");
    T("setitimer(ITIMER_VIRTUAL, off)", syscall(SYS_setitimer, ITIMER_VIRTUAL, &off, NULL));
    T("setitimer(ITIMER_REAL, NULL, NULL)", syscall(SYS_setitimer, ITIMER_REAL, NULL, NULL));
}

static void section_posix_timer(void) {
    struct sigevent ev;
    struct itimerspec its = {{0, 0}, {10, 0}}, got;
    int id = -1, id2 = -1, clock;
    pid_t pid;

    T("timer_create(MONOTONIC, NULL, &id)", syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, &id));
    printf("  an id: %s\n", id >= 0 ? "yes" : "no");
    for (clock = -1; clock <= 24; clock++) {
        char what[64];
        int tid = -1;
        long r;

        memset(&ev, 0, sizeof(ev));
        ev.sigev_notify = SIGEV_NONE;
        snprintf(what, sizeof(what), "timer_create(clock %d, SIGEV_NONE)", clock);
        r = syscall(SYS_timer_create, clock, &ev, &tid);
        print_rc(what, r);
        if (r == 0)
            CHECK(syscall(SYS_timer_delete, tid) == 0);
    }
    T("timer_create(clock 10, BAD)", syscall(SYS_timer_create, 10, BAD, &id2));
    T("timer_create(MONOTONIC, BAD)", syscall(SYS_timer_create, CLOCK_MONOTONIC, BAD, &id2));
    T("timer_create(MONOTONIC_RAW, BAD)", syscall(SYS_timer_create, CLOCK_MONOTONIC_RAW, BAD, &id2));
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = 99;
    T("timer_create(notify 99)", syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    T("timer_create(MONOTONIC_RAW, notify 99)",
      syscall(SYS_timer_create, CLOCK_MONOTONIC_RAW, &ev, &id2));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = 0;
    T("timer_create(SIGEV_SIGNAL, signal 0)", syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    ev.sigev_signo = 65;
    T("timer_create(SIGEV_SIGNAL, signal 65)", syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    ev.sigev_notify = SIGEV_THREAD;
    T("timer_create(SIGEV_THREAD, signal 65)", syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    ev.sigev_notify = SIGEV_SIGNAL | SIGEV_THREAD_ID;
    ev.sigev_signo = SIGUSR1;
    ev._sigev_un._tid = gettid();
    if (print_rc("timer_create(SIGEV_THREAD_ID, self)",
                 syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2)) == 0)
        CHECK(syscall(SYS_timer_delete, id2) == 0);
    ev._sigev_un._tid = INT_MAX;
    T("timer_create(SIGEV_THREAD_ID, no thread)",
      syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    ev._sigev_un._tid = 0;
    T("timer_create(SIGEV_THREAD_ID, 0)", syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    ev._sigev_un._tid = gettid();
    ev.sigev_signo = 65;
    T("timer_create(SIGEV_THREAD_ID, self, signal 65)",
      syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        pause();
        _exit(0);
    }
    ev._sigev_un._tid = pid;
    ev.sigev_signo = SIGUSR1;
    T("timer_create(SIGEV_THREAD_ID, a child)",
      syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &id2));
    if (print_rc("timer_create(the child's CPU clock)",
                 syscall(SYS_timer_create, CLOCK_FOR_PID(pid), NULL, &id2)) == 0)
        CHECK(syscall(SYS_timer_delete, id2) == 0);
    kill(pid, SIGKILL);
    reap("child", pid);
    T("timer_create(no process's CPU clock)",
      syscall(SYS_timer_create, CLOCK_FOR_PID(INT_MAX / 8), NULL, &id2));
    /* the IDs that the errors after the allocation used up */
    {
        int a = -1, b = -1;

        memset(&ev, 0, sizeof(ev));
        ev.sigev_notify = SIGEV_NONE;
        CHECK(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &a) == 0);
        ev.sigev_notify = 99;
        CHECK(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &b) < 0);
        CHECK(syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, BAD) < 0);
        CHECK(syscall(SYS_timer_create, CLOCK_MONOTONIC_RAW, NULL, &b) < 0);
        CHECK(syscall(SYS_timer_create, 10, NULL, &b) < 0);
        ev.sigev_notify = SIGEV_NONE;
        CHECK(syscall(SYS_timer_create, CLOCK_MONOTONIC, &ev, &b) == 0);
        printf("timer IDs used up between two timers: %d\n", b - a - 1);
        CHECK(syscall(SYS_timer_delete, a) == 0);
        CHECK(syscall(SYS_timer_delete, b) == 0);
    }
    T("timer_create(MONOTONIC, NULL, BAD)", syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, BAD));
    T("timer_create(clock 10, NULL, BAD)", syscall(SYS_timer_create, 10, NULL, BAD));

    T("timer_settime(id, 10 s, &got)", syscall(SYS_timer_settime, id, 0, &its, &got));
    printf("  it was disarmed: %s\n", got.it_value.tv_sec == 0 && got.it_value.tv_nsec == 0 ? "yes" : "no");
    T("timer_gettime(id)", syscall(SYS_timer_gettime, id, &got));
    printf("  between 9 and 10 s left: %s\n",
           got.it_value.tv_sec == 9 || (got.it_value.tv_sec == 10 && got.it_value.tv_nsec == 0) ? "yes" : "no");
    T("timer_settime(id, NULL)", syscall(SYS_timer_settime, id, 0, NULL, NULL));
    T("timer_settime(-1, NULL)", syscall(SYS_timer_settime, -1, 0, NULL, NULL));
    T("timer_settime(id, BAD)", syscall(SYS_timer_settime, id, 0, BAD, NULL));
    T("timer_settime(-1, BAD)", syscall(SYS_timer_settime, -1, 0, BAD, NULL));
    its.it_value.tv_nsec = 1000000000;
    T("timer_settime(id, tv_nsec 1e9)", syscall(SYS_timer_settime, id, 0, &its, NULL));
    its.it_value.tv_nsec = 0;
    its.it_interval.tv_sec = -1;
    T("timer_settime(id, interval tv_sec -1)", syscall(SYS_timer_settime, id, 0, &its, NULL));
    its.it_interval.tv_sec = 0;
    T("timer_settime(-1)", syscall(SYS_timer_settime, -1, 0, &its, NULL));
    T("timer_settime(INT_MAX)", syscall(SYS_timer_settime, INT_MAX, 0, &its, NULL));
    T("timer_settime(id, flags 0xfe)", syscall(SYS_timer_settime, id, 0xfe, &its, NULL));
    T("timer_settime(id, &its, BAD)", syscall(SYS_timer_settime, id, 0, &its, BAD));
    T("timer_gettime(-1)", syscall(SYS_timer_gettime, -1, &got));
    T("timer_gettime(12345)", syscall(SYS_timer_gettime, 12345, &got));
    T("timer_gettime(id, BAD)", syscall(SYS_timer_gettime, id, BAD));
    T("timer_gettime(-1, BAD)", syscall(SYS_timer_gettime, -1, BAD));
    T("timer_getoverrun(id)", syscall(SYS_timer_getoverrun, id));
    T("timer_getoverrun(-1)", syscall(SYS_timer_getoverrun, -1));
    T("timer_getoverrun(12345)", syscall(SYS_timer_getoverrun, 12345));
    T("timer_delete(id)", syscall(SYS_timer_delete, id));
    T("timer_delete(id) again", syscall(SYS_timer_delete, id));
    T("timer_delete(-1)", syscall(SYS_timer_delete, -1));
    T("timer_getoverrun(deleted)", syscall(SYS_timer_getoverrun, id));
}

static void section_timerfd(void) {
    struct itimerspec its = {{0, 0}, {0, 1000000}}, got;
    uint64_t n = 0, mask = 1;
    int fd, p[2], opath, sfd, clock;

    CHECK(pipe(p) == 0);
    opath = open("/", O_PATH);
    CHECK(opath >= 0);
    sfd = signalfd(-1, (sigset_t*)&mask, 0);
    CHECK(sfd >= 0);

    for (clock = -1; clock <= 12; clock++) {
        char what[64];

        snprintf(what, sizeof(what), "timerfd_create(clock %d)", clock);
        fd = (int)syscall(SYS_timerfd_create, clock, 0);
        printf("%s: %s\n", what, fd >= 0 ? "a descriptor" : errno_name(errno));
        if (fd >= 0)
            close(fd);
    }
    T("timerfd_create(MONOTONIC, flags 1)", syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 1));
    T("timerfd_create(clock 5, flags 1)", syscall(SYS_timerfd_create, 5, 1));
    fd = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    CHECK(fd >= 0);
    printf("timerfd_create(MONOTONIC, CLOEXEC|NONBLOCK): close-on-exec: %s, non-blocking: %s\n",
           (fcntl(fd, F_GETFD) & FD_CLOEXEC) ? "yes" : "no",
           (fcntl(fd, F_GETFL) & O_NONBLOCK) ? "yes" : "no");
    T("  read(not expired)", read(fd, &n, sizeof(n)));
    close(fd);

    fd = (int)syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 0);
    CHECK(fd >= 0);
    T("timerfd_gettime(fd)", syscall(SYS_timerfd_gettime, fd, &got));
    printf("  disarmed: %s\n", got.it_value.tv_sec == 0 && got.it_value.tv_nsec == 0 ? "yes" : "no");
    T("timerfd_settime(fd, 1 ms)", syscall(SYS_timerfd_settime, fd, 0, &its, NULL));
    T("  read(blocks until it expires)", read(fd, &n, sizeof(n)));
    printf("  expirations: %llu\n", (unsigned long long)n);
    its = (struct itimerspec){{0, 0}, {10, 0}};
    T("timerfd_settime(fd, 10 s, &got)", syscall(SYS_timerfd_settime, fd, 0, &its, &got));
    T("timerfd_gettime(fd)", syscall(SYS_timerfd_gettime, fd, &got));
    printf("  between 9 and 10 s left: %s\n",
           got.it_value.tv_sec == 9 || (got.it_value.tv_sec == 10 && got.it_value.tv_nsec == 0) ? "yes" : "no");
    T("timerfd_settime(fd, flags 4)", syscall(SYS_timerfd_settime, fd, 4, &its, NULL));
    T("timerfd_settime(fd, ABSTIME|CANCEL_ON_SET)",
      syscall(SYS_timerfd_settime, fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &its, NULL));
    T("timerfd_settime(fd, BAD)", syscall(SYS_timerfd_settime, fd, 0, BAD, NULL));
    T("timerfd_settime(fd, flags 4, BAD)", syscall(SYS_timerfd_settime, fd, 4, BAD, NULL));
    T("timerfd_settime(bad fd, BAD)", syscall(SYS_timerfd_settime, 999, 0, BAD, NULL));
    T("timerfd_settime(fd, no access)", syscall(SYS_timerfd_settime, fd, 0, g_noaccess, NULL));
    its.it_value.tv_nsec = 1000000000;
    T("timerfd_settime(fd, tv_nsec 1e9)", syscall(SYS_timerfd_settime, fd, 0, &its, NULL));
    T("timerfd_settime(bad fd, tv_nsec 1e9)", syscall(SYS_timerfd_settime, 999, 0, &its, NULL));
    its.it_value.tv_nsec = 0;
    T("timerfd_settime(bad fd)", syscall(SYS_timerfd_settime, 999, 0, &its, NULL));
    T("timerfd_settime(-1)", syscall(SYS_timerfd_settime, -1, 0, &its, NULL));
    T("timerfd_settime(a pipe)", syscall(SYS_timerfd_settime, p[0], 0, &its, NULL));
    T("timerfd_settime(O_PATH)", syscall(SYS_timerfd_settime, opath, 0, &its, NULL));
    T("timerfd_settime(a signalfd)", syscall(SYS_timerfd_settime, sfd, 0, &its, NULL));
    T("timerfd_settime(fd, &its, BAD)", syscall(SYS_timerfd_settime, fd, 0, &its, BAD));
    T("timerfd_gettime(bad fd)", syscall(SYS_timerfd_gettime, 999, &got));
    T("timerfd_gettime(a pipe)", syscall(SYS_timerfd_gettime, p[1], &got));
    T("timerfd_gettime(O_PATH)", syscall(SYS_timerfd_gettime, opath, &got));
    T("timerfd_gettime(a signalfd)", syscall(SYS_timerfd_gettime, sfd, &got));
    T("timerfd_gettime(fd, BAD)", syscall(SYS_timerfd_gettime, fd, BAD));
    T("timerfd_gettime(a pipe, BAD)", syscall(SYS_timerfd_gettime, p[1], BAD));
    close(fd);
    T("timerfd_gettime(closed)", syscall(SYS_timerfd_gettime, fd, &got));
    close(p[0]);
    close(p[1]);
    close(opath);
    close(sfd);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    shim_proc_setup();
    section("alarm, getitimer, setitimer");
    section_itimer();
    section("timer_create and family");
    section_posix_timer();
    section("timerfd_create and family");
    section_timerfd();
    return 0;
}

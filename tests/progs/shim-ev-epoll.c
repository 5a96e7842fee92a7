/*
 * shim-ev-epoll.c: epoll_create, epoll_create1, epoll_ctl, epoll_wait,
 * epoll_pwait, epoll_pwait2 and poll (shim-memev.h): descriptors of each
 * kind as instances and targets, each error in the kernel's order.
 */
#include "shim-memev.h"

#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <time.h>

#ifndef EPOLLEXCLUSIVE
#define EPOLLEXCLUSIVE (1U << 28)
#endif

struct kts {
    int64_t sec, nsec;
};

static struct epoll_event g_evs[8];
static int g_ep, g_pipe[2], g_file, g_path, g_ev, g_in, g_sock[2], g_null;

static long ctl(int epfd, int op, int fd, uint32_t events) {
    struct epoll_event ev = {.events = events, .data.u64 = (uint64_t)fd};

    return syscall(SYS_epoll_ctl, epfd, op, fd, &ev);
}

static void section_create(void) {
    int fd;

    T("epoll_create(0)", syscall(SYS_epoll_create, 0));
    T("epoll_create(-1)", syscall(SYS_epoll_create, -1));
    fd = (int)syscall(SYS_epoll_create, 1);
    printf("epoll_create(1): %s, close-on-exec %d\n", fd >= 0 ? "ok" : errno_name(errno),
           fd >= 0 ? fcntl(fd, F_GETFD) : -1);
    close(fd);
    T("epoll_create1(1)", syscall(SYS_epoll_create1, 1));
    T("epoll_create1(O_NONBLOCK)", syscall(SYS_epoll_create1, O_NONBLOCK));
    T("epoll_create1(-1)", syscall(SYS_epoll_create1, -1));
    OK("epoll_create1(0, beyond 32 bits)", syscall(SYS_epoll_create1, 1UL << 32));
    g_ep = (int)syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
    CHECK(g_ep >= 0);
    printf("epoll_create1(EPOLL_CLOEXEC): close-on-exec %d\n", fcntl(g_ep, F_GETFD));
}

static void section_ctl(void) {
    int ep2, ep3, dup_ep;

    T("epoll_ctl(ADD, a pipe)", ctl(g_ep, EPOLL_CTL_ADD, g_pipe[0], EPOLLIN));
    T("epoll_ctl(ADD, again)", ctl(g_ep, EPOLL_CTL_ADD, g_pipe[0], EPOLLIN));
    T("epoll_ctl(MOD)", ctl(g_ep, EPOLL_CTL_MOD, g_pipe[0], EPOLLIN | EPOLLET));
    T("epoll_ctl(MOD, not added)", ctl(g_ep, EPOLL_CTL_MOD, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(DEL, not added)", ctl(g_ep, EPOLL_CTL_DEL, g_pipe[1], 0));
    T("epoll_ctl(DEL, bad event)", syscall(SYS_epoll_ctl, g_ep, EPOLL_CTL_DEL, g_pipe[1], BAD));
    T("epoll_ctl(ADD, bad event)", syscall(SYS_epoll_ctl, g_ep, EPOLL_CTL_ADD, g_pipe[1], BAD));
    T("epoll_ctl(ADD, NULL event)", syscall(SYS_epoll_ctl, g_ep, EPOLL_CTL_ADD, g_pipe[1], NULL));
    T("epoll_ctl(bad epfd, bad event)", syscall(SYS_epoll_ctl, 999, EPOLL_CTL_ADD, 999, BAD));
    T("epoll_ctl(bad epfd)", ctl(999, EPOLL_CTL_ADD, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(epfd -1)", ctl(-1, EPOLL_CTL_ADD, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(bad fd)", ctl(g_ep, EPOLL_CTL_ADD, 999, EPOLLOUT));
    T("epoll_ctl(bad epfd, bad fd)", ctl(999, EPOLL_CTL_ADD, 998, EPOLLOUT));
    T("epoll_ctl(O_PATH epfd)", ctl(g_path, EPOLL_CTL_ADD, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(O_PATH fd)", ctl(g_ep, EPOLL_CTL_ADD, g_path, EPOLLOUT));
    T("epoll_ctl(a regular file)", ctl(g_ep, EPOLL_CTL_ADD, g_file, EPOLLIN));
    T("epoll_ctl(/dev/null)", ctl(g_ep, EPOLL_CTL_ADD, g_null, EPOLLIN));
    T("epoll_ctl(epfd a file, a regular file)", ctl(g_file, EPOLL_CTL_ADD, g_file, EPOLLIN));
    T("epoll_ctl(epfd a pipe)", ctl(g_pipe[1], EPOLL_CTL_ADD, g_pipe[0], EPOLLIN));
    T("epoll_ctl(epfd a file)", ctl(g_file, EPOLL_CTL_ADD, g_pipe[0], EPOLLIN));
    T("epoll_ctl(epfd an eventfd, an eventfd)", ctl(g_ev, EPOLL_CTL_ADD, g_ev, EPOLLIN));
    T("epoll_ctl(itself)", ctl(g_ep, EPOLL_CTL_ADD, g_ep, EPOLLIN));
    dup_ep = dup(g_ep);
    T("epoll_ctl(a copy of itself)", ctl(g_ep, EPOLL_CTL_ADD, dup_ep, EPOLLIN));
    T("epoll_ctl(op 7)", ctl(g_ep, 7, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(op -1)", ctl(g_ep, -1, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(op 7, bad event)", syscall(SYS_epoll_ctl, g_ep, 7, g_pipe[1], BAD));
    T("epoll_ctl(op 7, bad fd)", ctl(g_ep, 7, 999, EPOLLOUT));
    T("epoll_ctl(op 7, epfd a pipe)", ctl(g_pipe[0], 7, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(op 7, a regular file)", ctl(g_ep, 7, g_file, EPOLLOUT));
    T("epoll_ctl(MOD, EPOLLEXCLUSIVE)", ctl(g_ep, EPOLL_CTL_MOD, g_pipe[0], EPOLLIN | EPOLLEXCLUSIVE));
    T("epoll_ctl(ADD, EPOLLEXCLUSIVE|EPOLLONESHOT)",
      ctl(g_ep, EPOLL_CTL_ADD, g_pipe[1], EPOLLOUT | EPOLLEXCLUSIVE | EPOLLONESHOT));
    T("epoll_ctl(ADD, EPOLLEXCLUSIVE|EPOLLPRI)",
      ctl(g_ep, EPOLL_CTL_ADD, g_pipe[1], EPOLLPRI | EPOLLEXCLUSIVE));
    T("epoll_ctl(ADD, EPOLLEXCLUSIVE, already added)",
      ctl(g_ep, EPOLL_CTL_ADD, g_pipe[0], EPOLLIN | EPOLLEXCLUSIVE));
    T("epoll_ctl(DEL, EPOLLEXCLUSIVE, not added)",
      ctl(g_ep, EPOLL_CTL_DEL, g_pipe[1], EPOLLEXCLUSIVE));
    T("epoll_ctl(ADD, EPOLLEXCLUSIVE|EPOLLOUT|EPOLLET|EPOLLWAKEUP)",
      ctl(g_ep, EPOLL_CTL_ADD, g_pipe[1], EPOLLOUT | EPOLLEXCLUSIVE | EPOLLET | EPOLLWAKEUP));
    T("epoll_ctl(MOD, was EPOLLEXCLUSIVE)", ctl(g_ep, EPOLL_CTL_MOD, g_pipe[1], EPOLLOUT));
    T("epoll_ctl(DEL)", ctl(g_ep, EPOLL_CTL_DEL, g_pipe[1], 0));
    T("epoll_ctl(ADD, an eventfd)", ctl(g_ep, EPOLL_CTL_ADD, g_ev, EPOLLIN));
    T("epoll_ctl(ADD, an inotify)", ctl(g_ep, EPOLL_CTL_ADD, g_in, EPOLLIN));
    T("epoll_ctl(ADD, a socket)", ctl(g_ep, EPOLL_CTL_ADD, g_sock[0], EPOLLIN));
    T("epoll_ctl(ADD, a tty or stdin)", ctl(g_ep, EPOLL_CTL_ADD, 0, EPOLLIN));
    T("epoll_ctl(DEL, stdin)", ctl(g_ep, EPOLL_CTL_DEL, 0, 0));
    ep2 = (int)syscall(SYS_epoll_create1, 0);
    ep3 = (int)syscall(SYS_epoll_create1, 0);
    CHECK(ep2 >= 0 && ep3 >= 0);
    T("epoll_ctl(ADD, EPOLLEXCLUSIVE, an epoll)", ctl(ep2, EPOLL_CTL_ADD, g_ep, EPOLLIN | EPOLLEXCLUSIVE));
    T("epoll_ctl(ADD, an epoll)", ctl(ep2, EPOLL_CTL_ADD, g_ep, EPOLLIN));
    T("epoll_ctl(ADD, an epoll in it)", ctl(ep3, EPOLL_CTL_ADD, ep2, EPOLLIN));
    T("epoll_ctl(ADD, a loop)", ctl(g_ep, EPOLL_CTL_ADD, ep3, EPOLLIN));
    close(ep3);
    close(ep2);
    close(dup_ep);
}

static void show_events(const char* what, long n, struct epoll_event* ev) {
    print_rc(what, n);
    for (long i = 0; i < n; i++)
        printf("  fd %d: events %#x\n", (int)ev[i].data.u64, ev[i].events);
}

static void section_wait(void) {
    struct epoll_event ev[8];
    struct kts ts = {0, 0}, bad_ns = {0, 1000000000}, neg = {-1, 0}, ms = {0, 1000000};
    uint64_t mask = 0, one = 1;
    long n;

    T("epoll_wait(nothing ready)", syscall(SYS_epoll_wait, g_ep, ev, 8, 0));
    T("epoll_wait(nothing ready, bad events)", syscall(SYS_epoll_wait, g_ep, BAD, 8, 0));
    T("epoll_wait(a millisecond)", syscall(SYS_epoll_wait, g_ep, ev, 8, 1));
    CHECK(write(g_pipe[1], "x", 1) == 1);
    CHECK(write(g_ev, &one, 8) == 8);
    n = syscall(SYS_epoll_wait, g_ep, ev, 8, -1);
    show_events("epoll_wait", n, ev);
    T("epoll_wait(bad events)", syscall(SYS_epoll_wait, g_ep, BAD, 8, 0));
    T("epoll_wait(events past user space)", syscall(SYS_epoll_wait, g_ep, 1UL << 63, 8, 0));
    T("epoll_wait(events wrap)", syscall(SYS_epoll_wait, g_ep, -16L, 8, 0));
    T("epoll_wait(events read-only)", syscall(SYS_epoll_wait, g_ep, "", 1, 0));
    T("epoll_wait(maxevents 0)", syscall(SYS_epoll_wait, g_ep, ev, 0, 0));
    T("epoll_wait(maxevents -1)", syscall(SYS_epoll_wait, g_ep, ev, -1, 0));
    T("epoll_wait(maxevents INT_MAX / 12 + 1)", syscall(SYS_epoll_wait, g_ep, ev, 178956971, 0));
    /* (an array far below the end of user space, whatever the stack's
     * place) */
    T("epoll_wait(maxevents INT_MAX / 12)", syscall(SYS_epoll_wait, g_ep, g_evs, 178956970, 0));
    T("epoll_wait(maxevents 0, bad epfd)", syscall(SYS_epoll_wait, 999, ev, 0, 0));
    T("epoll_wait(bad epfd)", syscall(SYS_epoll_wait, 999, ev, 8, 0));
    T("epoll_wait(bad epfd, events past user space)", syscall(SYS_epoll_wait, 999, 1UL << 63, 8, 0));
    T("epoll_wait(epfd a pipe)", syscall(SYS_epoll_wait, g_pipe[0], ev, 8, 0));
    T("epoll_wait(epfd a file)", syscall(SYS_epoll_wait, g_file, ev, 8, 0));
    T("epoll_wait(O_PATH epfd)", syscall(SYS_epoll_wait, g_path, ev, 8, 0));
    n = syscall(SYS_epoll_pwait, g_ep, ev, 1, 0, &mask, 8);
    show_events("epoll_pwait(one)", n, ev);
    T("epoll_pwait(sigsetsize 4)", syscall(SYS_epoll_pwait, g_ep, ev, 8, 0, &mask, 4));
    T("epoll_pwait(sigsetsize 4, bad epfd)", syscall(SYS_epoll_pwait, 999, ev, 8, 0, &mask, 4));
    T("epoll_pwait(bad sigmask)", syscall(SYS_epoll_pwait, g_ep, ev, 8, 0, BAD, 8));
    T("epoll_pwait(bad sigmask, maxevents 0)", syscall(SYS_epoll_pwait, g_ep, ev, 0, 0, BAD, 8));
    T("epoll_pwait(NULL sigmask, sigsetsize 4)", syscall(SYS_epoll_pwait, g_ep, ev, 8, 0, NULL, 4));
    T("epoll_pwait(maxevents 0)", syscall(SYS_epoll_pwait, g_ep, ev, 0, 0, &mask, 8));
    T("epoll_pwait(epfd a pipe)", syscall(SYS_epoll_pwait, g_pipe[0], ev, 8, 0, NULL, 0));
    n = syscall(SYS_epoll_pwait2, g_ep, ev, 8, &ts, NULL, 0);
    show_events("epoll_pwait2", n, ev);
    T("epoll_pwait2(bad timeout)", syscall(SYS_epoll_pwait2, g_ep, ev, 8, BAD, NULL, 0));
    T("epoll_pwait2(tv_nsec 1e9)", syscall(SYS_epoll_pwait2, g_ep, ev, 8, &bad_ns, NULL, 0));
    T("epoll_pwait2(tv_sec -1)", syscall(SYS_epoll_pwait2, g_ep, ev, 8, &neg, NULL, 0));
    T("epoll_pwait2(tv_sec -1, sigsetsize 4)", syscall(SYS_epoll_pwait2, g_ep, ev, 8, &neg, &mask, 4));
    T("epoll_pwait2(bad timeout, maxevents 0)", syscall(SYS_epoll_pwait2, g_ep, ev, 0, BAD, NULL, 0));
    T("epoll_pwait2(sigsetsize 4)", syscall(SYS_epoll_pwait2, g_ep, ev, 8, &ts, &mask, 4));
    T("epoll_pwait2(bad sigmask)", syscall(SYS_epoll_pwait2, g_ep, ev, 8, &ts, BAD, 8));
    T("epoll_pwait2(maxevents 0)", syscall(SYS_epoll_pwait2, g_ep, ev, 0, &ts, &mask, 8));
    T("epoll_pwait2(bad epfd)", syscall(SYS_epoll_pwait2, 999, ev, 8, &ts, &mask, 8));
    T("epoll_pwait2(epfd a file)", syscall(SYS_epoll_pwait2, g_file, ev, 8, &ts, &mask, 8));
    CHECK(read(g_pipe[0], &one, 1) == 1);
    CHECK(read(g_ev, &one, 8) == 8);
    T("epoll_pwait2(a millisecond, nothing ready)", syscall(SYS_epoll_pwait2, g_ep, ev, 8, &ms, NULL, 0));
}

static void section_poll(void) {
    struct pollfd fds[4] = {{g_pipe[0], POLLIN, 0}, {g_pipe[1], POLLOUT, 0}, {999, POLLIN, 0},
                            {-1, POLLIN, 0}};

    T("poll(none)", syscall(SYS_poll, NULL, 0, 0));
    T("poll", syscall(SYS_poll, fds, 4, 0));
    printf("  revents %#x %#x %#x %#x\n", fds[0].revents, fds[1].revents, fds[2].revents,
           fds[3].revents);
    CHECK(write(g_pipe[1], "y", 1) == 1);
    T("poll(data)", syscall(SYS_poll, fds, 1, -1));
    printf("  revents %#x\n", fds[0].revents);
    T("poll(bad ufds)", syscall(SYS_poll, BAD, 1, 0));
    T("poll(bad ufds, nfds 0)", syscall(SYS_poll, BAD, 0, 0));
    T("poll(nfds 1 << 20 + 1)", syscall(SYS_poll, fds, (1 << 20) + 1, 0));
    T("poll(nfds UINT_MAX)", syscall(SYS_poll, fds, 0xffffffffU, 0));
    T("poll(nfds INT_MAX & ~63)", syscall(SYS_poll, BAD, 0x7fffffc0U, 0));
    T("poll(nfds 2^31 - 63)", syscall(SYS_poll, BAD, 0x7fffffc1U, 0));
    T("poll(read-only ufds)", syscall(SYS_poll, "", 1, 0));
    T("poll(a millisecond)", syscall(SYS_poll, fds + 2, 1, 1));
}

int main(void) {
    setup_stdout();
    CHECK(pipe(g_pipe) == 0);
    g_file = open("epoll.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
    g_path = open(".", O_PATH);
    g_null = open("/dev/null", O_RDONLY);
    g_ev = eventfd(0, 0);
    g_in = inotify_init1(0);
    CHECK(g_file >= 0 && g_path >= 0 && g_null >= 0 && g_ev >= 0 && g_in >= 0);
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, g_sock) == 0);
    section("create");
    section_create();
    section("ctl");
    section_ctl();
    section("wait");
    section_wait();
    section("poll");
    section_poll();
    unlink("epoll.data");
    return 0;
}

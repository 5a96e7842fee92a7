/*
 * epoll.c: epoll_create(2), epoll_create1(2), epoll_ctl(2), epoll_wait(2),
 * epoll_pwait(2), epoll_pwait2(2).  Covers struct epoll_event (events as
 * EPOLL* flags, unknown bits in hex with the comment "EPOLL???" when none
 * is known; data as {u32=LOW, u64=ALL}), the event of EPOLL_CTL_DEL
 * printed as an address, the returned events (an array of the result's
 * length, [] for none, the address on failure), signal masks and their
 * size and epoll_pwait2's timespec (all decoded at exit, so printed as
 * addresses when the call fails), and the failures EINVAL, ENOENT, EEXIST,
 * EBADF, EPERM (a regular file) and EFAULT.
 */
#include "trace-fs.h"

#include <sys/epoll.h>

static const struct xlat ctl_ops[] = {
    XLAT(EPOLL_CTL_ADD), XLAT(EPOLL_CTL_DEL), XLAT(EPOLL_CTL_MOD), XLAT_END,
};

static const struct xlat epoll_events[] = {
    XLAT(EPOLLIN),     XLAT(EPOLLPRI),    XLAT(EPOLLOUT),       XLAT(EPOLLERR),
    XLAT(EPOLLHUP),    { 0x20, "EPOLLNVAL" }, XLAT(EPOLLRDNORM),    XLAT(EPOLLRDBAND),
    XLAT(EPOLLWRNORM), XLAT(EPOLLWRBAND), XLAT(EPOLLMSG),       XLAT(EPOLLRDHUP),
    XLAT(EPOLLEXCLUSIVE), XLAT(EPOLLWAKEUP), XLAT(EPOLLONESHOT), XLAT(EPOLLET),
    XLAT_END,
};

static const struct xlat create_flags[] = { XLAT(EPOLL_CLOEXEC), XLAT_END };

static const char* sevent(const struct epoll_event* ev) {
    return xasprintf("{events=%s, data={u32=%u, u64=%llu}}",
                     sflags(epoll_events, ev->events, "EPOLL???"), (unsigned int)ev->data.u64,
                     (unsigned long long)ev->data.u64);
}

/* The events a wait returned: RC of them, or the address on failure. */
static const char* sevents(const struct epoll_event* evs, long rc) {
    const char* out = "[";

    if (rc < 0 || !evs)
        return sptr(evs);
    for (long i = 0; i < rc; i++)
        out = xasprintf("%s%s%s", out, i ? ", " : "", sevent(&evs[i]));
    return xasprintf("%s]", out);
}

/* A signal mask argument of SIZE bytes. */
static const char* smask(const uint64_t* mask, size_t size) {
    return mask && size == 8 && mapped(mask) ? ssigset(*mask, 8) : sptr(mask);
}

static long test_create(int size) {
    long rc = syscall(SYS_epoll_create, size);
    const char* res = sres(rc);

    printf("epoll_create(%d) %s\n", size, res);
    return rc;
}

static long test_create1(unsigned int flags) {
    long rc = syscall(SYS_epoll_create1, flags);
    const char* res = sres(rc);

    printf("epoll_create1(%s) %s\n", sflags(create_flags, flags, "EPOLL_???"), res);
    return rc;
}

static long test_ctl(int epfd, int op, int fd, const struct epoll_event* ev) {
    long rc = syscall(SYS_epoll_ctl, epfd, op, fd, ev);
    const char* res = sres(rc);
    const char* ev_str = op == EPOLL_CTL_DEL || !mapped(ev) ? sptr(ev) : sevent(ev);

    printf("epoll_ctl(%d, %s, %d, %s) %s\n", epfd,
           sxval(ctl_ops, (unsigned int)op, "EPOLL_CTL_???"), fd, ev_str, res);
    return rc;
}

/* An epoll_event whose data is DATA. */
static const struct epoll_event* event(uint32_t events, uint64_t data) {
    struct epoll_event* ev = calloc(1, sizeof(*ev));

    CHECK(ev != NULL);
    ev->events = events;
    ev->data.u64 = data;
    return ev;
}

static long test_wait(int epfd, struct epoll_event* evs, int max, int timeout) {
    long rc = syscall(SYS_epoll_wait, epfd, evs, max, timeout);
    const char* res = sres(rc);

    printf("epoll_wait(%d, %s, %d, %d) %s\n", epfd, sevents(evs, rc), max, timeout, res);
    return rc;
}

static long test_pwait(int epfd, struct epoll_event* evs, int max, int timeout,
                       const uint64_t* mask, size_t size) {
    long rc = syscall(SYS_epoll_pwait, epfd, evs, max, timeout, mask, size);
    const char* res = sres(rc);

    printf("epoll_pwait(%d, %s, %d, %d, %s, %zu) %s\n", epfd, sevents(evs, rc), max, timeout,
           rc < 0 ? sptr(mask) : smask(mask, size), size, res);
    return rc;
}

static long test_pwait2(int epfd, struct epoll_event* evs, int max, const struct timespec* ts,
                        const uint64_t* mask, size_t size) {
    long rc = syscall(SYS_epoll_pwait2, epfd, evs, max, ts, mask, size);
    const char* res = sres(rc);
    const char* ts_str = rc >= 0 && mapped(ts) ? stimespec(ts) : sptr(ts);

    printf("epoll_pwait2(%d, %s, %d, %s, %s, %zu) %s\n", epfd, sevents(evs, rc), max, ts_str,
           rc < 0 ? sptr(mask) : smask(mask, size), size, res);
    return rc;
}

int main(void) {
    struct epoll_event evs[4];
    struct timespec ts = { 0, 1000 };
    uint64_t mask = 1ULL << (SIGUSR1 - 1) | 1ULL << (SIGUSR2 - 1);
    int ep, ep2, a[2], b[2], file;

    CHECK(pipe(a) == 0 && pipe(b) == 0);
    file = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(file >= 0);

    ep = (int)test_create1(0);
    ep2 = (int)test_create1(EPOLL_CLOEXEC);
    test_create1(EPOLL_CLOEXEC | 0x1);
    test_create1(0x1);
    test_create(1);
    test_create(0);
    test_create(-1);
    CHECK(ep >= 0 && ep2 >= 0);

    /* Control. */
    test_ctl(ep, EPOLL_CTL_ADD, a[0], event(EPOLLIN | EPOLLET, 0x1122334455667788ULL));
    test_ctl(ep, EPOLL_CTL_ADD, a[0], event(EPOLLIN, 1));
    test_ctl(ep, EPOLL_CTL_ADD, b[1], event(EPOLLOUT | EPOLLRDHUP | EPOLLONESHOT, 42));
    test_ctl(ep, EPOLL_CTL_MOD, b[1], event(EPOLLOUT | EPOLLPRI | 0x4000000, 43));
    test_ctl(ep, EPOLL_CTL_MOD, b[1], event(0x4000000, 44));
    test_ctl(ep, EPOLL_CTL_MOD, b[1], event(0, 45));
    test_ctl(ep, EPOLL_CTL_ADD, b[0], event(EPOLLIN | EPOLLEXCLUSIVE | EPOLLWAKEUP, 46));
    test_ctl(ep, EPOLL_CTL_MOD, a[1], event(EPOLLOUT, 0));
    test_ctl(ep, EPOLL_CTL_DEL, b[0], event(EPOLLIN, 0));
    test_ctl(ep, EPOLL_CTL_DEL, b[0], NULL);
    test_ctl(ep, 7, a[0], event(EPOLLIN, 0));
    test_ctl(ep, EPOLL_CTL_ADD, file, event(EPOLLIN, 0));
    test_ctl(ep, EPOLL_CTL_ADD, ep, event(EPOLLIN, 0));
    test_ctl(-1, EPOLL_CTL_ADD, a[0], event(EPOLLIN, 0));
    test_ctl(file, EPOLL_CTL_ADD, a[0], event(EPOLLIN, 0));
    test_ctl(ep2, EPOLL_CTL_ADD, a[1], NULL);
    test_ctl(ep2, EPOLL_CTL_ADD, a[1], BAD_ADDR);

    /* Waiting: nothing ready, then data in a pipe. */
    test_wait(ep, evs, 4, 0);
    CHECK(write(a[1], "x", 1) == 1);
    test_wait(ep, evs, 4, 0);
    test_wait(ep, evs, 4, 0);
    CHECK(write(a[1], "y", 1) == 1);
    test_wait(ep, evs, 4, -1);
    test_wait(ep, evs, 0, 0);
    test_wait(ep, NULL, 4, 0);
    test_wait(file, evs, 4, 0);
    test_wait(-1, evs, 4, 0);

    test_pwait(ep, evs, 4, 0, NULL, 8);
    CHECK(write(a[1], "z", 1) == 1);
    test_pwait(ep, evs, 4, 0, &mask, 8);
    test_pwait(ep, evs, 4, 0, &mask, 8);
    test_pwait(ep, evs, 4, 0, &mask, 4);
    test_pwait(ep, evs, 4, 0, BAD_ADDR, 8);
    test_pwait(-1, evs, 4, 0, &mask, 8);

    test_pwait2(ep, evs, 4, &ts, NULL, 8);
    CHECK(write(a[1], "w", 1) == 1);
    test_pwait2(ep, evs, 4, &ts, &mask, 8);
    ts.tv_nsec = 1000000000;
    test_pwait2(ep, evs, 4, &ts, NULL, 8);
    test_pwait2(ep, evs, 4, BAD_ADDR, NULL, 8);

    EXPECT_EXITED_0();
    return 0;
}

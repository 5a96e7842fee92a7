/*
 * poll.c: poll(2) and ppoll(2).  Covers the array of struct pollfd
 * printed at entry ({fd=N, events=...}, just {fd=N} for a negative
 * descriptor, cut after 32 elements with "..."), the result's comment
 * listing the descriptors with nonzero revents (POLLNVAL for a closed
 * one; cut after 32 with "..." too), "(Timeout)" for 0, ppoll's timespec and, after the list, the time
 * left, its signal mask and size, and the failures EINVAL and EFAULT.
 */
#include "trace-fs.h"

#include <poll.h>

static const struct xlat poll_events[] = {
    { 0x1, "POLLIN" },        { 0x2, "POLLPRI" },     { 0x4, "POLLOUT" },    { 0x8, "POLLERR" },
    { 0x10, "POLLHUP" },      { 0x20, "POLLNVAL" },   { 0x40, "POLLRDNORM" },
    { 0x80, "POLLRDBAND" },   { 0x100, "POLLWRNORM" }, { 0x200, "POLLWRBAND" },
    { 0x400, "POLLMSG" },     { 0x1000, "POLLREMOVE" }, { 0x2000, "POLLRDHUP" },
    { 0x8000, "POLL_BUSY_LOOP" }, XLAT_END,
};

/* The array at entry. */
static const char* sfds(const struct pollfd* fds, unsigned long n) {
    const char* out = "[";

    if (!mapped(fds))
        return sptr(fds);
    for (unsigned long i = 0; i < n; i++) {
        const char* one;

        if (i == DEFAULT_STRLEN) {
            out = xasprintf("%s, ...", out);
            break;
        }
        if (fds[i].fd < 0)
            one = xasprintf("{fd=%d}", fds[i].fd);
        else
            one = xasprintf("{fd=%d, events=%s}", fds[i].fd,
                            sflags(poll_events, (unsigned short)fds[i].events, "POLL???"));
        out = xasprintf("%s%s%s", out, i ? ", " : "", one);
    }
    return xasprintf("%s]", out);
}

/* The result: RC, then the descriptors with revents (cut after 32 with
 * "...") and the time left; ERR when the call failed. */
static const char* sresult(const struct pollfd* fds, unsigned long n, long rc, const char* err,
                           const struct timespec* left) {
    const char* out = "[";
    unsigned int shown = 0;

    if (rc < 0)
        return err;
    if (rc == 0)
        return "= 0 (Timeout)";
    for (unsigned long i = 0; i < n; i++) {
        if (!fds[i].revents)
            continue;
        if (shown == DEFAULT_STRLEN) {
            out = xasprintf("%s, ...", out);
            break;
        }
        out = xasprintf("%s%s{fd=%d, revents=%s}", out, shown ? ", " : "", fds[i].fd,
                        sflags(poll_events, (unsigned short)fds[i].revents, "POLL???"));
        shown++;
    }
    out = xasprintf("%s]", out);
    if (left)
        out = xasprintf("%s, left %s", out, stimespec(left));
    return xasprintf("= %ld (%s)", rc, out);
}

static long test_poll(struct pollfd* fds, unsigned long n, int timeout) {
    const char* before = sfds(fds, n);
    long rc = syscall(SYS_poll, fds, n, timeout);
    const char* res = sresult(fds, n, rc, sres(rc), NULL);
    printf("poll(%s, %lu, %d) %s\n", before, n, timeout, res);
    return rc;
}

static long test_ppoll(struct pollfd* fds, unsigned long n, struct timespec* ts,
                       const uint64_t* mask, size_t size) {
    const char* before = sfds(fds, n);
    const char* ts_str = mapped(ts) ? stimespec(ts) : sptr(ts);
    const char* mask_str = mask && size == 8 && mapped(mask) ? ssigset(*mask, 8) : sptr(mask);
    long rc = syscall(SYS_ppoll, fds, n, ts, mask, size);
    const char* err = sres(rc);
    const char* res = sresult(fds, n, rc, err, mapped(ts) ? ts : NULL);

    printf("ppoll(%s, %lu, %s, %s, %zu) %s\n", before, n, ts_str, mask_str, size, res);
    return rc;
}

/* A pollfd array of N entries from FD, EVENTS pairs. */
static struct pollfd* fds_of(unsigned long n, ...) {
    struct pollfd* fds = calloc(n ? n : 1, sizeof(*fds));
    va_list ap;

    CHECK(fds != NULL);
    va_start(ap, n);
    for (unsigned long i = 0; i < n; i++) {
        fds[i].fd = va_arg(ap, int);
        fds[i].events = (short)va_arg(ap, int);
    }
    va_end(ap);
    return fds;
}

int main(void) {
    struct pollfd many[40];
    struct timespec ts;
    uint64_t mask = 1ULL << (SIGCHLD - 1);
    int a[2], b[2], closed;
    unsigned long i;

    CHECK(pipe(a) == 0 && pipe(b) == 0);
    closed = fcntl(0, F_DUPFD, 100);
    CHECK(closed >= 0 && close(closed) == 0);

    test_poll(fds_of(2, a[0], POLLIN, b[0], POLLIN | POLLPRI), 2, 0);
    test_poll(fds_of(2, a[0], POLLIN, a[1], POLLOUT | POLLWRNORM), 2, 0);
    test_poll(fds_of(3, -1, POLLIN, closed, POLLIN, a[0], 0), 3, 0);
    CHECK(write(a[1], "x", 1) == 1);
    test_poll(fds_of(2, a[0], POLLIN | POLLRDNORM, b[0], POLLIN), 2, -1);
    test_poll(fds_of(1, b[0], POLLIN | POLLRDHUP | 0x4000), 1, 1);
    test_poll(fds_of(1, b[0], 0x4000), 1, 0);
    test_poll(fds_of(0), 0, 0);
    test_poll(NULL, 0, 0);
    test_poll(NULL, 1, 0);
    test_poll(BAD_ADDR, 1, 0);
    for (i = 0; i < 40; i++)
        many[i] = (struct pollfd){ a[1], POLLOUT, 0 };
    test_poll(many, 40, 0);
    test_poll(many, 32, 0);
    test_poll(many, 1L << 20, 0);

    ts = (struct timespec){ 0, 1000000 };
    test_ppoll(fds_of(2, a[0], POLLIN, b[0], POLLIN), 2, &ts, &mask, 8);
    ts = (struct timespec){ 0, 1000 };
    test_ppoll(fds_of(1, b[0], POLLIN), 1, &ts, NULL, 8);
    test_ppoll(fds_of(2, a[0], POLLIN, closed, POLLOUT), 2, NULL, NULL, 8);
    ts = (struct timespec){ 0, 1000000000 };
    test_ppoll(fds_of(1, a[0], POLLIN), 1, &ts, NULL, 8);
    ts = (struct timespec){ 1, 0 };
    test_ppoll(fds_of(1, a[0], POLLIN), 1, &ts, &mask, 4);
    test_ppoll(fds_of(1, a[0], POLLIN), 1, BAD_ADDR, NULL, 8);

    EXPECT_EXITED_0();
    return 0;
}

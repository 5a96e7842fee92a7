/*
 * select.c: select(2) and pselect6(2).  Covers descriptor sets printed at
 * entry ([3 4], [] when empty, NULL), the timeout (timeval or timespec,
 * NULL), the result's comment (in, out and except sets that are not
 * empty, then the time left; "(Timeout)" for 0), pselect6's sigmask
 * structure ({sigmask=[...], sigsetsize=8}, NULL inside or outside), and
 * the failures EBADF, EINVAL and EFAULT.  The sets never alias each other
 * (strace 6.1 prints a stray "]" when they do).
 */
#include "trace-fs.h"

#include <sys/select.h>

/* The descriptors below NFDS in SET, or NULL / an address. */
static const char* sset(const fd_set* set, int nfds) {
    const char* out = "[";
    int first = 1;

    if (!set)
        return "NULL";
    if (!mapped(set))
        return sptr(set);
    for (int fd = 0; fd < nfds; fd++) {
        if (!FD_ISSET(fd, set))
            continue;
        out = xasprintf("%s%s%d", out, first ? "" : " ", fd);
        first = 0;
    }
    return xasprintf("%s]", out);
}

/* The result: the non-empty sets and the time left; ERR when the call
 * failed. */
static const char* sresult(long rc, const char* err, int nfds, fd_set* sets[3], const char* left) {
    static const char* const names[3] = { "in", "out", "except" };
    const char* out = "";

    if (rc < 0)
        return err;
    if (rc == 0)
        return "= 0 (Timeout)";
    for (int i = 0; i < 3; i++) {
        const char* set;

        if (!sets[i])
            continue;
        set = sset(sets[i], nfds);
        if (strcmp(set, "[]") == 0)
            continue;
        out = xasprintf("%s%s%s %s", out, *out ? ", " : "", names[i], set);
    }
    if (left)
        out = xasprintf("%s%sleft %s", out, *out ? ", " : "", left);
    return xasprintf("= %ld (%s)", rc, out);
}

static long test_select(int nfds, fd_set* r, fd_set* w, fd_set* e, struct timeval* tv) {
    fd_set* sets[3] = { r, w, e };
    const char* before = xasprintf("%s, %s, %s, %s", sset(r, nfds), sset(w, nfds), sset(e, nfds),
                                   mapped(tv) ? stimeval(tv) : sptr(tv));
    long rc = syscall(SYS_select, nfds, r, w, e, tv);
    const char* err = sres(rc);
    const char* res = sresult(rc, err, nfds, sets, mapped(tv) ? stimeval(tv) : NULL);

    printf("select(%d, %s) %s\n", nfds, before, res);
    return rc;
}

/* pselect6's sixth argument. */
struct sigmask_arg {
    const uint64_t* ss;
    size_t len;
};

static const char* sdata(const struct sigmask_arg* data) {
    if (!mapped(data))
        return sptr(data);
    return xasprintf("{sigmask=%s, sigsetsize=%zu}",
                     data->ss && data->len == 8 && mapped(data->ss) ? ssigset(*data->ss, 8)
                                                                     : sptr(data->ss),
                     data->len);
}

static long test_pselect6(int nfds, fd_set* r, fd_set* w, fd_set* e, struct timespec* ts,
                          const struct sigmask_arg* data) {
    fd_set* sets[3] = { r, w, e };
    const char* before =
        xasprintf("%s, %s, %s, %s, %s", sset(r, nfds), sset(w, nfds), sset(e, nfds),
                  mapped(ts) ? stimespec(ts) : sptr(ts), sdata(data));
    long rc = syscall(SYS_pselect6, nfds, r, w, e, ts, data);
    const char* err = sres(rc);
    const char* res = sresult(rc, err, nfds, sets, mapped(ts) ? stimespec(ts) : NULL);

    printf("pselect6(%d, %s) %s\n", nfds, before, res);
    return rc;
}

/* A set holding the descriptors given, ended by -1. */
static fd_set* set_of(int fd, ...) {
    fd_set* set = calloc(1, sizeof(*set));
    va_list ap;

    CHECK(set != NULL);
    va_start(ap, fd);
    for (; fd >= 0; fd = va_arg(ap, int))
        FD_SET(fd, set);
    va_end(ap);
    return set;
}

int main(void) {
    uint64_t mask = 1ULL << (SIGHUP - 1) | 1ULL << (SIGTERM - 1);
    struct sigmask_arg data = { &mask, 8 };
    struct sigmask_arg null_mask = { NULL, 8 };
    struct timeval tv;
    struct timespec ts;
    int a[2], b[2], closed, top;

    CHECK(pipe(a) == 0 && pipe(b) == 0);
    closed = fcntl(0, F_DUPFD, 100);
    CHECK(closed >= 0 && close(closed) == 0);
    top = b[1] + 1;

    tv = (struct timeval){ 0, 100 };
    test_select(top, set_of(a[0], b[0], -1), set_of(-1), NULL, &tv);
    tv = (struct timeval){ 0, 100 };
    test_select(top, set_of(a[0], -1), set_of(a[1], b[1], -1), set_of(a[0], -1), &tv);
    CHECK(write(a[1], "x", 1) == 1);
    test_select(top, set_of(a[0], b[0], -1), set_of(a[1], -1), NULL, NULL);
    tv = (struct timeval){ 5, 0 };
    test_select(top, set_of(a[0], -1), NULL, NULL, &tv);
    tv = (struct timeval){ 0, 0 };
    test_select(0, NULL, NULL, NULL, &tv);
    test_select(closed + 1, set_of(closed, -1), NULL, NULL, &tv);
    test_select(-1, NULL, NULL, NULL, &tv);
    tv = (struct timeval){ 0, 2000000 };
    test_select(top, set_of(b[0], -1), NULL, NULL, &tv);
    test_select(top, BAD_ADDR, NULL, NULL, NULL);

    ts = (struct timespec){ 0, 1000 };
    test_pselect6(top, set_of(b[0], -1), NULL, NULL, &ts, &data);
    ts = (struct timespec){ 1, 0 };
    test_pselect6(top, set_of(a[0], b[0], -1), set_of(b[1], -1), NULL, &ts, &data);
    test_pselect6(top, set_of(a[0], -1), NULL, set_of(b[0], -1), NULL, NULL);
    ts = (struct timespec){ 0, 0 };
    test_pselect6(top, set_of(b[0], -1), NULL, NULL, &ts, &null_mask);
    ts = (struct timespec){ 0, 1000000000 };
    test_pselect6(top, set_of(a[0], -1), NULL, NULL, &ts, NULL);
    ts = (struct timespec){ 0, 0 };
    test_pselect6(closed + 1, set_of(closed, -1), NULL, NULL, &ts, NULL);
    test_pselect6(top, set_of(a[0], -1), NULL, NULL, &ts, BAD_ADDR);

    EXPECT_EXITED_0();
    return 0;
}

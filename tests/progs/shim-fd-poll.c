/*
 * shim-fd-poll.c: select, pselect6 and ppoll: time-outs, signal masks,
 * counts, the sets and what is ready; the mask in effect while waiting
 * (one of the shim-fd programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- select, pselect6, ppoll ---- */

struct ktimeval {
    int64_t tv_sec, tv_usec;
};
struct ktimespec {
    int64_t tv_sec, tv_nsec;
};
struct sigset_argpack {
    void* p;
    size_t size;
};

static volatile sig_atomic_t g_usr1_hits;

static void on_usr1(int sig) {
    (void)sig;
    g_usr1_hits++;
}

/* Whether the fds of SET (0 to N-1) are those of the list, -1 ended. */
static const char* fdset_is(const fd_set* set, int n, const int* fds) {
    for (int fd = 0; fd < n; fd++) {
        bool listed = false;

        for (const int* f = fds; *f >= 0; f++)
            listed |= *f == fd;
        if (listed != !!FD_ISSET(fd, set))
            return "no";
    }
    return "yes";
}

static void sec_poll(void) {
    struct ktimeval tv;
    struct ktimespec ts;
    struct sigset_argpack pack;
    struct pollfd pfd[3];
    struct sigaction sa = {0};
    sigset_t mask, empty, old;
    fd_set rd, wr;
    int p[2], nfds;

    section("poll");
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], "x", 1) == 1);
    nfds = p[1] + 1;
    sigemptyset(&empty);
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);

    /* select: the time-out first, then n, then the sets and the fds */
#define SEL(what, n, r, w, tvp)                                                                    \
    print_rc("select(" what ")", S(SYS_select, (n), (r), (w), NULL, (tvp)))
#define TV(s, u) (tv = (struct ktimeval){(s), (u)}, &tv)
    SEL("n -1, bad timeout", -1, NULL, NULL, BAD);
    SEL("n -1, timeout at the page's edge", -1, NULL, NULL, g_edge - 8);
    SEL("tv_usec -1", 1, NULL, NULL, TV(0, -1));
    SEL("tv_sec -1", 1, NULL, NULL, TV(-1, 0));
    SEL("tv_usec -1000000", 1, NULL, NULL, TV(0, -1000000));
    SEL("tv_sec INT64_MAX, tv_usec 1000000", 1, NULL, NULL, TV(INT64_MAX, 1000000));
    SEL("tv_sec 1, tv_usec -1000000 (carried: 0)", 1, NULL, NULL, TV(1, -1000000));
    SEL("n -1", -1, NULL, NULL, TV(0, 0));
    SEL("n INT_MAX, no sets", INT_MAX, NULL, NULL, TV(0, 0));
    SEL("bad read set", 1, BAD, NULL, TV(0, 0));
    SEL("read set at the page's edge", 65, g_edge - 8, NULL, TV(0, 0));
    SEL("read set in a read-only page", 1, g_ro, NULL, TV(0, 0));
    FD_ZERO(&rd);
    FD_SET(CLOSED_FD, &rd);
    SEL("a closed fd", CLOSED_FD + 1, &rd, NULL, TV(0, 0));
    SEL("a closed fd beyond n", CLOSED_FD, &rd, NULL, TV(0, 0));
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &rd);
    FD_SET(p[0], &wr);
    FD_SET(p[1], &wr);
    SEL("a pipe with a byte", nfds, &rd, &wr, TV(1, 0));
    printf("  ready to read: the read end alone: %s\n", fdset_is(&rd, nfds, (int[]){p[0], -1}));
    printf("  ready to write: the write end alone: %s\n", fdset_is(&wr, nfds, (int[]){p[1], -1}));
    printf("  time left between 0 and 1 s: %s\n",
           tv.tv_sec == 0 || (tv.tv_sec == 1 && tv.tv_usec == 0) ? "yes" : "no");
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    SEL("nothing ready, 1 ms", nfds, &rd, NULL, TV(0, 1000));
    printf("  time left: %lld.%06lld\n", (long long)tv.tv_sec, (long long)tv.tv_usec);

    /* pselect6: the packed mask first, then the time-out, the mask, n */
#define PS(what, n, r, tsp, sig)                                                                   \
    print_rc("pselect6(" what ")", S(SYS_pselect6, (n), (r), NULL, NULL, (tsp), (sig)))
#define TS(s, n) (ts = (struct ktimespec){(s), (n)}, &ts)
#define PACK(m, sz) (pack = (struct sigset_argpack){(m), (sz)}, &pack)
    PS("n -1, bad timeout, bad pack", -1, NULL, BAD, BAD);
    PS("n -1, bad timeout, pack at the page's edge", -1, NULL, BAD, g_edge - 8);
    PS("n -1, bad timeout, no mask", -1, NULL, BAD, PACK(NULL, 0));
    PS("n -1, tv_nsec 1e9, mask size 7", -1, NULL, TS(0, 1000000000), PACK(&mask, 7));
    PS("n -1, tv_nsec -1", -1, NULL, TS(0, -1), NULL);
    PS("n -1, tv_sec -1", -1, NULL, TS(-1, 0), NULL);
    PS("n -1, mask size 7", -1, NULL, TS(0, 0), PACK(&mask, 7));
    PS("n -1, mask size 16", -1, NULL, TS(0, 0), PACK(&mask, 16));
    PS("n -1, bad mask", -1, NULL, TS(0, 0), PACK(BAD, 8));
    PS("n -1, mask at the page's edge", -1, NULL, TS(0, 0), PACK(g_edge - 4, 8));
    PS("n -1, no mask, size 7", -1, NULL, TS(0, 0), PACK(NULL, 7));
    PS("no mask, size 7", 1, NULL, TS(0, 0), PACK(NULL, 7));
    PS("bad read set", 1, BAD, TS(0, 0), PACK(&mask, 8));
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    PS("a pipe with a byte", nfds, &rd, TS(1, 0), PACK(&mask, 8));
    printf("  ready: the read end: %s; the time left written, below 1 s: %s\n",
           fdset_is(&rd, nfds, (int[]){p[0], -1}), ts.tv_sec == 0 && ts.tv_nsec > 0 ? "yes" : "no");
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    PS("nothing ready, 1 ms", nfds, &rd, TS(0, 1000000), NULL);

    /* ppoll: the time-out, then the mask, then the count and the fds */
#define PP(what, fds, n, tsp, m, sz)                                                               \
    print_rc("ppoll(" what ")", S(SYS_ppoll, (fds), (n), (tsp), (m), (sz)))
    PP("bad fds, bad timeout", BAD, 1, BAD, NULL, 8);
    PP("bad fds, tv_nsec 1e9, mask size 7", BAD, 1, TS(0, 1000000000), &mask, 7);
    PP("bad fds, tv_sec -1", BAD, 1, TS(-1, 0), NULL, 0);
    PP("bad fds, mask size 7", BAD, 1, TS(0, 0), &mask, 7);
    PP("bad fds, bad mask", BAD, 1, TS(0, 0), BAD, 8);
    PP("bad fds, mask at the page's edge", BAD, 1, TS(0, 0), g_edge - 4, 8);
    PP("bad fds, no mask, size 7", BAD, 1, TS(0, 0), NULL, 7);
    PP("nfds 2^31", BAD, 1U << 31, TS(0, 0), NULL, 0);
    PP("fds at the page's edge", g_edge - 8, 2, TS(0, 0), NULL, 0);
    PP("fds in a read-only page", g_ro, 1, TS(0, 0), NULL, 0);
    pfd[0] = (struct pollfd){p[0], POLLIN, 0};
    pfd[1] = (struct pollfd){p[1], POLLIN | POLLOUT, 0};
    pfd[2] = (struct pollfd){CLOSED_FD, POLLIN, 0};
    PP("a pipe with a byte and a closed fd", pfd, 3, TS(1, 0), &mask, 8);
    printf("  revents: %#x %#x %#x\n", pfd[0].revents, pfd[1].revents, pfd[2].revents);
    PP("no time-out, a pipe with a byte", pfd, 1, NULL, NULL, 0);
    pfd[0] = (struct pollfd){p[1], POLLIN, 0};
    PP("nothing ready, 1 ms", pfd, 1, TS(0, 1000000), NULL, 0);

    /* the mask in effect while they wait: a pending SIGUSR1, blocked
     * around the call, is delivered inside it (EINTR), and blocked again
     * after */
    sa.sa_handler = on_usr1;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(sigprocmask(SIG_BLOCK, &mask, &old) == 0);
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    CHECK(raise(SIGUSR1) == 0);
    PS("a pending signal the mask lets in", nfds, &rd, TS(2, 0), PACK(&empty, 8));
    CHECK(raise(SIGUSR1) == 0);
    pfd[0] = (struct pollfd){p[1], POLLIN, 0};
    PP("a pending signal the mask lets in", pfd, 1, TS(2, 0), &empty, 8);
    printf("  handled: %d; blocked again: %s\n", (int)g_usr1_hits,
           sigprocmask(SIG_BLOCK, NULL, &old) == 0 && sigismember(&old, SIGUSR1) ? "yes" : "no");
    CHECK(sigprocmask(SIG_UNBLOCK, &mask, NULL) == 0);
    sa.sa_handler = SIG_DFL;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
#undef SEL
#undef TV
#undef PS
#undef TS
#undef PACK
#undef PP
    CHECK(close(p[0]) == 0 && close(p[1]) == 0);
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_poll();
    return 0;
}

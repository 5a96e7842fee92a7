/*
 * sendto.c: sendto(2), recvfrom(2), sendmsg(2) and recvmsg(2) on AF_UNIX
 * sockets, run with -s 10.  Covers data printed at entry (sends) or up to
 * the result (receives; cut at 10 bytes with "...", the buffer size and the
 * result may differ with MSG_TRUNC), the MSG_* flags in strace's order
 * (unknown bits in hex, with the comment "MSG_???" when none is known), the
 * destination and source addresses (address and length as accept prints
 * them), struct msghdr (msg_name and its length, the iovec array spread
 * over the data and cut after 10 elements, msg_control only when
 * msg_controllen is not 0, with SCM_RIGHTS and SCM_CREDENTIALS messages,
 * msg_flags such as MSG_TRUNC and MSG_CTRUNC set by the kernel, and
 * MSG_CMSG_CLOEXEC left in them; msg_namelen given and returned as "110 =>
 * 7"), a failed recvmsg shown as {msg_namelen=N}, and the failures EAGAIN,
 * ENOTCONN, EMSGSIZE, EOPNOTSUPP, EBADF and EFAULT.
 */
#include "trace-sys.h"

/* The -s of this program's line in sys.list. */
#define STRLEN 10

static const struct xlat msg_flags[] = {
    { 0x1, "MSG_OOB" },
    { 0x2, "MSG_PEEK" },
    { 0x4, "MSG_DONTROUTE" },
    { 0x8, "MSG_CTRUNC" },
    { 0x10, "MSG_PROBE" },
    { 0x20, "MSG_TRUNC" },
    { 0x40, "MSG_DONTWAIT" },
    { 0x80, "MSG_EOR" },
    { 0x100, "MSG_WAITALL" },
    { 0x200, "MSG_FIN" },
    { 0x400, "MSG_SYN" },
    { 0x800, "MSG_CONFIRM" },
    { 0x1000, "MSG_RST" },
    { 0x2000, "MSG_ERRQUEUE" },
    { 0x4000, "MSG_NOSIGNAL" },
    { 0x8000, "MSG_MORE" },
    { 0x10000, "MSG_WAITFORONE" },
    { 0x20000, "MSG_SENDPAGE_NOTLAST" },
    { 0x40000, "MSG_BATCH" },
    { 0x80000, "MSG_NO_SHARED_FRAGS" },
    { 0x4000000, "MSG_ZEROCOPY" },
    { 0x20000000, "MSG_FASTOPEN" },
    { 0x40000000, "MSG_CMSG_CLOEXEC" },
    { 0x80000000, "MSG_CMSG_COMPAT" },
    XLAT_END,
};

static const char* sflagsmsg(unsigned int flags) {
    return sflags(msg_flags, flags, "MSG_???");
}

/* An array of CNT iovecs: DATA bytes in all spread over the bases (-1 for
 * all of them), or only addresses (-2). */
static const char* siov(const struct iovec* iov, size_t cnt, long data) {
    const char* out = "[";

    if (!mapped(iov))
        return sptr(iov);
    for (size_t i = 0; i < cnt; i++) {
        const char* base;
        size_t len = iov[i].iov_len;

        if (i == STRLEN) {
            out = xasprintf("%s, ...", out);
            break;
        }
        if (data == -2 || !mapped(iov[i].iov_base)) {
            base = sptr(iov[i].iov_base);
        } else {
            if (data >= 0 && len > (size_t)data)
                len = (size_t)data;
            base = squote(iov[i].iov_base, len, STRLEN);
            if (data >= 0)
                data -= (long)len;
        }
        out = xasprintf("%s%s{iov_base=%s, iov_len=%zu}", out, i ? ", " : "", base, iov[i].iov_len);
    }
    return xasprintf("%s]", out);
}

/* The control messages of MSG, as many as fit in its msg_controllen. */
static const char* scmsgs(struct msghdr* msg) {
    const char* out = "[";

    for (struct cmsghdr* c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
        const char* data;

        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            const int* fds = (const int*)CMSG_DATA(c);
            size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);

            data = "[";
            for (size_t i = 0; i < n; i++)
                data = xasprintf("%s%s%d", data, i ? ", " : "", fds[i]);
            data = xasprintf("SCM_RIGHTS, cmsg_data=%s]", data);
        } else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
            const struct ucred* cred = (const struct ucred*)CMSG_DATA(c);

            data = xasprintf("SCM_CREDENTIALS, cmsg_data={pid=%d, uid=%u, gid=%u}", cred->pid,
                             cred->uid, cred->gid);
        } else {
            data = xasprintf("%#x", c->cmsg_type);
        }
        out = xasprintf("%s%s{cmsg_len=%zu, cmsg_level=SOL_SOCKET, cmsg_type=%s}", out,
                        out[1] ? ", " : "", (size_t)c->cmsg_len, data);
    }
    return xasprintf("%s]", out);
}

/* A struct msghdr, its data spread as siov() does; NAMELEN is
 * msg_namelen as it was given. */
static const char* smsghdr(struct msghdr* msg, long data, socklen_t namelen) {
    const char* control = "";
    const char* len = xasprintf("%u", namelen);

    if (!mapped(msg))
        return sptr(msg);
    if (msg->msg_controllen)
        control = xasprintf("msg_control=%s, ", scmsgs(msg));
    if (namelen != msg->msg_namelen)
        len = xasprintf("%u => %u", namelen, msg->msg_namelen);
    return xasprintf(
        "{msg_name=%s, msg_namelen=%s, msg_iov=%s, msg_iovlen=%zu, %smsg_controllen=%zu, "
        "msg_flags=%s}",
        ssockaddr(msg->msg_name, msg->msg_namelen), len, siov(msg->msg_iov, msg->msg_iovlen, data),
        (size_t)msg->msg_iovlen, control, (size_t)msg->msg_controllen,
        sflagsmsg((unsigned int)msg->msg_flags));
}

static long test_sendto(int fd, const void* buf, size_t len, unsigned int flags, const void* to,
                        socklen_t tolen) {
    const char* data = mapped(buf) ? squote(buf, len, STRLEN) : sptr(buf);
    const char* to_str = ssockaddr(to, tolen);
    long rc = syscall(SYS_sendto, fd, buf, len, flags, to, tolen);
    const char* res = sres(rc);

    printf("sendto(%d, %s, %zu, %s, %s, %u) %s\n", fd, data, len, sflagsmsg(flags), to_str, tolen,
           res);
    return rc;
}

static long test_recvfrom(int fd, void* buf, size_t len, unsigned int flags, void* from,
                          socklen_t* fromlen) {
    int have_len = addrlen_given(from, fromlen);
    /* cppcheck-suppress nullPointer ; addrlen_given() is false for a NULL FROMLEN */
    socklen_t given = have_len ? *fromlen : 0;
    long rc = syscall(SYS_recvfrom, fd, buf, len, flags, from, fromlen);
    const char* res = sres(rc);

    printf("recvfrom(%d, %s, %zu, %s, %s) %s\n", fd,
           rc >= 0 ? squote(buf, (size_t)rc < len ? (size_t)rc : len, STRLEN) : sptr(buf), len,
           sflagsmsg(flags), saddr_out(from, fromlen, have_len, given, rc), res);
    return rc;
}

static long test_sendmsg(int fd, struct msghdr* msg, unsigned int flags) {
    const char* before = smsghdr(msg, -1, mapped(msg) ? msg->msg_namelen : 0);
    long rc = syscall(SYS_sendmsg, fd, msg, flags);
    const char* res = sres(rc);

    printf("sendmsg(%d, %s, %s) %s\n", fd, before, sflagsmsg(flags), res);
    return rc;
}

static long test_recvmsg(int fd, struct msghdr* msg, unsigned int flags) {
    socklen_t namelen = mapped(msg) ? msg->msg_namelen : 0;
    long rc = syscall(SYS_recvmsg, fd, msg, flags);
    const char* res = sres(rc);
    const char* arg;

    if (!mapped(msg))
        arg = sptr(msg);
    else if (rc < 0)
        arg = xasprintf("{msg_namelen=%u}", namelen);
    else
        arg = smsghdr(msg, rc, namelen);
    printf("recvmsg(%d, %s, %s) %s\n", fd, arg, sflagsmsg(flags), res);
    return rc;
}

/* A bound AF_UNIX datagram socket, and its address. */
static int bound(const char* path, struct sockaddr_un* addr, socklen_t* len) {
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

    CHECK(fd >= 0);
    memset(addr, 0, sizeof(*addr));
    addr->sun_family = AF_UNIX;
    strcpy(addr->sun_path, path);
    *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1);
    CHECK(bind(fd, (struct sockaddr*)addr, *len) == 0);
    return fd;
}

static void test_datagrams(void) {
    struct sockaddr_un srv_addr, cli_addr, from;
    socklen_t srv_len, cli_len, from_len;
    int srv = bound("srv", &srv_addr, &srv_len);
    int cli = bound("cli", &cli_addr, &cli_len);
    int lone = socket(AF_UNIX, SOCK_DGRAM, 0);
    char buf[64];
    char* edge = tail_alloc(4);

    CHECK(lone >= 0);
    memcpy(edge, "edge", 4);
    test_sendto(cli, "hello", 5, 0, &srv_addr, srv_len);
    from_len = sizeof(from);
    test_recvfrom(srv, buf, sizeof(buf), 0, &from, &from_len);
    test_sendto(cli, "a longer message\n", 17, MSG_DONTWAIT | MSG_NOSIGNAL, &srv_addr,
                sizeof(srv_addr));
    test_recvfrom(srv, buf, 4, MSG_TRUNC, NULL, NULL);
    test_sendto(lone, "\1\2\3\0\"x", 6, MSG_CONFIRM, &srv_addr, srv_len);
    from_len = sizeof(from);
    test_recvfrom(srv, buf, sizeof(buf), MSG_PEEK, &from, &from_len);
    from_len = 2;
    test_recvfrom(srv, buf, sizeof(buf), 0, &from, &from_len);
    test_sendto(cli, edge, 4, 0, &srv_addr, srv_len);
    test_recvfrom(srv, buf, sizeof(buf), MSG_WAITALL | MSG_CMSG_CLOEXEC, &from, NULL);
    test_sendto(cli, "", 0, 0, &srv_addr, srv_len);
    test_recvfrom(srv, buf, sizeof(buf), 0, NULL, &from_len);

    from_len = sizeof(from);
    test_recvfrom(srv, buf, sizeof(buf), MSG_DONTWAIT, &from, &from_len);
    test_recvfrom(srv, BAD_ADDR, sizeof(buf), MSG_DONTWAIT, NULL, NULL);
    test_sendto(lone, "x", 1, 0, NULL, 0);
    test_sendto(cli, "x", 1, MSG_OOB, &srv_addr, srv_len);
    test_sendto(cli, "x", 1, 0x100000, &srv_addr, srv_len);
    test_sendto(cli, BAD_ADDR, 1, 0, &srv_addr, srv_len);
    test_sendto(cli, edge + 4, 1, 0, &srv_addr, srv_len);
    test_sendto(cli, "x", 1, 0, BAD_ADDR, srv_len);
    test_sendto(-1, "x", 1, 0, NULL, 0);
    test_recvfrom(-1, buf, sizeof(buf), 0, NULL, NULL);
}

static void test_messages(void) {
    struct sockaddr_un srv_addr, cli_addr, from;
    socklen_t srv_len, cli_len;
    int srv = bound("msrv", &srv_addr, &srv_len);
    int cli = bound("mcli", &cli_addr, &cli_len);
    int one = 1;
    char a[4], b[16], many[12][2];
    char abc[] = "abc", rest[] = "defghijklmnop";
    struct iovec out[2] = { { abc, 3 }, { rest, 13 } };
    struct iovec in[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
    struct iovec out_many[12];
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(2 * sizeof(int))];
    } control, received;
    struct cmsghdr* c;
    struct msghdr msg;
    int fds[2] = { 0, 2 };

    for (int i = 0; i < 12; i++) {
        many[i][0] = (char)('a' + i);
        many[i][1] = '\0';
        out_many[i] = (struct iovec){ many[i], 1 };
    }

    msg = (struct msghdr){
        .msg_name = &srv_addr, .msg_namelen = srv_len, .msg_iov = out, .msg_iovlen = 2
    };
    test_sendmsg(cli, &msg, 0);
    msg = (struct msghdr){
        .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = in, .msg_iovlen = 2
    };
    test_recvmsg(srv, &msg, 0);

    /* Descriptors passed with SCM_RIGHTS, credentials with SO_PASSCRED. */
    memset(&control, 0, sizeof(control));
    msg = (struct msghdr){ .msg_name = &srv_addr,
                           .msg_namelen = srv_len,
                           .msg_iov = out,
                           .msg_iovlen = 1,
                           .msg_control = control.buf,
                           .msg_controllen = CMSG_SPACE(2 * sizeof(int)) };
    c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(2 * sizeof(int));
    memcpy(CMSG_DATA(c), fds, sizeof(fds));
    test_sendmsg(cli, &msg, MSG_NOSIGNAL);
    CHECK(setsockopt(srv, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) == 0);
    memset(&received, 0, sizeof(received));
    msg = (struct msghdr){ .msg_iov = in,
                           .msg_iovlen = 2,
                           .msg_control = received.buf,
                           .msg_controllen = sizeof(received.buf) };
    test_recvmsg(srv, &msg, MSG_CMSG_CLOEXEC);

    /* Too little room for the data and for the control messages. */
    msg = (struct msghdr){
        .msg_name = &srv_addr, .msg_namelen = srv_len, .msg_iov = out_many, .msg_iovlen = 12
    };
    test_sendmsg(cli, &msg, 0);
    msg = (struct msghdr){
        .msg_iov = in, .msg_iovlen = 1, .msg_control = received.buf, .msg_controllen = 8
    };
    test_recvmsg(srv, &msg, 0);

    /* Failures. */
    msg = (struct msghdr){
        .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = in, .msg_iovlen = 2
    };
    test_recvmsg(srv, &msg, MSG_DONTWAIT);
    test_recvmsg(srv, BAD_ADDR, 0);
    msg = (struct msghdr){ .msg_iov = out, .msg_iovlen = 1 };
    test_sendmsg(cli, &msg, 0);
    msg = (struct msghdr){
        .msg_name = &srv_addr, .msg_namelen = srv_len, .msg_iov = BAD_ADDR, .msg_iovlen = 1
    };
    test_sendmsg(cli, &msg, 0);
    msg = (struct msghdr){
        .msg_name = &srv_addr, .msg_namelen = srv_len, .msg_iov = out, .msg_iovlen = 2
    };
    test_sendmsg(cli, &msg, MSG_OOB);
    test_sendmsg(cli, BAD_ADDR, 0);
    test_sendmsg(-1, &msg, 0);
}

int main(void) {
    test_datagrams();
    test_messages();

    EXPECT_EXITED_0();
    return 0;
}

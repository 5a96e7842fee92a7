/*
 * bind.c: bind(2), listen(2), connect(2), accept(2), accept4(2),
 * getsockname(2), getpeername(2) and shutdown(2) on AF_UNIX and AF_INET
 * (127.0.0.1) stream sockets.  Covers socket addresses (a path, an abstract
 * name with @, only the family, AF_INET's port and address, AF_INET6's
 * fields, raw sa_data for AF_UNSPEC and for a short AF_INET address, an
 * address when shorter than the family or unreadable), the address length
 * given and returned ([110 => 7]; the address cut to the shorter of the
 * two; the length alone when the call fails; both as addresses when either
 * is NULL), accept4's flags, shutdown's SHUT_* (unknown values in hex with
 * the comment "SHUT_???"), and the failures EINVAL, EADDRINUSE,
 * EAFNOSUPPORT, ECONNREFUSED, EISCONN, ENOTCONN, EAGAIN, EOPNOTSUPP,
 * ENOTSOCK, EBADF and EFAULT.  Ports are the kernel's ephemeral ones,
 * printed as they come.
 */
#include "trace-sys.h"

static const struct xlat accept_flags[] = { XLAT(SOCK_CLOEXEC), XLAT(SOCK_NONBLOCK), XLAT_END };

static const struct xlat hows[] = { XLAT(SHUT_RD), XLAT(SHUT_WR), XLAT(SHUT_RDWR), XLAT_END };

/* bind or connect. */
static long test_addr(const char* name, long nr, int fd, const void* addr, socklen_t len) {
    const char* before = ssockaddr(addr, len);
    long rc = syscall(nr, fd, addr, len);
    const char* res = sres(rc);

    printf("%s(%d, %s, %u) %s\n", name, fd, before, len, res);
    return rc;
}

static long test_listen(int fd, int backlog) {
    long rc = syscall(SYS_listen, fd, backlog);
    const char* res = sres(rc);

    printf("listen(%d, %d) %s\n", fd, backlog, res);
    return rc;
}

/* getsockname, getpeername, or accept4 (flags when NAME is "accept4"). */
static long test_name(const char* name, long nr, int fd, void* addr, socklen_t* plen, int flags) {
    int have_len = addrlen_given(addr, plen);
    socklen_t len = have_len ? *plen : 0;
    long rc = syscall(nr, fd, addr, plen, flags);
    const char* res = sres(rc);
    const char* flags_str =
        nr == SYS_accept4 ? xasprintf(", %s", sflags(accept_flags, (unsigned int)flags, "SOCK_???"))
                          : "";

    printf("%s(%d, %s%s) %s\n", name, fd, saddr_out(addr, plen, have_len, len, rc), flags_str, res);
    if (rc >= 0 && (nr == SYS_accept4 || nr == SYS_accept))
        CHECK(close((int)rc) == 0);
    return rc;
}

static long test_shutdown(int fd, int how) {
    long rc = syscall(SYS_shutdown, fd, how);
    const char* res = sres(rc);

    printf("shutdown(%d, %s) %s\n", fd, sxval(hows, (unsigned int)how, "SHUT_???"), res);
    return rc;
}

static int new_socket(int family, int type) {
    int fd = socket(family, type, 0);

    CHECK(fd >= 0);
    return fd;
}

static void test_unix(void) {
    struct sockaddr_un path = { .sun_family = AF_UNIX, .sun_path = "sock" };
    struct sockaddr_un abstract = { .sun_family = AF_UNIX };
    struct sockaddr_un peer;
    socklen_t path_len = offsetof(struct sockaddr_un, sun_path) + 5;
    socklen_t abstract_len;
    socklen_t len;
    socklen_t* edge = tail_alloc(sizeof(socklen_t));
    int srv = new_socket(AF_UNIX, SOCK_STREAM);
    int cli = new_socket(AF_UNIX, SOCK_STREAM);
    int other = new_socket(AF_UNIX, SOCK_STREAM);
    int dgram = new_socket(AF_UNIX, SOCK_DGRAM);
    int file = open("file", O_RDWR | O_CREAT, 0644);

    CHECK(file >= 0);
    /* An abstract name of this process's own, as these are system-wide. */
    abstract_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
                               (size_t)sprintf(abstract.sun_path + 1, "trace-bind-%d", getpid()));
    test_addr("bind", SYS_bind, srv, &path, sizeof(path));
    test_addr("bind", SYS_bind, srv, &path, sizeof(path));
    test_addr("bind", SYS_bind, other, &path, path_len);
    test_addr("bind", SYS_bind, other, &abstract, abstract_len);
    test_addr("bind", SYS_bind, dgram, &path, offsetof(struct sockaddr_un, sun_path));
    test_addr("bind", SYS_bind, cli, &path, 0);
    test_addr("bind", SYS_bind, cli, &path, 1);
    test_addr("bind", SYS_bind, cli, &path, 4);
    test_addr("bind", SYS_bind, cli, &path, 200);
    test_addr("bind", SYS_bind, cli, NULL, sizeof(path));
    test_addr("bind", SYS_bind, cli, BAD_ADDR, sizeof(path));
    test_addr("bind", SYS_bind, file, &path, sizeof(path));
    test_addr("bind", SYS_bind, -1, &path, sizeof(path));

    test_listen(srv, 5);
    test_listen(dgram, 5);
    test_listen(file, 5);
    test_listen(-1, 0);

    len = sizeof(peer);
    test_name("getsockname", SYS_getsockname, srv, &peer, &len, 0);
    len = 4;
    test_name("getsockname", SYS_getsockname, srv, &peer, &len, 0);
    len = 0;
    test_name("getsockname", SYS_getsockname, srv, &peer, &len, 0);
    len = sizeof(peer);
    test_name("getsockname", SYS_getsockname, other, &peer, &len, 0);
    len = sizeof(peer);
    test_name("getsockname", SYS_getsockname, dgram, &peer, &len, 0);
    test_name("getsockname", SYS_getsockname, srv, NULL, &len, 0);
    test_name("getsockname", SYS_getsockname, srv, &peer, NULL, 0);
    test_name("getsockname", SYS_getsockname, srv, &peer, edge + 1, 0);
    len = sizeof(peer);
    test_name("getpeername", SYS_getpeername, srv, &peer, &len, 0);

    test_addr("connect", SYS_connect, cli, &path, sizeof(path));
    len = sizeof(peer);
    test_name("getpeername", SYS_getpeername, cli, &peer, &len, 0);
    *edge = sizeof(peer);
    test_name("accept4", SYS_accept4, srv, &peer, edge, SOCK_CLOEXEC);
    test_addr("connect", SYS_connect, other, &path, path_len);
    test_name("accept", SYS_accept, srv, NULL, NULL, 0);
    test_addr("connect", SYS_connect, cli, &path, sizeof(path));
    test_addr("connect", SYS_connect, dgram, &abstract, abstract_len);

    CHECK(fcntl(srv, F_SETFL, O_NONBLOCK) == 0);
    len = sizeof(peer);
    test_name("accept4", SYS_accept4, srv, &peer, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    test_name("accept4", SYS_accept4, srv, &peer, &len, 0x10);
    test_name("accept4", SYS_accept4, srv, &peer, BAD_ADDR, 0);
    test_name("accept4", SYS_accept4, dgram, &peer, &len, 0);

    test_shutdown(cli, SHUT_RD);
    test_shutdown(cli, SHUT_WR);
    test_shutdown(cli, SHUT_RDWR);
    test_shutdown(cli, 9);
    test_shutdown(srv, SHUT_RDWR);
    test_shutdown(file, SHUT_RDWR);
}

static void test_inet(void) {
    struct sockaddr_in lo = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    struct sockaddr_in any = { .sin_family = AF_INET, .sin_port = htons(80) };
    struct sockaddr_in srv_addr, idle_addr, peer;
    struct sockaddr_in6 six = { .sin6_family = AF_INET6,
                                .sin6_port = htons(8080),
                                .sin6_flowinfo = htonl(7),
                                .sin6_addr = IN6ADDR_LOOPBACK_INIT,
                                .sin6_scope_id = 3 };
    struct sockaddr unspec = { .sa_family = AF_UNSPEC };
    socklen_t len;
    int srv = new_socket(AF_INET, SOCK_STREAM);
    int cli = new_socket(AF_INET, SOCK_STREAM);
    int idle = new_socket(AF_INET, SOCK_STREAM);
    int other = new_socket(AF_INET, SOCK_STREAM);

    test_addr("bind", SYS_bind, srv, &lo, sizeof(lo));
    len = sizeof(srv_addr);
    test_name("getsockname", SYS_getsockname, srv, &srv_addr, &len, 0);
    test_listen(srv, 1);
    test_addr("bind", SYS_bind, idle, &lo, sizeof(lo));
    len = sizeof(idle_addr);
    test_name("getsockname", SYS_getsockname, idle, &idle_addr, &len, 0);
    test_addr("bind", SYS_bind, other, &srv_addr, sizeof(srv_addr));
    test_addr("bind", SYS_bind, other, &any, 8);
    test_addr("bind", SYS_bind, other, &six, sizeof(six));
    test_addr("bind", SYS_bind, other, &six, 24);

    test_addr("connect", SYS_connect, other, &idle_addr, sizeof(idle_addr));
    len = sizeof(peer);
    test_name("getpeername", SYS_getpeername, cli, &peer, &len, 0);
    test_addr("connect", SYS_connect, cli, &srv_addr, sizeof(srv_addr));
    len = sizeof(peer);
    test_name("getpeername", SYS_getpeername, cli, &peer, &len, 0);
    len = sizeof(peer);
    test_name("getsockname", SYS_getsockname, cli, &peer, &len, 0);
    len = sizeof(peer) + 10;
    test_name("accept4", SYS_accept4, srv, &peer, &len, 0);
    test_addr("connect", SYS_connect, cli, &unspec, sizeof(unspec));
    test_addr("connect", SYS_connect, cli, &six, sizeof(six));
    test_shutdown(cli, SHUT_WR);
    test_shutdown(idle, SHUT_RD);
}

int main(void) {
    test_unix();
    test_inet();

    EXPECT_EXITED_0();
    return 0;
}

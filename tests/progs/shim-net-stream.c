/*
 * shim-net-stream.c: the socket calls of connections: socketpair, bind,
 * listen, connect, accept, accept4, shutdown, getsockname, getpeername,
 * setsockopt, getsockopt, with sendto and recvfrom on the connections,
 * over TCP on 127.0.0.1 and Unix stream sockets; their successes and
 * their errors, in the kernel's order (tests/integration/shim-net.test).
 * Ports are the kernel's choice: only relations between them are
 * printed.  Uses the shim-fd helpers (shim-fd.h).
 */
#include "shim-fd.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/un.h>

static int g_file, g_pipe[2], g_opath, g_anon;

/* The descriptors that are not sockets, each kind the table tells apart,
 * and the ones it does not hold: CALL(fd) for each, printed. */
#define NOT_SOCKETS(what, call)                                            \
    do {                                                                   \
        long fd_;                                                          \
        const long fds_[] = {CLOSED_FD, -1, HUGE_FD, SIGNED_FD, g_file,    \
                             g_pipe[0], g_opath, g_anon, 0};               \
        const char* names_[] = {"closed", "-1", "huge", "signed", "file",  \
                                "pipe", "O_PATH", "eventfd", "stdin"};     \
        for (size_t i_ = 0; i_ < sizeof(fds_) / sizeof(fds_[0]); i_++) {   \
            char w_[128];                                                  \
            fd_ = fds_[i_];                                                \
            snprintf(w_, sizeof(w_), "%s(%s)", what, names_[i_]);          \
            print_rc(w_, (call));                                          \
        }                                                                  \
    } while (0)

static struct sockaddr_in loopback(unsigned short port) {
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static unsigned short port_of(int fd, bool peer) {
    struct sockaddr_in a;
    socklen_t len = sizeof(a);

    CHECK(S(peer ? SYS_getpeername : SYS_getsockname, fd, &a, &len) == 0);
    return ntohs(a.sin_port);
}

static void sec_socketpair(void) {
    int sv[2] = {-1, -1};
    char buf[16];

    section("socketpair");
    print_rc("socketpair(AF_UNIX, SOCK_STREAM, 0, sv)", S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv));
    printf("  fds %d %d\n", sv[0], sv[1]);
    fdstate("  end 0", sv[0]);
    print_rc("write(end 0)", S(SYS_write, sv[0], "ping", 4));
    print_rc("read(end 1)", S(SYS_read, sv[1], buf, sizeof(buf)));
    print_rc("sendto(end 1, NULL address)", S(SYS_sendto, sv[1], "pong", 4, 0, NULL, 0));
    print_rc("recvfrom(end 0)", S(SYS_recvfrom, sv[0], buf, sizeof(buf), 0, NULL, NULL));
    show_bytes("  got", buf, 4);
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);
    print_rc("socketpair(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK)",
             S(SYS_socketpair, AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv));
    fdstate("  end 0", sv[0]);
    fdstate("  end 1", sv[1]);
    print_rc("recvfrom(empty nonblocking end)", S(SYS_recvfrom, sv[0], buf, 1, 0, NULL, NULL));
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);
    print_rc("socketpair(AF_UNIX, SOCK_SEQPACKET)", S(SYS_socketpair, AF_UNIX, SOCK_SEQPACKET, 0, sv));
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);
    print_rc("socketpair(AF_UNIX, SOCK_STREAM|0x100000)",
             S(SYS_socketpair, AF_UNIX, SOCK_STREAM | 0x100000, 0, sv));
    print_rc("socketpair(bad flags, (void*)1)", S(SYS_socketpair, AF_UNIX, SOCK_STREAM | 0x100000, 0, BAD));
    print_rc("socketpair(AF_UNIX, SOCK_STREAM, 0, (void*)1)", S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, BAD));
    print_rc("socketpair(AF_UNIX, SOCK_STREAM, 0, read-only page)",
             S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, g_ro));
    print_rc("socketpair(AF_UNIX, SOCK_STREAM, 0, half unmapped)",
             S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, g_edge - 4));
    print_rc("socketpair(AF_UNIX, SOCK_STREAM, 0, kernel address)",
             S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, KADDR));
    sv[0] = sv[1] = -1;
    print_rc("socketpair(AF_INET, SOCK_STREAM, 0, sv)", S(SYS_socketpair, AF_INET, SOCK_STREAM, 0, sv));
    printf("  sv left %d %d\n", sv[0], sv[1]);
    print_rc("socketpair(99, SOCK_STREAM, 0, sv)", S(SYS_socketpair, 99, SOCK_STREAM, 0, sv));
    print_rc("socketpair(AF_UNIX, 99, 0, sv)", S(SYS_socketpair, AF_UNIX, 99, 0, sv));
    print_rc("socketpair(AF_INET, 99, 0, (void*)1)", S(SYS_socketpair, AF_INET, 99, 0, BAD));
    print_rc("socketpair(AF_UNIX, SOCK_STREAM, 5, sv)", S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 5, sv));
    list_open_fds("open fds");
}

static void sec_bind_listen(void) {
    struct sockaddr_in a = loopback(0), b;
    struct sockaddr_un u = {.sun_family = AF_UNIX};
    int s, t, u1, one = 1;
    long r;

    section("bind, listen");
    s = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    CHECK(s >= 0);
    NOT_SOCKETS("bind", S(SYS_bind, fd_, &a, sizeof(a)));
    NOT_SOCKETS("bind((void*)1)", S(SYS_bind, fd_, BAD, sizeof(a)));
    NOT_SOCKETS("bind(length 200)", S(SYS_bind, fd_, &a, 200));
    print_rc("bind(s, (void*)1, 16)", S(SYS_bind, s, BAD, 16));
    print_rc("bind(s, kernel address, 16)", S(SYS_bind, s, KADDR, 16));
    print_rc("bind(s, half unmapped, 16)", S(SYS_bind, s, g_edge - 8, 16));
    print_rc("bind(s, &a, -1)", S(SYS_bind, s, &a, -1));
    print_rc("bind(s, (void*)1, -1)", S(SYS_bind, s, BAD, -1));
    print_rc("bind(s, &a, 129)", S(SYS_bind, s, &a, 129));
    print_rc("bind(s, &a, 128)", S(SYS_bind, s, &a, 128));
    print_rc("bind(s, (void*)1, 0)", S(SYS_bind, s, BAD, 0));
    print_rc("bind(s, &a, 8)", S(SYS_bind, s, &a, 8));
    b = a;
    b.sin_family = AF_INET6;
    print_rc("bind(s, AF_INET6 address)", S(SYS_bind, s, &b, sizeof(b)));
    print_rc("bind(s, 127.0.0.1:0)", S(SYS_bind, s, &a, sizeof(a)));
    printf("  bound to a port: %s\n", port_of(s, false) ? "yes" : "no");
    print_rc("bind(s, again)", S(SYS_bind, s, &a, sizeof(a)));
    t = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    b = loopback(port_of(s, false));
    print_rc("bind(t, s's port)", S(SYS_bind, t, &b, sizeof(b)));
    print_rc("setsockopt(t, SO_REUSEADDR)", S(SYS_setsockopt, t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
    print_rc("bind(t, s's port, SO_REUSEADDR)", S(SYS_bind, t, &b, sizeof(b)));
    S(SYS_close, t);

    NOT_SOCKETS("listen", S(SYS_listen, fd_, 1));
    print_rc("listen(s, 4)", S(SYS_listen, s, 4));
    print_rc("listen(s, -1) again", S(SYS_listen, s, -1));
    t = (int)S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    print_rc("listen(udp, 1)", S(SYS_listen, t, 1));
    S(SYS_close, t);
    S(SYS_close, s);

    /* Unix names */
    u1 = (int)S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    strcpy(u.sun_path, "sock");
    print_rc("bind(unix, \"sock\")", S(SYS_bind, u1, &u, sizeof(u)));
    t = (int)S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    print_rc("bind(unix, \"sock\") again", S(SYS_bind, t, &u, sizeof(u)));
    strcpy(u.sun_path, "nodir/sock");
    print_rc("bind(unix, \"nodir/sock\")", S(SYS_bind, t, &u, sizeof(u)));
    memset(u.sun_path, 'a', sizeof(u.sun_path));
    r = S(SYS_bind, t, &u, sizeof(u));
    print_rc("bind(unix, 108 bytes unterminated)", r);
    if (r == 0)
        unlink(u.sun_path);
    print_rc("bind(unix, family only)", S(SYS_bind, t, &u, sizeof(sa_family_t)));
    print_rc("bind(unix, length 1)", S(SYS_bind, t, &u, 1));
    S(SYS_close, t);
    print_rc("listen(unix, 0)", S(SYS_listen, u1, 0));
    S(SYS_close, u1);
    CHECK(unlink("sock") == 0);
    list_open_fds("open fds");
}

static void sec_connect_accept(void) {
    struct sockaddr_in a = loopback(0), peer;
    struct sockaddr_un u = {.sun_family = AF_UNIX};
    socklen_t len;
    int l, c, d, e, lu, cu;
    char buf[32];

    section("connect, accept");
    l = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    CHECK(S(SYS_bind, l, &a, sizeof(a)) == 0);
    a = loopback(port_of(l, false));
    /* a port nobody listens on: bound, never listening */
    c = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    print_rc("connect(to a bound port not listening)", S(SYS_connect, c, &a, sizeof(a)));
    S(SYS_close, c);
    CHECK(S(SYS_listen, l, 8) == 0);

    NOT_SOCKETS("connect", S(SYS_connect, fd_, &a, sizeof(a)));
    NOT_SOCKETS("connect((void*)1)", S(SYS_connect, fd_, BAD, sizeof(a)));
    NOT_SOCKETS("connect(length -1)", S(SYS_connect, fd_, &a, -1));
    NOT_SOCKETS("connect(length 129)", S(SYS_connect, fd_, &a, 129));
    c = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    print_rc("connect(c, (void*)1, 16)", S(SYS_connect, c, BAD, 16));
    print_rc("connect(c, half unmapped, 16)", S(SYS_connect, c, g_edge - 8, 16));
    print_rc("connect(c, &a, 0)", S(SYS_connect, c, &a, 0));
    print_rc("connect(c, &a, 4)", S(SYS_connect, c, &a, 4));
    print_rc("connect(c, listener)", S(SYS_connect, c, &a, sizeof(a)));
    print_rc("connect(c, listener) again", S(SYS_connect, c, &a, sizeof(a)));
    printf("  peer port is the listener's: %s\n", port_of(c, true) == port_of(l, false) ? "yes" : "no");

    NOT_SOCKETS("accept", S(SYS_accept, fd_, NULL, NULL));
    NOT_SOCKETS("accept4(bad flags)", S(SYS_accept4, fd_, NULL, NULL, 0x100000));
    print_rc("accept4(l, bad flags)", S(SYS_accept4, l, NULL, NULL, 0x100000));
    print_rc("accept4(l, O_RDWR)", S(SYS_accept4, l, NULL, NULL, O_RDWR));
    d = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    print_rc("accept(not listening)", S(SYS_accept, d, NULL, NULL));
    S(SYS_close, d);
    len = sizeof(peer);
    d = (int)print_rc("accept(l, &peer, &len)", S(SYS_accept, l, &peer, &len));
    printf("  len %u, family %d, port is c's: %s\n", len, peer.sin_family,
           ntohs(peer.sin_port) == port_of(c, false) ? "yes" : "no");
    fdstate("  accepted", d);
    print_rc("write(accepted)", S(SYS_write, d, "hello", 5));
    print_rc("recvfrom(c, 3)", S(SYS_recvfrom, c, buf, 3, 0, NULL, NULL));
    len = sizeof(peer);
    print_rc("recvfrom(c, with address)", S(SYS_recvfrom, c, buf, 2, 0, &peer, &len));
    printf("  len %u\n", len);
    print_rc("recvfrom(c, empty, MSG_DONTWAIT)", S(SYS_recvfrom, c, buf, 1, MSG_DONTWAIT, NULL, NULL));
    print_rc("sendto(c, with an address)", S(SYS_sendto, c, "x", 1, 0, &a, sizeof(a)));
    print_rc("sendto(c, (void*)1 buffer)", S(SYS_sendto, c, BAD, 1, 0, NULL, 0));
    print_rc("sendto(c, (void*)1 address, length 16)", S(SYS_sendto, c, "x", 1, 0, BAD, 16));
    print_rc("sendto(c, address length -1)", S(SYS_sendto, c, "x", 1, 0, &a, -1));
    print_rc("sendto(c, NULL address, length -1)", S(SYS_sendto, c, "y", 1, 0, NULL, -1));
    print_rc("recvfrom(accepted)", S(SYS_recvfrom, d, buf, sizeof(buf), 0, NULL, NULL));
    print_rc("recvfrom(accepted, (void*)1)", S(SYS_recvfrom, d, BAD, 1, MSG_DONTWAIT, NULL, NULL));

    /* a pending connection, taken with flags */
    e = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    CHECK(S(SYS_connect, e, &a, sizeof(a)) == 0);
    c = (int)print_rc("accept4(l, SOCK_CLOEXEC|SOCK_NONBLOCK)",
                      S(SYS_accept4, l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK));
    fdstate("  accepted", c);
    print_rc("recvfrom(nonblocking accepted)", S(SYS_recvfrom, c, buf, 1, 0, NULL, NULL));
    S(SYS_close, c);
    S(SYS_close, e);
    /* the peer's address cannot be written: the connection is lost */
    e = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    CHECK(S(SYS_connect, e, &a, sizeof(a)) == 0);
    len = sizeof(peer);
    print_rc("accept(l, (void*)1, &len)", S(SYS_accept, l, BAD, &len));
    S(SYS_close, e);
    e = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    CHECK(S(SYS_connect, e, &a, sizeof(a)) == 0);
    print_rc("accept(l, &peer, (void*)1)", S(SYS_accept, l, &peer, BAD));
    S(SYS_close, e);
    CHECK(fcntl(l, F_SETFL, O_NONBLOCK) == 0);
    print_rc("accept(nonblocking, nothing pending)", S(SYS_accept, l, NULL, NULL));
    S(SYS_close, l);

    /* Unix stream: a listener in the run directory */
    lu = (int)S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    strcpy(u.sun_path, "listener");
    cu = (int)S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    print_rc("connect(unix, no such name)", S(SYS_connect, cu, &u, sizeof(u)));
    CHECK(S(SYS_bind, lu, &u, sizeof(u)) == 0);
    print_rc("connect(unix, not listening)", S(SYS_connect, cu, &u, sizeof(u)));
    CHECK(S(SYS_listen, lu, 1) == 0);
    print_rc("connect(unix, \"listener\")", S(SYS_connect, cu, &u, sizeof(u)));
    memset(&u, 0, sizeof(u));
    len = sizeof(u);
    d = (int)print_rc("accept4(unix, &u, &len, SOCK_CLOEXEC)", S(SYS_accept4, lu, &u, &len, SOCK_CLOEXEC));
    printf("  len %u family %d\n", len, u.sun_family);
    fdstate("  accepted", d);
    len = sizeof(u);
    print_rc("getsockname(listener)", S(SYS_getsockname, lu, &u, &len));
    printf("  len %u \"%s\"\n", len, u.sun_path);
    len = sizeof(u);
    print_rc("getpeername(connected)", S(SYS_getpeername, cu, &u, &len));
    printf("  len %u \"%s\"\n", len, u.sun_path);
    len = sizeof(u);
    print_rc("getpeername(accepted)", S(SYS_getpeername, d, &u, &len));
    printf("  len %u\n", len);
    S(SYS_close, d);
    S(SYS_close, cu);
    S(SYS_close, lu);
    CHECK(unlink("listener") == 0);
    list_open_fds("open fds");
}

static void sec_names(void) {
    struct sockaddr_in a = loopback(0), b;
    socklen_t len;
    int s;

    section("getsockname, getpeername");
    s = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    NOT_SOCKETS("getsockname", S(SYS_getsockname, fd_, &b, &len));
    NOT_SOCKETS("getpeername", S(SYS_getpeername, fd_, &b, &len));
    len = sizeof(b);
    print_rc("getsockname(unbound)", S(SYS_getsockname, s, &b, &len));
    printf("  len %u family %d port %u\n", len, b.sin_family, ntohs(b.sin_port));
    print_rc("getsockname(s, &b, (void*)1)", S(SYS_getsockname, s, &b, BAD));
    print_rc("getsockname(s, (void*)1, (void*)1)", S(SYS_getsockname, s, BAD, BAD));
    len = (socklen_t)-1;
    print_rc("getsockname(s, &b, &-1)", S(SYS_getsockname, s, &b, &len));
    len = 0;
    print_rc("getsockname(s, (void*)1, &0)", S(SYS_getsockname, s, BAD, &len));
    printf("  len %u\n", len);
    len = 4;
    memset(&b, 0xff, sizeof(b));
    print_rc("getsockname(s, &b, &4)", S(SYS_getsockname, s, &b, &len));
    printf("  len %u family %d port %#x\n", len, b.sin_family, b.sin_port);
    len = sizeof(b);
    print_rc("getsockname(s, (void*)1, &16)", S(SYS_getsockname, s, BAD, &len));
    print_rc("getsockname(s, &b, read-only length)", S(SYS_getsockname, s, &b, g_ro));
    len = sizeof(b);
    print_rc("getpeername(unconnected)", S(SYS_getpeername, s, &b, &len));
    print_rc("getpeername(unconnected, (void*)1, (void*)1)", S(SYS_getpeername, s, BAD, BAD));
    CHECK(S(SYS_bind, s, &a, sizeof(a)) == 0);
    len = sizeof(b);
    print_rc("getsockname(bound)", S(SYS_getsockname, s, &b, &len));
    printf("  len %u family %d address %#x\n", len, b.sin_family, ntohl(b.sin_addr.s_addr));
    S(SYS_close, s);
}

static void sec_options(void) {
    int s, v, p[2];
    socklen_t len;
    struct linger lg = {1, 0};

    section("setsockopt, getsockopt, shutdown");
    s = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);
    v = 1;
    NOT_SOCKETS("setsockopt", S(SYS_setsockopt, fd_, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)));
    NOT_SOCKETS("setsockopt(length -1)", S(SYS_setsockopt, fd_, SOL_SOCKET, SO_REUSEADDR, &v, -1));
    NOT_SOCKETS("getsockopt", S(SYS_getsockopt, fd_, SOL_SOCKET, SO_TYPE, &v, &len));
    print_rc("setsockopt(SO_REUSEADDR, 1)", S(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)));
    len = sizeof(v);
    v = -1;
    print_rc("getsockopt(SO_REUSEADDR)", S(SYS_getsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, &len));
    printf("  value %d len %u\n", v, len);
    print_rc("setsockopt(length -1)", S(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, -1));
    print_rc("setsockopt(unknown level, length -1)", S(SYS_setsockopt, s, 9999, 1, &v, -1));
    print_rc("setsockopt(unknown level)", S(SYS_setsockopt, s, 9999, 1, &v, sizeof(v)));
    print_rc("setsockopt(SOL_SOCKET, unknown option)", S(SYS_setsockopt, s, SOL_SOCKET, 9999, &v, sizeof(v)));
    print_rc("setsockopt(SO_REUSEADDR, (void*)1)", S(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, BAD, sizeof(v)));
    print_rc("setsockopt(SO_REUSEADDR, length 2)", S(SYS_setsockopt, s, SOL_SOCKET, SO_REUSEADDR, &v, 2));
    print_rc("setsockopt(SO_LINGER)", S(SYS_setsockopt, s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)));
    v = 1;
    print_rc("setsockopt(TCP_NODELAY)", S(SYS_setsockopt, s, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v)));
    len = sizeof(v);
    print_rc("getsockopt(SO_TYPE)", S(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, &len));
    printf("  value %d len %u\n", v, len);
    len = 2;
    print_rc("getsockopt(SO_TYPE, len 2)", S(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, &len));
    printf("  len %u\n", len);
    print_rc("getsockopt(SO_TYPE, (void*)1 len)", S(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, BAD));
    len = (socklen_t)-1;
    print_rc("getsockopt(SO_TYPE, len -1)", S(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, &v, &len));
    len = sizeof(v);
    print_rc("getsockopt(SO_TYPE, (void*)1 value)", S(SYS_getsockopt, s, SOL_SOCKET, SO_TYPE, BAD, &len));
    print_rc("getsockopt(unknown level, (void*)1 len)", S(SYS_getsockopt, s, 9999, SO_TYPE, &v, BAD));
    len = sizeof(v);
    print_rc("getsockopt(SO_ERROR)", S(SYS_getsockopt, s, SOL_SOCKET, SO_ERROR, &v, &len));
    printf("  value %d\n", v);

    NOT_SOCKETS("shutdown", S(SYS_shutdown, fd_, SHUT_RDWR));
    NOT_SOCKETS("shutdown(how 9)", S(SYS_shutdown, fd_, 9));
    print_rc("shutdown(unconnected, SHUT_RD)", S(SYS_shutdown, s, SHUT_RD));
    print_rc("shutdown(s, 9)", S(SYS_shutdown, s, 9));
    print_rc("shutdown(s, -1)", S(SYS_shutdown, s, -1));
    S(SYS_close, s);
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, p) == 0);
    print_rc("shutdown(pair, SHUT_WR)", S(SYS_shutdown, p[0], SHUT_WR));
    print_rc("read(other end) at EOF", S(SYS_read, p[1], &v, 1));
    print_rc("shutdown(pair, SHUT_RDWR)", S(SYS_shutdown, p[0], SHUT_RDWR));
    signal(SIGPIPE, SIG_IGN);
    print_rc("sendto(shut down end)", S(SYS_sendto, p[0], "x", 1, 0, NULL, 0));
    signal(SIGPIPE, SIG_DFL);
    print_rc("shutdown(pair, 3)", S(SYS_shutdown, p[0], 3));
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);
    list_open_fds("open fds");
}

/* An accept that blocks while another process connects: the wait is the
 * thread's, not the tracer's. */
static void sec_blocking(void) {
    struct sockaddr_in a = loopback(0);
    int l, d;
    pid_t pid;
    char buf[8];

    section("blocking accept");
    l = (int)S(SYS_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(S(SYS_bind, l, &a, sizeof(a)) == 0);
    CHECK(S(SYS_listen, l, 1) == 0);
    a = loopback(port_of(l, false));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        int c = (int)S(SYS_socket, AF_INET, SOCK_STREAM, 0);

        /* let the parent block first, most of the time */
        usleep(100000);
        if (S(SYS_connect, c, &a, sizeof(a)) != 0 || S(SYS_sendto, c, "hi", 2, 0, NULL, 0) != 2)
            _exit(1);
        _exit(0);
    }
    d = (int)print_rc("accept(l) until the child connects", S(SYS_accept, l, NULL, NULL));
    print_rc("recvfrom(accepted, MSG_WAITALL)", S(SYS_recvfrom, d, buf, 2, MSG_WAITALL, NULL, NULL));
    show_bytes("  got", buf, 2);
    wait_child(pid);
    S(SYS_close, d);
    S(SYS_close, l);
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    make_file("file", "data\n");
    g_file = open("file", O_RDWR);
    CHECK(g_file >= 0 && pipe(g_pipe) == 0);
    g_opath = open(".", O_PATH);
    g_anon = (int)S(SYS_eventfd2, 0, 0);
    CHECK(g_opath >= 0 && g_anon >= 0);
    list_open_fds("open fds at start");
    sec_socketpair();
    sec_bind_listen();
    sec_connect_accept();
    sec_names();
    sec_options();
    sec_blocking();
    return 0;
}

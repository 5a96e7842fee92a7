/*
 * shim-net-msg.c: the socket calls of messages: sendto, recvfrom,
 * sendmsg, recvmsg, sendmmsg, recvmmsg, over Unix datagram sockets (named
 * and unnamed), UDP on 127.0.0.1 and stream pairs, with descriptors
 * passed in SCM_RIGHTS messages and used by the receiver; their errors,
 * in the kernel's order (tests/integration/shim-net.test).  Uses the
 * shim-fd helpers (shim-fd.h).
 */
#include "shim-fd.h"

#include <netinet/in.h>
#include <sys/un.h>

#ifndef MSG_CMSG_COMPAT
#define MSG_CMSG_COMPAT 0x80000000U
#endif

static int g_file, g_pipe[2], g_opath;

/* The descriptors that are not sockets: CALL(fd) for each, printed. */
#define NOT_SOCKETS(what, call)                                           \
    do {                                                                  \
        long fd_;                                                         \
        const long fds_[] = {CLOSED_FD, -1, HUGE_FD, g_file, g_pipe[1],   \
                             g_opath, 0};                                 \
        const char* names_[] = {"closed", "-1", "huge", "file", "pipe",   \
                                "O_PATH", "stdin"};                       \
        for (size_t i_ = 0; i_ < sizeof(fds_) / sizeof(fds_[0]); i_++) {  \
            char w_[128];                                                 \
            fd_ = fds_[i_];                                               \
            snprintf(w_, sizeof(w_), "%s(%s)", what, names_[i_]);         \
            print_rc(w_, (call));                                         \
        }                                                                 \
    } while (0)

static void sec_dgram(void) {
    struct sockaddr_un a = {.sun_family = AF_UNIX}, b = {.sun_family = AF_UNIX}, from;
    struct sockaddr_in in = {.sin_family = AF_INET}, in2;
    socklen_t len;
    int x, y, u, v;
    char buf[64];

    section("datagrams: sendto, recvfrom");
    x = (int)S(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
    y = (int)S(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
    strcpy(a.sun_path, "x.sock");
    strcpy(b.sun_path, "y.sock");
    CHECK(S(SYS_bind, x, &a, sizeof(a)) == 0 && S(SYS_bind, y, &b, sizeof(b)) == 0);
    NOT_SOCKETS("sendto", S(SYS_sendto, fd_, "x", 1, 0, &b, sizeof(b)));
    NOT_SOCKETS("sendto((void*)1 address)", S(SYS_sendto, fd_, "x", 1, 0, BAD, sizeof(b)));
    NOT_SOCKETS("sendto(kernel buffer)", S(SYS_sendto, fd_, KADDR, 1, 0, &b, sizeof(b)));
    NOT_SOCKETS("recvfrom", S(SYS_recvfrom, fd_, buf, 1, MSG_DONTWAIT, NULL, NULL));
    NOT_SOCKETS("recvfrom(kernel buffer)", S(SYS_recvfrom, fd_, KADDR, 1, MSG_DONTWAIT, NULL, NULL));
    print_rc("sendto(x, \"one\", to y)", S(SYS_sendto, x, "one", 3, 0, &b, sizeof(b)));
    print_rc("sendto(x, to \"y.\" (address length 4))", S(SYS_sendto, x, "two", 3, 0, &b, 2 + 2));
    print_rc("sendto(x, \"two\", to y)", S(SYS_sendto, x, "two", 3, 0, &b, sizeof(b)));
    print_rc("sendto(x, no address)", S(SYS_sendto, x, "x", 1, 0, NULL, 0));
    print_rc("sendto(x, address length -1)", S(SYS_sendto, x, "x", 1, 0, &b, -1));
    print_rc("sendto(x, address length 129)", S(SYS_sendto, x, "x", 1, 0, &b, 129));
    print_rc("sendto(x, (void*)1 address)", S(SYS_sendto, x, "x", 1, 0, BAD, sizeof(b)));
    print_rc("sendto(x, half unmapped address)", S(SYS_sendto, x, "x", 1, 0, g_edge - 4, sizeof(b)));
    print_rc("sendto(x, (void*)1 buffer)", S(SYS_sendto, x, BAD, 1, 0, &b, sizeof(b)));
    print_rc("sendto(x, kernel buffer)", S(SYS_sendto, x, KADDR, 1, 0, &b, sizeof(b)));
    print_rc("sendto(x, buffer to the top)", S(SYS_sendto, x, (void*)0x7ffffffff000UL, 4096, 0, &b, sizeof(b)));
    /* a buffer far below the top of user space: the length is the
     * socket's to refuse */
    print_rc("sendto(x, huge length)", S(SYS_sendto, x, (void*)EDGE_AREA, (size_t)-1, 0, &b, sizeof(b)));
    len = sizeof(from);
    memset(&from, 0, sizeof(from));
    print_rc("recvfrom(y, &from, &len)", S(SYS_recvfrom, y, buf, sizeof(buf), 0, &from, &len));
    printf("  len %u from \"%s\"\n", len, from.sun_path);
    show_bytes("  got", buf, 3);
    print_rc("recvfrom(y, short buffer, MSG_TRUNC)", S(SYS_recvfrom, y, buf, 1, MSG_TRUNC | MSG_DONTWAIT, NULL, NULL));
    print_rc("recvfrom(y, empty, MSG_DONTWAIT)", S(SYS_recvfrom, y, buf, 1, MSG_DONTWAIT, NULL, NULL));
    CHECK(S(SYS_sendto, x, "three", 5, 0, &b, sizeof(b)) == 5);
    len = sizeof(from);
    print_rc("recvfrom(y, (void*)1 buffer)", S(SYS_recvfrom, y, BAD, 5, MSG_DONTWAIT, &from, &len));
    CHECK(S(SYS_sendto, x, "four", 4, 0, &b, sizeof(b)) == 4);
    print_rc("recvfrom(y, &from, (void*)1 length)", S(SYS_recvfrom, y, buf, 5, MSG_DONTWAIT, &from, BAD));
    CHECK(S(SYS_sendto, x, "five", 4, 0, &b, sizeof(b)) == 4);
    len = (socklen_t)-1;
    print_rc("recvfrom(y, &from, &-1)", S(SYS_recvfrom, y, buf, 5, MSG_DONTWAIT, &from, &len));
    print_rc("recvfrom(y, kernel buffer)", S(SYS_recvfrom, y, KADDR, 5, MSG_DONTWAIT, NULL, NULL));
    print_rc("recvfrom(y, empty, MSG_DONTWAIT) at last", S(SYS_recvfrom, y, buf, 1, MSG_DONTWAIT, NULL, NULL));
    S(SYS_close, x);
    S(SYS_close, y);
    CHECK(unlink("x.sock") == 0 && unlink("y.sock") == 0);

    /* UDP on the loopback */
    u = (int)S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    v = (int)S(SYS_socket, AF_INET, SOCK_DGRAM, 0);
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(S(SYS_bind, v, &in, sizeof(in)) == 0);
    len = sizeof(in);
    CHECK(S(SYS_getsockname, v, &in, &len) == 0);
    print_rc("sendto(udp, to v)", S(SYS_sendto, u, "udp", 3, 0, &in, sizeof(in)));
    print_rc("sendto(udp, address length 8)", S(SYS_sendto, u, "udp", 3, 0, &in, 8));
    len = sizeof(in2);
    print_rc("recvfrom(v, &from, &len)", S(SYS_recvfrom, v, buf, sizeof(buf), 0, &in2, &len));
    printf("  len %u family %d address %#x\n", len, in2.sin_family, ntohl(in2.sin_addr.s_addr));
    print_rc("connect(u, v)", S(SYS_connect, u, &in, sizeof(in)));
    print_rc("sendto(connected udp, no address)", S(SYS_sendto, u, "again", 5, 0, NULL, 0));
    print_rc("recvfrom(v)", S(SYS_recvfrom, v, buf, sizeof(buf), 0, NULL, NULL));
    S(SYS_close, u);
    S(SYS_close, v);
    list_open_fds("open fds");
}

/* Send FD over SOCK with DATA. */
static long send_fd(int sock, int fd, const char* data, unsigned int flags) {
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int))];
    } ctl;
    char copy[16];
    struct iovec iov = {copy, strlen(data)};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                       .msg_controllen = sizeof(ctl.buf)};
    struct cmsghdr* c = CMSG_FIRSTHDR(&m);

    CHECK(strlen(data) < sizeof(copy));
    strcpy(copy, data);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    return S(SYS_sendmsg, sock, &m, flags);
}

/* Receive a message on SOCK with FLAGS: the descriptor it brought, or -1. */
static int recv_fd(const char* what, int sock, unsigned int flags) {
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int) * 2)];
    } ctl;
    char data[16];
    struct iovec iov = {data, sizeof(data)};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                       .msg_controllen = sizeof(ctl.buf)};
    struct cmsghdr* c;
    int fd = -1;
    long n = print_rc(what, S(SYS_recvmsg, sock, &m, flags));

    if (n < 0)
        return -1;
    show_bytes("  data", data, n);
    printf("  controllen %zu flags %#x\n", (size_t)m.msg_controllen, m.msg_flags);
    for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            memcpy(&fd, CMSG_DATA(c), sizeof(int));
            printf("  SCM_RIGHTS: fd %d\n", fd);
        }
    return fd;
}

/* copy_msghdr_from_user()'s checks, one bad field at a time and two at
 * once, on the stream pair SV. */
static void sec_msghdr(const int* sv) {
    char buf[16], name[256];
    struct iovec iov = {buf, sizeof(buf)};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
    struct sockaddr_un* u = (struct sockaddr_un*)name;
    struct msghdr* edge = (struct msghdr*)(g_edge - sizeof(m) + 8);

    memset(name, 0, sizeof(name));
    memset(buf, 'b', sizeof(buf));
    u->sun_family = AF_UNIX;
    strcpy(u->sun_path, "nowhere");
    NOT_SOCKETS("sendmsg(name length -1)", S(SYS_sendmsg, fd_, &(struct msghdr){.msg_name = name, .msg_namelen = -1U}, 0));
    print_rc("sendmsg(sv0, header half unmapped)", S(SYS_sendmsg, sv[0], edge, 0));
    print_rc("recvmsg(sv1, header half unmapped)", S(SYS_recvmsg, sv[1], edge, MSG_DONTWAIT));
    m.msg_name = name;
    m.msg_namelen = -1U;
    print_rc("sendmsg(sv0, name length -1)", S(SYS_sendmsg, sv[0], &m, 0));
    print_rc("recvmsg(sv1, name length -1)", S(SYS_recvmsg, sv[1], &m, MSG_DONTWAIT));
    m.msg_iovlen = 1025;
    print_rc("sendmsg(sv0, name length -1, 1025 iovecs)", S(SYS_sendmsg, sv[0], &m, 0));
    m.msg_name = NULL;
    print_rc("sendmsg(sv0, no name, length -1, 1025 iovecs)", S(SYS_sendmsg, sv[0], &m, 0));
    print_rc("recvmsg(sv1, 1025 iovecs)", S(SYS_recvmsg, sv[1], &m, MSG_DONTWAIT));
    m.msg_iovlen = 1;
    m.msg_name = BAD;
    m.msg_namelen = 16;
    print_rc("sendmsg(sv0, (void*)1 name)", S(SYS_sendmsg, sv[0], &m, 0));
    m.msg_iovlen = 1025;
    print_rc("sendmsg(sv0, (void*)1 name, 1025 iovecs)", S(SYS_sendmsg, sv[0], &m, 0));
    m.msg_iovlen = 1;
    m.msg_name = g_edge - 64;
    m.msg_namelen = 200;
    print_rc("sendmsg(sv0, name length 200 clamped, into a hole)", S(SYS_sendmsg, sv[0], &m, 0));
    m.msg_name = name;
    print_rc("sendmsg(sv0, name length 200)", S(SYS_sendmsg, sv[0], &m, 0));
    m.msg_namelen = 0;
    print_rc("sendmsg(sv0, name length 0)", S(SYS_sendmsg, sv[0], &m, 0));
    m.msg_name = BAD;
    m.msg_namelen = 16;
    iov.iov_len = 2;
    print_rc("recvmsg(sv1, (void*)1 name)", S(SYS_recvmsg, sv[1], &m, MSG_DONTWAIT));
    m.msg_name = NULL;
    iov.iov_len = sizeof(buf);
    print_rc("recvmsg(sv1) the rest", S(SYS_recvmsg, sv[1], &m, MSG_DONTWAIT));
    iov.iov_base = BAD;
    print_rc("sendmsg(sv0, (void*)1 iovec base)", S(SYS_sendmsg, sv[0], &m, 0));
    m.msg_iov = BAD;
    print_rc("sendmsg(sv0, (void*)1 iovecs)", S(SYS_sendmsg, sv[0], &m, 0));
    print_rc("recvmsg(sv1, (void*)1 iovecs)", S(SYS_recvmsg, sv[1], &m, MSG_DONTWAIT));
}

static void sec_msg(void) {
    int sv[2], fd, p[2];
    char buf[16];
    struct iovec iov = {buf, sizeof(buf)};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};

    section("sendmsg, recvmsg, SCM_RIGHTS");
    CHECK(S(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    NOT_SOCKETS("sendmsg", S(SYS_sendmsg, fd_, &m, 0));
    NOT_SOCKETS("sendmsg(MSG_CMSG_COMPAT)", S(SYS_sendmsg, fd_, &m, MSG_CMSG_COMPAT));
    NOT_SOCKETS("sendmsg((void*)1)", S(SYS_sendmsg, fd_, BAD, 0));
    NOT_SOCKETS("recvmsg", S(SYS_recvmsg, fd_, &m, MSG_DONTWAIT));
    NOT_SOCKETS("recvmsg(MSG_CMSG_COMPAT)", S(SYS_recvmsg, fd_, &m, MSG_CMSG_COMPAT));
    print_rc("sendmsg(sv0, (void*)1)", S(SYS_sendmsg, sv[0], BAD, 0));
    print_rc("sendmsg(sv0, half unmapped)", S(SYS_sendmsg, sv[0], g_edge - 8, 0));
    print_rc("sendmsg(sv0, MSG_CMSG_COMPAT)", S(SYS_sendmsg, sv[0], &m, MSG_CMSG_COMPAT));
    print_rc("recvmsg(sv1, (void*)1)", S(SYS_recvmsg, sv[1], BAD, 0));
    print_rc("recvmsg(sv1, MSG_CMSG_COMPAT)", S(SYS_recvmsg, sv[1], &m, MSG_CMSG_COMPAT));
    print_rc("recvmsg(sv1, empty, MSG_DONTWAIT)", S(SYS_recvmsg, sv[1], &m, MSG_DONTWAIT));
    sec_msghdr(sv);

    /* a pipe's read end, passed and used */
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], "through", 7) == 7);
    print_rc("sendmsg(sv0, SCM_RIGHTS pipe read end)", send_fd(sv[0], p[0], "fd", 0));
    S(SYS_close, p[0]);
    fd = recv_fd("recvmsg(sv1)", sv[1], 0);
    fdstate("  received", fd);
    print_rc("read(received)", S(SYS_read, fd, buf, sizeof(buf)));
    show_bytes("  got", buf, 7);
    print_rc("write(received read end)", S(SYS_write, fd, "x", 1));
    print_rc("close(received)", S(SYS_close, fd));
    S(SYS_close, p[1]);
    /* with MSG_CMSG_CLOEXEC, a file opened for writing only */
    CHECK(send_fd(sv[0], g_file, "f", 0) == 1);
    fd = recv_fd("recvmsg(sv1, MSG_CMSG_CLOEXEC)", sv[1], MSG_CMSG_CLOEXEC);
    fdstate("  received", fd);
    print_rc("bind(received file)", S(SYS_bind, fd, BAD, 16));
    print_rc("pread64(received file)", S(SYS_pread64, fd, buf, 4, 0));
    S(SYS_close, fd);
    /* a socket passed over itself: a socket the receiver never made */
    CHECK(send_fd(sv[0], sv[0], "s", 0) == 1);
    fd = recv_fd("recvmsg(sv1, a socket)", sv[1], 0);
    print_rc("shutdown(received socket, 9)", S(SYS_shutdown, fd, 9));
    print_rc("sendto(received socket)", S(SYS_sendto, fd, "back", 4, 0, NULL, 0));
    print_rc("recvfrom(sv1)", S(SYS_recvfrom, sv[1], buf, sizeof(buf), 0, NULL, NULL));
    S(SYS_close, fd);
    /* a control buffer too short: the descriptor is dropped */
    CHECK(send_fd(sv[0], g_pipe[0], "t", 0) == 1);
    m.msg_control = buf;
    m.msg_controllen = 4;
    print_rc("recvmsg(sv1, control buffer of 4)", S(SYS_recvmsg, sv[1], &m, 0));
    printf("  controllen %zu flags %#x\n", (size_t)m.msg_controllen, m.msg_flags);
    /* sending a closed descriptor */
    print_rc("sendmsg(SCM_RIGHTS of a closed fd)", send_fd(sv[0], CLOSED_FD, "c", 0));
    print_rc("sendmsg(SCM_RIGHTS of an O_PATH fd)", send_fd(sv[0], g_opath, "o", 0));
    fd = recv_fd("recvmsg(sv1, O_PATH)", sv[1], MSG_DONTWAIT);
    fdstate("  received", fd);
    print_rc("fchdir(received O_PATH)", S(SYS_fchdir, fd));
    if (fd >= 0)
        S(SYS_close, fd);
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);
    list_open_fds("open fds");
}

static void sec_mmsg(void) {
    int sv[2];
    char b0[8], b1[8], b2[8];
    struct iovec iov[3] = {{b0, sizeof(b0)}, {b1, sizeof(b1)}, {b2, sizeof(b2)}};
    struct mmsghdr mm[3];
    char o0[] = "m0", o1[] = "m1.", o2[] = "m2..";
    struct iovec out[3] = {{o0, 2}, {o1, 3}, {o2, 4}};
    struct timespec ts = {0, 1000000}, bad_ts = {0, 1000000000};

    section("sendmmsg, recvmmsg");
    memset(mm, 0, sizeof(mm));
    for (int i = 0; i < 3; i++) {
        mm[i].msg_hdr.msg_iov = &out[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    CHECK(S(SYS_socketpair, AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    NOT_SOCKETS("sendmmsg", S(SYS_sendmmsg, fd_, mm, 1, 0));
    NOT_SOCKETS("sendmmsg(MSG_CMSG_COMPAT)", S(SYS_sendmmsg, fd_, mm, 1, MSG_CMSG_COMPAT));
    NOT_SOCKETS("sendmmsg(vlen 0)", S(SYS_sendmmsg, fd_, mm, 0, 0));
    NOT_SOCKETS("recvmmsg", S(SYS_recvmmsg, fd_, mm, 1, MSG_DONTWAIT, NULL));
    NOT_SOCKETS("recvmmsg((void*)1 timeout)", S(SYS_recvmmsg, fd_, mm, 1, 0, BAD));
    NOT_SOCKETS("recvmmsg(invalid timeout)", S(SYS_recvmmsg, fd_, mm, 1, 0, &bad_ts));
    NOT_SOCKETS("recvmmsg(MSG_CMSG_COMPAT)", S(SYS_recvmmsg, fd_, mm, 1, MSG_CMSG_COMPAT, BAD));
    print_rc("sendmmsg(sv0, 3)", S(SYS_sendmmsg, sv[0], mm, 3, 0));
    for (int i = 0; i < 3; i++)
        printf("  msg_len[%d] %u\n", i, mm[i].msg_len);
    print_rc("sendmmsg(sv0, vlen 0)", S(SYS_sendmmsg, sv[0], BAD, 0, 0));
    print_rc("sendmmsg(sv0, (void*)1)", S(SYS_sendmmsg, sv[0], BAD, 1, 0));
    print_rc("sendmmsg(sv0, MSG_CMSG_COMPAT)", S(SYS_sendmmsg, sv[0], mm, 1, MSG_CMSG_COMPAT));
    for (int i = 0; i < 3; i++) {
        mm[i].msg_hdr.msg_iov = &iov[i];
        mm[i].msg_len = 0;
    }
    print_rc("recvmmsg(sv1, 2, (void*)1 timeout)", S(SYS_recvmmsg, sv[1], mm, 2, 0, BAD));
    print_rc("recvmmsg(sv1, 2, invalid timeout)", S(SYS_recvmmsg, sv[1], mm, 2, 0, &bad_ts));
    print_rc("recvmmsg(sv1, MSG_CMSG_COMPAT)", S(SYS_recvmmsg, sv[1], mm, 2, MSG_CMSG_COMPAT, NULL));
    print_rc("recvmmsg(sv1, vlen 0)", S(SYS_recvmmsg, sv[1], BAD, 0, 0, NULL));
    print_rc("recvmmsg(sv1, 2)", S(SYS_recvmmsg, sv[1], mm, 2, 0, &ts));
    for (int i = 0; i < 2; i++)
        show_bytes("  got", i ? b1 : b0, mm[i].msg_len);
    print_rc("recvmmsg(sv1, 3, MSG_DONTWAIT)", S(SYS_recvmmsg, sv[1], mm, 3, MSG_DONTWAIT, NULL));
    show_bytes("  got", b0, mm[0].msg_len);
    print_rc("recvmmsg(sv1, empty, MSG_DONTWAIT)", S(SYS_recvmmsg, sv[1], mm, 1, MSG_DONTWAIT, NULL));
    print_rc("recvmmsg(sv1, (void*)1, MSG_DONTWAIT)", S(SYS_recvmmsg, sv[1], BAD, 1, MSG_DONTWAIT, NULL));
    S(SYS_close, sv[0]);
    S(SYS_close, sv[1]);
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    make_file("file", "data\n");
    g_file = open("file", O_WRONLY);
    CHECK(g_file >= 0 && pipe(g_pipe) == 0);
    g_opath = open(".", O_PATH);
    CHECK(g_opath >= 0);
    list_open_fds("open fds at start");
    sec_dgram();
    sec_msg();
    sec_mmsg();
    return 0;
}

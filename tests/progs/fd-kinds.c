/*
 * fd-kinds.c: a descriptor of each kind that strace -yy describes, and
 * what it should print for each, from the kernel's own answers.
 *
 *   fd-kinds SET
 *
 * Opens a pipe, a connected pair of UNIX sockets, a bound UNIX socket
 * (in the current directory), a listening and a connected TCP socket on
 * the loopback, an unbound UDP and TCPv6 socket, a bound and an unbound
 * netlink socket, an eventfd, an epoll, a timerfd, a signalfd, a pidfd,
 * a regular file (also in the current directory) and /dev/null; then calls fcntl(FD, F_GETFD) on each and
 * faccessat(AT_FDCWD, ".") once.  On stdout, one line per call: what
 * strace --decode-fds=SET prints for its first argument ("3<pipe:[1234]>",
 * "AT_FDCWD</tmp/d>"), computed from fstat, getsockname, getpeername,
 * the socket's protocol name (the system.sockprotoname attribute),
 * readlink and getcwd.  SET is a list of path, socket, dev and pidfd, or
 * none.  A descriptor takes the first of socket, dev, pidfd that applies
 * and is in SET, else its path if path is, as strace does.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "tests.h"

static bool g_path, g_socket, g_dev, g_pidfd;

static void proc_fd(int fd, char* buf, size_t size) {
    char link[64];
    ssize_t n;

    snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
    n = readlink(link, buf, size - 1);
    CHECK(n > 0);
    buf[n] = '\0';
}

static unsigned long inode_of(int fd) {
    struct stat st;

    CHECK(fstat(fd, &st) == 0);
    return (unsigned long)st.st_ino;
}

/* "127.0.0.1:80" or "[::1]:80" */
static void endpoint(const struct sockaddr_storage* ss, char* buf, size_t size) {
    char addr[INET6_ADDRSTRLEN];

    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in* in = (const void*)ss;

        inet_ntop(AF_INET, &in->sin_addr, addr, sizeof(addr));
        snprintf(buf, size, "%s:%u", addr, ntohs(in->sin_port));
    } else {
        const struct sockaddr_in6* in6 = (const void*)ss;

        inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof(addr));
        snprintf(buf, size, "[%s]:%u", addr, ntohs(in6->sin6_port));
    }
}

/* What strace's socket decoding says of FD; PEER_FD is the other end of
 * a UNIX pair (or -1). */
static void socket_text(int fd, int peer_fd, bool bound, char* buf, size_t size) {
    char proto[64], path[PATH_MAX];
    ssize_t n;
    unsigned long ino = inode_of(fd);

    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    n = getxattr(path, "system.sockprotoname", proto, sizeof(proto) - 1);
    CHECK(n > 0);
    proto[n] = '\0';
    if (!strncmp(proto, "UNIX", 4)) {
        struct sockaddr_un sun;
        socklen_t len = sizeof(sun);

        CHECK(getsockname(fd, (struct sockaddr*)&sun, &len) == 0);
        if (peer_fd >= 0)
            snprintf(buf, size, "%s:[%lu->%lu]", proto, ino, inode_of(peer_fd));
        else if (len > sizeof(sa_family_t))
            snprintf(buf, size, "%s:[%lu,\"%s\"]", proto, ino, sun.sun_path);
        else
            snprintf(buf, size, "%s:[%lu]", proto, ino);
    } else if (!strcmp(proto, "NETLINK")) {
        struct sockaddr_nl nl;
        socklen_t len = sizeof(nl);

        CHECK(getsockname(fd, (struct sockaddr*)&nl, &len) == 0);
        if (bound) /* the only one bound is a NETLINK_ROUTE socket */
            snprintf(buf, size, "%s:[ROUTE:%u]", proto, nl.nl_pid);
        else
            snprintf(buf, size, "%s:[%lu]", proto, ino);
    } else if (bound) {
        struct sockaddr_storage self, peer;
        socklen_t len = sizeof(self);
        char a[128], b[128];

        CHECK(getsockname(fd, (struct sockaddr*)&self, &len) == 0);
        endpoint(&self, a, sizeof(a));
        len = sizeof(peer);
        if (getpeername(fd, (struct sockaddr*)&peer, &len) == 0) {
            endpoint(&peer, b, sizeof(b));
            snprintf(buf, size, "%s:[%s->%s]", proto, a, b);
        } else {
            snprintf(buf, size, "%s:[%s]", proto, a);
        }
    } else {
        /* not in the host's socket tables until bound */
        snprintf(buf, size, "%s:[%lu]", proto, ino);
    }
}

/* The expectation for FD, then the call (the names here need no escaping) */
static void show(int fd, int peer_fd, bool bound) {
    char path[PATH_MAX], text[PATH_MAX + 256];
    struct stat st;

    proc_fd(fd, path, sizeof(path));
    CHECK(fstat(fd, &st) == 0);
    if (g_socket && !strncmp(path, "socket:[", 8)) {
        socket_text(fd, peer_fd, bound, text, sizeof(text));
        printf("%d<%s>\n", fd, text);
    } else if (g_dev && path[0] == '/' && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
        printf("%d<%s<%s %u:%u>>\n", fd, path, S_ISBLK(st.st_mode) ? "block" : "char",
               major(st.st_rdev), minor(st.st_rdev));
    } else if (g_pidfd && !strcmp(path, "anon_inode:[pidfd]")) {
        printf("%d<pid:%d>\n", fd, getpid());
    } else if (g_path) {
        printf("%d<%s>\n", fd, path);
    } else {
        printf("%d\n", fd);
    }
    fflush(stdout);
    fcntl(fd, F_GETFD);
}

int main(int argc, char** argv) {
    struct sockaddr_in lo = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    struct sockaddr_un sun = {.sun_family = AF_UNIX, .sun_path = "fd-kinds.sock"};
    struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
    socklen_t len = sizeof(lo);
    int p[2], pair[2], lis, conn, udp, tcp6, nlb, nlu, us, efd, ep, tfd, sfd, pfd, file, null;
    char cwd[PATH_MAX];
    sigset_t mask;

    if (argc != 2) {
        fprintf(stderr, "usage: fd-kinds path,socket,dev,pidfd|none\n");
        return 99;
    }
    g_path = strstr(argv[1], "path");
    g_socket = strstr(argv[1], "socket");
    g_dev = strstr(argv[1], "dev");
    g_pidfd = strstr(argv[1], "pidfd");

    CHECK(pipe(p) == 0);
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
    CHECK((us = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0);
    unlink(sun.sun_path);
    CHECK(bind(us, (struct sockaddr*)&sun, sizeof(sun)) == 0);
    CHECK((lis = socket(AF_INET, SOCK_STREAM, 0)) >= 0);
    CHECK(bind(lis, (struct sockaddr*)&lo, sizeof(lo)) == 0 && listen(lis, 1) == 0);
    CHECK(getsockname(lis, (struct sockaddr*)&lo, &len) == 0);
    CHECK((conn = socket(AF_INET, SOCK_STREAM, 0)) >= 0);
    CHECK(connect(conn, (struct sockaddr*)&lo, sizeof(lo)) == 0);
    CHECK((udp = socket(AF_INET, SOCK_DGRAM, 0)) >= 0);
    tcp6 = socket(AF_INET6, SOCK_STREAM, 0);
    CHECK((nlb = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)) >= 0);
    CHECK(bind(nlb, (struct sockaddr*)&nl, sizeof(nl)) == 0);
    CHECK((nlu = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)) >= 0);
    CHECK((efd = eventfd(0, 0)) >= 0);
    CHECK((ep = epoll_create1(0)) >= 0);
    CHECK((tfd = timerfd_create(CLOCK_MONOTONIC, 0)) >= 0);
    sigemptyset(&mask);
    CHECK((sfd = signalfd(-1, &mask, 0)) >= 0);
    CHECK((pfd = (int)syscall(SYS_pidfd_open, getpid(), 0)) >= 0);
    CHECK((file = open("fd-kinds.file", O_RDWR | O_CREAT | O_TRUNC, 0600)) >= 0);
    CHECK((null = open("/dev/null", O_RDONLY)) >= 0);

    show(p[0], -1, false);
    show(p[1], -1, false);
    show(pair[0], pair[1], false);
    show(pair[1], pair[0], false);
    show(us, -1, true);
    show(lis, -1, true);
    show(conn, -1, true);
    show(udp, -1, false);
    if (tcp6 >= 0) /* a kernel without IPv6 has none */
        show(tcp6, -1, false);
    show(nlb, -1, true);
    show(nlu, -1, false);
    show(efd, -1, false);
    show(ep, -1, false);
    show(tfd, -1, false);
    show(sfd, -1, false);
    show(pfd, -1, false);
    show(file, -1, false);
    show(null, -1, false);

    CHECK(getcwd(cwd, sizeof(cwd)));
    printf(g_path ? "AT_FDCWD<%s>\n" : "AT_FDCWD\n", cwd);
    fflush(stdout);
    syscall(SYS_faccessat, AT_FDCWD, ".", F_OK);
    unlink(sun.sun_path);
    unlink("fd-kinds.file");
    return 0;
}

/*
 * sockopt.c: setsockopt(2) and getsockopt(2) on AF_INET and AF_UNIX
 * sockets.  Covers levels (SOL_SOCKET, SOL_IP, SOL_TCP; unknown ones in hex
 * with strace's comment "SOL_??", two question marks) and option names
 * (unknown ones in hex with the comment "SO_???"), integer values ([N] when
 * the length holds an int, else an address for setsockopt and the returned
 * bytes in hex for getsockopt, an address for length 0), the length given
 * and returned ([8 => 4]), struct linger (partly, with the bytes of a
 * partial field in hex, when the length is short), struct ucred of
 * SO_PEERCRED (partly too), SO_BINDTODEVICE's name, the values of SO_TYPE,
 * SO_DOMAIN, SO_PROTOCOL, SO_ERROR, SO_ACCEPTCONN, SO_REUSEADDR and
 * SO_KEEPALIVE, buffer sizes as the kernel gives them, and the failures
 * EINVAL, ENOPROTOOPT, EOPNOTSUPP, ENOTSOCK, EBADF and EFAULT.
 */
#include "trace-sys.h"

#include <netinet/tcp.h>

static const struct xlat levels[] = {
    { SOL_SOCKET, "SOL_SOCKET" },
    { SOL_IP, "SOL_IP" },
    { SOL_TCP, "SOL_TCP" },
    XLAT_END,
};

static const struct xlat socket_options[] = {
    XLAT(SO_REUSEADDR),  XLAT(SO_TYPE),     XLAT(SO_ERROR),     XLAT(SO_BROADCAST),
    XLAT(SO_SNDBUF),     XLAT(SO_RCVBUF),   XLAT(SO_KEEPALIVE), XLAT(SO_LINGER),
    XLAT(SO_PASSCRED),   XLAT(SO_PEERCRED), XLAT(SO_RCVLOWAT),  XLAT(SO_BINDTODEVICE),
    XLAT(SO_ACCEPTCONN), XLAT(SO_PROTOCOL), XLAT(SO_DOMAIN),    XLAT_END,
};

static const struct xlat tcp_options[] = { XLAT(TCP_NODELAY), XLAT(TCP_KEEPIDLE), XLAT_END };

static const struct xlat ip_options[] = { XLAT(IP_TOS), XLAT(IP_TTL), XLAT_END };

static const char* slevel(int level) {
    return sxval(levels, (unsigned int)level, "SOL_??");
}

static const char* soption(int level, int name) {
    switch (level) {
    case SOL_SOCKET:
        return sxval(socket_options, (unsigned int)name, "SO_???");
    case SOL_TCP:
        return sxval(tcp_options, (unsigned int)name, "TCP_???");
    case SOL_IP:
        return sxval(ip_options, (unsigned int)name, "IP_???");
    default:
        return xasprintf("%d", name);
    }
}

/* The first LEN bytes of a field: the value when they are all of it,
 * else the bytes in hex. */
static const char* sfield(const void* p, size_t len, size_t size) {
    int v;

    if (len < size)
        return shex(p, len, len);
    memcpy(&v, p, sizeof(v));
    return xasprintf("%d", v);
}

/* An option's value of LEN bytes at VAL.  SETTING: setsockopt's, printed
 * as an address when too short for the option's type. */
static const char* svalue(int level, int name, const void* val, socklen_t len, int setting) {
    if (!val)
        return "NULL";
    if (!mapped(val) || len == 0)
        return sptr(val);
    if (level == SOL_SOCKET && name == SO_LINGER) {
        const struct linger* l = val;

        if (setting && len < sizeof(*l))
            return sptr(val);
        if (len <= sizeof(int))
            return xasprintf("{l_onoff=%s}", sfield(&l->l_onoff, len, sizeof(int)));
        return xasprintf("{l_onoff=%d, l_linger=%s}", l->l_onoff,
                         sfield(&l->l_linger, len - sizeof(int), sizeof(int)));
    }
    if (level == SOL_SOCKET && name == SO_PEERCRED) {
        const struct ucred* c = val;

        if (len <= sizeof(int))
            return xasprintf("{pid=%s}", sfield(&c->pid, len, sizeof(int)));
        if (len <= 2 * sizeof(int))
            return xasprintf("{pid=%d, uid=%s}", c->pid,
                             sfield(&c->uid, len - sizeof(int), sizeof(int)));
        return xasprintf("{pid=%d, uid=%u, gid=%u}", c->pid, c->uid, c->gid);
    }
    if (level == SOL_SOCKET && name == SO_BINDTODEVICE)
        return quote_bytes(val, len);
    if (len < sizeof(int))
        return setting ? sptr(val) : shex(val, len, len);
    return xasprintf("[%d]", *(const int*)val);
}

static long test_setsockopt(int fd, int level, int name, const void* val, socklen_t len) {
    const char* before = svalue(level, name, val, len, 1);
    long rc = syscall(SYS_setsockopt, fd, level, name, val, len);
    const char* res = sres(rc);

    printf("setsockopt(%d, %s, %s, %s, %u) %s\n", fd, slevel(level), soption(level, name), before,
           len, res);
    return rc;
}

static long test_getsockopt(int fd, int level, int name, void* val, socklen_t* plen) {
    socklen_t len = plen && mapped(plen) ? *plen : 0;
    long rc = syscall(SYS_getsockopt, fd, level, name, val, plen);
    const char* res = sres(rc);
    const char* val_str = sptr(val);
    const char* len_str = sptr(plen);

    if (mapped(plen)) {
        len_str = xasprintf("[%u]", len);
        if (rc == 0) {
            val_str = svalue(level, name, val, *plen, 0);
            if (*plen != len)
                len_str = xasprintf("[%u => %u]", len, *plen);
        }
    }
    printf("getsockopt(%d, %s, %s, %s, %s) %s\n", fd, slevel(level), soption(level, name), val_str,
           len_str, res);
    return rc;
}

/* getsockopt with a buffer of LEN bytes. */
static long get(int fd, int level, int name, socklen_t len) {
    static char buf[64];
    socklen_t* plen = malloc(sizeof(*plen));

    CHECK(plen != NULL);
    *plen = len;
    memset(buf, 0, sizeof(buf));
    return test_getsockopt(fd, level, name, buf, plen);
}

int main(void) {
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    int unx = socket(AF_UNIX, SOCK_DGRAM, 0);
    int file = open("file", O_RDWR | O_CREAT, 0644);
    int pair[2];
    int one = 1, zero = 0, big[2] = { 1, 0 }, size = 65536;
    struct linger linger = { 1, 5 };
    socklen_t* edge = tail_alloc(sizeof(socklen_t));
    int* iedge = tail_alloc(sizeof(int));

    CHECK(tcp >= 0 && udp >= 0 && unx >= 0 && file >= 0);
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);

    get(tcp, SOL_SOCKET, SO_TYPE, 4);
    get(udp, SOL_SOCKET, SO_TYPE, 4);
    get(tcp, SOL_SOCKET, SO_DOMAIN, 4);
    get(unx, SOL_SOCKET, SO_DOMAIN, 4);
    get(tcp, SOL_SOCKET, SO_PROTOCOL, 4);
    get(udp, SOL_SOCKET, SO_PROTOCOL, 4);
    get(tcp, SOL_SOCKET, SO_ERROR, 4);
    get(tcp, SOL_SOCKET, SO_ACCEPTCONN, 4);
    get(tcp, SOL_SOCKET, SO_REUSEADDR, 4);
    test_setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    get(tcp, SOL_SOCKET, SO_REUSEADDR, 8);
    get(tcp, SOL_SOCKET, SO_REUSEADDR, 2);
    get(tcp, SOL_SOCKET, SO_REUSEADDR, 0);
    test_setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, &zero, sizeof(zero));
    test_setsockopt(tcp, SOL_SOCKET, SO_KEEPALIVE, big, sizeof(big));
    get(tcp, SOL_SOCKET, SO_KEEPALIVE, 4);
    test_setsockopt(tcp, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
    get(tcp, SOL_SOCKET, SO_RCVBUF, 4);
    test_setsockopt(udp, SOL_SOCKET, SO_BROADCAST, iedge, sizeof(int));

    test_setsockopt(tcp, SOL_SOCKET, SO_LINGER, &linger, sizeof(linger));
    get(tcp, SOL_SOCKET, SO_LINGER, sizeof(linger));
    get(tcp, SOL_SOCKET, SO_LINGER, sizeof(linger) + 4);
    get(tcp, SOL_SOCKET, SO_LINGER, 4);
    get(tcp, SOL_SOCKET, SO_LINGER, 6);
    get(tcp, SOL_SOCKET, SO_LINGER, 3);
    test_setsockopt(tcp, SOL_SOCKET, SO_LINGER, &linger, 4);
    get(pair[0], SOL_SOCKET, SO_PEERCRED, sizeof(struct ucred));
    get(pair[0], SOL_SOCKET, SO_PEERCRED, 4);
    get(pair[0], SOL_SOCKET, SO_PEERCRED, 6);
    test_setsockopt(udp, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3);

    test_setsockopt(tcp, SOL_TCP, TCP_NODELAY, &one, sizeof(one));
    get(tcp, SOL_TCP, TCP_NODELAY, 4);
    test_setsockopt(tcp, SOL_TCP, TCP_KEEPIDLE, &size, sizeof(size));
    test_setsockopt(tcp, SOL_IP, IP_TTL, &one, sizeof(one));
    get(tcp, SOL_IP, IP_TTL, 4);

    /* Failures. */
    test_setsockopt(tcp, SOL_SOCKET, SO_KEEPALIVE, &one, 0);
    test_setsockopt(tcp, SOL_SOCKET, SO_KEEPALIVE, &one, 2);
    test_setsockopt(tcp, SOL_SOCKET, 9999, &one, sizeof(one));
    test_setsockopt(tcp, 999, 1, &one, sizeof(one));
    test_setsockopt(tcp, SOL_TCP, 9999, &one, sizeof(one));
    test_setsockopt(tcp, SOL_TCP, TCP_KEEPIDLE, &zero, sizeof(zero));
    test_setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, NULL, sizeof(one));
    test_setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, BAD_ADDR, sizeof(one));
    test_setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, iedge + 1, sizeof(one));
    test_setsockopt(file, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    test_setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    get(tcp, SOL_SOCKET, SO_PASSCRED, 4);
    get(tcp, SOL_SOCKET, 9999, 4);
    get(tcp, 999, 1, 4);
    get(file, SOL_SOCKET, SO_TYPE, 4);
    *edge = 4;
    test_getsockopt(tcp, SOL_SOCKET, SO_TYPE, BAD_ADDR, edge);
    test_getsockopt(tcp, SOL_SOCKET, SO_TYPE, iedge, NULL);
    test_getsockopt(tcp, SOL_SOCKET, SO_TYPE, iedge, edge + 1);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * socket.c: socket(2) and socketpair(2).  Covers address families by name
 * (unknown ones in hex with the comment "AF_???"), the socket type (its low
 * bits by name, plain 0 when none) then SOCK_NONBLOCK, SOCK_CLOEXEC and
 * unknown bits (in hex with the comment "SOCK_???" when no flag is known),
 * the protocol as the family reads it (IPPROTO_* for AF_INET and AF_INET6,
 * 0 as IPPROTO_IP; NETLINK_* for AF_NETLINK; htons(ETH_P_*) for AF_PACKET;
 * a number for AF_UNIX; unknown values in hex with a comment; always a
 * number for socketpair), socketpair's [FD, FD] (an address on failure),
 * and the failures EAFNOSUPPORT, ESOCKTNOSUPPORT, EPROTONOSUPPORT, EINVAL,
 * EOPNOTSUPP and EFAULT.  Sockets that need privileges (raw ones) or a
 * kernel feature (AF_INET6, AF_VSOCK) are printed as they come.
 */
#include "trace-sys.h"

#include <linux/if_ether.h>
#include <linux/netlink.h>

static const struct xlat types[] = {
    XLAT(SOCK_STREAM),    XLAT(SOCK_DGRAM), XLAT(SOCK_RAW),    XLAT(SOCK_RDM),
    XLAT(SOCK_SEQPACKET), XLAT(SOCK_DCCP),  XLAT(SOCK_PACKET), XLAT_END,
};

static const struct xlat type_flags[] = { XLAT(SOCK_CLOEXEC), XLAT(SOCK_NONBLOCK), XLAT_END };

static const struct xlat inet_protocols[] = {
    XLAT(IPPROTO_IP),     XLAT(IPPROTO_ICMP), XLAT(IPPROTO_TCP), XLAT(IPPROTO_UDP),
    XLAT(IPPROTO_ICMPV6), XLAT(IPPROTO_SCTP), XLAT(IPPROTO_RAW), XLAT_END,
};

static const struct xlat netlink_protocols[] = {
    XLAT(NETLINK_ROUTE),
    XLAT(NETLINK_AUDIT),
    XLAT(NETLINK_KOBJECT_UEVENT),
    XLAT_END,
};

static const struct xlat ether_protocols[] = { XLAT(ETH_P_ALL), XLAT(ETH_P_IP), XLAT_END };

/* The type argument: the kind in the low 4 bits, then the flags. */
static const char* stype(unsigned int type) {
    const char* kind;

    if (!type)
        return "0";
    kind = sxval(types, type & 0xf, "SOCK_???");
    if (type & ~0xfU)
        kind = xasprintf("%s|%s", kind, sflags(type_flags, type & ~0xfU, "SOCK_???"));
    return kind;
}

static const char* sprotocol(int family, int protocol) {
    switch (family) {
    case AF_INET:
    case AF_INET6:
        return sxval(inet_protocols, (unsigned int)protocol, "IPPROTO_???");
    case AF_NETLINK:
        return sxval(netlink_protocols, (unsigned int)protocol, "NETLINK_???");
    case AF_PACKET:
        return xasprintf("htons(%s)",
                         sxval(ether_protocols, ntohs((uint16_t)protocol), "ETH_P_???"));
    default:
        return xasprintf("%d", protocol);
    }
}

static long test_socket(int family, int type, int protocol) {
    long rc = syscall(SYS_socket, family, type, protocol);
    const char* res = sres(rc);

    printf("socket(%s, %s, %s) %s\n", sfamily(family), stype((unsigned int)type),
           sprotocol(family, protocol), res);
    if (rc >= 0)
        CHECK(close((int)rc) == 0);
    return rc;
}

static long test_socketpair(int family, int type, int protocol, int* sv) {
    long rc = syscall(SYS_socketpair, family, type, protocol, sv);
    const char* res = sres(rc);

    printf("socketpair(%s, %s, %d, %s) %s\n", sfamily(family), stype((unsigned int)type), protocol,
           rc == 0 ? xasprintf("[%d, %d]", sv[0], sv[1]) : sptr(sv), res);
    if (rc == 0)
        CHECK(close(sv[0]) == 0 && close(sv[1]) == 0);
    return rc;
}

int main(void) {
    int sv[2];
    int* edge = tail_alloc(sizeof(int));

    test_socket(AF_UNIX, SOCK_STREAM, 0);
    test_socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    test_socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    test_socket(AF_INET, SOCK_STREAM, 0);
    test_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
    test_socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    test_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    test_socket(AF_INET6, SOCK_DGRAM, 0);
    test_socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    test_socket(AF_NETLINK, SOCK_DGRAM, NETLINK_KOBJECT_UEVENT);
    test_socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));

    test_socket(999, SOCK_STREAM, 0);
    test_socket(-1, SOCK_STREAM, 0);
    test_socket(AF_UNSPEC, SOCK_STREAM, 0);
    test_socket(AF_UNIX, 0, 0);
    test_socket(AF_UNIX, SOCK_RDM, 0);
    test_socket(AF_UNIX, 99, 0);
    test_socket(AF_UNIX, SOCK_STREAM | 0x10000, 0);
    test_socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | 0x10000, 0);
    test_socket(AF_UNIX, SOCK_STREAM, 5);
    test_socket(AF_INET, SOCK_STREAM, IPPROTO_UDP);
    test_socket(AF_INET, SOCK_STREAM, 999);
    test_socket(AF_NETLINK, SOCK_DGRAM, 99);

    test_socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    test_socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, sv);
    test_socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv);
    test_socketpair(AF_INET, SOCK_STREAM, 0, sv);
    test_socketpair(AF_UNIX, SOCK_STREAM, 5, sv);
    test_socketpair(999, SOCK_STREAM, 0, sv);
    test_socketpair(AF_UNIX, SOCK_STREAM, 0, NULL);
    test_socketpair(AF_UNIX, SOCK_STREAM, 0, BAD_ADDR);
    test_socketpair(AF_UNIX, SOCK_STREAM, 0, edge);

    EXPECT_EXITED_0();
    return 0;
}

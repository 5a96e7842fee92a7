/*
 * pal_fdinfo.c: what the host knows of a traced thread's descriptor
 * beyond its name, for the trace's -yy: the device a file is, the process
 * a pidfd refers to, a socket's protocol and ends.  The descriptor is
 * reached through /proc/TID/fd/FD (stat and getxattr follow the link to
 * the open file itself); a socket's ends come from the kernel's socket
 * tables (NETLINK_SOCK_DIAG), which know it by its inode.
 */
#include "config.h"

#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "pal_host.h"

/* stat(2) of the file THREAD's FD is open on */
static int fd_stat(PAL_HANDLE t, int fd, struct stat* st) {
    char link[64];

    if (fd < 0)
        return -EBADF;
    snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tid, fd);
    if (stat(link, st) < 0)
        return errno == ENOENT ? -EBADF : -errno;
    return 0;
}

int DkStreamGetDevice(PAL_HANDLE t, int fd, bool* block, unsigned* major, unsigned* minor) {
    struct stat st;
    int ret = fd_stat(t, fd, &st);

    if (ret < 0)
        return ret;
    if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))
        return -ENODEV;
    *block = S_ISBLK(st.st_mode);
    *major = major(st.st_rdev);
    *minor = minor(st.st_rdev);
    return 0;
}

pid_t DkStreamGetPidfdProcess(PAL_HANDLE t, int fd) {
    char buf[512];
    const char* p;
    long pid;
    int ret = _DkStreamReadFdinfo(t, fd, buf, sizeof(buf));

    if (ret < 0)
        return ret;
    /* "Pid:\t1234", in the namespace of whoever reads it; -1 once the
     * process is gone */
    p = strstr(buf, "\nPid:\t");
    if (!p)
        return -EINVAL;
    pid = strtol(p + 6, NULL, 10);
    return pid > 0 ? (pid_t)pid : -ESRCH;
}

/* The socket tables are asked in the tracer's network namespace. */
static int diag_send(int s, void* req, size_t len) {
    struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};

    while (sendto(s, req, len, 0, (struct sockaddr*)&kernel, sizeof(kernel)) < 0)
        if (errno != EINTR)
            return -errno;
    return 0;
}

/* Read the answers to a request until MATCH takes one (1), the kernel
 * says it is done or has no more (0: not found) or refuses (a negative
 * errno).  The kernel answers while the request is sent, and makes each
 * next part of a dump as the last is read: a read that would wait has
 * nothing to wait for, and must not stop the tracer. */
static int diag_receive(int s, int (*match)(const struct nlmsghdr* h, struct pal_socket_info* info),
                        struct pal_socket_info* info) {
    union {
        struct nlmsghdr h;
        char buf[16384];
    } u;

    for (;;) {
        ssize_t n = recv(s, u.buf, sizeof(u.buf), MSG_DONTWAIT);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN ? 0 : -errno;
        if (n == 0)
            return 0;
        for (struct nlmsghdr* h = &u.h; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_DONE)
                return 0;
            if (h->nlmsg_type == NLMSG_ERROR) {
                const struct nlmsgerr* e = NLMSG_DATA(h);

                if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
                    return -EIO;
                return e->error < 0 ? e->error : -EIO;
            }
            if (h->nlmsg_type == SOCK_DIAG_BY_FAMILY && match(h, info) > 0)
                return 1;
        }
    }
}

static int unix_match(const struct nlmsghdr* h, struct pal_socket_info* info) {
    const struct unix_diag_msg* m = NLMSG_DATA(h);
    int len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*m));

    if (len < 0 || m->udiag_family != AF_UNIX || m->udiag_ino != info->inode)
        return 0;
    for (const struct rtattr* a = (const void*)(m + 1); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        size_t size = RTA_PAYLOAD(a);

        if (a->rta_type == UNIX_DIAG_NAME && !info->name_len) {
            info->name_len = size < sizeof(info->name) ? size : sizeof(info->name);
            memcpy(info->name, RTA_DATA(a), info->name_len);
        } else if (a->rta_type == UNIX_DIAG_PEER && size >= sizeof(uint32_t)) {
            uint32_t peer;

            memcpy(&peer, RTA_DATA(a), sizeof(peer));
            info->peer_inode = peer;
        }
    }
    info->family = AF_UNIX;
    return 1;
}

static int unix_ask(int s, struct pal_socket_info* info) {
    struct {
        struct nlmsghdr h;
        struct unix_diag_req r;
    } req = {
        .h = {.nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
              .nlmsg_flags = NLM_F_REQUEST},
        /* one socket, by its inode: no dump of the table */
        .r = {.sdiag_family = AF_UNIX, .udiag_states = ~0U, .udiag_ino = (uint32_t)info->inode,
              .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER, .udiag_cookie = {~0U, ~0U}},
    };
    int ret = diag_send(s, &req, sizeof(req));

    return ret < 0 ? ret : diag_receive(s, unix_match, info);
}

static int inet_match(const struct nlmsghdr* h, struct pal_socket_info* info) {
    const struct inet_diag_msg* m = NLMSG_DATA(h);
    size_t size;

    if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->idiag_inode != info->inode)
        return 0;
    if (m->idiag_family != AF_INET && m->idiag_family != AF_INET6)
        return 0;
    size = m->idiag_family == AF_INET ? 4 : 16;
    info->family = m->idiag_family;
    memcpy(info->addr, m->id.idiag_src, size);
    memcpy(info->peer_addr, m->id.idiag_dst, size);
    info->port = ntohs(m->id.idiag_sport);
    info->peer_port = ntohs(m->id.idiag_dport);
    return 1;
}

static int inet_ask(int s, struct pal_socket_info* info, int family, int protocol) {
    struct {
        struct nlmsghdr h;
        struct inet_diag_req_v2 r;
    } req = {
        .h = {.nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
              .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
        /* the table cannot be asked by inode: every socket of the
         * protocol, in every state */
        .r = {.sdiag_family = (uint8_t)family, .sdiag_protocol = (uint8_t)protocol,
              .idiag_states = ~0U},
    };
    int ret = diag_send(s, &req, sizeof(req));

    return ret < 0 ? ret : diag_receive(s, inet_match, info);
}

static int netlink_match(const struct nlmsghdr* h, struct pal_socket_info* info) {
    const struct netlink_diag_msg* m = NLMSG_DATA(h);

    if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->ndiag_ino != info->inode ||
        m->ndiag_family != AF_NETLINK)
        return 0;
    info->family = AF_NETLINK;
    info->netlink_protocol = m->ndiag_protocol;
    info->portid = m->ndiag_portid;
    return 1;
}

static int netlink_ask(int s, struct pal_socket_info* info) {
    struct {
        struct nlmsghdr h;
        struct netlink_diag_req r;
    } req = {
        .h = {.nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
              .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP},
        .r = {.sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL},
    };
    int ret = diag_send(s, &req, sizeof(req));

    return ret < 0 ? ret : diag_receive(s, netlink_match, info);
}

/* The kernel's protocol names (struct proto's name) and where the socket
 * tables keep each. */
static const struct {
    const char* name;
    int family, protocol;
} g_protocols[] = {
    {"UNIX-STREAM", AF_UNIX, 0},
    {"UNIX", AF_UNIX, 0},
    {"TCP", AF_INET, IPPROTO_TCP},
    {"UDP", AF_INET, IPPROTO_UDP},
    {"TCPv6", AF_INET6, IPPROTO_TCP},
    {"UDPv6", AF_INET6, IPPROTO_UDP},
    {"UDPLITE", AF_INET, IPPROTO_UDPLITE},
    {"UDPLITEv6", AF_INET6, IPPROTO_UDPLITE},
    {"DCCP", AF_INET, IPPROTO_DCCP},
    {"DCCPv6", AF_INET6, IPPROTO_DCCP},
    {"SCTP", AF_INET, IPPROTO_SCTP},
    {"SCTPv6", AF_INET6, IPPROTO_SCTP},
    {"PING", AF_INET, IPPROTO_ICMP},
    {"PINGv6", AF_INET6, IPPROTO_ICMPV6},
    {"RAW", AF_INET, IPPROTO_RAW},
    {"RAWv6", AF_INET6, IPPROTO_RAW},
    {"NETLINK", AF_NETLINK, 0},
};

#define N_PROTOCOLS (sizeof(g_protocols) / sizeof(g_protocols[0]))

static int ask_tables(int s, struct pal_socket_info* info, size_t i) {
    switch (g_protocols[i].family) {
    case AF_UNIX:
        return unix_ask(s, info);
    case AF_NETLINK:
        return netlink_ask(s, info);
    default:
        return inet_ask(s, info, g_protocols[i].family, g_protocols[i].protocol);
    }
}

int DkStreamGetSocketInfo(PAL_HANDLE t, int fd, struct pal_socket_info* info) {
    char link[64];
    struct stat st;
    ssize_t n;
    size_t i;
    int s, ret = fd_stat(t, fd, &st);

    if (ret < 0)
        return ret;
    if (!S_ISSOCK(st.st_mode))
        return -ENOTSOCK;
    memset(info, 0, sizeof(*info));
    info->inode = st.st_ino;
    info->family = AF_UNSPEC;
    snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tid, fd);
    n = getxattr(link, "system.sockprotoname", info->protocol, sizeof(info->protocol) - 1);
    info->protocol[n > 0 ? n : 0] = '\0';

    s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (s < 0)
        return 0; /* what the tables hold stays unknown */
    for (i = 0; i < N_PROTOCOLS; i++) {
        if (info->protocol[0] && strcmp(info->protocol, g_protocols[i].name))
            continue;
        /* a protocol the host does not name: each table in turn */
        if (ask_tables(s, info, i) > 0) {
            if (!info->protocol[0])
                snprintf(info->protocol, sizeof(info->protocol), "%s", g_protocols[i].name);
            break;
        }
        if (info->protocol[0])
            break;
    }
    close(s);
    return 0;
}

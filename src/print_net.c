/*
 * print_net.c: socket addresses and message headers, as strace prints
 * them: {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("...")}.
 */
#include "config.h"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "print_struct.h"

static void sockaddr_fields(struct tcb* t, const struct sockaddr_storage* ss, size_t len) {
    char text[INET6_ADDRSTRLEN];

    trace_puts(t, "{sa_family=");
    print_enum(t, &xlat_address_families, ss->ss_family, NULL);
    switch (ss->ss_family) {
    case AF_UNIX: {
        const struct sockaddr_un* un = (const void*)ss;
        size_t plen = len > offsetof(struct sockaddr_un, sun_path)
                          ? len - offsetof(struct sockaddr_un, sun_path)
                          : 0;

        if (plen > sizeof(un->sun_path))
            plen = sizeof(un->sun_path);
        if (plen) {
            trace_puts(t, ", sun_path=");
            if (un->sun_path[0] == '\0') {
                /* abstract: @name */
                trace_putc(t, '@');
                print_quoted(t, un->sun_path + 1, plen - 1);
            } else {
                print_quoted(t, un->sun_path, strnlen(un->sun_path, plen));
            }
        }
        break;
    }
    case AF_INET: {
        const struct sockaddr_in* in = (const void*)ss;

        inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
        trace_printf(t, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")", ntohs(in->sin_port),
                     text);
        break;
    }
    case AF_INET6: {
        const struct sockaddr_in6* in6 = (const void*)ss;

        inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text));
        trace_printf(t,
                     ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
                     "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u",
                     ntohs(in6->sin6_port), ntohl(in6->sin6_flowinfo), text,
                     in6->sin6_scope_id);
        break;
    }
    case AF_NETLINK: {
        const struct sockaddr_nl* nl = (const void*)ss;

        trace_printf(t, ", nl_pid=%u, nl_groups=%#08x", nl->nl_pid, nl->nl_groups);
        break;
    }
    default:
        break;
    }
    trace_putc(t, '}');
}


void print_sockaddr_at(struct tcb* t, PAL_NUM addr, size_t len) {
    struct sockaddr_storage ss;

    if (len > sizeof(ss))
        len = sizeof(ss);
    memset(&ss, 0, sizeof(ss));
    if (len < sizeof(ss.ss_family) || tracee_read(t, addr, &ss, len) < 0) {
        print_addr(t, addr);
        return;
    }
    sockaddr_fields(t, &ss, len);
}

void print_struct_sockaddr(struct tcb* t, PAL_NUM addr, long count) {
    size_t len = sizeof(struct sockaddr_storage);

    /* the argument after the address is its length, or a pointer to it */
    for (int i = 0; i + 1 < t->s->nargs; i++) {
        if (t->args[i] != addr || t->s->args[i].type != SD_T_STRUCT)
            continue;
        if (t->s->args[i + 1].type == SD_T_STRUCT) {
            int l;

            if (t->args[i + 1] && tracee_read(t, t->args[i + 1], &l, sizeof(l)) == 0 && l >= 0)
                len = (size_t)l;
        } else {
            len = (size_t)t->args[i + 1];
        }
        break;
    }
    print_sockaddr_at(t, addr, len);
}

/* socklen_t pointers of accept, getsockname, recvfrom: [in => out] */
void print_struct_socklen(struct tcb* t, PAL_NUM addr, long count) {
    int l;

    if (!tracee_fetch(t, addr, &l, sizeof(l)))
        return;
    trace_printf(t, "[%d]", l);
}

static void print_cmsg_data(struct tcb* t, const struct cmsghdr* c, const unsigned char* data,
                            size_t len) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
        trace_puts(t, ", cmsg_data=[");
        for (size_t i = 0; i + sizeof(int) <= len; i += sizeof(int)) {
            int fd;

            memcpy(&fd, data + i, sizeof(fd));
            if (i)
                trace_puts(t, ", ");
            print_fd(t, fd);
        }
        trace_putc(t, ']');
    } else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS &&
               len >= sizeof(struct ucred)) {
        struct ucred cr;

        memcpy(&cr, data, sizeof(cr));
        trace_printf(t, ", cmsg_data={pid=%d, uid=%u, gid=%u}", cr.pid, cr.uid, cr.gid);
    }
}

/* The control messages: [{cmsg_len=20, cmsg_level=SOL_SOCKET,
 * cmsg_type=SCM_RIGHTS, cmsg_data=[3]}] */
static void print_cmsgs(struct tcb* t, PAL_NUM addr, size_t len) {
    unsigned char buf[512];
    size_t off = 0;

    if (len > sizeof(buf))
        len = sizeof(buf);
    if (tracee_read(t, addr, buf, len) < 0) {
        print_addr(t, addr);
        return;
    }
    trace_putc(t, '[');
    while (off + sizeof(struct cmsghdr) <= len) {
        struct cmsghdr c;
        size_t clen;

        memcpy(&c, buf + off, sizeof(c));
        if (off)
            trace_puts(t, ", ");
        trace_printf(t, "{cmsg_len=%zu, cmsg_level=", (size_t)c.cmsg_len);
        print_enum(t, &xlat_socket_levels, (uint32_t)c.cmsg_level, NULL);
        if (c.cmsg_level == SOL_SOCKET && c.cmsg_type == SCM_RIGHTS)
            trace_puts(t, ", cmsg_type=SCM_RIGHTS");
        else if (c.cmsg_level == SOL_SOCKET && c.cmsg_type == SCM_CREDENTIALS)
            trace_puts(t, ", cmsg_type=SCM_CREDENTIALS");
        else
            trace_printf(t, ", cmsg_type=%#x", (unsigned)c.cmsg_type);
        clen = c.cmsg_len;
        if (clen < CMSG_LEN(0) || clen > len - off) {
            trace_putc(t, '}');
            break;
        }
        print_cmsg_data(t, &c, buf + off + CMSG_LEN(0), clen - CMSG_LEN(0));
        trace_putc(t, '}');
        off += CMSG_ALIGN(clen);
    }
    trace_putc(t, ']');
}

/* sendmsg at entry, recvmsg at exit: {msg_name=..., msg_iov=[...], ...} */
void print_struct_msghdr(struct tcb* t, PAL_NUM addr, long count) {
    struct msghdr m;

    if (!tracee_fetch(t, addr, &m, sizeof(m)))
        return;
    trace_puts(t, "{msg_name=");
    if (m.msg_name && m.msg_namelen)
        print_sockaddr_at(t, (PAL_NUM)(uintptr_t)m.msg_name, m.msg_namelen);
    else
        print_addr(t, (PAL_NUM)(uintptr_t)m.msg_name);
    trace_printf(t, ", msg_namelen=%u, msg_iov=", (unsigned)m.msg_namelen);
    if (m.msg_iov)
        print_struct_iovec(t, (PAL_NUM)(uintptr_t)m.msg_iov, (long)m.msg_iovlen);
    else
        trace_puts(t, "NULL");
    trace_printf(t, ", msg_iovlen=%zu", (size_t)m.msg_iovlen);
    if (m.msg_controllen) {
        trace_puts(t, ", msg_control=");
        print_cmsgs(t, (PAL_NUM)(uintptr_t)m.msg_control, m.msg_controllen);
    }
    trace_printf(t, ", msg_controllen=%zu, msg_flags=", (size_t)m.msg_controllen);
    print_flags(t, &xlat_msg_flags, (unsigned)m.msg_flags);
    trace_putc(t, '}');
}

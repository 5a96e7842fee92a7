/*
 * print_fd.c: what follows a descriptor's number with -y, -yy and
 * --decode-fds=SET, as strace 6 prints it:
 *
 *   path    3</etc/hostname>  4<pipe:[1234]>  7<anon_inode:[eventfd]>,
 *           and AT_FDCWD</the/current/directory>
 *   socket  5<UNIX-STREAM:[1234->1235]>  6<UNIX-STREAM:[1236,"/run/x.sock"]>
 *           11<TCP:[127.0.0.1:39539->127.0.0.1:48052]>  15<NETLINK:[ROUTE:42]>,
 *           or PROTOCOL:[INODE] when the host's socket tables lack it
 *   dev     0</dev/null<char 1:3>>
 *   pidfd   9<pid:1234>
 *
 * A descriptor gets the first of socket, dev and pidfd that is in the set
 * and applies to it, else its path if that is.  The name comes from the
 * shim's table; the rest is asked of the host each time (-yy only).
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "decode.h"
#include "shim.h"
#include "trace_output.h"

/* NAME in <...>: strace escapes the name's unprintable bytes and the
 * brackets, so that a name cannot end the line's part early */
static void print_name(struct tcb* t, const char* name, size_t len) {
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];

        if (c < ' ' || c >= 0x7f || c == '<' || c == '>' || c == '\\')
            trace_printf(t, "\\x%02x", c);
        else
            trace_putc(t, (char)c);
    }
}

/* "127.0.0.1:80", "[::1]:80" */
static void print_endpoint(struct tcb* t, int family, const uint8_t* addr, unsigned port) {
    char text[INET6_ADDRSTRLEN];

    if (!inet_ntop(family, addr, text, sizeof(text)))
        snprintf(text, sizeof(text), "?");
    if (family == AF_INET6)
        trace_printf(t, "[%s]:%u", text, port);
    else
        trace_printf(t, "%s:%u", text, port);
}

/* What the socket tables say of S, as strace prints it; false when they
 * have nothing to say (strace then prints the protocol and the inode). */
static bool print_socket_ends(struct tcb* t, const struct pal_socket_info* s) {
    static const uint8_t zero[16];

    switch (s->family) {
    case AF_INET:
    case AF_INET6:
        trace_printf(t, "%s:[", s->protocol);
        print_endpoint(t, s->family, s->addr, s->port);
        if (s->peer_port || memcmp(s->peer_addr, zero, s->family == AF_INET ? 4 : 16)) {
            trace_puts(t, "->");
            print_endpoint(t, s->family, s->peer_addr, s->peer_port);
        }
        trace_putc(t, ']');
        return true;
    case AF_UNIX:
        if (!s->peer_inode && !s->name_len)
            return false;
        trace_printf(t, "%s:[%llu", s->protocol, (unsigned long long)s->inode);
        if (s->peer_inode)
            trace_printf(t, "->%llu", (unsigned long long)s->peer_inode);
        if (s->name_len) {
            /* up to its first NUL, an abstract name after an '@' */
            const char* name = s->name;
            size_t len = s->name_len;

            trace_putc(t, ',');
            if (!name[0]) {
                trace_putc(t, '@');
                name++, len--;
            }
            print_quoted(t, name, strnlen(name, len));
        }
        trace_putc(t, ']');
        return true;
    case AF_NETLINK: {
        const char* proto = xlat_name(&xlat_netlink_protocols, (uint64_t)s->netlink_protocol);

        if (proto)
            trace_printf(t, "%s:[%s:%u]", s->protocol, proto + strlen("NETLINK_"), s->portid);
        else
            trace_printf(t, "%s:[%d]", s->protocol, s->netlink_protocol);
        return true;
    }
    default:
        return false;
    }
}

static bool print_socket(struct tcb* t, int fd, const char* name) {
    struct pal_socket_info s;

    if (strncmp(name, "socket:[", 8) || DkStreamGetSocketInfo(t->thread, fd, &s) < 0)
        return false;
    trace_putc(t, '<');
    if (!print_socket_ends(t, &s)) {
        if (s.protocol[0])
            trace_printf(t, "%s:[%llu]", s.protocol, (unsigned long long)s.inode);
        else
            print_name(t, name, strlen(name));
    }
    trace_putc(t, '>');
    return true;
}

static bool print_device(struct tcb* t, int fd, const char* name) {
    unsigned major, minor;
    bool block;

    if (name[0] != '/' || DkStreamGetDevice(t->thread, fd, &block, &major, &minor) < 0)
        return false;
    trace_putc(t, '<');
    print_name(t, name, strlen(name));
    trace_printf(t, "<%s %u:%u>>", block ? "block" : "char", major, minor);
    return true;
}

static bool print_pidfd(struct tcb* t, int fd, const char* name) {
    pid_t pid;

    if (strcmp(name, "anon_inode:[pidfd]"))
        return false;
    pid = DkStreamGetPidfdProcess(t->thread, fd);
    if (pid > 0)
        trace_printf(t, "<pid:%d>", pid);
    else
        trace_puts(t, "<anon_inode:[pidfd]>");
    return true;
}

void print_fd_decoration(struct tcb* t, int fd, unsigned set) {
    char name[4096];
    long n;

    if (!set || fd < 0)
        return;
    n = shim_fd_name(t->thread, fd, name, sizeof(name) - 1);
    if (n <= 0)
        return;
    name[n] = '\0';
    if ((set & TRACE_FDS_SOCKET) && print_socket(t, fd, name))
        return;
    if ((set & TRACE_FDS_DEV) && print_device(t, fd, name))
        return;
    if ((set & TRACE_FDS_PIDFD) && print_pidfd(t, fd, name))
        return;
    if (set & TRACE_FDS_PATH) {
        trace_putc(t, '<');
        print_name(t, name, (size_t)n);
        trace_putc(t, '>');
    }
}

void print_cwd_decoration(struct tcb* t, unsigned set) {
    char cwd[4096];
    long n;

    if (!(set & TRACE_FDS_PATH))
        return;
    n = DkThreadGetCwd(t->thread, cwd, sizeof(cwd));
    if (n <= 0)
        return;
    trace_putc(t, '<');
    print_name(t, cwd, (size_t)n);
    trace_putc(t, '>');
}

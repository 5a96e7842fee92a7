/*
 * shim_socket.c
 *
 * Implementation of system calls "socket", "socketpair", "bind",
 * "listen", "connect", "accept", "accept4", "sendto", "recvfrom",
 * "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown",
 * "getsockname", "getpeername", "setsockopt" and "getsockopt".
 *
 * The host owns the sockets: their state (bound, listening, connected),
 * their data and their options are its, and the transfers run inside the
 * thread, where a call that blocks blocks that thread alone and signals
 * interrupt it natively.  The shim makes, in the kernel's order, the
 * checks that need nothing of that state: the descriptor (open, not
 * O_PATH, a socket: the table records each descriptor's kind), flags the
 * kernel refuses up front, the lengths and copies of addresses, message
 * headers, a buffer that is not user memory, a timeout.  The descriptors that socket,
 * socketpair, accept and recvmsg (SCM_RIGHTS) make are recorded when the
 * host's result costs no extra stop (shim_host_result_free); otherwise
 * the table adopts them on first use.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "shim_handle.h"
#include "shim_table.h"

#define SHIM_SOCK_TYPE_MASK 0xf
#ifndef MSG_CMSG_COMPAT
#define MSG_CMSG_COMPAT 0x80000000U
#endif
/* the kernel's MAX_RW_COUNT (INT_MAX & PAGE_MASK) */
#define SHIM_MAX_RW_COUNT 0x7ffff000UL
/* No x86-64 TASK_SIZE is smaller than this, less a guard page: a range
 * that ends below it passes access_ok() on any host. */
#define SHIM_USER_SURE ((1UL << 47) - 2 * 4096)
/* UIO_MAXIOV */
#define SHIM_UIO_MAXIOV 1024

/* The socket behind FD, as sockfd_lookup_light() finds it: 0 when FD is
 * a socket, -EBADF when it is not open (or O_PATH: fdget() refuses it),
 * -ENOTSOCK when the table knows it is another file, 1 when the shim
 * cannot tell (the host then answers). */
static int sock_fd(long fd) {
    struct shim_handle* h;
    int flags, ret = shim_fd_get(fd, &h);

    if (ret != 0)
        return ret;
    flags = shim_handle_flags(h, (int)fd);
    if (flags < 0)
        return flags == -EBADF ? -EBADF : 1;
    if (flags & O_PATH)
        return -EBADF;
    /* an adopted descriptor: its kind is in the host's name of it */
    if (h->kind == SHIM_HANDLE_UNKNOWN)
        (void)shim_handle_name(h, (int)fd);
    switch (h->kind) {
    case SHIM_HANDLE_SOCKET:
        return 0;
    case SHIM_HANDLE_UNKNOWN:
        return 1;
    default:
        return -ENOTSOCK;
    }
}

/*
 * The address a call passes, as move_addr_to_kernel() copies it: LEN
 * bytes at UADDR into *ADDR.  0, -EINVAL for a length outside 0..128,
 * -EFAULT.  The one place where the shim reads a socket address: a view
 * of the file system translates a Unix socket's path here.
 */
static int sockaddr_from_user(uptr uaddr, int len, struct sockaddr_storage* addr) {
    if (len < 0 || (size_t)len > sizeof(*addr))
        return -EINVAL;
    if (len == 0)
        return 0;
    return copy_from_user(addr, uaddr, (size_t)len);
}

/* Whether import_ubuf() certainly takes BUF and LEN (access_ok after the
 * length is clamped): a range below every TASK_SIZE.  Beyond, the host's
 * bound decides, and the buffer is checked before the descriptor. */
static bool ubuf_surely_user(uptr buf, size_t len) {
    uptr end;

    if (len > SHIM_MAX_RW_COUNT)
        len = SHIM_MAX_RW_COUNT;
    end = buf + len;
    return end >= buf && end <= SHIM_USER_SURE;
}

/* Record a descriptor the host made for a socket (socket, socketpair,
 * accept): a socket is open for reading and writing. */
static void record_socket(long fd, bool cloexec) {
    /* out of memory for the record: the table adopts it on first use */
    (void)shim_fd_install((int)fd, true, O_RDWR, cloexec, SHIM_HANDLE_SOCKET);
}

long shim_do_socket(int family, int type, int protocol) {
    long fd;

    (void)family;
    (void)protocol;
    if ((type & ~SHIM_SOCK_TYPE_MASK) & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
        return -EINVAL;
    if (!shim_host_result_free())
        return shim_pass_to_host();
    fd = shim_host_call_self();
    if (fd >= 0)
        record_socket(fd, type & SOCK_CLOEXEC);
    return fd;
}

long shim_do_socketpair(int family, unsigned int type, int protocol, uptr usockvec) {
    int fds[2];
    long ret;

    (void)family;
    (void)protocol;
    /* then the descriptors are taken (EMFILE) and their numbers written
     * (EFAULT) before the family is looked at: the host's */
    if ((type & ~SHIM_SOCK_TYPE_MASK) & ~(unsigned int)(SOCK_CLOEXEC | SOCK_NONBLOCK))
        return -EINVAL;
    if (!shim_host_result_free())
        return shim_pass_to_host();
    ret = shim_host_call_self();
    /* the host wrote them there; an unreadable copy leaves them to be
     * adopted on first use */
    if (ret == 0 && copy_from_user(fds, usockvec, sizeof(fds)) == 0) {
        record_socket(fds[0], type & SOCK_CLOEXEC);
        record_socket(fds[1], type & SOCK_CLOEXEC);
    }
    return ret;
}

long shim_do_bind(int fd, uptr umyaddr, int addrlen) {
    struct sockaddr_storage addr;
    int ret = sock_fd(fd);

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = sockaddr_from_user(umyaddr, addrlen, &addr);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_connect(int fd, uptr uservaddr, int addrlen) {
    struct sockaddr_storage addr;
    int ret = shim_fd_check_fdget(fd);

    /* __sys_connect() copies the address before it asks whether the
     * file is a socket */
    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = sockaddr_from_user(uservaddr, addrlen, &addr);
    if (ret < 0)
        return ret;
    ret = sock_fd(fd);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_listen(int fd, int backlog) {
    int ret = sock_fd(fd);

    (void)backlog;
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_accept4(int fd, uptr upeer_sockaddr, uptr upeer_addrlen, unsigned int flags) {
    int ret = shim_fd_check_fdget(fd);
    long newfd;

    (void)upeer_sockaddr;
    (void)upeer_addrlen;
    if (ret < 0)
        return ret;
    if (flags & ~(unsigned int)(SOCK_CLOEXEC | SOCK_NONBLOCK))
        return -EINVAL;
    /* a descriptor is taken (EMFILE) before the file is found not to be
     * a socket: the host knows whether one is free; the peer's address
     * is written once a connection was taken */
    if (ret == 1 || !shim_host_result_free())
        return shim_pass_to_host();
    newfd = shim_host_call_self();
    if (newfd >= 0)
        record_socket(newfd, flags & SOCK_CLOEXEC);
    return newfd;
}

long shim_do_accept(int fd, uptr upeer_sockaddr, uptr upeer_addrlen) {
    return shim_do_accept4(fd, upeer_sockaddr, upeer_addrlen, 0);
}

long shim_do_sendto(int fd, uptr buff, size_t len, unsigned int flags, uptr addr,
                    int addr_len) {
    struct sockaddr_storage a;
    int ret;

    (void)flags;
    if (!ubuf_surely_user(buff, len))
        return shim_pass_to_host();
    ret = sock_fd(fd);
    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    if (addr) {
        ret = sockaddr_from_user(addr, addr_len, &a);
        if (ret < 0)
            return ret;
    }
    return shim_pass_to_host();
}

long shim_do_recvfrom(int fd, uptr ubuf, size_t size, unsigned int flags, uptr addr,
                      uptr addr_len) {
    int ret;

    (void)flags;
    (void)addr;
    (void)addr_len;
    if (!ubuf_surely_user(ubuf, size))
        return shim_pass_to_host();
    /* the sender's address goes out after the data was taken: the
     * host's to write, or to fail with EFAULT */
    ret = sock_fd(fd);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/* The checks of the message calls (__sys_sendmsg() and the others): the
 * 32-bit layout flag, then the socket. */
static int check_msg_call(int fd, unsigned int flags) {
    if (flags & MSG_CMSG_COMPAT)
        return -EINVAL;
    return sock_fd(fd);
}

/*
 * The message header at MSG, as copy_msghdr_from_user() reads it before
 * the data moves: the header (EFAULT), a negative name length (EINVAL),
 * the name itself, clamped to 128 bytes, when SENDING (recvmsg only
 * keeps where to write one), and the number of iovecs (EMSGSIZE).  The
 * iovecs and the control data are the host's to read.
 */
static int check_msghdr(uptr msg, bool sending) {
    struct sockaddr_storage addr;
    struct msghdr m;
    int namelen;

    if (copy_from_user(&m, msg, sizeof(m)) < 0)
        return -EFAULT;
    namelen = m.msg_name ? (int)m.msg_namelen : 0;
    if (namelen < 0)
        return -EINVAL;
    if ((size_t)namelen > sizeof(addr))
        namelen = sizeof(addr);
    if (sending && namelen) {
        int ret = sockaddr_from_user((uptr)m.msg_name, namelen, &addr);

        if (ret < 0)
            return ret;
    }
    if (m.msg_iovlen > SHIM_UIO_MAXIOV)
        return -EMSGSIZE;
    return 0;
}

long shim_do_sendmsg(int fd, uptr msg, unsigned int flags) {
    int ret = check_msg_call(fd, flags);

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = check_msghdr(msg, true);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_sendmmsg(int fd, uptr mmsg, unsigned int vlen, unsigned int flags) {
    int ret = check_msg_call(fd, flags);

    (void)mmsg;
    (void)vlen;
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/* The descriptors a message brought (SCM_RIGHTS), in the control data
 * the host wrote back through MSG: each is a new open file description
 * of a kind the table does not know yet. */
static void record_rights(uptr msg, unsigned int flags) {
    struct msghdr m;
    /* aligned as the kernel aligns control messages */
    union {
        struct cmsghdr align;
        char buf[4096];
    } control;
    struct msghdr km = {0};
    struct cmsghdr* c;

    if (copy_from_user(&m, msg, sizeof(m)) < 0 || !m.msg_control || m.msg_controllen == 0)
        return;
    if (m.msg_controllen > sizeof(control.buf))
        m.msg_controllen = sizeof(control.buf);
    if (copy_from_user(control.buf, (uptr)m.msg_control, m.msg_controllen) < 0)
        return;
    km.msg_control = control.buf;
    km.msg_controllen = m.msg_controllen;
    for (c = CMSG_FIRSTHDR(&km); c; c = CMSG_NXTHDR(&km, c)) {
        size_t n;

        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS ||
            c->cmsg_len < CMSG_LEN(0))
            continue;
        n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < n; i++) {
            int fd;

            memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(fd));
            (void)shim_fd_install(fd, false, 0, flags & MSG_CMSG_CLOEXEC, SHIM_HANDLE_UNKNOWN);
        }
    }
}

long shim_do_recvmsg(int fd, uptr msg, unsigned int flags) {
    int ret = check_msg_call(fd, flags);
    long n;

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = check_msghdr(msg, false);
    if (ret < 0)
        return ret;
    if (!shim_host_result_free())
        return shim_pass_to_host();
    n = shim_host_call_self();
    if (n >= 0)
        record_rights(msg, flags);
    return n;
}

long shim_do_recvmmsg(int fd, uptr mmsg, unsigned int vlen, unsigned int flags, uptr timeout) {
    struct timespec ts;
    int ret;

    (void)mmsg;
    (void)vlen;
    if (flags & MSG_CMSG_COMPAT)
        return -EINVAL;
    /* the timeout is read and checked before the descriptor is looked up */
    if (timeout) {
        if (copy_from_user(&ts, timeout, sizeof(ts)) < 0)
            return -EFAULT;
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
            return -EINVAL;
    }
    ret = sock_fd(fd);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_shutdown(int fd, int how) {
    int ret = sock_fd(fd);

    /* HOW is the protocol's to check (EOPNOTSUPP first for some) */
    (void)how;
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/* getsockname, getpeername, getsockopt: the socket, then the protocol's
 * answer (ENOTCONN, EOPNOTSUPP) comes before the length is read: the
 * host's. */
static long sock_query(int fd) {
    int ret = sock_fd(fd);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_getsockname(int fd, uptr usockaddr, uptr usockaddr_len) {
    (void)usockaddr;
    (void)usockaddr_len;
    return sock_query(fd);
}

long shim_do_getpeername(int fd, uptr usockaddr, uptr usockaddr_len) {
    (void)usockaddr;
    (void)usockaddr_len;
    return sock_query(fd);
}

long shim_do_getsockopt(int fd, int level, int optname, uptr optval, uptr optlen) {
    (void)level;
    (void)optname;
    (void)optval;
    (void)optlen;
    return sock_query(fd);
}

long shim_do_setsockopt(int fd, int level, int optname, uptr optval, int optlen) {
    int ret = sock_fd(fd);

    (void)level;
    (void)optname;
    (void)optval;
    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    /* do_sock_setsockopt(); the value is the option's to read */
    if (optlen < 0)
        return -EINVAL;
    return shim_pass_to_host();
}

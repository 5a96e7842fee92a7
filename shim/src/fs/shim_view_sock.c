/*
 * shim_view_sock.c: a Unix socket's path under a file-system view.
 *
 * bind, connect, sendto and sendmsg name a socket by a path inside a
 * socket address, which syscalls.tbl does not show as a path.  Under a
 * view the shim copies the address (and sendmsg's message header) below
 * the thread's stack, with the path of an AF_UNIX address resolved in the
 * view, and the host runs the call on that copy: the kernel never reads
 * the program's own, which another thread could change after the shim
 * read it.  An abstract address (a leading NUL) names no file and is
 * copied as it is.  sendmmsg's vector is only read: a message naming a
 * Unix socket's path fails closed.  Not translated back (the addresses
 * the kernel writes: getsockname, getpeername, accept, recvfrom, recvmsg)
 * and not handled: a host path longer than sun_path (ENAMETOOLONG).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "shim.h"
#include "shim_internal.h"
#include "shim_thread.h"
#include "shim_view_call.h"

/* An address no program can own (the kernel's half): the host answers
 * EFAULT for it where it would have for the program's unreadable one. */
#define UNREADABLE ((uptr)0xffff800000000000ULL)

/* sendmmsg's bound on its vector (UIO_MAXIOV) */
#define MMSG_MAX 1024

/* The path of the AF_UNIX address ADDR (LEN bytes) resolved in the view
 * into ADDR, LEN updated: 0, 1 when it names no file, or -errno. */
static long translate_unix(struct shim_thread* t, struct sockaddr_storage* addr, size_t* len,
                           enum shim_view_how how) {
    struct sockaddr_un* un = (struct sockaddr_un*)addr;
    char guest[sizeof(un->sun_path) + 1], host[2 * PATH_MAX];
    size_t n;
    long r;

    /* (longer than a sockaddr_un: the host's EINVAL, on the copy) */
    if (*len <= offsetof(struct sockaddr_un, sun_path) || *len > sizeof(*un) ||
        addr->ss_family != AF_UNIX || un->sun_path[0] == '\0')
        return 1;
    /* unix_mkname_bsd(): the name ends at the length or its NUL */
    n = *len - offsetof(struct sockaddr_un, sun_path);
    if (n > sizeof(un->sun_path))
        n = sizeof(un->sun_path);
    memcpy(guest, un->sun_path, n);
    guest[n] = '\0';
    r = shim_view_host_path(t, guest, how, host, sizeof(host));
    if (r < 0)
        return r;
    n = strlen(host);
    if (n > sizeof(un->sun_path))
        return -ENAMETOOLONG;
    memset(un->sun_path, 0, sizeof(un->sun_path));
    memcpy(un->sun_path, host, n);
    *len = offsetof(struct sockaddr_un, sun_path) + n + (n < sizeof(un->sun_path));
    return 0;
}

/* Read the address at UADDR (LEN bytes, as move_addr_to_kernel() takes
 * it) and translate it: 0 with *ADDR, *LEN to pass, 1 when it cannot be
 * read (the host is to see UNREADABLE), or -errno. */
static long read_addr(struct shim_thread* t, uptr uaddr, int len, struct sockaddr_storage* addr,
                      size_t* out_len, enum shim_view_how how) {
    long r;

    *out_len = len > 0 ? (size_t)len : 0;
    if (*out_len > sizeof(*addr))
        *out_len = sizeof(*addr); /* the host refuses the length itself */
    if (*out_len && copy_from_user(addr, uaddr, *out_len) < 0)
        return 1;
    r = translate_unix(t, addr, out_len, how);
    if (r < 0)
        return r;
    if (len > 0 && (size_t)len <= sizeof(*addr) && r == 1)
        *out_len = (size_t)len;
    return 0;
}

/* Write SIZE bytes of DATA below T's red zone at *AT (going down): 0 or
 * -ENOMEM (no stack to write on: nothing reaches the host untranslated). */
static long put_below(struct shim_thread* t, uptr* at, const void* data, size_t size) {
    *at = (*at - size) & ~(uptr)15;
    return copy_to_user(*at, data, size) < 0 ? -ENOMEM : 0;
}

static void use_args(struct shim_thread* t) {
    t->args = t->view_args;
    t->view_changed = true;
}

/* bind, connect, sendto: the address in argument ADDR_ARG, its length in
 * LEN_ARG */
static enum shim_view_step plain(struct shim_thread* t, int addr_arg, int len_arg,
                                 enum shim_view_how how, long* result) {
    struct sockaddr_storage addr;
    uptr at = t->sp - SHIM_VIEW_RED_ZONE;
    int len = (int)t->args[len_arg];
    size_t n;
    long r;

    if (!t->args[addr_arg] || len <= 0 || (size_t)len > sizeof(addr))
        return SHIM_VIEW_GO_ON; /* no address, or one the kernel refuses */
    memcpy(t->view_args, t->args, sizeof(t->view_args));
    r = read_addr(t, t->args[addr_arg], len, &addr, &n, how);
    if (r < 0) {
        *result = r;
        return SHIM_VIEW_ANSWERED;
    }
    if (r == 1) {
        t->view_args[addr_arg] = UNREADABLE;
    } else {
        r = put_below(t, &at, &addr, n);
        if (r < 0) {
            *result = r;
            return SHIM_VIEW_ANSWERED;
        }
        t->view_args[addr_arg] = at;
        t->view_args[len_arg] = n;
    }
    use_args(t);
    return SHIM_VIEW_GO_ON;
}

/* sendmsg: the message header copied too, its name the translated one */
static enum shim_view_step msg(struct shim_thread* t, long* result) {
    struct sockaddr_storage addr;
    uptr at = t->sp - SHIM_VIEW_RED_ZONE;
    struct msghdr m;
    size_t n;
    long r;

    memcpy(t->view_args, t->args, sizeof(t->view_args));
    if (copy_from_user(&m, t->args[1], sizeof(m)) < 0) {
        t->view_args[1] = UNREADABLE;
        use_args(t);
        return SHIM_VIEW_GO_ON;
    }
    if (m.msg_name && (int)m.msg_namelen > 0) {
        r = read_addr(t, (uptr)m.msg_name, (int)m.msg_namelen, &addr, &n, SHIM_VIEW_FOLLOW);
        if (r < 0) {
            *result = r;
            return SHIM_VIEW_ANSWERED;
        }
        if (r == 1) {
            m.msg_name = (void*)UNREADABLE;
        } else {
            r = put_below(t, &at, &addr, n);
            if (r < 0) {
                *result = r;
                return SHIM_VIEW_ANSWERED;
            }
            m.msg_name = (void*)at;
            m.msg_namelen = n;
        }
    }
    r = put_below(t, &at, &m, sizeof(m));
    if (r < 0) {
        *result = r;
        return SHIM_VIEW_ANSWERED;
    }
    t->view_args[1] = at;
    use_args(t);
    return SHIM_VIEW_GO_ON;
}

/* sendmmsg: read, not copied; a Unix socket's path fails closed */
static enum shim_view_step mmsg(struct shim_thread* t, long* result) {
    unsigned int vlen = (unsigned int)t->args[2];

    if (vlen > MMSG_MAX)
        vlen = MMSG_MAX;
    for (unsigned int i = 0; i < vlen; i++) {
        struct sockaddr_storage addr;
        struct mmsghdr mm;
        size_t n;

        if (copy_from_user(&mm, t->args[1] + i * sizeof(mm), sizeof(mm)) < 0)
            break; /* the host stops there too */
        if (!mm.msg_hdr.msg_name || (int)mm.msg_hdr.msg_namelen <= 0)
            continue;
        n = mm.msg_hdr.msg_namelen;
        if (n > sizeof(addr))
            n = sizeof(addr);
        if (copy_from_user(&addr, (uptr)mm.msg_hdr.msg_name, n) < 0)
            continue;
        if (n > offsetof(struct sockaddr_un, sun_path) && addr.ss_family == AF_UNIX &&
            ((struct sockaddr_un*)&addr)->sun_path[0] != '\0') {
            shim_view_refused(t->sysno);
            *result = -ENOSYS;
            return SHIM_VIEW_FAILED_CLOSED;
        }
    }
    return SHIM_VIEW_GO_ON;
}

enum shim_view_step shim_view_sockaddr(struct shim_thread* t, long* result) {
    switch (t->sysno) {
    case PTSHIM_NR_bind:
        /* the socket's file is made in its parent directory */
        return plain(t, 1, 2, SHIM_VIEW_PARENT, result);
    case PTSHIM_NR_connect:
        return plain(t, 1, 2, SHIM_VIEW_FOLLOW, result);
    case PTSHIM_NR_sendto:
        return plain(t, 4, 5, SHIM_VIEW_FOLLOW, result);
    case PTSHIM_NR_sendmsg:
        return msg(t, result);
    case PTSHIM_NR_sendmmsg:
        return mmsg(t, result);
    default:
        return SHIM_VIEW_GO_ON;
    }
}

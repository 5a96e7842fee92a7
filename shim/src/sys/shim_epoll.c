/*
 * shim_epoll.c
 *
 * Implementation of system calls "epoll_create", "epoll_create1",
 * "epoll_ctl", "epoll_wait", "epoll_pwait" and "epoll_pwait2".
 *
 * The shim checks in the kernel's order (fs/eventpoll.c) what its own
 * state answers: the flags and sizes, the descriptors (its table), and
 * which of them are epoll instances (the host's name of each, read once:
 * "anon_inode:[eventpoll]").  The interest lists are the host's, and so
 * is the wait: it runs in the calling thread, which blocks alone and is
 * interrupted as natively.  A new instance is made by the host as the
 * program asked, with no stop more than the call's own; the table learns
 * it, with its kind, when it is first used.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>

#include "shim_evfd.h"
#include "shim_mm.h"
#include "shim_table.h"
#include "shim_time.h"

#ifndef EPOLLEXCLUSIVE
#define EPOLLEXCLUSIVE (1U << 28)
#endif
#ifndef EPOLLWAKEUP
#define EPOLLWAKEUP (1U << 29)
#endif

/* the kernel's struct epoll_event (packed on x86-64) */
struct kernel_epoll_event {
    uint32_t events;
    uint64_t data;
} __attribute__((packed));

#define EP_MAX_EVENTS (INT32_MAX / (int)sizeof(struct kernel_epoll_event))
#define EPOLLEXCLUSIVE_OK_BITS \
    (EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | EPOLLET | EPOLLEXCLUSIVE)

static enum shim_evfd_kind kind_of_name(const char* name) {
    static const char* const pollable[] = {"anon_inode:[eventfd]", "anon_inode:[timerfd]",
                                           "anon_inode:[signalfd]"};

    if (!strcmp(name, "anon_inode:[eventpoll]"))
        return SHIM_EVFD_EPOLL;
    if (!strcmp(name, "anon_inode:inotify"))
        return SHIM_EVFD_INOTIFY;
    if (!strncmp(name, "pipe:", 5) || !strncmp(name, "socket:", 7))
        return SHIM_EVFD_POLLABLE;
    for (size_t i = 0; i < sizeof(pollable) / sizeof(pollable[0]); i++)
        if (!strcmp(name, pollable[i]))
            return SHIM_EVFD_POLLABLE;
    return SHIM_EVFD_OTHER;
}

int shim_evfd_get(long fd, struct shim_handle** handle, enum shim_evfd_kind* kind) {
    struct shim_handle* h;
    const char* name;
    int ret = shim_fd_check_fdget(fd);

    if (ret != 0)
        return ret;
    ret = shim_fd_get(fd, &h);
    if (ret != 0)
        return ret;
    *handle = h;
    switch (h->kind) {
    case SHIM_HANDLE_PIPE:
    case SHIM_HANDLE_SOCKET:
        *kind = SHIM_EVFD_POLLABLE;
        return 0;
    case SHIM_HANDLE_FILE:
        *kind = SHIM_EVFD_OTHER;
        return 0;
    default:
        break;
    }
    /* an anonymous inode's name never changes: no need to ask again
     * after a rename, as for a file's */
    name = h->kind == SHIM_HANDLE_ANON && h->name ? h->name : shim_handle_name(h, (int)fd);
    if (!name)
        return 1;
    *kind = kind_of_name(name);
    return 0;
}

long shim_do_epoll_create(int size) {
    if (size <= 0)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_epoll_create1(int flags) {
    if (flags & ~O_CLOEXEC)
        return -EINVAL;
    return shim_pass_to_host();
}

/* do_epoll_ctl()'s checks before it takes the instance's lock: the event
 * (EFAULT), both descriptors (EBADF), the target's poll (EPERM: the
 * host's, but for the kinds every kernel polls), the instance (EINVAL),
 * EPOLLEXCLUSIVE; an unknown operation fails once all these passed. */
long shim_do_epoll_ctl(int epfd, int op, int fd, uptr event) {
    struct kernel_epoll_event ev = {0, 0};
    struct shim_handle *eh, *th;
    enum shim_evfd_kind ek, tk;
    bool has_event = op != EPOLL_CTL_DEL;
    int ret;

    if (has_event && copy_from_user(&ev, event, sizeof(ev)) < 0)
        return -EFAULT;
    ret = shim_evfd_get(epfd, &eh, &ek);
    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = shim_evfd_get(fd, &th, &tk);
    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    if (tk == SHIM_EVFD_OTHER)
        return shim_pass_to_host();
    /* one handle is one open file (two handles may be one the table
     * adopted twice: the host then says) */
    if (eh == th || ek != SHIM_EVFD_EPOLL)
        return -EINVAL;
    if (has_event && (ev.events & EPOLLEXCLUSIVE)) {
        if (op == EPOLL_CTL_MOD)
            return -EINVAL;
        if (op == EPOLL_CTL_ADD &&
            (tk == SHIM_EVFD_EPOLL || (ev.events & ~(uint32_t)EPOLLEXCLUSIVE_OK_BITS)))
            return -EINVAL;
    }
    if (op != EPOLL_CTL_ADD && op != EPOLL_CTL_DEL && op != EPOLL_CTL_MOD)
        return -EINVAL;
    /* the interest list (EEXIST, ENOENT, ELOOP, ENOSPC): the host's */
    return shim_pass_to_host();
}

/* do_epoll_wait(): the descriptor (EBADF), then ep_check_params() (the
 * order of recent kernels, 6.18's): 0 when they pass, 1 when the host
 * must make them, or a negative errno. */
static int check_wait(int epfd, uptr events, int maxevents) {
    struct shim_handle* h;
    enum shim_evfd_kind kind;
    int ret, known = shim_evfd_get(epfd, &h, &kind);

    if (known < 0)
        return known;
    if (maxevents <= 0 || maxevents > EP_MAX_EVENTS)
        return -EINVAL;
    ret = shim_access_ok(events, (size_t)maxevents * sizeof(struct kernel_epoll_event));
    if (ret == 0)
        return -EFAULT;
    if (ret < 0 || known > 0)
        return 1;
    return kind == SHIM_EVFD_EPOLL ? 0 : -EINVAL;
}

static long wait_on_host(int ret) {
    return ret < 0 ? ret : shim_pass_to_host();
}

long shim_do_epoll_wait(int epfd, uptr events, int maxevents, int timeout) {
    (void)timeout; /* any: a negative one waits for ever */
    return wait_on_host(check_wait(epfd, events, maxevents));
}

/* do_epoll_pwait(): the signal mask first */
long shim_do_epoll_pwait(int epfd, uptr events, int maxevents, int timeout, uptr sigmask,
                         size_t sigsetsize) {
    int ret = shim_check_sigmask(sigmask, sigsetsize);

    (void)timeout;
    if (ret < 0)
        return ret;
    return wait_on_host(check_wait(epfd, events, maxevents));
}

/* and the time-out before it */
long shim_do_epoll_pwait2(int epfd, uptr events, int maxevents, uptr timeout, uptr sigmask,
                          size_t sigsetsize) {
    int ret;

    if (timeout) {
        ret = shim_check_timespec(timeout);
        if (ret < 0)
            return ret;
    }
    ret = shim_check_sigmask(sigmask, sigsetsize);
    if (ret < 0)
        return ret;
    return wait_on_host(check_wait(epfd, events, maxevents));
}

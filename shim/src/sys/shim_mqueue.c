/*
 * shim_mqueue.c
 *
 * Implementation of system calls "mq_open", "mq_unlink", "mq_timedsend",
 * "mq_timedreceive", "mq_notify" and "mq_getsetattr" (POSIX message
 * queues).
 *
 * The queues are the host's (its mqueue file system, shared with every
 * process of its IPC namespace); their descriptors are the program's,
 * and the table records them.  The shim makes, in the kernel's order, the
 * checks that need nothing of the queues: the attributes, names,
 * timeouts and notifications the kernel copies in first, the priority,
 * the descriptor (open, not O_PATH, open for the direction).  Whether the
 * descriptor is a queue at all, and everything about the queue, is the
 * host's to say; sends and receives run inside the thread, where a full
 * or empty queue blocks that thread alone.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <signal.h>
#include <time.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

/* the kernel's MQ_PRIO_MAX */
#define SHIM_MQ_PRIO_MAX 32768U

/* prepare_timeout(): an absolute timeout, copied and checked before the
 * descriptor is looked at.  0, -EFAULT or -EINVAL. */
static int check_timeout(uptr u_abs_timeout) {
    struct timespec ts;

    if (!u_abs_timeout)
        return 0;
    if (copy_from_user(&ts, u_abs_timeout, sizeof(ts)) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || (unsigned long)ts.tv_nsec >= 1000000000UL)
        return -EINVAL;
    return 0;
}

/* The queue descriptor MQDES as fdget() finds it, and, when DIRECTION
 * (FMODE_READ 1, FMODE_WRITE 2) is not 0, open for it: 0, -EBADF, or 1
 * when the table cannot tell (the host answers).  Whether it is a queue
 * (EBADF too) is the host's to say. */
static int check_mqd(int mqdes, int direction) {
    struct shim_handle* h;
    int flags, ret = shim_fd_get(mqdes, &h);

    if (ret != 0)
        return ret;
    flags = shim_handle_flags(h, mqdes);
    if (flags < 0)
        return flags == -EBADF ? -EBADF : 1;
    if (flags & O_PATH)
        return -EBADF;
    /* OPEN_FMODE: O_RDONLY reads, O_WRONLY writes, O_RDWR both */
    if (direction && !((((flags & O_ACCMODE) + 1) & O_ACCMODE) & direction))
        return -EBADF;
    return 0;
}

long shim_do_mq_open(uptr u_name, unsigned int oflag, mode_t mode, uptr u_attr) {
    struct mq_attr attr;
    char name[PATH_MAX];
    long fd;

    (void)mode;
    /* the attributes are copied before the name is read; they are
     * judged (EINVAL) only when a queue is created */
    if (u_attr && copy_from_user(&attr, u_attr, sizeof(attr)) < 0)
        return -EFAULT;
    fd = shim_getname(u_name, name, false);
    if (fd < 0)
        return fd;
    if (!shim_host_result_free())
        return shim_pass_to_host();
    fd = shim_host_call_self();
    /* a queue's descriptor is always close-on-exec (do_mq_open); out of
     * memory for the record: the table adopts it on first use */
    if (fd >= 0)
        (void)shim_fd_install((int)fd, true, (int)(oflag & O_ACCMODE), true, SHIM_HANDLE_FILE);
    return fd;
}

long shim_do_mq_unlink(uptr u_name) {
    char name[PATH_MAX];
    long ret = shim_getname(u_name, name, false);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

/* mq_timedsend and mq_timedreceive: the timeout, then (a send) the
 * priority, then the descriptor; the buffers and lengths are judged
 * against the queue's attributes, the host's. */
static long transfer(int mqdes, uptr u_abs_timeout, bool sending, unsigned int msg_prio) {
    int ret = check_timeout(u_abs_timeout);

    if (ret < 0)
        return ret;
    if (sending && msg_prio >= SHIM_MQ_PRIO_MAX)
        return -EINVAL;
    ret = check_mqd(mqdes, sending ? 2 : 1);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_mq_timedsend(int mqdes, uptr u_msg_ptr, size_t msg_len, unsigned int msg_prio,
                          uptr u_abs_timeout) {
    (void)u_msg_ptr;
    (void)msg_len;
    return transfer(mqdes, u_abs_timeout, true, msg_prio);
}

long shim_do_mq_timedreceive(int mqdes, uptr u_msg_ptr, size_t msg_len, uptr u_msg_prio,
                             uptr u_abs_timeout) {
    (void)u_msg_ptr;
    (void)msg_len;
    (void)u_msg_prio;
    return transfer(mqdes, u_abs_timeout, false, 0);
}

long shim_do_mq_notify(int mqdes, uptr u_notification) {
    struct sigevent n;
    int ret;

    if (u_notification) {
        if (copy_from_user(&n, u_notification, sizeof(n)) < 0)
            return -EFAULT;
        if (n.sigev_notify != SIGEV_NONE && n.sigev_notify != SIGEV_SIGNAL &&
            n.sigev_notify != SIGEV_THREAD)
            return -EINVAL;
        /* valid_signal(): 0 to _NSIG, as an unsigned long */
        if (n.sigev_notify == SIGEV_SIGNAL && (unsigned long)(long)n.sigev_signo > 64)
            return -EINVAL;
        /* SIGEV_THREAD: a cookie is read and a netlink socket looked up
         * (sigev_signo) before the queue: the host's */
        if (n.sigev_notify == SIGEV_THREAD)
            return shim_pass_to_host();
    }
    ret = check_mqd(mqdes, 0);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_mq_getsetattr(int mqdes, uptr u_mqstat, uptr u_omqstat) {
    struct mq_attr attr;
    int ret;

    (void)u_omqstat;
    if (u_mqstat) {
        if (copy_from_user(&attr, u_mqstat, sizeof(attr)) < 0)
            return -EFAULT;
        if (attr.mq_flags & ~(long)O_NONBLOCK)
            return -EINVAL;
    }
    /* the former attributes are written after the new ones are set */
    ret = check_mqd(mqdes, 0);
    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

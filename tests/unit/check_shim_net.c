/*
 * check_shim_net.c: what the socket and message-queue calls keep in the
 * descriptor table, over the mock PAL, against the kernel's rules:
 * socketpair(2), accept(2), recvmsg(2) with SCM_RIGHTS (unix(7)),
 * mq_open(2) (a queue's descriptor is always close-on-exec).
 *
 * A descriptor these calls make is recorded when the host's result costs
 * no stop more (SYSEMU stops), and left to be adopted on first use under
 * seccomp stops, where the call then goes to the host unseen: one stop.
 * A descriptor the table knows is not a socket is ENOTSOCK with no host
 * call; one it adopts is asked its kind once.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>

#include "mock_run.h"
#include "unit_run.h"

static PAL_HANDLE g_t;

static void setup(void) {
    g_t = mock_start(NULL);
}

static void teardown(void) {
    mock_end();
}

static long getfd(PAL_HANDLE t, int fd) {
    return MOCK_SYSCALL(t, fcntl, fd, F_GETFD, 0);
}

#define ASKED() (g_mock.host_ops + g_mock.stream_queries)

/* T's listening socket 3, which the table records (socket). */
static void listener(PAL_HANDLE t) {
    mock_expect(t, PTSHIM_NR_socket, 3);
    mock_host_fd(t, 3, O_RDWR, false, "socket:[1]");
    ck_assert_int_eq(MOCK_SYSCALL(t, socket, AF_INET, SOCK_STREAM, 0), 3);
}

START_TEST(test_accept_recorded) {
    listener(g_t);
    mock_expect(g_t, PTSHIM_NR_accept4, 5);
    mock_host_fd(g_t, 5, O_RDWR, true, "socket:[2]");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, accept4, 3, 0, 0, SOCK_CLOEXEC), 5);
    ck_assert(!g_mock.on_host);
    ck_assert_int_eq(getfd(g_t, 5), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    /* the table knows it is a socket: its checks ask nothing */
    mock_expect(g_t, PTSHIM_NR_shutdown, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, shutdown, 5, SHUT_RD), 0);
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(g_mock.stream_queries, 0);
    /* accept4's flags before anything else but the descriptor */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, accept4, 3, 0, 0, O_RDWR), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, accept4, 9, 0, 0, O_RDWR), -EBADF);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

START_TEST(test_accept_unseen_under_seccomp) {
    listener(g_t);
    mock_set_stops(PAL_STOPS_SECCOMP);
    mock_expect(g_t, PTSHIM_NR_accept4, 5);
    mock_host_fd(g_t, 5, O_RDWR, true, "socket:[2]");
    MOCK_SYSCALL(g_t, accept4, 3, 0, 0, SOCK_CLOEXEC);
    /* the program's own call, unseen: no exit stop for the record */
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(g_mock.host_ops, 1);
    /* adopted on first use, once */
    ck_assert_int_eq(getfd(g_t, 5), FD_CLOEXEC);
    ck_assert_int_eq(g_mock.stream_queries, 1);
    ck_assert_int_eq(getfd(g_t, 5), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
}
END_TEST

START_TEST(test_socketpair_recorded) {
    static const int fds[2] = {6, 7};
    PAL_NUM at = mock_alloc(g_t, sizeof(fds));

    mock_expect(g_t, PTSHIM_NR_socketpair, 0);
    mock_poke(g_t, at, fds, sizeof(fds));
    mock_host_fd(g_t, 6, O_RDWR | O_NONBLOCK, true, "socket:[3]");
    mock_host_fd(g_t, 7, O_RDWR | O_NONBLOCK, true, "socket:[4]");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, socketpair, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, at), 0);
    ck_assert_int_eq(getfd(g_t, 6), FD_CLOEXEC);
    ck_assert_int_eq(getfd(g_t, 7), FD_CLOEXEC);
    mock_expect(g_t, PTSHIM_NR_listen, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, listen, 7, 1), 0);
    ck_assert_int_eq(g_mock.stream_queries, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, socketpair, AF_UNIX, SOCK_STREAM | 0x100000, 0, at), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

START_TEST(test_enotsock) {
    PAL_NUM addr = mock_alloc(g_t, 16);

    /* a file the table records (open): no question at all */
    mock_expect(g_t, PTSHIM_NR_openat, 3);
    mock_host_fd(g_t, 3, O_RDWR, false, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat, AT_FDCWD, mock_str(g_t, "f"), O_RDWR, 0), 3);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, bind, 3, addr, 16), -ENOTSOCK);
    ck_assert_int_eq(ASKED(), 0);
    /* connect reads the address before it asks whether it is a socket */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, connect, 3, MOCK_BAD_ADDR, 16), -EFAULT);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, connect, 3, addr, 129), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, connect, 3, addr, 16), -ENOTSOCK);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* an inherited pipe: its flags and its name asked once */
    mock_host_fd(g_t, 4, O_RDONLY, false, "pipe:[5]");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, listen, 4, 1), -ENOTSOCK);
    ck_assert_int_eq(g_mock.host_ops, 0);
    ck_assert_int_eq(g_mock.stream_queries, 2);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getsockname, 4, addr, addr), -ENOTSOCK);
    ck_assert_int_eq(ASKED(), 0);
    /* closed */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, listen, 9, 1), -EBADF);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

START_TEST(test_recvmsg_rights) {
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(2 * sizeof(int))];
    } ctl;
    struct msghdr m = {0};
    struct cmsghdr* c;
    static const int fds[2] = {8, 9};
    PAL_NUM ctl_at = mock_alloc(g_t, sizeof(ctl)), msg_at;

    listener(g_t);
    /* what the host leaves in the program's memory: two descriptors */
    memset(&ctl, 0, sizeof(ctl));
    m.msg_control = ctl.buf;
    m.msg_controllen = sizeof(ctl.buf);
    c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(fds));
    memcpy(CMSG_DATA(c), fds, sizeof(fds));
    m.msg_control = (void*)ctl_at;
    msg_at = mock_alloc(g_t, sizeof(m));
    mock_expect(g_t, PTSHIM_NR_recvmsg, 1);
    mock_poke(g_t, ctl_at, ctl.buf, sizeof(ctl.buf));
    mock_poke(g_t, msg_at, &m, sizeof(m));
    mock_host_fd(g_t, 8, O_RDONLY, true, "pipe:[6]");
    mock_host_fd(g_t, 9, O_WRONLY, true, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, recvmsg, 3, msg_at, MSG_CMSG_CLOEXEC), 1);
    /* recorded: F_GETFD from the table */
    ck_assert_int_eq(getfd(g_t, 8), FD_CLOEXEC);
    ck_assert_int_eq(getfd(g_t, 9), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    /* of a kind the table learns when it needs it */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, listen, 8, 1), -ENOTSOCK);
    ck_assert_int_eq(g_mock.host_ops, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, recvmsg, 3, msg_at, 0x80000000U), -EINVAL);
}
END_TEST

START_TEST(test_mq_open_recorded) {
    mock_expect(g_t, PTSHIM_NR_mq_open, 4);
    mock_host_fd(g_t, 4, O_RDONLY, true, "/q");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, mq_open, mock_str(g_t, "q"), O_RDONLY | O_CREAT, 0600, 0), 4);
    ck_assert_int_eq(getfd(g_t, 4), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    /* a receive may go on; a send on a read-only queue is EBADF */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, mq_timedsend, 4, 0, 0, 0, 0), -EBADF);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, mq_timedsend, 4, 0, 0, 32768, 0), -EINVAL);
    ck_assert_int_eq(ASKED(), 0);
    mock_expect(g_t, PTSHIM_NR_mq_timedreceive, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, mq_timedreceive, 4, 0, 0, 0, 0), 0);
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, mq_open, MOCK_BAD_ADDR, O_RDONLY, 0, 0), -EFAULT);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_net");
    TCase* tc = tcase_create("records");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_accept_recorded);
    tcase_add_test(tc, test_accept_unseen_under_seccomp);
    tcase_add_test(tc, test_socketpair_recorded);
    tcase_add_test(tc, test_enotsock);
    tcase_add_test(tc, test_recvmsg_rights);
    tcase_add_test(tc, test_mq_open_recorded);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

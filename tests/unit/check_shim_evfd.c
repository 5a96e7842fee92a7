/*
 * check_shim_evfd.c: what the calls of epoll and inotify know of a
 * descriptor (sys/shim_epoll.c's shim_evfd_get: its kind, from the host's
 * name of its handle), over the mock PAL, against the kernel's rules
 * (epoll_ctl(2), epoll_wait(2), inotify_add_watch(2)).
 *
 * A descriptor's kind is asked of the host once (adopted, then named):
 * the errors it decides (EINVAL for an instance of another kind, EBADF for
 * a closed one) cost no host call after that, not even after a rename,
 * which makes the names of files stale but not an anonymous inode's; a
 * call whose checks pass runs on the host as made, in one stop, and so
 * does one on a descriptor the host will not describe.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/inotify.h>

#include "mock_run.h"
#include "shim_handle.h"
#include "unit_run.h"

#define EP 3
#define PIPE 4
#define FILE_ 5
#define IN 6
#define EV 7
#define CLOSED 9

static PAL_HANDLE g_t;
static PAL_NUM g_events;

static void setup(void) {
    g_t = mock_start(NULL);
    mock_host_fd(g_t, EP, O_RDWR, true, "anon_inode:[eventpoll]");
    mock_host_fd(g_t, PIPE, O_RDONLY, false, "pipe:[99]");
    mock_host_fd(g_t, FILE_, O_RDWR, false, "/work/f");
    mock_host_fd(g_t, IN, O_RDONLY, false, "anon_inode:inotify");
    mock_host_fd(g_t, EV, O_RDWR, false, "anon_inode:[eventfd]");
    g_events = mock_alloc(g_t, 8 * 12);
}

static void teardown(void) {
    mock_end();
}

#define ASKED() (g_mock.host_ops + g_mock.stream_queries)

static long wait_on(int epfd) {
    return MOCK_SYSCALL(g_t, epoll_wait, epfd, g_events, 8, 0);
}

static long ctl(int epfd, int op, int fd) {
    return MOCK_SYSCALL(g_t, epoll_ctl, epfd, op, fd, g_events);
}

START_TEST(test_kind_asked_once) {
    /* adopted (its flags), then named: two questions, no host call */
    ck_assert_int_eq(wait_on(PIPE), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
    ck_assert_int_eq(g_mock.stream_queries, 2);
    ck_assert_int_eq(wait_on(PIPE), -EINVAL);
    ck_assert_int_eq(ASKED(), 0);
    /* an instance: the wait is the host's, the program's own call */
    mock_expect(g_t, PTSHIM_NR_epoll_wait, 1);
    ck_assert_int_eq(wait_on(EP), 1);
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(g_mock.host_ops, 1);
    mock_expect(g_t, PTSHIM_NR_epoll_wait, 0);
    ck_assert_int_eq(wait_on(EP), 0);
    ck_assert_int_eq(g_mock.stream_queries, 0);
    /* a rename makes file names stale, not an instance's */
    shim_names_changed();
    mock_expect(g_t, PTSHIM_NR_epoll_wait, 0);
    ck_assert_int_eq(wait_on(EP), 0);
    ck_assert_int_eq(g_mock.stream_queries, 0);
    ck_assert_int_eq(wait_on(EV), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* do_epoll_ctl(): both descriptors, the target's poll, the instance */
START_TEST(test_ctl) {
    ck_assert_int_eq(ctl(CLOSED, EPOLL_CTL_ADD, PIPE), -EBADF);
    ck_assert_int_eq(ctl(EP, EPOLL_CTL_ADD, CLOSED), -EBADF);
    ck_assert_int_eq(ctl(EP, EPOLL_CTL_ADD, EP), -EINVAL);
    ck_assert_int_eq(ctl(PIPE, EPOLL_CTL_ADD, EV), -EINVAL);
    ck_assert_int_eq(ctl(EP, 7, PIPE), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* whether a file polls (EPERM), and before it the instance's kind,
     * are the host's */
    mock_expect(g_t, PTSHIM_NR_epoll_ctl, -EPERM);
    ck_assert_int_eq(ctl(PIPE, EPOLL_CTL_ADD, FILE_), -EPERM);
    ck_assert(g_mock.on_host);
    mock_expect(g_t, PTSHIM_NR_epoll_ctl, 0);
    ck_assert_int_eq(ctl(EP, EPOLL_CTL_ADD, IN), 0);
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(g_mock.host_ops, 1);
    /* the event is read first */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, epoll_ctl, CLOSED, EPOLL_CTL_ADD, PIPE, MOCK_BAD_ADDR),
                     -EFAULT);
}
END_TEST

START_TEST(test_inotify) {
    PAL_NUM name = mock_str(g_t, "dir");

    ck_assert_int_eq(MOCK_SYSCALL(g_t, inotify_add_watch, EV, name, IN_CREATE), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, inotify_add_watch, IN, MOCK_BAD_ADDR, IN_CREATE), -EFAULT);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, inotify_rm_watch, EP, 1), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
    mock_expect(g_t, PTSHIM_NR_inotify_add_watch, 1);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, inotify_add_watch, IN, name, IN_CREATE), 1);
    ck_assert(g_mock.on_host);
}
END_TEST

/* A new instance is the host's, made as the program asked: one host call
 * (no result waited for), nothing recorded until it is used. */
START_TEST(test_create) {
    ck_assert_int_eq(MOCK_SYSCALL(g_t, epoll_create1, 1), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
    mock_expect(g_t, PTSHIM_NR_epoll_create1, 10);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, epoll_create1, O_CLOEXEC), 10);
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(g_mock.host_ops, 1);
    mock_host_fd(g_t, 10, O_RDWR, true, "anon_inode:[eventpoll]");
    mock_expect(g_t, PTSHIM_NR_epoll_wait, 0);
    ck_assert_int_eq(wait_on(10), 0);
    ck_assert_int_eq(g_mock.stream_queries, 2);
}
END_TEST

/* The host will not describe its descriptors: it answers for them. */
START_TEST(test_unknown) {
    mock_host_fds_refused(g_t, true);
    mock_expect(g_t, PTSHIM_NR_epoll_wait, -EINVAL);
    ck_assert_int_eq(wait_on(PIPE), -EINVAL);
    ck_assert(g_mock.on_host);
    mock_expect(g_t, PTSHIM_NR_epoll_ctl, -EINVAL);
    ck_assert_int_eq(ctl(EP, EPOLL_CTL_ADD, EP), -EINVAL);
    ck_assert(g_mock.on_host);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_evfd");
    TCase* tc = tcase_create("evfd");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_kind_asked_once);
    tcase_add_test(tc, test_ctl);
    tcase_add_test(tc, test_inotify);
    tcase_add_test(tc, test_create);
    tcase_add_test(tc, test_unknown);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

/*
 * check_shim_ids.c: each thread's credentials as the shim keeps them
 * (bookkeep/shim_identity.c, sys/shim_getuid.c), over the mock PAL,
 * against the kernel's rules: getuid(2), getresuid(2), getgroups(2),
 * setuid(2), setfsuid(2), credentials(7) (IDs are per thread, copied at
 * clone) and execve(2) (a set-user-ID program changes them).
 *
 * The get calls answer from the credentials read from the host once, with
 * no host call; a set call runs on the host and, when it may have changed
 * them, has them read again when next needed.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/sched.h>

#include "mock_run.h"
#include "unit_run.h"

static PAL_HANDLE g_t;

static const struct pal_identity g_user = {1000, 1001, 1002, 1003, 2000, 2001, 2002, 2003};
static const gid_t g_groups[] = {4, 24, 2000};
#define NGROUPS ((int)(sizeof(g_groups) / sizeof(g_groups[0])))

static void setup(void) {
    g_t = mock_start(NULL);
    mock_host_identity(g_t, &g_user, g_groups, NGROUPS);
}

static void teardown(void) {
    mock_end();
}

/* The host changes T's real, effective and saved user IDs to UID. */
static void host_sets_uid(PAL_HANDLE t, uid_t uid) {
    struct pal_identity id = g_user;

    id.uid = id.euid = id.suid = id.fsuid = uid;
    mock_host_identity(t, &id, g_groups, NGROUPS);
}

START_TEST(test_get_ids_read_once) {
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 1000);
    ck_assert_int_eq(g_mock.identity_reads, 1);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, geteuid, 0), 1001);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgid, 0), 2000);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getegid, 0), 2001);
    ck_assert_int_eq(g_mock.identity_reads + g_mock.host_ops, 0);
}
END_TEST

/* getresuid and getresgid write the real, effective and saved IDs in that
 * order; a fault ends it with EFAULT, the IDs before it written. */
START_TEST(test_getres) {
    PAL_NUM ids = mock_alloc(g_t, 3 * sizeof(uid_t));
    uid_t got[3];

    ck_assert_int_eq(MOCK_SYSCALL(g_t, getresuid, ids, ids + 4, ids + 8), 0);
    mock_peek(g_t, ids, got, sizeof(got));
    ck_assert_uint_eq(got[0], 1000);
    ck_assert_uint_eq(got[1], 1001);
    ck_assert_uint_eq(got[2], 1002);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getresgid, ids, ids + 4, ids + 8), 0);
    mock_peek(g_t, ids, got, sizeof(got));
    ck_assert_uint_eq(got[0], 2000);
    ck_assert_uint_eq(got[1], 2001);
    ck_assert_uint_eq(got[2], 2002);

    ids = mock_alloc(g_t, 3 * sizeof(uid_t));
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getresuid, ids, MOCK_BAD_ADDR, ids + 8), -EFAULT);
    mock_peek(g_t, ids, got, sizeof(got));
    ck_assert_uint_eq(got[0], 1000);
    ck_assert_uint_eq(got[1], 0);
    ck_assert_uint_eq(got[2], 0);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* getgroups(0, ...) counts the groups; a smaller size, or a negative one,
 * is EINVAL; else the list, ascending. */
START_TEST(test_getgroups) {
    PAL_NUM list = mock_alloc(g_t, 8 * sizeof(gid_t));
    gid_t got[NGROUPS];

    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgroups, 0, 0), NGROUPS);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgroups, 8, list), NGROUPS);
    mock_peek(g_t, list, got, sizeof(got));
    for (int i = 0; i < NGROUPS; i++)
        ck_assert_uint_eq(got[i], g_groups[i]);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgroups, NGROUPS - 1, list), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgroups, -1, list), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgroups, NGROUPS, MOCK_BAD_ADDR), -EFAULT);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* More groups than a first read makes room for: all of them all the same. */
START_TEST(test_many_groups) {
    gid_t many[MOCK_MAX_GROUPS], got[MOCK_MAX_GROUPS];
    PAL_NUM list = mock_alloc(g_t, sizeof(got));

    for (int i = 0; i < MOCK_MAX_GROUPS; i++)
        many[i] = (gid_t)(100 + i);
    mock_host_identity(g_t, &g_user, many, MOCK_MAX_GROUPS);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgroups, MOCK_MAX_GROUPS, list), MOCK_MAX_GROUPS);
    mock_peek(g_t, list, got, sizeof(got));
    for (int i = 0; i < MOCK_MAX_GROUPS; i++)
        ck_assert_uint_eq(got[i], many[i]);
}
END_TEST

/* A set call runs on the host; after one that succeeded the credentials
 * are read again, after one that failed they are not. */
START_TEST(test_set_then_read_again) {
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 1000);
    mock_expect(g_t, PTSHIM_NR_setuid, -EPERM);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, setuid, 0), -EPERM);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 1000);
    ck_assert_int_eq(g_mock.identity_reads, 0);

    mock_expect(g_t, PTSHIM_NR_setresuid, 0);
    host_sets_uid(g_t, 1500);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, setresuid, 1500, 1500, 1500), 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 1500);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, geteuid, 0), 1500);

    /* an abandoned call ran nothing: nothing changed */
    mock_expect_effect(g_t, PTSHIM_NR_setgid, MOCK_ABANDONED);
    MOCK_SYSCALL(g_t, setgid, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgid, 0), 2000);
    ck_assert_int_eq(g_mock.identity_reads, 0);
}
END_TEST

/* setfsuid returns the former fsuid whether it changed it or not: the
 * credentials are read again after it all the same. */
START_TEST(test_setfsuid) {
    struct pal_identity id = g_user;
    PAL_NUM ids = mock_alloc(g_t, 3 * sizeof(uid_t));

    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 1000);
    id.fsuid = 1001;
    mock_host_identity(g_t, &id, g_groups, NGROUPS);
    mock_expect(g_t, PTSHIM_NR_setfsuid, 1003);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, setfsuid, 1001), 1003);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getresuid, ids, ids + 4, ids + 8), 0);
    ck_assert_int_eq(g_mock.identity_reads, 1);
}
END_TEST

/* Credentials are per thread: a thread's setuid changes its own. */
START_TEST(test_per_thread) {
    PAL_HANDLE t2;

    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 1000);
    t2 = mock_clone(g_t, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD, 101);
    /* copied at the clone: no read */
    ck_assert_int_eq(MOCK_SYSCALL(t2, getuid, 0), 1000);
    ck_assert_int_eq(g_mock.identity_reads, 0);
    mock_expect(t2, PTSHIM_NR_setuid, 0);
    host_sets_uid(t2, 1500);
    ck_assert_int_eq(MOCK_SYSCALL(t2, setuid, 1500), 0);
    ck_assert_int_eq(MOCK_SYSCALL(t2, getuid, 0), 1500);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 1000);
    ck_assert_int_eq(g_mock.identity_reads, 0);
}
END_TEST

/* An execve may run a set-user-ID program: the IDs are read again. */
START_TEST(test_exec_reads_again) {
    ck_assert_int_eq(MOCK_SYSCALL(g_t, geteuid, 0), 1001);
    mock_exec(g_t);
    host_sets_uid(g_t, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, geteuid, 0), 0);
    ck_assert_int_eq(g_mock.identity_reads, 1);
}
END_TEST

/* Where the shim cannot answer (another user namespace names IDs its own
 * way; the host cannot say), the host answers each call. */
START_TEST(test_host_answers) {
    PAL_NUM ids = mock_alloc(g_t, 3 * sizeof(uid_t));

    mock_host_namespaces(g_t, PAL_NS_USER, 0);
    mock_expect(g_t, PTSHIM_NR_getuid, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getuid, 0), 0);
    ck_assert_int_eq(g_mock.identity_reads, 0);
    mock_expect(g_t, PTSHIM_NR_getresuid, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getresuid, ids, ids + 4, ids + 8), 0);
    ck_assert(g_mock.on_host);
}
END_TEST

START_TEST(test_host_cannot_say) {
    mock_host_identity_error(g_t, -EIO);
    for (int i = 0; i < 2; i++) {
        mock_expect(g_t, PTSHIM_NR_getgid, 2000);
        ck_assert_int_eq(MOCK_SYSCALL(g_t, getgid, 0), 2000);
    }
    /* "cannot say" is kept, as an answer is, until the IDs may change */
    ck_assert_int_eq(g_mock.identity_reads, 0);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_ids");
    TCase* tc = tcase_create("credentials");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_get_ids_read_once);
    tcase_add_test(tc, test_getres);
    tcase_add_test(tc, test_getgroups);
    tcase_add_test(tc, test_many_groups);
    tcase_add_test(tc, test_set_then_read_again);
    tcase_add_test(tc, test_setfsuid);
    tcase_add_test(tc, test_per_thread);
    tcase_add_test(tc, test_exec_reads_again);
    tcase_add_test(tc, test_host_answers);
    tcase_add_test(tc, test_host_cannot_say);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

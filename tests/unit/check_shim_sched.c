/*
 * check_shim_sched.c: the program's CPUs as the shim keeps them
 * (sys/shim_sched.c), with and without --cpus, over the mock PAL, against
 * sched_setaffinity(2) and the kernel's own checks (kernel/sched/core.c):
 * sched_getaffinity's length (at least nr_cpu_ids bits, a multiple of a
 * long) and its result (the bytes of the kernel's mask it copied);
 * sched_setaffinity's mask (copied first, cut or padded to the kernel's
 * size), its target (ESRCH), the caller's permission (EPERM) and an empty
 * set (EINVAL); a new thread's set is its creator's.
 *
 * The host's machine: 8 CPUs, masks of 8 bytes, unless a test says.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/sched.h>

#include "mock_run.h"
#include "unit_run.h"

static PAL_HANDLE g_t;

static void teardown(void) {
    mock_end();
}

/* The mask T's sched_getaffinity(PID, 8, ...) gives, or its error. */
static long getaff(PAL_HANDLE t, pid_t pid) {
    PAL_NUM at = mock_alloc(t, 8);
    uint64_t mask;
    long ret = MOCK_SYSCALL(t, sched_getaffinity, pid, 8, at);

    if (ret < 0)
        return ret;
    ck_assert_int_eq(ret, 8);
    mock_peek(t, at, &mask, sizeof(mask));
    return (long)mask;
}

/* T's sched_setaffinity(PID, LEN, MASK). */
static long setaff(PAL_HANDLE t, pid_t pid, unsigned int len, uint64_t mask) {
    return MOCK_SYSCALL(t, sched_setaffinity, pid, len, mock_put(t, &mask, sizeof(mask)));
}

/* The CPUs the host runs T on. */
static uint64_t host_cpus(PAL_HANDLE t) {
    uint64_t bits;

    mock_host_cpus(t, &bits, 1);
    return bits;
}

START_TEST(test_getaffinity) {
    PAL_NUM at;

    g_t = mock_start(NULL);
    ck_assert_int_eq(getaff(g_t, 0), 0xff);
    ck_assert_int_eq(g_mock.host_ops, 0);
    ck_assert_int_eq(getaff(g_t, MOCK_PID), 0xff);
    /* the result is the bytes copied: the kernel's mask size at most */
    at = mock_alloc(g_t, 16);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, 0, 16, at), 8);
    /* not a multiple of a long: EINVAL */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, 0, 12, at), -EINVAL);
    /* fewer bits than CPU IDs: EINVAL; 2^29 bytes and more are fewer
     * bits, counted in an unsigned int */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, 0, 0x80000000U, at), -EINVAL);
    mock_set_cpu_ids(65, 16);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, 0, 8, at), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, 0, 16, at), 16);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, 0, 16, MOCK_BAD_ADDR), -EFAULT);
    /* no such thread */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, -1, 16, at), -ESRCH);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* a thread the shim does not know: the host's to say */
    mock_expect(g_t, PTSHIM_NR_sched_getaffinity, -ESRCH);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_getaffinity, 4242, 16, at), -ESRCH);
}
END_TEST

START_TEST(test_setaffinity) {
    g_t = mock_start(NULL);
    ck_assert_int_eq(setaff(g_t, 0, 8, 0x0c), 0);
    ck_assert_int_eq(getaff(g_t, 0), 0x0c);
    ck_assert_uint_eq(host_cpus(g_t), 0x0c);
    /* CPUs the machine lacks are dropped; none of its own is EINVAL */
    ck_assert_int_eq(setaff(g_t, 0, 8, 0x301), 0);
    ck_assert_int_eq(getaff(g_t, 0), 0x01);
    ck_assert_int_eq(setaff(g_t, 0, 8, 0xff00), -EINVAL);
    ck_assert_int_eq(getaff(g_t, 0), 0x01);
    /* a short mask: the CPUs beyond it are not in the set */
    ck_assert_int_eq(setaff(g_t, 0, 1, 0xff06), 0);
    ck_assert_int_eq(getaff(g_t, 0), 0x06);
    /* the mask is read first: EFAULT before ESRCH */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, sched_setaffinity, -1, 8, MOCK_BAD_ADDR), -EFAULT);
    ck_assert_int_eq(setaff(g_t, -1, 8, 0x01), -ESRCH);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* --cpus 1,3: the program's world; it starts confined to it. */
START_TEST(test_cpus_option) {
    static const uint64_t world = 0x0a;
    struct shim_options opts = {.cpus = &world, .ncpu_words = 1};

    g_t = mock_start(&opts);
    ck_assert_uint_eq(host_cpus(g_t), 0x0a);
    ck_assert_int_eq(getaff(g_t, 0), 0x0a);
    ck_assert_int_eq(setaff(g_t, 0, 8, 0x07), 0);
    ck_assert_int_eq(getaff(g_t, 0), 0x02);
    ck_assert_uint_eq(host_cpus(g_t), 0x02);
    /* none of the world's: EINVAL, nothing applied */
    ck_assert_int_eq(mock_cpu_sets(g_t), 2);
    ck_assert_int_eq(setaff(g_t, 0, 8, 0xf5), -EINVAL);
    ck_assert_int_eq(mock_cpu_sets(g_t), 2);
    ck_assert_int_eq(getaff(g_t, 0), 0x02);
}
END_TEST

/* A new thread runs where its creator did; each changes its own set. */
START_TEST(test_clone_inherits) {
    PAL_HANDLE t2, child;

    g_t = mock_start(NULL);
    ck_assert_int_eq(setaff(g_t, 0, 8, 0x30), 0);
    t2 = mock_clone(g_t, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD, 101);
    child = mock_clone(g_t, 0, 200);
    ck_assert_int_eq(getaff(t2, 0), 0x30);
    ck_assert_int_eq(getaff(child, 0), 0x30);
    ck_assert_int_eq(setaff(t2, 0, 8, 0x01), 0);
    ck_assert_int_eq(getaff(t2, 0), 0x01);
    ck_assert_int_eq(getaff(g_t, 0), 0x30);
    ck_assert_int_eq(getaff(child, 0), 0x30);
    /* another thread's set, asked by its ID */
    ck_assert_int_eq(getaff(g_t, 101), 0x01);
    /* an execve keeps it */
    mock_exec(child);
    ck_assert_int_eq(getaff(child, 0), 0x30);
}
END_TEST

/* Another thread's set: the kernel first checks the caller's right to
 * change it, which the shim asks of the host with an empty mask (length
 * 0: EINVAL once the right is granted, and nothing changed). */
START_TEST(test_permission) {
    PAL_HANDLE child;
    const struct mock_host_call* c;

    g_t = mock_start(NULL);
    child = mock_clone(g_t, 0, 200);
    mock_expect(g_t, PTSHIM_NR_sched_setaffinity, -EPERM);
    ck_assert_int_eq(setaff(g_t, 200, 8, 0x01), -EPERM);
    c = mock_host_call(0);
    ck_assert_int_eq(c->args[0], 200);
    ck_assert_int_eq(c->args[1], 0);
    ck_assert_int_eq(getaff(child, 0), 0xff);
    mock_expect(g_t, PTSHIM_NR_sched_setaffinity, -EINVAL);
    ck_assert_int_eq(setaff(g_t, 200, 8, 0x01), 0);
    ck_assert_int_eq(getaff(child, 0), 0x01);
    ck_assert_uint_eq(host_cpus(child), 0x01);
    /* its own set, by its own ID: no permission to ask */
    ck_assert_int_eq(setaff(child, 200, 8, 0x02), 0);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_sched");
    TCase* tc = tcase_create("cpus");

    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, test_getaffinity);
    tcase_add_test(tc, test_setaffinity);
    tcase_add_test(tc, test_cpus_option);
    tcase_add_test(tc, test_clone_inherits);
    tcase_add_test(tc, test_permission);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

/*
 * check_shim_signal.c: each process's record of its signal dispositions
 * (bookkeep/shim_sighand.c, sys/shim_signal.c's rt_sigaction), over the
 * mock PAL, against the kernel's rules: rt_sigaction's checks in its order
 * (sigsetsize, the action read, the signal number, SIGKILL and SIGSTOP),
 * the action as the kernel keeps it (unknown sa_flags cleared, SIGKILL and
 * SIGSTOP never in the mask: sigaction(2)), copied by fork, shared by
 * CLONE_SIGHAND, reset by CLONE_CLEAR_SIGHAND (clone(2)) and by execve
 * (execve(2): handled signals to SIG_DFL, ignored ones stay ignored).
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <string.h>

#include "mock_run.h"
#include "shim_signal.h"
#include "shim_thread.h"
#include "unit_run.h"

#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif
#define KSA_RESTORER 0x04000000UL
#define KSA_UNSUPPORTED 0x00000400UL

#define HANDLER 0x401000UL
#define RESTORER 0x402000UL
#define SIGBIT(sig) (1ULL << ((sig)-1))
#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)

static PAL_HANDLE g_t;

static void setup(void) {
    g_t = mock_start(NULL);
}

static void teardown(void) {
    g_pal_log_level = PAL_LOG_NONE;
    mock_end();
}

/* The shim's record of SIG's action in T's process, NULL when unknown. */
static const struct shim_sigaction* recorded(PAL_HANDLE t, int sig) {
    const struct shim_sighand* sh = shim_thread_of(t)->proc->sighand;

    ck_assert_ptr_nonnull(sh);
    return (sh->known & SIGBIT(sig)) ? &sh->action[sig - 1] : NULL;
}

/* T sets SIG's HANDLER with FLAGS and MASK; the host answers HOST. */
static long set_action(PAL_HANDLE t, int sig, uint64_t handler, uint64_t flags, uint64_t mask,
                       long host) {
    struct shim_sigaction act = {handler, flags | KSA_RESTORER, RESTORER, mask};

    mock_expect(t, PTSHIM_NR_rt_sigaction, host);
    return MOCK_SYSCALL(t, rt_sigaction, sig, mock_put(t, &act, sizeof(act)), 0, 8);
}

static void assert_handler(PAL_HANDLE t, int sig, uint64_t handler) {
    const struct shim_sigaction* a = recorded(t, sig);

    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(a->handler, handler);
}

START_TEST(test_recorded_as_kept) {
    const struct shim_sigaction* a;

    ck_assert_ptr_null(recorded(g_t, SIGUSR1));
    ck_assert_int_eq(set_action(g_t, SIGUSR1, HANDLER, SA_SIGINFO | SA_RESTART | KSA_UNSUPPORTED,
                                SIGBIT(SIGKILL) | SIGBIT(SIGSTOP) | SIGBIT(SIGUSR2), 0),
                     0);
    a = recorded(g_t, SIGUSR1);
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(a->handler, HANDLER);
    ck_assert_uint_eq(a->flags, SA_SIGINFO | SA_RESTART | KSA_RESTORER);
    ck_assert_uint_eq(a->restorer, RESTORER);
    ck_assert_uint_eq(a->mask, SIGBIT(SIGUSR2));
    ck_assert_ptr_null(recorded(g_t, SIGUSR2));
}
END_TEST

/* The kernel's errors, before anything changes: no host call. */
START_TEST(test_checks) {
    struct shim_sigaction act = {HANDLER, KSA_RESTORER, RESTORER, 0};
    PAL_NUM a = mock_put(g_t, &act, sizeof(act)), old = mock_alloc(g_t, sizeof(act));

    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGUSR1, a, 0, 4), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, 0, a, 0, 8), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, 65, a, 0, 8), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGKILL, a, 0, 8), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGSTOP, a, old, 8), -EINVAL);
    /* the action is read before the signal is checked */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGSTOP, MOCK_BAD_ADDR, 0, 8), -EFAULT);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, 0, MOCK_BAD_ADDR, 0, 8), -EFAULT);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* SIGKILL's action may be read */
    mock_expect(g_t, PTSHIM_NR_rt_sigaction, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGKILL, 0, old, 8), 0);
    ck_assert_ptr_null(recorded(g_t, SIGKILL));
}
END_TEST

/* Where nothing reads the former action, the call runs on the host
 * unseen, in one stop, and the record takes the action the shim's checks
 * passed.  Where the shim waits for the host's answer (-d compares the
 * former action of a signal it knows), a failure changes nothing. */
START_TEST(test_failure_changes_nothing) {
    struct shim_sigaction act = {HANDLER + 16, KSA_RESTORER, RESTORER, 0};
    PAL_NUM old = mock_alloc(g_t, sizeof(act));

    ck_assert_int_eq(set_action(g_t, SIGUSR1, HANDLER, 0, 0, 0), 0);
    ck_assert(g_mock.on_host);
    assert_handler(g_t, SIGUSR1, HANDLER);
    g_pal_log_level = PAL_LOG_DEBUG;
    mock_expect(g_t, PTSHIM_NR_rt_sigaction, -EINVAL);
    ck_assert_int_eq(
        MOCK_SYSCALL(g_t, rt_sigaction, SIGUSR1, mock_put(g_t, &act, sizeof(act)), old, 8),
        -EINVAL);
    ck_assert(!g_mock.on_host);
    assert_handler(g_t, SIGUSR1, HANDLER);
    mock_expect_effect(g_t, PTSHIM_NR_rt_sigaction, MOCK_ABANDONED);
    MOCK_SYSCALL(g_t, rt_sigaction, SIGUSR1, mock_put(g_t, &act, sizeof(act)), old, 8);
    assert_handler(g_t, SIGUSR1, HANDLER);
    /* the old action could not be written: the new one is set all the
     * same (the kernel writes the old one after the change) */
    mock_expect(g_t, PTSHIM_NR_rt_sigaction, -EFAULT);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGUSR1, mock_put(g_t, &act, sizeof(act)),
                                  MOCK_BAD_ADDR, 8),
                     -EFAULT);
    assert_handler(g_t, SIGUSR1, HANDLER + 16);
}
END_TEST

/* fork: the child's dispositions are a copy; threads share theirs. */
START_TEST(test_fork_copies_threads_share) {
    PAL_HANDLE child, t2;

    ck_assert_int_eq(set_action(g_t, SIGUSR1, HANDLER, 0, 0, 0), 0);
    child = mock_clone(g_t, 0, 200);
    t2 = mock_clone(g_t, THREAD_FLAGS, 101);
    assert_handler(child, SIGUSR1, HANDLER);
    ck_assert_int_eq(set_action(child, SIGUSR1, (uint64_t)(uintptr_t)SIG_IGN, 0, 0, 0), 0);
    ck_assert_int_eq(set_action(child, SIGUSR2, HANDLER, 0, 0, 0), 0);
    assert_handler(g_t, SIGUSR1, HANDLER);
    ck_assert_ptr_null(recorded(g_t, SIGUSR2));
    ck_assert_int_eq(set_action(t2, SIGTERM, HANDLER, 0, 0, 0), 0);
    assert_handler(g_t, SIGTERM, HANDLER);
    ck_assert_ptr_null(recorded(child, SIGTERM));
}
END_TEST

/* CLONE_SIGHAND without CLONE_THREAD: two processes, one table. */
START_TEST(test_clone_sighand_shares) {
    PAL_HANDLE child = mock_clone(g_t, CLONE_VM | CLONE_SIGHAND, 200);

    ck_assert_int_eq(set_action(child, SIGUSR1, HANDLER, 0, 0, 0), 0);
    assert_handler(g_t, SIGUSR1, HANDLER);
}
END_TEST

/* CLONE_CLEAR_SIGHAND: handled signals to SIG_DFL, ignored ones stay. */
START_TEST(test_clear_sighand) {
    const struct shim_sigaction* a;
    PAL_HANDLE child;

    ck_assert_int_eq(set_action(g_t, SIGUSR1, HANDLER, SA_RESTART, SIGBIT(SIGINT), 0), 0);
    ck_assert_int_eq(set_action(g_t, SIGUSR2, (uint64_t)(uintptr_t)SIG_IGN, 0, 0, 0), 0);
    child = mock_clone(g_t, CLONE_CLEAR_SIGHAND, 200);
    a = recorded(child, SIGUSR1);
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(a->handler, (uint64_t)(uintptr_t)SIG_DFL);
    ck_assert_uint_eq(a->flags, 0);
    ck_assert_uint_eq(a->restorer, 0);
    ck_assert_uint_eq(a->mask, 0);
    assert_handler(child, SIGUSR2, (uint64_t)(uintptr_t)SIG_IGN);
    assert_handler(g_t, SIGUSR1, HANDLER);
}
END_TEST

/* execve: handled signals to SIG_DFL, ignored ones stay; a table shared
 * with another process becomes the process's own first. */
START_TEST(test_exec_resets) {
    PAL_HANDLE child;

    ck_assert_int_eq(set_action(g_t, SIGUSR1, HANDLER, SA_RESTART, 0, 0), 0);
    ck_assert_int_eq(set_action(g_t, SIGUSR2, (uint64_t)(uintptr_t)SIG_IGN, 0, 0, 0), 0);
    child = mock_clone(g_t, CLONE_VM | CLONE_SIGHAND, 200);
    mock_exec(child);
    assert_handler(child, SIGUSR1, (uint64_t)(uintptr_t)SIG_DFL);
    ck_assert_uint_eq(recorded(child, SIGUSR1)->flags, 0);
    assert_handler(child, SIGUSR2, (uint64_t)(uintptr_t)SIG_IGN);
    assert_handler(g_t, SIGUSR1, HANDLER);
    ck_assert_int_eq(set_action(child, SIGTERM, HANDLER, 0, 0, 0), 0);
    ck_assert_ptr_null(recorded(g_t, SIGTERM));
}
END_TEST

/* With -d, the old action the host reports is compared with the record,
 * which says when they differ (and then takes the host's). */
START_TEST(test_debug_compares) {
    struct shim_sigaction act = {HANDLER, KSA_RESTORER, RESTORER, 0};
    struct shim_sigaction host = act;
    PAL_NUM a = mock_put(g_t, &act, sizeof(act)), old = mock_alloc(g_t, sizeof(act));
    int logged;

    g_pal_log_level = PAL_LOG_DEBUG;
    ck_assert_int_eq(set_action(g_t, SIGUSR1, HANDLER, 0, 0, 0), 0);
    /* the host writes the old action, which the shim reads after it */
    mock_poke(g_t, old, &host, sizeof(host));
    logged = mock_log_count();
    mock_expect(g_t, PTSHIM_NR_rt_sigaction, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGUSR1, a, old, 8), 0);
    ck_assert_int_eq(mock_log_count(), logged);
    host.handler = (uint64_t)(uintptr_t)SIG_IGN;
    mock_poke(g_t, old, &host, sizeof(host));
    mock_expect(g_t, PTSHIM_NR_rt_sigaction, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGUSR1, 0, old, 8), 0);
    ck_assert_int_eq(mock_log_count(), logged + 1);
    ck_assert_ptr_nonnull(strstr(mock_log_last(), "differs from the host's"));
    assert_handler(g_t, SIGUSR1, (uint64_t)(uintptr_t)SIG_IGN);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_signal");
    TCase* tc = tcase_create("dispositions");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_recorded_as_kept);
    tcase_add_test(tc, test_checks);
    tcase_add_test(tc, test_failure_changes_nothing);
    tcase_add_test(tc, test_fork_copies_threads_share);
    tcase_add_test(tc, test_clone_sighand_shares);
    tcase_add_test(tc, test_clear_sighand);
    tcase_add_test(tc, test_exec_resets);
    tcase_add_test(tc, test_debug_compares);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

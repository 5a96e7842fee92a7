/*
 * check_shim_time.c: the clocks the shim answers in the tracer
 * (sys/shim_clock.c) and rt_sigtimedwait's wait across the signals the
 * kernel would discard (sys/shim_sigwait.c), over the mock PAL (whose
 * clocks stand still one second past their epoch), against the kernel's
 * rules: clock_gettime(2)'s EINVAL for no clock before its EFAULT, a CPU
 * clock measured by the host; an ignored signal is discarded when it is
 * sent (signal(7)), so it never ends a wait natively.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "mock_run.h"
#include "unit_run.h"

#define SIGBIT(sig) (1ULL << ((sig)-1))
#define RED_ZONE 128
#define HANDLER 0x401000UL

static PAL_HANDLE g_t;

static void setup(void) {
    g_t = mock_start(NULL);
}

static void teardown(void) {
    mock_end();
}

START_TEST(test_clock_in_tracer) {
    PAL_NUM at = mock_alloc(g_t, 16);
    int64_t ts[2];

    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_gettime, CLOCK_MONOTONIC, at), 0);
    mock_peek(g_t, at, ts, sizeof(ts));
    ck_assert_int_eq(ts[0], 1);
    ck_assert_int_eq(ts[1], 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_getres, CLOCK_REALTIME, at), 0);
    mock_peek(g_t, at, ts, sizeof(ts));
    ck_assert_int_eq(ts[0], 0);
    ck_assert_int_eq(ts[1], 1);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_getres, CLOCK_REALTIME, 0), 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, time, at), 1);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, gettimeofday, at, 0), 0);
    /* no clock: EINVAL, before the pointer */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_gettime, 10, MOCK_BAD_ADDR), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_gettime, 24, at), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_gettime, CLOCK_MONOTONIC, MOCK_BAD_ADDR), -EFAULT);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, time, MOCK_BAD_ADDR), -EFAULT);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* the caller's CPU time is the host's */
    mock_expect(g_t, PTSHIM_NR_clock_gettime, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_gettime, CLOCK_PROCESS_CPUTIME_ID, at), 0);
    ck_assert(g_mock.on_host);
    /* an auxiliary clock's ID (Linux 6.17): the host's kernel may have one */
    mock_expect(g_t, PTSHIM_NR_clock_gettime, -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_gettime, 16, MOCK_BAD_ADDR), -EINVAL);
    ck_assert(g_mock.on_host);
    mock_expect(g_t, PTSHIM_NR_clock_settime, -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, clock_settime, 23, MOCK_BAD_ADDR), -EINVAL);
}
END_TEST

/* No child, no SIGCHLD: the wait is the program's own, in one stop */
START_TEST(test_sigtimedwait_plain) {
    uint64_t these = SIGBIT(SIGUSR1);
    int64_t ts[2] = {1, 0};
    PAL_NUM set = mock_put(g_t, &these, sizeof(these)), t = mock_put(g_t, ts, sizeof(ts));

    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, set, 0, t, 8), 0);
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, set, 0, t, 4), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, MOCK_BAD_ADDR, 0, t, 8), -EFAULT);
    ts[1] = 1000000000;
    t = mock_put(g_t, ts, sizeof(ts));
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, set, 0, t, 8), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* With a child, a SIGCHLD the process ignores: the shim waits for it
 * too, takes it, and waits again; the program sees EAGAIN, and the
 * memory below its red zone as it was. */
START_TEST(test_sigtimedwait_discards) {
    uint64_t these = SIGBIT(SIGUSR1);
    int64_t ts[2] = {1, 0};
    PAL_NUM uset = mock_put(g_t, &these, sizeof(these)), t = mock_put(g_t, ts, sizeof(ts));
    PAL_NUM below = MOCK_SP - RED_ZONE - 256;
    uint8_t pattern[256], now[256];
    const struct mock_host_call* c;

    (void)mock_clone(g_t, 0, 200);
    memset(pattern, 0xa5, sizeof(pattern));
    mock_poke(g_t, below, pattern, sizeof(pattern));
    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, SIGCHLD);
    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, -EAGAIN);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, uset, 0, t, 8), -EAGAIN);
    ck_assert_int_eq(g_mock.host_ops, 2);
    c = mock_host_call(1);
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_lt(c->args[0], MOCK_SP - RED_ZONE);
    ck_assert_uint_ge(c->args[0], below);
    /* its own time, beside its set */
    ck_assert_uint_gt(c->args[2], c->args[0]);
    ck_assert_uint_lt(c->args[2], MOCK_SP - RED_ZONE);
    mock_peek(g_t, below, now, sizeof(now));
    ck_assert_mem_eq(now, pattern, sizeof(pattern));

    /* the program's signal ends it, with its siginfo where it wants it */
    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, SIGCHLD);
    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, SIGUSR1);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, uset, mock_alloc(g_t, 128), t, 8), SIGUSR1);
    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, SIGUSR1);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, uset, MOCK_BAD_ADDR, t, 8), -EFAULT);
    /* a signal that came first: the program makes its call again */
    mock_expect_effect(g_t, PTSHIM_NR_rt_sigtimedwait, MOCK_ABANDONED);
    MOCK_SYSCALL(g_t, rt_sigtimedwait, uset, 0, t, 8);
    mock_peek(g_t, below, now, sizeof(now));
    ck_assert_mem_eq(now, pattern, sizeof(pattern));
}
END_TEST

/* A SIGCHLD handler: the signal ends the wait natively too */
START_TEST(test_sigtimedwait_handled) {
    uint64_t these = SIGBIT(SIGUSR1), act[4] = {HANDLER, 0x04000000UL, 0x402000UL, 0};
    PAL_NUM uset = mock_put(g_t, &these, sizeof(these));

    (void)mock_clone(g_t, 0, 200);
    mock_expect(g_t, PTSHIM_NR_rt_sigaction, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGCHLD, mock_put(g_t, act, sizeof(act)), 0, 8),
                     0);
    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigtimedwait, uset, 0, 0, 8), 0);
    ck_assert(g_mock.on_host);
    /* SIGCHLD in the program's set: its own to take */
    these |= SIGBIT(SIGCHLD);
    act[0] = (uint64_t)(uintptr_t)SIG_DFL;
    mock_expect(g_t, PTSHIM_NR_rt_sigaction, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rt_sigaction, SIGCHLD, mock_put(g_t, act, sizeof(act)), 0, 8),
                     0);
    mock_expect(g_t, PTSHIM_NR_rt_sigtimedwait, 0);
    ck_assert_int_eq(
        MOCK_SYSCALL(g_t, rt_sigtimedwait, mock_put(g_t, &these, sizeof(these)), 0, 0, 8), 0);
    ck_assert(g_mock.on_host);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_time");
    TCase* tc = tcase_create("time");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_clock_in_tracer);
    tcase_add_test(tc, test_sigtimedwait_plain);
    tcase_add_test(tc, test_sigtimedwait_discards);
    tcase_add_test(tc, test_sigtimedwait_handled);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

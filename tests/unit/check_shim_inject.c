/*
 * check_shim_inject.c: strace's tampering as the dispatcher applies it
 * (shim_dispatch.c, shim_inject.c), over the mock PAL: which calls a
 * rule's when= picks, counted per thread and per number as strace 6.1
 * counts them (a new thread or process from 1), that a call no rule names
 * is left alone, that an injected error or value is returned without
 * running the call (and after the pure call of syscall= ran), and what
 * the trace is told (shim_syscall_tampered).
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/sched.h>
#include <string.h>

#include "mock_run.h"
#include "unit_run.h"

static struct shim_inject g_rules;
static struct shim_inject_rule g_rule;

static void teardown(void) {
    mock_end();
}

/* What the trace is told of T's last call, a getpid or a gettid */
static unsigned tampered(PAL_HANDLE t) {
    unsigned a = shim_syscall_tampered(&(struct pal_event){.thread = t, .sysno = PTSHIM_NR_getpid});
    unsigned b = shim_syscall_tampered(&(struct pal_event){.thread = t, .sysno = PTSHIM_NR_gettid});

    return a | b;
}

/* A rule for SYSNO alone, picking FIRST..LAST+STEP */
static const struct shim_options* rule_for(PAL_NUM sysno, uint16_t first, uint16_t last,
                                           uint16_t step) {
    static struct shim_options opts;

    memset(&g_rules, 0, sizeof(g_rules));
    g_rule = (struct shim_inject_rule){
        .first = first, .last = last, .step = step, .flags = SHIM_INJECT_ERROR, .rval = EPERM};
    g_rules.rule[sysno] = &g_rule;
    g_rules.any[sysno / 64] |= 1ULL << (sysno % 64);
    opts = (struct shim_options){.inject = &g_rules};
    return &opts;
}

/* Which of the first N getpid calls of T fail: bit i for call i+1. */
static unsigned picked(PAL_HANDLE t, int n) {
    unsigned bits = 0;

    for (int i = 0; i < n; i++) {
        long ret = MOCK_SYSCALL(t, getpid);

        if (ret == -EPERM) {
            bits |= 1u << i;
            ck_assert_uint_eq(tampered(t), SHIM_TAMPERED_RETVAL);
        } else {
            ck_assert_int_eq(ret, DkThreadGetProcessId(t));
            ck_assert_uint_eq(tampered(t), 0);
        }
        /* answered in the tracer either way */
        ck_assert_int_eq(g_mock.host_ops, 0);
    }
    return bits;
}

/* strace's when= forms, as strace's parser turns them into FIRST, LAST
 * and STEP (src/inject.c does the same) */
START_TEST(test_when) {
    static const struct {
        uint16_t first, last, step;
        unsigned want; /* of the first 10 calls */
    } cases[] = {
        {1, SHIM_INJECT_LAST_INF, 1, 0x3ff}, /* (default) every call */
        {3, SHIM_INJECT_LAST_INF, 0, 0x004}, /* when=3 */
        {3, SHIM_INJECT_LAST_INF, 1, 0x3fc}, /* when=3+ */
        {2, SHIM_INJECT_LAST_INF, 3, 0x092}, /* when=2+3 */
        {2, 4, 1, 0x00e},                    /* when=2..4 */
        {1, 7, 3, 0x049},                    /* when=1..7+3 */
        {4, 4, 1, 0x008},                    /* when=4..4 */
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        PAL_HANDLE t =
            mock_start(rule_for(PTSHIM_NR_getpid, cases[i].first, cases[i].last, cases[i].step));
        unsigned got = picked(t, 10);

        ck_assert_msg(got == cases[i].want, "case %zu: %#x, want %#x", i, got, cases[i].want);
        mock_end();
    }
}
END_TEST

/* a new thread, and a new process, count from the start: strace's counts
 * are its tcb's */
START_TEST(test_per_thread) {
    PAL_HANDLE t = mock_start(rule_for(PTSHIM_NR_getpid, 2, SHIM_INJECT_LAST_INF, 0));
    PAL_HANDLE thread, child;

    ck_assert_uint_eq(picked(t, 1), 0);
    thread = mock_clone(t, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD, 101);
    child = mock_clone(t, 0, 200);
    ck_assert_uint_eq(picked(t, 3), 0x1);
    ck_assert_uint_eq(picked(thread, 3), 0x2);
    ck_assert_uint_eq(picked(child, 3), 0x2);
}
END_TEST

/* a call no rule names is the shim's, untouched; one named is counted
 * apart from the others */
START_TEST(test_other_calls) {
    PAL_HANDLE t = mock_start(rule_for(PTSHIM_NR_gettid, 1, SHIM_INJECT_LAST_INF, 1));

    ck_assert_int_eq(MOCK_SYSCALL(t, getpid), MOCK_PID);
    ck_assert_uint_eq(tampered(t), 0);
    ck_assert_int_eq(MOCK_SYSCALL(t, gettid), -EPERM);
    ck_assert_uint_eq(tampered(t), SHIM_TAMPERED_RETVAL);
    ck_assert_int_eq(MOCK_SYSCALL(t, getpid), MOCK_PID);
}
END_TEST

/* retval=, and syscall=: the pure call runs in the program's place, its
 * result replaced */
START_TEST(test_retval_syscall) {
    PAL_HANDLE t = mock_start(rule_for(PTSHIM_NR_getpid, 1, SHIM_INJECT_LAST_INF, 1));
    const struct mock_host_call* c;

    g_rule.flags = SHIM_INJECT_RETVAL | SHIM_INJECT_SYSCALL;
    g_rule.rval = -1;
    g_rule.sysno = PTSHIM_NR_gettid;
    mock_expect(t, PTSHIM_NR_gettid, MOCK_PID);
    ck_assert_int_eq(MOCK_SYSCALL(t, getpid), -1);
    c = mock_host_call(0);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->sysno, PTSHIM_NR_gettid);
    /* a value in the errno range, a success all the same */
    ck_assert_uint_eq(tampered(t), SHIM_TAMPERED_RETVAL | SHIM_TAMPERED_SUCCESS);
}
END_TEST

/* --seccomp-bpf lets no call a rule names run unseen (ustat: a call the
   shim leaves to the host) */
START_TEST(test_stops) {
    const struct shim_options* opts = rule_for(PTSHIM_NR_ustat, 1, SHIM_INJECT_LAST_INF, 1);
    struct shim_options none = {0};

    ck_assert(shim_syscall_passes_through(PTSHIM_NR_ustat, &none));
    ck_assert(!shim_syscall_passes_through(PTSHIM_NR_ustat, opts));
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_inject");
    TCase* tc = tcase_create("inject");

    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, test_when);
    tcase_add_test(tc, test_per_thread);
    tcase_add_test(tc, test_other_calls);
    tcase_add_test(tc, test_retval_syscall);
    tcase_add_test(tc, test_stops);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

/*
 * check_thread_table.c: the PAL's table of traced threads.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "pal_host.h"
#include "unit_run.h"

START_TEST(test_add_lookup_remove) {
    struct pal_thread* a = _DkThreadAdd(100, PAL_THREAD_RUNNING_EMU);
    struct pal_thread* b = _DkThreadAdd(50, PAL_THREAD_RUNNING_CONT);

    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(DkThreadCount(), 2);
    ck_assert_ptr_eq(_DkThreadLookup(100), a);
    ck_assert_ptr_eq(_DkThreadLookup(50), b);
    ck_assert_ptr_null(_DkThreadLookup(75));
    ck_assert_int_eq(b->state, PAL_THREAD_RUNNING_CONT);
    _DkThreadRemove(a);
    ck_assert_ptr_null(_DkThreadLookup(100));
    ck_assert_ptr_eq(_DkThreadLookup(50), b);
    ck_assert_uint_eq(DkThreadCount(), 1);
    _DkThreadRemove(b);
    ck_assert_uint_eq(DkThreadCount(), 0);
}
END_TEST

/* A non-leader's execve: the exec'ing thread takes the leader's ID. */
START_TEST(test_rename_takes_leader_id) {
    struct pal_thread* leader = _DkThreadAdd(10, PAL_THREAD_RUNNING_EMU);
    struct pal_thread* execer = _DkThreadAdd(12, PAL_THREAD_RUNNING_EMU);

    _DkThreadRemove(leader);
    _DkThreadRename(execer, 10);
    ck_assert_ptr_eq(_DkThreadLookup(10), execer);
    ck_assert_ptr_null(_DkThreadLookup(12));
    ck_assert_int_eq(execer->tid, 10);
    ck_assert_uint_eq(DkThreadCount(), 1);
    _DkThreadRemove(execer);
}
END_TEST

/* The look-up cache must never return a removed thread. */
START_TEST(test_cache_forgets_removed) {
    struct pal_thread* t = _DkThreadAdd(7, PAL_THREAD_RUNNING_EMU);

    ck_assert_ptr_eq(_DkThreadLookup(7), t);
    _DkThreadRemove(t);
    ck_assert_ptr_null(_DkThreadLookup(7));
}
END_TEST

START_TEST(test_many_threads) {
    enum { N = 5000 };
    static struct pal_thread* ts[N];

    for (int i = 0; i < N; i++)
        ts[i] = _DkThreadAdd((pid_t)(i * 7919 % 100003), PAL_THREAD_RUNNING_EMU);
    for (int i = 0; i < N; i++)
        ck_assert_ptr_eq(_DkThreadLookup((pid_t)(i * 7919 % 100003)), ts[i]);
    for (int i = 0; i < N; i += 2)
        _DkThreadRemove(ts[i]);
    for (int i = 0; i < N; i++)
        ck_assert_ptr_eq(_DkThreadLookup((pid_t)(i * 7919 % 100003)), i % 2 ? ts[i] : NULL);
    for (int i = 1; i < N; i += 2)
        _DkThreadRemove(ts[i]);
    ck_assert_uint_eq(DkThreadCount(), 0);
}
END_TEST

int main(void) {
    Suite* s = suite_create("thread_table");
    TCase* tc = tcase_create("core");

    tcase_add_test(tc, test_add_lookup_remove);
    tcase_add_test(tc, test_rename_takes_leader_id);
    tcase_add_test(tc, test_cache_forgets_removed);
    tcase_add_test(tc, test_many_threads);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

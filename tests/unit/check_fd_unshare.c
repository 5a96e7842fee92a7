/*
 * check_fd_unshare.c: the one way a thread's descriptor table becomes its
 * own (shim_fd_table_unshare_begin/_end, bookkeep/shim_handle.c), for
 * unshare(CLONE_FILES), close_range(CLOSE_RANGE_UNSHARE) and execve.
 *
 * The tracer running out of memory is made here: the binary is linked
 * with calloc wrapped (-Wl,--wrap=calloc), and g_fail_at picks the call
 * that fails.  A copy that cannot be made must leave the thread sharing
 * its table, every count as it was, so that the call can fail with
 * ENOMEM having done nothing.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdlib.h>

#include "shim_handle.h"
#include "shim_thread.h"
#include "unit_run.h"

/* the calloc call that fails, counting from 1; 0: none */
static int g_fail_at;

void* __real_calloc(size_t n, size_t size);
void* __wrap_calloc(size_t n, size_t size);

void* __wrap_calloc(size_t n, size_t size) {
    if (g_fail_at && --g_fail_at == 0)
        return NULL;
    return __real_calloc(n, size);
}

enum { NFDS = 3 };

static struct shim_handle* g_handles[NFDS];

/* A table of NFDS descriptors, each with a handle of its own, that T
 * shares with another thread (SHARERS in all). */
static struct shim_fd_table* give_table(struct shim_thread* t, int sharers) {
    struct shim_fd_table* table = shim_fd_table_new();

    ck_assert_ptr_nonnull(table);
    table->fds = calloc(NFDS, sizeof(*table->fds));
    ck_assert_ptr_nonnull(table->fds);
    table->size = NFDS;
    for (int fd = 0; fd < NFDS; fd++) {
        g_handles[fd] = calloc(1, sizeof(*g_handles[fd]));
        ck_assert_ptr_nonnull(g_handles[fd]);
        g_handles[fd]->refcount = 1;
        table->fds[fd].handle = g_handles[fd];
    }
    table->fds[1].cloexec = true;
    table->refcount = sharers;
    t->files = table;
    return table;
}

static void assert_handle_refs(int refs) {
    for (int fd = 0; fd < NFDS; fd++)
        ck_assert_int_eq(g_handles[fd]->refcount, refs);
}

START_TEST(test_not_shared) {
    struct shim_thread t = {0};
    struct shim_fd_table* own = give_table(&t, 1);
    struct shim_fd_table* copy = own;

    ck_assert_int_eq(shim_fd_table_unshare_begin(&t, &copy), 0);
    ck_assert_ptr_null(copy);
    shim_fd_table_unshare_end(&t, copy, true);
    ck_assert_ptr_eq(t.files, own);
    ck_assert_int_eq(own->refcount, 1);
    assert_handle_refs(1);
    ck_assert_int_eq(shim_fd_table_unshare(&t), 0);
    ck_assert_ptr_eq(t.files, own);
    shim_fd_table_put(own);
}
END_TEST

START_TEST(test_unshared_when_done) {
    struct shim_thread t = {0};
    struct shim_fd_table* shared = give_table(&t, 2);
    struct shim_fd_table* copy;

    ck_assert_int_eq(shim_fd_table_unshare_begin(&t, &copy), 0);
    ck_assert_ptr_nonnull(copy);
    /* nothing changes before the host call is done */
    ck_assert_ptr_eq(t.files, shared);
    assert_handle_refs(2);
    shim_fd_table_unshare_end(&t, copy, true);
    ck_assert_ptr_eq(t.files, copy);
    ck_assert_int_eq(shared->refcount, 1);
    ck_assert_int_eq(copy->refcount, 1);
    ck_assert_int_eq(copy->size, NFDS);
    for (int fd = 0; fd < NFDS; fd++) {
        ck_assert_ptr_eq(copy->fds[fd].handle, g_handles[fd]);
        ck_assert(copy->fds[fd].cloexec == (fd == 1));
    }
    assert_handle_refs(2);
    shim_fd_table_put(copy);
    assert_handle_refs(1);
    shim_fd_table_put(shared);
}
END_TEST

START_TEST(test_kept_when_not_done) {
    struct shim_thread t = {0};
    struct shim_fd_table* shared = give_table(&t, 2);
    struct shim_fd_table* copy;

    ck_assert_int_eq(shim_fd_table_unshare_begin(&t, &copy), 0);
    shim_fd_table_unshare_end(&t, copy, false);
    ck_assert_ptr_eq(t.files, shared);
    ck_assert_int_eq(shared->refcount, 2);
    assert_handle_refs(1);
    shim_fd_table_put(shared);
    shim_fd_table_put(shared);
}
END_TEST

/* Out of memory for the table (the first calloc) or for its entries (the
 * second): -ENOMEM, and the thread still shares its table, unchanged. */
START_TEST(test_out_of_memory) {
    struct shim_thread t = {0};
    struct shim_fd_table* shared = give_table(&t, 2);
    struct shim_fd_table* copy = shared;

    g_fail_at = _i + 1;
    ck_assert_int_eq(shim_fd_table_unshare_begin(&t, &copy), -ENOMEM);
    ck_assert_ptr_null(copy);
    ck_assert_ptr_eq(t.files, shared);
    ck_assert_int_eq(shared->refcount, 2);
    assert_handle_refs(1);
    g_fail_at = _i + 1;
    ck_assert_int_eq(shim_fd_table_unshare(&t), -ENOMEM);
    ck_assert_ptr_eq(t.files, shared);
    ck_assert_int_eq(shared->refcount, 2);
    assert_handle_refs(1);
    g_fail_at = 0;
    ck_assert_int_eq(shim_fd_table_unshare(&t), 0);
    ck_assert_ptr_ne(t.files, shared);
    ck_assert_int_eq(shared->refcount, 1);
    assert_handle_refs(2);
    shim_fd_table_put(t.files);
    shim_fd_table_put(shared);
}
END_TEST

int main(void) {
    Suite* s = suite_create("fd_unshare");
    TCase* tc = tcase_create("unshare");

    tcase_add_test(tc, test_not_shared);
    tcase_add_test(tc, test_unshared_when_done);
    tcase_add_test(tc, test_kept_when_not_done);
    tcase_add_loop_test(tc, test_out_of_memory, 0, 2);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

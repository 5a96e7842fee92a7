/*
 * check_view_table.c: under a view, no call that takes a path reaches the
 * host untranslated.  The test reads syscall-defs/syscalls.tbl itself (not
 * the tables generated from it): every row with a path or a dirfd argument
 * is translated or refused, a translated row has each of its path
 * arguments translated (but the content of a symbolic link, which is
 * stored as written), and the calls whose paths the table cannot show
 * (io_uring_setup, open_by_handle_at, the mount API's fsopen, fsconfig,
 * fsmount), or that are newer than the table, are refused.
 */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shim_view.h"
#include "syscall_defs.h"
#include "unit_run.h"

/* the symbolic link's content: a string, not a path to resolve */
static bool is_link_content(const char* name, int arg) {
    return (!strcmp(name, "symlink") || !strcmp(name, "symlinkat")) && arg == 0;
}

START_TEST(test_every_path_row_translated_or_refused) {
    const char* srcdir = getenv("srcdir");
    char file[4096], line[1024];
    FILE* f;
    int rows = 0, translated = 0, refused = 0;

    snprintf(file, sizeof(file), "%s/syscall-defs/syscalls.tbl", srcdir ? srcdir : ".");
    f = fopen(file, "r");
    ck_assert_msg(f != NULL, "cannot open %s", file);
    while (fgets(line, sizeof(line), f)) {
        char *save = NULL, *field;
        unsigned long nr;
        const char* name;
        unsigned int paths = 0;
        bool dirfd = false;
        int col = 0, arg = 0;

        if (line[0] < '0' || line[0] > '9')
            continue;
        line[strcspn(line, "\n")] = '\0';
        nr = strtoul(strtok_r(line, "\t", &save), NULL, 10);
        name = strtok_r(NULL, "\t", &save);
        ck_assert_ptr_nonnull(name);
        while ((field = strtok_r(NULL, "\t", &save))) {
            const char* type = strchr(field, ':');

            if (++col <= 2) /* the return kind, the classes */
                continue;
            if (field[0] == '@')
                continue;
            if (type && !strcmp(type, ":path") && !is_link_content(name, arg))
                paths |= 1U << arg;
            if (type && !strcmp(type, ":dirfd"))
                dirfd = true;
            arg++;
        }
        if (!paths && !dirfd)
            continue;
        rows++;
        switch (shim_view_kind(nr)) {
        case SHIM_VIEW_UNTOUCHED:
            ck_abort_msg("%s (%lu) takes a path but reaches the host untranslated", name, nr);
            break;
        case SHIM_VIEW_TRANSLATED:
            translated++;
            ck_assert_msg(shim_view_path_mask(nr) == paths,
                          "%s (%lu): the table's paths are 0x%x, the view translates 0x%x", name,
                          nr, paths, shim_view_path_mask(nr));
            break;
        case SHIM_VIEW_REFUSED:
            refused++;
            break;
        }
    }
    fclose(f);
    /* the parse found the rows: open, openat... and openat2, statx... */
    ck_assert_int_ge(translated, 40);
    ck_assert_int_ge(refused, 20);
    ck_assert_int_eq(rows, translated + refused);
}
END_TEST

START_TEST(test_hidden_paths_refused) {
    ck_assert_int_eq(shim_view_kind(PTSHIM_NR_io_uring_setup), SHIM_VIEW_REFUSED);
    ck_assert_int_eq(shim_view_kind(PTSHIM_NR_open_by_handle_at), SHIM_VIEW_REFUSED);
    ck_assert_int_eq(shim_view_kind(PTSHIM_NR_fsopen), SHIM_VIEW_REFUSED);
    ck_assert_int_eq(shim_view_kind(PTSHIM_NR_fsconfig), SHIM_VIEW_REFUSED);
    ck_assert_int_eq(shim_view_kind(PTSHIM_NR_fsmount), SHIM_VIEW_REFUSED);
    /* a number without a row, and one past the table */
    ck_assert_int_eq(shim_view_kind(400), SHIM_VIEW_REFUSED);
    ck_assert_int_eq(shim_view_kind(PTSHIM_NSYSCALLS + 10), SHIM_VIEW_REFUSED);
    /* and a call without a path is left alone */
    ck_assert_int_eq(shim_view_kind(PTSHIM_NR_read), SHIM_VIEW_UNTOUCHED);
    ck_assert_int_eq(shim_view_kind(PTSHIM_NR_getcwd), SHIM_VIEW_TRANSLATED);
}
END_TEST

int main(void) {
    Suite* s = suite_create("view_table");
    TCase* tc = tcase_create("core");

    tcase_add_test(tc, test_every_path_row_translated_or_refused);
    tcase_add_test(tc, test_hidden_paths_refused);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

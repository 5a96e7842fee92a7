/*
 * check_options.c: the command line.  Bad usage exits 125 with a message,
 * the program and its arguments are passed on untouched.
 */
#include "config.h"

#include <check.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "pal.h"
#include "unit_run.h"

/* options_parse() keeps pointers into argv, as main()'s argv lives on:
 * the array must outlive the parsed options. */
#define PARSE(opts, ...)                                                   \
    char* args_[] = {__VA_ARGS__, NULL};                                   \
    optind = 1;                                                            \
    options_parse((int)(sizeof(args_) / sizeof(args_[0])) - 1, args_, (opts))

START_TEST(test_program_after_double_dash) {
    struct options o;
    char* a0 = strdup("ptshim");
    char* a1 = strdup("--");
    char* a2 = strdup("ls");
    char* a3 = strdup("-la");

    PARSE(&o, a0, a1, a2, a3);
    ck_assert_str_eq(o.argv[0], "ls");
    ck_assert_str_eq(o.argv[1], "-la");
    ck_assert_ptr_null(o.argv[2]);
    ck_assert_int_eq(o.log_level, PAL_LOG_ERROR);
    free(a0), free(a1), free(a2), free(a3);
}
END_TEST

/* Options of the program are the program's: parsing stops at PROGRAM. */
START_TEST(test_stops_at_program) {
    struct options o;
    char* a0 = strdup("ptshim");
    char* a1 = strdup("-d");
    char* a2 = strdup("grep");
    char* a3 = strdup("-d");

    PARSE(&o, a0, a1, a2, a3);
    ck_assert_str_eq(o.argv[0], "grep");
    ck_assert_str_eq(o.argv[1], "-d");
    ck_assert_int_eq(o.log_level, PAL_LOG_DEBUG);
    free(a0), free(a1), free(a2), free(a3);
}
END_TEST

START_TEST(test_debug_repeats) {
    struct options o;
    char* a0 = strdup("ptshim");
    char* a1 = strdup("-dd");
    char* a2 = strdup("--debug");
    char* a3 = strdup("true");

    PARSE(&o, a0, a1, a2, a3);
    ck_assert_int_eq(o.log_level, PAL_LOG_TRACE);
    free(a0), free(a1), free(a2), free(a3);
}
END_TEST

START_TEST(test_missing_program) {
    struct options o;
    char* a0 = strdup("ptshim");

    PARSE(&o, a0);
}
END_TEST

START_TEST(test_unknown_option) {
    struct options o;
    char* a0 = strdup("ptshim");
    char* a1 = strdup("--no-such-option");
    char* a2 = strdup("true");

    PARSE(&o, a0, a1, a2);
}
END_TEST

START_TEST(test_help_exits_0) {
    struct options o;
    char* a0 = strdup("ptshim");
    char* a1 = strdup("--help");

    PARSE(&o, a0, a1);
}
END_TEST

int main(void) {
    Suite* s = suite_create("options");
    TCase* tc = tcase_create("core");

    tcase_add_test(tc, test_program_after_double_dash);
    tcase_add_test(tc, test_stops_at_program);
    tcase_add_test(tc, test_debug_repeats);
    tcase_add_exit_test(tc, test_missing_program, EXIT_PTSHIM_FAILURE);
    tcase_add_exit_test(tc, test_unknown_option, EXIT_PTSHIM_FAILURE);
    tcase_add_exit_test(tc, test_help_exits_0, EXIT_SUCCESS);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

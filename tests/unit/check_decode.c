/*
 * check_decode.c: the printing primitives, against what strace 6.1 prints
 * for the same bytes and values (the expected strings were taken from real
 * strace runs), and the -e filters.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "trace.h"
#include "unit_run.h"

static struct tcb g_t;

static const char* line(void) {
    trace_putc(&g_t, '\0');
    g_t.len--;
    return g_t.buf;
}

static void reset(void) {
    g_t.len = 0;
}

START_TEST(test_quoted_escapes) {
    /* read(3, "\177ELF\2\1\1\3\0\0..."): octal as short as the next byte allows */
    static const char elf[] = "\177ELF\2\1\1\3\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0\20t";

    reset();
    print_quoted(&g_t, elf, sizeof(elf) - 1);
    ck_assert_str_eq(line(), "\"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t\"");
    reset();
    /* an octal digit after an escape forces three digits */
    print_quoted(&g_t, "\0011\n\t\"\\", 6);
    ck_assert_str_eq(line(), "\"\\0011\\n\\t\\\"\\\\\"");
    reset();
    print_quoted(&g_t, "\r\v\f\x80\xff", 5);
    ck_assert_str_eq(line(), "\"\\r\\v\\f\\200\\377\"");
}
END_TEST

START_TEST(test_flags) {
    reset();
    print_flags(&g_t, &xlat_open_flags, O_RDONLY | O_CLOEXEC);
    ck_assert_str_eq(line(), "O_RDONLY|O_CLOEXEC");
    reset();
    print_flags(&g_t, &xlat_open_flags, O_WRONLY | O_CREAT | 0x80000000u);
    ck_assert_str_eq(line(), "O_WRONLY|O_CREAT|0x80000000");
    reset();
    print_enum(&g_t, &xlat_signals, 9, NULL);
    ck_assert_str_eq(line(), "SIGKILL");
}
END_TEST

START_TEST(test_signo) {
    reset();
    print_signo(&g_t, 32);
    trace_putc(&g_t, ' ');
    print_signo(&g_t, 40);
    trace_putc(&g_t, ' ');
    print_signo(&g_t, 17);
    ck_assert_str_eq(line(), "SIGRTMIN SIGRT_8 SIGCHLD");
}
END_TEST

START_TEST(test_filter) {
    struct trace_options o;

    trace_filter_defaults(&o);
    ck_assert_int_eq(trace_filter_parse(&o, "trace=openat,read", NULL, 0), 0);
    ck_assert(o.syscalls[PTSHIM_NR_openat]);
    ck_assert(o.syscalls[PTSHIM_NR_read]);
    ck_assert(!o.syscalls[PTSHIM_NR_write]);
    ck_assert_int_eq(trace_filter_parse(&o, "trace=!read", NULL, 0), 0);
    ck_assert(!o.syscalls[PTSHIM_NR_read]);
    ck_assert(o.syscalls[PTSHIM_NR_write]);
    ck_assert_int_eq(trace_filter_parse(&o, "trace=/^(read|write)$", NULL, 0), 0);
    ck_assert(o.syscalls[PTSHIM_NR_read] && o.syscalls[PTSHIM_NR_write]);
    ck_assert(!o.syscalls[PTSHIM_NR_openat]);
    ck_assert_int_eq(trace_filter_parse(&o, "trace=%desc", NULL, 0), 0);
    ck_assert(o.syscalls[PTSHIM_NR_read] && o.syscalls[PTSHIM_NR_openat]);
    ck_assert_int_eq(trace_filter_parse(&o, "trace=nosuchcall", NULL, 0), -EINVAL);
    ck_assert_int_eq(trace_filter_parse(&o, "trace=?nosuchcall", NULL, 0), 0);
    ck_assert_int_eq(trace_filter_parse(&o, "signal=SIGCHLD,usr1,9", NULL, 0), 0);
    ck_assert_uint_eq(o.signals, (1ULL << 16) | (1ULL << 9) | (1ULL << 8));
    ck_assert_int_eq(trace_filter_parse(&o, "signal=SIGNOPE", NULL, 0), -EINVAL);
    ck_assert_int_eq(trace_filter_parse(&o, "status=failed", NULL, 0), 0);
    ck_assert_uint_eq(o.status, TRACE_STATUS_FAILED);
    ck_assert_int_eq(trace_filter_parse(&o, "bogus=1", NULL, 0), -EINVAL);
}
END_TEST

int main(void) {
    Suite* s = suite_create("decode");
    TCase* tc = tcase_create("core");

    tcase_add_test(tc, test_quoted_escapes);
    tcase_add_test(tc, test_flags);
    tcase_add_test(tc, test_signo);
    tcase_add_test(tc, test_filter);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

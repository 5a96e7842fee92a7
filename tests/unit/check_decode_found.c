/*
 * check_decode_found.c: what the decoder's fuzz test (check_decode_fuzz.c)
 * found, each case minimal, with the trace it must print: strace's format,
 * over a made-up tracee (fuzz_tracee.h).
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

#include "fuzz_run.h"
#include "fuzz_tracee.h"
#include "trace.h"
#include "unit_run.h"

static struct fuzz_opts fixed_opts(void) {
    return (struct fuzz_opts){.strlen_max = 32, .status = TRACE_STATUS_ALL, .nthreads = 1};
}

static void fixed_setup(const struct fuzz_opts* o) {
    setenv("TZ", "UTC", 1);
    fuzz_tracee_init();
    fuzz_run_start(o);
}

static struct fuzz_plan fixed_call(int thread, PAL_NUM nr, PAL_NUM a0, PAL_NUM a1, PAL_NUM a2, PAL_NUM a3,
                              long ret) {
    struct fuzz_plan p = {.thread = thread, .sysno = nr, .args = {a0, a1, a2, a3}, .ret = ret};

    return p;
}

/* The made-up tracee decodes as a real one: strings, flags, a buffer the
 * call filled, and one that runs into unreadable memory (its address). */
START_TEST(test_baseline) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan open = fixed_call(0, PTSHIM_NR_openat, (PAL_NUM)-100, 0x1000,
                                       O_RDONLY | O_CLOEXEC, 0, 3);
    struct fuzz_plan read = fixed_call(0, PTSHIM_NR_read, 3, 0x1010, 12, 0, 12);
    struct fuzz_plan write = fixed_call(0, PTSHIM_NR_write, 1, 0x1010, 3, 0, 3);

    fixed_setup(&o);
    fuzz_tracee_region(0x1000, 0x1a, "/etc/passwd\0\0\0\0\0hi\nroot:x", 0x1a);
    fuzz_entry(&open);
    fuzz_end(&open);
    fuzz_entry(&read);
    fuzz_end(&read);
    fuzz_entry(&write);
    fuzz_end(&write);
    ck_assert_str_eq(fuzz_output(), "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3\n"
                                    "read(3, 0x1010, 12) = 12\n"
                                    "write(1, \"hi\\n\", 3) = 3\n");
}
END_TEST

/* The kernel's restart codes print "= ? NAME (...)"; its other internal
 * codes, which do reach programs (ENOTSUPP from NFS), are errors, as
 * strace prints them.  Were all of 512..530 "= ? ". */
START_TEST(test_internal_errno) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan p = fixed_call(0, PTSHIM_NR_read, 3, 0x1000, 10, 0, -524);

    fixed_setup(&o);
    fuzz_entry(&p);
    fuzz_end(&p);
    p.ret = -512;
    fuzz_entry(&p);
    fuzz_end(&p);
    p.ret = -516;
    fuzz_entry(&p);
    fuzz_end(&p);
    ck_assert_str_eq(fuzz_output(), "read(3, 0x1000, 10) = -1 ENOTSUPP (Unknown error 524)\n"
                                     "read(3, 0x1000, 10) = ? ERESTARTSYS (To be restarted if "
                                     "SA_RESTART is set)\n"
                                     "read(3, 0x1000, 10) = ? ERESTART_RESTARTBLOCK (Interrupted "
                                     "by signal)\n");
}
END_TEST

/* -k: the files and symbols of frames are the program's, any bytes: a
 * newline in one made a line of its own. */
START_TEST(test_stack_names_escaped) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan p = fixed_call(0, PTSHIM_NR_getpid, 0, 0, 0, 0, 5);
    static char path[] = "/tmp/x\ny\\", symbol[] = "f\001";

    o.stack = true;
    fixed_setup(&o);
    g_tracee.nframes = 2;
    g_tracee.frames[0] = (struct pal_frame){.pc = 1, .path = path, .offset = 0x20,
                                            .symbol = symbol, .symbol_offset = 0x10};
    g_tracee.frames[1] = (struct pal_frame){.pc = 0x7f00};
    fuzz_entry(&p);
    fuzz_end(&p);
    ck_assert_str_eq(fuzz_output(), "getpid() = 5\n"
                                     " > /tmp/x\\x0ay\\x5c(f\\x01+0x10) [0x20]\n"
                                     " > ?() [0x7f00]\n");
}
END_TEST

/* A signal's line while a call's entry waits for its result (-e status=,
 * --json) was built in the call's line, which it overwrote: the call then
 * printed ") = 3", or JSON text of stale bytes.  (The PAL reports a
 * thread's signal only after its call ends today; the trace must not
 * depend on it.) */
START_TEST(test_signal_during_held_call) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan p = fixed_call(0, PTSHIM_NR_read, 3, 0x1000, 3, 0, 3);
    struct pal_event ev = fuzz_event(&p, PAL_EVENT_SIGNAL);

    o.status = TRACE_STATUS_SUCCESSFUL;
    fixed_setup(&o);
    fuzz_tracee_region(0x1000, 16, "abc", 3);
    g_tracee.siginfo.si_signo = SIGALRM;
    g_tracee.siginfo.si_code = SI_KERNEL;
    ev.sig = SIGALRM;
    fuzz_entry(&p);
    trace_signal(&ev);
    fuzz_end(&p);
    ck_assert_str_eq(fuzz_output(), "--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n"
                                     "read(3, \"abc\", 3) = 3\n");

    o.json = true;
    fixed_setup(&o);
    fuzz_tracee_region(0x1000, 16, "abc", 3);
    fuzz_entry(&p);
    trace_signal(&ev);
    fuzz_end(&p);
    ck_assert_ptr_nonnull(strstr(fuzz_output(), "\"name\":\"read\",\"nr\":0,\"args\":[{\"name\":"
                                                 "\"fd\",\"text\":\"3\","));
    ck_assert_ptr_nonnull(strstr(fuzz_output(), ",\"text\":\"read(3, \\\"abc\\\", 3)\","));
}
END_TEST

/* A number without a row resumes under the name its entry printed, not
 * "syscall". */
START_TEST(test_unknown_resumed) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan a = fixed_call(0, 512, 0, 0, 0, 0, 0);
    struct fuzz_plan b = fixed_call(1, PTSHIM_NR_getpid, 0, 0, 0, 0, 7);

    o.to_file = true;
    o.nthreads = 2;
    fixed_setup(&o);
    fuzz_entry(&a);
    fuzz_entry(&b);
    fuzz_end(&b);
    fuzz_end(&a);
    ck_assert_str_eq(fuzz_output(), "1001  syscall_0x200(0, 0, 0, 0, 0, 0 <unfinished ...>\n"
                                     "1002  getpid() = 7\n"
                                     "1001  <... syscall_0x200 resumed>) = 0\n");
}
END_TEST

/* A result's note with nothing to say (time() past any date) left a
 * trailing space, or two before --show-layer's. */
START_TEST(test_empty_result_note) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan p = fixed_call(0, PTSHIM_NR_time, 0, 0, 0, 0, LONG_MAX);

    o.show_layer = true;
    fixed_setup(&o);
    p.layer = "shim";
    fuzz_entry(&p);
    fuzz_end(&p);
    p.ret = 0;
    fuzz_entry(&p);
    fuzz_end(&p);
    ck_assert_str_eq(fuzz_output(), "time(NULL) = 9223372036854775807 [shim]\n"
                                     "time(NULL) = 0 (1970-01-01T00:00:00+0000) [shim]\n");
}
END_TEST

/* epoll_wait's events, as many as the call returned, ignored -s: a line
 * of megabytes.  Now -s of them, then "...", as strace prints arrays; an
 * unreadable array is its address. */
START_TEST(test_epoll_events_limited) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan p = fixed_call(0, PTSHIM_NR_epoll_wait, 4, 0x1000, 8, 0, 3);
    struct epoll_event ev[3] = {{EPOLLIN, {.u64 = 1}}, {EPOLLIN, {.u64 = 2}}, {EPOLLOUT, {.u64 = 3}}};

    o.strlen_max = 2;
    fixed_setup(&o);
    fuzz_tracee_region(0x1000, sizeof(ev), ev, sizeof(ev));
    fuzz_entry(&p);
    fuzz_end(&p);
    p.args[1] = 0x2000;
    fuzz_entry(&p);
    fuzz_end(&p);
    ck_assert_str_eq(fuzz_output(), "epoll_wait(4, [{events=EPOLLIN, data={u32=1, u64=1}}, "
                                     "{events=EPOLLIN, data={u32=2, u64=2}}, ...], 8, 0) = 3\n"
                                     "epoll_wait(4, 0x2000, 8, 0) = 3\n");
}
END_TEST

/* -s 0: an argv is [...], not "[, ...]". */
START_TEST(test_argv_no_strings) {
    struct fuzz_opts o = fixed_opts();
    struct fuzz_plan p = fixed_call(0, PTSHIM_NR_execve, 0x1000, 0x1010, 0, 0, 0);
    unsigned char mem[32] = "/bin/sh";
    PAL_NUM argv0 = 0x1000;

    memcpy(mem + 16, &argv0, sizeof(argv0));
    o.strlen_max = 0;
    fixed_setup(&o);
    fuzz_tracee_region(0x1000, sizeof(mem), mem, sizeof(mem));
    fuzz_entry(&p);
    fuzz_end(&p);
    ck_assert_str_eq(fuzz_output(), "execve(\"/bin/sh\", [...], NULL) = 0\n");
}
END_TEST

int main(void) {
    Suite* s = suite_create("decode_found");
    TCase* tc = tcase_create("found");

    tcase_add_test(tc, test_baseline);
    tcase_add_test(tc, test_internal_errno);
    tcase_add_test(tc, test_stack_names_escaped);
    tcase_add_test(tc, test_signal_during_held_call);
    tcase_add_test(tc, test_unknown_resumed);
    tcase_add_test(tc, test_empty_result_note);
    tcase_add_test(tc, test_epoll_events_limited);
    tcase_add_test(tc, test_argv_no_strings);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

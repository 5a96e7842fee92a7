/*
 * check_shim_seccomp.c: the program's own seccomp modes and filters as the
 * shim keeps them (bookkeep/shim_seccomp.c, sys/shim_seccomp.c), over the
 * mock PAL, against seccomp(2) and prctl(2): filters belong to a thread,
 * are inherited by its children and kept across execve, reach the other
 * threads with SECCOMP_FILTER_FLAG_TSYNC alone (and none of them when
 * TSYNC fails); strict mode allows read, write, _exit and sigreturn and
 * kills on anything else; PR_GET_SECCOMP says the thread's mode; a filter
 * that asks for a tracer when there is none fails the call with ENOSYS.
 *
 * Under SYSEMU stops the kernel does not run the filters on the calls the
 * shim answers: the shim answers only those its copy of them allows, and
 * hands the others to the host, whose kernel applies the verdict.  Under
 * seccomp stops the kernel ran them before the stop; the shim keeps the
 * mode for PR_GET_SECCOMP and carries out strict mode itself.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>

#include "mock_run.h"
#include "unit_run.h"

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD)

static PAL_HANDLE g_t;

static void teardown(void) {
    mock_end();
}

/* The program's struct sock_fprog, as the kernel reads it */
struct user_fprog {
    unsigned short len;
    PAL_NUM filter;
};

/* A filter that fails getuid with EPERM and allows the rest, in T's
 * memory: the address of its struct sock_fprog.  LEN 0: one the kernel
 * refuses. */
static PAL_NUM deny_getuid(PAL_HANDLE t, unsigned short len) {
    static const struct sock_filter insns[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PTSHIM_NR_getuid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct user_fprog prog = {len, mock_put(t, insns, sizeof(insns))};

    return mock_put(t, &prog, sizeof(prog));
}

/* A filter that reads the instruction pointer, which the shim's events
 * lack: the kernel must decide every call. */
static PAL_NUM reads_ip(PAL_HANDLE t) {
    static const struct sock_filter insns[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, instruction_pointer)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct user_fprog prog = {2, mock_put(t, insns, sizeof(insns))};

    return mock_put(t, &prog, sizeof(prog));
}

/* T installs the filter at PROG with FLAGS; the host answers HOST. */
static long install(PAL_HANDLE t, PAL_NUM prog, unsigned int flags, long host) {
    mock_expect(t, PTSHIM_NR_seccomp, host);
    return MOCK_SYSCALL(t, seccomp, SECCOMP_SET_MODE_FILTER, flags, prog);
}

/* Whether T's getuid went to the host (whose kernel fails it), or was
 * answered by the shim. */
static bool getuid_filtered(PAL_HANDLE t) {
    long ret;

    mock_allow(t, PTSHIM_NR_getuid, -EPERM);
    ret = MOCK_SYSCALL(t, getuid, 0);
    ck_assert_int_eq(ret, g_mock.host_ops ? -EPERM : 1000);
    return g_mock.host_ops > 0;
}

/* Under SYSEMU: the kernel installs the shim's copy, written below the
 * stack (memory put back after), and the shim runs it on each call. */
START_TEST(test_filter_sysemu) {
    unsigned char below[4096], after[4096];
    const struct mock_host_call* c;
    PAL_NUM prog;

    g_t = mock_start(NULL);
    prog = deny_getuid(g_t, 4);
    memset(below, 0xab, sizeof(below));
    mock_poke(g_t, MOCK_SP - sizeof(below), below, sizeof(below));
    ck_assert(!getuid_filtered(g_t));
    ck_assert_int_eq(mock_installs_filter(g_t), 0);
    ck_assert_int_eq(install(g_t, prog, 0, 0), 0);
    /* the PAL was told before the host call that installs it */
    ck_assert_int_eq(mock_installs_filter(g_t), 1);
    c = mock_host_call(0);
    ck_assert_uint_eq(c->args[0], SECCOMP_SET_MODE_FILTER);
    ck_assert_uint_lt(c->args[2], MOCK_SP - 128);
    ck_assert_uint_ne(c->args[2], prog);
    mock_peek(g_t, MOCK_SP - sizeof(after), after, sizeof(after));
    ck_assert_mem_eq(after, below, sizeof(below));

    ck_assert(getuid_filtered(g_t));
    ck_assert(g_mock.on_host);
    /* what it allows the shim answers */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgid, 0), 1000);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* A filter the kernel refuses installs nothing; one the shim cannot run
 * sends every call to the kernel. */
START_TEST(test_refused_and_opaque) {
    PAL_NUM prog;

    g_t = mock_start(NULL);
    prog = deny_getuid(g_t, 0);
    /* the program's call as it made it: the host's kernel refuses it */
    ck_assert_int_eq(install(g_t, prog, 0, -EINVAL), -EINVAL);
    ck_assert_uint_eq(mock_host_call(0)->args[2], prog);
    ck_assert(!getuid_filtered(g_t));
    ck_assert_int_eq(install(g_t, reads_ip(g_t), 0, 0), 0);
    mock_expect(g_t, PTSHIM_NR_getgid, 1000);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, getgid, 0), 1000);
    ck_assert(g_mock.on_host);
}
END_TEST

/* A thread's filters are its own, its children's after it, and the other
 * threads' with TSYNC alone. */
START_TEST(test_per_thread_tsync) {
    PAL_HANDLE t2, child;

    g_t = mock_start(NULL);
    t2 = mock_clone(g_t, THREAD_FLAGS, 101);
    ck_assert_int_eq(install(g_t, deny_getuid(g_t, 4), 0, 0), 0);
    ck_assert(getuid_filtered(g_t));
    ck_assert(!getuid_filtered(t2));
    child = mock_clone(g_t, 0, 200);
    ck_assert(getuid_filtered(child));
    ck_assert_int_eq(install(g_t, deny_getuid(g_t, 4), SECCOMP_FILTER_FLAG_LOG, 0), 0);
    ck_assert(!getuid_filtered(t2));
    /* TSYNC that failed (the thread that could not follow): none did */
    ck_assert_int_eq(install(g_t, deny_getuid(g_t, 4), SECCOMP_FILTER_FLAG_TSYNC, 101), 101);
    ck_assert(!getuid_filtered(t2));
    ck_assert_int_eq(install(g_t, deny_getuid(g_t, 4), SECCOMP_FILTER_FLAG_TSYNC, 0), 0);
    ck_assert(getuid_filtered(t2));
    /* an execve keeps them */
    mock_exec(child);
    ck_assert(getuid_filtered(child));
}
END_TEST

/* Strict mode under SYSEMU: the host's kernel kills on anything but read,
 * write, _exit and sigreturn; those the shim still answers. */
START_TEST(test_strict_sysemu) {
    PAL_NUM buf;

    g_t = mock_start(NULL);
    buf = mock_alloc(g_t, 8);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, seccomp, SECCOMP_SET_MODE_STRICT, 1, 0), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, seccomp, SECCOMP_SET_MODE_STRICT, 0, buf), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
    mock_expect(g_t, PTSHIM_NR_seccomp, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, seccomp, SECCOMP_SET_MODE_STRICT, 0, 0), 0);
    ck_assert(getuid_filtered(g_t));
    ck_assert_int_eq(MOCK_SYSCALL(g_t, write, 9, buf, 1), -EBADF);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* Under seccomp stops ptshim's own filter is invisible to the program:
 * PR_GET_SECCOMP is the thread's own mode, inherited at clone. */
START_TEST(test_mode_seccomp_stops) {
    PAL_HANDLE child;
    PAL_NUM prog;

    mock_set_stops(PAL_STOPS_SECCOMP);
    g_t = mock_start(NULL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, prctl, PR_GET_SECCOMP, 0, 0, 0, 0), 0);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* installed as the program made the call: the kernel runs it */
    prog = deny_getuid(g_t, 4);
    ck_assert_int_eq(install(g_t, prog, 0, 0), 0);
    ck_assert_uint_eq(mock_host_call(0)->args[2], prog);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, prctl, PR_GET_SECCOMP, 0, 0, 0, 0), SECCOMP_MODE_FILTER);
    /* the calls that stop passed the filter: the shim answers them */
    ck_assert(!getuid_filtered(g_t));
    child = mock_clone(g_t, 0, 200);
    ck_assert_int_eq(MOCK_SYSCALL(child, prctl, PR_GET_SECCOMP, 0, 0, 0, 0), SECCOMP_MODE_FILTER);
    /* strict mode over a filter: EINVAL */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, seccomp, SECCOMP_SET_MODE_STRICT, 0, 0), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* Strict mode under seccomp stops is the shim's: every call stops, the
 * time stamp counter goes off, and a call other than read, write, _exit
 * and sigreturn kills. */
START_TEST(test_strict_seccomp_stops) {
    const struct mock_host_call* c;
    PAL_NUM buf;

    mock_set_stops(PAL_STOPS_SECCOMP);
    g_t = mock_start(NULL);
    buf = mock_alloc(g_t, 8);
    mock_expect(g_t, PTSHIM_NR_prctl, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, prctl, PR_SET_SECCOMP, SECCOMP_MODE_STRICT, 0, 0, 0), 0);
    ck_assert(mock_stops_every_call(g_t));
    c = mock_host_call(0);
    ck_assert_uint_eq(c->args[0], PR_SET_TSC);
    ck_assert_uint_eq(c->args[1], PR_TSC_SIGSEGV);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, write, 9, buf, 1), -EBADF);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* anything else: SIGKILL, to its process as the thread names it */
    mock_expect(g_t, PTSHIM_NR_getpid, 7);
    mock_expect(g_t, PTSHIM_NR_kill, 0);
    MOCK_SYSCALL(g_t, getuid, 0);
    c = mock_host_call(1);
    ck_assert_uint_eq(c->args[0], 7);
    ck_assert_uint_eq(c->args[1], SIGKILL);
}
END_TEST

/* A filter's SECCOMP_RET_TRACE with no tracer: ENOSYS, and nothing runs. */
START_TEST(test_foreign_trace) {
    struct pal_event ev = {.sysno = PTSHIM_NR_getuid, .foreign_trace = true};

    mock_set_stops(PAL_STOPS_SECCOMP);
    g_t = mock_start(NULL);
    ck_assert_int_eq(mock_syscall_ev(g_t, &ev), -ENOSYS);
    ck_assert_int_eq(g_mock.host_ops + g_mock.identity_reads, 0);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_seccomp");
    TCase* tc = tcase_create("modes");

    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, test_filter_sysemu);
    tcase_add_test(tc, test_refused_and_opaque);
    tcase_add_test(tc, test_per_thread_tsync);
    tcase_add_test(tc, test_strict_sysemu);
    tcase_add_test(tc, test_mode_seccomp_stops);
    tcase_add_test(tc, test_strict_seccomp_stops);
    tcase_add_test(tc, test_foreign_trace);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

/*
 * mock_run.c: the shim driven over the mock PAL (mock_run.h), through
 * shim.h only, as src/tracer.c drives it: the one place to change when
 * the way the shim completes a call changes.
 */
#include "config.h"

#include <check.h>
#include <linux/sched.h>
#include <signal.h>
#include <string.h>

#include "mock_run.h"

PAL_HANDLE mock_start(const struct shim_options* opts) {
    static const struct shim_options none;
    static const struct shim_hooks no_hooks; /* no trace */
    PAL_HANDLE t = mock_thread_new(MOCK_PID, NULL, 0);

    ck_assert_int_eq(shim_init(opts ? opts : &none, &no_hooks, t, MOCK_PID, MOCK_PPID), 0);
    return t;
}

long mock_syscall_ev(PAL_HANDLE t, struct pal_event* ev) {
    const struct pal_event* call;

    ev->type = PAL_EVENT_SYSCALL;
    ev->thread = t;
    ev->tid = mock_tid(t);
    ev->sp = MOCK_SP;
    /* the shim keeps pointers into the event, which the PAL keeps */
    call = mock_set_call(t, ev);
    /* the shim's upcall completes the call (DkSyscallReturn, or the host's
     * DkSyscallRunOnHost), which the mock records */
    ck_assert_int_eq(mock_upcall(t, call), 0);
    mock_expect_done();
    return g_mock.result;
}

PAL_HANDLE mock_clone(PAL_HANDLE t, uint64_t flags, pid_t child_tid) {
    unsigned int share = 0;
    struct pal_event ev = {0};
    PAL_HANDLE child;
    uint64_t exit_signal = flags & (CLONE_THREAD | CLONE_PARENT) ? 0 : SIGCHLD;

    if (flags >> 32) {
        /* struct clone_args: flags, pidfd, child_tid, parent_tid,
         * exit_signal, stack, stack_size, tls, set_tid, set_tid_size,
         * cgroup */
        uint64_t ca[11] = {flags, 0, 0, 0, exit_signal};

        mock_expect(t, PTSHIM_NR_clone3, child_tid);
        ck_assert_int_eq(MOCK_SYSCALL(t, clone3, mock_put(t, ca, sizeof(ca)), sizeof(ca)),
                         child_tid);
    } else {
        mock_expect(t, PTSHIM_NR_clone, child_tid);
        ck_assert_int_eq(MOCK_SYSCALL(t, clone, flags | exit_signal, 0, 0, 0, 0), child_tid);
    }
    if (flags & CLONE_VM)
        share |= MOCK_SHARE_VM;
    if (flags & CLONE_FILES)
        share |= MOCK_SHARE_FILES;
    if (flags & CLONE_THREAD)
        share |= MOCK_THREAD;
    child = mock_thread_new(child_tid, t, share);
    ev.type = PAL_EVENT_CLONE;
    ev.thread = t;
    ev.tid = mock_tid(t);
    ev.child = child;
    ev.child_tid = child_tid;
    ck_assert_int_eq(shim_on_clone(&ev), 0);
    return child;
}

void mock_exec(PAL_HANDLE t) {
    struct pal_event ev = {0};
    pid_t pid = DkThreadGetProcessId(t);

    mock_expect(t, PTSHIM_NR_execve, 0);
    MOCK_SYSCALL(t, execve, mock_str(t, "/bin/true"), 0, 0);
    ck_assert(g_mock.on_host);
    mock_host_exec_fds(t);
    if (mock_tid(t) != pid) {
        /* the kernel's de_thread(): the leader goes, its ID the execer's */
        PAL_HANDLE leader = mock_thread_lookup(pid);

        ck_assert_ptr_nonnull(leader);
        ev.type = PAL_EVENT_EXIT;
        ev.thread = leader;
        ev.tid = pid;
        ev.superseded = true;
        shim_on_exit(&ev);
        mock_thread_free(leader);
        ev = (struct pal_event){.former_tid = mock_tid(t)};
        mock_thread_set_tid(t, pid);
    }
    ev.type = PAL_EVENT_EXEC;
    ev.thread = t;
    ev.tid = pid;
    ck_assert_int_eq(shim_on_exec(&ev), 0);
}

void mock_exit(PAL_HANDLE t) {
    struct pal_event ev = {0};
    struct shim_exiting x;

    ev.type = PAL_EVENT_EXITING;
    ev.thread = t;
    ev.tid = mock_tid(t);
    shim_on_exiting(&ev, &x);
    ev.type = PAL_EVENT_EXIT;
    ev.exiting_seen = true;
    shim_on_exit(&ev);
    mock_thread_free(t);
}

void mock_end(void) {
    PAL_HANDLE t;

    while ((t = mock_any_thread()))
        mock_exit(t);
    mock_expect_done();
    mock_pal_reset();
}

/*
 * pal_seccomp.c: how the program's threads stop at their system calls.
 *
 * Two mechanisms (see pal_host.h for the states of each):
 *   SYSEMU   PTRACE_SYSEMU and PTRACE_SYSCALL: nothing in the program
 *            changes, but a call the host runs costs two stops or more.
 *   SECCOMP  a seccomp filter, installed in the program just before its
 *            execve, returns SECCOMP_RET_TRACE: every call stops once before
 *            it runs, whether the shim answers it or the host runs it
 *            (tests/bench/limit: the fastest of the ways measured).  The
 *            program can see the filter (Seccomp: 2 in /proc/self/status),
 *            as it sees its tracer (TracerPid).
 *
 * The filter may let some calls through without a stop (--seccomp-bpf:
 * calls that need neither the shim nor the trace): a bitmap of numbers,
 * tested 32 at a time, so that the filter stays a few instructions long
 * whatever the set.
 *
 * A thread in the program's own strict mode, which the kernel refuses on
 * top of ptshim's filter, gets a second filter that stops every call
 * (DkThreadStopEveryCall), for the shim to refuse those the first lets
 * through.
 *
 * Installing a filter takes CAP_SYS_ADMIN or no_new_privs, and
 * no_new_privs changes what the program may do (set-user-ID programs,
 * file capabilities, its own seccomp filters), so PAL_STOPS_AUTO uses
 * seccomp only where the filter installs without it.
 */
#include "config.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "pal_host.h"
#include "pal_log.h"

#ifndef SECCOMP_FILTER_FLAG_SPEC_ALLOW
#define SECCOMP_FILTER_FLAG_SPEC_ALLOW (1UL << 2)
#endif

/* x32 system calls: their own ABI, never let through */
#define X32_SYSCALL_BIT 0x40000000U

/* The largest number the bitmap may hold: far above the table's. */
#define NO_STOP_MAX 1024

/* The longest filter: 8 instructions of head, 3 per 32 numbers, 10 of
 * tail. */
#define FILTER_MAX (8 + 3 * (NO_STOP_MAX / 32) + 10)

bool _DkSeccompActive;
bool _DkOwnFilters;
bool _DkSeccompWanted = true;
static enum pal_stops g_stops = PAL_STOPS_AUTO;
static uint32_t g_no_stop[NO_STOP_MAX / 32];
static bool g_have_no_stop;

int DkSetSyscallStops(enum pal_stops how, const uint64_t* no_stop, PAL_NUM nr) {
    if (how != PAL_STOPS_AUTO && how != PAL_STOPS_SYSEMU && how != PAL_STOPS_SECCOMP)
        return -EINVAL;
    if (no_stop && how == PAL_STOPS_SYSEMU)
        return -EINVAL;
    g_stops = how;
    _DkSeccompWanted = how != PAL_STOPS_SYSEMU;
    memset(g_no_stop, 0, sizeof(g_no_stop));
    g_have_no_stop = false;
    for (PAL_NUM n = 0; no_stop && n < nr && n < NO_STOP_MAX; n++) {
        if (no_stop[n / 64] & (1ULL << (n % 64))) {
            g_no_stop[n / 32] |= 1U << (n % 32);
            g_have_no_stop = true;
        }
    }
    return 0;
}

enum pal_stops DkSyscallStops(void) {
    return _DkSeccompActive ? PAL_STOPS_SECCOMP : PAL_STOPS_SYSEMU;
}

#define STMT(code, k) ((struct sock_filter)BPF_STMT(code, k))
#define JUMP(code, k, jt, jf) ((struct sock_filter)BPF_JUMP(code, k, jt, jf))

/* Build the filter into F; returns its length. */
static unsigned short build_filter(struct sock_filter* f) {
    unsigned short n = 0, nblocks = 0;

    if (!g_have_no_stop) {
        f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | PAL_SECCOMP_DATA);
        return n;
    }
    for (unsigned b = 0; b < NO_STOP_MAX / 32; b++)
        nblocks += g_no_stop[b] != 0;
    /* head: another ABI (int 0x80, x32) always stops, for the shim to
     * refuse; then A = nr / 32 */
    f[n++] = STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0);
    f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | PAL_SECCOMP_DATA);
    f[n++] = STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    f[n++] = JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1);
    f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | PAL_SECCOMP_DATA);
    f[n++] = STMT(BPF_ALU | BPF_RSH | BPF_K, 5);
    /* one test per block of 32 numbers with some let through: X = its
     * mask, on to the tail; the tail is 3 * (blocks left) + 1 ahead */
    for (unsigned b = 0; b < NO_STOP_MAX / 32; b++) {
        if (!g_no_stop[b])
            continue;
        nblocks--;
        f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, b, 0, 2);
        f[n++] = STMT(BPF_LDX | BPF_W | BPF_IMM, g_no_stop[b]);
        f[n++] = STMT(BPF_JMP | BPF_JA, 3U * nblocks + 1);
    }
    f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | PAL_SECCOMP_DATA);
    /* tail: through if the number's bit is in X */
    f[n++] = STMT(BPF_STX, 0);
    f[n++] = STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    f[n++] = STMT(BPF_ALU | BPF_AND | BPF_K, 31);
    f[n++] = STMT(BPF_MISC | BPF_TAX, 0);
    f[n++] = STMT(BPF_LD | BPF_IMM, 1);
    f[n++] = STMT(BPF_ALU | BPF_LSH | BPF_X, 0);
    f[n++] = STMT(BPF_LDX | BPF_MEM, 0);
    f[n++] = STMT(BPF_ALU | BPF_AND | BPF_X, 0);
    f[n++] = JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1);
    f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | PAL_SECCOMP_DATA);
    f[n++] = STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    return n;
}

static int load_filter(const struct sock_fprog* prog) {
    /* SPEC_ALLOW: a filter must not turn on the speculative store bypass
     * mitigation, which would slow the program and show in its
     * /proc/self/status */
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_SPEC_ALLOW, prog) == 0)
        return 0;
    if (errno == EINVAL &&
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, prog) == 0)
        return 0;
    /* no seccomp(2) (kernels before 3.17, and valgrind, which runs ptshim
     * in its tests): the older prctl */
    if (errno == ENOSYS && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog) == 0)
        return 0;
    return -errno;
}

int _DkSeccompInstall(void) {
    struct sock_filter filter[FILTER_MAX];
    struct sock_fprog prog = {.filter = filter};
    int ret;

    if (g_stops == PAL_STOPS_SYSEMU)
        return PAL_STOPS_SYSEMU;
    prog.len = build_filter(filter);
    ret = load_filter(&prog);
    if (ret == 0)
        return PAL_STOPS_SECCOMP;
    if (g_stops == PAL_STOPS_AUTO)
        return PAL_STOPS_SYSEMU;
    if (ret == -EACCES) {
        /* asked for: without CAP_SYS_ADMIN, with no_new_privs */
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
            return -errno;
        ret = load_filter(&prog);
        if (ret == 0)
            return PAL_STOPS_SECCOMP;
    }
    return ret;
}

/* The x86-64 ABI's red zone: below the stack pointer, what a function may
 * use without moving it.  Below that is free, as for a signal frame. */
#define RED_ZONE 128

/* Install the filter at PROG (in T's memory) in T, as load_filter does */
static long install_in(struct pal_thread* t, PAL_NUM prog) {
    long ret = DkHostCall(t, SYS_seccomp,
                          (PAL_NUM[6]){SECCOMP_SET_MODE_FILTER,
                                       SECCOMP_FILTER_FLAG_SPEC_ALLOW, prog});

    if (ret == -EINVAL)
        ret = DkHostCall(t, SYS_seccomp, (PAL_NUM[6]){SECCOMP_SET_MODE_FILTER, 0, prog});
    if (ret == -ENOSYS)
        ret = DkHostCall(t, SYS_prctl, (PAL_NUM[6]){PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog});
    return ret;
}

int DkThreadStopEveryCall(PAL_HANDLE t) {
    struct {
        struct sock_fprog prog;
        struct sock_filter stop;
    } image, saved;
    PAL_NUM at = (t->entry_regs.rsp - RED_ZONE - sizeof(image)) & ~(PAL_NUM)15;
    long ret;

    /* SYSEMU stops every call; so does ptshim's filter without a set of
     * calls to let through */
    if (!_DkSeccompActive || !g_have_no_stop)
        return 0;
    if (t->state != PAL_THREAD_AT_SYSCALL && t->state != PAL_THREAD_AT_SYSCALL_EXIT)
        return -EINVAL;
    /* placed below the thread's stack for the call, the memory there put
     * back after it */
    image.prog.len = 1;
    image.prog.filter = (struct sock_filter*)(uintptr_t)(at + offsetof(__typeof__(image), stop));
    image.stop = STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE | PAL_SECCOMP_DATA);
    ret = DkVirtualMemoryRead(t, at, &saved, sizeof(saved));
    if (ret < 0 || ret < (long)sizeof(saved))
        return ret < 0 ? (int)ret : -EFAULT;
    ret = DkVirtualMemoryWrite(t, at, &image, sizeof(image));
    if (ret >= 0) {
        ret = install_in(t, at);
        /* the program's own filters would need no_new_privs too; this
         * thread cannot make the calls that would show it (execve,
         * prctl) any more */
        if (ret == -EACCES) {
            log_debug("thread %d: no_new_privs set, for a filter that stops every call",
                      t->tid);
            ret = DkHostCall(t, SYS_prctl, (PAL_NUM[6]){PR_SET_NO_NEW_PRIVS, 1});
            if (ret == 0)
                ret = install_in(t, at);
        }
    }
    if (!t->gone && DkVirtualMemoryWrite(t, at, &saved, sizeof(saved)) < 0)
        log_debug("thread %d: the memory below its stack could not be restored", t->tid);
    return ret < 0 ? (int)ret : 0;
}

void DkThreadInstallsFilter(PAL_HANDLE t) {
    if (!_DkOwnFilters)
        log_debug("thread %d installs a seccomp filter of the program's own", t->tid);
    _DkOwnFilters = true;
}

void _DkSeccompStarted(int stops) {
    _DkSeccompActive = stops == PAL_STOPS_SECCOMP;
    _DkSeccompWanted = _DkSeccompActive;
}

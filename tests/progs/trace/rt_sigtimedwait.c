/*
 * rt_sigtimedwait.c: rt_sigtimedwait(2), rt_sigqueueinfo(2) and
 * rt_tgsigqueueinfo(2), on signals that stay blocked (sent with kill or
 * queued, then taken).  Covers the set, the siginfo printed at exit (an
 * address when the call fails, NULL), the timespec, the result with the
 * signal's name, and siginfo at entry as given (si_signo other than the
 * signal, {} when si_signo is 0, si_errno by name, si_code names and
 * unknown codes in hex, the value shown for SI_QUEUE and codes with a
 * pointer, a timer's id and overrun for SI_TIMER, SIGCHLD's fields), and
 * the failures EAGAIN (nothing pending), EINVAL (size, timespec, signal),
 * EPERM (SI_TKILL or a kernel code for another process), ESRCH and EFAULT
 * (which loses a signal already taken).
 */
#include "trace-sys.h"

#include <limits.h>

/* Bit of signal SIG in a kernel signal set. */
#define SIGBIT(sig) (1ULL << ((sig)-1))

static long test_timedwait(const uint64_t* set, siginfo_t* si, const struct timespec* ts,
                           size_t size) {
    const char* set_str = size == 8 && mapped(set) ? ssigset(*set, 8) : sptr(set);
    const char* ts_str = mapped(ts) ? stimespec(ts) : sptr(ts);
    long rc = syscall(SYS_rt_sigtimedwait, set, si, ts, size);
    const char* res = sres(rc);

    if (rc > 0)
        res = xasprintf("%s (%s)", res, ssig((int)rc));
    printf("rt_sigtimedwait(%s, %s, %s, %zu) %s\n", set_str, rc > 0 && si ? ssiginfo(si) : sptr(si),
           ts_str, size, res);
    return rc;
}

static const char* sinfo(const siginfo_t* si) {
    return mapped(si) ? ssiginfo(si) : sptr(si);
}

static long test_queueinfo(int pid, int sig, const siginfo_t* si) {
    const char* before = sinfo(si);
    long rc = syscall(SYS_rt_sigqueueinfo, pid, sig, si);
    const char* res = sres(rc);

    printf("rt_sigqueueinfo(%d, %s, %s) %s\n", pid, ssig(sig), before, res);
    return rc;
}

static long test_tgqueueinfo(int tgid, int tid, int sig, const siginfo_t* si) {
    const char* before = sinfo(si);
    long rc = syscall(SYS_rt_tgsigqueueinfo, tgid, tid, sig, si);
    const char* res = sres(rc);

    printf("rt_tgsigqueueinfo(%d, %d, %s, %s) %s\n", tgid, tid, ssig(sig), before, res);
    return rc;
}

/* A siginfo to queue. */
static siginfo_t* info(int signo, int code, int pid, void* ptr) {
    siginfo_t* si = calloc(1, sizeof(*si));

    CHECK(si != NULL);
    si->si_signo = signo;
    si->si_code = code;
    si->si_pid = pid;
    si->si_uid = getuid();
    si->si_ptr = ptr;
    return si;
}

int main(void) {
    uint64_t set = SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2) | SIGBIT(SIGCHLD) | SIGBIT(40);
    uint64_t usr2 = SIGBIT(SIGUSR2);
    sigset_t blocked;
    siginfo_t si, *s;
    siginfo_t* edge = tail_alloc(sizeof(siginfo_t));
    struct timespec zero = { 0, 0 };
    struct timespec short_wait = { 0, 1000 };
    struct timespec bad = { 0, 1000000000 };
    int self = getpid();
    void* value = (void*)(uintptr_t)0x12345678deadbeefULL;

    sigemptyset(&blocked);
    sigaddset(&blocked, SIGUSR1);
    sigaddset(&blocked, SIGUSR2);
    sigaddset(&blocked, SIGCHLD);
    sigaddset(&blocked, 40);
    CHECK(sigprocmask(SIG_BLOCK, &blocked, NULL) == 0);

    /* Signals sent with kill, then taken. */
    test_timedwait(&set, &si, &zero, 8);
    test_timedwait(&set, &si, &short_wait, 8);
    CHECK(kill(self, SIGUSR1) == 0);
    test_timedwait(&set, &si, &zero, 8);
    CHECK(kill(self, 40) == 0);
    CHECK(kill(self, SIGUSR2) == 0);
    test_timedwait(&set, edge, NULL, 8);
    test_timedwait(&usr2, NULL, &zero, 8);
    test_timedwait(&set, &si, &zero, 8);

    /* Queued with a siginfo. */
    test_queueinfo(self, SIGUSR1, info(SIGUSR1, SI_QUEUE, self, value));
    test_timedwait(&set, &si, &zero, 8);
    test_queueinfo(self, 40, info(SIGUSR1, SI_USER, self, NULL));
    test_timedwait(&set, &si, NULL, 8);
    s = info(0, SI_QUEUE, self, value);
    test_queueinfo(self, SIGUSR2, s);
    test_timedwait(&set, &si, &zero, 8);
    s = info(SIGUSR1, SI_MESGQ, self, value);
    s->si_errno = EIO;
    test_tgqueueinfo(self, self, SIGUSR1, s);
    test_timedwait(&set, &si, &zero, 8);
    s = info(SIGUSR1, SI_TIMER, 0, NULL);
    s->si_timerid = 0x1234;
    s->si_overrun = 2;
    s->si_ptr = value;
    test_tgqueueinfo(self, self, SIGUSR2, s);
    test_timedwait(&set, &si, &zero, 8);
    test_queueinfo(self, SIGUSR1, info(SIGUSR1, -100, self, NULL));
    test_timedwait(&set, &si, &zero, 8);
    test_queueinfo(self, SIGUSR1, info(SIGUSR1, -100, self, value));
    test_timedwait(&set, &si, &zero, 8);
    s = info(SIGCHLD, CLD_EXITED, self, NULL);
    s->si_status = 3;
    test_queueinfo(self, SIGCHLD, s);
    test_timedwait(&set, &si, &zero, 8);
    s = info(SIGCHLD, CLD_KILLED, self, NULL);
    s->si_status = SIGKILL;
    s->si_utime = 250;
    test_queueinfo(self, SIGCHLD, s);
    test_timedwait(&set, &si, &zero, 8);

    /* Failures. */
    test_timedwait(&set, &si, &zero, 4);
    test_timedwait(&set, &si, &zero, 16);
    test_timedwait(&set, &si, &bad, 8);
    test_timedwait(NULL, &si, &zero, 8);
    test_timedwait(BAD_ADDR, &si, &zero, 8);
    test_timedwait(&set, &si, BAD_ADDR, 8);
    CHECK(kill(self, SIGUSR1) == 0);
    test_timedwait(&set, BAD_ADDR, &zero, 8);
    test_timedwait(&set, &si, &zero, 8);
    test_queueinfo(self, 0, info(0, SI_QUEUE, self, NULL));
    test_queueinfo(self, 65, info(0, SI_QUEUE, self, NULL));
    test_queueinfo(INT_MAX, SIGUSR1, info(SIGUSR1, SI_QUEUE, self, NULL));
    test_queueinfo(1, SIGUSR1, info(SIGUSR1, SI_TKILL, self, NULL));
    test_queueinfo(1, SIGUSR1, info(SIGUSR1, SI_KERNEL, self, value));
    test_queueinfo(self, SIGUSR1, NULL);
    test_queueinfo(self, SIGUSR1, BAD_ADDR);
    test_tgqueueinfo(self, INT_MAX, SIGUSR1, info(SIGUSR1, SI_QUEUE, self, NULL));
    test_tgqueueinfo(-1, self, SIGUSR1, info(SIGUSR1, SI_QUEUE, self, NULL));
    test_tgqueueinfo(self, self, SIGUSR1, edge + 1);
    test_timedwait(&set, &si, &zero, 8);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * kill.c: kill(2), tgkill(2) and tkill(2), sent by this process to itself,
 * its group and everyone.  Covers signal 0 (no signal, only the checks),
 * signals printed by name (SIGRTMIN for 32, SIGRT_N above) or as a number
 * when invalid, the delivery line that follows a caught signal and an
 * ignored one (a traced process gets it anyway), with si_code SI_USER or
 * SI_TKILL, and the failures EINVAL (invalid signal, tgid or tid) and ESRCH
 * (no such process or thread, INT_MIN).
 */
#include "trace-sys.h"

#include <limits.h>

static void on_signal(int sig) {
    (void)sig;
}

static long test_kill(int pid, int sig, int delivered) {
    long rc = syscall(SYS_kill, pid, sig);
    const char* res = sres(rc);

    printf("kill(%d, %s) %s\n", pid, ssig(sig), res);
    if (delivered && rc == 0)
        expect_sent(sig, SI_USER);
    return rc;
}

static long test_tgkill(int tgid, int tid, int sig, int delivered) {
    long rc = syscall(SYS_tgkill, tgid, tid, sig);
    const char* res = sres(rc);

    printf("tgkill(%d, %d, %s) %s\n", tgid, tid, ssig(sig), res);
    if (delivered && rc == 0)
        expect_sent(sig, SI_TKILL);
    return rc;
}

static long test_tkill(int tid, int sig, int delivered) {
    long rc = syscall(SYS_tkill, tid, sig);
    const char* res = sres(rc);

    printf("tkill(%d, %s) %s\n", tid, ssig(sig), res);
    if (delivered && rc == 0)
        expect_sent(sig, SI_TKILL);
    return rc;
}

int main(void) {
    int self = getpid();
    int pgrp = getpgrp();

    CHECK(signal(SIGUSR1, on_signal) != SIG_ERR);
    CHECK(signal(SIGRTMIN + 1, on_signal) != SIG_ERR);
    CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR);

    test_kill(self, 0, 0);
    test_kill(self, SIGUSR1, 1);
    test_kill(self, SIGRTMIN + 1, 1);
    test_kill(self, SIGUSR2, 1);
    test_kill(0, 0, 0);
    test_kill(-pgrp, 0, 0);
    test_kill(-1, 0, 0);
    test_kill(self, -1, 0);
    test_kill(self, 65, 0);
    test_kill(INT_MAX, 0, 0);
    test_kill(INT_MAX, 32, 0);
    test_kill(INT_MAX, 64, 0);
    test_kill(-INT_MAX, 0, 0);
    test_kill(INT_MIN, 0, 0);

    test_tgkill(self, self, 0, 0);
    test_tgkill(self, self, SIGUSR1, 1);
    test_tgkill(self, self, SIGCHLD, 1);
    test_tgkill(-1, self, 0, 0);
    test_tgkill(self, -1, 0, 0);
    test_tgkill(self, 0, 0, 0);
    test_tgkill(self, self, 65, 0);
    test_tgkill(self, INT_MAX, 0, 0);
    test_tgkill(INT_MAX, self, 0, 0);

    test_tkill(self, 0, 0);
    test_tkill(self, SIGRTMIN + 1, 1);
    test_tkill(-1, 0, 0);
    test_tkill(0, 0, 0);
    test_tkill(self, 100, 0);
    test_tkill(INT_MAX, 0, 0);

    EXPECT_EXITED_0();
    return 0;
}

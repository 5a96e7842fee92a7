/*
 * shim-mem-lock.c: mlock, mlock2, munlock, mlockall, munlockall and
 * membarrier (shim-memev.h).  Run as root and as a user of its own: the
 * locks' permission (RLIMIT_MEMLOCK, CAP_IPC_LOCK) is the kernel's.
 */
#include "shim-memev.h"

#include <sys/resource.h>
#include <sys/wait.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif

static void locks(void) {
    char *p = pages(4), *h = hole();

    T("mlock", syscall(SYS_mlock, p, PAGE));
    T("mlock(unaligned, two pages)", syscall(SYS_mlock, p + PAGE + 1, PAGE));
    T("mlock(len 0)", syscall(SYS_mlock, p, 0));
    T("mlock(len 0, nothing mapped)", syscall(SYS_mlock, h, 0));
    T("mlock(nothing mapped)", syscall(SYS_mlock, h, PAGE));
    T("mlock(len wraps)", syscall(SYS_mlock, p, 0UL - 2 * PAGE));
    T("mlock(len -1)", syscall(SYS_mlock, p, -1UL));
    T("mlock(high address)", syscall(SYS_mlock, 1UL << 62, PAGE));
    T("mlock2(flags 2)", syscall(SYS_mlock2, p, PAGE, 2));
    T("mlock2(flags 2, nothing mapped)", syscall(SYS_mlock2, h, PAGE, 2));
    T("mlock2(flags -1)", syscall(SYS_mlock2, p, PAGE, -1L));
    T("mlock2(flags 1 << 32)", syscall(SYS_mlock2, p, PAGE, 1UL << 32));
    T("mlock2(MLOCK_ONFAULT)", syscall(SYS_mlock2, p + 3 * PAGE, PAGE, MLOCK_ONFAULT));
    T("mlock2(0, nothing mapped)", syscall(SYS_mlock2, h, PAGE, 0));
    T("munlock", syscall(SYS_munlock, p, PAGE));
    T("munlock(unaligned)", syscall(SYS_munlock, p + PAGE + 1, PAGE));
    T("munlock(len 0)", syscall(SYS_munlock, h, 0));
    T("munlock(len -1)", syscall(SYS_munlock, p, -1UL));
    T("munlock(unaligned, len -1)", syscall(SYS_munlock, p + 1, -1UL));
    T("munlock(len wraps)", syscall(SYS_munlock, p, 0UL - 2 * PAGE));
    T("munlock(nothing mapped)", syscall(SYS_munlock, h, PAGE));
    T("munlock(not locked)", syscall(SYS_munlock, p + 2 * PAGE, PAGE));
    T("munlock(high address)", syscall(SYS_munlock, 1UL << 62, PAGE));
    T("mlockall(0)", syscall(SYS_mlockall, 0));
    T("mlockall(8)", syscall(SYS_mlockall, 8));
    T("mlockall(MCL_ONFAULT)", syscall(SYS_mlockall, MCL_ONFAULT));
    T("mlockall(MCL_CURRENT|8)", syscall(SYS_mlockall, MCL_CURRENT | 8));
    T("mlockall(MCL_CURRENT, beyond 32 bits)", syscall(SYS_mlockall, 1UL << 32 | MCL_CURRENT));
    T("munlockall", syscall(SYS_munlockall));
    T("mlockall(MCL_FUTURE|MCL_ONFAULT)", syscall(SYS_mlockall, MCL_FUTURE | MCL_ONFAULT));
    T("munlockall", syscall(SYS_munlockall));
    T("mlockall(MCL_CURRENT|MCL_FUTURE)", syscall(SYS_mlockall, MCL_CURRENT | MCL_FUTURE));
    T("munlockall", syscall(SYS_munlockall));
    T("munlockall(again)", syscall(SYS_munlockall));
}

static void membarriers(void) {
    static const int cmds[] = {3, 5, 6, 1024, 1 << 30, -1};
    char what[64];

    OK("membarrier(MEMBARRIER_CMD_QUERY)", syscall(SYS_membarrier, 0, 0, 0));
    T("membarrier(QUERY, flags 1)", syscall(SYS_membarrier, 0, 1, 0));
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        snprintf(what, sizeof(what), "membarrier(%d)", cmds[i]);
        T(what, syscall(SYS_membarrier, cmds[i], 0, 0));
    }
    T("membarrier(3, flags 1)", syscall(SYS_membarrier, 3, 1, 0));
    T("membarrier(PRIVATE_EXPEDITED, unregistered)", syscall(SYS_membarrier, 8, 0, 0));
    T("membarrier(PRIVATE_EXPEDITED_RSEQ, flags 2)", syscall(SYS_membarrier, 128, 2, 0));
    T("membarrier(PRIVATE_EXPEDITED_RSEQ, flags 1, unregistered)",
      syscall(SYS_membarrier, 128, 1, 0));
    T("membarrier(PRIVATE_EXPEDITED, flags 1)", syscall(SYS_membarrier, 8, 1, 0));
    T("membarrier(GET_REGISTRATIONS)", syscall(SYS_membarrier, 512, 0, 0));
    T("membarrier(REGISTER_PRIVATE_EXPEDITED)", syscall(SYS_membarrier, 16, 0, 0));
    T("membarrier(PRIVATE_EXPEDITED)", syscall(SYS_membarrier, 8, 0, 0));
    T("membarrier(GET_REGISTRATIONS)", syscall(SYS_membarrier, 512, 0, 0));
    T("membarrier(GLOBAL)", syscall(SYS_membarrier, 1, 0, 0));
    T("membarrier(GLOBAL_EXPEDITED)", syscall(SYS_membarrier, 2, 0, 0));
}

int main(void) {
    struct rlimit none = {0, 0};
    pid_t pid;
    int st;

    setup_stdout();
    section("locks");
    locks();
    /* without RLIMIT_MEMLOCK, only CAP_IPC_LOCK may lock */
    section("no RLIMIT_MEMLOCK");
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        char* p = pages(1);

        CHECK(setrlimit(RLIMIT_MEMLOCK, &none) == 0);
        T("mlock", syscall(SYS_mlock, p, PAGE));
        T("mlock(len 0)", syscall(SYS_mlock, p, 0));
        T("mlock2(flags 2)", syscall(SYS_mlock2, p, PAGE, 2));
        T("mlockall(MCL_CURRENT)", syscall(SYS_mlockall, MCL_CURRENT));
        T("mlockall(0)", syscall(SYS_mlockall, 0));
        T("munlock", syscall(SYS_munlock, p, PAGE));
        T("munlockall", syscall(SYS_munlockall));
        _exit(0);
    }
    CHECK(waitpid(pid, &st, 0) == pid);
    print_status("child", st);
    section("membarrier");
    membarriers();
    return 0;
}

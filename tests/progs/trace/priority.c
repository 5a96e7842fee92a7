/*
 * priority.c: getpriority(2) and setpriority(2).  Covers the three kinds of
 * target (PRIO_PROCESS, PRIO_PGRP, PRIO_USER; who 0 or an id, unknown kinds
 * in hex with the comment "PRIO_???"), getpriority's raw result (20 - nice,
 * never negative), nice values out of range (clamped by the kernel) and the
 * failures EINVAL and ESRCH.  Only this process's own nice value is
 * changed; lowering it needs root and fails with EACCES otherwise, printed
 * as it comes.
 */
#include "trace-sys.h"

#include <limits.h>

static const struct xlat prio_which[] = {
    XLAT(PRIO_PROCESS),
    XLAT(PRIO_PGRP),
    XLAT(PRIO_USER),
    XLAT_END,
};

static long test_getpriority(int which, int who) {
    long rc = syscall(SYS_getpriority, which, who);
    const char* res = sres(rc);

    printf("getpriority(%s, %d) %s\n", sxval(prio_which, (unsigned int)which, "PRIO_???"), who,
           res);
    return rc;
}

static long test_setpriority(int which, int who, int prio) {
    long rc = syscall(SYS_setpriority, which, who, prio);
    const char* res = sres(rc);

    printf("setpriority(%s, %d, %d) %s\n", sxval(prio_which, (unsigned int)which, "PRIO_???"), who,
           prio, res);
    return rc;
}

int main(void) {
    int self = getpid();

    test_getpriority(PRIO_PROCESS, 0);
    test_getpriority(PRIO_PROCESS, self);
    test_getpriority(PRIO_PGRP, 0);
    test_getpriority(PRIO_USER, 0);
    test_getpriority(PRIO_USER, (int)getuid());

    test_setpriority(PRIO_PROCESS, 0, 5);
    test_getpriority(PRIO_PROCESS, 0);
    test_setpriority(PRIO_PROCESS, self, 100);
    test_getpriority(PRIO_PROCESS, self);
    test_setpriority(PRIO_PROCESS, 0, -100);
    test_getpriority(PRIO_PROCESS, 0);
    test_setpriority(PRIO_PROCESS, 0, 0);

    test_getpriority(3, 0);
    test_getpriority(-1, 0);
    test_getpriority(PRIO_PROCESS, INT_MAX);
    test_getpriority(PRIO_PROCESS, -1);
    test_getpriority(PRIO_PGRP, INT_MAX);
    test_setpriority(5, 0, 0);
    test_setpriority(PRIO_PROCESS, INT_MAX, 0);
    test_setpriority(PRIO_PGRP, INT_MAX, 0);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * eventfd.c: eventfd2(2) and the older eventfd(2).  Covers the initial
 * value (unsigned), EFD_* flags and unknown bits (hex, with a comment
 * when none is known), and EINVAL.
 */
#include "trace-fs.h"

#include <sys/eventfd.h>

static const struct xlat efd_flags[] = {
    XLAT(EFD_SEMAPHORE), XLAT(EFD_CLOEXEC), XLAT(EFD_NONBLOCK), XLAT_END,
};

static long test_eventfd2(unsigned int initval, unsigned int flags) {
    long rc = syscall(SYS_eventfd2, initval, flags);
    const char* res = sres(rc);

    printf("eventfd2(%u, %s) %s\n", initval, sflags(efd_flags, flags, "EFD_???"), res);
    return rc;
}

static long test_eventfd(unsigned int initval) {
    long rc = syscall(SYS_eventfd, initval);
    const char* res = sres(rc);

    printf("eventfd(%u) %s\n", initval, res);
    return rc;
}

int main(void) {
    test_eventfd2(0, 0);
    test_eventfd2(5, EFD_CLOEXEC);
    test_eventfd2(1, EFD_SEMAPHORE | EFD_NONBLOCK);
    test_eventfd2(~0U, EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK);
    test_eventfd2(0, EFD_CLOEXEC | 0x2);
    test_eventfd2(0, 0x2);
    test_eventfd(0);
    test_eventfd(42);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * umask.c: umask(2), which cannot fail.  Covers the argument and the
 * previous mask returned, both in octal with at least 3 digits (000,
 * 022, 0777), and bits outside 0777 in the argument.
 */
#include "trace-fs.h"

static long test_umask(unsigned int mask) {
    long rc = syscall(SYS_umask, mask);

    printf("umask(%s) = %s\n", soctal(mask), soctal((unsigned int)rc));
    return rc;
}

int main(void) {
    test_umask(022);
    test_umask(0);
    test_umask(0777);
    test_umask(027);
    test_umask(07777);
    test_umask(0177002);
    test_umask(077);

    EXPECT_EXITED_0();
    return 0;
}

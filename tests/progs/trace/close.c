/*
 * close.c: close(2) and close_range(2).  Covers closing open descriptors,
 * EBADF for a closed, a negative and a huge descriptor, close_range's
 * bounds printed unsigned (~0U as 4294967295), its flags and unknown bits
 * (in hex, with a comment when no flag is known), and EINVAL.
 */
#include "trace-fs.h"

#include <linux/close_range.h>

static const struct xlat close_range_flags[] = {
    XLAT(CLOSE_RANGE_UNSHARE),
    XLAT(CLOSE_RANGE_CLOEXEC),
    XLAT_END,
};

/* close(FD) and its line. */
static long test_close(int fd) {
    long rc = syscall(SYS_close, fd);
    const char* res = sres(rc);

    printf("close(%d) %s\n", fd, res);
    return rc;
}

/* close_range(FIRST, LAST, FLAGS) and its line. */
static long test_close_range(unsigned int first, unsigned int last, unsigned int flags) {
    long rc = syscall(SYS_close_range, first, last, flags);
    const char* res = sres(rc);

    printf("close_range(%u, %u, %s) %s\n", first, last,
           sflags(close_range_flags, flags, "CLOSE_RANGE_???"), res);
    return rc;
}

/* A new descriptor (to close), from dup, which is not traced. */
static int new_fd(void) {
    int fd = dup(0);

    CHECK(fd >= 0);
    return fd;
}

int main(void) {
    int fd = new_fd();
    int a, b;

    test_close(fd);
    test_close(fd);
    test_close(-1);
    test_close(-100);
    test_close(1 << 30);

    a = new_fd();
    b = new_fd();
    test_close_range((unsigned int)a, (unsigned int)b, 0);
    test_close(a);
    a = new_fd();
    test_close_range((unsigned int)a, ~0U, CLOSE_RANGE_CLOEXEC);
    test_close_range((unsigned int)a, ~0U, CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC);
    test_close_range(1000, 2000, 0);
    test_close_range(2000, 1000, 0);
    test_close_range(1000, 2000, CLOSE_RANGE_CLOEXEC | 0x10);
    test_close_range(1000, 2000, 0x10);
    test_close_range(1000, 2000, 0x80000000);
    test_close_range((unsigned int)-5, (unsigned int)-3, 0);
    test_close(a);

    EXPECT_EXITED_0();
    return 0;
}

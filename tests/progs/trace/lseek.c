/*
 * lseek.c: lseek(2).  Covers each whence (SEEK_SET, SEEK_CUR, SEEK_END,
 * SEEK_DATA, SEEK_HOLE), negative and large offsets, unknown whence values
 * (hex with a comment), and the failures EINVAL, ENXIO, EBADF and ESPIPE.
 */
#include "trace-fs.h"

static const struct xlat whences[] = {
    XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA), XLAT(SEEK_HOLE), XLAT_END,
};

static long test_lseek(int fd, long offset, unsigned int whence) {
    long rc = syscall(SYS_lseek, fd, offset, whence);
    const char* res = sres(rc);

    printf("lseek(%d, %ld, %s) %s\n", fd, offset, sxval(whences, whence, "SEEK_???"), res);
    return rc;
}

int main(void) {
    int fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
    int pipefd[2];

    CHECK(fd >= 0);
    CHECK(write(fd, "0123456789", 10) == 10);

    test_lseek(fd, 0, SEEK_SET);
    test_lseek(fd, 4, SEEK_SET);
    test_lseek(fd, 3, SEEK_CUR);
    test_lseek(fd, -2, SEEK_CUR);
    test_lseek(fd, 0, SEEK_END);
    test_lseek(fd, -10, SEEK_END);
    test_lseek(fd, 1L << 40, SEEK_SET);
    test_lseek(fd, 0, SEEK_DATA);
    test_lseek(fd, 0, SEEK_HOLE);
    test_lseek(fd, 100, SEEK_DATA);
    test_lseek(fd, -1, SEEK_SET);
    test_lseek(fd, -11, SEEK_END);
    test_lseek(fd, 0, 5);
    test_lseek(fd, 0, 0x80000000);
    test_lseek(-1, 0, SEEK_SET);
    test_lseek(1000, 0, SEEK_CUR);
    CHECK(pipe(pipefd) == 0);
    test_lseek(pipefd[0], 0, SEEK_CUR);

    EXPECT_EXITED_0();
    return 0;
}

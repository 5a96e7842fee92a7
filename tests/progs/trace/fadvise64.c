/*
 * fadvise64.c: fadvise64(2) and readahead(2), the page cache advice
 * calls.  Covers each POSIX_FADV_* advice (an unknown one in hex with a
 * comment), offsets (signed) and lengths (unsigned; 0 means to the end),
 * and the failures EBADF, EINVAL and ESPIPE.
 */
#include "trace-fs.h"

static const struct xlat advices[] = {
    XLAT(POSIX_FADV_NORMAL),   XLAT(POSIX_FADV_RANDOM),   XLAT(POSIX_FADV_SEQUENTIAL),
    XLAT(POSIX_FADV_WILLNEED), XLAT(POSIX_FADV_DONTNEED), XLAT(POSIX_FADV_NOREUSE),
    XLAT_END,
};

static long test_fadvise64(int fd, long offset, long len, int advice) {
    long rc = syscall(SYS_fadvise64, fd, offset, len, advice);
    const char* res = sres(rc);

    printf("fadvise64(%d, %ld, %lu, %s) %s\n", fd, offset, (unsigned long)len,
           sxval(advices, (unsigned int)advice, "POSIX_FADV_???"), res);
    return rc;
}

static long test_readahead(int fd, long offset, size_t count) {
    long rc = syscall(SYS_readahead, fd, offset, count);
    const char* res = sres(rc);

    printf("readahead(%d, %ld, %zu) %s\n", fd, offset, count, res);
    return rc;
}

int main(void) {
    int fd = open("file", O_RDWR | O_CREAT, 0644);
    int wronly = open("file", O_WRONLY);
    int pipefd[2];

    CHECK(fd >= 0 && wronly >= 0);
    CHECK(ftruncate(fd, 65536) == 0);
    CHECK(pipe(pipefd) == 0);

    test_fadvise64(fd, 0, 0, POSIX_FADV_NORMAL);
    test_fadvise64(fd, 0, 4096, POSIX_FADV_RANDOM);
    test_fadvise64(fd, 4096, 8192, POSIX_FADV_SEQUENTIAL);
    test_fadvise64(fd, 0, 65536, POSIX_FADV_WILLNEED);
    test_fadvise64(fd, 0, 0, POSIX_FADV_DONTNEED);
    test_fadvise64(fd, 100, 1, POSIX_FADV_NOREUSE);
    test_fadvise64(fd, 0, 0, 6);
    test_fadvise64(fd, 0, 0, -1);
    test_fadvise64(fd, 0, -1, POSIX_FADV_NORMAL);
    test_fadvise64(fd, -1, 0, POSIX_FADV_NORMAL);
    test_fadvise64(pipefd[0], 0, 0, POSIX_FADV_NORMAL);
    test_fadvise64(-1, 0, 0, POSIX_FADV_NORMAL);

    test_readahead(fd, 0, 4096);
    test_readahead(fd, 8192, 0);
    test_readahead(fd, 1L << 40, 4096);
    test_readahead(fd, -1, 4096);
    test_readahead(wronly, 0, 4096);
    test_readahead(pipefd[0], 0, 4096);
    test_readahead(-1, 0, 4096);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * truncate.c: truncate(2), ftruncate(2), fallocate(2).  Covers growing
 * and shrinking, lengths in decimal (unsigned for truncate and ftruncate,
 * so -1 is 18446744073709551615; signed for fallocate), fallocate's mode (0, FALLOC_FL_*
 * flags, unknown bits in hex, with a comment "FALLOC_FL_???" when none is
 * known) and offsets, and the failures EINVAL (negative length, bad
 * mode), EISDIR, ENOENT, ENOTDIR, EBADF, ESPIPE, EOPNOTSUPP and EFAULT.
 */
#include "trace-fs.h"

#include <linux/falloc.h>

static const struct xlat falloc_flags[] = {
    XLAT(FALLOC_FL_KEEP_SIZE),
    XLAT(FALLOC_FL_PUNCH_HOLE),
    XLAT(FALLOC_FL_NO_HIDE_STALE),
    XLAT(FALLOC_FL_COLLAPSE_RANGE),
    XLAT(FALLOC_FL_ZERO_RANGE),
    XLAT(FALLOC_FL_INSERT_RANGE),
    XLAT(FALLOC_FL_UNSHARE_RANGE),
    XLAT_END,
};

static long test_truncate(const char* path, long length) {
    long rc = syscall(SYS_truncate, path, length);
    const char* res = sres(rc);

    printf("truncate(%s, %lu) %s\n", spathp(path), (unsigned long)length, res);
    return rc;
}

static long test_ftruncate(int fd, long length) {
    long rc = syscall(SYS_ftruncate, fd, length);
    const char* res = sres(rc);

    printf("ftruncate(%d, %lu) %s\n", fd, (unsigned long)length, res);
    return rc;
}

static long test_fallocate(int fd, unsigned int mode, long offset, long len) {
    long rc = syscall(SYS_fallocate, fd, mode, offset, len);
    const char* res = sres(rc);

    printf("fallocate(%d, %s, %ld, %ld) %s\n", fd, sflags(falloc_flags, mode, "FALLOC_FL_???"),
           offset, len, res);
    return rc;
}

int main(void) {
    int fd, rdonly, pipefd[2];

    fd = open("file", O_RDWR | O_CREAT, 0644);
    rdonly = open("file", O_RDONLY);
    CHECK(fd >= 0 && rdonly >= 0);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(pipe(pipefd) == 0);

    test_truncate("file", 100);
    test_truncate("file", 0);
    test_truncate("file", 1L << 32);
    test_truncate("file", -1);
    test_truncate("dir", 0);
    test_truncate("missing", 0);
    test_truncate("file/x", 0);
    test_truncate(NULL, 0);

    test_ftruncate(fd, 4096);
    test_ftruncate(fd, 10);
    test_ftruncate(fd, -5);
    test_ftruncate(rdonly, 0);
    test_ftruncate(pipefd[1], 0);
    test_ftruncate(-1, 0);

    test_fallocate(fd, 0, 0, 8192);
    test_fallocate(fd, FALLOC_FL_KEEP_SIZE, 8192, 4096);
    test_fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 4096);
    test_fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 4096);
    test_fallocate(fd, FALLOC_FL_ZERO_RANGE, 0, 100);
    test_fallocate(fd, FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_INSERT_RANGE, 0, 4096);
    test_fallocate(fd, FALLOC_FL_KEEP_SIZE | 0x1000, 0, 1);
    test_fallocate(fd, 0x1000, 0, 1);
    test_fallocate(fd, 0, -1, 10);
    test_fallocate(fd, 0, 0, 0);
    test_fallocate(rdonly, 0, 0, 10);
    test_fallocate(pipefd[1], 0, 0, 10);
    test_fallocate(-1, 0, 0, 10);

    EXPECT_EXITED_0();
    return 0;
}

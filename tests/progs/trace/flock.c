/*
 * flock.c: flock(2).  Covers shared and exclusive locks, LOCK_NB, unlock,
 * a conflict between two open files (EWOULDBLOCK, printed as EAGAIN), the
 * obsolete LOCK_MAND bits and unknown bits (hex; a comment when no bit is
 * known), and the failures EINVAL and EBADF.
 */
#include "trace-fs.h"

#include <sys/file.h>

static const struct xlat lock_ops[] = {
    { 1, "LOCK_SH" },    { 2, "LOCK_EX" },      { 4, "LOCK_NB" },     { 8, "LOCK_UN" },
    { 32, "LOCK_MAND" }, { 192, "LOCK_RW" },    { 64, "LOCK_READ" },  { 128, "LOCK_WRITE" },
    XLAT_END,
};

static long test_flock(int fd, unsigned int op) {
    long rc = syscall(SYS_flock, fd, op);
    const char* res = sres(rc);

    printf("flock(%d, %s) %s\n", fd, sflags(lock_ops, op, "LOCK_???"), res);
    return rc;
}

int main(void) {
    int fd = open("file", O_RDWR | O_CREAT, 0644);
    int other = open("file", O_RDONLY);
    int pipefd[2];

    CHECK(fd >= 0 && other >= 0);
    CHECK(pipe(pipefd) == 0);

    test_flock(fd, LOCK_SH);
    test_flock(other, LOCK_SH | LOCK_NB);
    test_flock(fd, LOCK_EX | LOCK_NB);
    test_flock(other, LOCK_UN);
    test_flock(fd, LOCK_EX | LOCK_NB);
    test_flock(other, LOCK_SH | LOCK_NB);
    test_flock(fd, LOCK_UN);
    test_flock(fd, LOCK_EX);
    test_flock(fd, LOCK_UN | LOCK_NB);
    test_flock(pipefd[0], LOCK_EX);
    test_flock(fd, 0);
    test_flock(fd, LOCK_SH | LOCK_EX);
    test_flock(fd, LOCK_MAND | LOCK_READ);
    test_flock(fd, LOCK_MAND | LOCK_RW);
    test_flock(fd, LOCK_SH | 0x100);
    test_flock(fd, 0x100);
    test_flock(-1, LOCK_SH);

    EXPECT_EXITED_0();
    return 0;
}

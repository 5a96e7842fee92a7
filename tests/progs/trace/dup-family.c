/*
 * dup-family.c: dup(2), dup2(2), dup3(2).  Covers new descriptors, dup2
 * onto itself and onto an open descriptor, dup3's O_CLOEXEC, invalid
 * flags (printed with open's flag names) and unknown ones (hex with a
 * comment "O_???" when nothing is known), and the failures EBADF
 * (closed, negative, too large) and EINVAL.
 */
#include "trace-fs.h"

static long test_dup(int fd) {
    long rc = syscall(SYS_dup, fd);
    const char* res = sres(rc);

    printf("dup(%d) %s\n", fd, res);
    return rc;
}

static long test_dup2(int oldfd, int newfd) {
    long rc = syscall(SYS_dup2, oldfd, newfd);
    const char* res = sres(rc);

    printf("dup2(%d, %d) %s\n", oldfd, newfd, res);
    return rc;
}

static long test_dup3(int oldfd, int newfd, unsigned int flags) {
    long rc = syscall(SYS_dup3, oldfd, newfd, flags);
    const char* res = sres(rc);

    printf("dup3(%d, %d, %s) %s\n", oldfd, newfd, sflags(open_mode_flags, flags, "O_???"), res);
    return rc;
}

int main(void) {
    int fd = open("data", O_RDWR | O_CREAT, 0644);
    int closed;

    CHECK(fd >= 0);
    closed = fcntl(fd, F_DUPFD, 100);
    CHECK(closed >= 0 && close(closed) == 0);

    test_dup(fd);
    test_dup(closed);
    test_dup(-1);
    test_dup(1 << 20);

    test_dup2(fd, 20);
    test_dup2(fd, 20);
    test_dup2(fd, fd);
    test_dup2(closed, closed);
    test_dup2(closed, 21);
    test_dup2(fd, -1);
    test_dup2(fd, 1 << 30);

    test_dup3(fd, 22, 0);
    test_dup3(fd, 23, O_CLOEXEC);
    test_dup3(fd, fd, 0);
    test_dup3(fd, 24, O_NONBLOCK);
    test_dup3(fd, 24, O_CLOEXEC | 0x40000000);
    test_dup3(fd, 24, 0x40000000);
    test_dup3(-1, 24, 0);
    test_dup3(fd, -1, O_CLOEXEC);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * chmod.c: chmod(2), fchmod(2), fchmodat(2).  Covers modes in octal (with
 * special bits, 000, and bits beyond 07777), a directory descriptor,
 * symbolic links followed, and the failures ENOENT, ENOTDIR, EBADF, ELOOP
 * and EFAULT.
 */
#include "trace-fs.h"

static long test_chmod(const char* path, unsigned int mode) {
    long rc = syscall(SYS_chmod, path, mode);
    const char* res = sres(rc);

    printf("chmod(%s, %s) %s\n", spathp(path), soctal(mode), res);
    return rc;
}

static long test_fchmod(int fd, unsigned int mode) {
    long rc = syscall(SYS_fchmod, fd, mode);
    const char* res = sres(rc);

    printf("fchmod(%d, %s) %s\n", fd, soctal(mode), res);
    return rc;
}

static long test_fchmodat(int dirfd, const char* path, unsigned int mode) {
    long rc = syscall(SYS_fchmodat, dirfd, path, mode);
    const char* res = sres(rc);

    printf("fchmodat(%s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), soctal(mode), res);
    return rc;
}

int main(void) {
    int fd, dirfd, pipefd[2];

    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(close(open("dir/inner", O_WRONLY | O_CREAT, 0644)) == 0);
    CHECK(symlink("file", "link") == 0);
    CHECK(symlink("loop", "loop") == 0);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);
    CHECK(pipe(pipefd) == 0);

    test_chmod("file", 0600);
    test_chmod("file", 04755);
    test_chmod("file", 0);
    test_chmod("dir", 01777);
    test_chmod("link", 0640);
    test_chmod("file", 0177777);
    test_chmod("missing", 0644);
    test_chmod("file/x", 0644);
    test_chmod("loop", 0644);
    test_chmod(NULL, 0644);
    test_chmod(BAD_ADDR, 0644);

    test_fchmod(fd, 0444);
    test_fchmod(dirfd, 0700);
    test_fchmod(pipefd[0], 0600);
    test_fchmod(-1, 0644);
    test_fchmod(1000, 0644);

    test_fchmodat(AT_FDCWD, "file", 0664);
    test_fchmodat(dirfd, "inner", 02755);
    test_fchmodat(dirfd, "missing", 0644);
    test_fchmodat(fd, "inner", 0644);
    test_fchmodat(-1, "inner", 0644);
    test_fchmodat(AT_FDCWD, NULL, 0644);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * mkdir.c: mkdir(2), mkdirat(2), rmdir(2).  Covers modes in octal (with
 * special bits and bits beyond 07777), a directory descriptor, and the
 * failures EEXIST, ENOENT, ENOTDIR, ENOTEMPTY, EINVAL (rmdir of "."),
 * EBADF, ENAMETOOLONG and EFAULT.
 */
#include "trace-fs.h"

static long test_mkdir(const char* path, unsigned int mode) {
    long rc = syscall(SYS_mkdir, path, mode);
    const char* res = sres(rc);

    printf("mkdir(%s, %s) %s\n", spathp(path), soctal(mode), res);
    return rc;
}

static long test_mkdirat(int dirfd, const char* path, unsigned int mode) {
    long rc = syscall(SYS_mkdirat, dirfd, path, mode);
    const char* res = sres(rc);

    printf("mkdirat(%s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), soctal(mode), res);
    return rc;
}

static long test_rmdir(const char* path) {
    long rc = syscall(SYS_rmdir, path);
    const char* res = sres(rc);

    printf("rmdir(%s) %s\n", spathp(path), res);
    return rc;
}

int main(void) {
    char long_name[300];
    int dirfd, fd;

    memset(long_name, 'd', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    fd = open("file", O_WRONLY | O_CREAT, 0644);
    CHECK(fd >= 0);

    test_mkdir("dir", 0755);
    test_mkdir("dir", 0755);
    test_mkdir("dir/sub", 0);
    test_mkdir("sticky", 01777);
    test_mkdir("all", 07777);
    test_mkdir("typed", 0140755);
    test_mkdir("missing/sub", 0755);
    test_mkdir("file/sub", 0755);
    test_mkdir(long_name, 0755);
    test_mkdir(NULL, 0755);
    test_mkdir(BAD_ADDR, 0755);

    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);
    test_mkdirat(dirfd, "inner", 0700);
    test_mkdirat(AT_FDCWD, "dir/inner2", 0750);
    test_mkdirat(dirfd, "inner", 0700);
    test_mkdirat(-1, "inner", 0700);
    test_mkdirat(fd, "inner", 0700);
    test_mkdirat(-1, "/", 0700);
    test_mkdirat(dirfd, NULL, 0700);

    test_rmdir("dir");
    test_rmdir("dir/inner");
    test_rmdir("dir/inner2");
    test_rmdir("dir/sub");
    test_rmdir("dir/sub");
    test_rmdir("dir/.");
    test_rmdir("file");
    test_rmdir("file/x");
    test_rmdir("sticky");
    test_rmdir(NULL);

    EXPECT_EXITED_0();
    return 0;
}

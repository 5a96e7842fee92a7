/*
 * cwd.c: getcwd(2), chdir(2), fchdir(2).  Covers getcwd's result printed
 * as a path (in full, whatever -s), following the directory changes, and
 * the failures ERANGE (buffer too small, size 0; the buffer printed as an
 * address), EFAULT, ENOENT, ENOTDIR and EBADF.
 */
#include "trace-fs.h"

static long test_getcwd(char* buf, size_t size) {
    long rc = syscall(SYS_getcwd, buf, size);
    const char* res = sres(rc);

    printf("getcwd(%s, %zu) %s\n", rc >= 0 ? spath(buf) : sptr(buf), size, res);
    return rc;
}

static long test_chdir(const char* path) {
    long rc = syscall(SYS_chdir, path);
    const char* res = sres(rc);

    printf("chdir(%s) %s\n", spathp(path), res);
    return rc;
}

static long test_fchdir(int fd) {
    long rc = syscall(SYS_fchdir, fd);
    const char* res = sres(rc);

    printf("fchdir(%d) %s\n", fd, res);
    return rc;
}

int main(void) {
    char buf[4096];
    int topfd, fd;

    CHECK(mkdir("a directory name longer than thirty-two characters", 0755) == 0);
    CHECK(mkdir("a directory name longer than thirty-two characters/sub", 0755) == 0);
    fd = open("file", O_RDWR | O_CREAT, 0644);
    topfd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0 && topfd >= 0);

    test_getcwd(buf, sizeof(buf));
    test_chdir("a directory name longer than thirty-two characters/sub");
    test_getcwd(buf, sizeof(buf));
    test_chdir("..");
    test_getcwd(buf, sizeof(buf));
    test_fchdir(topfd);
    test_getcwd(buf, sizeof(buf));

    test_getcwd(buf, 2);
    test_getcwd(buf, 0);
    test_getcwd(NULL, sizeof(buf));
    test_getcwd(BAD_ADDR, sizeof(buf));

    test_chdir("missing");
    test_chdir("file");
    test_chdir("");
    test_chdir(NULL);
    test_fchdir(fd);
    test_fchdir(-1);
    test_fchdir(1000);

    EXPECT_EXITED_0();
    return 0;
}

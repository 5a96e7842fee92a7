/*
 * unlink.c: unlink(2) and unlinkat(2).  Covers files, symbolic links (the
 * link, not its target), unlinkat with AT_REMOVEDIR on directories, a
 * directory descriptor, unknown flags (hex; a comment "AT_???" when no
 * flag is known), and the failures ENOENT, ENOTDIR, EISDIR, ENOTEMPTY,
 * EINVAL, EBADF and EFAULT.
 */
#include "trace-fs.h"

static long test_unlink(const char* path) {
    long rc = syscall(SYS_unlink, path);
    const char* res = sres(rc);

    printf("unlink(%s) %s\n", spathp(path), res);
    return rc;
}

static long test_unlinkat(int dirfd, const char* path, unsigned int flags) {
    long rc = syscall(SYS_unlinkat, dirfd, path, flags);
    const char* res = sres(rc);

    printf("unlinkat(%s, %s, %s) %s\n", sdirfd(dirfd), spathp(path),
           sflags(at_flags, flags, "AT_???"), res);
    return rc;
}

/* An empty file to remove. */
static void touch(const char* path) {
    CHECK(close(open(path, O_WRONLY | O_CREAT, 0644)) == 0);
}

int main(void) {
    int dirfd;

    touch("file");
    touch("target");
    CHECK(symlink("target", "link") == 0);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(mkdir("dir/sub", 0755) == 0);
    touch("dir/inner");
    touch("dir/inner2");
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);

    test_unlink("file");
    test_unlink("file");
    test_unlink("link");
    test_unlink("target");
    test_unlink("dir");
    test_unlink("missing/x");
    test_unlink("dir/inner/x");
    test_unlink(NULL);
    test_unlink(BAD_ADDR);

    test_unlinkat(dirfd, "inner", 0);
    test_unlinkat(AT_FDCWD, "dir/inner2", 0);
    test_unlinkat(dirfd, "sub", 0);
    test_unlinkat(AT_FDCWD, "dir", AT_REMOVEDIR);
    test_unlinkat(dirfd, "sub", AT_REMOVEDIR);
    test_unlinkat(dirfd, "sub", AT_REMOVEDIR);
    test_unlinkat(-1, "sub", 0);
    test_unlinkat(dirfd, "x", AT_REMOVEDIR | AT_SYMLINK_NOFOLLOW);
    test_unlinkat(dirfd, "x", 0x1);
    test_unlinkat(dirfd, "x", AT_REMOVEDIR | 0x10000000);
    test_unlinkat(dirfd, NULL, 0);

    EXPECT_EXITED_0();
    return 0;
}

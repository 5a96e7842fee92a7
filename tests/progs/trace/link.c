/*
 * link.c: link(2), linkat(2), symlink(2), symlinkat(2).  Covers hard
 * links, linkat's flags (AT_SYMLINK_FOLLOW, AT_EMPTY_PATH; unknown bits in
 * hex), symbolic links to any string (the target is printed as a path, in
 * full), directory descriptors, and the failures EEXIST, ENOENT, ENOTDIR,
 * EPERM (hard link to a directory), EINVAL, EBADF and EFAULT.
 */
#include "trace-fs.h"

static long test_link(const char* from, const char* to) {
    long rc = syscall(SYS_link, from, to);
    const char* res = sres(rc);

    printf("link(%s, %s) %s\n", spathp(from), spathp(to), res);
    return rc;
}

static long test_linkat(int fromfd, const char* from, int tofd, const char* to,
                        unsigned int flags) {
    long rc = syscall(SYS_linkat, fromfd, from, tofd, to, flags);
    const char* res = sres(rc);

    printf("linkat(%s, %s, %s, %s, %s) %s\n", sdirfd(fromfd), spathp(from), sdirfd(tofd),
           spathp(to), sflags(at_flags, flags, "AT_???"), res);
    return rc;
}

static long test_symlink(const char* target, const char* path) {
    long rc = syscall(SYS_symlink, target, path);
    const char* res = sres(rc);

    printf("symlink(%s, %s) %s\n", spathp(target), spathp(path), res);
    return rc;
}

static long test_symlinkat(const char* target, int dirfd, const char* path) {
    long rc = syscall(SYS_symlinkat, target, dirfd, path);
    const char* res = sres(rc);

    printf("symlinkat(%s, %s, %s) %s\n", spathp(target), sdirfd(dirfd), spathp(path), res);
    return rc;
}

int main(void) {
    int dirfd, fd;

    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(mkdir("dir", 0755) == 0);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);

    test_link("file", "hard");
    test_link("file", "hard");
    test_link("missing", "x");
    test_link("file", "missing/x");
    test_link("file", "file/x");
    test_link("dir", "dir2");
    test_link(NULL, "x");
    test_link("file", NULL);

    test_symlink("file", "soft");
    test_symlink("file", "soft");
    test_symlink("a target that does not exist and is long", "dangling");
    test_symlink("\t\"\\\001", "escaped");
    test_symlink("file", "missing/x");
    test_symlink("", "empty");
    test_symlink(BAD_ADDR, "x");

    test_linkat(AT_FDCWD, "file", dirfd, "hard", 0);
    test_linkat(dirfd, "hard", AT_FDCWD, "hard2", 0);
    test_linkat(AT_FDCWD, "soft", AT_FDCWD, "soft-link", 0);
    test_linkat(AT_FDCWD, "soft", AT_FDCWD, "soft-target", AT_SYMLINK_FOLLOW);
    test_linkat(fd, "", AT_FDCWD, "by-fd", AT_EMPTY_PATH);
    test_linkat(fd, "", AT_FDCWD, "by-fd2", 0);
    test_linkat(-1, "file", AT_FDCWD, "x", 0);
    test_linkat(AT_FDCWD, "file", AT_FDCWD, "x", AT_SYMLINK_NOFOLLOW);
    test_linkat(AT_FDCWD, "file", AT_FDCWD, "x", 0x1);
    test_linkat(AT_FDCWD, "file", AT_FDCWD, "x", AT_SYMLINK_FOLLOW | 0x20000000);

    test_symlinkat("../file", dirfd, "up");
    test_symlinkat("../file", dirfd, "up");
    test_symlinkat("file", AT_FDCWD, "soft2");
    test_symlinkat("file", -1, "x");
    test_symlinkat("file", fd, "x");
    test_symlinkat(NULL, dirfd, "x");

    EXPECT_EXITED_0();
    return 0;
}

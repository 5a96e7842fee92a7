/*
 * rename.c: rename(2), renameat(2), renameat2(2).  Covers renaming files
 * and directories, replacing a file, directory descriptors, renameat2's
 * flags (RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT; unknown bits
 * in hex, with the comment "RENAME_??" (sic) when none is known), and the
 * failures ENOENT, ENOTDIR, EISDIR, ENOTEMPTY, EEXIST, EINVAL, EBADF and
 * EFAULT.
 */
#include "trace-fs.h"

static const struct xlat rename_flags[] = {
    XLAT(RENAME_NOREPLACE), XLAT(RENAME_EXCHANGE), XLAT(RENAME_WHITEOUT), XLAT_END,
};

static long test_rename(const char* from, const char* to) {
    long rc = syscall(SYS_rename, from, to);
    const char* res = sres(rc);

    printf("rename(%s, %s) %s\n", spathp(from), spathp(to), res);
    return rc;
}

static long test_renameat(int fromfd, const char* from, int tofd, const char* to) {
    long rc = syscall(SYS_renameat, fromfd, from, tofd, to);
    const char* res = sres(rc);

    printf("renameat(%s, %s, %s, %s) %s\n", sdirfd(fromfd), spathp(from), sdirfd(tofd),
           spathp(to), res);
    return rc;
}

static long test_renameat2(int fromfd, const char* from, int tofd, const char* to,
                           unsigned int flags) {
    long rc = syscall(SYS_renameat2, fromfd, from, tofd, to, flags);
    const char* res = sres(rc);

    printf("renameat2(%s, %s, %s, %s, %s) %s\n", sdirfd(fromfd), spathp(from), sdirfd(tofd),
           spathp(to), sflags(rename_flags, flags, "RENAME_??"), res);
    return rc;
}

static void touch(const char* path) {
    CHECK(close(open(path, O_WRONLY | O_CREAT, 0644)) == 0);
}

int main(void) {
    int dirfd, otherfd;

    touch("a");
    touch("b");
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(mkdir("other", 0755) == 0);
    CHECK(mkdir("full", 0755) == 0);
    touch("full/x");
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    otherfd = open("other", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0 && otherfd >= 0);

    test_rename("a", "a2");
    test_rename("a2", "b");
    test_rename("a2", "b");
    test_rename("b", "dir");
    test_rename("dir", "b");
    test_rename("other", "full");
    test_rename("b", "missing/b");
    test_rename("b", "b/c");
    test_rename("dir", "dir/sub");
    test_rename(NULL, "x");
    test_rename("b", BAD_ADDR);

    test_renameat(AT_FDCWD, "b", dirfd, "b");
    test_renameat(dirfd, "b", otherfd, "moved");
    test_renameat(otherfd, "moved", AT_FDCWD, "back");
    test_renameat(-1, "back", AT_FDCWD, "x");
    test_renameat(AT_FDCWD, "back", 1000, "x");

    touch("c");
    test_renameat2(AT_FDCWD, "back", AT_FDCWD, "c", RENAME_NOREPLACE);
    test_renameat2(AT_FDCWD, "back", AT_FDCWD, "d", RENAME_NOREPLACE);
    test_renameat2(AT_FDCWD, "d", AT_FDCWD, "c", RENAME_EXCHANGE);
    test_renameat2(AT_FDCWD, "d", AT_FDCWD, "e", RENAME_EXCHANGE);
    test_renameat2(AT_FDCWD, "d", AT_FDCWD, "c", RENAME_EXCHANGE | RENAME_NOREPLACE);
    test_renameat2(dirfd, "x", otherfd, "y", RENAME_NOREPLACE | 0x8);
    test_renameat2(dirfd, "x", otherfd, "y", 0x80000000);
    test_renameat2(AT_FDCWD, "d", AT_FDCWD, "d2", 0);
    test_renameat2(AT_FDCWD, NULL, AT_FDCWD, "y", 0);

    EXPECT_EXITED_0();
    return 0;
}

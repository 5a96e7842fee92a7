/*
 * access.c: access(2), faccessat(2), faccessat2(2).  Covers the mode
 * (F_OK for 0, R_OK|W_OK|X_OK, unknown bits in hex, with the comment
 * "?_OK" when no bit is known), faccessat2's flags (AT_SYMLINK_NOFOLLOW,
 * AT_EACCESS, AT_EMPTY_PATH; others in hex), a directory descriptor, and
 * the failures ENOENT, ENOTDIR, EACCES (X_OK on a file without execute
 * permission, even for root), EBADF, EINVAL, ELOOP and EFAULT.
 */
#include "trace-fs.h"

static const struct xlat access_modes[] = {
    XLAT(F_OK), XLAT(R_OK), XLAT(W_OK), XLAT(X_OK), XLAT_END,
};

static const struct xlat faccessat2_flags[] = {
    XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EACCESS), XLAT(AT_EMPTY_PATH), XLAT_END,
};

static const char* smode_arg(unsigned int mode) {
    return sflags(access_modes, mode, "?_OK");
}

static long test_access(const char* path, unsigned int mode) {
    long rc = syscall(SYS_access, path, mode);
    const char* res = sres(rc);

    printf("access(%s, %s) %s\n", spathp(path), smode_arg(mode), res);
    return rc;
}

static long test_faccessat(int dirfd, const char* path, unsigned int mode) {
    long rc = syscall(SYS_faccessat, dirfd, path, mode);
    const char* res = sres(rc);

    printf("faccessat(%s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), smode_arg(mode), res);
    return rc;
}

static long test_faccessat2(int dirfd, const char* path, unsigned int mode, unsigned int flags) {
    long rc = syscall(SYS_faccessat2, dirfd, path, mode, flags);
    const char* res = sres(rc);

    printf("faccessat2(%s, %s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), smode_arg(mode),
           sflags(faccessat2_flags, flags, "AT_???"), res);
    return rc;
}

int main(void) {
    int fd, dirfd;

    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(close(open("script", O_WRONLY | O_CREAT, 0755)) == 0);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(close(open("dir/inner", O_WRONLY | O_CREAT, 0644)) == 0);
    CHECK(symlink("file", "link") == 0);
    CHECK(symlink("loop", "loop") == 0);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);

    test_access("file", F_OK);
    test_access("file", R_OK | W_OK);
    test_access("file", X_OK);
    test_access("script", R_OK | W_OK | X_OK);
    test_access("dir", X_OK);
    test_access("link", R_OK);
    test_access("missing", F_OK);
    test_access("file/x", F_OK);
    test_access("loop", F_OK);
    test_access("file", 0x10);
    test_access("file", R_OK | 0x10);
    test_access(NULL, F_OK);
    test_access(BAD_ADDR, R_OK);

    test_faccessat(AT_FDCWD, "file", R_OK);
    test_faccessat(dirfd, "inner", W_OK);
    test_faccessat(dirfd, "file", F_OK);
    test_faccessat(fd, "inner", F_OK);
    test_faccessat(-1, "inner", F_OK);
    test_faccessat(-1, "/", X_OK);
    test_faccessat(AT_FDCWD, "file", 0xff);

    test_faccessat2(AT_FDCWD, "file", R_OK, 0);
    test_faccessat2(AT_FDCWD, "file", R_OK, AT_EACCESS);
    test_faccessat2(AT_FDCWD, "loop", F_OK, AT_SYMLINK_NOFOLLOW);
    test_faccessat2(AT_FDCWD, "loop", F_OK, 0);
    test_faccessat2(fd, "", W_OK, AT_EMPTY_PATH);
    test_faccessat2(fd, "", W_OK, 0);
    test_faccessat2(dirfd, "inner", X_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW);
    test_faccessat2(AT_FDCWD, "file", R_OK, AT_REMOVEDIR | 0x8000);
    test_faccessat2(AT_FDCWD, "file", R_OK, 0x1);
    test_faccessat2(AT_FDCWD, NULL, R_OK, 0);

    EXPECT_EXITED_0();
    return 0;
}

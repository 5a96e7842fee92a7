/*
 * chown.c: chown(2), fchown(2), lchown(2), fchownat(2).  Covers owners
 * and groups in decimal, -1 (no change) printed as -1, the link itself
 * with lchown and AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, unknown flags (hex;
 * a comment "AT_???" when nothing is known), and the failures ENOENT,
 * ENOTDIR, EBADF, EINVAL and EFAULT.  Changing owners needs root; the
 * results are whatever the calls return.
 */
#include "trace-fs.h"

/* An owner or group: -1 for "no change". */
static const char* sid(unsigned int id) {
    return id == (unsigned int)-1 ? "-1" : xasprintf("%u", id);
}

static long test_chown(const char* path, unsigned int uid, unsigned int gid) {
    long rc = syscall(SYS_chown, path, uid, gid);
    const char* res = sres(rc);

    printf("chown(%s, %s, %s) %s\n", spathp(path), sid(uid), sid(gid), res);
    return rc;
}

static long test_lchown(const char* path, unsigned int uid, unsigned int gid) {
    long rc = syscall(SYS_lchown, path, uid, gid);
    const char* res = sres(rc);

    printf("lchown(%s, %s, %s) %s\n", spathp(path), sid(uid), sid(gid), res);
    return rc;
}

static long test_fchown(int fd, unsigned int uid, unsigned int gid) {
    long rc = syscall(SYS_fchown, fd, uid, gid);
    const char* res = sres(rc);

    printf("fchown(%d, %s, %s) %s\n", fd, sid(uid), sid(gid), res);
    return rc;
}

static long test_fchownat(int dirfd, const char* path, unsigned int uid, unsigned int gid,
                          unsigned int flags) {
    long rc = syscall(SYS_fchownat, dirfd, path, uid, gid, flags);
    const char* res = sres(rc);

    printf("fchownat(%s, %s, %s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), sid(uid), sid(gid),
           sflags(at_flags, flags, "AT_???"), res);
    return rc;
}

int main(void) {
    unsigned int uid = getuid(), gid = getgid();
    int fd, dirfd;

    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(close(open("dir/inner", O_WRONLY | O_CREAT, 0644)) == 0);
    CHECK(symlink("file", "link") == 0);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);

    test_chown("file", uid, gid);
    test_chown("file", -1, -1);
    test_chown("file", 1234, -1);
    test_chown("file", -1, 5678);
    test_chown("link", uid, gid);
    test_chown("missing", uid, gid);
    test_chown("file/x", uid, gid);
    test_chown(NULL, uid, gid);

    test_lchown("link", 4321, 8765);
    test_lchown("link", -1, -1);
    test_lchown("missing", 0, 0);
    test_lchown(BAD_ADDR, 0, 0);

    test_fchown(fd, 65534, 65534);
    test_fchown(fd, uid, gid);
    test_fchown(dirfd, -1, gid);
    test_fchown(-1, 0, 0);

    test_fchownat(AT_FDCWD, "file", uid, gid, 0);
    test_fchownat(dirfd, "inner", 42, 43, 0);
    test_fchownat(AT_FDCWD, "link", 44, -1, AT_SYMLINK_NOFOLLOW);
    test_fchownat(fd, "", -1, 45, AT_EMPTY_PATH);
    test_fchownat(fd, "", -1, 45, 0);
    test_fchownat(-1, "inner", 0, 0, 0);
    test_fchownat(AT_FDCWD, "file", 0, 0, 0x1);
    test_fchownat(AT_FDCWD, "file", 0, 0, AT_SYMLINK_NOFOLLOW | 0x40000000);
    test_fchownat(AT_FDCWD, NULL, 0, 0, 0);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * mknod.c: mknod(2) and mknodat(2).  Covers the mode with its file type
 * (S_IFIFO|0644, a bare permission for a regular file), the device
 * argument printed only for character and block devices, as
 * makedev(MAJ, MIN), and the failures EEXIST, ENOENT, EINVAL/EPERM (bad
 * types), EBADF, ENOTDIR and EFAULT.  Creating devices needs root; the
 * results are whatever the calls return.
 */
#include "trace-fs.h"

/* The device argument, printed only for device files. */
static const char* sdev_arg(unsigned int mode, unsigned long dev) {
    unsigned int type = mode & S_IFMT;

    if (type == S_IFCHR || type == S_IFBLK)
        return xasprintf(", %s", sdev(dev));
    return "";
}

static long test_mknod(const char* path, unsigned int mode, unsigned long dev) {
    long rc = syscall(SYS_mknod, path, mode, dev);
    const char* res = sres(rc);

    printf("mknod(%s, %s%s) %s\n", spathp(path), smode(mode), sdev_arg(mode, dev), res);
    return rc;
}

static long test_mknodat(int dirfd, const char* path, unsigned int mode, unsigned long dev) {
    long rc = syscall(SYS_mknodat, dirfd, path, mode, dev);
    const char* res = sres(rc);

    printf("mknodat(%s, %s, %s%s) %s\n", sdirfd(dirfd), spathp(path), smode(mode),
           sdev_arg(mode, dev), res);
    return rc;
}

int main(void) {
    int dirfd, fd;

    CHECK(mkdir("dir", 0755) == 0);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(dirfd >= 0 && fd >= 0);

    test_mknod("fifo", S_IFIFO | 0644, 0);
    test_mknod("fifo", S_IFIFO | 0644, 0);
    test_mknod("fifo2", S_IFIFO | S_ISVTX | 0600, 77);
    test_mknod("regular", 0640, 0);
    test_mknod("regular2", S_IFREG | 0600, 0);
    test_mknod("null", S_IFCHR | 0666, makedev(1, 3));
    test_mknod("block", S_IFBLK | 0600, makedev(259, 65536));
    test_mknod("sock", S_IFSOCK | 0600, 0);
    test_mknod("dir2", S_IFDIR | 0755, 0);
    test_mknod("bad", 0170644, 0);
    test_mknod("missing/fifo", S_IFIFO | 0644, 0);
    test_mknod(NULL, S_IFIFO | 0644, 0);

    test_mknodat(dirfd, "fifo", S_IFIFO | 0600, 0);
    test_mknodat(AT_FDCWD, "dir/chr", S_IFCHR | 0600, makedev(4, 64));
    test_mknodat(dirfd, "fifo", S_IFIFO | 0600, 0);
    test_mknodat(-1, "fifo", S_IFIFO | 0600, 0);
    test_mknodat(fd, "fifo", S_IFIFO | 0600, 0);
    test_mknodat(dirfd, BAD_ADDR, S_IFIFO | 0600, 0);

    EXPECT_EXITED_0();
    return 0;
}

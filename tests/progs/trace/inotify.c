/*
 * inotify.c: inotify_init1(2), inotify_add_watch(2), inotify_rm_watch(2).
 * Covers IN_NONBLOCK/IN_CLOEXEC and unknown bits, event masks (every
 * known bit in strace's order, unknown bits in hex), watch descriptors,
 * and the failures EINVAL, ENOENT, ENOTDIR (IN_ONLYDIR), EEXIST
 * (IN_MASK_CREATE), EBADF and EFAULT.
 */
#include "trace-fs.h"

#include <sys/inotify.h>

static const struct xlat init_flags[] = { XLAT(IN_NONBLOCK), XLAT(IN_CLOEXEC), XLAT_END };

static const struct xlat in_events[] = {
    XLAT(IN_ACCESS),      XLAT(IN_MODIFY),       XLAT(IN_ATTRIB),       XLAT(IN_CLOSE_WRITE),
    XLAT(IN_CLOSE_NOWRITE), XLAT(IN_OPEN),       XLAT(IN_MOVED_FROM),   XLAT(IN_MOVED_TO),
    XLAT(IN_CREATE),      XLAT(IN_DELETE),       XLAT(IN_DELETE_SELF),  XLAT(IN_MOVE_SELF),
    XLAT(IN_UNMOUNT),     XLAT(IN_Q_OVERFLOW),   XLAT(IN_IGNORED),      XLAT(IN_ONLYDIR),
    XLAT(IN_DONT_FOLLOW), XLAT(IN_EXCL_UNLINK),  XLAT(IN_MASK_CREATE),  XLAT(IN_MASK_ADD),
    XLAT(IN_ISDIR),       XLAT(IN_ONESHOT),      XLAT_END,
};

static long test_init1(unsigned int flags) {
    long rc = syscall(SYS_inotify_init1, flags);
    const char* res = sres(rc);

    printf("inotify_init1(%s) %s\n", sflags(init_flags, flags, "IN_???"), res);
    return rc;
}

static long test_add_watch(int fd, const char* path, unsigned int mask) {
    long rc = syscall(SYS_inotify_add_watch, fd, path, mask);
    const char* res = sres(rc);

    printf("inotify_add_watch(%d, %s, %s) %s\n", fd, spathp(path),
           sflags(in_events, mask, "IN_???"), res);
    return rc;
}

static long test_rm_watch(int fd, int wd) {
    long rc = syscall(SYS_inotify_rm_watch, fd, wd);
    const char* res = sres(rc);

    printf("inotify_rm_watch(%d, %d) %s\n", fd, wd, res);
    return rc;
}

int main(void) {
    int fd, fd2, wd, wd2, file;

    file = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(file >= 0);
    CHECK(mkdir("dir", 0755) == 0);

    fd = (int)test_init1(0);
    fd2 = (int)test_init1(IN_NONBLOCK | IN_CLOEXEC);
    test_init1(IN_CLOEXEC | 0x1);
    test_init1(0x1);
    CHECK(fd >= 0 && fd2 >= 0);

    wd = (int)test_add_watch(fd, ".", IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO);
    test_add_watch(fd, ".", IN_MODIFY | IN_MASK_ADD);
    test_add_watch(fd, ".", IN_ATTRIB | IN_MASK_CREATE);
    wd2 = (int)test_add_watch(fd, "file", IN_ALL_EVENTS);
    test_add_watch(fd2, "dir", IN_OPEN | IN_CLOSE | IN_ONLYDIR | IN_DONT_FOLLOW | IN_ONESHOT);
    test_add_watch(fd2, "file", IN_ACCESS | IN_ONLYDIR);
    test_add_watch(fd2, "file", IN_ACCESS | IN_EXCL_UNLINK | 0x100000);
    test_add_watch(fd, "missing", IN_ACCESS);
    test_add_watch(fd, "file", 0);
    test_add_watch(fd, "file", IN_MASK_ADD | IN_MASK_CREATE | IN_ACCESS);
    test_add_watch(fd, "file", 0x08000000);
    test_add_watch(file, "file", IN_ACCESS);
    test_add_watch(-1, "file", IN_ACCESS);
    test_add_watch(fd, NULL, IN_ACCESS);

    test_rm_watch(fd, wd2);
    test_rm_watch(fd, wd2);
    test_rm_watch(fd, wd);
    test_rm_watch(fd, -1);
    test_rm_watch(file, 1);
    test_rm_watch(-1, 1);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * getdents64.c: getdents64(2).  Without -v strace prints no entry, only
 * the buffer's address and a comment with the number of entries read
 * (computed from the buffer): a directory read in one call and in several
 * small ones, the end of the directory (0 entries), and the failures
 * EINVAL (buffer too small for an entry), ENOTDIR, EBADF and EFAULT (the
 * address alone).
 */
#include "trace-fs.h"

/* The leading fields of struct linux_dirent64. */
struct dirent64_head {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
};

/* How many entries the first LEN bytes of BUF hold. */
static unsigned int count_entries(const char* buf, long len) {
    unsigned int n = 0;
    long off = 0;

    while (off < len) {
        const struct dirent64_head* d = (const void*)(buf + off);

        off += d->d_reclen;
        n++;
    }
    return n;
}

static long test_getdents64(int fd, void* buf, unsigned int count) {
    long rc = syscall(SYS_getdents64, fd, buf, count);
    const char* res = sres(rc);
    const char* entries = "";

    if (rc >= 0)
        entries = xasprintf(" /* %u entries */", count_entries(buf, rc));
    printf("getdents64(%d, %s%s, %u) %s\n", fd, sptr(buf), entries, count, res);
    return rc;
}

int main(void) {
    static char buf[4096];
    char name[32];
    int dirfd, emptyfd, fd, i;

    CHECK(mkdir("dir", 0755) == 0);
    CHECK(mkdir("empty", 0755) == 0);
    for (i = 0; i < 10; i++) {
        snprintf(name, sizeof(name), "dir/entry-%d", i);
        CHECK(close(open(name, O_WRONLY | O_CREAT, 0644)) == 0);
    }
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    emptyfd = open("empty", O_RDONLY | O_DIRECTORY);
    fd = open("dir/entry-0", O_RDONLY);
    CHECK(dirfd >= 0 && emptyfd >= 0 && fd >= 0);

    test_getdents64(dirfd, buf, sizeof(buf));
    test_getdents64(dirfd, buf, sizeof(buf));
    CHECK(lseek(dirfd, 0, SEEK_SET) == 0);
    while (test_getdents64(dirfd, buf, 80) > 0)
        continue;
    test_getdents64(emptyfd, buf, sizeof(buf));
    test_getdents64(emptyfd, buf, sizeof(buf));

    CHECK(lseek(dirfd, 0, SEEK_SET) == 0);
    test_getdents64(dirfd, buf, 40);
    test_getdents64(dirfd, buf, 8);
    test_getdents64(fd, buf, sizeof(buf));
    test_getdents64(-1, buf, sizeof(buf));
    test_getdents64(dirfd, NULL, sizeof(buf));
    test_getdents64(dirfd, BAD_ADDR, sizeof(buf));

    EXPECT_EXITED_0();
    return 0;
}

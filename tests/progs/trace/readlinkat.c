/*
 * readlinkat.c: readlinkat(2).  Covers AT_FDCWD, a directory descriptor,
 * an empty path with a descriptor of the link itself (O_PATH|O_NOFOLLOW),
 * -s truncation of the target, a descriptor's /proc/self/fd link (a
 * pipe's pipe:[INODE], computed), and the failures EINVAL, ENOENT,
 * ENOTDIR, EBADF and EFAULT.
 */
#include "trace-fs.h"

static long test_readlinkat(int dirfd, const char* path, char* buf, size_t size) {
    long rc = syscall(SYS_readlinkat, dirfd, path, buf, size);
    const char* res = sres(rc);

    printf("readlinkat(%s, %s, %s, %zu) %s\n", sdirfd(dirfd), spathp(path),
           rc >= 0 ? sbufp(buf, (size_t)rc, DEFAULT_STRLEN) : sptr(buf), size, res);
    return rc;
}

int main(void) {
    char buf[256];
    char fd_link[64];
    int dirfd, linkfd, pipefd[2];

    CHECK(mkdir("dir", 0755) == 0);
    CHECK(symlink("../target", "dir/link") == 0);
    CHECK(symlink("a target longer than thirty-two characters", "long") == 0);
    CHECK(close(open("file", O_WRONLY | O_CREAT, 0644)) == 0);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    linkfd = open("long", O_PATH | O_NOFOLLOW);
    CHECK(dirfd >= 0 && linkfd >= 0);
    CHECK(pipe(pipefd) == 0);
    snprintf(fd_link, sizeof(fd_link), "/proc/self/fd/%d", pipefd[0]);

    test_readlinkat(AT_FDCWD, "dir/link", buf, sizeof(buf));
    test_readlinkat(dirfd, "link", buf, sizeof(buf));
    test_readlinkat(dirfd, "link", buf, 4);
    test_readlinkat(AT_FDCWD, "long", buf, sizeof(buf));
    test_readlinkat(linkfd, "", buf, sizeof(buf));
    test_readlinkat(AT_FDCWD, fd_link, buf, sizeof(buf));

    test_readlinkat(AT_FDCWD, "file", buf, sizeof(buf));
    test_readlinkat(dirfd, "missing", buf, sizeof(buf));
    test_readlinkat(AT_FDCWD, "file/x", buf, sizeof(buf));
    test_readlinkat(-1, "link", buf, sizeof(buf));
    test_readlinkat(dirfd, "", buf, sizeof(buf));
    test_readlinkat(dirfd, "link", buf, 0);
    test_readlinkat(dirfd, "link", NULL, sizeof(buf));
    test_readlinkat(dirfd, NULL, buf, sizeof(buf));

    EXPECT_EXITED_0();
    return 0;
}

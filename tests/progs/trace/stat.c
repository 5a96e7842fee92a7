/*
 * stat.c: stat(2), lstat(2), fstat(2), newfstatat(2).  Covers struct stat
 * as strace prints it without -v ({st_mode=TYPE|PERMS, st_size=N, ...},
 * st_rdev=makedev(MAJ, MIN) instead of the size for devices, S_ISUID,
 * S_ISGID and S_ISVTX), regular files, directories, a character device,
 * a FIFO, symbolic links followed or not, a pipe, the *at flags
 * (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT; unknown bits in
 * hex), and the failures ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG, EBADF,
 * EINVAL and EFAULT (path or buffer NULL or unmapped; the buffer is then
 * printed as an address).
 */
#include "trace-fs.h"

/* The buffer argument: the structure on success, else its address. */
static const char* result_stat(const struct stat* st, long rc) {
    return rc == 0 ? sstat(st) : sptr(st);
}

static long test_stat(const char* path, struct stat* st) {
    long rc = syscall(SYS_stat, path, st);
    const char* res = sres(rc);

    printf("stat(%s, %s) %s\n", spathp(path), result_stat(st, rc), res);
    return rc;
}

static long test_lstat(const char* path, struct stat* st) {
    long rc = syscall(SYS_lstat, path, st);
    const char* res = sres(rc);

    printf("lstat(%s, %s) %s\n", spathp(path), result_stat(st, rc), res);
    return rc;
}

static long test_fstat(int fd, struct stat* st) {
    long rc = syscall(SYS_fstat, fd, st);
    const char* res = sres(rc);

    printf("fstat(%d, %s) %s\n", fd, result_stat(st, rc), res);
    return rc;
}

static long test_newfstatat(int dirfd, const char* path, struct stat* st, unsigned int flags) {
    long rc = syscall(SYS_newfstatat, dirfd, path, st, flags);
    const char* res = sres(rc);

    printf("newfstatat(%s, %s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), result_stat(st, rc),
           sflags(at_flags, flags, "AT_???"), res);
    return rc;
}

int main(void) {
    struct stat* st = tail_alloc(sizeof(struct stat));
    char long_name[300];
    int fd, dirfd, pipefd[2];

    fd = open("file", O_RDWR | O_CREAT, 0640);
    CHECK(fd >= 0);
    CHECK(write(fd, "twelve bytes", 12) == 12);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(close(open("dir/inner", O_WRONLY | O_CREAT, 0600)) == 0);
    CHECK(symlink("file", "link") == 0);
    CHECK(symlink("loop", "loop") == 0);
    CHECK(mkfifo("fifo", 0644) == 0);
    CHECK(close(open("special", O_WRONLY | O_CREAT, 0600)) == 0);
    CHECK(chmod("special", 06755) == 0);
    CHECK(mkdir("sticky", 0755) == 0);
    CHECK(chmod("sticky", 01777) == 0);
    memset(long_name, 'n', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';

    /* stat: each kind of file, following links. */
    test_stat("file", st);
    test_stat("dir", st);
    test_stat("link", st);
    test_stat("fifo", st);
    test_stat("special", st);
    test_stat("sticky", st);
    test_stat("/dev/null", st);
    test_stat("missing", st);
    test_stat("file/x", st);
    test_stat("loop", st);
    test_stat(long_name, st);
    test_stat(NULL, st);
    test_stat(BAD_ADDR, st);
    test_stat("file", NULL);
    test_stat("file", (struct stat*)(st + 1));

    /* lstat: the link itself. */
    test_lstat("link", st);
    test_lstat("loop", st);
    test_lstat("dir", st);
    test_lstat("missing/x", st);
    test_lstat("link", BAD_ADDR);

    /* fstat: files, a pipe, bad descriptors. */
    test_fstat(fd, st);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);
    test_fstat(dirfd, st);
    CHECK(pipe(pipefd) == 0);
    test_fstat(pipefd[0], st);
    test_fstat(-1, st);
    test_fstat(1000, st);
    test_fstat(fd, NULL);

    /* newfstatat: relative to directories, and its flags. */
    test_newfstatat(AT_FDCWD, "file", st, 0);
    test_newfstatat(dirfd, "inner", st, 0);
    test_newfstatat(AT_FDCWD, "link", st, AT_SYMLINK_NOFOLLOW);
    test_newfstatat(AT_FDCWD, "link", st, AT_NO_AUTOMOUNT);
    test_newfstatat(fd, "", st, AT_EMPTY_PATH);
    test_newfstatat(dirfd, "", st, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
    test_newfstatat(fd, "", st, 0);
    test_newfstatat(fd, "inner", st, 0);
    test_newfstatat(-1, "inner", st, 0);
    test_newfstatat(-1, "/dev/null", st, 0);
    test_newfstatat(AT_FDCWD, "file", st, 0x1);
    test_newfstatat(AT_FDCWD, "file", st, AT_SYMLINK_NOFOLLOW | 0x1000000);
    test_newfstatat(AT_FDCWD, "file", st, AT_REMOVEDIR);
    test_newfstatat(AT_FDCWD, NULL, st, 0);
    test_newfstatat(AT_FDCWD, NULL, st, AT_EMPTY_PATH);
    test_newfstatat(AT_FDCWD, "file", BAD_ADDR, 0);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * sync.c: fsync(2), fdatasync(2), sync(2), syncfs(2), sync_file_range(2).
 * Covers files and directories, sync_file_range's offsets and flags
 * (SYNC_FILE_RANGE_*, unknown bits in hex, with a comment when none is
 * known), and the failures EBADF, EINVAL (a pipe, negative ranges,
 * unknown flags) and ESPIPE.
 */
#include "trace-fs.h"

static const struct xlat sync_file_range_flags[] = {
    XLAT(SYNC_FILE_RANGE_WAIT_BEFORE),
    XLAT(SYNC_FILE_RANGE_WRITE),
    XLAT(SYNC_FILE_RANGE_WAIT_AFTER),
    XLAT_END,
};

/* A call that takes one descriptor: fsync, fdatasync or syncfs. */
static long test_fd_call(const char* name, long nr, int fd) {
    long rc = syscall(nr, fd);
    const char* res = sres(rc);

    printf("%s(%d) %s\n", name, fd, res);
    return rc;
}

static long test_sync_file_range(int fd, long offset, long nbytes, unsigned int flags) {
    long rc = syscall(SYS_sync_file_range, fd, offset, nbytes, flags);
    const char* res = sres(rc);

    printf("sync_file_range(%d, %ld, %ld, %s) %s\n", fd, offset, nbytes,
           sflags(sync_file_range_flags, flags, "SYNC_FILE_RANGE_???"), res);
    return rc;
}

int main(void) {
    int fd, dirfd, pipefd[2];

    fd = open("file", O_RDWR | O_CREAT, 0644);
    dirfd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0 && dirfd >= 0);
    CHECK(write(fd, "some data", 9) == 9);
    CHECK(pipe(pipefd) == 0);

    test_fd_call("fsync", SYS_fsync, fd);
    test_fd_call("fsync", SYS_fsync, dirfd);
    test_fd_call("fsync", SYS_fsync, pipefd[0]);
    test_fd_call("fsync", SYS_fsync, -1);
    test_fd_call("fdatasync", SYS_fdatasync, fd);
    test_fd_call("fdatasync", SYS_fdatasync, pipefd[1]);
    test_fd_call("fdatasync", SYS_fdatasync, 1000);

    CHECK(syscall(SYS_sync) == 0);
    puts("sync() = 0");

    test_fd_call("syncfs", SYS_syncfs, fd);
    test_fd_call("syncfs", SYS_syncfs, dirfd);
    test_fd_call("syncfs", SYS_syncfs, -1);

    test_sync_file_range(fd, 0, 0, 0);
    test_sync_file_range(fd, 0, 4096, SYNC_FILE_RANGE_WRITE);
    test_sync_file_range(fd, 100, 9,
                         SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE |
                             SYNC_FILE_RANGE_WAIT_AFTER);
    test_sync_file_range(fd, -1, 10, 0);
    test_sync_file_range(fd, 0, -10, 0);
    test_sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE | 0x10);
    test_sync_file_range(fd, 0, 0, 0x80);
    test_sync_file_range(pipefd[0], 0, 0, SYNC_FILE_RANGE_WRITE);
    test_sync_file_range(-1, 0, 0, 0);

    EXPECT_EXITED_0();
    return 0;
}

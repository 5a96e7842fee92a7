/*
 * read-write.c: read(2), write(2), pread64(2), pwrite64(2).  Covers data
 * printed at entry (write) or, up to the result, at exit (read), -s
 * truncation at 32 bytes with "..." (31, 32 and 33 bytes), escapes in
 * octal (three digits before a digit 0-7, not before 8), empty buffers,
 * NULL, offsets, and the failures EBADF (closed, wrong mode), EISDIR,
 * EFAULT, EAGAIN, EPIPE, ESPIPE and EINVAL (negative offset).  The
 * expected lines are written with writev, which is not traced.
 */
#include "trace-fs.h"

/* What a read-like call filled: its bytes, or the address on failure. */
static const char* filled(const void* buf, long rc) {
    return rc >= 0 ? sbufp(buf, (size_t)rc, DEFAULT_STRLEN) : sptr(buf);
}

static long test_read(int fd, void* buf, size_t count) {
    long rc = syscall(SYS_read, fd, buf, count);
    const char* res = sres(rc);

    printf("read(%d, %s, %zu) %s\n", fd, filled(buf, rc), count, res);
    return rc;
}

static long test_write(int fd, const void* buf, size_t count) {
    long rc = syscall(SYS_write, fd, buf, count);
    const char* res = sres(rc);

    printf("write(%d, %s, %zu) %s\n", fd, sbufp(buf, count, DEFAULT_STRLEN), count, res);
    return rc;
}

static long test_pread(int fd, void* buf, size_t count, long offset) {
    long rc = syscall(SYS_pread64, fd, buf, count, offset);
    const char* res = sres(rc);

    printf("pread64(%d, %s, %zu, %ld) %s\n", fd, filled(buf, rc), count, offset, res);
    return rc;
}

static long test_pwrite(int fd, const void* buf, size_t count, long offset) {
    long rc = syscall(SYS_pwrite64, fd, buf, count, offset);
    const char* res = sres(rc);

    printf("pwrite64(%d, %s, %zu, %ld) %s\n", fd, sbufp(buf, count, DEFAULT_STRLEN), count, offset,
           res);
    return rc;
}

/* EPIPE without a SIGPIPE line: a blocked signal stays pending (an ignored
 * one would still be reported to the tracer). */
static void block_sigpipe(void) {
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
}

int main(void) {
    static const char text[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    static const char binary[] = "\0\001\0012\t\n\r\"\\\177\200\377\0038 end";
    char buf[64];
    char* guard = (char*)tail_alloc(1) + 1;
    int fd, rdonly, wronly, dir, pipefd[2];

    stdout_via(SYS_writev);
    block_sigpipe();
    fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);

    /* write: short, exactly 32 bytes, 33 bytes, empty, escapes. */
    test_write(fd, "hello\n", 6);
    test_write(fd, text, 31);
    test_write(fd, text, 32);
    test_write(fd, text, 33);
    test_write(fd, "", 0);
    test_write(fd, NULL, 0);
    test_write(fd, binary, sizeof(binary) - 1);

    /* read: the whole file in pieces, then at the end of file. */
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    test_read(fd, buf, 6);
    test_read(fd, buf, 33);
    test_read(fd, buf, sizeof(buf));
    test_read(fd, buf, sizeof(buf));
    test_read(fd, buf, 0);
    test_read(fd, NULL, 0);

    /* pread64 and pwrite64 at offsets. */
    test_pwrite(fd, "XYZ", 3, 6);
    test_pwrite(fd, "far", 3, 1000);
    test_pread(fd, buf, 10, 0);
    test_pread(fd, buf, 5, 998);
    test_pread(fd, buf, sizeof(buf), 5000);
    test_pread(fd, buf, 40, 6);

    /* Failures: bad descriptors and modes. */
    rdonly = open("data", O_RDONLY);
    wronly = open("data", O_WRONLY);
    dir = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(rdonly >= 0 && wronly >= 0 && dir >= 0);
    test_write(-1, "x", 1);
    test_write(rdonly, "x", 1);
    test_read(-1, buf, 10);
    test_read(wronly, buf, 10);
    test_read(dir, buf, 10);
    test_pread(dir, buf, 10, 0);
    test_pwrite(rdonly, "x", 1, 0);
    test_pread(999, buf, 1, 0);

    /* Failures: bad buffers. */
    test_write(fd, BAD_ADDR, 10);
    test_write(fd, guard, 10);
    test_write(fd, NULL, 10);
    test_read(rdonly, NULL, 10);
    test_read(rdonly, BAD_ADDR, 10);
    test_pread(rdonly, guard, 10, 0);
    test_pwrite(fd, NULL, 3, 0);

    /* Failures: offsets and pipes. */
    test_pread(fd, buf, 10, -1);
    test_pwrite(fd, "x", 1, -4096);
    CHECK(pipe2(pipefd, O_NONBLOCK) == 0);
    test_read(pipefd[0], buf, 10);
    test_write(pipefd[1], "through the pipe", 16);
    test_read(pipefd[0], buf, sizeof(buf));
    test_pread(pipefd[0], buf, 10, 0);
    test_pwrite(pipefd[1], "x", 1, 0);
    CHECK(close(pipefd[0]) == 0);
    test_write(pipefd[1], "nobody reads", 12);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * copy_file_range.c: copy_file_range(2).  Covers offsets (NULL, or [N]
 * printed at entry only), flags printed as a plain number, and failures
 * from unknown flags, a negative offset, a read-only output, a directory,
 * a pipe, a bad descriptor and a bad pointer (EINVAL, EOVERFLOW, EBADF,
 * EISDIR, EFAULT; the codes are whatever the kernel returns).
 */
#include "trace-fs.h"

static const char* soffset(const int64_t* off) {
    return mapped(off) ? xasprintf("[%lld]", (long long)*off) : sptr(off);
}

static long test_copy(int in, int64_t* off_in, int out, int64_t* off_out, size_t len,
                      unsigned int flags) {
    const char* in_str = soffset(off_in);
    const char* out_str = soffset(off_out);
    long rc = syscall(SYS_copy_file_range, in, off_in, out, off_out, len, flags);
    const char* res = sres(rc);

    printf("copy_file_range(%d, %s, %d, %s, %zu, %u) %s\n", in, in_str, out, out_str, len, flags,
           res);
    return rc;
}

int main(void) {
    int64_t off_in = 0, off_out = 0;
    int in, out, rdonly, dirfd, pipefd[2];

    in = open("in", O_RDWR | O_CREAT, 0644);
    out = open("out", O_RDWR | O_CREAT, 0644);
    rdonly = open("out", O_RDONLY);
    dirfd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(in >= 0 && out >= 0 && rdonly >= 0 && dirfd >= 0);
    CHECK(write(in, "0123456789abcdef", 16) == 16);
    CHECK(lseek(in, 0, SEEK_SET) == 0);
    CHECK(pipe(pipefd) == 0);

    test_copy(in, NULL, out, NULL, 4, 0);
    off_in = 10;
    off_out = 100;
    test_copy(in, &off_in, out, &off_out, 6, 0);
    test_copy(in, &off_in, out, &off_out, 6, 0);
    test_copy(in, NULL, out, NULL, 1000, 0);
    test_copy(in, NULL, out, NULL, 0, 0);

    test_copy(in, NULL, out, NULL, 4, 1);
    off_in = -1;
    test_copy(in, &off_in, out, NULL, 4, 0);
    test_copy(in, NULL, rdonly, NULL, 4, 0);
    test_copy(dirfd, NULL, out, NULL, 4, 0);
    test_copy(pipefd[0], NULL, out, NULL, 4, 0);
    test_copy(-1, NULL, out, NULL, 4, 0);
    test_copy(in, BAD_ADDR, out, NULL, 4, 0);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * sendfile.c: sendfile(2).  Covers the offset pointer (NULL, or [N] at
 * entry followed by " => [M]" with its new value when the call moved
 * data; unsigned), count 0, and the failures EBADF, EINVAL (negative
 * offset) and EFAULT (the offset printed as an address).
 */
#include "trace-fs.h"

static long test_sendfile(int out, int in, int64_t* offset, size_t count) {
    const char* before = mapped(offset) ? xasprintf("[%llu]", (unsigned long long)*offset)
                                        : sptr(offset);
    long rc = syscall(SYS_sendfile, out, in, offset, count);
    const char* res = sres(rc);
    const char* after = "";

    if (mapped(offset) && count && rc > 0)
        after = xasprintf(" => [%llu]", (unsigned long long)*offset);
    printf("sendfile(%d, %d, %s%s, %zu) %s\n", out, in, before, after, count, res);
    return rc;
}

int main(void) {
    int64_t* offset = tail_alloc(sizeof(int64_t));
    int in, out, rdonly, pipefd[2];

    in = open("in", O_RDWR | O_CREAT, 0644);
    out = open("out", O_RDWR | O_CREAT, 0644);
    rdonly = open("in", O_RDONLY);
    CHECK(in >= 0 && out >= 0 && rdonly >= 0);
    CHECK(write(in, "0123456789abcdef", 16) == 16);
    CHECK(pipe(pipefd) == 0);

    *offset = 2;
    test_sendfile(out, in, offset, 5);
    test_sendfile(out, in, offset, 100);
    test_sendfile(out, in, offset, 100);
    test_sendfile(out, in, offset, 0);
    CHECK(lseek(in, 0, SEEK_SET) == 0);
    test_sendfile(out, in, NULL, 4);
    test_sendfile(pipefd[1], in, NULL, 4);
    *offset = 0;
    test_sendfile(pipefd[1], rdonly, offset, 3);

    *offset = -1;
    test_sendfile(out, in, offset, 5);
    *offset = 0;
    test_sendfile(-1, in, offset, 5);
    test_sendfile(out, -1, offset, 5);
    test_sendfile(rdonly, in, offset, 5);
    test_sendfile(out, in, BAD_ADDR, 5);
    test_sendfile(out, in, offset + 1, 5);

    EXPECT_EXITED_0();
    return 0;
}

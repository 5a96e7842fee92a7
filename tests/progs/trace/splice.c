/*
 * splice.c: splice(2) and tee(2).  Covers offsets (NULL, or [N], signed,
 * printed at entry only), SPLICE_F_* flags and unknown bits (hex, with a
 * comment when none is known), and the failures EINVAL (no pipe, both
 * offsets on pipes, bad flags), ESPIPE, EAGAIN, EBADF and EFAULT.
 */
#include "trace-fs.h"

static const struct xlat splice_flags[] = {
    XLAT(SPLICE_F_MOVE), XLAT(SPLICE_F_NONBLOCK), XLAT(SPLICE_F_MORE), XLAT(SPLICE_F_GIFT),
    XLAT_END,
};

static const char* soffset(const int64_t* off) {
    return mapped(off) ? xasprintf("[%lld]", (long long)*off) : sptr(off);
}

static long test_splice(int in, int64_t* off_in, int out, int64_t* off_out, size_t len,
                        unsigned int flags) {
    const char* in_str = soffset(off_in);
    const char* out_str = soffset(off_out);
    long rc = syscall(SYS_splice, in, off_in, out, off_out, len, flags);
    const char* res = sres(rc);

    printf("splice(%d, %s, %d, %s, %zu, %s) %s\n", in, in_str, out, out_str, len,
           sflags(splice_flags, flags, "SPLICE_F_???"), res);
    return rc;
}

static long test_tee(int in, int out, size_t len, unsigned int flags) {
    long rc = syscall(SYS_tee, in, out, len, flags);
    const char* res = sres(rc);

    printf("tee(%d, %d, %zu, %s) %s\n", in, out, len, sflags(splice_flags, flags, "SPLICE_F_???"),
           res);
    return rc;
}

int main(void) {
    int64_t off = 0, off2 = 0;
    int fd, a[2], b[2];

    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "0123456789", 10) == 10);
    CHECK(pipe(a) == 0 && pipe(b) == 0);

    off = 2;
    test_splice(fd, &off, a[1], NULL, 4, 0);
    test_splice(fd, NULL, a[1], NULL, 100, SPLICE_F_MOVE | SPLICE_F_MORE);
    test_tee(a[0], b[1], 100, 0);
    test_tee(a[0], b[1], 2, SPLICE_F_NONBLOCK);
    off = 20;
    test_splice(a[0], NULL, fd, &off, 3, SPLICE_F_GIFT);
    test_splice(b[0], NULL, fd, NULL, 100, 0);
    test_splice(b[0], NULL, a[1], NULL, 100, SPLICE_F_NONBLOCK);

    test_tee(b[0], a[1], 100, SPLICE_F_NONBLOCK);
    test_tee(fd, a[1], 100, 0);
    test_tee(a[0], a[1], 100, 0);
    test_tee(a[0], b[1], 100, 0x10);
    test_tee(-1, b[1], 100, 0);
    off = 0;
    test_splice(fd, NULL, fd, NULL, 10, 0);
    test_splice(a[0], &off, b[1], NULL, 10, 0);
    off = -1;
    test_splice(fd, &off, b[1], NULL, 10, 0);
    off2 = 0;
    test_splice(fd, &off2, b[1], NULL, 10, SPLICE_F_MOVE | 0x20);
    test_splice(fd, &off2, b[1], NULL, 10, 0x20);
    test_splice(-1, NULL, b[1], NULL, 10, 0);
    test_splice(fd, BAD_ADDR, b[1], NULL, 10, 0);

    EXPECT_EXITED_0();
    return 0;
}

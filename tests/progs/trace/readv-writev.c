/*
 * readv-writev.c: readv(2), writev(2), preadv(2), pwritev(2), preadv2(2),
 * pwritev2(2), run with -s 12.  Covers arrays of struct iovec: data
 * printed at entry (writev) or, spread over the elements up to the result,
 * at exit (readv), each element truncated at 12 bytes with "...", arrays
 * cut after 12 elements with "...", an empty array, NULL and unreadable
 * bases and arrays, an array running into a guard page (the unreadable
 * element shown as "...", then its address in a comment), offsets, RWF_*
 * flags and unknown bits, and the failures EBADF, EFAULT, EINVAL (too many
 * elements, negative offset, unknown flags) and ESPIPE.  The expected
 * lines are written with write, which is not traced.
 */
#include "trace-fs.h"

/* The -s of this program's line in fs.list. */
#define STRLEN 12

static const struct xlat rwf_flags[] = {
    { 0x1, "RWF_HIPRI" },
    { 0x2, "RWF_DSYNC" },
    { 0x4, "RWF_SYNC" },
    { 0x8, "RWF_NOWAIT" },
    { 0x10, "RWF_APPEND" },
    XLAT_END,
};

/* An array of CNT iovecs as strace prints it.  DATA is how many bytes
 * their bases hold in all (the result of a read), -1 for all of them (a
 * write), -2 to print only addresses (a failed read). */
static const char* siov(const struct iovec* iov, unsigned long cnt, long data) {
    const char* out = "[";
    unsigned long i;

    if (!mapped(iov))
        return sptr(iov);
    for (i = 0; i < cnt; i++) {
        const char* base;
        size_t len;

        if (i == STRLEN) {
            out = xasprintf("%s, ...", out);
            break;
        }
        if (!mapped(&iov[i])) {
            out = xasprintf("%s, ... /* %s */", out, sptr(&iov[i]));
            break;
        }
        len = iov[i].iov_len;
        if (data == -2 || !mapped(iov[i].iov_base)) {
            base = sptr(iov[i].iov_base);
        } else {
            if (data >= 0 && len > (size_t)data)
                len = (size_t)data;
            base = sbufp(iov[i].iov_base, len, STRLEN);
            if (data >= 0)
                data -= (long)len;
        }
        out = xasprintf("%s%s{iov_base=%s, iov_len=%zu}", out, i ? ", " : "", base,
                        iov[i].iov_len);
    }
    return xasprintf("%s]", out);
}

/* What a reading call's array shows: data up to the result, or addresses. */
static long read_data(long rc) {
    return rc >= 0 ? rc : -2;
}

static long test_readv(int fd, const struct iovec* iov, unsigned long cnt) {
    long rc = syscall(SYS_readv, fd, iov, cnt);
    const char* res = sres(rc);

    printf("readv(%d, %s, %lu) %s\n", fd, siov(iov, cnt, read_data(rc)), cnt, res);
    return rc;
}

static long test_writev(int fd, const struct iovec* iov, unsigned long cnt) {
    long rc = syscall(SYS_writev, fd, iov, cnt);
    const char* res = sres(rc);

    printf("writev(%d, %s, %lu) %s\n", fd, siov(iov, cnt, -1), cnt, res);
    return rc;
}

static long test_preadv(int fd, const struct iovec* iov, unsigned long cnt, long off) {
    long rc = syscall(SYS_preadv, fd, iov, cnt, off, 0L);
    const char* res = sres(rc);

    printf("preadv(%d, %s, %lu, %ld) %s\n", fd, siov(iov, cnt, read_data(rc)), cnt, off, res);
    return rc;
}

static long test_pwritev(int fd, const struct iovec* iov, unsigned long cnt, long off) {
    long rc = syscall(SYS_pwritev, fd, iov, cnt, off, 0L);
    const char* res = sres(rc);

    printf("pwritev(%d, %s, %lu, %ld) %s\n", fd, siov(iov, cnt, -1), cnt, off, res);
    return rc;
}

static long test_preadv2(int fd, const struct iovec* iov, unsigned long cnt, long off,
                         unsigned int flags) {
    long rc = syscall(SYS_preadv2, fd, iov, cnt, off, 0L, flags);
    const char* res = sres(rc);

    printf("preadv2(%d, %s, %lu, %ld, %s) %s\n", fd, siov(iov, cnt, read_data(rc)), cnt, off,
           sflags(rwf_flags, flags, "RWF_???"), res);
    return rc;
}

static long test_pwritev2(int fd, const struct iovec* iov, unsigned long cnt, long off,
                          unsigned int flags) {
    long rc = syscall(SYS_pwritev2, fd, iov, cnt, off, 0L, flags);
    const char* res = sres(rc);

    printf("pwritev2(%d, %s, %lu, %ld, %s) %s\n", fd, siov(iov, cnt, -1), cnt, off,
           sflags(rwf_flags, flags, "RWF_???"), res);
    return rc;
}

int main(void) {
    static char many_buf[1025];
    static struct iovec many[1025];
    char a[4], b[16], c[40];
    struct iovec in[3] = { { a, sizeof(a) }, { b, sizeof(b) }, { c, sizeof(c) } };
    struct iovec out[4] = {
        { (void*)(uintptr_t) "head", 4 },
        { NULL, 0 },
        { (void*)(uintptr_t) "a rather long middle part", 25 },
        { (void*)(uintptr_t) "\t\001\0029\377", 5 },
    };
    struct iovec bad[2] = { { BAD_ADDR, 4 }, { a, sizeof(a) } };
    struct iovec* edge = tail_alloc(sizeof(struct iovec));
    int fd, rdonly, pipefd[2];
    unsigned long i;

    stdout_via(SYS_write);
    fd = open("data", O_RDWR | O_CREAT | O_TRUNC, 0644);
    rdonly = open("data", O_RDONLY);
    CHECK(fd >= 0 && rdonly >= 0);
    for (i = 0; i < 1025; i++)
        many[i] = (struct iovec){ many_buf + i, 1 };
    memset(many_buf, 'm', sizeof(many_buf));

    /* writev and readv: data, an empty element, short and long reads. */
    test_writev(fd, out, 4);
    test_writev(fd, out, 0);
    test_readv(rdonly, in, 2);
    test_readv(rdonly, in, 3);
    test_readv(rdonly, in, 3);
    CHECK(lseek(rdonly, 0, SEEK_SET) == 0);
    test_readv(rdonly, in, 1);
    test_writev(fd, many, 13);
    test_writev(fd, many, 12);

    /* With offsets. */
    test_pwritev(fd, out, 1, 2);
    test_preadv(rdonly, in, 3, 0);
    test_preadv(rdonly, in, 2, 30);
    test_preadv(rdonly, in, 3, 10000);
    test_pwritev(fd, out + 2, 2, 100);

    /* preadv2 and pwritev2: offsets (-1 is the current one) and flags. */
    test_preadv2(rdonly, in, 3, 0, 0);
    test_preadv2(rdonly, in, 2, -1, 0);
    test_preadv2(rdonly, in, 1, 4, RWF_HIPRI);
    test_pwritev2(fd, out, 1, 0, RWF_DSYNC | RWF_SYNC);
    test_pwritev2(fd, out, 2, -1, RWF_APPEND);
    test_preadv2(rdonly, in, 1, 0, RWF_NOWAIT);
    test_preadv2(rdonly, in, 1, 0, 0x100);
    test_pwritev2(fd, out, 1, 0, RWF_DSYNC | 0x80000000);

    /* Failures: descriptors. */
    test_readv(-1, in, 3);
    test_writev(rdonly, out, 1);
    test_preadv(999, in, 1, 0);
    test_pwritev2(-1, out, 1, 0, 0);
    CHECK(pipe(pipefd) == 0);
    test_preadv(pipefd[0], in, 1, 0);
    test_pwritev(pipefd[1], out, 1, 0);

    /* Failures: arrays and bases. */
    test_readv(rdonly, NULL, 1);
    test_writev(fd, BAD_ADDR, 2);
    test_readv(rdonly, bad, 2);
    test_writev(fd, bad, 2);
    *edge = (struct iovec){ (void*)(uintptr_t) "edge", 4 };
    test_writev(fd, edge, 1);
    test_writev(fd, edge, 2);
    test_writev(fd, many, 1025);
    test_readv(rdonly, many, 1025);

    /* Failures: offsets. */
    test_preadv(rdonly, in, 1, -2);
    test_pwritev2(fd, out, 1, -5, 0);

    EXPECT_EXITED_0();
    return 0;
}

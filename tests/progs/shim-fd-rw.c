/*
 * shim-fd-rw.c: read, write, pread64, pwrite64, readv, writev and lseek
 * (one of the shim-fd programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- read, write, pread64, pwrite64, readv, writev, lseek ------------ */

static void sec_rw(void) {
    char buf[64], b1[4], b2[8], lt[] = "<", mid[] = "mid", gt[] = ">";
    struct iovec iov[3], *many;
    long fd, ro, wo, pathfd, dirfd, ep, closed, n;
    int p[2];

    section("rw");
    fd = print_rc("open(\"data\", O_RDWR|O_CREAT|O_TRUNC)",
           S(SYS_open, "data", O_RDWR | O_CREAT | O_TRUNC, 0644));
    print_rc("write(16)", S(SYS_write, fd, "0123456789abcdef", 16));
    ro = print_rc("open(\"data\", O_RDONLY)", S(SYS_open, "data", O_RDONLY));
    wo = print_rc("open(\"data\", O_WRONLY)", S(SYS_open, "data", O_WRONLY));
    pathfd = print_rc("open(\"data\", O_PATH)", S(SYS_open, "data", O_PATH));
    dirfd = print_rc("open(\".\", O_DIRECTORY)", S(SYS_open, ".", O_DIRECTORY | O_RDONLY));
    closed = CLOSED_FD;

    /* bad descriptors, in every call */
    print_rc("read(-1)", S(SYS_read, -1, buf, 1));
    print_rc("read(closed)", S(SYS_read, closed, buf, 1));
    print_rc("read(HUGE_FD)", S(SYS_read, HUGE_FD, buf, 1));
    print_rc("read(0x80000000)", S(SYS_read, SIGNED_FD, buf, 1));
    print_rc("read(O_PATH fd)", S(SYS_read, pathfd, buf, 1));
    print_rc("read(-1, (void*)1)", S(SYS_read, -1, BAD, 1));
    print_rc("write(-1)", S(SYS_write, -1, "x", 1));
    print_rc("write(closed)", S(SYS_write, closed, "x", 1));
    print_rc("write(HUGE_FD)", S(SYS_write, HUGE_FD, "x", 1));
    print_rc("write(O_PATH fd)", S(SYS_write, pathfd, "x", 1));
    print_rc("write(O_PATH fd, kernel address)", S(SYS_write, pathfd, KADDR, 1));

    /* read */
    print_rc("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    n = print_rc("read(fd, 4)", S(SYS_read, fd, buf, 4));
    show_bytes("  read", buf, n);
    n = print_rc("read(fd | 1 << 32, 2)", S(SYS_read, fd | (1L << 32), buf, 2));
    show_bytes("  read", buf, n);
    print_rc("read(fd, (void*)1, 4)", S(SYS_read, fd, BAD, 4));
    print_rc("read(fd, kernel address, 4)", S(SYS_read, fd, KADDR, 4));
    print_rc("read(fd, read-only page, 4)", S(SYS_read, fd, g_ro, 4));
    print_rc("read(fd, (void*)1, 0)", S(SYS_read, fd, BAD, 0));
    print_rc("read(fd, kernel address, 0)", S(SYS_read, fd, KADDR, 0));
    print_rc("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    memset(g_edge - 4, '.', 4);
    n = print_rc("read(fd, 4 bytes before an unmapped page, 10)", S(SYS_read, fd, g_edge - 4, 10));
    show_bytes("  there", g_edge - 4, 4);
    print_rc("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    /* a count past the end of the address space, and a huge one that
     * the kernel clamps */
    print_rc("read(fd, buf, -1)", S(SYS_read, fd, buf, (size_t)-1));
    print_rc("read(fd, buf, 1 << 47)", S(SYS_read, fd, buf, 1UL << 47));
    print_rc("lseek(fd, 10, SEEK_SET)", S(SYS_lseek, fd, 10, SEEK_SET));
    n = print_rc("read(fd, buf, 64) near EOF", S(SYS_read, fd, buf, 64));
    show_bytes("  read", buf, n);
    print_rc("read(fd, buf, 64) at EOF", S(SYS_read, fd, buf, 64));
    print_rc("read(fd, kernel address, 64) at EOF", S(SYS_read, fd, KADDR, 64));
    print_rc("read(O_WRONLY fd)", S(SYS_read, wo, buf, 1));
    print_rc("read(O_WRONLY fd, kernel address)", S(SYS_read, wo, KADDR, 1));
    print_rc("read(directory)", S(SYS_read, dirfd, buf, 1));
    print_rc("read(directory, kernel address)", S(SYS_read, dirfd, KADDR, 1));
    /* an epoll descriptor is open for reading but cannot be read */
    ep = epoll_create1(0);
    CHECK(ep >= 0);
    print_rc("read(epoll fd)", S(SYS_read, ep, buf, 8));
    print_rc("read(epoll fd, kernel address)", S(SYS_read, ep, KADDR, 8));
    print_rc("write(epoll fd, kernel address)", S(SYS_write, ep, KADDR, 8));
    print_rc("readv(epoll fd, 1025 vectors)", S(SYS_readv, ep, BAD, 1025));

    /* write */
    print_rc("lseek(fd, 16, SEEK_SET)", S(SYS_lseek, fd, 16, SEEK_SET));
    print_rc("write(fd, (void*)1, 4)", S(SYS_write, fd, BAD, 4));
    print_rc("write(fd, kernel address, 4)", S(SYS_write, fd, KADDR, 4));
    print_rc("write(fd, (void*)1, 0)", S(SYS_write, fd, BAD, 0));
    memcpy(g_edge - 4, "WXYZ", 4);
    print_rc("write(fd, 4 bytes before an unmapped page, 10)", S(SYS_write, fd, g_edge - 4, 10));
    print_rc("write(O_RDONLY fd)", S(SYS_write, ro, "x", 1));
    print_rc("write(O_RDONLY fd, kernel address)", S(SYS_write, ro, KADDR, 1));
    print_rc("write(directory)", S(SYS_write, dirfd, "x", 1));
    print_rc("write(fd | 1 << 32, \"!\")", S(SYS_write, fd | (1L << 32), "!", 1));
    print_stat("  data", (int)fd);

    /* pread64, pwrite64 */
    n = print_rc("pread64(fd, 4, 10)", S(SYS_pread64, fd, buf, 4, 10));
    show_bytes("  read", buf, n);
    print_rc("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    print_rc("pread64(-1, offset -1)", S(SYS_pread64, -1, buf, 4, -1L));
    print_rc("pread64(O_PATH fd, offset -1)", S(SYS_pread64, pathfd, buf, 4, -1L));
    print_rc("pread64(fd, offset -1)", S(SYS_pread64, fd, buf, 4, -1L));
    print_rc("pread64(-1)", S(SYS_pread64, -1, buf, 4, 0));
    print_rc("pread64(closed)", S(SYS_pread64, closed, buf, 4, 0));
    print_rc("pread64(HUGE_FD)", S(SYS_pread64, HUGE_FD, buf, 4, 0));
    print_rc("pread64(O_PATH fd)", S(SYS_pread64, pathfd, buf, 4, 0));
    print_rc("pread64(O_WRONLY fd)", S(SYS_pread64, wo, buf, 4, 0));
    print_rc("pread64(O_WRONLY fd, kernel address)", S(SYS_pread64, wo, KADDR, 4, 0));
    print_rc("pread64(fd, (void*)1)", S(SYS_pread64, fd, BAD, 4, 0));
    print_rc("pread64(fd, kernel address)", S(SYS_pread64, fd, KADDR, 4, 0));
    print_rc("pread64(fd, 4, 1000) beyond EOF", S(SYS_pread64, fd, buf, 4, 1000));
    print_rc("pread64(fd, 4, 1 << 62)", S(SYS_pread64, fd, buf, 4, 1L << 62));
    print_rc("pread64(directory)", S(SYS_pread64, dirfd, buf, 4, 0));
    print_rc("pread64(epoll fd)", S(SYS_pread64, ep, buf, 4, 0));
    print_rc("pwrite64(fd, \"XY\", 2, 30)", S(SYS_pwrite64, fd, "XY", 2, 30));
    print_stat("  data", (int)fd);
    print_rc("pwrite64(O_RDONLY fd)", S(SYS_pwrite64, ro, "x", 1, 0));
    print_rc("pwrite64(-1, offset -5)", S(SYS_pwrite64, -1, "x", 1, -5L));
    print_rc("pwrite64(fd, offset -5)", S(SYS_pwrite64, fd, "x", 1, -5L));
    print_rc("pwrite64(-1)", S(SYS_pwrite64, -1, "x", 1, 0));
    print_rc("pwrite64(O_PATH fd)", S(SYS_pwrite64, pathfd, "x", 1, 0));
    print_rc("pwrite64(fd, (void*)1)", S(SYS_pwrite64, fd, BAD, 1, 0));
    print_rc("pwrite64(fd, \"\", 0, 1 << 62)", S(SYS_pwrite64, fd, "", 0, 1L << 62));
    print_rc("pwrite64(fd, \"x\", 1, 1 << 62)", S(SYS_pwrite64, fd, "x", 1, 1L << 62));
    n = S(SYS_open, "data", O_WRONLY | O_APPEND);
    print_rc("pwrite64(O_APPEND fd, \"Q\", 1, 0)", S(SYS_pwrite64, n, "Q", 1, 0));
    S(SYS_close, n);
    print_stat("  data", (int)fd);

    /* readv, writev */
    iov[0] = (struct iovec){lt, 1};
    iov[1] = (struct iovec){mid, 3};
    iov[2] = (struct iovec){gt, 1};
    print_rc("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    print_rc("writev(fd, 3 vectors)", S(SYS_writev, fd, iov, 3));
    print_rc("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    iov[0] = (struct iovec){b1, sizeof(b1)};
    iov[1] = (struct iovec){b2, sizeof(b2)};
    n = print_rc("readv(fd, 4 + 8)", S(SYS_readv, fd, iov, 2));
    show_bytes("  first", b1, 4);
    show_bytes("  second", b2, 8);
    many = calloc(1025, sizeof(*many));
    CHECK(many);
    for (int i = 0; i < 1025; i++)
        many[i] = (struct iovec){buf + i % 16, 1};
    print_rc("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    print_rc("readv(fd, 1025 vectors)", S(SYS_readv, fd, many, 1025));
    print_rc("readv(fd, 1024 vectors)", S(SYS_readv, fd, many, 1024));
    print_rc("writev(fd, 1025 vectors)", S(SYS_writev, fd, many, 1025));
    print_rc("readv(fd, 1 << 32 | 1 vectors)", S(SYS_readv, fd, many, (1UL << 32) | 1));
    print_rc("readv(-1, 1025 vectors)", S(SYS_readv, -1, many, 1025));
    print_rc("readv(O_WRONLY fd, 1025 vectors)", S(SYS_readv, wo, many, 1025));
    print_rc("writev(O_RDONLY fd, 1025 vectors)", S(SYS_writev, ro, many, 1025));
    print_rc("readv(O_PATH fd, 1 vector)", S(SYS_readv, pathfd, many, 1));
    print_rc("writev(O_PATH fd, 1 vector)", S(SYS_writev, pathfd, many, 1));
    print_rc("readv(closed, 1 vector)", S(SYS_readv, closed, many, 1));
    print_rc("writev(HUGE_FD, 1 vector)", S(SYS_writev, HUGE_FD, many, 1));
    print_rc("readv(fd, (void*)1, 1)", S(SYS_readv, fd, BAD, 1));
    print_rc("readv(fd, kernel address, 1)", S(SYS_readv, fd, KADDR, 1));
    print_rc("readv(fd, (void*)1, 0)", S(SYS_readv, fd, BAD, 0));
    print_rc("readv(fd, (void*)1, 1025)", S(SYS_readv, fd, BAD, 1025));
    iov[0] = (struct iovec){BAD, 4};
    print_rc("readv(fd, {(void*)1, 4})", S(SYS_readv, fd, iov, 1));
    iov[0] = (struct iovec){buf, (size_t)-1};
    print_rc("readv(fd, {buf, -1})", S(SYS_readv, fd, iov, 1));
    iov[0] = (struct iovec){buf, 4};
    print_rc("readv(fd | 1 << 32, 1 vector)", S(SYS_readv, fd | (1L << 32), iov, 1));
    print_rc("writev(fd, {KADDR, 4})", S(SYS_writev, fd, &(struct iovec){KADDR, 4}, 1));
    free(many);

    /* lseek */
    print_rc("lseek(fd, 0, SEEK_END)", S(SYS_lseek, fd, 0, SEEK_END));
    print_rc("lseek(fd, -1, SEEK_SET)", S(SYS_lseek, fd, -1L, SEEK_SET));
    print_rc("lseek(fd, 5, SEEK_SET)", S(SYS_lseek, fd, 5, SEEK_SET));
    print_rc("lseek(fd, 2, SEEK_CUR)", S(SYS_lseek, fd, 2, SEEK_CUR));
    print_rc("lseek(fd, -100, SEEK_CUR)", S(SYS_lseek, fd, -100L, SEEK_CUR));
    print_rc("lseek(fd, 0, 5)", S(SYS_lseek, fd, 0, 5));
    print_rc("lseek(fd, 0, 0xffffffff)", S(SYS_lseek, fd, 0, 0xffffffffL));
    print_rc("lseek(fd, 0, SEEK_END | 1 << 32)", S(SYS_lseek, fd, 0, SEEK_END | (1L << 32)));
    print_rc("lseek(fd, 0, SEEK_DATA)", S(SYS_lseek, fd, 0, SEEK_DATA));
    print_rc("lseek(fd, 1000, SEEK_DATA)", S(SYS_lseek, fd, 1000, SEEK_DATA));
    print_rc("lseek(fd, 1000, SEEK_HOLE)", S(SYS_lseek, fd, 1000, SEEK_HOLE));
    print_rc("lseek(fd, 1L << 62, SEEK_SET)", S(SYS_lseek, fd, 1L << 62, SEEK_SET));
    print_rc("lseek(-1, 0, 5)", S(SYS_lseek, -1, 0, 5));
    print_rc("lseek(closed, 0, SEEK_SET)", S(SYS_lseek, closed, 0, SEEK_SET));
    print_rc("lseek(HUGE_FD, 0, SEEK_SET)", S(SYS_lseek, HUGE_FD, 0, SEEK_SET));
    print_rc("lseek(O_PATH fd, 0, SEEK_SET)", S(SYS_lseek, pathfd, 0, SEEK_SET));
    print_rc("lseek(O_PATH fd, 0, 5)", S(SYS_lseek, pathfd, 0, 5));
    print_rc("lseek(O_WRONLY fd, 3, SEEK_SET)", S(SYS_lseek, wo, 3, SEEK_SET));
    print_rc("lseek(directory, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    print_rc("lseek(epoll fd, 0, SEEK_SET)", S(SYS_lseek, ep, 0, SEEK_SET));
    CHECK(pipe(p) == 0);
    print_rc("lseek(pipe, 0, 5)", S(SYS_lseek, p[0], 0, 5));
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);

    S(SYS_close, ep);
    S(SYS_close, fd);
    S(SYS_close, ro);
    S(SYS_close, wo);
    S(SYS_close, pathfd);
    S(SYS_close, dirfd);
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_rw();
    return 0;
}

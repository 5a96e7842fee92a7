/*
 * shim-file-splice.c: sendfile, splice, tee and vmsplice (one of the
 * shim-file programs: shim-file.h).
 */
#include "shim-file.h"

#ifndef SPLICE_F_NONBLOCK
#define SPLICE_F_MOVE 1
#define SPLICE_F_NONBLOCK 2
#define SPLICE_F_MORE 4
#define SPLICE_F_GIFT 8
#endif

/* what a pipe holds, drained */
static void drain(const char* what, int fd) {
    char buf[256];
    int avail = 0;
    long n = 0;

    CHECK(ioctl(fd, FIONREAD, &avail) == 0);
    if (avail > 0)
        n = S(SYS_read, fd, buf, sizeof(buf) < (size_t)avail ? sizeof(buf) : (size_t)avail);
    show_bytes(what, buf, n < 0 ? 0 : n);
}

static void sec_sendfile(void) {
    struct kinds k;
    loff_t off, *edge;
    int out;

    section("sendfile");
    open_kinds(&k, "src", "0123456789abcdefghij");
    out = (int)S(SYS_open, "dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CALL("sendfile(dst, ro, NULL, 4)", SYS_sendfile, out, k.ro, NULL, 4L);
    CALL("lseek(ro, 0, SEEK_CUR)", SYS_lseek, k.ro, 0L, SEEK_CUR);
    off = 10;
    CALL("sendfile(dst, ro, &10, 5)", SYS_sendfile, out, k.ro, &off, 5L);
    printf("  offset %lld\n", (long long)off);
    CALL("lseek(ro, 0, SEEK_CUR)", SYS_lseek, k.ro, 0L, SEEK_CUR);
    show_file("  dst", "dst");
    CALL("sendfile(pipe, rw, NULL, 3)", SYS_sendfile, k.pw, k.rw, NULL, 3L);
    drain("  pipe", k.pr);
    CALL("sendfile(dst, rw, NULL, 0)", SYS_sendfile, out, k.rw, NULL, 0L);
    off = 100;
    CALL("sendfile(dst, rw, &100 (past the end), 5)", SYS_sendfile, out, k.rw, &off, 5L);
    printf("  offset %lld\n", (long long)off);
    /* the input descriptor, of each kind */
    CALL("sendfile(dst, wo, NULL, 1)", SYS_sendfile, out, k.wo, NULL, 1L);
    CALL("sendfile(dst, acc3, NULL, 1)", SYS_sendfile, out, k.acc3, NULL, 1L);
    CALL("sendfile(dst, opath, NULL, 1)", SYS_sendfile, out, k.opath, NULL, 1L);
    CALL("sendfile(dst, dir, NULL, 1)", SYS_sendfile, out, k.dir, NULL, 1L);
    CALL("sendfile(dst, closed, NULL, 1)", SYS_sendfile, out, CLOSED_FD, NULL, 1L);
    CALL("sendfile(dst, -1, NULL, 1)", SYS_sendfile, out, -1, NULL, 1L);
    CALL("sendfile(dst, socket, NULL, 1)", SYS_sendfile, out, k.sock, NULL, 1L);
    CALL("sendfile(dst, epoll, NULL, 1)", SYS_sendfile, out, k.ep, NULL, 1L);
    CHECK(S(SYS_write, k.pw, "pp", 2) == 2);
    CALL("sendfile(dst, pipe, NULL, 1)", SYS_sendfile, out, k.pr, NULL, 1L);
    off = 0;
    CALL("sendfile(dst, pipe, &0, 1)", SYS_sendfile, out, k.pr, &off, 1L);
    CALL("sendfile(dst, socket, &0, 1)", SYS_sendfile, out, k.sock, &off, 1L);
    drain("  pipe", k.pr);
    /* the output descriptor */
    CALL("sendfile(ro, rw, NULL, 1)", SYS_sendfile, k.ro, k.rw, NULL, 1L);
    CALL("sendfile(opath, rw, NULL, 1)", SYS_sendfile, k.opath, k.rw, NULL, 1L);
    CALL("sendfile(closed, rw, NULL, 1)", SYS_sendfile, CLOSED_FD, k.rw, NULL, 1L);
    CALL("sendfile(dir, rw, NULL, 1)", SYS_sendfile, k.dir, k.rw, NULL, 1L);
    CALL("sendfile(pipe read end, rw, NULL, 1)", SYS_sendfile, k.pr, k.rw, NULL, 1L);
    CALL("sendfile(epoll, rw, NULL, 1)", SYS_sendfile, k.ep, k.rw, NULL, 1L);
    CALL("sendfile(closed, closed, NULL, 1)", SYS_sendfile, CLOSED_FD, CLOSED_FD, NULL, 1L);
    /* the offset: read first, written back whatever the answer */
    CALL("sendfile(dst, rw, (void*)1, 1)", SYS_sendfile, out, k.rw, BAD, 1L);
    CALL("sendfile(closed, closed, (void*)1, 1)", SYS_sendfile, CLOSED_FD, CLOSED_FD, BAD, 1L);
    CALL("sendfile(dst, rw, read-only offset, 1)", SYS_sendfile, out, k.rw, g_ro, 1L);
    CALL("sendfile(dst, closed, read-only offset, 1)", SYS_sendfile, out, CLOSED_FD, g_ro, 1L);
    CALL("sendfile(dst, pipe, read-only offset, 1)", SYS_sendfile, out, k.pr, g_ro, 1L);
    CALL("sendfile(dst, wo, read-only offset, 1)", SYS_sendfile, out, k.wo, g_ro, 1L);
    CALL("sendfile(closed, rw, read-only offset, 1)", SYS_sendfile, CLOSED_FD, k.rw, g_ro, 1L);
    edge = (loff_t*)(g_edge - 4);
    CALL("sendfile(dst, rw, offset across an unmapped page, 1)", SYS_sendfile, out, k.rw, edge,
         1L);
    off = -1;
    CALL("sendfile(dst, rw, &-1, 1)", SYS_sendfile, out, k.rw, &off, 1L);
    CALL("sendfile(closed, rw, &-1, 1)", SYS_sendfile, CLOSED_FD, k.rw, &off, 1L);
    off = LONG_MAX;
    CALL("sendfile(dst, rw, &LONG_MAX, 2)", SYS_sendfile, out, k.rw, &off, 2L);
    CALL("sendfile(dst, rw, NULL, -1)", SYS_sendfile, out, k.rw, NULL, -1L);
    off = 0;
    CALL("sendfile(dst, rw, &0, -1)", SYS_sendfile, out, k.rw, &off, -1L);
    printf("  offset %lld\n", (long long)off);
    show_file("  dst", "dst");
    CHECK(S(SYS_close, out) == 0);
    close_kinds(&k);
}

static void sec_splice(void) {
    struct kinds k;
    loff_t off, off2;
    int p2[2], out;
    pid_t pid;

    section("splice");
    open_kinds(&k, "src", "0123456789abcdefghij");
    out = (int)S(SYS_open, "dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(pipe(p2) == 0);
    CALL("splice(ro, NULL, pipe, NULL, 4, 0)", SYS_splice, k.ro, NULL, k.pw, NULL, 4L, 0);
    off = 10;
    CALL("splice(ro, &10, pipe, NULL, 3, SPLICE_F_MORE)", SYS_splice, k.ro, &off, k.pw, NULL, 3L,
         SPLICE_F_MORE);
    printf("  offset %lld\n", (long long)off);
    CALL("splice(pipe, NULL, pipe2, NULL, 2, 0)", SYS_splice, k.pr, NULL, p2[1], NULL, 2L, 0);
    CALL("splice(pipe, NULL, dst, NULL, 100, 0)", SYS_splice, k.pr, NULL, out, NULL, 100L, 0);
    off = 5;
    CALL("splice(pipe2, NULL, dst, &5, 100, 0)", SYS_splice, p2[0], NULL, out, &off, 100L, 0);
    printf("  offset %lld\n", (long long)off);
    show_file("  dst", "dst");
    CALL("splice(pipe, NULL, dst, NULL, 1, SPLICE_F_NONBLOCK) (empty)", SYS_splice, k.pr, NULL,
         out, NULL, 1L, SPLICE_F_NONBLOCK);
    /* a zero length before anything, then the flags, then descriptors */
    CALL("splice(closed, (void*)1, closed, (void*)1, 0, 0xff)", SYS_splice, CLOSED_FD, BAD,
         CLOSED_FD, BAD, 0L, 0xff);
    CALL("splice(closed, NULL, closed, NULL, 1, 0x10)", SYS_splice, CLOSED_FD, NULL, CLOSED_FD,
         NULL, 1L, 0x10);
    CALL("splice(ro, NULL, pipe, NULL, 1, 0x80000000)", SYS_splice, k.ro, NULL, k.pw, NULL, 1L,
         0x80000000U);
    CALL("splice(closed, NULL, pipe, NULL, 1, 0)", SYS_splice, CLOSED_FD, NULL, k.pw, NULL, 1L, 0);
    CALL("splice(ro, NULL, closed, NULL, 1, 0)", SYS_splice, k.ro, NULL, CLOSED_FD, NULL, 1L, 0);
    CALL("splice(opath, NULL, pipe, NULL, 1, 0)", SYS_splice, k.opath, NULL, k.pw, NULL, 1L, 0);
    CALL("splice(pipe, NULL, opath, NULL, 1, 0)", SYS_splice, k.pr, NULL, k.opath, NULL, 1L, 0);
    CALL("splice(-1, NULL, pipe, NULL, 1, 0)", SYS_splice, -1, NULL, k.pw, NULL, 1L, 0);
    /* a pipe given an offset, before the offsets are read */
    off = 0;
    CALL("splice(pipe, &0, dst, NULL, 1, 0)", SYS_splice, k.pr, &off, out, NULL, 1L, 0);
    CALL("splice(ro, NULL, pipe, &0, 1, 0)", SYS_splice, k.ro, NULL, k.pw, &off, 1L, 0);
    CALL("splice(pipe, (void*)1, dst, NULL, 1, 0)", SYS_splice, k.pr, BAD, out, NULL, 1L, 0);
    CALL("splice(ro, (void*)1, pipe, (void*)1, 1, 0)", SYS_splice, k.ro, BAD, k.pw, BAD, 1L, 0);
    CALL("splice(ro, (void*)1, pipe, NULL, 1, 0)", SYS_splice, k.ro, BAD, k.pw, NULL, 1L, 0);
    CALL("splice(pipe, NULL, dst, (void*)1, 1, 0)", SYS_splice, k.pr, NULL, out, BAD, 1L, 0);
    CALL("splice(ro, read-only offset, pipe, NULL, 1, 0)", SYS_splice, k.ro, g_ro, k.pw, NULL, 1L,
         0);
    drain("  pipe", k.pr);
    /* neither is a pipe; the direction of each; a pipe to itself */
    CALL("splice(ro, NULL, dst, NULL, 1, 0)", SYS_splice, k.ro, NULL, out, NULL, 1L, 0);
    CALL("splice(wo, NULL, pipe, NULL, 1, 0)", SYS_splice, k.wo, NULL, k.pw, NULL, 1L, 0);
    CALL("splice(pipe, NULL, ro, NULL, 1, 0)", SYS_splice, k.pr, NULL, k.ro, NULL, 1L, 0);
    CALL("splice(acc3, NULL, pipe, NULL, 1, 0)", SYS_splice, k.acc3, NULL, k.pw, NULL, 1L, 0);
    CALL("splice(pipe write end, NULL, pipe2, NULL, 1, 0)", SYS_splice, k.pw, NULL, p2[1], NULL,
         1L, 0);
    CHECK(S(SYS_write, k.pw, "zz", 2) == 2);
    CALL("splice(pipe, NULL, pipe, NULL, 1, 0) (itself)", SYS_splice, k.pr, NULL, k.pw, NULL, 1L,
         0);
    CALL("splice(dir, NULL, pipe, NULL, 1, 0)", SYS_splice, k.dir, NULL, k.pw, NULL, 1L, 0);
    CALL("splice(pipe, NULL, socket, NULL, 1, 0)", SYS_splice, k.pr, NULL, k.sock, NULL, 1L, 0);
    CALL("splice(epoll, NULL, pipe, NULL, 1, 0)", SYS_splice, k.ep, NULL, k.pw, NULL, 1L, 0);
    off = -5;
    CALL("splice(ro, &-5, pipe, NULL, 1, 0)", SYS_splice, k.ro, &off, k.pw, NULL, 1L, 0);
    off2 = LONG_MAX;
    CALL("splice(pipe, NULL, dst, &LONG_MAX, 1, 0)", SYS_splice, k.pr, NULL, out, &off2, 1L, 0);
    drain("  pipe", k.pr);
    /* a splice that waits for data blocks its thread alone */
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        print_rc("child: splice(pipe, NULL, dst, NULL, 5, 0), waiting",
                 S(SYS_splice, k.pr, NULL, out, NULL, 5L, 0));
        fflush(stdout);
        _exit(0);
    }
    CHECK(S(SYS_write, k.pw, "late!", 5) == 5);
    wait_child(pid);
    show_file("  dst", "dst");
    CHECK(S(SYS_close, out) == 0 && close(p2[0]) == 0 && close(p2[1]) == 0);
    close_kinds(&k);
}

static void sec_tee(void) {
    struct kinds k;
    int p2[2], p3[2];

    section("tee");
    open_kinds(&k, "src", "0123456789");
    CHECK(pipe(p2) == 0 && pipe(p3) == 0);
    CHECK(S(SYS_write, k.pw, "teedata", 7) == 7);
    CALL("tee(pipe, pipe2, 3, 0)", SYS_tee, k.pr, p2[1], 3L, 0);
    CALL("tee(pipe, pipe2, 100, SPLICE_F_NONBLOCK)", SYS_tee, k.pr, p2[1], 100L, SPLICE_F_NONBLOCK);
    drain("  pipe2", p2[0]);
    CALL("tee(pipe2, pipe3, 1, SPLICE_F_NONBLOCK) (empty)", SYS_tee, p2[0], p3[1], 1L,
         SPLICE_F_NONBLOCK);
    /* the flags before the zero length, then the descriptors */
    CALL("tee(closed, closed, 0, 0x10)", SYS_tee, CLOSED_FD, CLOSED_FD, 0L, 0x10);
    CALL("tee(closed, closed, 0, 0)", SYS_tee, CLOSED_FD, CLOSED_FD, 0L, 0);
    CALL("tee(closed, pipe2, 1, 0)", SYS_tee, CLOSED_FD, p2[1], 1L, 0);
    CALL("tee(pipe, closed, 1, 0)", SYS_tee, k.pr, CLOSED_FD, 1L, 0);
    CALL("tee(opath, pipe2, 1, 0)", SYS_tee, k.opath, p2[1], 1L, 0);
    CALL("tee(pipe, opath, 1, 0)", SYS_tee, k.pr, k.opath, 1L, 0);
    /* then the directions, then two pipes */
    CALL("tee(pipe write end, pipe2, 1, 0)", SYS_tee, k.pw, p2[1], 1L, 0);
    CALL("tee(pipe, pipe2 read end, 1, 0)", SYS_tee, k.pr, p2[0], 1L, 0);
    CALL("tee(ro, pipe2, 1, 0)", SYS_tee, k.ro, p2[1], 1L, 0);
    CALL("tee(wo, pipe2, 1, 0)", SYS_tee, k.wo, p2[1], 1L, 0);
    CALL("tee(pipe, wo, 1, 0)", SYS_tee, k.pr, k.wo, 1L, 0);
    CALL("tee(pipe, ro, 1, 0)", SYS_tee, k.pr, k.ro, 1L, 0);
    CALL("tee(acc3, pipe2, 1, 0)", SYS_tee, k.acc3, p2[1], 1L, 0);
    CALL("tee(socket, pipe2, 1, 0)", SYS_tee, k.sock, p2[1], 1L, 0);
    CALL("tee(pipe, socket, 1, 0)", SYS_tee, k.pr, k.sock, 1L, 0);
    CALL("tee(epoll, pipe2, 1, 0)", SYS_tee, k.ep, p2[1], 1L, 0);
    CALL("tee(pipe, pipe, 1, 0) (itself)", SYS_tee, k.pr, k.pw, 1L, 0);
    CALL("tee(dir, pipe2, 1, 0)", SYS_tee, k.dir, p2[1], 1L, 0);
    drain("  pipe", k.pr);
    CHECK(close(p2[0]) == 0 && close(p2[1]) == 0 && close(p3[0]) == 0 && close(p3[1]) == 0);
    close_kinds(&k);
}

static void sec_vmsplice(void) {
    char a[] = "vm", b[] = "splice", in[8];
    struct iovec iov[2] = {{a, 2}, {b, 6}}, rd = {in, sizeof(in)};
    struct kinds k;

    section("vmsplice");
    open_kinds(&k, "src", "0123456789");
    CALL("vmsplice(pipe, 2 vectors, 2, 0)", SYS_vmsplice, k.pw, iov, 2L, 0);
    memset(in, 0, sizeof(in));
    CALL("vmsplice(pipe read end, 1 vector, 1, 0)", SYS_vmsplice, k.pr, &rd, 1L, 0);
    show_bytes("  read", in, sizeof(in));
    CALL("vmsplice(pipe, 0 vectors)", SYS_vmsplice, k.pw, iov, 0L, 0);
    CALL("vmsplice(pipe, (void*)1, 0)", SYS_vmsplice, k.pw, BAD, 0L, 0);
    CALL("vmsplice(pipe, (void*)1, 1)", SYS_vmsplice, k.pw, BAD, 1L, 0);
    CALL("vmsplice(pipe, 1025 vectors)", SYS_vmsplice, k.pw, iov, 1025L, 0);
    CALL("vmsplice(pipe, 1 << 32 | 1 vectors)", SYS_vmsplice, k.pw, iov, (1L << 32) | 1, 0);
    CALL("vmsplice(pipe, 2, 0x10)", SYS_vmsplice, k.pw, iov, 2L, 0x10);
    CALL("vmsplice(closed, (void*)1, 2000, 0x10)", SYS_vmsplice, CLOSED_FD, BAD, 2000L, 0x10);
    CALL("vmsplice(closed, (void*)1, 2000, 0)", SYS_vmsplice, CLOSED_FD, BAD, 2000L, 0);
    CALL("vmsplice(opath, iov, 2, 0)", SYS_vmsplice, k.opath, iov, 2L, 0);
    CALL("vmsplice(acc3, (void*)1, 2000, 0)", SYS_vmsplice, k.acc3, BAD, 2000L, 0);
    CALL("vmsplice(-1, iov, 2, 0)", SYS_vmsplice, -1, iov, 2L, 0);
    CALL("vmsplice(rw, iov, 2, 0) (not a pipe)", SYS_vmsplice, k.rw, iov, 2L, 0);
    CALL("vmsplice(ro, &rd, 1, 0) (not a pipe)", SYS_vmsplice, k.ro, &rd, 1L, 0);
    CALL("vmsplice(rw, iov, 0, 0) (not a pipe, nothing)", SYS_vmsplice, k.rw, iov, 0L, 0);
    CALL("vmsplice(socket, iov, 2, 0)", SYS_vmsplice, k.sock, iov, 2L, 0);
    CALL("vmsplice(pipe read end, &rd, 1, SPLICE_F_NONBLOCK) (2 bytes there)", SYS_vmsplice, k.pr, &rd,
         1L, SPLICE_F_NONBLOCK);
    iov[0].iov_len = (size_t)-1;
    CALL("vmsplice(pipe, length -1)", SYS_vmsplice, k.pw, iov, 1L, 0);
    iov[0].iov_base = KADDR, iov[0].iov_len = 1;
    CALL("vmsplice(pipe, kernel address)", SYS_vmsplice, k.pw, iov, 1L, 0);
    drain("  pipe", k.pr);
    close_kinds(&k);
}

int main(int argc, char** argv) {
    (void)argc;
    shim_fd_setup(argv[0]);
    sec_sendfile();
    sec_splice();
    sec_tee();
    sec_vmsplice();
    return 0;
}

/*
 * shim-fd-pipe.c: pipe and pipe2, and what each end allows (one of the
 * shim-fd programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- pipe, pipe2 -------------------------------------------------- */

static void sec_pipe(void) {
    int p[2] = {-1, -1}, q[2] = {-1, -1};
    char buf[64];
    int n;
    long fd;

    section("pipe");
    print_rc("pipe(p)", S(SYS_pipe, p));
    printf("  fds %d %d\n", p[0], p[1]);
    fdstate("  read end", p[0]);
    fdstate("  write end", p[1]);
    print_stat("  read end", p[0]);
    print_rc("pipe((void*)1)", S(SYS_pipe, BAD));
    print_rc("pipe(kernel address)", S(SYS_pipe, KADDR));
    print_rc("pipe(read-only page)", S(SYS_pipe, g_ro));
    print_rc("pipe(half in an unmapped page)", S(SYS_pipe, g_edge - 4));
    print_rc("pipe2((void*)1, 0)", S(SYS_pipe2, BAD, 0));
    print_rc("pipe2(p, O_RDWR)", S(SYS_pipe2, q, O_RDWR));
    print_rc("pipe2(p, O_APPEND)", S(SYS_pipe2, q, O_APPEND));
    print_rc("pipe2(p, 0x80000000)", S(SYS_pipe2, q, 0x80000000L));
    print_rc("pipe2((void*)1, O_RDWR)", S(SYS_pipe2, BAD, O_RDWR));
    print_rc("pipe2(read-only page, O_CLOEXEC)", S(SYS_pipe2, g_ro, O_CLOEXEC));
    /* nothing was left open by the failures */
    fd = S(SYS_dup, 0);
    printf("next fd: %ld\n", fd);
    S(SYS_close, fd);
    print_rc("pipe2(q, O_CLOEXEC|O_NONBLOCK)", S(SYS_pipe2, q, O_CLOEXEC | O_NONBLOCK));
    fdstate("  read end", q[0]);
    fdstate("  write end", q[1]);
    print_rc("read(empty O_NONBLOCK pipe)", S(SYS_read, q[0], buf, 1));
    S(SYS_close, q[0]);
    S(SYS_close, q[1]);
    print_rc("pipe2(q, O_DIRECT)", S(SYS_pipe2, q, O_DIRECT));
    fdstate("  read end", q[0]);
    print_rc("write(packet, 3)", S(SYS_write, q[1], "abc", 3));
    print_rc("write(packet, 2)", S(SYS_write, q[1], "de", 2));
    print_rc("read(packet pipe, 64)", S(SYS_read, q[0], buf, 64));
    S(SYS_close, q[0]);
    S(SYS_close, q[1]);
    /* O_NOTIFICATION_PIPE (O_EXCL): ENOPKG without CONFIG_WATCH_QUEUE */
    if (print_rc("pipe2(q, O_NOTIFICATION_PIPE)", S(SYS_pipe2, q, O_EXCL)) == 0) {
        fdstate("  read end", q[0]);
        S(SYS_close, q[0]);
        S(SYS_close, q[1]);
    }

    /* the ends */
    print_rc("write(read end)", S(SYS_write, p[0], "x", 1));
    print_rc("read(write end)", S(SYS_read, p[1], buf, 1));
    print_rc("read(write end, kernel address)", S(SYS_read, p[1], KADDR, 1));
    print_rc("readv(write end, (void*)1, 1)", S(SYS_readv, p[1], BAD, 1));
    print_rc("writev(read end, (void*)1, 1)", S(SYS_writev, p[0], BAD, 1));
    print_rc("write(write end, \"hello\")", S(SYS_write, p[1], "hello", 5));
    n = -1;
    print_rc("ioctl(read end, FIONREAD)", S(SYS_ioctl, p[0], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    print_rc("ioctl(write end, FIONREAD)", S(SYS_ioctl, p[1], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    print_rc("pread64(read end)", S(SYS_pread64, p[0], buf, 1, 0));
    print_rc("pread64(read end, offset -1)", S(SYS_pread64, p[0], buf, 1, -1L));
    print_rc("pread64(write end)", S(SYS_pread64, p[1], buf, 1, 0));
    print_rc("pwrite64(write end)", S(SYS_pwrite64, p[1], "x", 1, 0));
    print_rc("pwrite64(read end)", S(SYS_pwrite64, p[0], "x", 1, 0));
    print_rc("lseek(read end, 0, SEEK_CUR)", S(SYS_lseek, p[0], 0, SEEK_CUR));
    print_rc("lseek(read end, 0, 5)", S(SYS_lseek, p[0], 0, 5));
    print_rc("read(read end, 2)", S(SYS_read, p[0], buf, 2));
    print_rc("ioctl(read end, FIONREAD)", S(SYS_ioctl, p[0], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    print_rc("read(read end, (void*)1, 2)", S(SYS_read, p[0], BAD, 2));
    print_rc("read(read end, 64)", S(SYS_read, p[0], buf, 64));
    show_bytes("  read", buf, 3);
    /* EOF once the only write end is closed */
    print_rc("close(write end)", S(SYS_close, p[1]));
    print_rc("read(read end) at EOF", S(SYS_read, p[0], buf, 64));
    /* no reader: EPIPE (SIGPIPE ignored) */
    signal(SIGPIPE, SIG_IGN);
    CHECK(pipe(q) == 0);
    print_rc("close(read end)", S(SYS_close, q[0]));
    print_rc("write(write end, no reader)", S(SYS_write, q[1], "x", 1));
    print_rc("close(write end)", S(SYS_close, q[1]));
    signal(SIGPIPE, SIG_DFL);
    print_rc("close(read end)", S(SYS_close, p[0]));
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_pipe();
    return 0;
}

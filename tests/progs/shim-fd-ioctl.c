/*
 * shim-fd-ioctl.c: ioctl's TCGETS, TIOCGWINSZ, FIONREAD, FIONBIO,
 * FIOASYNC, FIOCLEX... on pipes, files, /dev/null and a pseudo-terminal
 * (one of the shim-fd programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- ioctl -------------------------------------------------------- */

/* A terminal: a pseudo-terminal pair (where the host has /dev/ptmx) */
static void ioctl_pty(void) {
    struct termios tio;
    struct winsize ws;
    char name[64], buf[16];
    int unlock = 0, ptn = -1, got = 0;
    long master, slave, n;

    master = print_rc("open(\"/dev/ptmx\")", S(SYS_open, "/dev/ptmx", O_RDWR | O_NOCTTY));
    if (master < 0)
        return;
    print_rc("ioctl(master, TIOCSPTLCK, 0)", S(SYS_ioctl, master, TIOCSPTLCK, &unlock));
    print_rc("ioctl(master, TIOCGPTN)", S(SYS_ioctl, master, TIOCGPTN, &ptn));
    print_rc("ioctl(master, TIOCGPTN, (void*)1)", S(SYS_ioctl, master, TIOCGPTN, BAD));
    snprintf(name, sizeof(name), "/dev/pts/%d", ptn);
    slave = print_rc("open(the slave)", S(SYS_open, name, O_RDWR | O_NOCTTY));
    if (slave < 0) {
        S(SYS_close, master);
        return;
    }
    memset(&tio, 0, sizeof(tio));
    print_rc("ioctl(slave, TCGETS)", S(SYS_ioctl, slave, TCGETS, &tio));
    printf("  iflag 0%o oflag 0%o cflag 0%o lflag 0%o\n", tio.c_iflag, tio.c_oflag, tio.c_cflag,
           tio.c_lflag);
    print_rc("ioctl(master, TCGETS)", S(SYS_ioctl, master, TCGETS, &tio));
    print_rc("ioctl(slave, TCGETS, (void*)1)", S(SYS_ioctl, slave, TCGETS, BAD));
    print_rc("ioctl(slave, TCGETS, read-only page)", S(SYS_ioctl, slave, TCGETS, g_ro));
    tio.c_lflag &= ~(tcflag_t)ECHO;
    print_rc("ioctl(slave, TCSETS, no ECHO)", S(SYS_ioctl, slave, TCSETS, &tio));
    memset(&tio, 0, sizeof(tio));
    print_rc("ioctl(slave, TCGETS)", S(SYS_ioctl, slave, TCGETS, &tio));
    printf("  lflag 0%o\n", tio.c_lflag);
    memset(&ws, 0xff, sizeof(ws));
    print_rc("ioctl(slave, TIOCGWINSZ)", S(SYS_ioctl, slave, TIOCGWINSZ, &ws));
    printf("  %u rows %u columns\n", ws.ws_row, ws.ws_col);
    ws = (struct winsize){.ws_row = 24, .ws_col = 80};
    print_rc("ioctl(master, TIOCSWINSZ, 24x80)", S(SYS_ioctl, master, TIOCSWINSZ, &ws));
    memset(&ws, 0, sizeof(ws));
    print_rc("ioctl(slave, TIOCGWINSZ)", S(SYS_ioctl, slave, TIOCGWINSZ, &ws));
    printf("  %u rows %u columns\n", ws.ws_row, ws.ws_col);
    print_rc("ioctl(slave, TIOCGWINSZ, (void*)1)", S(SYS_ioctl, slave, TIOCGWINSZ, BAD));
    print_rc("ioctl(slave, TIOCGWINSZ, kernel address)", S(SYS_ioctl, slave, TIOCGWINSZ, KADDR));
    /* output processing: "\n" becomes "\r\n" */
    print_rc("write(slave, \"hi\\n\")", S(SYS_write, slave, "hi\n", 3));
    while (got < 4 && (n = S(SYS_read, master, buf + got, sizeof(buf) - (size_t)got)) > 0)
        got += (int)n;
    show_bytes("  the master read", buf, got);
    print_rc("ioctl(master, FIONREAD)", S(SYS_ioctl, master, FIONREAD, &got));
    printf("  FIONREAD: %d\n", got);
    print_rc("fstat(slave)", S(SYS_fstat, slave, &(struct stat){0}));
    print_rc("close(slave)", S(SYS_close, slave));
    print_rc("close(master)", S(SYS_close, master));
}

static void sec_ioctl(void) {
    char tbuf[256];
    int p[2], n, one = 1, zero = 0;
    long fd, pathfd, null, closed;

    section("ioctl");
    CHECK(pipe(p) == 0);
    make_file("f", "0123456789");
    fd = S(SYS_open, "f", O_RDONLY);
    pathfd = S(SYS_open, "f", O_PATH);
    null = S(SYS_open, "/dev/null", O_RDWR);
    closed = CLOSED_FD;
    CHECK(fd >= 0 && pathfd >= 0 && null >= 0);
    print_rc("ioctl(pipe, TCGETS)", S(SYS_ioctl, p[0], TCGETS, tbuf));
    print_rc("ioctl(pipe, TIOCGWINSZ)", S(SYS_ioctl, p[0], TIOCGWINSZ, tbuf));
    print_rc("ioctl(pipe, TIOCGWINSZ, (void*)1)", S(SYS_ioctl, p[0], TIOCGWINSZ, BAD));
    print_rc("ioctl(pipe's write end, TCGETS)", S(SYS_ioctl, p[1], TCGETS, tbuf));
    print_rc("ioctl(file, TCGETS)", S(SYS_ioctl, fd, TCGETS, tbuf));
    print_rc("ioctl(/dev/null, TCGETS)", S(SYS_ioctl, null, TCGETS, tbuf));
    print_rc("ioctl(/dev/null, TIOCGWINSZ)", S(SYS_ioctl, null, TIOCGWINSZ, tbuf));
    print_rc("ioctl(stdin, TCGETS)", S(SYS_ioctl, 0, TCGETS, tbuf));
    print_rc("ioctl(-1, TCGETS)", S(SYS_ioctl, -1, TCGETS, tbuf));
    print_rc("ioctl(closed, FIONREAD)", S(SYS_ioctl, closed, FIONREAD, &n));
    print_rc("ioctl(HUGE_FD, FIONREAD)", S(SYS_ioctl, HUGE_FD, FIONREAD, &n));
    print_rc("ioctl(O_PATH fd, FIONREAD)", S(SYS_ioctl, pathfd, FIONREAD, &n));
    print_rc("ioctl(O_PATH fd, FIOCLEX)", S(SYS_ioctl, pathfd, FIOCLEX));
    print_rc("ioctl(file, 0xdeadbeef)", S(SYS_ioctl, fd, 0xdeadbeefL));
    print_rc("ioctl(pipe, 0x1234)", S(SYS_ioctl, p[0], 0x1234));
    print_rc("write(pipe, \"12345\")", S(SYS_write, p[1], "12345", 5));
    n = -1;
    print_rc("ioctl(pipe, FIONREAD)", S(SYS_ioctl, p[0], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    print_rc("ioctl(pipe, FIONREAD, (void*)1)", S(SYS_ioctl, p[0], FIONREAD, BAD));
    print_rc("ioctl(pipe, FIONREAD, kernel address)", S(SYS_ioctl, p[0], FIONREAD, KADDR));
    print_rc("ioctl(pipe, FIONREAD, read-only page)", S(SYS_ioctl, p[0], FIONREAD, g_ro));
    print_rc("ioctl(pipe | 1 << 32, FIONREAD)", S(SYS_ioctl, p[0] | (1L << 32), FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    print_rc("lseek(file, 3, SEEK_SET)", S(SYS_lseek, fd, 3, SEEK_SET));
    print_rc("ioctl(file, FIONREAD)", S(SYS_ioctl, fd, FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    /* the status flags and close-on-exec the table records */
    print_rc("ioctl(pipe, FIONBIO, 1)", S(SYS_ioctl, p[0], FIONBIO, &one));
    fdstate("  pipe", p[0]);
    print_rc("read(pipe, 64)", S(SYS_read, p[0], tbuf, 64));
    print_rc("read(pipe, 64) empty", S(SYS_read, p[0], tbuf, 64));
    print_rc("ioctl(pipe, FIONBIO, 0)", S(SYS_ioctl, p[0], FIONBIO, &zero));
    fdstate("  pipe", p[0]);
    print_rc("ioctl(pipe, FIONBIO, (void*)1)", S(SYS_ioctl, p[0], FIONBIO, BAD));
    fdstate("  pipe", p[0]);
    print_rc("ioctl(pipe, FIOASYNC, 1)", S(SYS_ioctl, p[0], FIOASYNC, &one));
    fdstate("  pipe", p[0]);
    print_rc("ioctl(pipe, FIOASYNC, 0)", S(SYS_ioctl, p[0], FIOASYNC, &zero));
    fdstate("  pipe", p[0]);
    print_rc("ioctl(file, FIOCLEX)", S(SYS_ioctl, fd, FIOCLEX));
    fdstate("  file", (int)fd);
    print_rc("ioctl(file, FIONCLEX)", S(SYS_ioctl, fd, FIONCLEX));
    fdstate("  file", (int)fd);
    print_rc("ioctl(closed, FIOCLEX)", S(SYS_ioctl, closed, FIOCLEX));
    print_rc("ioctl(file, FIOCLEX | 1 << 32)", S(SYS_ioctl, fd, FIOCLEX | (1L << 32)));
    fdstate("  file", (int)fd);
    print_rc("ioctl(file, FIONCLEX)", S(SYS_ioctl, fd, FIONCLEX));
    S(SYS_close, fd);
    S(SYS_close, pathfd);
    S(SYS_close, null);
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);
    ioctl_pty();
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_ioctl();
    return 0;
}

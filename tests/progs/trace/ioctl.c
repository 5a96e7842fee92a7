/*
 * ioctl.c: ioctl(2) with simple requests.  Covers FIONREAD (the count
 * printed as [N] at exit, an address on failure), FIONBIO and FIOASYNC
 * (the int printed as [N] at entry), FIOCLEX and FIONCLEX (no argument),
 * terminal requests on descriptors that are not terminals (ENOTTY, the
 * argument an address), requests strace does not know, decoded as
 * _IOC(DIR, TYPE, NR, SIZE) with the argument in hex, and the failures
 * EBADF, EFAULT, ENOTTY.
 */
#include "trace-fs.h"

#include <sys/ioctl.h>
#include <termios.h>

/* ioctl(FD, FIONREAD, COUNT). */
static long test_fionread(int fd, int* count) {
    long rc = syscall(SYS_ioctl, fd, FIONREAD, count);
    const char* res = sres(rc);

    printf("ioctl(%d, FIONREAD, %s) %s\n", fd,
           rc == 0 && mapped(count) ? xasprintf("[%d]", *count) : sptr(count), res);
    return rc;
}

/* ioctl(FD, NAME, [VALUE]) for a request that reads an int. */
static long test_int_in(int fd, unsigned long req, const char* name, int* value) {
    const char* arg = mapped(value) ? xasprintf("[%d]", *value) : sptr(value);
    long rc = syscall(SYS_ioctl, fd, req, value);
    const char* res = sres(rc);

    printf("ioctl(%d, %s, %s) %s\n", fd, name, arg, res);
    return rc;
}

/* ioctl(FD, NAME) for a request without an argument. */
static long test_no_arg(int fd, unsigned long req, const char* name) {
    long rc = syscall(SYS_ioctl, fd, req);
    const char* res = sres(rc);

    printf("ioctl(%d, %s) %s\n", fd, name, res);
    return rc;
}

/* ioctl(FD, NAME, ARG) for a request whose argument is an address. */
static long test_addr(int fd, unsigned long req, const char* name, void* arg) {
    long rc = syscall(SYS_ioctl, fd, req, arg);
    const char* res = sres(rc);

    printf("ioctl(%d, %s, %s) %s\n", fd, name, sptr(arg), res);
    return rc;
}

/* A request strace does not know: _IOC(DIR, TYPE, NR, SIZE), ARG in hex. */
static long test_unknown(int fd, unsigned int dir, unsigned int type, unsigned int nr,
                         unsigned int size, unsigned long arg) {
    static const char* const dirs[] = { "_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
                                        "_IOC_READ|_IOC_WRITE" };
    unsigned long req = _IOC(dir, type, nr, size);
    long rc = syscall(SYS_ioctl, fd, req, arg);
    const char* res = sres(rc);

    printf("ioctl(%d, _IOC(%s, %#x, %#x, %s), %#lx) %s\n", fd, dirs[dir], type, nr,
           size ? xasprintf("%#x", size) : "0", arg, res);
    return rc;
}

int main(void) {
    int count = -1, value;
    struct termios tio;
    struct winsize ws;
    int fd, pipefd[2];

    CHECK(pipe(pipefd) == 0);
    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "hello", 5) == 5);

    test_fionread(pipefd[0], &count);
    CHECK(write(pipefd[1], "abc", 3) == 3);
    test_fionread(pipefd[0], &count);
    test_fionread(fd, &count);
    test_fionread(-1, &count);
    test_fionread(pipefd[0], NULL);
    test_fionread(pipefd[0], BAD_ADDR);

    value = 1;
    test_int_in(pipefd[0], FIONBIO, "FIONBIO", &value);
    value = 0;
    test_int_in(pipefd[0], FIONBIO, "FIONBIO", &value);
    value = 1;
    test_int_in(pipefd[0], FIOASYNC, "FIOASYNC", &value);
    test_int_in(pipefd[0], FIONBIO, "FIONBIO", NULL);
    test_no_arg(fd, FIOCLEX, "FIOCLEX");
    test_no_arg(fd, FIONCLEX, "FIONCLEX");
    test_no_arg(-1, FIOCLEX, "FIOCLEX");

    test_addr(pipefd[0], TCGETS, "TCGETS", &tio);
    test_addr(fd, TCGETS, "TCGETS", &tio);
    test_addr(fd, TCGETS, "TCGETS", NULL);
    test_addr(fd, TIOCGWINSZ, "TIOCGWINSZ", &ws);
    test_addr(fd, TIOCGPGRP, "TIOCGPGRP", &value);
    test_addr(-1, TCGETS, "TCGETS", &tio);

    test_unknown(fd, _IOC_NONE, 0xee, 0x1, 0, 0x5);
    test_unknown(fd, _IOC_READ, 0xee, 0x2, 4, 0x1234);
    test_unknown(fd, _IOC_WRITE, 0xee, 0x3, 16, 0xdeadbeef);
    test_unknown(fd, _IOC_READ | _IOC_WRITE, 0xee, 0xff, 0x100, 0x1);

    EXPECT_EXITED_0();
    return 0;
}

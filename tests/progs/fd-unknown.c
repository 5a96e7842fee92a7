/*
 * fd-unknown.c: the descriptor calls on descriptors the shim meets for
 * the first time when its tracer cannot learn about them (it is out of
 * descriptors itself, so its open of /proc/PID/fdinfo fails).  The
 * program's calls must get the host's answers: open, closed and unknown
 * are three cases, and unknown is the host's to answer.
 *
 *   fd-unknown READY
 *
 * The program writes its pid into the file READY, then waits for SIGUSR1
 * (tests/integration/fd-unknown.test limits the tracer meanwhile), then
 * calls on descriptor 5 (inherited: a file of "0123456789\n", read-only),
 * 6 (inherited: a file open for appending) and 9 (closed), none of which
 * it used before, and prints each call and its result: a number, or -1
 * and the errno's name.  Then it writes its pid into READY.done and waits
 * for SIGUSR1 again (the test gives the tracer its descriptors back, which
 * a sanitizer build's leak check needs at the tracer's exit).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "tests.h"

#define RO_FD 5
#define WR_FD 6
#define CLOSED_FD 9

#define S(...) syscall(__VA_ARGS__)

/* Print WHAT = R and the R bytes of BUF. */
static void got(const char* what, long r, const char* buf) {
    if (print_rc(what, r) > 0)
        printf("  \"%.*s\"\n", (int)r, buf);
}

/* The calls the shim checks a descriptor for, on FD. */
static void calls(int fd) {
    char buf[16];
    struct stat st;
    struct statfs sfs;
    struct iovec iov = {buf, 4};
    long r;

    printf("== fd %d\n", fd);
    print_rc("fcntl(F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    r = S(SYS_fcntl, fd, F_GETFL);
    print_rc("fcntl(F_GETFL) & O_ACCMODE", r < 0 ? r : r & O_ACCMODE);
    print_rc("fstat", S(SYS_fstat, fd, &st));
    if (fd != CLOSED_FD)
        printf("  st_size %lld\n", (long long)st.st_size);
    print_rc("lseek(0, SEEK_END)", S(SYS_lseek, fd, 0, SEEK_END));
    print_rc("lseek(2, SEEK_SET)", S(SYS_lseek, fd, 2, SEEK_SET));
    got("read(4)", S(SYS_read, fd, buf, 4), buf);
    got("pread64(3, 0)", S(SYS_pread64, fd, buf, 3, 0), buf);
    got("readv(4)", S(SYS_readv, fd, &iov, 1), buf);
    print_rc("write(\"ab\")", S(SYS_write, fd, "ab", 2));
    print_rc("pwrite64(\"cd\", 0)", S(SYS_pwrite64, fd, "cd", 2, 0));
    print_rc("ioctl(FIONREAD)", S(SYS_ioctl, fd, FIONREAD, &r));
    print_rc("getdents64", S(SYS_getdents64, fd, buf, sizeof(buf)));
    print_rc("fchdir", S(SYS_fchdir, fd));
    print_rc("fstatfs", S(SYS_fstatfs, fd, &sfs));
    print_rc("fadvise64", S(SYS_fadvise64, fd, 0, 0, POSIX_FADV_NORMAL));
    print_rc("fgetxattr(user.none)", S(SYS_fgetxattr, fd, "user.none", buf, sizeof(buf)));
    print_rc("dup2(fd, fd)", S(SYS_dup2, fd, fd));
    r = print_rc("dup", S(SYS_dup, fd));
    if (r >= 0) {
        print_rc("  fcntl(dup, F_GETFD)", S(SYS_fcntl, r, F_GETFD));
        print_rc("  close(dup)", S(SYS_close, r));
    }
    r = print_rc("fcntl(F_DUPFD_CLOEXEC, 20)", S(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 20));
    if (r >= 0) {
        print_rc("  fcntl(20, F_GETFD)", S(SYS_fcntl, r, F_GETFD));
        print_rc("  close(20)", S(SYS_close, r));
    }
    print_rc("dup3(fd, 21, O_CLOEXEC)", S(SYS_dup3, fd, 21, O_CLOEXEC));
    print_rc("  fcntl(21, F_GETFD)", S(SYS_fcntl, 21, F_GETFD));
    print_rc("  close(21)", S(SYS_close, 21));
    print_rc("ioctl(FIOCLEX)", S(SYS_ioctl, fd, FIOCLEX));
    print_rc("fcntl(F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    print_rc("fcntl(F_SETFD, 0)", S(SYS_fcntl, fd, F_SETFD, 0));
    print_rc("fcntl(F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    print_rc("copy_file_range(fd, 6, 3)", S(SYS_copy_file_range, fd, NULL, WR_FD, NULL, 3, 0));
    print_rc("close", S(SYS_close, fd));
    print_rc("close again", S(SYS_close, fd));
}

/* Write the pid into the file PATH, then wait for SIGUSR1 (blocked: it is
 * waited for, never delivered). */
static void ready(const char* path) {
    sigset_t usr1;
    char pid[32];
    int fd, sig;

    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    CHECK(sigprocmask(SIG_BLOCK, &usr1, NULL) == 0);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    CHECK(fd >= 0);
    snprintf(pid, sizeof(pid), "%d\n", (int)getpid());
    CHECK(write(fd, pid, strlen(pid)) == (ssize_t)strlen(pid));
    CHECK(close(fd) == 0);
    CHECK(sigwait(&usr1, &sig) == 0);
}

int main(int argc, char** argv) {
    char done[4096];

    CHECK(argc == 2);
    ready(argv[1]);
    calls(RO_FD);
    calls(CLOSED_FD);
    /* what copy_file_range wrote */
    print_rc("lseek(6, 0, SEEK_SET)", S(SYS_lseek, WR_FD, 0, SEEK_SET));
    calls(WR_FD);
    CHECK(fflush(stdout) == 0);
    snprintf(done, sizeof(done), "%s.done", argv[1]);
    ready(done);
    return 0;
}

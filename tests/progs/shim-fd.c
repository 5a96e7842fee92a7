/*
 * shim-fd.c: the descriptor calls the shim implements (open, openat,
 * creat, close, close_range, dup, dup2, dup3, fcntl, pipe, pipe2, read,
 * write, pread64, pwrite64, readv, writev, lseek, fstat, getdents64,
 * ioctl, getcwd, chdir, fchdir, select, pselect6, ppoll), their successes
 * and their errors, made with syscall() so that libc hides nothing.
 *
 *   shim-fd [SECTION...]   run the sections named, all when none:
 *     open   open, openat, creat, close, close_range: flags, paths
 *     dup    dup, dup2, dup3, fcntl; an open file description shared
 *            through dup, fork and SCM_RIGHTS, close-on-exec not shared
 *     pipe   pipe, pipe2 and what each end allows
 *     rw     read, write, pread64, pwrite64, readv, writev, lseek
 *     stat   fstat and getdents64
 *     ioctl  TCGETS, TIOCGWINSZ, FIONREAD, FIONBIO, FIOASYNC, FIOCLEX...
 *            on pipes, files, /dev/null and a pseudo-terminal
 *     cwd    getcwd, chdir, fchdir (removed, very deep, oddly named and
 *            chrooted directories)
 *     exec   close-on-exec across execve, after fork, posix_spawn and
 *            clone(CLONE_FILES) (the program re-executes itself)
 *     race   a descriptor closed and reopened by one thread while another
 *            duplicates it and changes its flags
 *     poll   select, pselect6, ppoll: time-outs, signal masks, counts,
 *            the sets and what is ready; the mask in effect while waiting
 *   shim-fd exec-report LABEL=FD...   (run by "exec") what survived
 *
 * Each line is a call and its result: a number, or -1 and the errno's
 * name.  Nothing that varies between runs is printed (no pids, inode
 * numbers or addresses); descriptor numbers are printed, as the kernel
 * gives the lowest free one.  The program works in its current directory
 * (tests/integration/shim-fd.test runs it in an empty one) and leaves
 * there only the files it wrote on purpose.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "tests.h"

#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
/* the kernel's __O_TMPFILE bit alone (glibc's O_TMPFILE adds O_DIRECTORY) */
#define KO_TMPFILE 020000000

extern char** environ;

/* Addresses the kernel refuses: the first page, kernel space, the
 * vsyscall page. */
#define BAD ((void*)1)
#define KADDR ((void*)0xffff880000000000UL)
#define VSYSCALL ((void*)0xffffffffff600000UL)
/* Descriptor numbers nobody has: beyond RLIMIT_NOFILE and fs.nr_open,
 * and with the sign bit (-1 as the kernel's unsigned int) */
#define HUGE_FD (1L << 30)
#define SIGNED_FD 0x80000000L
/* a descriptor number no section opens */
#define CLOSED_FD 90
/* where g_edge is */
#define EDGE_AREA 0x200000000UL

static long g_page;
static char* g_edge; /* the first byte of an unmapped page after a mapped one */
static char* g_ro;   /* a read-only page */
static char g_argv0[PATH_MAX];
static const char* g_home; /* the run directory, printed as "~" */

static const char* ename(int e) {
    const char* n = strerrorname_np(e);

    return n ? n : "unknown-errno";
}

/* Print WHAT = R (or -1 ERRNO); R unchanged, errno kept. */
static long R(const char* what, long r) {
    int e = errno;

    if (r < 0)
        printf("%s = -1 %s\n", what, ename(e));
    else
        printf("%s = %ld\n", what, r);
    errno = e;
    return r;
}

#define S(...) syscall(__VA_ARGS__)

static void section(const char* name) {
    printf("== %s\n", name);
}

/* F_GETFD and F_GETFL of FD on one line. */
static void fdstate(const char* what, int fd) {
    long fdfl = S(SYS_fcntl, fd, F_GETFD);
    int e = errno;
    long fl;

    if (fdfl < 0) {
        printf("%s (fd %d): -1 %s\n", what, fd, ename(e));
        return;
    }
    fl = S(SYS_fcntl, fd, F_GETFL);
    if (fl < 0)
        printf("%s (fd %d): cloexec=%ld flags=-1 %s\n", what, fd, fdfl, ename(errno));
    else
        printf("%s (fd %d): cloexec=%ld flags=0%lo\n", what, fd, fdfl, fl);
}

/* A file of the run directory with CONTENT. */
static void make_file(const char* name, const char* content) {
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    CHECK(fd >= 0);
    CHECK(write(fd, content, strlen(content)) == (ssize_t)strlen(content));
    CHECK(close(fd) == 0);
}

/* A path of LEN bytes of "./" ending in NAME (LEN counts NAME), in a
 * buffer of its own. */
static char* dots_path(size_t len, const char* name) {
    size_t nl = strlen(name);
    char* p = malloc(len + 1);

    CHECK(p && len >= nl && (len - nl) % 2 == 0);
    for (size_t i = 0; i + nl < len; i += 2)
        memcpy(p + i, "./", 2);
    memcpy(p + len - nl, name, nl + 1);
    return p;
}

/* A string of LEN 'a's. */
static char* long_name(size_t len) {
    char* p = malloc(len + 1);

    CHECK(p);
    memset(p, 'a', len);
    p[len] = '\0';
    return p;
}

/* A byte string as text: printable bytes as they are, others as \xNN. */
static void put_escaped(const char* buf, long n) {
    putchar('"');
    for (long i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];

        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            putchar(c);
        else
            printf("\\x%02x", c);
    }
    putchar('"');
}

static void show_bytes(const char* what, const char* buf, long n) {
    printf("%s: ", what);
    put_escaped(buf, n);
    putchar('\n');
}

static void print_stat(const char* what, int fd) {
    struct stat st;

    if (S(SYS_fstat, fd, &st) < 0) {
        printf("%s: fstat -1 %s\n", what, ename(errno));
        return;
    }
    printf("%s: mode=0%o size=%lld nlink=%lu\n", what, st.st_mode,
           S_ISREG(st.st_mode) ? (long long)st.st_size : -1LL, (unsigned long)st.st_nlink);
}

/* PATH with the run directory, wherever it appears, printed as "~" */
static void show_path(const char* path) {
    const char* at = strstr(path, g_home);

    if (at)
        printf("  \"%.*s~%s\"\n", (int)(at - path), path, at + strlen(g_home));
    else
        printf("  \"%s\"\n", path);
}

static void wait_child(pid_t pid) {
    int status;

    CHECK(waitpid(pid, &status, 0) == pid);
    if (WIFEXITED(status))
        printf("child: exit %d\n", WEXITSTATUS(status));
    else
        printf("child: signal %d\n", WTERMSIG(status));
}

static void list_open_fds(const char* what) {
    printf("%s:", what);
    for (int fd = 0; fd < 256; fd++)
        if (S(SYS_fcntl, fd, F_GETFD) >= 0)
            printf(" %d", fd);
    printf("\n");
}

/* ---- open, openat, creat, close, close_range ---------------------- */

static void sec_open(void) {
    char *p, *dots;
    char abs_f[PATH_MAX];
    long fd, fd2, fd3, dirfd, pathfd;

    section("open");
    fd = R("creat(\"f\", 0644)", S(SYS_creat, "f", 0644));
    R("write(creat's fd, 12)", S(SYS_write, fd, "hello world\n", 12));
    R("read(creat's fd)", S(SYS_read, fd, abs_f, 4));
    R("close(creat's fd)", S(SYS_close, fd));
    fd = R("open(\"f\", O_RDONLY)", S(SYS_open, "f", O_RDONLY));
    print_stat("  f", (int)fd);
    R("open(\"missing\", O_RDONLY)", S(SYS_open, "missing", O_RDONLY));
    R("open(\"\", O_RDONLY)", S(SYS_open, "", O_RDONLY));
    R("open((void*)1)", S(SYS_open, BAD, O_RDONLY));
    R("open(kernel address)", S(SYS_open, KADDR, O_RDONLY));
    R("open(vsyscall page)", S(SYS_open, VSYSCALL, O_RDONLY));
    R("open(NULL)", S(SYS_open, NULL, O_RDONLY));
    /* a path that runs into an unmapped page, and one whose NUL is the
     * last mapped byte */
    memcpy(g_edge - 3, "fff", 3);
    R("open(\"fff\" into an unmapped page)", S(SYS_open, g_edge - 3, O_RDONLY));
    memcpy(g_edge - 2, "f", 2);
    fd2 = R("open(\"f\" ending at an unmapped page)", S(SYS_open, g_edge - 2, O_RDONLY));
    R("close", S(SYS_close, fd2));
    /* 4096 bytes without a NUL, then the unmapped page: too long, not a
     * fault (the kernel reads PATH_MAX bytes, no more) */
    memset(g_edge - 4096, 'a', 4096);
    R("open(4096 bytes up to an unmapped page)", S(SYS_open, g_edge - 4096, O_RDONLY));
    dots = dots_path(4095, "f");
    memcpy(g_edge - 4096, dots, 4096);
    free(dots);
    fd2 = R("open(4095-byte path to f and NUL up to an unmapped page)",
            S(SYS_open, g_edge - 4096, O_RDONLY));
    R("close", S(SYS_close, fd2));
    p = long_name(5000);
    R("open(5000-byte path)", S(SYS_open, p, O_RDONLY));
    R("open(5000-byte path, O_CREAT)", S(SYS_open, p, O_CREAT | O_WRONLY, 0644));
    free(p);
    dots = dots_path(4095, "f");
    fd2 = R("open(4095-byte path to f)", S(SYS_open, dots, O_RDONLY));
    R("close", S(SYS_close, fd2));
    free(dots);
    dots = dots_path(4096, "ff");
    R("open(4096-byte path)", S(SYS_open, dots, O_RDONLY));
    free(dots);
    p = long_name(256);
    R("open(a 256-byte component)", S(SYS_open, p, O_RDONLY));
    free(p);

    /* O_TMPFILE: whole (with O_DIRECTORY), without O_CREAT, with write
     * access; the flags are checked before the path */
    R("open(\".\", O_TMPFILE|O_RDONLY)", S(SYS_open, ".", O_TMPFILE | O_RDONLY, 0600));
    R("open(\".\", __O_TMPFILE|O_RDWR) (no O_DIRECTORY)",
      S(SYS_open, ".", KO_TMPFILE | O_RDWR, 0600));
    R("open(\".\", O_TMPFILE|O_RDWR|O_CREAT)",
      S(SYS_open, ".", O_TMPFILE | O_RDWR | O_CREAT, 0600));
    R("open((void*)1, O_TMPFILE|O_RDONLY)", S(SYS_open, BAD, O_TMPFILE | O_RDONLY, 0600));
    R("open(\"\", __O_TMPFILE|O_WRONLY)", S(SYS_open, "", KO_TMPFILE | O_WRONLY, 0600));
    fd2 = R("open(\".\", O_TMPFILE|O_RDWR)", S(SYS_open, ".", O_TMPFILE | O_RDWR, 0600));
    if (fd2 >= 0) {
        print_stat("  tmpfile", (int)fd2);
        fdstate("  tmpfile", (int)fd2);
        R("close", S(SYS_close, fd2));
    }
    fd2 = R("open(\".\", O_TMPFILE|O_ACCMODE)", S(SYS_open, ".", O_TMPFILE | O_ACCMODE, 0600));
    if (fd2 >= 0)
        R("close", S(SYS_close, fd2));
    /* O_PATH keeps only O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC */
    fd2 = R("open(\".\", O_PATH|__O_TMPFILE|O_RDONLY)", S(SYS_open, ".", O_PATH | KO_TMPFILE));
    fdstate("  O_PATH", (int)fd2);
    R("close", S(SYS_close, fd2));
    fd2 = R("open(\"f\", O_PATH|O_CREAT|O_TRUNC|O_WRONLY)",
            S(SYS_open, "f", O_PATH | O_CREAT | O_TRUNC | O_WRONLY, 0600));
    print_stat("  f", (int)fd2);
    R("close", S(SYS_close, fd2));
    /* O_CREAT with O_DIRECTORY: refused with the flags (Linux 6.4 on) */
    R("open(\"newdir\", O_CREAT|O_DIRECTORY)",
      S(SYS_open, "newdir", O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    R("open((void*)1, O_CREAT|O_DIRECTORY)",
      S(SYS_open, BAD, O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    R("open(\"\", O_CREAT|O_DIRECTORY)", S(SYS_open, "", O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    fd2 = R("open(\".\", O_PATH|O_CREAT|O_DIRECTORY)",
            S(SYS_open, ".", O_PATH | O_CREAT | O_DIRECTORY, 0755));
    R("close", S(SYS_close, fd2));
    R("openat(-1, (void*)1, O_CREAT|O_DIRECTORY)",
      S(SYS_openat, -1, BAD, O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    R("open(\"f\", O_DIRECTORY)", S(SYS_open, "f", O_DIRECTORY | O_RDONLY));
    R("open(\"f\", O_CREAT|O_EXCL)", S(SYS_open, "f", O_CREAT | O_EXCL | O_RDWR, 0644));
    R("open(\".\", O_WRONLY)", S(SYS_open, ".", O_WRONLY));
    R("open(\"f/x\", O_RDONLY)", S(SYS_open, "f/x", O_RDONLY));
    /* unknown flag bits are ignored by open */
    fd2 = R("open(\"f\", O_RDONLY|0x40000000)", S(SYS_open, "f", O_RDONLY | 0x40000000));
    fdstate("  unknown bit", (int)fd2);
    R("close", S(SYS_close, fd2));
    fd2 = R("open(\"f\", O_RDWR|O_CLOEXEC|O_APPEND|O_NONBLOCK)",
            S(SYS_open, "f", O_RDWR | O_CLOEXEC | O_APPEND | O_NONBLOCK));
    fdstate("  flags", (int)fd2);
    R("close", S(SYS_close, fd2));
    fd2 = R("open(\"f\", O_WRONLY|O_SYNC|O_TRUNC)", S(SYS_open, "f", O_WRONLY | O_SYNC | O_TRUNC));
    fdstate("  O_SYNC", (int)fd2);
    R("write", S(SYS_write, fd2, "hello world\n", 12));
    R("close", S(SYS_close, fd2));

    /* O_ACCMODE (3): neither readable nor writable */
    fd2 = R("open(\"f\", O_ACCMODE)", S(SYS_open, "f", O_ACCMODE));
    fdstate("  O_ACCMODE", (int)fd2);
    R("read(O_ACCMODE fd)", S(SYS_read, fd2, abs_f, 1));
    R("read(O_ACCMODE fd, kernel address)", S(SYS_read, fd2, KADDR, 1));
    R("write(O_ACCMODE fd)", S(SYS_write, fd2, "x", 1));
    R("write(O_ACCMODE fd, kernel address)", S(SYS_write, fd2, KADDR, 1));
    R("readv(O_ACCMODE fd, (void*)1, 1)", S(SYS_readv, fd2, BAD, 1));
    R("close", S(SYS_close, fd2));

    /* openat: the directory descriptor matters only for relative paths */
    CHECK(getcwd(abs_f, sizeof(abs_f) - 2));
    strcat(abs_f, "/f");
    R("openat(-1, \"f\")", S(SYS_openat, -1, "f", O_RDONLY));
    fd2 = R("openat(-1, absolute f)", S(SYS_openat, -1, abs_f, O_RDONLY));
    R("close", S(SYS_close, fd2));
    R("openat(-1, \"\")", S(SYS_openat, -1, "", O_RDONLY));
    R("openat(-1, (void*)1)", S(SYS_openat, -1, BAD, O_RDONLY));
    R("openat(HUGE_FD, \"f\")", S(SYS_openat, HUGE_FD, "f", O_RDONLY));
    R("openat(f's fd, \"x\")", S(SYS_openat, fd, "x", O_RDONLY));
    CHECK(mkdir("d", 0755) == 0);
    make_file("d/inner", "inner\n");
    dirfd = R("openat(AT_FDCWD, \"d\", O_DIRECTORY)",
              S(SYS_openat, AT_FDCWD, "d", O_DIRECTORY | O_RDONLY));
    pathfd = R("openat(AT_FDCWD, \"d\", O_PATH)", S(SYS_openat, AT_FDCWD, "d", O_PATH));
    fd2 = R("openat(d's fd, \"inner\")", S(SYS_openat, dirfd, "inner", O_RDONLY));
    R("close", S(SYS_close, fd2));
    fd2 = R("openat(d's O_PATH fd, \"inner\")", S(SYS_openat, pathfd, "inner", O_RDONLY));
    R("close", S(SYS_close, fd2));
    fd2 = R("openat(d's fd, \"new\", O_CREAT)",
            S(SYS_openat, dirfd, "new", O_CREAT | O_WRONLY, 0600));
    print_stat("  d/new", (int)fd2);
    R("close", S(SYS_close, fd2));
    R("openat(d's fd, \"inner\", O_TMPFILE|O_RDONLY)",
      S(SYS_openat, dirfd, "inner", O_TMPFILE | O_RDONLY));

    /* creat */
    fd2 = R("creat(\"g\", 0600)", S(SYS_creat, "g", 0600));
    print_stat("  g", (int)fd2);
    fdstate("  g", (int)fd2);
    R("read(creat's fd)", S(SYS_read, fd2, abs_f, 1));
    R("close", S(SYS_close, fd2));
    R("creat((void*)1)", S(SYS_creat, BAD, 0600));
    R("creat(\"\")", S(SYS_creat, "", 0600));
    R("creat(\".\")", S(SYS_creat, ".", 0600));
    R("creat(\"nodir/x\")", S(SYS_creat, "nodir/x", 0600));
    R("creat(\"newfile/\")", S(SYS_creat, "newfile/", 0600));
    p = long_name(5000);
    R("creat(5000-byte path)", S(SYS_creat, p, 0600));
    free(p);

    /* the lowest free number */
    fd2 = R("open(\"f\")", S(SYS_open, "f", O_RDONLY));
    fd3 = R("open(\"f\")", S(SYS_open, "f", O_RDONLY));
    R("close(first)", S(SYS_close, fd2));
    fd2 = R("open(\"f\") again", S(SYS_open, "f", O_RDONLY));
    R("close", S(SYS_close, fd3));

    /* close */
    R("close(-1)", S(SYS_close, -1));
    R("close(HUGE_FD)", S(SYS_close, HUGE_FD));
    R("close(0x7fffffff)", S(SYS_close, 0x7fffffffL));
    R("close(0x80000000)", S(SYS_close, SIGNED_FD));
    R("close(a closed fd)", S(SYS_close, fd3));
    R("close(O_PATH fd)", S(SYS_close, pathfd));
    R("close(O_PATH fd) again", S(SYS_close, pathfd));
    /* the upper half of the register is not the kernel's: unsigned int */
    R("close(fd | 1 << 32)", S(SYS_close, fd2 | (1L << 32)));
    R("fcntl(F_GETFD) of it", S(SYS_fcntl, fd2, F_GETFD));
    R("close(dir fd)", S(SYS_close, dirfd));

    /* close_range */
    R("close_range(10, 5, 0)", S(SYS_close_range, 10, 5, 0));
    R("close_range(3, 10, 0x80)", S(SYS_close_range, 3, 10, 0x80));
    R("close_range(10, 5, 0x80)", S(SYS_close_range, 10, 5, 0x80));
    R("close_range(3, 10, CLOSE_RANGE_CLOEXEC|1)",
      S(SYS_close_range, 3, 10, CLOSE_RANGE_CLOEXEC | 1));
    fd2 = S(SYS_open, "f", O_RDONLY);
    fd3 = S(SYS_open, "f", O_RDONLY);
    dirfd = S(SYS_open, "f", O_RDONLY);
    printf("three fds: %ld %ld %ld\n", fd2, fd3, dirfd);
    R("close_range(second, third, CLOSE_RANGE_CLOEXEC)",
      S(SYS_close_range, fd3, dirfd, CLOSE_RANGE_CLOEXEC));
    fdstate("  first", (int)fd2);
    fdstate("  second", (int)fd3);
    fdstate("  third", (int)dirfd);
    R("close_range(first, second, 0)", S(SYS_close_range, fd2, fd3, 0));
    fdstate("  first", (int)fd2);
    fdstate("  second", (int)fd3);
    fdstate("  third", (int)dirfd);
    R("close_range(third, third, CLOSE_RANGE_UNSHARE)",
      S(SYS_close_range, dirfd, dirfd, CLOSE_RANGE_UNSHARE));
    fdstate("  third", (int)dirfd);
    R("close_range(5000, ~0U, 0)", S(SYS_close_range, 5000, ~0U, 0));
    R("close_range(~0U, ~0U, 0)", S(SYS_close_range, ~0U, ~0U, 0));
    /* fd 0 reopened on a file, then closed by a range */
    fd2 = S(SYS_dup, 0);
    R("close_range(fd, ~0U, 0) with only dup(0) above", S(SYS_close_range, fd2, ~0U, 0));
    fdstate("  dup(0)", (int)fd2);
    R("close(f's fd)", S(SYS_close, fd));
    CHECK(unlink("d/inner") == 0 && unlink("d/new") == 0 && rmdir("d") == 0 && unlink("g") == 0);
    list_open_fds("open fds");
}

/* ---- dup, dup2, dup3, fcntl --------------------------------------- */

static int send_fd(int sock, int fd) {
    char c = 'x';
    struct iovec iov = {&c, 1};
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int))];
    } u;
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    struct cmsghdr* cm = CMSG_FIRSTHDR(&msg);

    memset(u.buf, 0, sizeof(u.buf));
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &fd, sizeof(int));
    return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int recv_fd(int sock) {
    char c;
    struct iovec iov = {&c, 1};
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int))];
    } u;
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    struct cmsghdr* cm;
    int fd;

    if (recvmsg(sock, &msg, 0) != 1)
        return -1;
    cm = CMSG_FIRSTHDR(&msg);
    if (!cm || cm->cmsg_type != SCM_RIGHTS)
        return -1;
    memcpy(&fd, CMSG_DATA(cm), sizeof(int));
    return fd;
}

static void* thread_open(void* arg) {
    long* fds = arg;

    /* opens one descriptor and closes the other: the table is shared */
    fds[1] = S(SYS_open, "f", O_RDONLY | O_CLOEXEC);
    fds[2] = S(SYS_close, fds[0]);
    return NULL;
}

static void* thread_unshare(void* arg) {
    long* fds = arg;

    /* closes a descriptor in a table of its own (the main thread keeps
     * it), opens one there and changes close-on-exec of another */
    fds[1] = S(SYS_close_range, fds[0], fds[0], CLOSE_RANGE_UNSHARE);
    fds[2] = S(SYS_open, "f", O_RDONLY);
    S(SYS_fcntl, 3, F_SETFD, FD_CLOEXEC);
    return NULL;
}

/* In a child: RLIMIT_NOFILE bounds dup2, F_DUPFD and open */
static void rlimit_child(int fd) {
    struct rlimit rl = {50, 50};
    pid_t pid;
    int n = 0;
    long r;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0);
        R("rlimit 50: dup2(fd, 49)", S(SYS_dup2, fd, 49));
        R("rlimit 50: dup2(fd, 50)", S(SYS_dup2, fd, 50));
        R("rlimit 50: dup3(fd, 50, 0)", S(SYS_dup3, fd, 50, 0));
        R("rlimit 50: fcntl(fd, F_DUPFD, 49)", S(SYS_fcntl, fd, F_DUPFD, 49));
        R("rlimit 50: fcntl(fd, F_DUPFD, 50)", S(SYS_fcntl, fd, F_DUPFD, 50));
        while ((r = S(SYS_open, "f", O_RDONLY)) >= 0)
            n++;
        printf("rlimit 50: %d opens, then -1 %s\n", n, ename(errno));
        R("rlimit 50: dup(fd)", S(SYS_dup, fd));
        R("rlimit 50: pipe", S(SYS_pipe, (int[2]){0}));
        R("rlimit 50: close(49)", S(SYS_close, 49));
        R("rlimit 50: pipe with one free", S(SYS_pipe, (int[2]){0}));
        R("rlimit 50: dup(fd)", S(SYS_dup, fd));
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

static void sec_dup(void) {
    long fd, fd2, fd3, pathfd, closed;
    int p[2], sync[2], sv[2];
    char buf[16];
    pthread_t th;
    long tfds[3];
    pid_t pid;

    section("dup");
    make_file("f", "0123456789");
    fd = R("open(\"f\", O_RDWR)", S(SYS_open, "f", O_RDWR));
    pathfd = R("open(\"f\", O_PATH)", S(SYS_open, "f", O_PATH));
    closed = CLOSED_FD;
    R("close(CLOSED_FD)", S(SYS_close, closed));

    R("dup(-1)", S(SYS_dup, -1));
    R("dup(a closed fd)", S(SYS_dup, closed));
    R("dup(HUGE_FD)", S(SYS_dup, HUGE_FD));
    R("dup(0x80000000)", S(SYS_dup, SIGNED_FD));
    fd2 = R("dup(O_PATH fd)", S(SYS_dup, pathfd));
    fdstate("  dup of O_PATH", (int)fd2);
    R("close", S(SYS_close, fd2));
    R("fcntl(fd, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC));
    fd2 = R("dup(fd)", S(SYS_dup, fd));
    fdstate("  fd", (int)fd);
    fdstate("  its dup", (int)fd2);

    /* dup2 */
    R("dup2(fd, fd)", S(SYS_dup2, fd, fd));
    R("dup2(closed, closed)", S(SYS_dup2, closed, closed));
    R("dup2(O_PATH fd, O_PATH fd)", S(SYS_dup2, pathfd, pathfd));
    R("dup2(-1, 20)", S(SYS_dup2, -1, 20));
    R("dup2(-1, -1)", S(SYS_dup2, -1, -1));
    R("dup2(fd, HUGE_FD)", S(SYS_dup2, fd, HUGE_FD));
    R("dup2(fd, -1)", S(SYS_dup2, fd, -1));
    R("dup2(fd, 20)", S(SYS_dup2, fd, 20));
    fdstate("  20", 20);
    R("dup2(closed, 20)", S(SYS_dup2, closed, 20));
    fdstate("  20", 20);
    R("fcntl(20, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, 20, F_SETFD, FD_CLOEXEC));
    R("dup2(O_PATH fd, 20) over it", S(SYS_dup2, pathfd, 20));
    fdstate("  20", 20);
    R("dup2(fd | 1 << 32, 21)", S(SYS_dup2, fd | (1L << 32), 21));
    fdstate("  21", 21);

    /* dup3 */
    R("dup3(fd, fd, 0)", S(SYS_dup3, fd, fd, 0));
    R("dup3(fd, fd, O_CLOEXEC)", S(SYS_dup3, fd, fd, O_CLOEXEC));
    R("dup3(fd, 22, O_NONBLOCK)", S(SYS_dup3, fd, 22, O_NONBLOCK));
    R("dup3(-1, 22, 0x12345)", S(SYS_dup3, -1, 22, 0x12345));
    R("dup3(-1, -1, 0)", S(SYS_dup3, -1, -1, 0));
    R("dup3(closed, closed, 0)", S(SYS_dup3, closed, closed, 0));
    R("dup3(closed, 22, 0)", S(SYS_dup3, closed, 22, 0));
    R("dup3(fd, HUGE_FD, 0)", S(SYS_dup3, fd, HUGE_FD, 0));
    R("dup3(fd, 22, O_CLOEXEC)", S(SYS_dup3, fd, 22, O_CLOEXEC));
    fdstate("  22", 22);
    R("dup3(fd, 22, 0)", S(SYS_dup3, fd, 22, 0));
    fdstate("  22", 22);
    R("dup3(O_PATH fd, 23, O_CLOEXEC)", S(SYS_dup3, pathfd, 23, O_CLOEXEC));
    fdstate("  23", 23);
    R("close_range(20, 23, 0)", S(SYS_close_range, 20, 23, 0));

    /* fcntl */
    R("fcntl(-1, F_GETFD)", S(SYS_fcntl, -1, F_GETFD));
    R("fcntl(closed, F_GETFD)", S(SYS_fcntl, closed, F_GETFD));
    R("fcntl(HUGE_FD, F_GETFD)", S(SYS_fcntl, HUGE_FD, F_GETFD));
    R("fcntl(0x80000000, F_GETFL)", S(SYS_fcntl, SIGNED_FD, F_GETFL));
    R("fcntl(closed, F_GETFL)", S(SYS_fcntl, closed, F_GETFL));
    R("fcntl(closed, F_SETFD)", S(SYS_fcntl, closed, F_SETFD, 0));
    R("fcntl(closed, F_SETFL)", S(SYS_fcntl, closed, F_SETFL, 0));
    R("fcntl(closed, F_DUPFD)", S(SYS_fcntl, closed, F_DUPFD, 0));
    R("fcntl(fd, F_SETFD, 0)", S(SYS_fcntl, fd, F_SETFD, 0));
    R("fcntl(fd, F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    R("fcntl(fd, F_SETFD, 0xff)", S(SYS_fcntl, fd, F_SETFD, 0xff));
    R("fcntl(fd, F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    R("fcntl(fd, F_SETFD, 2)", S(SYS_fcntl, fd, F_SETFD, 2));
    R("fcntl(fd, F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    fdstate("  fd", (int)fd);
    R("fcntl(fd, F_SETFL, O_APPEND|O_NONBLOCK)", S(SYS_fcntl, fd, F_SETFL, O_APPEND | O_NONBLOCK));
    fdstate("  fd", (int)fd);
    fdstate("  its dup", (int)fd2);
    /* the access mode and creation flags are not F_SETFL's */
    R("fcntl(fd, F_SETFL, O_WRONLY|O_CREAT|O_TRUNC)",
      S(SYS_fcntl, fd, F_SETFL, O_WRONLY | O_CREAT | O_TRUNC));
    fdstate("  fd", (int)fd);
    fdstate("  its dup", (int)fd2);
    R("fcntl(fd, F_DUPFD, 30)", S(SYS_fcntl, fd, F_DUPFD, 30));
    fdstate("  30", 30);
    R("fcntl(fd, F_DUPFD, 30) again", S(SYS_fcntl, fd, F_DUPFD, 30));
    fdstate("  31", 31);
    R("fcntl(fd, F_DUPFD_CLOEXEC, 40)", S(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 40));
    fdstate("  40", 40);
    R("fcntl(fd, F_DUPFD, HUGE_FD)", S(SYS_fcntl, fd, F_DUPFD, HUGE_FD));
    R("fcntl(fd, F_DUPFD, -1)", S(SYS_fcntl, fd, F_DUPFD, -1L));
    R("fcntl(-1, F_DUPFD, HUGE_FD)", S(SYS_fcntl, -1, F_DUPFD, HUGE_FD));
    R("fcntl(fd, 9999)", S(SYS_fcntl, fd, 9999));
    R("fcntl(-1, 9999)", S(SYS_fcntl, -1, 9999));
    R("fcntl(fd | 1 << 32, F_GETFD)", S(SYS_fcntl, fd | (1L << 32), F_GETFD));
    R("fcntl(fd, F_GETFD | 1 << 32)", S(SYS_fcntl, fd, F_GETFD | (1L << 32)));
    R("close_range(30, 40, 0)", S(SYS_close_range, 30, 40, 0));
    /* an O_PATH descriptor: F_GETFD, F_SETFD, F_GETFL, F_DUPFD only */
    fdstate("  O_PATH", (int)pathfd);
    R("fcntl(O_PATH fd, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, pathfd, F_SETFD, FD_CLOEXEC));
    R("fcntl(O_PATH fd, F_SETFL, O_NONBLOCK)", S(SYS_fcntl, pathfd, F_SETFL, O_NONBLOCK));
    fdstate("  O_PATH", (int)pathfd);
    fd3 = R("fcntl(O_PATH fd, F_DUPFD_CLOEXEC, 0)", S(SYS_fcntl, pathfd, F_DUPFD_CLOEXEC, 0));
    fdstate("  its dup", (int)fd3);
    R("close", S(SYS_close, fd3));
    {
        struct flock fl = {.l_type = F_RDLCK};

        R("fcntl(O_PATH fd, F_GETLK)", S(SYS_fcntl, pathfd, F_GETLK, &fl));
        R("fcntl(fd, F_GETLK, (void*)1)", S(SYS_fcntl, fd, F_GETLK, BAD));
    }

    /* one open file description through a dup: the offset and the status
     * flags are shared, close-on-exec is not */
    R("fcntl(fd, F_SETFL, 0)", S(SYS_fcntl, fd, F_SETFL, 0));
    R("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    R("read(fd, 4)", S(SYS_read, fd, buf, 4));
    R("lseek(dup, 0, SEEK_CUR)", S(SYS_lseek, fd2, 0, SEEK_CUR));
    R("read(dup, 2)", S(SYS_read, fd2, buf + 4, 2));
    show_bytes("  read", buf, 6);
    R("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    R("fcntl(dup, F_SETFL, O_APPEND)", S(SYS_fcntl, fd2, F_SETFL, O_APPEND));
    R("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    R("write(fd, \"A\")", S(SYS_write, fd, "A", 1));
    R("lseek(dup, 0, SEEK_CUR)", S(SYS_lseek, fd2, 0, SEEK_CUR));
    fdstate("  fd", (int)fd);
    R("fcntl(dup, F_SETFL, 0)", S(SYS_fcntl, fd2, F_SETFL, 0));
    R("fcntl(fd, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC));
    fdstate("  fd", (int)fd);
    fdstate("  dup", (int)fd2);
    CHECK(pipe(p) == 0);
    fd3 = R("dup(pipe's read end)", S(SYS_dup, p[0]));
    R("fcntl(pipe's read end, F_SETFL, O_NONBLOCK)", S(SYS_fcntl, p[0], F_SETFL, O_NONBLOCK));
    R("read(the dup, empty pipe)", S(SYS_read, fd3, buf, 1));
    fdstate("  the dup", (int)fd3);
    R("ioctl(the dup, FIONBIO, 0)", S(SYS_ioctl, fd3, FIONBIO, &(int){0}));
    fdstate("  pipe's read end", p[0]);
    R("close", S(SYS_close, fd3));

    /* after fork: the child's changes of the description are seen by
     * the parent, its changes of close-on-exec are not */
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        fdstate("child: fd", (int)fd);
        fdstate("child: dup", (int)fd2);
        R("child: fcntl(fd, F_SETFD, 0)", S(SYS_fcntl, fd, F_SETFD, 0));
        R("child: fcntl(dup, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, fd2, F_SETFD, FD_CLOEXEC));
        R("child: lseek(fd, 3, SEEK_SET)", S(SYS_lseek, fd, 3, SEEK_SET));
        R("child: fcntl(fd, F_SETFL, O_APPEND|O_NONBLOCK)",
          S(SYS_fcntl, fd, F_SETFL, O_APPEND | O_NONBLOCK));
        R("child: fcntl(pipe, F_SETFL, 0)", S(SYS_fcntl, p[0], F_SETFL, 0));
        R("child: close(dup)", S(SYS_close, fd2));
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
    fdstate("parent: fd", (int)fd);
    fdstate("parent: dup", (int)fd2);
    fdstate("parent: pipe", p[0]);
    R("parent: lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    R("parent: lseek(dup, 0, SEEK_CUR)", S(SYS_lseek, fd2, 0, SEEK_CUR));

    /* a descriptor the parent first uses after the fork (made by a call
     * the shim does not implement): the child's F_SETFL is seen all the
     * same */
    CHECK(pipe(sync) == 0);
    fd3 = syscall(SYS_eventfd2, 0, 0);
    CHECK(fd3 >= 0);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(read(sync[0], buf, 1) == 1);
        R("child: fcntl(eventfd, F_SETFL, O_NONBLOCK)", S(SYS_fcntl, fd3, F_SETFL, O_NONBLOCK));
        fflush(stdout);
        _exit(0);
    }
    fdstate("parent: eventfd", (int)fd3);
    CHECK(write(sync[1], "g", 1) == 1);
    wait_child(pid);
    fdstate("parent: eventfd", (int)fd3);
    R("parent: read(eventfd)", S(SYS_read, fd3, buf, 8));
    R("close", S(SYS_close, fd3));
    CHECK(close(sync[0]) == 0 && close(sync[1]) == 0);

    /* a description received through SCM_RIGHTS is the sender's */
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    CHECK(send_fd(sv[0], p[0]) == 0);
    fd3 = recv_fd(sv[1]);
    CHECK(fd3 >= 0);
    printf("received fd %ld\n", fd3);
    fdstate("  received", (int)fd3);
    fdstate("  pipe's read end", p[0]);
    R("fcntl(pipe's read end, F_SETFL, O_NONBLOCK)", S(SYS_fcntl, p[0], F_SETFL, O_NONBLOCK));
    fdstate("  received", (int)fd3);
    R("fcntl(received, F_SETFL, 0)", S(SYS_fcntl, fd3, F_SETFL, 0));
    fdstate("  pipe's read end", p[0]);
    R("fcntl(received, F_SETFL, O_NONBLOCK)", S(SYS_fcntl, fd3, F_SETFL, O_NONBLOCK));
    R("read(pipe's read end, empty pipe)", S(SYS_read, p[0], buf, 1));
    R("close(received)", S(SYS_close, fd3));
    CHECK(close(sv[0]) == 0 && close(sv[1]) == 0);

    /* threads share the table */
    tfds[0] = S(SYS_dup, fd);
    CHECK(tfds[0] >= 0);
    CHECK(pthread_create(&th, NULL, thread_open, tfds) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    R("thread: open(\"f\", O_CLOEXEC)", tfds[1]);
    R("thread: close(main's dup)", tfds[2]);
    fdstate("  thread's fd", (int)tfds[1]);
    fdstate("  main's dup", (int)tfds[0]);
    R("close(thread's fd)", S(SYS_close, tfds[1]));
    /* a thread that unshares its table with close_range */
    tfds[0] = S(SYS_dup, fd);
    CHECK(tfds[0] >= 0);
    CHECK(pthread_create(&th, NULL, thread_unshare, tfds) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    R("thread: close_range(dup, dup, CLOSE_RANGE_UNSHARE)", tfds[1]);
    R("thread: open(\"f\") in its own table", tfds[2]);
    fdstate("  main's dup", (int)tfds[0]);
    fdstate("  main's fd", (int)fd);
    fdstate("  thread's fd", (int)tfds[2]);
    R("close(main's dup)", S(SYS_close, tfds[0]));

    rlimit_child((int)fd);

    CHECK(close(p[0]) == 0 && close(p[1]) == 0);
    R("close(fd)", S(SYS_close, fd));
    R("close(dup)", S(SYS_close, fd2));
    R("close(O_PATH fd)", S(SYS_close, pathfd));
    list_open_fds("open fds");
}

/* ---- pipe, pipe2 -------------------------------------------------- */

static void sec_pipe(void) {
    int p[2] = {-1, -1}, q[2] = {-1, -1};
    char buf[64];
    int n;
    long fd;

    section("pipe");
    R("pipe(p)", S(SYS_pipe, p));
    printf("  fds %d %d\n", p[0], p[1]);
    fdstate("  read end", p[0]);
    fdstate("  write end", p[1]);
    print_stat("  read end", p[0]);
    R("pipe((void*)1)", S(SYS_pipe, BAD));
    R("pipe(kernel address)", S(SYS_pipe, KADDR));
    R("pipe(read-only page)", S(SYS_pipe, g_ro));
    R("pipe(half in an unmapped page)", S(SYS_pipe, g_edge - 4));
    R("pipe2((void*)1, 0)", S(SYS_pipe2, BAD, 0));
    R("pipe2(p, O_RDWR)", S(SYS_pipe2, q, O_RDWR));
    R("pipe2(p, O_APPEND)", S(SYS_pipe2, q, O_APPEND));
    R("pipe2(p, 0x80000000)", S(SYS_pipe2, q, 0x80000000L));
    R("pipe2((void*)1, O_RDWR)", S(SYS_pipe2, BAD, O_RDWR));
    R("pipe2(read-only page, O_CLOEXEC)", S(SYS_pipe2, g_ro, O_CLOEXEC));
    /* nothing was left open by the failures */
    fd = S(SYS_dup, 0);
    printf("next fd: %ld\n", fd);
    S(SYS_close, fd);
    R("pipe2(q, O_CLOEXEC|O_NONBLOCK)", S(SYS_pipe2, q, O_CLOEXEC | O_NONBLOCK));
    fdstate("  read end", q[0]);
    fdstate("  write end", q[1]);
    R("read(empty O_NONBLOCK pipe)", S(SYS_read, q[0], buf, 1));
    S(SYS_close, q[0]);
    S(SYS_close, q[1]);
    R("pipe2(q, O_DIRECT)", S(SYS_pipe2, q, O_DIRECT));
    fdstate("  read end", q[0]);
    R("write(packet, 3)", S(SYS_write, q[1], "abc", 3));
    R("write(packet, 2)", S(SYS_write, q[1], "de", 2));
    R("read(packet pipe, 64)", S(SYS_read, q[0], buf, 64));
    S(SYS_close, q[0]);
    S(SYS_close, q[1]);
    /* O_NOTIFICATION_PIPE (O_EXCL): ENOPKG without CONFIG_WATCH_QUEUE */
    if (R("pipe2(q, O_NOTIFICATION_PIPE)", S(SYS_pipe2, q, O_EXCL)) == 0) {
        fdstate("  read end", q[0]);
        S(SYS_close, q[0]);
        S(SYS_close, q[1]);
    }

    /* the ends */
    R("write(read end)", S(SYS_write, p[0], "x", 1));
    R("read(write end)", S(SYS_read, p[1], buf, 1));
    R("read(write end, kernel address)", S(SYS_read, p[1], KADDR, 1));
    R("readv(write end, (void*)1, 1)", S(SYS_readv, p[1], BAD, 1));
    R("writev(read end, (void*)1, 1)", S(SYS_writev, p[0], BAD, 1));
    R("write(write end, \"hello\")", S(SYS_write, p[1], "hello", 5));
    n = -1;
    R("ioctl(read end, FIONREAD)", S(SYS_ioctl, p[0], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    R("ioctl(write end, FIONREAD)", S(SYS_ioctl, p[1], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    R("pread64(read end)", S(SYS_pread64, p[0], buf, 1, 0));
    R("pread64(read end, offset -1)", S(SYS_pread64, p[0], buf, 1, -1L));
    R("pread64(write end)", S(SYS_pread64, p[1], buf, 1, 0));
    R("pwrite64(write end)", S(SYS_pwrite64, p[1], "x", 1, 0));
    R("pwrite64(read end)", S(SYS_pwrite64, p[0], "x", 1, 0));
    R("lseek(read end, 0, SEEK_CUR)", S(SYS_lseek, p[0], 0, SEEK_CUR));
    R("lseek(read end, 0, 5)", S(SYS_lseek, p[0], 0, 5));
    R("read(read end, 2)", S(SYS_read, p[0], buf, 2));
    R("ioctl(read end, FIONREAD)", S(SYS_ioctl, p[0], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    R("read(read end, (void*)1, 2)", S(SYS_read, p[0], BAD, 2));
    R("read(read end, 64)", S(SYS_read, p[0], buf, 64));
    show_bytes("  read", buf, 3);
    /* EOF once the only write end is closed */
    R("close(write end)", S(SYS_close, p[1]));
    R("read(read end) at EOF", S(SYS_read, p[0], buf, 64));
    /* no reader: EPIPE (SIGPIPE ignored) */
    signal(SIGPIPE, SIG_IGN);
    CHECK(pipe(q) == 0);
    R("close(read end)", S(SYS_close, q[0]));
    R("write(write end, no reader)", S(SYS_write, q[1], "x", 1));
    R("close(write end)", S(SYS_close, q[1]));
    signal(SIGPIPE, SIG_DFL);
    R("close(read end)", S(SYS_close, p[0]));
    list_open_fds("open fds");
}

/* ---- read, write, pread64, pwrite64, readv, writev, lseek ------------ */

static void sec_rw(void) {
    char buf[64], b1[4], b2[8], lt[] = "<", mid[] = "mid", gt[] = ">";
    struct iovec iov[3], *many;
    long fd, ro, wo, pathfd, dirfd, ep, closed, n;
    int p[2];

    section("rw");
    fd = R("open(\"data\", O_RDWR|O_CREAT|O_TRUNC)",
           S(SYS_open, "data", O_RDWR | O_CREAT | O_TRUNC, 0644));
    R("write(16)", S(SYS_write, fd, "0123456789abcdef", 16));
    ro = R("open(\"data\", O_RDONLY)", S(SYS_open, "data", O_RDONLY));
    wo = R("open(\"data\", O_WRONLY)", S(SYS_open, "data", O_WRONLY));
    pathfd = R("open(\"data\", O_PATH)", S(SYS_open, "data", O_PATH));
    dirfd = R("open(\".\", O_DIRECTORY)", S(SYS_open, ".", O_DIRECTORY | O_RDONLY));
    closed = CLOSED_FD;

    /* bad descriptors, in every call */
    R("read(-1)", S(SYS_read, -1, buf, 1));
    R("read(closed)", S(SYS_read, closed, buf, 1));
    R("read(HUGE_FD)", S(SYS_read, HUGE_FD, buf, 1));
    R("read(0x80000000)", S(SYS_read, SIGNED_FD, buf, 1));
    R("read(O_PATH fd)", S(SYS_read, pathfd, buf, 1));
    R("read(-1, (void*)1)", S(SYS_read, -1, BAD, 1));
    R("write(-1)", S(SYS_write, -1, "x", 1));
    R("write(closed)", S(SYS_write, closed, "x", 1));
    R("write(HUGE_FD)", S(SYS_write, HUGE_FD, "x", 1));
    R("write(O_PATH fd)", S(SYS_write, pathfd, "x", 1));
    R("write(O_PATH fd, kernel address)", S(SYS_write, pathfd, KADDR, 1));

    /* read */
    R("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    n = R("read(fd, 4)", S(SYS_read, fd, buf, 4));
    show_bytes("  read", buf, n);
    n = R("read(fd | 1 << 32, 2)", S(SYS_read, fd | (1L << 32), buf, 2));
    show_bytes("  read", buf, n);
    R("read(fd, (void*)1, 4)", S(SYS_read, fd, BAD, 4));
    R("read(fd, kernel address, 4)", S(SYS_read, fd, KADDR, 4));
    R("read(fd, read-only page, 4)", S(SYS_read, fd, g_ro, 4));
    R("read(fd, (void*)1, 0)", S(SYS_read, fd, BAD, 0));
    R("read(fd, kernel address, 0)", S(SYS_read, fd, KADDR, 0));
    R("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    memset(g_edge - 4, '.', 4);
    n = R("read(fd, 4 bytes before an unmapped page, 10)", S(SYS_read, fd, g_edge - 4, 10));
    show_bytes("  there", g_edge - 4, 4);
    R("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    /* a count past the end of the address space, and a huge one that
     * the kernel clamps */
    R("read(fd, buf, -1)", S(SYS_read, fd, buf, (size_t)-1));
    R("read(fd, buf, 1 << 47)", S(SYS_read, fd, buf, 1UL << 47));
    R("lseek(fd, 10, SEEK_SET)", S(SYS_lseek, fd, 10, SEEK_SET));
    n = R("read(fd, buf, 64) near EOF", S(SYS_read, fd, buf, 64));
    show_bytes("  read", buf, n);
    R("read(fd, buf, 64) at EOF", S(SYS_read, fd, buf, 64));
    R("read(fd, kernel address, 64) at EOF", S(SYS_read, fd, KADDR, 64));
    R("read(O_WRONLY fd)", S(SYS_read, wo, buf, 1));
    R("read(O_WRONLY fd, kernel address)", S(SYS_read, wo, KADDR, 1));
    R("read(directory)", S(SYS_read, dirfd, buf, 1));
    R("read(directory, kernel address)", S(SYS_read, dirfd, KADDR, 1));
    /* an epoll descriptor is open for reading but cannot be read */
    ep = epoll_create1(0);
    CHECK(ep >= 0);
    R("read(epoll fd)", S(SYS_read, ep, buf, 8));
    R("read(epoll fd, kernel address)", S(SYS_read, ep, KADDR, 8));
    R("write(epoll fd, kernel address)", S(SYS_write, ep, KADDR, 8));
    R("readv(epoll fd, 1025 vectors)", S(SYS_readv, ep, BAD, 1025));

    /* write */
    R("lseek(fd, 16, SEEK_SET)", S(SYS_lseek, fd, 16, SEEK_SET));
    R("write(fd, (void*)1, 4)", S(SYS_write, fd, BAD, 4));
    R("write(fd, kernel address, 4)", S(SYS_write, fd, KADDR, 4));
    R("write(fd, (void*)1, 0)", S(SYS_write, fd, BAD, 0));
    memcpy(g_edge - 4, "WXYZ", 4);
    R("write(fd, 4 bytes before an unmapped page, 10)", S(SYS_write, fd, g_edge - 4, 10));
    R("write(O_RDONLY fd)", S(SYS_write, ro, "x", 1));
    R("write(O_RDONLY fd, kernel address)", S(SYS_write, ro, KADDR, 1));
    R("write(directory)", S(SYS_write, dirfd, "x", 1));
    R("write(fd | 1 << 32, \"!\")", S(SYS_write, fd | (1L << 32), "!", 1));
    print_stat("  data", (int)fd);

    /* pread64, pwrite64 */
    n = R("pread64(fd, 4, 10)", S(SYS_pread64, fd, buf, 4, 10));
    show_bytes("  read", buf, n);
    R("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    R("pread64(-1, offset -1)", S(SYS_pread64, -1, buf, 4, -1L));
    R("pread64(O_PATH fd, offset -1)", S(SYS_pread64, pathfd, buf, 4, -1L));
    R("pread64(fd, offset -1)", S(SYS_pread64, fd, buf, 4, -1L));
    R("pread64(-1)", S(SYS_pread64, -1, buf, 4, 0));
    R("pread64(closed)", S(SYS_pread64, closed, buf, 4, 0));
    R("pread64(HUGE_FD)", S(SYS_pread64, HUGE_FD, buf, 4, 0));
    R("pread64(O_PATH fd)", S(SYS_pread64, pathfd, buf, 4, 0));
    R("pread64(O_WRONLY fd)", S(SYS_pread64, wo, buf, 4, 0));
    R("pread64(O_WRONLY fd, kernel address)", S(SYS_pread64, wo, KADDR, 4, 0));
    R("pread64(fd, (void*)1)", S(SYS_pread64, fd, BAD, 4, 0));
    R("pread64(fd, kernel address)", S(SYS_pread64, fd, KADDR, 4, 0));
    R("pread64(fd, 4, 1000) beyond EOF", S(SYS_pread64, fd, buf, 4, 1000));
    R("pread64(fd, 4, 1 << 62)", S(SYS_pread64, fd, buf, 4, 1L << 62));
    R("pread64(directory)", S(SYS_pread64, dirfd, buf, 4, 0));
    R("pread64(epoll fd)", S(SYS_pread64, ep, buf, 4, 0));
    R("pwrite64(fd, \"XY\", 2, 30)", S(SYS_pwrite64, fd, "XY", 2, 30));
    print_stat("  data", (int)fd);
    R("pwrite64(O_RDONLY fd)", S(SYS_pwrite64, ro, "x", 1, 0));
    R("pwrite64(-1, offset -5)", S(SYS_pwrite64, -1, "x", 1, -5L));
    R("pwrite64(fd, offset -5)", S(SYS_pwrite64, fd, "x", 1, -5L));
    R("pwrite64(-1)", S(SYS_pwrite64, -1, "x", 1, 0));
    R("pwrite64(O_PATH fd)", S(SYS_pwrite64, pathfd, "x", 1, 0));
    R("pwrite64(fd, (void*)1)", S(SYS_pwrite64, fd, BAD, 1, 0));
    R("pwrite64(fd, \"\", 0, 1 << 62)", S(SYS_pwrite64, fd, "", 0, 1L << 62));
    R("pwrite64(fd, \"x\", 1, 1 << 62)", S(SYS_pwrite64, fd, "x", 1, 1L << 62));
    n = S(SYS_open, "data", O_WRONLY | O_APPEND);
    R("pwrite64(O_APPEND fd, \"Q\", 1, 0)", S(SYS_pwrite64, n, "Q", 1, 0));
    S(SYS_close, n);
    print_stat("  data", (int)fd);

    /* readv, writev */
    iov[0] = (struct iovec){lt, 1};
    iov[1] = (struct iovec){mid, 3};
    iov[2] = (struct iovec){gt, 1};
    R("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    R("writev(fd, 3 vectors)", S(SYS_writev, fd, iov, 3));
    R("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    iov[0] = (struct iovec){b1, sizeof(b1)};
    iov[1] = (struct iovec){b2, sizeof(b2)};
    n = R("readv(fd, 4 + 8)", S(SYS_readv, fd, iov, 2));
    show_bytes("  first", b1, 4);
    show_bytes("  second", b2, 8);
    many = calloc(1025, sizeof(*many));
    CHECK(many);
    for (int i = 0; i < 1025; i++)
        many[i] = (struct iovec){buf + i % 16, 1};
    R("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    R("readv(fd, 1025 vectors)", S(SYS_readv, fd, many, 1025));
    R("readv(fd, 1024 vectors)", S(SYS_readv, fd, many, 1024));
    R("writev(fd, 1025 vectors)", S(SYS_writev, fd, many, 1025));
    R("readv(fd, 1 << 32 | 1 vectors)", S(SYS_readv, fd, many, (1UL << 32) | 1));
    R("readv(-1, 1025 vectors)", S(SYS_readv, -1, many, 1025));
    R("readv(O_WRONLY fd, 1025 vectors)", S(SYS_readv, wo, many, 1025));
    R("writev(O_RDONLY fd, 1025 vectors)", S(SYS_writev, ro, many, 1025));
    R("readv(O_PATH fd, 1 vector)", S(SYS_readv, pathfd, many, 1));
    R("writev(O_PATH fd, 1 vector)", S(SYS_writev, pathfd, many, 1));
    R("readv(closed, 1 vector)", S(SYS_readv, closed, many, 1));
    R("writev(HUGE_FD, 1 vector)", S(SYS_writev, HUGE_FD, many, 1));
    R("readv(fd, (void*)1, 1)", S(SYS_readv, fd, BAD, 1));
    R("readv(fd, kernel address, 1)", S(SYS_readv, fd, KADDR, 1));
    R("readv(fd, (void*)1, 0)", S(SYS_readv, fd, BAD, 0));
    R("readv(fd, (void*)1, 1025)", S(SYS_readv, fd, BAD, 1025));
    iov[0] = (struct iovec){BAD, 4};
    R("readv(fd, {(void*)1, 4})", S(SYS_readv, fd, iov, 1));
    iov[0] = (struct iovec){buf, (size_t)-1};
    R("readv(fd, {buf, -1})", S(SYS_readv, fd, iov, 1));
    iov[0] = (struct iovec){buf, 4};
    R("readv(fd | 1 << 32, 1 vector)", S(SYS_readv, fd | (1L << 32), iov, 1));
    R("writev(fd, {KADDR, 4})", S(SYS_writev, fd, &(struct iovec){KADDR, 4}, 1));
    free(many);

    /* lseek */
    R("lseek(fd, 0, SEEK_END)", S(SYS_lseek, fd, 0, SEEK_END));
    R("lseek(fd, -1, SEEK_SET)", S(SYS_lseek, fd, -1L, SEEK_SET));
    R("lseek(fd, 5, SEEK_SET)", S(SYS_lseek, fd, 5, SEEK_SET));
    R("lseek(fd, 2, SEEK_CUR)", S(SYS_lseek, fd, 2, SEEK_CUR));
    R("lseek(fd, -100, SEEK_CUR)", S(SYS_lseek, fd, -100L, SEEK_CUR));
    R("lseek(fd, 0, 5)", S(SYS_lseek, fd, 0, 5));
    R("lseek(fd, 0, 0xffffffff)", S(SYS_lseek, fd, 0, 0xffffffffL));
    R("lseek(fd, 0, SEEK_END | 1 << 32)", S(SYS_lseek, fd, 0, SEEK_END | (1L << 32)));
    R("lseek(fd, 0, SEEK_DATA)", S(SYS_lseek, fd, 0, SEEK_DATA));
    R("lseek(fd, 1000, SEEK_DATA)", S(SYS_lseek, fd, 1000, SEEK_DATA));
    R("lseek(fd, 1000, SEEK_HOLE)", S(SYS_lseek, fd, 1000, SEEK_HOLE));
    R("lseek(fd, 1L << 62, SEEK_SET)", S(SYS_lseek, fd, 1L << 62, SEEK_SET));
    R("lseek(-1, 0, 5)", S(SYS_lseek, -1, 0, 5));
    R("lseek(closed, 0, SEEK_SET)", S(SYS_lseek, closed, 0, SEEK_SET));
    R("lseek(HUGE_FD, 0, SEEK_SET)", S(SYS_lseek, HUGE_FD, 0, SEEK_SET));
    R("lseek(O_PATH fd, 0, SEEK_SET)", S(SYS_lseek, pathfd, 0, SEEK_SET));
    R("lseek(O_PATH fd, 0, 5)", S(SYS_lseek, pathfd, 0, 5));
    R("lseek(O_WRONLY fd, 3, SEEK_SET)", S(SYS_lseek, wo, 3, SEEK_SET));
    R("lseek(directory, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    R("lseek(epoll fd, 0, SEEK_SET)", S(SYS_lseek, ep, 0, SEEK_SET));
    CHECK(pipe(p) == 0);
    R("lseek(pipe, 0, 5)", S(SYS_lseek, p[0], 0, 5));
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

/* ---- fstat, getdents64 -------------------------------------------- */

struct dirent64_raw {
    uint64_t d_ino;
    int64_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

static int cmp_str(const void* a, const void* b) {
    return strcmp(*(char* const*)a, *(char* const*)b);
}

/* Read the whole directory FD with a buffer of SIZE: the calls made and
 * the sorted names with their types. */
static void list_dir(const char* what, int fd, size_t size) {
    char* buf = malloc(size);
    char* names[64];
    int nnames = 0, calls = 0;
    long n;

    CHECK(buf);
    while ((n = S(SYS_getdents64, fd, buf, size)) > 0) {
        calls++;
        for (long off = 0; off < n;) {
            struct dirent64_raw* d = (struct dirent64_raw*)(buf + off);
            char* s = malloc(strlen(d->d_name) + 8);

            CHECK(s && nnames < 64);
            sprintf(s, "%s(%d)", d->d_name, d->d_type);
            names[nnames++] = s;
            off += d->d_reclen;
        }
    }
    printf("%s: %d calls, last = %ld%s%s, %d names:", what, calls, n, n < 0 ? " " : "",
           n < 0 ? ename(errno) : "", nnames);
    qsort(names, (size_t)nnames, sizeof(names[0]), cmp_str);
    for (int i = 0; i < nnames; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
    free(buf);
}

static void sec_stat(void) {
    struct stat st;
    char buf[4096];
    long fd, fd2, dirfd, pathfd, dpathfd, closed, gone;
    int p[2];

    section("stat");
    make_file("f", "0123456789");
    CHECK(chmod("f", 0640) == 0);
    fd = R("open(\"f\")", S(SYS_open, "f", O_RDWR));
    R("fstat(fd)", S(SYS_fstat, fd, &st));
    print_stat("  f", (int)fd);
    CHECK(link("f", "f2") == 0);
    print_stat("  f after link", (int)fd);
    CHECK(unlink("f2") == 0);
    R("ftruncate", ftruncate((int)fd, 3));
    print_stat("  f after truncate", (int)fd);
    closed = CLOSED_FD;
    R("fstat(-1)", S(SYS_fstat, -1, &st));
    R("fstat(closed)", S(SYS_fstat, closed, &st));
    R("fstat(HUGE_FD)", S(SYS_fstat, HUGE_FD, &st));
    R("fstat(0x80000000)", S(SYS_fstat, SIGNED_FD, &st));
    R("fstat(-1, (void*)1)", S(SYS_fstat, -1, BAD));
    R("fstat(fd, (void*)1)", S(SYS_fstat, fd, BAD));
    R("fstat(fd, kernel address)", S(SYS_fstat, fd, KADDR));
    R("fstat(fd, read-only page)", S(SYS_fstat, fd, g_ro));
    R("fstat(fd, across an unmapped page)", S(SYS_fstat, fd, g_edge - 16));
    R("fstat(fd | 1 << 32)", S(SYS_fstat, fd | (1L << 32), &st));
    pathfd = R("open(\"f\", O_PATH)", S(SYS_open, "f", O_PATH));
    print_stat("  O_PATH f", (int)pathfd);
    CHECK(pipe(p) == 0);
    print_stat("  pipe", p[0]);
    print_stat("  stdin", 0);

    /* a directory the program fills */
    CHECK(mkdir("dir", 0750) == 0);
    make_file("dir/a", "");
    make_file("dir/bb", "");
    make_file("dir/ccc", "");
    CHECK(mkdir("dir/sub", 0700) == 0);
    CHECK(mkdir("dir/sub2", 0700) == 0);
    CHECK(symlink("a", "dir/link") == 0);
    CHECK(mkfifo("dir/fifo", 0600) == 0);
    dirfd = R("open(\"dir\", O_DIRECTORY)", S(SYS_open, "dir", O_RDONLY | O_DIRECTORY));
    print_stat("  dir", (int)dirfd);
    list_dir("getdents64(dir, 4096)", (int)dirfd, 4096);
    R("getdents64(dir) at the end", S(SYS_getdents64, dirfd, buf, sizeof(buf)));
    R("lseek(dir, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    list_dir("getdents64(dir, 40)", (int)dirfd, 40);
    R("lseek(dir, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    R("getdents64(dir, buf, 1)", S(SYS_getdents64, dirfd, buf, 1));
    R("getdents64(dir, buf, 0)", S(SYS_getdents64, dirfd, buf, 0));
    R("getdents64(dir, (void*)1, 4096)", S(SYS_getdents64, dirfd, BAD, 4096));
    R("getdents64(dir, kernel address, 4096)", S(SYS_getdents64, dirfd, KADDR, 4096));
    R("getdents64(dir, read-only page, 4096)", S(SYS_getdents64, dirfd, g_ro, 4096));
    R("getdents64(-1)", S(SYS_getdents64, -1, buf, sizeof(buf)));
    R("getdents64(-1, (void*)1, 0)", S(SYS_getdents64, -1, BAD, 0));
    R("getdents64(closed)", S(SYS_getdents64, closed, buf, sizeof(buf)));
    R("getdents64(HUGE_FD)", S(SYS_getdents64, HUGE_FD, buf, sizeof(buf)));
    R("getdents64(file)", S(SYS_getdents64, fd, buf, sizeof(buf)));
    R("getdents64(file, (void*)1)", S(SYS_getdents64, fd, BAD, sizeof(buf)));
    R("getdents64(pipe)", S(SYS_getdents64, p[0], buf, sizeof(buf)));
    dpathfd = R("open(\"dir\", O_PATH)", S(SYS_open, "dir", O_PATH));
    R("getdents64(O_PATH dir)", S(SYS_getdents64, dpathfd, buf, sizeof(buf)));
    print_stat("  O_PATH dir", (int)dpathfd);
    R("lseek(dir, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    R("getdents64(dir | 1 << 32, 4096)",
      S(SYS_getdents64, dirfd | (1L << 32), buf, sizeof(buf)) > 0);
    /* the program's own descriptors as the host lists them: nothing of
     * ptshim's is open in the program */
    fd2 = S(SYS_open, "/proc/self/fd", O_RDONLY | O_DIRECTORY);
    if (fd2 >= 0) {
        list_dir("getdents64(/proc/self/fd)", (int)fd2, 4096);
        S(SYS_close, fd2);
    }
    /* a directory removed while open */
    CHECK(mkdir("gone", 0755) == 0);
    gone = S(SYS_open, "gone", O_RDONLY | O_DIRECTORY);
    CHECK(gone >= 0);
    CHECK(rmdir("gone") == 0);
    list_dir("getdents64(removed dir)", (int)gone, 4096);
    print_stat("  removed dir", (int)gone);

    CHECK(unlink("dir/a") == 0 && unlink("dir/bb") == 0 && unlink("dir/ccc") == 0 &&
          unlink("dir/link") == 0 && unlink("dir/fifo") == 0 && rmdir("dir/sub") == 0 &&
          rmdir("dir/sub2") == 0 && rmdir("dir") == 0);
    S(SYS_close, gone);
    S(SYS_close, dpathfd);
    S(SYS_close, dirfd);
    S(SYS_close, pathfd);
    S(SYS_close, fd);
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);
    list_open_fds("open fds");
}

/* ---- ioctl -------------------------------------------------------- */

/* A terminal: a pseudo-terminal pair (where the host has /dev/ptmx) */
static void ioctl_pty(void) {
    struct termios tio;
    struct winsize ws;
    char name[64], buf[16];
    int unlock = 0, ptn = -1, got = 0;
    long master, slave, n;

    master = R("open(\"/dev/ptmx\")", S(SYS_open, "/dev/ptmx", O_RDWR | O_NOCTTY));
    if (master < 0)
        return;
    R("ioctl(master, TIOCSPTLCK, 0)", S(SYS_ioctl, master, TIOCSPTLCK, &unlock));
    R("ioctl(master, TIOCGPTN)", S(SYS_ioctl, master, TIOCGPTN, &ptn));
    R("ioctl(master, TIOCGPTN, (void*)1)", S(SYS_ioctl, master, TIOCGPTN, BAD));
    snprintf(name, sizeof(name), "/dev/pts/%d", ptn);
    slave = R("open(the slave)", S(SYS_open, name, O_RDWR | O_NOCTTY));
    if (slave < 0) {
        S(SYS_close, master);
        return;
    }
    memset(&tio, 0, sizeof(tio));
    R("ioctl(slave, TCGETS)", S(SYS_ioctl, slave, TCGETS, &tio));
    printf("  iflag 0%o oflag 0%o cflag 0%o lflag 0%o\n", tio.c_iflag, tio.c_oflag, tio.c_cflag,
           tio.c_lflag);
    R("ioctl(master, TCGETS)", S(SYS_ioctl, master, TCGETS, &tio));
    R("ioctl(slave, TCGETS, (void*)1)", S(SYS_ioctl, slave, TCGETS, BAD));
    R("ioctl(slave, TCGETS, read-only page)", S(SYS_ioctl, slave, TCGETS, g_ro));
    tio.c_lflag &= ~(tcflag_t)ECHO;
    R("ioctl(slave, TCSETS, no ECHO)", S(SYS_ioctl, slave, TCSETS, &tio));
    memset(&tio, 0, sizeof(tio));
    R("ioctl(slave, TCGETS)", S(SYS_ioctl, slave, TCGETS, &tio));
    printf("  lflag 0%o\n", tio.c_lflag);
    memset(&ws, 0xff, sizeof(ws));
    R("ioctl(slave, TIOCGWINSZ)", S(SYS_ioctl, slave, TIOCGWINSZ, &ws));
    printf("  %u rows %u columns\n", ws.ws_row, ws.ws_col);
    ws = (struct winsize){.ws_row = 24, .ws_col = 80};
    R("ioctl(master, TIOCSWINSZ, 24x80)", S(SYS_ioctl, master, TIOCSWINSZ, &ws));
    memset(&ws, 0, sizeof(ws));
    R("ioctl(slave, TIOCGWINSZ)", S(SYS_ioctl, slave, TIOCGWINSZ, &ws));
    printf("  %u rows %u columns\n", ws.ws_row, ws.ws_col);
    R("ioctl(slave, TIOCGWINSZ, (void*)1)", S(SYS_ioctl, slave, TIOCGWINSZ, BAD));
    R("ioctl(slave, TIOCGWINSZ, kernel address)", S(SYS_ioctl, slave, TIOCGWINSZ, KADDR));
    /* output processing: "\n" becomes "\r\n" */
    R("write(slave, \"hi\\n\")", S(SYS_write, slave, "hi\n", 3));
    while (got < 4 && (n = S(SYS_read, master, buf + got, sizeof(buf) - (size_t)got)) > 0)
        got += (int)n;
    show_bytes("  the master read", buf, got);
    R("ioctl(master, FIONREAD)", S(SYS_ioctl, master, FIONREAD, &got));
    printf("  FIONREAD: %d\n", got);
    R("fstat(slave)", S(SYS_fstat, slave, &(struct stat){0}));
    R("close(slave)", S(SYS_close, slave));
    R("close(master)", S(SYS_close, master));
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
    R("ioctl(pipe, TCGETS)", S(SYS_ioctl, p[0], TCGETS, tbuf));
    R("ioctl(pipe, TIOCGWINSZ)", S(SYS_ioctl, p[0], TIOCGWINSZ, tbuf));
    R("ioctl(pipe, TIOCGWINSZ, (void*)1)", S(SYS_ioctl, p[0], TIOCGWINSZ, BAD));
    R("ioctl(pipe's write end, TCGETS)", S(SYS_ioctl, p[1], TCGETS, tbuf));
    R("ioctl(file, TCGETS)", S(SYS_ioctl, fd, TCGETS, tbuf));
    R("ioctl(/dev/null, TCGETS)", S(SYS_ioctl, null, TCGETS, tbuf));
    R("ioctl(/dev/null, TIOCGWINSZ)", S(SYS_ioctl, null, TIOCGWINSZ, tbuf));
    R("ioctl(stdin, TCGETS)", S(SYS_ioctl, 0, TCGETS, tbuf));
    R("ioctl(-1, TCGETS)", S(SYS_ioctl, -1, TCGETS, tbuf));
    R("ioctl(closed, FIONREAD)", S(SYS_ioctl, closed, FIONREAD, &n));
    R("ioctl(HUGE_FD, FIONREAD)", S(SYS_ioctl, HUGE_FD, FIONREAD, &n));
    R("ioctl(O_PATH fd, FIONREAD)", S(SYS_ioctl, pathfd, FIONREAD, &n));
    R("ioctl(O_PATH fd, FIOCLEX)", S(SYS_ioctl, pathfd, FIOCLEX));
    R("ioctl(file, 0xdeadbeef)", S(SYS_ioctl, fd, 0xdeadbeefL));
    R("ioctl(pipe, 0x1234)", S(SYS_ioctl, p[0], 0x1234));
    R("write(pipe, \"12345\")", S(SYS_write, p[1], "12345", 5));
    n = -1;
    R("ioctl(pipe, FIONREAD)", S(SYS_ioctl, p[0], FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    R("ioctl(pipe, FIONREAD, (void*)1)", S(SYS_ioctl, p[0], FIONREAD, BAD));
    R("ioctl(pipe, FIONREAD, kernel address)", S(SYS_ioctl, p[0], FIONREAD, KADDR));
    R("ioctl(pipe, FIONREAD, read-only page)", S(SYS_ioctl, p[0], FIONREAD, g_ro));
    R("ioctl(pipe | 1 << 32, FIONREAD)", S(SYS_ioctl, p[0] | (1L << 32), FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    R("lseek(file, 3, SEEK_SET)", S(SYS_lseek, fd, 3, SEEK_SET));
    R("ioctl(file, FIONREAD)", S(SYS_ioctl, fd, FIONREAD, &n));
    printf("  FIONREAD: %d\n", n);
    /* the status flags and close-on-exec the table records */
    R("ioctl(pipe, FIONBIO, 1)", S(SYS_ioctl, p[0], FIONBIO, &one));
    fdstate("  pipe", p[0]);
    R("read(pipe, 64)", S(SYS_read, p[0], tbuf, 64));
    R("read(pipe, 64) empty", S(SYS_read, p[0], tbuf, 64));
    R("ioctl(pipe, FIONBIO, 0)", S(SYS_ioctl, p[0], FIONBIO, &zero));
    fdstate("  pipe", p[0]);
    R("ioctl(pipe, FIONBIO, (void*)1)", S(SYS_ioctl, p[0], FIONBIO, BAD));
    fdstate("  pipe", p[0]);
    R("ioctl(pipe, FIOASYNC, 1)", S(SYS_ioctl, p[0], FIOASYNC, &one));
    fdstate("  pipe", p[0]);
    R("ioctl(pipe, FIOASYNC, 0)", S(SYS_ioctl, p[0], FIOASYNC, &zero));
    fdstate("  pipe", p[0]);
    R("ioctl(file, FIOCLEX)", S(SYS_ioctl, fd, FIOCLEX));
    fdstate("  file", (int)fd);
    R("ioctl(file, FIONCLEX)", S(SYS_ioctl, fd, FIONCLEX));
    fdstate("  file", (int)fd);
    R("ioctl(closed, FIOCLEX)", S(SYS_ioctl, closed, FIOCLEX));
    R("ioctl(file, FIOCLEX | 1 << 32)", S(SYS_ioctl, fd, FIOCLEX | (1L << 32)));
    fdstate("  file", (int)fd);
    R("ioctl(file, FIONCLEX)", S(SYS_ioctl, fd, FIONCLEX));
    S(SYS_close, fd);
    S(SYS_close, pathfd);
    S(SYS_close, null);
    S(SYS_close, p[0]);
    S(SYS_close, p[1]);
    ioctl_pty();
    list_open_fds("open fds");
}

/* ---- getcwd, chdir, fchdir ---------------------------------------- */

/* getcwd, the path printed from the run directory ("~") */
static long show_cwd(const char* what) {
    char buf[8192];
    long n = S(SYS_getcwd, buf, sizeof(buf));
    size_t hl = strlen(g_home);

    if (n < 0) {
        printf("%s: getcwd = -1 %s\n", what, ename(errno));
        return n;
    }
    printf("%s: getcwd = %ld ", what, n);
    if (!strncmp(buf, g_home, hl) && (buf[hl] == '/' || buf[hl] == '\0')) {
        putchar('~');
        put_escaped(buf + hl, (long)strlen(buf + hl));
    } else {
        put_escaped(buf, (long)strlen(buf));
    }
    putchar('\n');
    return n;
}

static void* thread_chdir(void* arg) {
    (void)arg;
    R("thread: chdir(\"sub\")", S(SYS_chdir, "sub"));
    show_cwd("thread");
    return NULL;
}

/* In a child: getcwd after chroot names the directory from the new root
 * (the privilege comes from a user namespace when the program has none) */
static void cwd_chroot(void) {
    char buf[PATH_MAX];
    pid_t pid;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (chroot(".") < 0 && (unshare(CLONE_NEWUSER) < 0 || chroot(".") < 0)) {
            printf("chroot: not permitted here\n");
            _exit(0);
        }
        R("chroot: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        R("chdir(\"sub\")", S(SYS_chdir, "sub"));
        R("chroot: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        R("chdir(\"/\")", S(SYS_chdir, "/"));
        R("chroot: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        /* a current directory outside the root */
        R("chroot(\"sub\")", chroot("sub"));
        R("chroot: getcwd outside the root", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

/* In a child: after unshare(CLONE_NEWNS), a directory opened before is
 * in the old mount namespace: fchdir there, and getcwd says
 * "(unreachable)" (the privilege from a user namespace when the program
 * has none) */
static void cwd_mntns(void) {
    char buf[PATH_MAX];
    pid_t pid;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        long old = S(SYS_open, ".", O_RDONLY | O_DIRECTORY);

        CHECK(old >= 0);
        if (unshare(CLONE_NEWNS) < 0 && unshare(CLONE_NEWUSER | CLONE_NEWNS) < 0) {
            printf("mount namespace: not permitted here\n");
            _exit(0);
        }
        R("new mount namespace: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        R("fchdir(a directory of the old namespace)", S(SYS_fchdir, old));
        R("new mount namespace: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        R("chdir(\"/\")", S(SYS_chdir, "/"));
        R("new mount namespace: getcwd", S(SYS_getcwd, buf, sizeof(buf)));
        show_path(buf);
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

static void sec_cwd(void) {
    char buf[8192], *p;
    long home, pathfd, fd, fd2, closed, n, len;
    int depth;
    pthread_t th;

    section("cwd");
    home = S(SYS_open, ".", O_RDONLY | O_DIRECTORY);
    CHECK(home >= 0);
    closed = CLOSED_FD;
    n = show_cwd("start");
    R("getcwd(buf, 1)", S(SYS_getcwd, buf, 1));
    R("getcwd(buf, 0)", S(SYS_getcwd, buf, 0));
    R("getcwd(NULL, 0)", S(SYS_getcwd, NULL, 0));
    R("getcwd(buf, length without the NUL)", S(SYS_getcwd, buf, n - 1));
    R("getcwd(buf, length with the NUL)", S(SYS_getcwd, buf, n));
    R("getcwd((void*)1, 4096)", S(SYS_getcwd, BAD, 4096));
    R("getcwd(kernel address, 4096)", S(SYS_getcwd, KADDR, 4096));
    R("getcwd(read-only page, 4096)", S(SYS_getcwd, g_ro, 4096));
    R("getcwd(3 bytes before an unmapped page, 4096)", S(SYS_getcwd, g_edge - 3, 4096));
    R("getcwd((void*)1, 1)", S(SYS_getcwd, BAD, 1));
    R("getcwd(buf, 1 << 32 | 1)", S(SYS_getcwd, buf, (1UL << 32) | 1) == n);

    CHECK(mkdir("sub", 0755) == 0);
    make_file("file", "x");
    R("chdir(\"sub\")", S(SYS_chdir, "sub"));
    show_cwd("  in sub");
    R("chdir(\"..\")", S(SYS_chdir, ".."));
    R("chdir(\"missing\")", S(SYS_chdir, "missing"));
    R("chdir(\"\")", S(SYS_chdir, ""));
    R("chdir((void*)1)", S(SYS_chdir, BAD));
    R("chdir(NULL)", S(SYS_chdir, NULL));
    R("chdir(kernel address)", S(SYS_chdir, KADDR));
    memcpy(g_edge - 3, "sub", 3);
    R("chdir(\"sub\" into an unmapped page)", S(SYS_chdir, g_edge - 3));
    p = long_name(5000);
    R("chdir(5000-byte path)", S(SYS_chdir, p));
    free(p);
    p = dots_path(4096, "ub");
    R("chdir(4096-byte path)", S(SYS_chdir, p));
    free(p);
    p = dots_path(4095, "sub");
    R("chdir(4095-byte path to sub)", S(SYS_chdir, p));
    free(p);
    show_cwd("  in sub");
    R("chdir(\"..\")", S(SYS_chdir, ".."));
    R("chdir(\"file\")", S(SYS_chdir, "file"));
    R("chdir(\"file/\")", S(SYS_chdir, "file/"));

    /* fchdir */
    fd = S(SYS_open, "file", O_RDONLY);
    pathfd = R("open(\"sub\", O_PATH)", S(SYS_open, "sub", O_PATH));
    R("fchdir(-1)", S(SYS_fchdir, -1));
    R("fchdir(closed)", S(SYS_fchdir, closed));
    R("fchdir(HUGE_FD)", S(SYS_fchdir, HUGE_FD));
    R("fchdir(0x80000000)", S(SYS_fchdir, SIGNED_FD));
    R("fchdir(file)", S(SYS_fchdir, fd));
    R("fchdir(O_PATH sub)", S(SYS_fchdir, pathfd));
    show_cwd("  in sub");
    R("fchdir(home)", S(SYS_fchdir, home));
    show_cwd("  home");
    R("fchdir(O_PATH sub | 1 << 32)", S(SYS_fchdir, pathfd | (1L << 32)));
    show_cwd("  in sub");
    R("fchdir(home)", S(SYS_fchdir, home));

    /* a thread changes the directory of the process (CLONE_FS) */
    CHECK(pthread_create(&th, NULL, thread_chdir, NULL) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    show_cwd("  main after the thread");
    R("fchdir(home)", S(SYS_fchdir, home));

    /* the root, and names with a newline and a byte that is not UTF-8 */
    R("chdir(\"/\")", S(SYS_chdir, "/"));
    show_cwd("  root");
    R("fchdir(home)", S(SYS_fchdir, home));
    CHECK(mkdir("new\nline\xff", 0755) == 0);
    R("chdir(\"new\\nline\\xff\")", S(SYS_chdir, "new\nline\xff"));
    show_cwd("  odd name");
    R("fchdir(home)", S(SYS_fchdir, home));
    CHECK(rmdir("new\nline\xff") == 0);

    /* removed while current */
    CHECK(mkdir("gone", 0755) == 0);
    R("chdir(\"gone\")", S(SYS_chdir, "gone"));
    CHECK(rmdir("../gone") == 0);
    show_cwd("  gone");
    R("getcwd(buf, 1) in a removed directory", S(SYS_getcwd, buf, 1));
    R("getcwd((void*)1, 4096) in a removed directory", S(SYS_getcwd, BAD, 4096));
    fd2 = S(SYS_open, ".", O_RDONLY);
    R("open(\".\") in a removed directory", fd2 >= 0 ? 0 : -1);
    if (fd2 >= 0)
        S(SYS_close, fd2);
    R("open(\"x\", O_CREAT) in a removed directory", S(SYS_open, "x", O_CREAT | O_WRONLY, 0600));
    R("chdir(\"..\") from a removed directory", S(SYS_chdir, ".."));
    show_cwd("  after chdir(..)");
    R("fchdir(home)", S(SYS_fchdir, home));
    /* names that look like the host's mark of a removed directory */
    CHECK(mkdir("x (deleted)", 0755) == 0);
    R("chdir(\"x (deleted)\")", S(SYS_chdir, "x (deleted)"));
    show_cwd("  x (deleted)");
    CHECK(mkdir(" (deleted)", 0755) == 0);
    R("chdir(\" (deleted)\")", S(SYS_chdir, " (deleted)"));
    show_cwd("  x (deleted)/ (deleted)");
    R("fchdir(home)", S(SYS_fchdir, home));
    CHECK(rmdir("x (deleted)/ (deleted)") == 0 && rmdir("x (deleted)") == 0);
    CHECK(mkdir("y (deleted)", 0755) == 0);
    R("chdir(\"y (deleted)\")", S(SYS_chdir, "y (deleted)"));
    CHECK(rmdir("../y (deleted)") == 0);
    show_cwd("  removed y (deleted)");
    R("fchdir(home)", S(SYS_fchdir, home));

    /* a very deep directory: getcwd's answer up to PATH_MAX and past it */
    len = n - 1;
    depth = 0;
    p = long_name(200);
    while (4095 - len - 1 > 250) {
        CHECK(mkdir(p, 0755) == 0 && chdir(p) == 0);
        len += 201;
        depth++;
    }
    {
        long k = 4095 - len - 1; /* a name of K bytes makes it 4095 */

        for (long d = -1; d <= 2; d++) {
            char* name = long_name((size_t)(k + d));
            char what[64];

            CHECK(mkdir(name, 0755) == 0);
            snprintf(what, sizeof(what), "chdir(to a %ld-byte path)", len + 1 + k + d);
            R(what, S(SYS_chdir, name));
            n = S(SYS_getcwd, buf, sizeof(buf));
            printf("  getcwd = %ld%s%s\n", n, n < 0 ? " " : "", n < 0 ? ename(errno) : "");
            n = S(SYS_getcwd, buf, 4096);
            printf("  getcwd(buf, 4096) = %ld%s%s\n", n, n < 0 ? " " : "",
                   n < 0 ? ename(errno) : "");
            CHECK(mkdir("deeper", 0755) == 0 && chdir("deeper") == 0);
            n = S(SYS_getcwd, buf, sizeof(buf));
            printf("  deeper: getcwd = %ld%s%s\n", n, n < 0 ? " " : "", n < 0 ? ename(errno) : "");
            /* removed: ENOENT, however long its name */
            CHECK(rmdir("../deeper") == 0);
            n = S(SYS_getcwd, buf, sizeof(buf));
            printf("  deeper removed: getcwd = %ld%s%s\n", n, n < 0 ? " " : "",
                   n < 0 ? ename(errno) : "");
            CHECK(chdir("..") == 0);
            CHECK(chdir("..") == 0 && rmdir(name) == 0);
            free(name);
        }
    }
    for (int i = 0; i < depth; i++)
        CHECK(chdir("..") == 0 && rmdir(p) == 0);
    free(p);
    R("fchdir(home)", S(SYS_fchdir, home));
    show_cwd("  home");
    cwd_chroot();
    cwd_mntns();
    CHECK(rmdir("sub") == 0 && unlink("file") == 0);
    S(SYS_close, fd);
    S(SYS_close, pathfd);
    S(SYS_close, home);
    list_open_fds("open fds");
}

/* ---- close-on-exec across execve ---------------------------------- */

struct labelled {
    const char* label;
    long fd;
};

static long add_fd(struct labelled* l, int* n, const char* label, long fd) {
    CHECK(fd >= 0);
    l[*n] = (struct labelled){label, fd};
    (*n)++;
    return fd;
}

/* The descriptors of the exec section, each made its own way. */
static int make_exec_fds(struct labelled* l) {
    int n = 0, p[2], q[2];
    long a, b, t;

#define ADD(lab, expr) add_fd(l, &n, (lab), (expr))
    a = ADD("plain", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_read, a, &t, 2) == 2); /* its offset: 2 */
    b = ADD("O_CLOEXEC", S(SYS_open, "f", O_RDONLY | O_CLOEXEC));
    t = ADD("F_SETFD", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_fcntl, t, F_SETFD, FD_CLOEXEC) == 0);
    t = ADD("F_SETFD then cleared", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_fcntl, t, F_SETFD, FD_CLOEXEC) == 0 && S(SYS_fcntl, t, F_SETFD, 0) == 0);
    t = ADD("F_SETFD 0xff", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_fcntl, t, F_SETFD, 0xff) == 0);
    t = ADD("FIOCLEX", S(SYS_open, "f", O_RDONLY));
    CHECK(S(SYS_ioctl, t, FIOCLEX) == 0);
    t = ADD("O_CLOEXEC then FIONCLEX", S(SYS_open, "f", O_RDONLY | O_CLOEXEC));
    CHECK(S(SYS_ioctl, t, FIONCLEX) == 0);
    ADD("dup3 O_CLOEXEC", S(SYS_dup3, a, 50, O_CLOEXEC));
    ADD("dup3 0 of a cloexec fd", S(SYS_dup3, b, 51, 0));
    ADD("dup2 of a cloexec fd", S(SYS_dup2, b, 52));
    ADD("dup of a cloexec fd", S(SYS_dup, b));
    ADD("F_DUPFD_CLOEXEC", S(SYS_fcntl, a, F_DUPFD_CLOEXEC, 0));
    ADD("F_DUPFD of a cloexec fd", S(SYS_fcntl, b, F_DUPFD, 0));
    ADD("openat O_CLOEXEC", S(SYS_openat, AT_FDCWD, "f", O_RDONLY | O_CLOEXEC));
    ADD("creat", S(SYS_creat, "created", 0644));
    ADD("O_PATH", S(SYS_open, "f", O_PATH));
    ADD("O_PATH|O_CLOEXEC", S(SYS_open, "f", O_PATH | O_CLOEXEC));
    CHECK(S(SYS_pipe2, p, O_CLOEXEC) == 0);
    ADD("pipe2 O_CLOEXEC read end", p[0]);
    ADD("pipe2 O_CLOEXEC write end", p[1]);
    CHECK(S(SYS_pipe2, q, O_NONBLOCK) == 0);
    ADD("pipe2 O_NONBLOCK read end", q[0]);
    ADD("pipe2 O_NONBLOCK write end", q[1]);
    CHECK(S(SYS_write, q[1], "pipe", 4) == 4);
    /* a range made close-on-exec, a range closed */
    ADD("close_range CLOEXEC 1", S(SYS_dup2, a, 60));
    ADD("close_range CLOEXEC 2", S(SYS_dup2, a, 61));
    ADD("close_range CLOEXEC 3", S(SYS_dup3, a, 62, O_CLOEXEC));
    CHECK(S(SYS_close_range, 60, 62, CLOSE_RANGE_CLOEXEC) == 0);
    ADD("close_range CLOEXEC then F_SETFD 0", S(SYS_dup2, a, 63));
    CHECK(S(SYS_close_range, 63, 63, CLOSE_RANGE_CLOEXEC) == 0);
    CHECK(S(SYS_fcntl, 63, F_SETFD, 0) == 0);
    /* one the table does not know yet (made by a call the shim does not
     * implement) */
    t = ADD("eventfd made close-on-exec by close_range", syscall(SYS_eventfd2, 0, 0));
    CHECK(S(SYS_close_range, t, t, CLOSE_RANGE_CLOEXEC) == 0);
    ADD("closed by close_range", S(SYS_dup2, a, 64));
    CHECK(S(SYS_close_range, 64, 70, 0) == 0);
    ADD("high plain", S(SYS_dup2, a, 200));
    ADD("high cloexec", S(SYS_dup3, a, 201, O_CLOEXEC));
    /* made by calls the shim does not implement */
    ADD("eventfd", syscall(SYS_eventfd2, 0, 0));
    ADD("eventfd EFD_CLOEXEC", syscall(SYS_eventfd2, 0, 02000000));
    ADD("socket SOCK_CLOEXEC", socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
#undef ADD
    return n;
}

/* The arguments of "exec-report": LABEL=FD each. */
static char** report_argv(const struct labelled* l, int n) {
    char** argv = calloc((size_t)n + 3, sizeof(char*));

    CHECK(argv);
    argv[0] = g_argv0;
    argv[1] = (char*)(uintptr_t) "exec-report";
    for (int i = 0; i < n; i++) {
        CHECK(asprintf(&argv[i + 2], "%s=%ld", l[i].label, l[i].fd) > 0);
    }
    return argv;
}

static int exec_report(int argc, char** argv) {
    char buf[16];
    bool listed[256] = {false};

    printf("exec-report:\n");
    for (int i = 2; i < argc; i++) {
        char* eq = strrchr(argv[i], '=');
        int fd;

        CHECK(eq);
        *eq = '\0';
        fd = atoi(eq + 1);
        if (fd >= 0 && fd < 256)
            listed[fd] = true;
        fdstate(argv[i], fd);
        if (S(SYS_fcntl, fd, F_GETFD) >= 0 && !strcmp(argv[i], "plain")) {
            R("  lseek(plain, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
            long n = R("  read(plain)", S(SYS_read, fd, buf, sizeof(buf)));
            show_bytes("  read", buf, n);
        }
        if (S(SYS_fcntl, fd, F_GETFD) >= 0 && !strcmp(argv[i], "pipe2 O_NONBLOCK read end")) {
            long n = R("  read(pipe)", S(SYS_read, fd, buf, sizeof(buf)));
            show_bytes("  read", buf, n);
            R("  read(pipe) again", S(SYS_read, fd, buf, sizeof(buf)));
        }
    }
    printf("open and not listed:");
    for (int fd = 0; fd < 256; fd++)
        if (!listed[fd] && S(SYS_fcntl, fd, F_GETFD) >= 0)
            printf(" %d", fd);
    printf("\n");
    return 0;
}
/* ---- select, pselect6, ppoll ---- */

struct ktimeval {
    int64_t tv_sec, tv_usec;
};
struct ktimespec {
    int64_t tv_sec, tv_nsec;
};
struct sigset_argpack {
    void* p;
    size_t size;
};

static volatile sig_atomic_t g_usr1_hits;

static void on_usr1(int sig) {
    (void)sig;
    g_usr1_hits++;
}

/* Whether the fds of SET (0 to N-1) are those of the list, -1 ended. */
static const char* fdset_is(const fd_set* set, int n, const int* fds) {
    for (int fd = 0; fd < n; fd++) {
        bool listed = false;

        for (const int* f = fds; *f >= 0; f++)
            listed |= *f == fd;
        if (listed != !!FD_ISSET(fd, set))
            return "no";
    }
    return "yes";
}

static void sec_poll(void) {
    struct ktimeval tv;
    struct ktimespec ts;
    struct sigset_argpack pack;
    struct pollfd pfd[3];
    struct sigaction sa = {0};
    sigset_t mask, empty, old;
    fd_set rd, wr;
    int p[2], nfds;

    section("poll");
    CHECK(pipe(p) == 0);
    CHECK(write(p[1], "x", 1) == 1);
    nfds = p[1] + 1;
    sigemptyset(&empty);
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);

    /* select: the time-out first, then n, then the sets and the fds */
#define SEL(what, n, r, w, tvp) R("select(" what ")", S(SYS_select, (n), (r), (w), NULL, (tvp)))
#define TV(s, u) (tv = (struct ktimeval){(s), (u)}, &tv)
    SEL("n -1, bad timeout", -1, NULL, NULL, BAD);
    SEL("n -1, timeout at the page's edge", -1, NULL, NULL, g_edge - 8);
    SEL("tv_usec -1", 1, NULL, NULL, TV(0, -1));
    SEL("tv_sec -1", 1, NULL, NULL, TV(-1, 0));
    SEL("tv_usec -1000000", 1, NULL, NULL, TV(0, -1000000));
    SEL("tv_sec INT64_MAX, tv_usec 1000000", 1, NULL, NULL, TV(INT64_MAX, 1000000));
    SEL("tv_sec 1, tv_usec -1000000 (carried: 0)", 1, NULL, NULL, TV(1, -1000000));
    SEL("n -1", -1, NULL, NULL, TV(0, 0));
    SEL("n INT_MAX, no sets", INT_MAX, NULL, NULL, TV(0, 0));
    SEL("bad read set", 1, BAD, NULL, TV(0, 0));
    SEL("read set at the page's edge", 65, g_edge - 8, NULL, TV(0, 0));
    SEL("read set in a read-only page", 1, g_ro, NULL, TV(0, 0));
    FD_ZERO(&rd);
    FD_SET(CLOSED_FD, &rd);
    SEL("a closed fd", CLOSED_FD + 1, &rd, NULL, TV(0, 0));
    SEL("a closed fd beyond n", CLOSED_FD, &rd, NULL, TV(0, 0));
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &rd);
    FD_SET(p[0], &wr);
    FD_SET(p[1], &wr);
    SEL("a pipe with a byte", nfds, &rd, &wr, TV(1, 0));
    printf("  ready to read: the read end alone: %s\n", fdset_is(&rd, nfds, (int[]){p[0], -1}));
    printf("  ready to write: the write end alone: %s\n", fdset_is(&wr, nfds, (int[]){p[1], -1}));
    printf("  time left between 0 and 1 s: %s\n",
           tv.tv_sec == 0 || (tv.tv_sec == 1 && tv.tv_usec == 0) ? "yes" : "no");
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    SEL("nothing ready, 1 ms", nfds, &rd, NULL, TV(0, 1000));
    printf("  time left: %lld.%06lld\n", (long long)tv.tv_sec, (long long)tv.tv_usec);

    /* pselect6: the packed mask first, then the time-out, the mask, n */
#define PS(what, n, r, tsp, sig) R("pselect6(" what ")", S(SYS_pselect6, (n), (r), NULL, NULL, (tsp), (sig)))
#define TS(s, n) (ts = (struct ktimespec){(s), (n)}, &ts)
#define PACK(m, sz) (pack = (struct sigset_argpack){(m), (sz)}, &pack)
    PS("n -1, bad timeout, bad pack", -1, NULL, BAD, BAD);
    PS("n -1, bad timeout, pack at the page's edge", -1, NULL, BAD, g_edge - 8);
    PS("n -1, bad timeout, no mask", -1, NULL, BAD, PACK(NULL, 0));
    PS("n -1, tv_nsec 1e9, mask size 7", -1, NULL, TS(0, 1000000000), PACK(&mask, 7));
    PS("n -1, tv_nsec -1", -1, NULL, TS(0, -1), NULL);
    PS("n -1, tv_sec -1", -1, NULL, TS(-1, 0), NULL);
    PS("n -1, mask size 7", -1, NULL, TS(0, 0), PACK(&mask, 7));
    PS("n -1, mask size 16", -1, NULL, TS(0, 0), PACK(&mask, 16));
    PS("n -1, bad mask", -1, NULL, TS(0, 0), PACK(BAD, 8));
    PS("n -1, mask at the page's edge", -1, NULL, TS(0, 0), PACK(g_edge - 4, 8));
    PS("n -1, no mask, size 7", -1, NULL, TS(0, 0), PACK(NULL, 7));
    PS("no mask, size 7", 1, NULL, TS(0, 0), PACK(NULL, 7));
    PS("bad read set", 1, BAD, TS(0, 0), PACK(&mask, 8));
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    PS("a pipe with a byte", nfds, &rd, TS(1, 0), PACK(&mask, 8));
    printf("  ready: the read end: %s; the time left written, below 1 s: %s\n",
           fdset_is(&rd, nfds, (int[]){p[0], -1}), ts.tv_sec == 0 && ts.tv_nsec > 0 ? "yes" : "no");
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    PS("nothing ready, 1 ms", nfds, &rd, TS(0, 1000000), NULL);

    /* ppoll: the time-out, then the mask, then the count and the fds */
#define PP(what, fds, n, tsp, m, sz) R("ppoll(" what ")", S(SYS_ppoll, (fds), (n), (tsp), (m), (sz)))
    PP("bad fds, bad timeout", BAD, 1, BAD, NULL, 8);
    PP("bad fds, tv_nsec 1e9, mask size 7", BAD, 1, TS(0, 1000000000), &mask, 7);
    PP("bad fds, tv_sec -1", BAD, 1, TS(-1, 0), NULL, 0);
    PP("bad fds, mask size 7", BAD, 1, TS(0, 0), &mask, 7);
    PP("bad fds, bad mask", BAD, 1, TS(0, 0), BAD, 8);
    PP("bad fds, mask at the page's edge", BAD, 1, TS(0, 0), g_edge - 4, 8);
    PP("bad fds, no mask, size 7", BAD, 1, TS(0, 0), NULL, 7);
    PP("nfds 2^31", BAD, 1U << 31, TS(0, 0), NULL, 0);
    PP("fds at the page's edge", g_edge - 8, 2, TS(0, 0), NULL, 0);
    PP("fds in a read-only page", g_ro, 1, TS(0, 0), NULL, 0);
    pfd[0] = (struct pollfd){p[0], POLLIN, 0};
    pfd[1] = (struct pollfd){p[1], POLLIN | POLLOUT, 0};
    pfd[2] = (struct pollfd){CLOSED_FD, POLLIN, 0};
    PP("a pipe with a byte and a closed fd", pfd, 3, TS(1, 0), &mask, 8);
    printf("  revents: %#x %#x %#x\n", pfd[0].revents, pfd[1].revents, pfd[2].revents);
    PP("no time-out, a pipe with a byte", pfd, 1, NULL, NULL, 0);
    pfd[0] = (struct pollfd){p[1], POLLIN, 0};
    PP("nothing ready, 1 ms", pfd, 1, TS(0, 1000000), NULL, 0);

    /* the mask in effect while they wait: a pending SIGUSR1, blocked
     * around the call, is delivered inside it (EINTR), and blocked again
     * after */
    sa.sa_handler = on_usr1;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    CHECK(sigprocmask(SIG_BLOCK, &mask, &old) == 0);
    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    CHECK(raise(SIGUSR1) == 0);
    PS("a pending signal the mask lets in", nfds, &rd, TS(2, 0), PACK(&empty, 8));
    CHECK(raise(SIGUSR1) == 0);
    pfd[0] = (struct pollfd){p[1], POLLIN, 0};
    PP("a pending signal the mask lets in", pfd, 1, TS(2, 0), &empty, 8);
    printf("  handled: %d; blocked again: %s\n", (int)g_usr1_hits,
           sigprocmask(SIG_BLOCK, NULL, &old) == 0 && sigismember(&old, SIGUSR1) ? "yes" : "no");
    CHECK(sigprocmask(SIG_UNBLOCK, &mask, NULL) == 0);
    sa.sa_handler = SIG_DFL;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
#undef SEL
#undef TV
#undef PS
#undef TS
#undef PACK
#undef PP
    CHECK(close(p[0]) == 0 && close(p[1]) == 0);
}


static void sec_exec(void) {
    struct labelled l[64];
    char** argv;
    pid_t pid;
    int n;

    section("exec");
    make_file("f", "0123456789");
    n = make_exec_fds(l);
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);
    argv = report_argv(l, n);

    printf("-- fork and execve\n");
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        execve(g_argv0, argv, environ);
        _exit(98);
    }
    wait_child(pid);
    /* the parent's descriptors are as they were (its offset moved: the
     * child read through the shared description) */
    printf("-- the parent after its child's execve\n");
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);
    CHECK(S(SYS_lseek, l[0].fd, 2, SEEK_SET) == 2);

    printf("-- posix_spawn (clone with CLONE_VM|CLONE_VFORK)\n");
    fflush(stdout);
    CHECK(posix_spawn(&pid, g_argv0, NULL, NULL, argv, environ) == 0);
    wait_child(pid);
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);

    /* file actions run in the child, before its execve */
    printf("-- posix_spawn with adddup2(plain, 70) and addclose(F_DUPFD of a cloexec fd)\n");
    {
        posix_spawn_file_actions_t fa;
        char** argv2 = calloc((size_t)n + 4, sizeof(char*));
        long closed = -1;

        CHECK(argv2);
        memcpy(argv2, argv, ((size_t)n + 2) * sizeof(char*));
        argv2[n + 2] = (char*)(uintptr_t) "posix_spawn adddup2=70";
        for (int i = 0; i < n; i++)
            if (!strcmp(l[i].label, "F_DUPFD of a cloexec fd"))
                closed = l[i].fd;
        CHECK(closed >= 0);
        CHECK(posix_spawn_file_actions_init(&fa) == 0);
        CHECK(posix_spawn_file_actions_adddup2(&fa, (int)l[0].fd, 70) == 0);
        CHECK(posix_spawn_file_actions_addclose(&fa, (int)closed) == 0);
        fflush(stdout);
        CHECK(posix_spawn(&pid, g_argv0, &fa, NULL, argv2, environ) == 0);
        wait_child(pid);
        CHECK(posix_spawn_file_actions_destroy(&fa) == 0);
        free(argv2);
        fdstate("  parent: 70", 70);
        fdstate("  parent: F_DUPFD of a cloexec fd", (int)closed);
    }

    /* a child process that shares the table (clone with CLONE_FILES):
     * what it opens the parent has; its execve unshares the table first,
     * so the parent keeps what the execve closes */
    printf("-- clone(CLONE_FILES), open, execve\n");
    fflush(stdout);
    {
        long cfd[2] = {-1, -1};
        int up[2], down[2];
        char c;

        CHECK(pipe2(up, O_CLOEXEC) == 0 && pipe2(down, O_CLOEXEC) == 0);
        pid = (pid_t)syscall(SYS_clone, CLONE_FILES | SIGCHLD, NULL, NULL, NULL, 0);
        CHECK(pid >= 0);
        if (pid == 0) {
            char* cargv[5] = {g_argv0, (char*)(uintptr_t) "exec-report"};

            cfd[0] = S(SYS_open, "f", O_RDONLY | O_CLOEXEC);
            cfd[1] = S(SYS_open, "f", O_RDONLY);
            CHECK(cfd[0] >= 0 && cfd[1] >= 0);
            CHECK(asprintf(&cargv[2], "child's O_CLOEXEC=%ld", cfd[0]) > 0);
            CHECK(asprintf(&cargv[3], "child's plain=%ld", cfd[1]) > 0);
            /* the parent looks at the shared table before the execve */
            CHECK(write(up[1], cfd, sizeof(cfd)) == sizeof(cfd));
            CHECK(read(down[0], &c, 1) == 1);
            execve(g_argv0, cargv, environ);
            _exit(98);
        }
        CHECK(read(up[0], cfd, sizeof(cfd)) == sizeof(cfd));
        fdstate("  parent: the child's O_CLOEXEC", (int)cfd[0]);
        fdstate("  parent: the child's plain", (int)cfd[1]);
        CHECK(write(down[1], "y", 1) == 1);
        wait_child(pid);
        fdstate("  parent after the child's execve: the child's O_CLOEXEC", (int)cfd[0]);
        fdstate("  parent after the child's execve: the child's plain", (int)cfd[1]);
        CHECK(close(up[0]) == 0 && close(up[1]) == 0 && close(down[0]) == 0 && close(down[1]) == 0);
        S(SYS_close, cfd[0]);
        S(SYS_close, cfd[1]);
    }

    /* a failed execve closes nothing */
    printf("-- a failed execve\n");
    R("execve(\"missing\")", execve("missing", argv, environ));
    R("execve(\"f\") (not executable)", execve("f", argv, environ));
    for (int i = 0; i < n; i++)
        fdstate(l[i].label, (int)l[i].fd);

    for (int i = 0; i < n; i++)
        S(SYS_close, l[i].fd);
    for (int i = 2; i < n + 2; i++)
        free(argv[i]);
    free(argv);
    CHECK(unlink("created") == 0);
    list_open_fds("open fds");
}

/* ---- descriptors closed while another thread uses them ------------ */

enum { RACE_FILE = 100, RACE_FD = 101, RACE_ROUNDS = 3000 };
static volatile int g_race_done;

static void* race_closer(void* arg) {
    (void)arg;
    for (int i = 0; i < RACE_ROUNDS; i++) {
        S(SYS_close, RACE_FD);
        S(SYS_dup2, RACE_FILE, RACE_FD);
    }
    g_race_done = 1;
    return NULL;
}

/* One thread closes and reopens a descriptor while the other duplicates
 * it and changes it: the table must follow whatever order the host took
 * (and the tracer must not use a handle that a close freed meanwhile). */
static void sec_race(void) {
    pthread_t th;
    int zero = 0;
    long fd;

    section("race");
    make_file("f", "0123456789");
    fd = S(SYS_open, "f", O_RDONLY);
    CHECK(fd >= 0 && S(SYS_dup2, fd, RACE_FILE) == RACE_FILE && S(SYS_close, fd) == 0);
    CHECK(S(SYS_dup2, RACE_FILE, RACE_FD) == RACE_FD);
    CHECK(pthread_create(&th, NULL, race_closer, NULL) == 0);
    while (!g_race_done) {
        fd = S(SYS_dup, RACE_FD);
        if (fd >= 0)
            S(SYS_close, fd);
        if (S(SYS_fcntl, RACE_FD, F_DUPFD_CLOEXEC, 110) >= 0)
            S(SYS_close, 110);
        if (S(SYS_dup3, RACE_FD, 111, O_CLOEXEC) >= 0)
            S(SYS_close, 111);
        S(SYS_fcntl, RACE_FD, F_SETFL, O_NONBLOCK);
        S(SYS_fcntl, RACE_FD, F_SETFD, FD_CLOEXEC);
        S(SYS_ioctl, RACE_FD, FIONBIO, &zero);
        S(SYS_ioctl, RACE_FD, FIOCLEX);
    }
    CHECK(pthread_join(th, NULL) == 0);
    printf("race: %d rounds\n", RACE_ROUNDS);
    /* what is open, and close-on-exec, is the host's */
    R("fcntl(RACE_FD, F_SETFL, 0)", S(SYS_fcntl, RACE_FD, F_SETFL, 0));
    R("fcntl(RACE_FD, F_SETFD, 0)", S(SYS_fcntl, RACE_FD, F_SETFD, 0));
    fdstate("  RACE_FD", RACE_FD);
    list_open_fds("open fds");
    S(SYS_close, RACE_FD);
    S(SYS_close, RACE_FILE);
    list_open_fds("open fds");
}

static void setup(void) {
    char* p;

    umask(022);
    setvbuf(stdout, NULL, _IOLBF, 0);
    g_page = sysconf(_SC_PAGESIZE);
    CHECK(g_page >= 4096);
    /* two pages, the second unmapped, far below where mmap places
     * mappings (top down from the stack) and the heap, so that no later
     * mapping fills the hole */
    p = mmap((void*)EDGE_AREA, (size_t)g_page * 2, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK(p == (void*)EDGE_AREA);
    CHECK(munmap(p + g_page, (size_t)g_page) == 0);
    g_edge = p + g_page;
    g_ro = mmap(NULL, (size_t)g_page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(g_ro != MAP_FAILED);
    g_home = getenv("HOME");
    CHECK(g_home);
}

int main(int argc, char** argv) {
    static const struct {
        const char* name;
        void (*fn)(void);
    } sections[] = {
        {"open", sec_open}, {"dup", sec_dup},   {"pipe", sec_pipe},
        {"rw", sec_rw},     {"stat", sec_stat}, {"ioctl", sec_ioctl},
        {"cwd", sec_cwd},   {"exec", sec_exec}, {"race", sec_race},
        {"poll", sec_poll},
    };
    const int nsections = (int)(sizeof(sections) / sizeof(sections[0]));

    setup();
    CHECK(strlen(argv[0]) < sizeof(g_argv0));
    strcpy(g_argv0, argv[0]);
    if (argc > 1 && !strcmp(argv[1], "exec-report"))
        return exec_report(argc, argv);
    list_open_fds("open fds at start");
    for (int i = 0; i < nsections; i++) {
        bool wanted = argc == 1;

        for (int a = 1; a < argc; a++)
            wanted |= !strcmp(argv[a], sections[i].name);
        if (wanted)
            sections[i].fn();
    }
    for (int a = 1; a < argc; a++) {
        bool known = false;

        for (int i = 0; i < nsections; i++)
            known |= !strcmp(argv[a], sections[i].name);
        if (!known) {
            fprintf(stderr, "shim-fd: unknown section %s\n", argv[a]);
            return 2;
        }
    }
    return 0;
}

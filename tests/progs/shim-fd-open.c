/*
 * shim-fd-open.c: open, openat, creat, close and close_range: their flags
 * and paths, the errors the kernel finds first, the lowest free number
 * (one of the shim-fd programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- open, openat, creat, close, close_range ---------------------- */

static void sec_open(void) {
    char *p, *dots;
    char abs_f[PATH_MAX];
    long fd, fd2, fd3, dirfd, pathfd;

    section("open");
    fd = print_rc("creat(\"f\", 0644)", S(SYS_creat, "f", 0644));
    print_rc("write(creat's fd, 12)", S(SYS_write, fd, "hello world\n", 12));
    print_rc("read(creat's fd)", S(SYS_read, fd, abs_f, 4));
    print_rc("close(creat's fd)", S(SYS_close, fd));
    fd = print_rc("open(\"f\", O_RDONLY)", S(SYS_open, "f", O_RDONLY));
    print_stat("  f", (int)fd);
    print_rc("open(\"missing\", O_RDONLY)", S(SYS_open, "missing", O_RDONLY));
    print_rc("open(\"\", O_RDONLY)", S(SYS_open, "", O_RDONLY));
    print_rc("open((void*)1)", S(SYS_open, BAD, O_RDONLY));
    print_rc("open(kernel address)", S(SYS_open, KADDR, O_RDONLY));
    print_rc("open(vsyscall page)", S(SYS_open, VSYSCALL, O_RDONLY));
    print_rc("open(NULL)", S(SYS_open, NULL, O_RDONLY));
    /* a path that runs into an unmapped page, and one whose NUL is the
     * last mapped byte */
    memcpy(g_edge - 3, "fff", 3);
    print_rc("open(\"fff\" into an unmapped page)", S(SYS_open, g_edge - 3, O_RDONLY));
    memcpy(g_edge - 2, "f", 2);
    fd2 = print_rc("open(\"f\" ending at an unmapped page)", S(SYS_open, g_edge - 2, O_RDONLY));
    print_rc("close", S(SYS_close, fd2));
    /* 4096 bytes without a NUL, then the unmapped page: too long, not a
     * fault (the kernel reads PATH_MAX bytes, no more) */
    memset(g_edge - 4096, 'a', 4096);
    print_rc("open(4096 bytes up to an unmapped page)", S(SYS_open, g_edge - 4096, O_RDONLY));
    dots = dots_path(4095, "f");
    memcpy(g_edge - 4096, dots, 4096);
    free(dots);
    fd2 = print_rc("open(4095-byte path to f and NUL up to an unmapped page)",
            S(SYS_open, g_edge - 4096, O_RDONLY));
    print_rc("close", S(SYS_close, fd2));
    p = long_name(5000);
    print_rc("open(5000-byte path)", S(SYS_open, p, O_RDONLY));
    print_rc("open(5000-byte path, O_CREAT)", S(SYS_open, p, O_CREAT | O_WRONLY, 0644));
    free(p);
    dots = dots_path(4095, "f");
    fd2 = print_rc("open(4095-byte path to f)", S(SYS_open, dots, O_RDONLY));
    print_rc("close", S(SYS_close, fd2));
    free(dots);
    dots = dots_path(4096, "ff");
    print_rc("open(4096-byte path)", S(SYS_open, dots, O_RDONLY));
    free(dots);
    p = long_name(256);
    print_rc("open(a 256-byte component)", S(SYS_open, p, O_RDONLY));
    free(p);

    /* O_TMPFILE: whole (with O_DIRECTORY), without O_CREAT, with write
     * access; the flags are checked before the path */
    print_rc("open(\".\", O_TMPFILE|O_RDONLY)", S(SYS_open, ".", O_TMPFILE | O_RDONLY, 0600));
    print_rc("open(\".\", __O_TMPFILE|O_RDWR) (no O_DIRECTORY)",
      S(SYS_open, ".", KO_TMPFILE | O_RDWR, 0600));
    print_rc("open(\".\", O_TMPFILE|O_RDWR|O_CREAT)",
      S(SYS_open, ".", O_TMPFILE | O_RDWR | O_CREAT, 0600));
    print_rc("open((void*)1, O_TMPFILE|O_RDONLY)", S(SYS_open, BAD, O_TMPFILE | O_RDONLY, 0600));
    print_rc("open(\"\", __O_TMPFILE|O_WRONLY)", S(SYS_open, "", KO_TMPFILE | O_WRONLY, 0600));
    fd2 = print_rc("open(\".\", O_TMPFILE|O_RDWR)", S(SYS_open, ".", O_TMPFILE | O_RDWR, 0600));
    if (fd2 >= 0) {
        print_stat("  tmpfile", (int)fd2);
        fdstate("  tmpfile", (int)fd2);
        print_rc("close", S(SYS_close, fd2));
    }
    fd2 =
        print_rc("open(\".\", O_TMPFILE|O_ACCMODE)", S(SYS_open, ".", O_TMPFILE | O_ACCMODE, 0600));
    if (fd2 >= 0)
        print_rc("close", S(SYS_close, fd2));
    /* O_PATH keeps only O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC */
    fd2 =
        print_rc("open(\".\", O_PATH|__O_TMPFILE|O_RDONLY)", S(SYS_open, ".", O_PATH | KO_TMPFILE));
    fdstate("  O_PATH", (int)fd2);
    print_rc("close", S(SYS_close, fd2));
    fd2 = print_rc("open(\"f\", O_PATH|O_CREAT|O_TRUNC|O_WRONLY)",
            S(SYS_open, "f", O_PATH | O_CREAT | O_TRUNC | O_WRONLY, 0600));
    print_stat("  f", (int)fd2);
    print_rc("close", S(SYS_close, fd2));
    /* O_CREAT with O_DIRECTORY: refused with the flags (Linux 6.4 on) */
    print_rc("open(\"newdir\", O_CREAT|O_DIRECTORY)",
      S(SYS_open, "newdir", O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    print_rc("open((void*)1, O_CREAT|O_DIRECTORY)",
      S(SYS_open, BAD, O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    print_rc("open(\"\", O_CREAT|O_DIRECTORY)",
             S(SYS_open, "", O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    fd2 = print_rc("open(\".\", O_PATH|O_CREAT|O_DIRECTORY)",
            S(SYS_open, ".", O_PATH | O_CREAT | O_DIRECTORY, 0755));
    print_rc("close", S(SYS_close, fd2));
    print_rc("openat(-1, (void*)1, O_CREAT|O_DIRECTORY)",
      S(SYS_openat, -1, BAD, O_CREAT | O_DIRECTORY | O_RDONLY, 0755));
    print_rc("open(\"f\", O_DIRECTORY)", S(SYS_open, "f", O_DIRECTORY | O_RDONLY));
    print_rc("open(\"f\", O_CREAT|O_EXCL)", S(SYS_open, "f", O_CREAT | O_EXCL | O_RDWR, 0644));
    print_rc("open(\".\", O_WRONLY)", S(SYS_open, ".", O_WRONLY));
    print_rc("open(\"f/x\", O_RDONLY)", S(SYS_open, "f/x", O_RDONLY));
    /* unknown flag bits are ignored by open */
    fd2 = print_rc("open(\"f\", O_RDONLY|0x40000000)", S(SYS_open, "f", O_RDONLY | 0x40000000));
    fdstate("  unknown bit", (int)fd2);
    print_rc("close", S(SYS_close, fd2));
    fd2 = print_rc("open(\"f\", O_RDWR|O_CLOEXEC|O_APPEND|O_NONBLOCK)",
            S(SYS_open, "f", O_RDWR | O_CLOEXEC | O_APPEND | O_NONBLOCK));
    fdstate("  flags", (int)fd2);
    print_rc("close", S(SYS_close, fd2));
    fd2 = print_rc("open(\"f\", O_WRONLY|O_SYNC|O_TRUNC)",
                   S(SYS_open, "f", O_WRONLY | O_SYNC | O_TRUNC));
    fdstate("  O_SYNC", (int)fd2);
    print_rc("write", S(SYS_write, fd2, "hello world\n", 12));
    print_rc("close", S(SYS_close, fd2));

    /* O_ACCMODE (3): neither readable nor writable */
    fd2 = print_rc("open(\"f\", O_ACCMODE)", S(SYS_open, "f", O_ACCMODE));
    fdstate("  O_ACCMODE", (int)fd2);
    print_rc("read(O_ACCMODE fd)", S(SYS_read, fd2, abs_f, 1));
    print_rc("read(O_ACCMODE fd, kernel address)", S(SYS_read, fd2, KADDR, 1));
    print_rc("write(O_ACCMODE fd)", S(SYS_write, fd2, "x", 1));
    print_rc("write(O_ACCMODE fd, kernel address)", S(SYS_write, fd2, KADDR, 1));
    print_rc("readv(O_ACCMODE fd, (void*)1, 1)", S(SYS_readv, fd2, BAD, 1));
    print_rc("close", S(SYS_close, fd2));

    /* openat: the directory descriptor matters only for relative paths */
    CHECK(getcwd(abs_f, sizeof(abs_f) - 2));
    strcat(abs_f, "/f");
    print_rc("openat(-1, \"f\")", S(SYS_openat, -1, "f", O_RDONLY));
    fd2 = print_rc("openat(-1, absolute f)", S(SYS_openat, -1, abs_f, O_RDONLY));
    print_rc("close", S(SYS_close, fd2));
    print_rc("openat(-1, \"\")", S(SYS_openat, -1, "", O_RDONLY));
    print_rc("openat(-1, (void*)1)", S(SYS_openat, -1, BAD, O_RDONLY));
    print_rc("openat(HUGE_FD, \"f\")", S(SYS_openat, HUGE_FD, "f", O_RDONLY));
    print_rc("openat(f's fd, \"x\")", S(SYS_openat, fd, "x", O_RDONLY));
    CHECK(mkdir("d", 0755) == 0);
    make_file("d/inner", "inner\n");
    dirfd = print_rc("openat(AT_FDCWD, \"d\", O_DIRECTORY)",
              S(SYS_openat, AT_FDCWD, "d", O_DIRECTORY | O_RDONLY));
    pathfd = print_rc("openat(AT_FDCWD, \"d\", O_PATH)", S(SYS_openat, AT_FDCWD, "d", O_PATH));
    fd2 = print_rc("openat(d's fd, \"inner\")", S(SYS_openat, dirfd, "inner", O_RDONLY));
    print_rc("close", S(SYS_close, fd2));
    fd2 = print_rc("openat(d's O_PATH fd, \"inner\")", S(SYS_openat, pathfd, "inner", O_RDONLY));
    print_rc("close", S(SYS_close, fd2));
    fd2 = print_rc("openat(d's fd, \"new\", O_CREAT)",
            S(SYS_openat, dirfd, "new", O_CREAT | O_WRONLY, 0600));
    print_stat("  d/new", (int)fd2);
    print_rc("close", S(SYS_close, fd2));
    print_rc("openat(d's fd, \"inner\", O_TMPFILE|O_RDONLY)",
      S(SYS_openat, dirfd, "inner", O_TMPFILE | O_RDONLY));

    /* creat */
    fd2 = print_rc("creat(\"g\", 0600)", S(SYS_creat, "g", 0600));
    print_stat("  g", (int)fd2);
    fdstate("  g", (int)fd2);
    print_rc("read(creat's fd)", S(SYS_read, fd2, abs_f, 1));
    print_rc("close", S(SYS_close, fd2));
    print_rc("creat((void*)1)", S(SYS_creat, BAD, 0600));
    print_rc("creat(\"\")", S(SYS_creat, "", 0600));
    print_rc("creat(\".\")", S(SYS_creat, ".", 0600));
    print_rc("creat(\"nodir/x\")", S(SYS_creat, "nodir/x", 0600));
    print_rc("creat(\"newfile/\")", S(SYS_creat, "newfile/", 0600));
    p = long_name(5000);
    print_rc("creat(5000-byte path)", S(SYS_creat, p, 0600));
    free(p);

    /* the lowest free number */
    fd2 = print_rc("open(\"f\")", S(SYS_open, "f", O_RDONLY));
    fd3 = print_rc("open(\"f\")", S(SYS_open, "f", O_RDONLY));
    print_rc("close(first)", S(SYS_close, fd2));
    fd2 = print_rc("open(\"f\") again", S(SYS_open, "f", O_RDONLY));
    print_rc("close", S(SYS_close, fd3));

    /* close */
    print_rc("close(-1)", S(SYS_close, -1));
    print_rc("close(HUGE_FD)", S(SYS_close, HUGE_FD));
    print_rc("close(0x7fffffff)", S(SYS_close, 0x7fffffffL));
    print_rc("close(0x80000000)", S(SYS_close, SIGNED_FD));
    print_rc("close(a closed fd)", S(SYS_close, fd3));
    print_rc("close(O_PATH fd)", S(SYS_close, pathfd));
    print_rc("close(O_PATH fd) again", S(SYS_close, pathfd));
    /* the upper half of the register is not the kernel's: unsigned int */
    print_rc("close(fd | 1 << 32)", S(SYS_close, fd2 | (1L << 32)));
    print_rc("fcntl(F_GETFD) of it", S(SYS_fcntl, fd2, F_GETFD));
    print_rc("close(dir fd)", S(SYS_close, dirfd));

    /* close_range */
    print_rc("close_range(10, 5, 0)", S(SYS_close_range, 10, 5, 0));
    print_rc("close_range(3, 10, 0x80)", S(SYS_close_range, 3, 10, 0x80));
    print_rc("close_range(10, 5, 0x80)", S(SYS_close_range, 10, 5, 0x80));
    print_rc("close_range(3, 10, CLOSE_RANGE_CLOEXEC|1)",
      S(SYS_close_range, 3, 10, CLOSE_RANGE_CLOEXEC | 1));
    fd2 = S(SYS_open, "f", O_RDONLY);
    fd3 = S(SYS_open, "f", O_RDONLY);
    dirfd = S(SYS_open, "f", O_RDONLY);
    printf("three fds: %ld %ld %ld\n", fd2, fd3, dirfd);
    print_rc("close_range(second, third, CLOSE_RANGE_CLOEXEC)",
      S(SYS_close_range, fd3, dirfd, CLOSE_RANGE_CLOEXEC));
    fdstate("  first", (int)fd2);
    fdstate("  second", (int)fd3);
    fdstate("  third", (int)dirfd);
    print_rc("close_range(first, second, 0)", S(SYS_close_range, fd2, fd3, 0));
    fdstate("  first", (int)fd2);
    fdstate("  second", (int)fd3);
    fdstate("  third", (int)dirfd);
    print_rc("close_range(third, third, CLOSE_RANGE_UNSHARE)",
      S(SYS_close_range, dirfd, dirfd, CLOSE_RANGE_UNSHARE));
    fdstate("  third", (int)dirfd);
    print_rc("close_range(5000, ~0U, 0)", S(SYS_close_range, 5000, ~0U, 0));
    print_rc("close_range(~0U, ~0U, 0)", S(SYS_close_range, ~0U, ~0U, 0));
    /* fd 0 reopened on a file, then closed by a range */
    fd2 = S(SYS_dup, 0);
    print_rc("close_range(fd, ~0U, 0) with only dup(0) above", S(SYS_close_range, fd2, ~0U, 0));
    fdstate("  dup(0)", (int)fd2);
    print_rc("close(f's fd)", S(SYS_close, fd));
    CHECK(unlink("d/inner") == 0 && unlink("d/new") == 0 && rmdir("d") == 0 && unlink("g") == 0);
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_open();
    return 0;
}

/*
 * shim-fd-stat.c: fstat and getdents64 (one of the shim-fd programs: shim-
 * fd.h).
 */
#include "shim-fd.h"

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
           n < 0 ? errno_name(errno) : "", nnames);
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
    fd = print_rc("open(\"f\")", S(SYS_open, "f", O_RDWR));
    print_rc("fstat(fd)", S(SYS_fstat, fd, &st));
    print_stat("  f", (int)fd);
    CHECK(link("f", "f2") == 0);
    print_stat("  f after link", (int)fd);
    CHECK(unlink("f2") == 0);
    print_rc("ftruncate", ftruncate((int)fd, 3));
    print_stat("  f after truncate", (int)fd);
    closed = CLOSED_FD;
    print_rc("fstat(-1)", S(SYS_fstat, -1, &st));
    print_rc("fstat(closed)", S(SYS_fstat, closed, &st));
    print_rc("fstat(HUGE_FD)", S(SYS_fstat, HUGE_FD, &st));
    print_rc("fstat(0x80000000)", S(SYS_fstat, SIGNED_FD, &st));
    print_rc("fstat(-1, (void*)1)", S(SYS_fstat, -1, BAD));
    print_rc("fstat(fd, (void*)1)", S(SYS_fstat, fd, BAD));
    print_rc("fstat(fd, kernel address)", S(SYS_fstat, fd, KADDR));
    print_rc("fstat(fd, read-only page)", S(SYS_fstat, fd, g_ro));
    print_rc("fstat(fd, across an unmapped page)", S(SYS_fstat, fd, g_edge - 16));
    print_rc("fstat(fd | 1 << 32)", S(SYS_fstat, fd | (1L << 32), &st));
    pathfd = print_rc("open(\"f\", O_PATH)", S(SYS_open, "f", O_PATH));
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
    dirfd = print_rc("open(\"dir\", O_DIRECTORY)", S(SYS_open, "dir", O_RDONLY | O_DIRECTORY));
    print_stat("  dir", (int)dirfd);
    list_dir("getdents64(dir, 4096)", (int)dirfd, 4096);
    print_rc("getdents64(dir) at the end", S(SYS_getdents64, dirfd, buf, sizeof(buf)));
    print_rc("lseek(dir, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    list_dir("getdents64(dir, 40)", (int)dirfd, 40);
    print_rc("lseek(dir, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    print_rc("getdents64(dir, buf, 1)", S(SYS_getdents64, dirfd, buf, 1));
    print_rc("getdents64(dir, buf, 0)", S(SYS_getdents64, dirfd, buf, 0));
    print_rc("getdents64(dir, (void*)1, 4096)", S(SYS_getdents64, dirfd, BAD, 4096));
    print_rc("getdents64(dir, kernel address, 4096)", S(SYS_getdents64, dirfd, KADDR, 4096));
    print_rc("getdents64(dir, read-only page, 4096)", S(SYS_getdents64, dirfd, g_ro, 4096));
    print_rc("getdents64(-1)", S(SYS_getdents64, -1, buf, sizeof(buf)));
    print_rc("getdents64(-1, (void*)1, 0)", S(SYS_getdents64, -1, BAD, 0));
    print_rc("getdents64(closed)", S(SYS_getdents64, closed, buf, sizeof(buf)));
    print_rc("getdents64(HUGE_FD)", S(SYS_getdents64, HUGE_FD, buf, sizeof(buf)));
    print_rc("getdents64(file)", S(SYS_getdents64, fd, buf, sizeof(buf)));
    print_rc("getdents64(file, (void*)1)", S(SYS_getdents64, fd, BAD, sizeof(buf)));
    print_rc("getdents64(pipe)", S(SYS_getdents64, p[0], buf, sizeof(buf)));
    dpathfd = print_rc("open(\"dir\", O_PATH)", S(SYS_open, "dir", O_PATH));
    print_rc("getdents64(O_PATH dir)", S(SYS_getdents64, dpathfd, buf, sizeof(buf)));
    print_stat("  O_PATH dir", (int)dpathfd);
    print_rc("lseek(dir, 0, SEEK_SET)", S(SYS_lseek, dirfd, 0, SEEK_SET));
    print_rc("getdents64(dir | 1 << 32, 4096)",
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

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_stat();
    return 0;
}

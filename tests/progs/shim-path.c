/*
 * shim-path.c: the path-based file-system calls the shim implements:
 * stat, lstat, newfstatat, statx, access, faccessat, faccessat2, readlink,
 * readlinkat, mkdir, mkdirat, rmdir, unlink, unlinkat, rename, renameat,
 * renameat2, symlink, symlinkat, link, linkat, chmod, fchmod, fchmodat,
 * fchmodat2, chown, fchown, lchown and fchownat, each made with syscall()
 * (libc would hide the raw behaviour), in the current directory.
 *
 * Each call's success and its failures: ENOENT, EEXIST, ENOTDIR, EISDIR,
 * ENOTEMPTY, EINVAL for bad flags or modes, EBADF for a bad directory fd,
 * EFAULT for a name at (char *)1 or running into an unmapped page,
 * ENAMETOOLONG for 5,000 bytes (and the PATH_MAX boundary), an empty name
 * with and without AT_EMPTY_PATH, and two bad arguments at once, where the
 * kernel's order decides the error.  The results print only what does not
 * vary between runs: file type, permissions, size, link count, link
 * contents; never inode numbers or times.
 */
#define _GNU_SOURCE /* AT_EMPTY_PATH, O_PATH, strerrorname_np */
#include <fcntl.h>
#include <limits.h>
#include <linux/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests.h"

#ifndef AT_STATX_SYNC_TYPE
#define AT_STATX_SYNC_TYPE 0x6000
#endif
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#define RENAME_WHITEOUT (1 << 2)
#endif

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

#define BAD ((const char*)1) /* an address never mapped */
#define BADFD 999            /* a descriptor never open */

static char g_long[5001];      /* 5,000 bytes: ENAMETOOLONG */
static char g_max[PATH_MAX];   /* "./././...": PATH_MAX - 1 bytes, the longest name */
static char g_over[PATH_MAX + 1]; /* PATH_MAX bytes without the NUL: too long */
static const char* g_unmapped; /* "abc" at the end of a page, the next unmapped */
static char g_cwd[PATH_MAX];   /* for absolute names */

/* The result of a call: "= N" or "= -1 ENAME". */
static void show(const char* what, long rc) {
    if (rc < 0)
        printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s = %ld\n", what, rc);
}

#define CALL(what, ...)                    \
    do {                                   \
        errno = 0;                         \
        show(what, syscall(__VA_ARGS__));  \
    } while (0)

static const char* type_of(mode_t m) {
    switch (m & S_IFMT) {
    case S_IFREG: return "file";
    case S_IFDIR: return "dir";
    case S_IFLNK: return "symlink";
    case S_IFIFO: return "fifo";
    case S_IFCHR: return "chardev";
    default: return "other";
    }
}

/* What a stat buffer says that does not vary between runs (a directory's
 * size does, with the file system: left out). */
static void show_stat(const char* what, long rc, const struct stat* st) {
    show(what, rc);
    if (rc != 0)
        return;
    printf("    %s mode %04o nlink %lu", type_of(st->st_mode), st->st_mode & 07777,
           (unsigned long)st->st_nlink);
    if (!S_ISDIR(st->st_mode))
        printf(" size %lld", (long long)st->st_size);
    printf("\n");
}

#define STAT(what, ...)                                       \
    do {                                                      \
        memset(&st, 0xa5, sizeof(st));                        \
        errno = 0;                                            \
        show_stat(what, syscall(__VA_ARGS__), &st);           \
    } while (0)

static void show_statx(const char* what, long rc, const struct statx* sx) {
    show(what, rc);
    if (rc != 0)
        return;
    printf("    %s mode %04o nlink %u", type_of(sx->stx_mode), sx->stx_mode & 07777,
           sx->stx_nlink);
    if (!S_ISDIR(sx->stx_mode))
        printf(" size %llu", (unsigned long long)sx->stx_size);
    printf(" basic stats %s\n",
           (sx->stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS ? "all" : "missing");
}

#define STATX(what, ...)                                      \
    do {                                                      \
        memset(&sx, 0xa5, sizeof(sx));                        \
        errno = 0;                                            \
        show_statx(what, syscall(__VA_ARGS__), &sx);          \
    } while (0)

/* readlink's result with the bytes it wrote */
static void show_link(const char* what, long rc, const char* buf) {
    show(what, rc);
    if (rc > 0)
        printf("    \"%.*s\"\n", (int)rc, buf);
}

#define READLINK(what, ...)                                   \
    do {                                                      \
        memset(buf, 0, sizeof(buf));                          \
        errno = 0;                                            \
        show_link(what, syscall(__VA_ARGS__), buf);           \
    } while (0)

static void make_file(const char* name, const char* content) {
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0640);

    CHECK(fd >= 0);
    CHECK(write(fd, content, strlen(content)) == (ssize_t)strlen(content));
    CHECK(close(fd) == 0);
}

/* "what the file holds", or its absence */
static void show_content(const char* name) {
    char buf[64] = "";
    int fd = open(name, O_RDONLY);
    ssize_t n;

    if (fd < 0) {
        printf("    %s: %s\n", name, strerrorname_np(errno));
        return;
    }
    n = read(fd, buf, sizeof(buf) - 1);
    CHECK(n >= 0);
    close(fd);
    printf("    %s: \"%.*s\"\n", name, (int)n, buf);
}

static void setup(void) {
    long page = sysconf(_SC_PAGESIZE);
    char* p;
    size_t i;

    memset(g_long, 'a', sizeof(g_long) - 1);
    g_max[0] = '.';
    for (i = 1; i + 1 < PATH_MAX; i += 2)
        memcpy(g_max + i, "/.", 2);
    CHECK(strlen(g_max) == PATH_MAX - 1);
    memcpy(g_over, g_max, PATH_MAX - 1);
    g_over[PATH_MAX - 1] = '/';
    CHECK(strlen(g_over) == PATH_MAX);
    p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK(munmap(p + page, page) == 0);
    memcpy(p + page - 3, "abc", 3);
    g_unmapped = p + page - 3;
    CHECK(getcwd(g_cwd, sizeof(g_cwd) - 64) != NULL);

    make_file("file", "twelve bytes");
    CHECK(mkdir("dir", 0755) == 0);
    make_file("dir/inner", "inner");
    CHECK(symlink("file", "link") == 0);
    CHECK(symlink("missing", "dangling") == 0);
}

static void t_stat(void) {
    struct stat st;

    printf("-- stat, lstat\n");
    STAT("stat file", SYS_stat, "file", &st);
    STAT("stat dir", SYS_stat, "dir", &st);
    STAT("stat link (followed)", SYS_stat, "link", &st);
    STAT("stat dangling", SYS_stat, "dangling", &st);
    STAT("stat missing", SYS_stat, "missing", &st);
    STAT("stat file/x", SYS_stat, "file/x", &st);
    STAT("stat dir/inner/", SYS_stat, "dir/inner/", &st);
    STAT("stat \"\"", SYS_stat, "", &st);
    STAT("stat (char *)1", SYS_stat, BAD, &st);
    STAT("stat NULL", SYS_stat, NULL, &st);
    STAT("stat unmapped end", SYS_stat, g_unmapped, &st);
    STAT("stat 5000 bytes", SYS_stat, g_long, &st);
    STAT("stat PATH_MAX-1 bytes", SYS_stat, g_max, &st);
    STAT("stat PATH_MAX bytes", SYS_stat, g_over, &st);
    CALL("stat file, buffer (void *)1", SYS_stat, "file", (void*)1);
    CALL("stat missing, buffer (void *)1", SYS_stat, "missing", (void*)1);
    STAT("lstat link", SYS_lstat, "link", &st);
    STAT("lstat dangling", SYS_lstat, "dangling", &st);
    STAT("lstat file", SYS_lstat, "file", &st);
    STAT("lstat missing", SYS_lstat, "missing", &st);
    STAT("lstat \"\"", SYS_lstat, "", &st);
    STAT("lstat (char *)1", SYS_lstat, BAD, &st);
    STAT("lstat unmapped end", SYS_lstat, g_unmapped, &st);
    STAT("lstat 5000 bytes", SYS_lstat, g_long, &st);
    CALL("lstat link, buffer (void *)1", SYS_lstat, "link", (void*)1);
}

static void t_newfstatat(int dirfd, int filefd) {
    struct stat st;
    char abs[sizeof(g_cwd) + 16];

    snprintf(abs, sizeof(abs), "%s/file", g_cwd);
    printf("-- newfstatat\n");
    STAT("newfstatat AT_FDCWD file", SYS_newfstatat, AT_FDCWD, "file", &st, 0);
    STAT("newfstatat dirfd inner", SYS_newfstatat, dirfd, "inner", &st, 0);
    STAT("newfstatat link", SYS_newfstatat, AT_FDCWD, "link", &st, 0);
    STAT("newfstatat link NOFOLLOW", SYS_newfstatat, AT_FDCWD, "link", &st, AT_SYMLINK_NOFOLLOW);
    STAT("newfstatat file NO_AUTOMOUNT|FORCE_SYNC", SYS_newfstatat, AT_FDCWD, "file", &st,
         AT_NO_AUTOMOUNT | AT_STATX_FORCE_SYNC);
    STAT("newfstatat file both sync types", SYS_newfstatat, AT_FDCWD, "file", &st,
         AT_STATX_SYNC_TYPE);
    STAT("newfstatat filefd \"\" EMPTY_PATH", SYS_newfstatat, filefd, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat filefd NULL EMPTY_PATH", SYS_newfstatat, filefd, NULL, &st, AT_EMPTY_PATH);
    STAT("newfstatat dirfd \"\" EMPTY_PATH", SYS_newfstatat, dirfd, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat AT_FDCWD NULL EMPTY_PATH", SYS_newfstatat, AT_FDCWD, NULL, &st,
         AT_EMPTY_PATH);
    STAT("newfstatat filefd \"\" no EMPTY_PATH", SYS_newfstatat, filefd, "", &st, 0);
    STAT("newfstatat AT_FDCWD \"\"", SYS_newfstatat, AT_FDCWD, "", &st, 0);
    STAT("newfstatat filefd \"\" EMPTY_PATH|0x80000000", SYS_newfstatat, filefd, "", &st,
         AT_EMPTY_PATH | 0x80000000);
    STAT("newfstatat AT_FDCWD NULL EMPTY_PATH|0x80000000", SYS_newfstatat, AT_FDCWD, NULL, &st,
         AT_EMPTY_PATH | 0x80000000);
    STAT("newfstatat file 0x80000000", SYS_newfstatat, AT_FDCWD, "file", &st, 0x80000000);
    STAT("newfstatat (char *)1 0x80000000", SYS_newfstatat, AT_FDCWD, BAD, &st, 0x80000000);
    STAT("newfstatat (char *)1 AT_REMOVEDIR", SYS_newfstatat, AT_FDCWD, BAD, &st, AT_REMOVEDIR);
    STAT("newfstatat missing", SYS_newfstatat, AT_FDCWD, "missing", &st, 0);
    STAT("newfstatat file/x", SYS_newfstatat, AT_FDCWD, "file/x", &st, 0);
    STAT("newfstatat bad dirfd inner", SYS_newfstatat, BADFD, "inner", &st, 0);
    STAT("newfstatat bad dirfd \"\" EMPTY_PATH", SYS_newfstatat, BADFD, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat -5 \"\" EMPTY_PATH", SYS_newfstatat, -5, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat bad dirfd absolute", SYS_newfstatat, BADFD, abs, &st, 0);
    STAT("newfstatat filefd as dirfd", SYS_newfstatat, filefd, "inner", &st, 0);
    STAT("newfstatat (char *)1", SYS_newfstatat, AT_FDCWD, BAD, &st, 0);
    STAT("newfstatat (char *)1 EMPTY_PATH", SYS_newfstatat, filefd, BAD, &st, AT_EMPTY_PATH);
    STAT("newfstatat unmapped end", SYS_newfstatat, AT_FDCWD, g_unmapped, &st, 0);
    STAT("newfstatat 5000 bytes", SYS_newfstatat, AT_FDCWD, g_long, &st, 0);
    STAT("newfstatat 5000 bytes EMPTY_PATH", SYS_newfstatat, filefd, g_long, &st, AT_EMPTY_PATH);
    STAT("newfstatat PATH_MAX bytes", SYS_newfstatat, AT_FDCWD, g_over, &st, 0);
    CALL("newfstatat file, buffer (void *)1", SYS_newfstatat, AT_FDCWD, "file", (void*)1, 0);
}

static void t_statx(int dirfd, int filefd) {
    struct statx sx;

    printf("-- statx\n");
    STATX("statx file", SYS_statx, AT_FDCWD, "file", 0, STATX_BASIC_STATS, &sx);
    STATX("statx dirfd inner", SYS_statx, dirfd, "inner", 0, STATX_BASIC_STATS, &sx);
    STATX("statx link", SYS_statx, AT_FDCWD, "link", 0, STATX_BASIC_STATS, &sx);
    STATX("statx link NOFOLLOW", SYS_statx, AT_FDCWD, "link", AT_SYMLINK_NOFOLLOW,
          STATX_BASIC_STATS, &sx);
    STATX("statx file DONT_SYNC|NO_AUTOMOUNT", SYS_statx, AT_FDCWD, "file",
          AT_STATX_DONT_SYNC | AT_NO_AUTOMOUNT, STATX_BASIC_STATS, &sx);
    STATX("statx file mask 0x40000000", SYS_statx, AT_FDCWD, "file", 0, 0x40000000, &sx);
    STATX("statx filefd \"\" EMPTY_PATH", SYS_statx, filefd, "", AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx filefd NULL EMPTY_PATH", SYS_statx, filefd, NULL, AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx AT_FDCWD NULL EMPTY_PATH", SYS_statx, AT_FDCWD, NULL, AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" EMPTY_PATH|0x80000000", SYS_statx, filefd, "",
          AT_EMPTY_PATH | 0x80000000, STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" EMPTY_PATH both sync types", SYS_statx, filefd, "",
          AT_EMPTY_PATH | AT_STATX_SYNC_TYPE, STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" EMPTY_PATH mask reserved", SYS_statx, filefd, "", AT_EMPTY_PATH,
          STATX__RESERVED, &sx);
    STATX("statx AT_FDCWD NULL EMPTY_PATH|0x80000000", SYS_statx, AT_FDCWD, NULL,
          AT_EMPTY_PATH | 0x80000000, STATX_BASIC_STATS, &sx);
    STATX("statx bad dirfd NULL EMPTY_PATH|0x80000000", SYS_statx, BADFD, NULL,
          AT_EMPTY_PATH | 0x80000000, STATX_BASIC_STATS, &sx);
    STATX("statx bad dirfd NULL EMPTY_PATH mask reserved", SYS_statx, BADFD, NULL,
          AT_EMPTY_PATH, STATX__RESERVED, &sx);
    STATX("statx file 0x80000000", SYS_statx, AT_FDCWD, "file", 0x80000000, STATX_BASIC_STATS,
          &sx);
    STATX("statx file both sync types", SYS_statx, AT_FDCWD, "file", AT_STATX_SYNC_TYPE,
          STATX_BASIC_STATS, &sx);
    STATX("statx file mask reserved", SYS_statx, AT_FDCWD, "file", 0, STATX__RESERVED, &sx);
    STATX("statx (char *)1 0x80000000", SYS_statx, AT_FDCWD, BAD, 0x80000000,
          STATX_BASIC_STATS, &sx);
    STATX("statx (char *)1 mask reserved", SYS_statx, AT_FDCWD, BAD, 0, STATX__RESERVED, &sx);
    STATX("statx (char *)1 both sync types", SYS_statx, AT_FDCWD, BAD, AT_STATX_SYNC_TYPE,
          STATX_BASIC_STATS, &sx);
    STATX("statx missing", SYS_statx, AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx);
    STATX("statx file/x", SYS_statx, AT_FDCWD, "file/x", 0, STATX_BASIC_STATS, &sx);
    STATX("statx \"\"", SYS_statx, AT_FDCWD, "", 0, STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" no EMPTY_PATH", SYS_statx, filefd, "", 0, STATX_BASIC_STATS, &sx);
    STATX("statx bad dirfd inner", SYS_statx, BADFD, "inner", 0, STATX_BASIC_STATS, &sx);
    STATX("statx filefd as dirfd", SYS_statx, filefd, "inner", 0, STATX_BASIC_STATS, &sx);
    STATX("statx (char *)1", SYS_statx, AT_FDCWD, BAD, 0, STATX_BASIC_STATS, &sx);
    STATX("statx (char *)1 EMPTY_PATH", SYS_statx, filefd, BAD, AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx unmapped end", SYS_statx, AT_FDCWD, g_unmapped, 0, STATX_BASIC_STATS, &sx);
    STATX("statx 5000 bytes", SYS_statx, AT_FDCWD, g_long, 0, STATX_BASIC_STATS, &sx);
    STATX("statx PATH_MAX-1 bytes", SYS_statx, AT_FDCWD, g_max, 0, STATX_BASIC_STATS, &sx);
    STATX("statx PATH_MAX bytes", SYS_statx, AT_FDCWD, g_over, 0, STATX_BASIC_STATS, &sx);
    CALL("statx file, buffer (void *)1", SYS_statx, AT_FDCWD, "file", 0, STATX_BASIC_STATS,
         (void*)1);
}

static void t_access(int dirfd, int filefd) {
    printf("-- access, faccessat, faccessat2\n");
    CALL("access file F_OK", SYS_access, "file", F_OK);
    CALL("access file R_OK|W_OK", SYS_access, "file", R_OK | W_OK);
    CALL("access file X_OK", SYS_access, "file", X_OK);
    CALL("access dir X_OK", SYS_access, "dir", X_OK);
    CALL("access dangling", SYS_access, "dangling", F_OK);
    CALL("access missing", SYS_access, "missing", F_OK);
    CALL("access file/x", SYS_access, "file/x", F_OK);
    CALL("access \"\"", SYS_access, "", F_OK);
    CALL("access file mode 8", SYS_access, "file", 8);
    CALL("access (char *)1 mode 8", SYS_access, BAD, 8);
    CALL("access file mode 0x100000000", SYS_access, "file", 0x100000000L);
    CALL("access (char *)1", SYS_access, BAD, F_OK);
    CALL("access unmapped end", SYS_access, g_unmapped, F_OK);
    CALL("access 5000 bytes", SYS_access, g_long, F_OK);
    CALL("access PATH_MAX-1 bytes", SYS_access, g_max, F_OK);
    CALL("access PATH_MAX bytes", SYS_access, g_over, F_OK);
    CALL("faccessat dirfd inner", SYS_faccessat, dirfd, "inner", R_OK);
    CALL("faccessat AT_FDCWD file", SYS_faccessat, AT_FDCWD, "file", W_OK);
    CALL("faccessat bad dirfd inner", SYS_faccessat, BADFD, "inner", F_OK);
    CALL("faccessat filefd as dirfd", SYS_faccessat, filefd, "inner", F_OK);
    CALL("faccessat filefd \"\"", SYS_faccessat, filefd, "", F_OK);
    CALL("faccessat mode 8", SYS_faccessat, AT_FDCWD, "file", 8);
    CALL("faccessat (char *)1", SYS_faccessat, AT_FDCWD, BAD, F_OK);
    CALL("faccessat unmapped end", SYS_faccessat, AT_FDCWD, g_unmapped, F_OK);
    CALL("faccessat 5000 bytes", SYS_faccessat, AT_FDCWD, g_long, F_OK);
    CALL("faccessat2 file EACCESS", SYS_faccessat2, AT_FDCWD, "file", R_OK, AT_EACCESS);
    CALL("faccessat2 dangling", SYS_faccessat2, AT_FDCWD, "dangling", F_OK, 0);
    CALL("faccessat2 dangling NOFOLLOW", SYS_faccessat2, AT_FDCWD, "dangling", F_OK,
         AT_SYMLINK_NOFOLLOW);
    CALL("faccessat2 filefd \"\" EMPTY_PATH", SYS_faccessat2, filefd, "", W_OK, AT_EMPTY_PATH);
    CALL("faccessat2 filefd \"\"", SYS_faccessat2, filefd, "", F_OK, 0);
    CALL("faccessat2 filefd NULL EMPTY_PATH", SYS_faccessat2, filefd, NULL, F_OK, AT_EMPTY_PATH);
    CALL("faccessat2 bad dirfd \"\" EMPTY_PATH", SYS_faccessat2, BADFD, "", F_OK, AT_EMPTY_PATH);
    CALL("faccessat2 bad dirfd inner", SYS_faccessat2, BADFD, "inner", F_OK, 0);
    CALL("faccessat2 flags 0x80000000", SYS_faccessat2, AT_FDCWD, "file", F_OK, 0x80000000);
    CALL("faccessat2 flags AT_SYMLINK_FOLLOW", SYS_faccessat2, AT_FDCWD, "file", F_OK,
         AT_SYMLINK_FOLLOW);
    CALL("faccessat2 (char *)1 flags 0x80000000", SYS_faccessat2, AT_FDCWD, BAD, F_OK,
         0x80000000);
    CALL("faccessat2 mode 8 flags 0x80000000", SYS_faccessat2, AT_FDCWD, "file", 8, 0x80000000);
    CALL("faccessat2 (char *)1", SYS_faccessat2, AT_FDCWD, BAD, F_OK, 0);
    CALL("faccessat2 unmapped end", SYS_faccessat2, AT_FDCWD, g_unmapped, F_OK, 0);
    CALL("faccessat2 5000 bytes", SYS_faccessat2, AT_FDCWD, g_long, F_OK, 0);
}

static void t_readlink(int dirfd, int filefd) {
    char buf[64];
    int linkfd;

    printf("-- readlink, readlinkat\n");
    CHECK(symlink("../file", "dir/up") == 0);
    READLINK("readlink link", SYS_readlink, "link", buf, sizeof(buf));
    READLINK("readlink dangling", SYS_readlink, "dangling", buf, sizeof(buf));
    READLINK("readlink link size 2", SYS_readlink, "link", buf, 2);
    READLINK("readlink link size 0x100000001", SYS_readlink, "link", buf, 0x100000001L);
    READLINK("readlink link size 0", SYS_readlink, "link", buf, 0);
    READLINK("readlink link size -1", SYS_readlink, "link", buf, -1L);
    READLINK("readlink link size 0x100000000", SYS_readlink, "link", buf, 0x100000000L);
    READLINK("readlink (char *)1 size 0", SYS_readlink, BAD, buf, 0);
    READLINK("readlink file", SYS_readlink, "file", buf, sizeof(buf));
    READLINK("readlink dir", SYS_readlink, "dir", buf, sizeof(buf));
    READLINK("readlink missing", SYS_readlink, "missing", buf, sizeof(buf));
    READLINK("readlink file/x", SYS_readlink, "file/x", buf, sizeof(buf));
    READLINK("readlink \"\"", SYS_readlink, "", buf, sizeof(buf));
    READLINK("readlink (char *)1", SYS_readlink, BAD, buf, sizeof(buf));
    READLINK("readlink unmapped end", SYS_readlink, g_unmapped, buf, sizeof(buf));
    READLINK("readlink 5000 bytes", SYS_readlink, g_long, buf, sizeof(buf));
    READLINK("readlink link, buffer (char *)1", SYS_readlink, "link", (char*)1, sizeof(buf));
    READLINK("readlink file, buffer (char *)1", SYS_readlink, "file", (char*)1, sizeof(buf));
    READLINK("readlinkat dirfd up", SYS_readlinkat, dirfd, "up", buf, sizeof(buf));
    READLINK("readlinkat AT_FDCWD link", SYS_readlinkat, AT_FDCWD, "link", buf, sizeof(buf));
    READLINK("readlinkat bad dirfd up", SYS_readlinkat, BADFD, "up", buf, sizeof(buf));
    READLINK("readlinkat filefd as dirfd", SYS_readlinkat, filefd, "up", buf, sizeof(buf));
    linkfd = open("link", O_PATH | O_NOFOLLOW);
    CHECK(linkfd >= 0);
    READLINK("readlinkat O_PATH link fd \"\"", SYS_readlinkat, linkfd, "", buf, sizeof(buf));
    CHECK(close(linkfd) == 0);
    READLINK("readlinkat dirfd \"\"", SYS_readlinkat, dirfd, "", buf, sizeof(buf));
    READLINK("readlinkat bad dirfd \"\"", SYS_readlinkat, BADFD, "", buf, sizeof(buf));
    READLINK("readlinkat AT_FDCWD \"\"", SYS_readlinkat, AT_FDCWD, "", buf, sizeof(buf));
    READLINK("readlinkat NULL", SYS_readlinkat, AT_FDCWD, NULL, buf, sizeof(buf));
    READLINK("readlinkat size 0", SYS_readlinkat, dirfd, "up", buf, 0);
    READLINK("readlinkat unmapped end", SYS_readlinkat, AT_FDCWD, g_unmapped, buf, sizeof(buf));
    READLINK("readlinkat 5000 bytes", SYS_readlinkat, AT_FDCWD, g_long, buf, sizeof(buf));
}

static void t_mkdir_rmdir(int dirfd, int filefd) {
    struct stat st;
    char abs[sizeof(g_cwd) + 16];

    snprintf(abs, sizeof(abs), "%s/abs-made", g_cwd);
    printf("-- mkdir, mkdirat, rmdir\n");
    CALL("mkdir made 0750", SYS_mkdir, "made", 0750);
    STAT("    stat made", SYS_stat, "made", &st);
    CALL("mkdir made again", SYS_mkdir, "made", 0755);
    CALL("mkdir file", SYS_mkdir, "file", 0755);
    CALL("mkdir dangling", SYS_mkdir, "dangling", 0755);
    CALL("mkdir missing/x", SYS_mkdir, "missing/x", 0755);
    CALL("mkdir file/x", SYS_mkdir, "file/x", 0755);
    CALL("mkdir \"\"", SYS_mkdir, "", 0755);
    CALL("mkdir (char *)1", SYS_mkdir, BAD, 0755);
    CALL("mkdir unmapped end", SYS_mkdir, g_unmapped, 0755);
    CALL("mkdir 5000 bytes", SYS_mkdir, g_long, 0755);
    CALL("mkdir made/sub 07777", SYS_mkdir, "made/sub", 07777);
    STAT("    stat made/sub", SYS_stat, "made/sub", &st);
    CALL("mkdirat dirfd sub", SYS_mkdirat, dirfd, "sub", 0700);
    STAT("    stat dir/sub", SYS_stat, "dir/sub", &st);
    CALL("mkdirat dirfd sub again", SYS_mkdirat, dirfd, "sub", 0700);
    CALL("mkdirat bad dirfd x", SYS_mkdirat, BADFD, "x", 0700);
    CALL("mkdirat bad dirfd absolute", SYS_mkdirat, BADFD, abs, 0700);
    CALL("mkdirat filefd as dirfd", SYS_mkdirat, filefd, "x", 0700);
    CALL("mkdirat bad dirfd \"\"", SYS_mkdirat, BADFD, "", 0700);
    CALL("mkdirat (char *)1", SYS_mkdirat, dirfd, BAD, 0700);
    CALL("mkdirat 5000 bytes", SYS_mkdirat, dirfd, g_long, 0700);

    CALL("rmdir made", SYS_rmdir, "made");
    CALL("rmdir made/sub", SYS_rmdir, "made/sub");
    CALL("rmdir made", SYS_rmdir, "made");
    CALL("rmdir made again", SYS_rmdir, "made");
    CALL("rmdir file", SYS_rmdir, "file");
    CALL("rmdir link", SYS_rmdir, "link");
    CALL("rmdir file/x", SYS_rmdir, "file/x");
    CALL("rmdir .", SYS_rmdir, ".");
    CALL("rmdir dir/..", SYS_rmdir, "dir/..");
    CALL("rmdir /", SYS_rmdir, "/");
    CALL("rmdir \"\"", SYS_rmdir, "");
    CALL("rmdir (char *)1", SYS_rmdir, BAD);
    CALL("rmdir unmapped end", SYS_rmdir, g_unmapped);
    CALL("rmdir 5000 bytes", SYS_rmdir, g_long);
    CALL("rmdir abs-made", SYS_rmdir, abs);
}

static void t_unlink(int dirfd, int filefd) {
    printf("-- unlink, unlinkat\n");
    make_file("victim", "v");
    CALL("unlink victim", SYS_unlink, "victim");
    CALL("unlink victim again", SYS_unlink, "victim");
    CALL("unlink dir", SYS_unlink, "dir");
    CALL("unlink file/x", SYS_unlink, "file/x");
    CALL("unlink file/", SYS_unlink, "file/");
    CALL("unlink missing/x", SYS_unlink, "missing/x");
    CALL("unlink \"\"", SYS_unlink, "");
    CALL("unlink (char *)1", SYS_unlink, BAD);
    CALL("unlink unmapped end", SYS_unlink, g_unmapped);
    CALL("unlink 5000 bytes", SYS_unlink, g_long);
    make_file("dir/gone", "g");
    CHECK(mkdir("dir/gonedir", 0755) == 0);
    CALL("unlinkat dirfd gone", SYS_unlinkat, dirfd, "gone", 0);
    CALL("unlinkat dirfd gonedir", SYS_unlinkat, dirfd, "gonedir", 0);
    CALL("unlinkat dirfd gonedir REMOVEDIR", SYS_unlinkat, dirfd, "gonedir", AT_REMOVEDIR);
    CALL("unlinkat dirfd inner REMOVEDIR", SYS_unlinkat, dirfd, "inner", AT_REMOVEDIR);
    CALL("unlinkat AT_FDCWD dir REMOVEDIR", SYS_unlinkat, AT_FDCWD, "dir", AT_REMOVEDIR);
    CALL("unlinkat flags 0x1", SYS_unlinkat, AT_FDCWD, "file", 0x1);
    CALL("unlinkat flags AT_SYMLINK_NOFOLLOW", SYS_unlinkat, AT_FDCWD, "file",
         AT_SYMLINK_NOFOLLOW);
    CALL("unlinkat (char *)1 flags 0x1", SYS_unlinkat, AT_FDCWD, BAD, 0x1);
    CALL("unlinkat bad dirfd inner", SYS_unlinkat, BADFD, "inner", 0);
    CALL("unlinkat filefd as dirfd", SYS_unlinkat, filefd, "inner", 0);
    CALL("unlinkat \"\"", SYS_unlinkat, AT_FDCWD, "", 0);
    CALL("unlinkat \"\" REMOVEDIR", SYS_unlinkat, AT_FDCWD, "", AT_REMOVEDIR);
    CALL("unlinkat (char *)1 REMOVEDIR", SYS_unlinkat, AT_FDCWD, BAD, AT_REMOVEDIR);
    CALL("unlinkat 5000 bytes", SYS_unlinkat, AT_FDCWD, g_long, 0);
}

static void t_rename(int dirfd, int filefd) {
    printf("-- rename, renameat, renameat2\n");
    make_file("r1", "one");
    make_file("r2", "two");
    CHECK(mkdir("rdir", 0755) == 0);
    CHECK(mkdir("rfull", 0755) == 0);
    make_file("rfull/x", "x");
    CALL("rename r1 r1-moved", SYS_rename, "r1", "r1-moved");
    show_content("r1");
    show_content("r1-moved");
    CALL("rename r1-moved r2 (replaces)", SYS_rename, "r1-moved", "r2");
    show_content("r2");
    CALL("rename missing x", SYS_rename, "missing", "x");
    CALL("rename r2 rdir", SYS_rename, "r2", "rdir");
    CALL("rename rdir r2", SYS_rename, "rdir", "r2");
    CALL("rename rdir rfull", SYS_rename, "rdir", "rfull");
    CALL("rename rdir rdir/sub", SYS_rename, "rdir", "rdir/sub");
    CALL("rename r2 missing/x", SYS_rename, "r2", "missing/x");
    CALL("rename r2 file/x", SYS_rename, "r2", "file/x");
    CALL("rename \"\" x", SYS_rename, "", "x");
    CALL("rename r2 \"\"", SYS_rename, "r2", "");
    CALL("rename (char *)1 x", SYS_rename, BAD, "x");
    CALL("rename r2 (char *)1", SYS_rename, "r2", BAD);
    CALL("rename missing (char *)1", SYS_rename, "missing", BAD);
    CALL("rename missing/x (char *)1", SYS_rename, "missing/x", BAD);
    CALL("rename file/x (char *)1", SYS_rename, "file/x", BAD);
    CALL("rename (char *)1 (char *)1", SYS_rename, BAD, BAD);
    CALL("rename \"\" (char *)1", SYS_rename, "", BAD);
    CALL("rename missing/x \"\"", SYS_rename, "missing/x", "");
    CALL("rename unmapped end x", SYS_rename, g_unmapped, "x");
    CALL("rename r2 unmapped end", SYS_rename, "r2", g_unmapped);
    CALL("rename 5000 bytes x", SYS_rename, g_long, "x");
    CALL("rename r2 5000 bytes", SYS_rename, "r2", g_long);
    CALL("rename missing/x 5000 bytes", SYS_rename, "missing/x", g_long);
    CALL("renameat AT_FDCWD r2 dirfd r2-in", SYS_renameat, AT_FDCWD, "r2", dirfd, "r2-in");
    show_content("dir/r2-in");
    CALL("renameat dirfd r2-in AT_FDCWD r2", SYS_renameat, dirfd, "r2-in", AT_FDCWD, "r2");
    CALL("renameat bad dirfd r2 AT_FDCWD x", SYS_renameat, BADFD, "r2", AT_FDCWD, "x");
    CALL("renameat AT_FDCWD r2 bad dirfd x", SYS_renameat, AT_FDCWD, "r2", BADFD, "x");
    CALL("renameat bad dirfd r2 AT_FDCWD (char *)1", SYS_renameat, BADFD, "r2", AT_FDCWD, BAD);
    CALL("renameat filefd r2 AT_FDCWD x", SYS_renameat, filefd, "r2", AT_FDCWD, "x");
    CALL("renameat (char *)1", SYS_renameat, AT_FDCWD, BAD, AT_FDCWD, "x");
    make_file("r3", "three");
    CALL("renameat2 r2 r3 NOREPLACE", SYS_renameat2, AT_FDCWD, "r2", AT_FDCWD, "r3",
         RENAME_NOREPLACE);
    CALL("renameat2 r2 r4 NOREPLACE", SYS_renameat2, AT_FDCWD, "r2", AT_FDCWD, "r4",
         RENAME_NOREPLACE);
    CALL("renameat2 r4 r3 EXCHANGE", SYS_renameat2, AT_FDCWD, "r4", AT_FDCWD, "r3",
         RENAME_EXCHANGE);
    show_content("r3");
    show_content("r4");
    CALL("renameat2 r4 rdir EXCHANGE", SYS_renameat2, AT_FDCWD, "r4", AT_FDCWD, "rdir",
         RENAME_EXCHANGE);
    CALL("renameat2 r3 missing EXCHANGE", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "missing",
         RENAME_EXCHANGE);
    CALL("renameat2 flags 0x8", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "x", 0x8);
    CALL("renameat2 EXCHANGE|NOREPLACE", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "r4",
         RENAME_EXCHANGE | RENAME_NOREPLACE);
    CALL("renameat2 EXCHANGE|WHITEOUT", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "r4",
         RENAME_EXCHANGE | RENAME_WHITEOUT);
    CALL("renameat2 (char *)1 flags 0x8", SYS_renameat2, AT_FDCWD, BAD, AT_FDCWD, BAD, 0x8);
    CALL("renameat2 bad dirfd flags 0x8", SYS_renameat2, BADFD, "r3", BADFD, "x", 0x8);
    CALL("renameat2 (char *)1 NOREPLACE", SYS_renameat2, AT_FDCWD, BAD, AT_FDCWD, "x",
         RENAME_NOREPLACE);
    CALL("renameat2 r3 (char *)1 NOREPLACE", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, BAD,
         RENAME_NOREPLACE);
    CALL("renameat2 bad dirfd", SYS_renameat2, BADFD, "r3", AT_FDCWD, "x", 0);
    CALL("renameat2 \"\" NOREPLACE", SYS_renameat2, AT_FDCWD, "", AT_FDCWD, "x",
         RENAME_NOREPLACE);
}

static void t_symlink(int dirfd, int filefd) {
    char buf[64];
    struct stat st;

    printf("-- symlink, symlinkat\n");
    CALL("symlink file s1", SYS_symlink, "file", "s1");
    READLINK("    readlink s1", SYS_readlink, "s1", buf, sizeof(buf));
    STAT("    stat s1", SYS_stat, "s1", &st);
    CALL("symlink nowhere s2", SYS_symlink, "nowhere/at/all", "s2");
    READLINK("    readlink s2", SYS_readlink, "s2", buf, sizeof(buf));
    CALL("symlink file s1 again", SYS_symlink, "file", "s1");
    CALL("symlink file dir", SYS_symlink, "file", "dir");
    CALL("symlink file missing/x", SYS_symlink, "file", "missing/x");
    CALL("symlink file file/x", SYS_symlink, "file", "file/x");
    CALL("symlink \"\" s3", SYS_symlink, "", "s3");
    CALL("symlink file \"\"", SYS_symlink, "file", "");
    CALL("symlink (char *)1 s3", SYS_symlink, BAD, "s3");
    CALL("symlink file (char *)1", SYS_symlink, "file", BAD);
    CALL("symlink (char *)1 missing/x", SYS_symlink, BAD, "missing/x");
    CALL("symlink \"\" (char *)1", SYS_symlink, "", BAD);
    CALL("symlink (char *)1 \"\"", SYS_symlink, BAD, "");
    CALL("symlink unmapped end s3", SYS_symlink, g_unmapped, "s3");
    CALL("symlink file unmapped end", SYS_symlink, "file", g_unmapped);
    CALL("symlink 5000 bytes s3", SYS_symlink, g_long, "s3");
    CALL("symlink file 5000 bytes", SYS_symlink, "file", g_long);
    CALL("symlinkat ../file dirfd s4", SYS_symlinkat, "../file", dirfd, "s4");
    STAT("    stat dir/s4", SYS_stat, "dir/s4", &st);
    CALL("symlinkat file bad dirfd s5", SYS_symlinkat, "file", BADFD, "s5");
    CALL("symlinkat (char *)1 bad dirfd s5", SYS_symlinkat, BAD, BADFD, "s5");
    CALL("symlinkat file bad dirfd (char *)1", SYS_symlinkat, "file", BADFD, BAD);
    CALL("symlinkat file filefd s5", SYS_symlinkat, "file", filefd, "s5");
    CALL("symlinkat file dirfd \"\"", SYS_symlinkat, "file", dirfd, "");
}

static void t_link(int dirfd, int filefd) {
    struct stat st;

    printf("-- link, linkat\n");
    CALL("link file h1", SYS_link, "file", "h1");
    STAT("    stat h1", SYS_stat, "h1", &st);
    CALL("link file h1 again", SYS_link, "file", "h1");
    CALL("link dir h2", SYS_link, "dir", "h2");
    CALL("link missing h2", SYS_link, "missing", "h2");
    CALL("link file missing/x", SYS_link, "file", "missing/x");
    CALL("link file/x h2", SYS_link, "file/x", "h2");
    CALL("link \"\" h2", SYS_link, "", "h2");
    CALL("link file \"\"", SYS_link, "file", "");
    CALL("link (char *)1 h2", SYS_link, BAD, "h2");
    CALL("link file (char *)1", SYS_link, "file", BAD);
    CALL("link missing (char *)1", SYS_link, "missing", BAD);
    CALL("link missing \"\"", SYS_link, "missing", "");
    CALL("link (char *)1 (char *)1", SYS_link, BAD, BAD);
    CALL("link unmapped end h2", SYS_link, g_unmapped, "h2");
    CALL("link file unmapped end", SYS_link, "file", g_unmapped);
    CALL("link 5000 bytes h2", SYS_link, g_long, "h2");
    CALL("link file 5000 bytes", SYS_link, "file", g_long);
    CALL("link missing 5000 bytes", SYS_link, "missing", g_long);
    CALL("linkat link h3 (the symlink itself)", SYS_linkat, AT_FDCWD, "link", AT_FDCWD, "h3", 0);
    STAT("    lstat h3", SYS_lstat, "h3", &st);
    CALL("linkat link h4 SYMLINK_FOLLOW", SYS_linkat, AT_FDCWD, "link", AT_FDCWD, "h4",
         AT_SYMLINK_FOLLOW);
    STAT("    lstat h4", SYS_lstat, "h4", &st);
    CALL("linkat dirfd inner AT_FDCWD h5", SYS_linkat, dirfd, "inner", AT_FDCWD, "h5", 0);
    STAT("    stat dir/inner", SYS_stat, "dir/inner", &st);
    CALL("linkat filefd \"\" h6 EMPTY_PATH", SYS_linkat, filefd, "", AT_FDCWD, "h6",
         AT_EMPTY_PATH);
    CALL("linkat filefd NULL h7 EMPTY_PATH", SYS_linkat, filefd, NULL, AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat filefd (char *)1 h7 EMPTY_PATH", SYS_linkat, filefd, BAD, AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat dirfd \"\" h7 EMPTY_PATH", SYS_linkat, dirfd, "", AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat bad dirfd \"\" h7 EMPTY_PATH", SYS_linkat, BADFD, "", AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat filefd \"\" h7", SYS_linkat, filefd, "", AT_FDCWD, "h7", 0);
    CALL("linkat flags 0x1", SYS_linkat, AT_FDCWD, "file", AT_FDCWD, "h7", 0x1);
    CALL("linkat flags AT_SYMLINK_NOFOLLOW", SYS_linkat, AT_FDCWD, "file", AT_FDCWD, "h7",
         AT_SYMLINK_NOFOLLOW);
    CALL("linkat (char *)1 (char *)1 flags 0x1", SYS_linkat, AT_FDCWD, BAD, AT_FDCWD, BAD, 0x1);
    CALL("linkat bad dirfd inner", SYS_linkat, BADFD, "inner", AT_FDCWD, "h7", 0);
    CALL("linkat bad new dirfd", SYS_linkat, AT_FDCWD, "file", BADFD, "h7", 0);
    CALL("linkat bad dirfd inner (char *)1", SYS_linkat, BADFD, "inner", AT_FDCWD, BAD, 0);
    CALL("linkat filefd as dirfd", SYS_linkat, filefd, "inner", AT_FDCWD, "h7", 0);
    CALL("linkat (char *)1", SYS_linkat, AT_FDCWD, BAD, AT_FDCWD, "h7", 0);
    CALL("linkat 5000 bytes", SYS_linkat, AT_FDCWD, g_long, AT_FDCWD, "h7", 0);
}

/* the owner and the permissions of NAME, after a change */
static void show_owner(const char* name) {
    struct stat st;

    if (lstat(name, &st) < 0) {
        printf("    %s: %s\n", name, strerrorname_np(errno));
        return;
    }
    printf("    %s: mode %04o uid %u gid %u\n", name, st.st_mode & 07777, (unsigned)st.st_uid,
           (unsigned)st.st_gid);
}

static void t_attr(int dirfd, int filefd) {
    int pathfd = open("file", O_PATH);
    int wrfd = open("file", O_WRONLY);
    char abs_owned[PATH_MAX];

    CHECK(pathfd >= 0 && wrfd >= 0);
    CHECK(snprintf(abs_owned, sizeof(abs_owned), "%s/owned", g_cwd) < (int)sizeof(abs_owned));
    printf("-- chmod, fchmod, fchmodat, fchmodat2, chown, fchown, lchown, fchownat\n");
    make_file("owned", "x");
    CHECK(symlink("owned", "owned-link") == 0);
    CALL("chmod owned 0600", SYS_chmod, "owned", 0600);
    show_owner("owned");
    CALL("chmod owned 017777 (beyond S_IALLUGO)", SYS_chmod, "owned", 017777);
    show_owner("owned");
    CALL("chmod owned-link 0640 (the target)", SYS_chmod, "owned-link", 0640);
    show_owner("owned");
    CALL("chmod missing", SYS_chmod, "missing", 0600);
    CALL("chmod dangling", SYS_chmod, "dangling", 0600);
    CALL("chmod file/x", SYS_chmod, "file/x", 0600);
    CALL("chmod \"\"", SYS_chmod, "", 0600);
    CALL("chmod NULL", SYS_chmod, NULL, 0600);
    CALL("chmod (char *)1", SYS_chmod, BAD, 0600);
    CALL("chmod unmapped end", SYS_chmod, g_unmapped, 0600);
    CALL("chmod 5000 bytes", SYS_chmod, g_long, 0600);
    CALL("chmod PATH_MAX - 1 bytes", SYS_chmod, g_max, 0755);
    CALL("chmod PATH_MAX bytes", SYS_chmod, g_over, 0755);
    CALL("fchmod filefd 0644", SYS_fchmod, filefd, 0644);
    show_owner("file");
    CALL("fchmod O_PATH fd", SYS_fchmod, pathfd, 0600);
    CALL("fchmod bad fd", SYS_fchmod, BADFD, 0600);
    CALL("fchmod -1", SYS_fchmod, -1, 0600);
    CALL("fchmod dirfd 0755", SYS_fchmod, dirfd, 0755);
    CALL("fchmodat dirfd inner 0600", SYS_fchmodat, dirfd, "inner", 0600);
    show_owner("dir/inner");
    CALL("fchmodat bad dirfd inner", SYS_fchmodat, BADFD, "inner", 0600);
    CALL("fchmodat bad dirfd, an absolute name", SYS_fchmodat, BADFD, abs_owned, 0600);
    show_owner("owned");
    CALL("fchmodat filefd as dirfd", SYS_fchmodat, filefd, "inner", 0600);
    CALL("fchmodat filefd \"\"", SYS_fchmodat, filefd, "", 0600);
    CALL("fchmodat bad dirfd (char *)1", SYS_fchmodat, BADFD, BAD, 0600);
    CALL("fchmodat2 owned 0644", SYS_fchmodat2, AT_FDCWD, "owned", 0644, 0);
    show_owner("owned");
    CALL("fchmodat2 owned-link NOFOLLOW", SYS_fchmodat2, AT_FDCWD, "owned-link", 0600,
         AT_SYMLINK_NOFOLLOW);
    CALL("fchmodat2 filefd \"\" EMPTY_PATH", SYS_fchmodat2, filefd, "", 0640, AT_EMPTY_PATH);
    show_owner("file");
    CALL("fchmodat2 filefd NULL EMPTY_PATH", SYS_fchmodat2, filefd, NULL, 0640, AT_EMPTY_PATH);
    CALL("fchmodat2 O_PATH fd \"\" EMPTY_PATH", SYS_fchmodat2, pathfd, "", 0640, AT_EMPTY_PATH);
    CALL("fchmodat2 filefd \"\"", SYS_fchmodat2, filefd, "", 0640, 0);
    CALL("fchmodat2 flags 0x1", SYS_fchmodat2, AT_FDCWD, "owned", 0640, 0x1);
    CALL("fchmodat2 flags 0x1 (char *)1", SYS_fchmodat2, AT_FDCWD, BAD, 0640, 0x1);
    CALL("fchmodat2 flags AT_REMOVEDIR", SYS_fchmodat2, AT_FDCWD, "owned", 0640, AT_REMOVEDIR);
    CALL("fchmodat2 (char *)1", SYS_fchmodat2, AT_FDCWD, BAD, 0640, 0);
    CALL("fchmodat2 5000 bytes EMPTY_PATH", SYS_fchmodat2, AT_FDCWD, g_long, 0640,
         AT_EMPTY_PATH);

    CALL("chown owned -1 -1", SYS_chown, "owned", -1, -1);
    show_owner("owned");
    CALL("chown owned 4321 4322", SYS_chown, "owned", 4321, 4322);
    show_owner("owned");
    CALL("chown owned-link 4323 -1 (the target)", SYS_chown, "owned-link", 4323, -1);
    show_owner("owned");
    CALL("lchown owned-link 4324 4325 (the link)", SYS_lchown, "owned-link", 4324, 4325);
    show_owner("owned-link");
    show_owner("owned");
    CALL("chown missing", SYS_chown, "missing", 0, 0);
    CALL("chown dangling", SYS_chown, "dangling", 0, 0);
    CALL("lchown dangling -1 -1", SYS_lchown, "dangling", -1, -1);
    CALL("chown \"\"", SYS_chown, "", 0, 0);
    CALL("lchown \"\"", SYS_lchown, "", 0, 0);
    CALL("chown (char *)1", SYS_chown, BAD, 0, 0);
    CALL("lchown NULL", SYS_lchown, NULL, 0, 0);
    CALL("chown unmapped end", SYS_chown, g_unmapped, 0, 0);
    CALL("chown 5000 bytes", SYS_chown, g_long, 0, 0);
    CALL("lchown 5000 bytes", SYS_lchown, g_long, 0, 0);
    CALL("fchown wrfd 4326 -1", SYS_fchown, wrfd, 4326, -1);
    show_owner("file");
    CALL("fchown O_PATH fd", SYS_fchown, pathfd, -1, -1);
    CALL("fchown bad fd", SYS_fchown, BADFD, -1, -1);
    CALL("fchown -1", SYS_fchown, -1, -1, -1);
    CALL("fchownat dirfd inner 4327 4328", SYS_fchownat, dirfd, "inner", 4327, 4328, 0);
    show_owner("dir/inner");
    CALL("fchownat owned-link NOFOLLOW", SYS_fchownat, AT_FDCWD, "owned-link", 4329, -1,
         AT_SYMLINK_NOFOLLOW);
    show_owner("owned-link");
    CALL("fchownat O_PATH fd \"\" EMPTY_PATH", SYS_fchownat, pathfd, "", -1, 4330, AT_EMPTY_PATH);
    show_owner("file");
    CALL("fchownat filefd NULL EMPTY_PATH", SYS_fchownat, filefd, NULL, -1, -1, AT_EMPTY_PATH);
    CALL("fchownat filefd \"\"", SYS_fchownat, filefd, "", -1, -1, 0);
    CALL("fchownat bad dirfd inner", SYS_fchownat, BADFD, "inner", -1, -1, 0);
    CALL("fchownat bad dirfd \"\" EMPTY_PATH", SYS_fchownat, BADFD, "", -1, -1, AT_EMPTY_PATH);
    CALL("fchownat filefd as dirfd", SYS_fchownat, filefd, "inner", -1, -1, 0);
    CALL("fchownat flags 0x1", SYS_fchownat, AT_FDCWD, "owned", -1, -1, 0x1);
    CALL("fchownat flags 0x1 (char *)1", SYS_fchownat, AT_FDCWD, BAD, -1, -1, 0x1);
    CALL("fchownat (char *)1", SYS_fchownat, AT_FDCWD, BAD, -1, -1, 0);
    CALL("fchownat 5000 bytes", SYS_fchownat, AT_FDCWD, g_long, -1, -1, 0);
    CALL("fchownat PATH_MAX bytes EMPTY_PATH", SYS_fchownat, AT_FDCWD, g_over, -1, -1,
         AT_EMPTY_PATH);
    CHECK(unlink("owned-link") == 0 && unlink("owned") == 0);
    CHECK(chmod("file", 0640) == 0 && chmod("dir/inner", 0640) == 0);
    CHECK(close(pathfd) == 0 && close(wrfd) == 0);
}

int main(void) {
    int dirfd, filefd;

    setvbuf(stdout, NULL, _IOLBF, 0);
    setup();
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);
    filefd = open("file", O_RDONLY);
    CHECK(filefd >= 0);
    t_stat();
    t_newfstatat(dirfd, filefd);
    t_statx(dirfd, filefd);
    t_access(dirfd, filefd);
    t_readlink(dirfd, filefd);
    t_mkdir_rmdir(dirfd, filefd);
    t_unlink(dirfd, filefd);
    t_rename(dirfd, filefd);
    t_symlink(dirfd, filefd);
    t_link(dirfd, filefd);
    t_attr(dirfd, filefd);
    return 0;
}

/*
 * shim-path.h: what the shim-path programs share (shim-path-lib.c).  Each
 * program is a family of the path-based file-system calls the shim
 * implements, each call made with syscall() (libc would hide the raw
 * behaviour), in the current directory; tests/integration/shim-path.test
 * runs each natively and under ptshim.
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
#ifndef SHIM_PATH_H
#define SHIM_PATH_H

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

extern char g_long[5001];       /* 5,000 bytes: ENAMETOOLONG */
extern char g_max[PATH_MAX];    /* "./././...": PATH_MAX - 1 bytes, the longest name */
extern char g_over[PATH_MAX + 1]; /* PATH_MAX bytes without the NUL: too long */
extern const char* g_unmapped;  /* "abc" at the end of a page, the next unmapped */
extern char g_cwd[PATH_MAX];    /* for absolute names */

/* Make the names the calls work on in the current directory: "file"
 * (twelve bytes), "dir" with "dir/inner", "link" to file, "dangling";
 * *DIRFD is dir open, *FILEFD file. */
void shim_path_setup(int* dirfd, int* filefd);

#define CALL(what, ...)                        \
    do {                                       \
        errno = 0;                             \
        print_rc(what, syscall(__VA_ARGS__));  \
    } while (0)

/* What a stat buffer says that does not vary between runs (a directory's
 * size does, with the file system: left out). */
void show_stat(const char* what, long rc, const struct stat* st);
#define STAT(what, ...)                                       \
    do {                                                      \
        memset(&st, 0xa5, sizeof(st));                        \
        errno = 0;                                            \
        show_stat(what, syscall(__VA_ARGS__), &st);           \
    } while (0)

void show_statx(const char* what, long rc, const struct statx* sx);
#define STATX(what, ...)                                      \
    do {                                                      \
        memset(&sx, 0xa5, sizeof(sx));                        \
        errno = 0;                                            \
        show_statx(what, syscall(__VA_ARGS__), &sx);          \
    } while (0)

/* readlink's result with the bytes it wrote */
void show_link(const char* what, long rc, const char* buf);
#define READLINK(what, ...)                                   \
    do {                                                      \
        memset(buf, 0, sizeof(buf));                          \
        errno = 0;                                            \
        show_link(what, syscall(__VA_ARGS__), buf);           \
    } while (0)

/* A file of the current directory with CONTENT (mode 0640). */
void make_file(const char* name, const char* content);
/* "what the file holds", or its absence */
void show_content(const char* name);

#endif /* SHIM_PATH_H */

/*
 * openat.c: openat(2).  Covers creating and opening files and directories,
 * a directory descriptor and AT_FDCWD, the mode printed only with O_CREAT
 * or O_TMPFILE, every known flag (in strace's order) and unknown bits in
 * hex, O_ACCMODE, modes with special bits, paths longer than -s (never
 * truncated) and with characters that need escaping, and the failures
 * EEXIST, ENOENT, ENOTDIR, EISDIR, EBADF, ENAMETOOLONG and EFAULT (NULL,
 * an unmapped address, the start of a guard page).
 */
#include "trace-fs.h"

/* openat(DIRFD, PATH, FLAGS, MODE) and the line strace prints for it. */
static long test_openat(int dirfd, const void* path, unsigned int flags, unsigned int mode) {
    long rc = syscall(SYS_openat, dirfd, path, flags, mode);
    const char* res = sres(rc);
    const char* mode_str = "";

    if (flags & (O_CREAT | K___O_TMPFILE))
        mode_str = xasprintf(", %s", soctal(mode));
    printf("openat(%s, %s, %s%s) %s\n", sdirfd(dirfd), spathp(path), sopenflags(flags), mode_str,
           res);
    return rc;
}

/* Close a descriptor that the test opened (close is not traced). */
static void done(long fd) {
    if (fd >= 0)
        CHECK(close((int)fd) == 0);
}

int main(void) {
    char long_name[300];
    char* guard = (char*)tail_alloc(1) + 1;
    long fd, dirfd;

    CHECK(mkdir("dir", 0755) == 0);

    /* Create, then open again: the mode shows only with O_CREAT. */
    fd = test_openat(AT_FDCWD, "file", O_WRONLY | O_CREAT | O_TRUNC, 0640);
    CHECK(fd >= 0);
    done(fd);
    done(test_openat(AT_FDCWD, "file", O_RDONLY, 0777));
    test_openat(AT_FDCWD, "file", O_RDWR | O_CREAT | O_EXCL, 0600);

    /* Modes: none, all permission and special bits, a file type bit. */
    done(test_openat(AT_FDCWD, "mode0", O_WRONLY | O_CREAT, 0));
    done(test_openat(AT_FDCWD, "mode7777", O_WRONLY | O_CREAT, 07777));
    done(test_openat(AT_FDCWD, "modereg", O_WRONLY | O_CREAT, S_IFREG | 0644));

    /* Relative to a directory descriptor, and bad directory descriptors. */
    dirfd = test_openat(AT_FDCWD, "dir", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    CHECK(dirfd >= 0);
    done(test_openat((int)dirfd, "inner", O_RDWR | O_CREAT | O_NOFOLLOW, 0644));
    done(test_openat((int)dirfd, "inner", O_RDONLY | O_NONBLOCK | O_NOCTTY, 0));
    test_openat(-1, "file", O_RDONLY, 0);
    test_openat(12345, "file", O_RDONLY, 0);
    fd = test_openat(AT_FDCWD, "file", O_RDONLY, 0);
    test_openat((int)fd, "file", O_RDONLY, 0);
    done(fd);
    done(dirfd);

    /* Failures of the path. */
    test_openat(AT_FDCWD, "missing/file", O_RDONLY, 0);
    test_openat(AT_FDCWD, "file/x", O_RDONLY, 0);
    test_openat(AT_FDCWD, "dir", O_WRONLY, 0);
    test_openat(AT_FDCWD, "", O_RDONLY, 0);
    memset(long_name, 'n', sizeof(long_name) - 1);
    long_name[sizeof(long_name) - 1] = '\0';
    test_openat(AT_FDCWD, long_name, O_RDONLY, 0);
    test_openat(AT_FDCWD, "a name longer than thirty-two characters", O_RDONLY, 0);
    test_openat(AT_FDCWD, "esc\t\n\r\v\f\"\\\001\0377\377.", O_RDONLY, 0);

    /* Bad pointers. */
    test_openat(AT_FDCWD, NULL, O_RDONLY, 0);
    test_openat(AT_FDCWD, BAD_ADDR, O_RDONLY, 0);
    test_openat(AT_FDCWD, guard, O_RDONLY, 0);

    /* Flags: each known one, O_ACCMODE, and unknown bits. */
    done(test_openat(AT_FDCWD, "file", O_WRONLY | O_APPEND | O_DSYNC, 0));
    done(test_openat(AT_FDCWD, "file", O_WRONLY | O_SYNC, 0));
    done(test_openat(AT_FDCWD, "file", O_RDONLY | K_O_LARGEFILE | O_NOATIME | FASYNC, 0));
    done(test_openat(AT_FDCWD, "file", O_RDONLY | O_DIRECT, 0));
    done(test_openat(AT_FDCWD, "dir", O_PATH | O_DIRECTORY, 0));
    done(test_openat(AT_FDCWD, "dir", O_RDWR | O_TMPFILE, 0600));
    done(test_openat(AT_FDCWD, "file", O_ACCMODE, 0));
    done(test_openat(AT_FDCWD, "file", O_RDONLY | 0x40000000, 0));
    done(test_openat(AT_FDCWD, "file", O_WRONLY | O_CREAT | 0x80000000, 0644));
    done(test_openat(AT_FDCWD, "file", 0xffffffff, 0755));

    EXPECT_EXITED_0();
    return 0;
}

/*
 * open.c: open(2) and creat(2).  Covers creating and opening, the mode
 * printed only with O_CREAT or O_TMPFILE (always for creat), flags and
 * unknown bits, and the failures EEXIST, ENOENT, ENOTDIR, EISDIR and
 * EFAULT (NULL, an unmapped address, the start of a guard page).
 */
#include "trace-fs.h"

/* open(PATH, FLAGS, MODE) and its line. */
static long test_open(const void* path, unsigned int flags, unsigned int mode) {
    long rc = syscall(SYS_open, path, flags, mode);
    const char* res = sres(rc);
    const char* mode_str = "";

    if (flags & (O_CREAT | K___O_TMPFILE))
        mode_str = xasprintf(", %s", soctal(mode));
    printf("open(%s, %s%s) %s\n", spathp(path), sopenflags(flags), mode_str, res);
    return rc;
}

/* creat(PATH, MODE) and its line. */
static long test_creat(const void* path, unsigned int mode) {
    long rc = syscall(SYS_creat, path, mode);
    const char* res = sres(rc);

    printf("creat(%s, %s) %s\n", spathp(path), soctal(mode), res);
    return rc;
}

/* Close a descriptor that the test opened (close is not traced). */
static void done(long fd) {
    if (fd >= 0)
        CHECK(close((int)fd) == 0);
}

int main(void) {
    void* guard = (char*)tail_alloc(1) + 1;

    CHECK(mkdir("dir", 0755) == 0);

    done(test_open("file", O_WRONLY | O_CREAT | O_EXCL, 0600));
    test_open("file", O_WRONLY | O_CREAT | O_EXCL, 0600);
    done(test_open("file", O_RDONLY, 0644));
    done(test_open("file", O_RDWR | O_APPEND | O_CLOEXEC | 0x20000000, 0));
    done(test_open("dir", O_RDONLY | O_DIRECTORY | O_NONBLOCK, 0));
    done(test_open("dir", O_WRONLY | O_TMPFILE | O_EXCL, 0400));
    test_open("missing/file", O_RDONLY, 0);
    test_open("file/", O_RDONLY, 0);
    test_open("dir", O_RDWR, 0);
    test_open("file", O_RDONLY | O_DIRECTORY, 0);
    test_open(NULL, O_RDONLY, 0);
    test_open(BAD_ADDR, O_RDWR | O_CREAT, 0644);
    test_open(guard, O_RDONLY, 0);

    done(test_creat("created", 0644));
    done(test_creat("created", 01777));
    done(test_creat("created2", 0));
    test_creat("dir", 0644);
    test_creat("missing/created", 0644);
    test_creat("a name longer than thirty-two characters/x", 0644);
    test_creat(NULL, 0644);
    test_creat(guard, 0644);

    EXPECT_EXITED_0();
    return 0;
}

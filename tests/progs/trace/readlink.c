/*
 * readlink.c: readlink(2).  Covers the target printed as a buffer of the
 * result's length (no NUL, -s truncation at 32 with "..."), a buffer
 * smaller than the target, escapes, a /proc link, and the failures EINVAL
 * (not a link, size 0 or negative, printed unsigned), ENOENT, ENOTDIR and
 * EFAULT (path or buffer; the buffer is printed as an address whenever
 * the call fails).  Static glibc's start-up calls readlink on
 * /proc/self/exe before main; its line is computed with readlinkat,
 * which is not traced.
 */
#include "trace-fs.h"

static long test_readlink(const char* path, char* buf, size_t size) {
    long rc = syscall(SYS_readlink, path, buf, size);
    const char* res = sres(rc);

    printf("readlink(%s, %s, %zu) %s\n", spathp(path),
           rc >= 0 ? sbufp(buf, (size_t)rc, DEFAULT_STRLEN) : sptr(buf), size, res);
    return rc;
}

/* The line of the start-up call: glibc reads the link into a PATH_MAX
 * buffer; skip the test if it cannot be known. */
static void expect_startup_readlink(void) {
    char exe[4096];
    long n = syscall(SYS_readlinkat, AT_FDCWD, "/proc/self/exe", exe, sizeof(exe));

    if (n < 0)
        exit(77);
    printf("readlink(\"/proc/self/exe\", %s, %zu) = %ld\n", squote(exe, (size_t)n, DEFAULT_STRLEN),
           sizeof(exe), n);
}

int main(void) {
    char buf[256];
    char* guard = (char*)tail_alloc(1) + 1;

    expect_startup_readlink();

    CHECK(close(open("file", O_WRONLY | O_CREAT, 0644)) == 0);
    CHECK(symlink("file", "link") == 0);
    CHECK(symlink("a target longer than thirty-two characters", "long") == 0);
    CHECK(symlink("\t\"esc\\\001\377", "esc") == 0);
    CHECK(mkdir("dir", 0755) == 0);

    test_readlink("link", buf, sizeof(buf));
    test_readlink("link", buf, 2);
    test_readlink("long", buf, sizeof(buf));
    test_readlink("long", buf, 32);
    test_readlink("long", buf, 33);
    test_readlink("esc", buf, sizeof(buf));
    test_readlink("/proc/self/cwd/link", buf, sizeof(buf));

    test_readlink("file", buf, sizeof(buf));
    test_readlink("dir", buf, sizeof(buf));
    test_readlink("missing", buf, sizeof(buf));
    test_readlink("file/x", buf, sizeof(buf));
    test_readlink("link", buf, 0);
    test_readlink("link", buf, (size_t)-1);
    test_readlink("link", NULL, sizeof(buf));
    test_readlink("link", BAD_ADDR, sizeof(buf));
    test_readlink("link", guard, 10);
    test_readlink(NULL, buf, sizeof(buf));
    test_readlink(guard, buf, sizeof(buf));

    EXPECT_EXITED_0();
    return 0;
}

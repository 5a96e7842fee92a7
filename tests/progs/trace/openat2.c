/*
 * openat2.c: openat2(2) and its struct open_how: flags (64 bits, unknown
 * bits in hex), the mode printed only with O_CREAT or O_TMPFILE or when
 * nonzero, resolve flags (unknown bits in hex), a larger structure whose
 * extra bytes are printed in hex when nonzero, a size too small (printed
 * as an address), and EFAULT for NULL, an unmapped address and a guard
 * page.
 */
#include "trace-fs.h"

#include <linux/openat2.h>

/* resolve's flags, in strace's order. */
static const struct xlat resolve_flags[] = {
    XLAT(RESOLVE_NO_XDEV),
    XLAT(RESOLVE_NO_MAGICLINKS),
    XLAT(RESOLVE_NO_SYMLINKS),
    XLAT(RESOLVE_BENEATH),
    XLAT(RESOLVE_IN_ROOT),
    XLAT(RESOLVE_CACHED),
    XLAT_END,
};

/* HOW as strace prints it, given SIZE bytes of it (HOW holds at least
 * SIZE bytes when SIZE > 24). */
static const char* show_how(const void* how, size_t size) {
    const struct open_how* h = how;
    const unsigned char* extra;
    const char* mode = "";
    const char* tail = "";
    size_t i;

    if (size < sizeof(*h) || !mapped(how))
        return sptr(how);
    extra = (const unsigned char*)how + sizeof(*h);
    if ((h->flags & (O_CREAT | K___O_TMPFILE)) || h->mode)
        mode = xasprintf(", mode=%s", soctal((unsigned int)h->mode));
    for (i = 0; i < size - sizeof(*h) && !extra[i]; i++)
        continue;
    if (i < size - sizeof(*h)) {
        tail = xasprintf(", /* bytes %zu..%zu */ \"", sizeof(*h), size - 1);
        for (i = 0; i < size - sizeof(*h); i++)
            tail = xasprintf("%s\\x%02x", tail, extra[i]);
        tail = xasprintf("%s\"", tail);
    }
    return xasprintf("{flags=%s%s, resolve=%s%s}", sopenflags(h->flags), mode,
                     sflags(resolve_flags, h->resolve, "RESOLVE_???"), tail);
}

/* openat2(DIRFD, PATH, HOW, SIZE) and its line. */
static long test_openat2(int dirfd, const char* path, const void* how, size_t size) {
    long rc = syscall(SYS_openat2, dirfd, path, how, size);
    const char* res = sres(rc);

    printf("openat2(%s, %s, %s, %zu) %s\n", sdirfd(dirfd), spathp(path), show_how(how, size), size,
           res);
    if (rc >= 0)
        CHECK(close((int)rc) == 0);
    return rc;
}

/* openat2 with a struct open_how made of FLAGS, MODE and RESOLVE. */
static long try_how(int dirfd, const char* path, uint64_t flags, uint64_t mode, uint64_t resolve) {
    struct open_how how = { .flags = flags, .mode = mode, .resolve = resolve };

    return test_openat2(dirfd, path, &how, sizeof(how));
}

int main(void) {
    struct open_how* tail = tail_alloc(sizeof(struct open_how));
    unsigned char big[40] = { 0 };
    long dirfd;

    CHECK(mkdir("dir", 0755) == 0);
    CHECK(symlink("file", "link") == 0);

    /* Flags and modes. */
    try_how(AT_FDCWD, "file", O_WRONLY | O_CREAT | O_EXCL, 0640, 0);
    try_how(AT_FDCWD, "file", O_WRONLY | O_CREAT | O_EXCL, 0640, 0);
    try_how(AT_FDCWD, "file", O_RDONLY, 0, 0);
    try_how(AT_FDCWD, "file", O_RDWR | O_CREAT, 0, 0);
    try_how(AT_FDCWD, "file", O_RDONLY, 0644, 0);
    try_how(AT_FDCWD, "dir", O_RDWR | O_TMPFILE, 0600, 0);
    try_how(AT_FDCWD, "file", O_RDONLY | (1ULL << 40), 0, 0);
    try_how(AT_FDCWD, "file", O_RDONLY | 0x40000000, 0, 0);
    try_how(AT_FDCWD, "missing", O_RDONLY, 0, 0);

    /* Resolve flags. */
    try_how(AT_FDCWD, "link", O_RDONLY, 0, RESOLVE_NO_SYMLINKS);
    try_how(AT_FDCWD, "/", O_RDONLY | O_DIRECTORY, 0, RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS);
    dirfd = syscall(SYS_openat, AT_FDCWD, "dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);
    try_how((int)dirfd, "../file", O_RDONLY, 0, RESOLVE_BENEATH);
    try_how((int)dirfd, "..", O_RDONLY, 0, RESOLVE_IN_ROOT);
    CHECK(close((int)dirfd) == 0);
    try_how(AT_FDCWD, "file", O_RDONLY, 0, RESOLVE_BENEATH | RESOLVE_IN_ROOT);
    try_how(AT_FDCWD, "file", O_RDONLY, 0, 0x100);
    try_how(AT_FDCWD, "file", O_RDONLY, 0, RESOLVE_CACHED | 0x200);
    try_how(-1, "file", O_RDONLY, 0, 0);

    /* Sizes: larger with zero and nonzero extra bytes, too small, zero. */
    memcpy(big, &(struct open_how){ .flags = O_RDONLY }, sizeof(struct open_how));
    test_openat2(AT_FDCWD, "file", big, sizeof(big));
    big[33] = 0x7f;
    big[39] = 0xa;
    test_openat2(AT_FDCWD, "file", big, sizeof(big));
    test_openat2(AT_FDCWD, "file", big, 16);
    test_openat2(AT_FDCWD, "file", big, 0);

    /* Bad pointers. */
    test_openat2(AT_FDCWD, "file", NULL, sizeof(struct open_how));
    test_openat2(AT_FDCWD, "file", BAD_ADDR, sizeof(struct open_how));
    test_openat2(AT_FDCWD, "file", tail + 1, sizeof(struct open_how));
    *tail = (struct open_how){ .flags = O_RDONLY | O_CLOEXEC };
    test_openat2(AT_FDCWD, "file", tail, sizeof(struct open_how));
    test_openat2(AT_FDCWD, NULL, tail, sizeof(struct open_how));

    EXPECT_EXITED_0();
    return 0;
}

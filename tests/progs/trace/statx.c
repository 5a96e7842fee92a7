/*
 * statx.c: statx(2).  Covers struct statx as strace prints it without -v
 * ({stx_mask=..., stx_attributes=..., stx_mode=..., stx_size=..., ...},
 * with the returned mask and attributes as flag sets, STATX_ALL and
 * STATX_BASIC_STATS printed as such, the bits newer than strace 6.1 by
 * name too, unknown bits in hex), the flags argument (the sync type, AT_STATX_SYNC_AS_STAT when 0,
 * then the *at flags), the mask argument (0, combined and single bits,
 * unknown bits), and the failures ENOENT, EBADF, EINVAL (both sync types,
 * unknown flags, the reserved mask bit) and EFAULT.
 */
#include "trace-fs.h"

/* The sync type in statx's flags. */
static const struct xlat sync_types[] = {
    XLAT(AT_STATX_SYNC_AS_STAT),
    XLAT(AT_STATX_FORCE_SYNC),
    XLAT(AT_STATX_DONT_SYNC),
    XLAT(AT_STATX_SYNC_TYPE),
    XLAT_END,
};

/* statx's flags: the sync type, then the other flags. */
static const char* sstatx_flags(unsigned int flags) {
    const char* type = sflags(sync_types, flags & AT_STATX_SYNC_TYPE, NULL);
    unsigned int rest = flags & ~(unsigned int)AT_STATX_SYNC_TYPE;

    if (!rest)
        return type;
    return xasprintf("%s|%s", type, sflags(at_flags, rest, NULL));
}

static long test_statx(int dirfd, const char* path, unsigned int flags, unsigned int mask,
                       struct statx* buf) {
    long rc = syscall(SYS_statx, dirfd, path, flags, mask, buf);
    const char* res = sres(rc);

    printf("statx(%s, %s, %s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), sstatx_flags(flags),
           sflags(statx_masks, mask, "STATX_???"), rc == 0 ? sstatx(buf) : sptr(buf), res);
    return rc;
}

int main(void) {
    struct statx* buf = tail_alloc(sizeof(struct statx));
    int fd;

    fd = open("file", O_RDWR | O_CREAT, 0604);
    CHECK(fd >= 0);
    CHECK(write(fd, "0123456789", 10) == 10);
    CHECK(symlink("file", "link") == 0);
    CHECK(mkdir("dir", 0700) == 0);

    /* Masks. */
    test_statx(AT_FDCWD, "file", 0, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, "file", 0, STATX_ALL, buf);
    test_statx(AT_FDCWD, "file", 0, STATX_TYPE | STATX_SIZE, buf);
    test_statx(AT_FDCWD, "file", 0, STATX_MODE | STATX_BTIME | STATX_MNT_ID, buf);
    test_statx(AT_FDCWD, "file", 0, 0, buf);
    test_statx(AT_FDCWD, "file", 0, 0x7fffffff, buf);
    test_statx(AT_FDCWD, "file", 0, 0x40000000, buf);
    test_statx(AT_FDCWD, "file", 0, 0x80000000, buf);

    /* Kinds of files. */
    test_statx(AT_FDCWD, "dir", 0, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, "link", 0, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, "link", AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, "/dev/null", 0, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, "/", 0, STATX_TYPE, buf);

    /* Flags. */
    test_statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, buf);
    test_statx(AT_FDCWD, "file", AT_STATX_FORCE_SYNC, STATX_SIZE, buf);
    test_statx(AT_FDCWD, "file", AT_STATX_DONT_SYNC | AT_NO_AUTOMOUNT, STATX_SIZE, buf);
    test_statx(AT_FDCWD, "file", AT_STATX_SYNC_TYPE, STATX_SIZE, buf);
    test_statx(AT_FDCWD, "file", 0x1, STATX_SIZE, buf);
    test_statx(AT_FDCWD, "file", AT_SYMLINK_NOFOLLOW | 0x10000000, STATX_SIZE, buf);

    /* Failures. */
    test_statx(AT_FDCWD, "missing", 0, STATX_BASIC_STATS, buf);
    test_statx(-1, "file", 0, STATX_BASIC_STATS, buf);
    test_statx(fd, "file", 0, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, NULL, 0, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, BAD_ADDR, 0, STATX_BASIC_STATS, buf);
    test_statx(AT_FDCWD, "file", 0, STATX_BASIC_STATS, NULL);
    test_statx(AT_FDCWD, "file", 0, STATX_BASIC_STATS, buf + 1);

    EXPECT_EXITED_0();
    return 0;
}

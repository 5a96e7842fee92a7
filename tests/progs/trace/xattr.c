/*
 * xattr.c: setxattr(2), lsetxattr, fsetxattr, getxattr(2), lgetxattr,
 * fgetxattr, listxattr(2), llistxattr, flistxattr, removexattr(2),
 * lremovexattr, fremovexattr.  Covers names (strings, -s truncation at
 * 32), values (buffers of the size argument for set, of the result for
 * get, a trailing NUL omitted, an address when the call fails or the size
 * exceeds 65536), lists (the result's bytes with their \0 separators, an
 * address for size 0 or a failure), XATTR_CREATE/XATTR_REPLACE and
 * unknown flags (hex, with a comment when none is known), and the
 * failures ENODATA, EEXIST, ERANGE, EINVAL, E2BIG, ENOENT, EBADF and
 * EFAULT.  Whether a file system supports user.* attributes varies (tmpfs
 * before Linux 6.6 does not); the results are whatever the calls return.
 */
#include "trace-fs.h"

#include <sys/xattr.h>

static const struct xlat xattr_flags[] = { XLAT(XATTR_CREATE), XLAT(XATTR_REPLACE), XLAT_END };

/* A value of SIZE bytes as strace prints it: an address past 65536 bytes,
 * else the bytes, without a trailing NUL. */
static const char* svalue(const void* value, size_t size) {
    if (size > 65536 || !mapped(value))
        return sptr(value);
    if (size > 0 && ((const char*)value)[size - 1] == '\0')
        size--;
    return sbufp(value, size, DEFAULT_STRLEN);
}

/* The target of a call: a path or a descriptor. */
struct target {
    const char* prefix; /* "", "l" or "f" */
    const char* path;
    int fd;
};

static const char* starget(const struct target* t) {
    return t->path ? spathp(t->path) : xasprintf("%d", t->fd);
}

/* The first argument of the call, a path or a descriptor. */
static long target_arg(const struct target* t) {
    return t->path ? (long)(uintptr_t)t->path : t->fd;
}

static long call_nr(const struct target* t, long path_nr, long link_nr, long fd_nr) {
    return t->path ? (*t->prefix == 'l' ? link_nr : path_nr) : fd_nr;
}

static long test_set(const struct target* t, const char* name, const void* value, size_t size,
                     unsigned int flags) {
    long nr = call_nr(t, SYS_setxattr, SYS_lsetxattr, SYS_fsetxattr);
    long rc = syscall(nr, target_arg(t), name, value, size, flags);
    const char* res = sres(rc);

    printf("%ssetxattr(%s, %s, %s, %zu, %s) %s\n", t->prefix, starget(t),
           sstrp(name, DEFAULT_STRLEN), svalue(value, size), size,
           sflags(xattr_flags, flags, "XATTR_???"), res);
    return rc;
}

static long test_get(const struct target* t, const char* name, void* value, size_t size) {
    long nr = call_nr(t, SYS_getxattr, SYS_lgetxattr, SYS_fgetxattr);
    long rc = syscall(nr, target_arg(t), name, value, size);
    const char* res = sres(rc);
    const char* shown = sptr(value);

    if (size && rc >= 0)
        shown = svalue(value, (size_t)rc);
    printf("%sgetxattr(%s, %s, %s, %zu) %s\n", t->prefix, starget(t),
           sstrp(name, DEFAULT_STRLEN), shown, size, res);
    return rc;
}

static long test_list(const struct target* t, char* list, size_t size) {
    long nr = call_nr(t, SYS_listxattr, SYS_llistxattr, SYS_flistxattr);
    long rc = syscall(nr, target_arg(t), list, size);
    const char* res = sres(rc);
    const char* shown = sptr(list);

    if (size && rc >= 0)
        shown = sbufp(list, (size_t)rc, DEFAULT_STRLEN);
    printf("%slistxattr(%s, %s, %zu) %s\n", t->prefix, starget(t), shown, size, res);
    return rc;
}

static long test_remove(const struct target* t, const char* name) {
    long nr = call_nr(t, SYS_removexattr, SYS_lremovexattr, SYS_fremovexattr);
    long rc = syscall(nr, target_arg(t), name);
    const char* res = sres(rc);

    printf("%sremovexattr(%s, %s) %s\n", t->prefix, starget(t), sstrp(name, DEFAULT_STRLEN),
           res);
    return rc;
}

/* Every call on one target. */
static void test_target(const struct target* t, const char* name) {
    char buf[256];

    test_set(t, name, "value", 5, 0);
    test_set(t, name, "other\0", 6, XATTR_CREATE);
    test_set(t, name, "other\0", 6, XATTR_REPLACE);
    test_get(t, name, buf, sizeof(buf));
    test_get(t, name, NULL, 0);
    test_get(t, name, buf, 2);
    test_list(t, buf, sizeof(buf));
    test_list(t, NULL, 0);
    test_list(t, buf, 1);
    test_remove(t, name);
    test_remove(t, name);
    test_get(t, name, buf, sizeof(buf));
}

int main(void) {
    static const char binary[] = "\0\001binary value that is longer than 32 bytes";
    static char big[70000];
    char buf[256];
    int fd = open("file", O_RDWR | O_CREAT, 0644);
    struct target file = { "", "file", -1 };
    struct target link = { "l", "link", -1 };
    struct target desc = { "f", NULL, fd };
    struct target missing = { "", "missing", -1 };
    struct target bad_fd = { "f", NULL, -1 };

    CHECK(fd >= 0);
    CHECK(symlink("file", "link") == 0);

    /* The same calls by path, on the link itself, and by descriptor. */
    test_target(&file, "user.by-path");
    test_target(&link, "trusted.on-the-link");
    test_target(&desc, "user.by-descriptor");

    /* Long names and values, binary values, flags. */
    test_set(&file, "user.a name longer than thirty-two characters", "v", 1, 0);
    test_set(&file, "user.binary", binary, sizeof(binary) - 1, 0);
    test_get(&file, "user.binary", buf, sizeof(buf));
    test_list(&file, buf, sizeof(buf));
    test_set(&file, "user.empty", NULL, 0, 0);
    test_get(&file, "user.empty", buf, sizeof(buf));
    test_set(&file, "user.flags", "x", 1, XATTR_CREATE | XATTR_REPLACE);
    test_set(&file, "user.flags", "x", 1, XATTR_CREATE | 0x10);
    test_set(&file, "user.flags", "x", 1, 0x10);
    test_set(&file, "user.big", big, sizeof(big), 0);
    test_set(&file, "", "x", 1, 0);
    test_set(&file, "nonamespace", "x", 1, 0);

    /* Failures of the target and pointers. */
    test_set(&missing, "user.x", "x", 1, 0);
    test_get(&bad_fd, "user.x", buf, sizeof(buf));
    test_list(&missing, buf, sizeof(buf));
    test_remove(&bad_fd, "user.x");
    test_set(&file, NULL, "x", 1, 0);
    test_set(&file, "user.x", BAD_ADDR, 1, 0);
    test_get(&file, "user.binary", BAD_ADDR, sizeof(buf));
    test_list(&file, BAD_ADDR, sizeof(buf));
    test_remove(&file, BAD_ADDR);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * shim-file-xattr.c: setxattr, lsetxattr, fsetxattr, removexattr,
 * lremovexattr, fremovexattr, and setxattrat, getxattrat, listxattrat and
 * removexattrat, with getxattr to see what they did; and file_getattr and
 * file_setattr, the inode's flags (one of the shim-file programs:
 * shim-file.h).
 */
#include "shim-file.h"

#include <sys/xattr.h>

#define XATTR_SIZE_MAX_ 65536
#ifndef SYS_setxattrat
#define SYS_setxattrat 463
#define SYS_getxattrat 464
#define SYS_listxattrat 465
#define SYS_removexattrat 466
#endif

#ifndef SYS_file_getattr
#define SYS_file_getattr 468
#define SYS_file_setattr 469
#endif

/* struct file_attr (Linux 6.17) */
struct fattr {
    uint64_t xflags;
    uint32_t extsize, nextents, projid, cowextsize;
};

/* struct xattr_args (Linux 6.13) */
struct xargs {
    uint64_t value;
    uint32_t size;
    uint32_t flags;
};

static void show_attr(const char* file, const char* name) {
    char buf[64];
    long n = S(SYS_lgetxattr, file, name, buf, sizeof(buf));

    if (n < 0)
        printf("  %s %s: -1 %s\n", file, name, errno_name(errno));
    else
        show_bytes(file, buf, n);
}

static void sec_set(void) {
    static char big[XATTR_SIZE_MAX_ + 2];
    char* name255 = long_name(255);
    char* name256 = long_name(256);
    char n255[300], n256[300];
    struct kinds k;

    section("setxattr");
    open_kinds(&k, "f", "x");
    CHECK(S(SYS_symlink, "f", "link") == 0);
    snprintf(n255, sizeof(n255), "user.%s", name255 + 5);
    snprintf(n256, sizeof(n256), "user.%s", name256 + 5);
    CALL("setxattr(f, user.a, \"v1\", 2, 0)", SYS_setxattr, "f", "user.a", "v1", 2L, 0);
    show_attr("f", "user.a");
    CALL("setxattr(f, user.a, \"v2\", 2, XATTR_CREATE)", SYS_setxattr, "f", "user.a", "v2", 2L,
         XATTR_CREATE);
    CALL("setxattr(f, user.a, \"v3\", 2, XATTR_REPLACE)", SYS_setxattr, "f", "user.a", "v3", 2L,
         XATTR_REPLACE);
    CALL("setxattr(f, user.b, \"v\", 1, XATTR_REPLACE)", SYS_setxattr, "f", "user.b", "v", 1L,
         XATTR_REPLACE);
    CALL("setxattr(f, user.c, \"\", 0, 0)", SYS_setxattr, "f", "user.c", "", 0L, 0);
    CALL("setxattr(f, user.d, (void*)1, 0, 0)", SYS_setxattr, "f", "user.d", BAD, 0L, 0);
    show_attr("f", "user.a");
    show_attr("f", "user.d");
    /* the flags, then the name, then the size, then the value, then the
     * path */
    CALL("setxattr(f, user.a, v, 1, 4)", SYS_setxattr, "f", "user.a", "v", 1L, 4);
    CALL("setxattr(f, user.a, v, 1, CREATE|REPLACE)", SYS_setxattr, "f", "user.a", "v", 1L,
         XATTR_CREATE | XATTR_REPLACE);
    CALL("setxattr((char*)1, (char*)1, (void*)1, 1 << 20, 4)", SYS_setxattr, BAD, BAD, BAD,
         1L << 20, 4);
    CALL("setxattr(f, (char*)1, v, 1, 0)", SYS_setxattr, "f", BAD, "v", 1L, 0);
    CALL("setxattr(f, NULL, v, 1, 0)", SYS_setxattr, "f", NULL, "v", 1L, 0);
    CALL("setxattr(f, \"\", v, 1, 0)", SYS_setxattr, "f", "", "v", 1L, 0);
    CALL("setxattr(f, 255 bytes, v, 1, 0)", SYS_setxattr, "f", n255, "v", 1L, 0);
    CALL("setxattr(f, 256 bytes, v, 1, 0)", SYS_setxattr, "f", n256, "v", 1L, 0);
    memcpy(g_edge - 6, "user.e", 6);
    CALL("setxattr(f, name running into an unmapped page)", SYS_setxattr, "f", g_edge - 6, "v",
         1L, 0);
    CALL("setxattr((char*)1, \"\", (void*)1, 1 << 20, 0)", SYS_setxattr, BAD, "", BAD, 1L << 20,
         0);
    CALL("setxattr((char*)1, user.a, (void*)1, 65537, 0)", SYS_setxattr, BAD, "user.a", BAD,
         65537L, 0);
    CALL("setxattr(f, user.a, (void*)1, -1, 0)", SYS_setxattr, "f", "user.a", BAD, -1L, 0);
    CALL("setxattr((char*)1, user.a, (void*)1, 1, 0)", SYS_setxattr, BAD, "user.a", BAD, 1L, 0);
    CALL("setxattr(f, user.a, value across an unmapped page, 8)", SYS_setxattr, "f", "user.a",
         g_edge - 4, 8L, 0);
    CALL("setxattr((char*)1, user.a, v, 1, 0)", SYS_setxattr, BAD, "user.a", "v", 1L, 0);
    CALL("setxattr(\"\", user.a, v, 1, 0)", SYS_setxattr, "", "user.a", "v", 1L, 0);
    CALL("setxattr(nowhere, user.a, v, 1, 0)", SYS_setxattr, "nowhere", "user.a", "v", 1L, 0);
    CALL("setxattr(PATH_MAX bytes, user.a, v, 1, 0)", SYS_setxattr, dots_path(PATH_MAX, "ff"),
         "user.a", "v", 1L, 0);
    CALL("setxattr(f, user.big, 65536 bytes, 0)", SYS_setxattr, "f", "user.big", big, 65536L, 0);
    CALL("setxattr(f, user.big, 65537 bytes, 0)", SYS_setxattr, "f", "user.big", big, 65537L, 0);
    CALL("setxattr(f, foo.bar, v, 1, 0)", SYS_setxattr, "f", "foo.bar", "v", 1L, 0);
    CALL("setxattr(f, user, v, 1, 0)", SYS_setxattr, "f", "user", "v", 1L, 0);
    CALL("setxattr(f, user., v, 1, 0)", SYS_setxattr, "f", "user.", "v", 1L, 0);
    CALL("setxattr(f, trusted.t, v, 1, 0)", SYS_setxattr, "f", "trusted.t", "v", 1L, 0);
    /* the symlink itself, and what it points to */
    CALL("lsetxattr(link, user.l, v, 1, 0)", SYS_lsetxattr, "link", "user.l", "v", 1L, 0);
    CALL("lsetxattr(link, trusted.l, v, 1, 0)", SYS_lsetxattr, "link", "trusted.l", "v", 1L, 0);
    CALL("setxattr(link, user.l, \"vl\", 2, 0)", SYS_setxattr, "link", "user.l", "vl", 2L, 0);
    show_attr("f", "user.l");
    CALL("lsetxattr((char*)1, \"\", v, 1, 0)", SYS_lsetxattr, BAD, "", "v", 1L, 0);
    CALL("lsetxattr(f, user.a, v, 1, 8)", SYS_lsetxattr, "f", "user.a", "v", 1L, 8);
    /* a descriptor */
    CALL("fsetxattr(rw, user.fd, \"fd\", 2, 0)", SYS_fsetxattr, k.rw, "user.fd", "fd", 2L, 0);
    show_attr("f", "user.fd");
    CALL("fsetxattr(ro, user.ro, v, 1, 0)", SYS_fsetxattr, k.ro, "user.ro", "v", 1L, 0);
    CALL("fsetxattr(acc3, user.a3, v, 1, 0)", SYS_fsetxattr, k.acc3, "user.a3", "v", 1L, 0);
    CALL("fsetxattr(opath, user.p, v, 1, 0)", SYS_fsetxattr, k.opath, "user.p", "v", 1L, 0);
    CALL("fsetxattr(dir, user.dir, v, 1, 0)", SYS_fsetxattr, k.dir, "user.dir", "v", 1L, 0);
    CALL("fsetxattr(pipe, user.p, v, 1, 0)", SYS_fsetxattr, k.pw, "user.p", "v", 1L, 0);
    CALL("fsetxattr(socket, user.s, v, 1, 0)", SYS_fsetxattr, k.sock, "user.s", "v", 1L, 0);
    CALL("fsetxattr(epoll, user.e, v, 1, 0)", SYS_fsetxattr, k.ep, "user.e", "v", 1L, 0);
    CALL("fsetxattr(closed, user.c, v, 1, 0)", SYS_fsetxattr, CLOSED_FD, "user.c", "v", 1L, 0);
    CALL("fsetxattr(-1, user.c, v, 1, 0)", SYS_fsetxattr, -1, "user.c", "v", 1L, 0);
    CALL("fsetxattr(HUGE_FD, user.c, v, 1, 0)", SYS_fsetxattr, HUGE_FD, "user.c", "v", 1L, 0);
    CALL("fsetxattr(closed, (char*)1, v, 1, 0)", SYS_fsetxattr, CLOSED_FD, BAD, "v", 1L, 0);
    CALL("fsetxattr(closed, user.c, (void*)1, 1, 0)", SYS_fsetxattr, CLOSED_FD, "user.c", BAD, 1L,
         0);
    CALL("fsetxattr(closed, user.c, v, 1, 4)", SYS_fsetxattr, CLOSED_FD, "user.c", "v", 1L, 4);
    CALL("fsetxattr(AT_FDCWD, user.cwd, v, 1, 0)", SYS_fsetxattr, AT_FDCWD, "user.cwd", "v", 1L,
         0);
    CALL("fsetxattr(AT_FDCWD, foo.x, v, 1, 0)", SYS_fsetxattr, AT_FDCWD, "foo.x", "v", 1L, 0);
    close_kinds(&k);
}

static void sec_remove(void) {
    struct kinds k;

    section("removexattr");
    open_kinds(&k, "f", "x");
    CALL("removexattr(f, user.a)", SYS_removexattr, "f", "user.a");
    show_attr("f", "user.a");
    CALL("removexattr(f, user.a) again", SYS_removexattr, "f", "user.a");
    CALL("removexattr(f, (char*)1)", SYS_removexattr, "f", BAD);
    CALL("removexattr((char*)1, (char*)1)", SYS_removexattr, BAD, BAD);
    CALL("removexattr((char*)1, \"\")", SYS_removexattr, BAD, "");
    CALL("removexattr((char*)1, user.a)", SYS_removexattr, BAD, "user.a");
    CALL("removexattr(\"\", user.a)", SYS_removexattr, "", "user.a");
    CALL("removexattr(nowhere, user.a)", SYS_removexattr, "nowhere", "user.a");
    CALL("removexattr(f, foo.a)", SYS_removexattr, "f", "foo.a");
    CALL("removexattr(f, 256 bytes)", SYS_removexattr, "f", long_name(256));
    CALL("removexattr(link, user.l)", SYS_removexattr, "link", "user.l");
    CALL("lremovexattr(link, user.l)", SYS_lremovexattr, "link", "user.l");
    CALL("lremovexattr(link, trusted.l)", SYS_lremovexattr, "link", "trusted.l");
    CALL("lremovexattr((char*)1, \"\")", SYS_lremovexattr, BAD, "");
    CALL("fremovexattr(rw, user.fd)", SYS_fremovexattr, k.rw, "user.fd");
    CALL("fremovexattr(ro, user.ro)", SYS_fremovexattr, k.ro, "user.ro");
    CALL("fremovexattr(rw, user.fd) again", SYS_fremovexattr, k.rw, "user.fd");
    CALL("fremovexattr(opath, user.c)", SYS_fremovexattr, k.opath, "user.c");
    CALL("fremovexattr(closed, user.c)", SYS_fremovexattr, CLOSED_FD, "user.c");
    CALL("fremovexattr(closed, (char*)1)", SYS_fremovexattr, CLOSED_FD, BAD);
    CALL("fremovexattr(-1, user.c)", SYS_fremovexattr, -1, "user.c");
    CALL("fremovexattr(pipe, user.p)", SYS_fremovexattr, k.pr, "user.p");
    CALL("fremovexattr(AT_FDCWD, user.cwd)", SYS_fremovexattr, AT_FDCWD, "user.cwd");
    CALL("fremovexattr(AT_FDCWD, user.cwd) again", SYS_fremovexattr, AT_FDCWD, "user.cwd");
    show_attr("f", "user.c");
    close_kinds(&k);
}

static void sec_at(void) {
    char buf[256], *page;
    struct xargs a = {(uint64_t)(uintptr_t) "at", 2, 0}, *edge;
    struct kinds k;
    long n;

    section("setxattrat, getxattrat, listxattrat, removexattrat");
    open_kinds(&k, "g", "y");
    CHECK(S(SYS_symlink, "g", "glink") == 0);
    CALL("setxattrat(AT_FDCWD, g, 0, user.at, {\"at\", 2, 0}, 16)", SYS_setxattrat, AT_FDCWD, "g",
         0, "user.at", &a, 16L);
    show_attr("g", "user.at");
    CALL("setxattrat(dir, g, 0, user.d, ..., 16)", SYS_setxattrat, k.dir, "g", 0, "user.d", &a,
         16L);
    CALL("setxattrat(rw, NULL, AT_EMPTY_PATH, user.fd, ..., 16)", SYS_setxattrat, k.rw, NULL,
         AT_EMPTY_PATH, "user.fd", &a, 16L);
    CALL("setxattrat(rw, \"\", AT_EMPTY_PATH, user.fd2, ..., 16)", SYS_setxattrat, k.rw, "",
         AT_EMPTY_PATH, "user.fd2", &a, 16L);
    CALL("setxattrat(opath, NULL, AT_EMPTY_PATH, ...)", SYS_setxattrat, k.opath, NULL,
         AT_EMPTY_PATH, "user.p", &a, 16L);
    CALL("setxattrat(opath, \"\", AT_EMPTY_PATH, ...)", SYS_setxattrat, k.opath, "",
         AT_EMPTY_PATH, "user.p", &a, 16L);
    CALL("setxattrat(closed, NULL, AT_EMPTY_PATH, ...)", SYS_setxattrat, CLOSED_FD, NULL,
         AT_EMPTY_PATH, "user.c", &a, 16L);
    CALL("setxattrat(-1, NULL, AT_EMPTY_PATH, ...)", SYS_setxattrat, -1, NULL, AT_EMPTY_PATH,
         "user.c", &a, 16L);
    CALL("setxattrat(AT_FDCWD, NULL, AT_EMPTY_PATH, user.cwd, ...)", SYS_setxattrat, AT_FDCWD,
         NULL, AT_EMPTY_PATH, "user.cwd", &a, 16L);
    CALL("setxattrat(rw, NULL, 0, ...)", SYS_setxattrat, k.rw, NULL, 0, "user.c", &a, 16L);
    CALL("setxattrat(rw, \"\", 0, ...)", SYS_setxattrat, k.rw, "", 0, "user.c", &a, 16L);
    CALL("setxattrat(closed, g, 0, ...)", SYS_setxattrat, CLOSED_FD, "g", 0, "user.c", &a, 16L);
    CALL("setxattrat(AT_FDCWD, glink, AT_SYMLINK_NOFOLLOW, user.l, ...)", SYS_setxattrat,
         AT_FDCWD, "glink", AT_SYMLINK_NOFOLLOW, "user.l", &a, 16L);
    /* the size and the struct, then the AT_ flags, then the struct's */
    CALL("setxattrat(g, args, 15)", SYS_setxattrat, AT_FDCWD, "g", 0, "user.a", &a, 15L);
    CALL("setxattrat(g, args, 4097)", SYS_setxattrat, AT_FDCWD, "g", 0, "user.a", &a, 4097L);
    CALL("setxattrat(g, (void*)1, 15)", SYS_setxattrat, AT_FDCWD, "g", 0, "user.a", BAD, 15L);
    CALL("setxattrat(g, (void*)1, 16)", SYS_setxattrat, AT_FDCWD, "g", 0, "user.a", BAD, 16L);
    CALL("setxattrat(g, (void*)1, 16, at_flags 0x8000)", SYS_setxattrat, AT_FDCWD, "g", 0x8000,
         "user.a", BAD, 16L);
    CALL("setxattrat(g, at_flags 0x8000)", SYS_setxattrat, AT_FDCWD, "g", 0x8000, "user.a", &a,
         16L);
    CALL("setxattrat(g, AT_SYMLINK_FOLLOW)", SYS_setxattrat, AT_FDCWD, "g", AT_SYMLINK_FOLLOW,
         "user.a", &a, 16L);
    a.flags = 4;
    CALL("setxattrat(g, {.flags 4}, at_flags 0x8000)", SYS_setxattrat, AT_FDCWD, "g", 0x8000,
         "user.a", &a, 16L);
    CALL("setxattrat(g, {.flags 4}, (char*)1)", SYS_setxattrat, AT_FDCWD, "g", 0, BAD, &a, 16L);
    a.flags = XATTR_CREATE;
    CALL("setxattrat(g, user.at, {.flags XATTR_CREATE})", SYS_setxattrat, AT_FDCWD, "g", 0,
         "user.at", &a, 16L);
    a.flags = 0;
    a.size = 70000;
    CALL("setxattrat(g, {.size 70000}, (char*)1 path)", SYS_setxattrat, AT_FDCWD, BAD, 0,
         "user.a", &a, 16L);
    a.size = 2, a.value = 1;
    CALL("setxattrat(g, {.value (void*)1})", SYS_setxattrat, AT_FDCWD, "g", 0, "user.a", &a, 16L);
    a.value = (uint64_t)(uintptr_t) "at";
    CALL("setxattrat((char*)1, ...)", SYS_setxattrat, AT_FDCWD, BAD, 0, "user.a", &a, 16L);
    CALL("setxattrat((char*)1, AT_EMPTY_PATH, ...)", SYS_setxattrat, AT_FDCWD, BAD, AT_EMPTY_PATH,
         "user.a", &a, 16L);
    memset(buf, 0, sizeof(buf));
    memcpy(buf, &a, sizeof(a));
    CALL("setxattrat(g, args, 32, zeros past it)", SYS_setxattrat, AT_FDCWD, "g", 0, "user.z",
         buf, 32L);
    buf[20] = 1;
    CALL("setxattrat(g, args, 32, a byte past it)", SYS_setxattrat, AT_FDCWD, "g", 0, "user.z",
         buf, 32L);
    page = g_edge - 32;
    memset(page, 0, 32);
    memcpy(page, &a, sizeof(a));
    CALL("setxattrat(g, args 32 bytes before an unmapped page, 4096)", SYS_setxattrat, AT_FDCWD,
         "g", 0, "user.z", page, 4096L);
    page[31] = 1;
    CALL("setxattrat(g, ..., a byte not zero before the page, 4096)", SYS_setxattrat, AT_FDCWD,
         "g", 0, "user.z", page, 4096L);
    edge = (struct xargs*)(g_edge - 8);
    CALL("setxattrat(g, args across a page, 16)", SYS_setxattrat, AT_FDCWD, "g", 0, "user.z", edge,
         16L);

    /* getxattrat: the struct's flags must be 0 */
    a.value = (uint64_t)(uintptr_t)buf, a.size = sizeof(buf), a.flags = 0;
    n = CALL("getxattrat(AT_FDCWD, g, 0, user.at, {buf, 256, 0}, 16)", SYS_getxattrat, AT_FDCWD,
             "g", 0, "user.at", &a, 16L);
    show_bytes("  value", buf, n < 0 ? 0 : n);
    CALL("getxattrat(rw, NULL, AT_EMPTY_PATH, user.fd)", SYS_getxattrat, k.rw, NULL, AT_EMPTY_PATH,
         "user.fd", &a, 16L);
    CALL("getxattrat(opath, NULL, AT_EMPTY_PATH, user.fd)", SYS_getxattrat, k.opath, NULL,
         AT_EMPTY_PATH, "user.fd", &a, 16L);
    CALL("getxattrat(dir, g, 0, user.d)", SYS_getxattrat, k.dir, "g", 0, "user.d", &a, 16L);
    CALL("getxattrat(g, user.none)", SYS_getxattrat, AT_FDCWD, "g", 0, "user.none", &a, 16L);
    a.flags = 1;
    CALL("getxattrat(g, {.flags 1}, at_flags 0x8000)", SYS_getxattrat, AT_FDCWD, "g", 0x8000,
         "user.at", &a, 16L);
    a.flags = 0;
    CALL("getxattrat(g, at_flags 0x8000, (char*)1)", SYS_getxattrat, AT_FDCWD, "g", 0x8000, BAD,
         &a, 16L);
    CALL("getxattrat(g, \"\" name)", SYS_getxattrat, AT_FDCWD, "g", 0, "", &a, 16L);
    CALL("getxattrat(closed, NULL, AT_EMPTY_PATH, (char*)1)", SYS_getxattrat, CLOSED_FD, NULL,
         AT_EMPTY_PATH, BAD, &a, 16L);
    CALL("getxattrat(closed, NULL, AT_EMPTY_PATH, user.a)", SYS_getxattrat, CLOSED_FD, NULL,
         AT_EMPTY_PATH, "user.a", &a, 16L);
    a.size = 1;
    CALL("getxattrat(g, user.at, {buf, 1})", SYS_getxattrat, AT_FDCWD, "g", 0, "user.at", &a, 16L);
    a.value = 1, a.size = 8;
    CALL("getxattrat(g, user.at, {(void*)1, 8})", SYS_getxattrat, AT_FDCWD, "g", 0, "user.at", &a,
         16L);
    CALL("getxattrat(g, (void*)1, 16)", SYS_getxattrat, AT_FDCWD, "g", 0, "user.at", BAD, 16L);
    CALL("getxattrat(g, args, 8)", SYS_getxattrat, AT_FDCWD, "g", 0, "user.at", &a, 8L);

    /* listxattrat: a NULL name is the descriptor, whatever it is */
    n = CALL("listxattrat(AT_FDCWD, g, 0, NULL, 0)", SYS_listxattrat, AT_FDCWD, "g", 0, NULL, 0L);
    CALL("listxattrat(rw, NULL, AT_EMPTY_PATH, NULL, 0)", SYS_listxattrat, k.rw, NULL,
         AT_EMPTY_PATH, NULL, 0L);
    CALL("listxattrat(opath, NULL, AT_EMPTY_PATH, NULL, 0)", SYS_listxattrat, k.opath, NULL,
         AT_EMPTY_PATH, NULL, 0L);
    CALL("listxattrat(AT_FDCWD, NULL, AT_EMPTY_PATH, NULL, 0)", SYS_listxattrat, AT_FDCWD, NULL,
         AT_EMPTY_PATH, NULL, 0L);
    CALL("listxattrat(-1, \"\", AT_EMPTY_PATH, NULL, 0)", SYS_listxattrat, -1, "", AT_EMPTY_PATH,
         NULL, 0L);
    CALL("listxattrat(closed, g, 0, NULL, 0)", SYS_listxattrat, CLOSED_FD, "g", 0, NULL, 0L);
    CALL("listxattrat(g, at_flags 0x8000, (char*)1 path)", SYS_listxattrat, AT_FDCWD, BAD, 0x8000,
         NULL, 0L);
    CALL("listxattrat((char*)1, 0)", SYS_listxattrat, AT_FDCWD, BAD, 0, NULL, 0L);
    CALL("listxattrat(g, 0, (void*)1, 100)", SYS_listxattrat, AT_FDCWD, "g", 0, BAD, 100L);
    CALL("listxattrat(g, 0, buf, 1)", SYS_listxattrat, AT_FDCWD, "g", 0, buf, 1L);
    (void)n;

    /* removexattrat */
    CALL("removexattrat(AT_FDCWD, g, 0, user.at)", SYS_removexattrat, AT_FDCWD, "g", 0, "user.at");
    CALL("removexattrat(AT_FDCWD, g, 0, user.at) again", SYS_removexattrat, AT_FDCWD, "g", 0,
         "user.at");
    CALL("removexattrat(rw, NULL, AT_EMPTY_PATH, user.fd)", SYS_removexattrat, k.rw, NULL,
         AT_EMPTY_PATH, "user.fd");
    CALL("removexattrat(opath, NULL, AT_EMPTY_PATH, user.fd2)", SYS_removexattrat, k.opath, NULL,
         AT_EMPTY_PATH, "user.fd2");
    CALL("removexattrat(AT_FDCWD, NULL, AT_EMPTY_PATH, user.cwd)", SYS_removexattrat, AT_FDCWD,
         NULL, AT_EMPTY_PATH, "user.cwd");
    CALL("removexattrat(-1, NULL, AT_EMPTY_PATH, user.cwd)", SYS_removexattrat, -1, NULL,
         AT_EMPTY_PATH, "user.cwd");
    CALL("removexattrat(g, at_flags 0x8000, (char*)1)", SYS_removexattrat, AT_FDCWD, "g", 0x8000,
         BAD);
    CALL("removexattrat((char*)1, 0, (char*)1)", SYS_removexattrat, AT_FDCWD, BAD, 0, BAD);
    CALL("removexattrat((char*)1, 0, user.d)", SYS_removexattrat, AT_FDCWD, BAD, 0, "user.d");
    CALL("removexattrat(glink, AT_SYMLINK_NOFOLLOW, user.l)", SYS_removexattrat, AT_FDCWD, "glink",
         AT_SYMLINK_NOFOLLOW, "user.l");
    close_kinds(&k);
}

static void show_fattr(const char* what, long r, const struct fattr* fa) {
    if (r < 0)
        return;
    printf("  %s: xflags %#llx extsize %u nextents %u projid %u cowextsize %u\n", what,
           (unsigned long long)fa->xflags, fa->extsize, fa->nextents, fa->projid,
           fa->cowextsize);
}

static void sec_fileattr(void) {
    unsigned char big[64];
    struct fattr fa, *edge;
    struct kinds k;
    long r;

    section("file_getattr, file_setattr");
    open_kinds(&k, "h", "z");
    CHECK(S(SYS_mkdir, "hd", 0755) == 0);
    memset(&fa, 0xa5, sizeof(fa));
    r = CALL("file_getattr(AT_FDCWD, h, 24, 0)", SYS_file_getattr, AT_FDCWD, "h", &fa, 24L, 0);
    show_fattr("h", r, &fa);
    r = CALL("file_getattr(AT_FDCWD, hd, 24, 0)", SYS_file_getattr, AT_FDCWD, "hd", &fa, 24L, 0);
    show_fattr("hd", r, &fa);
    CALL("file_getattr(dir, h, 24, 0)", SYS_file_getattr, k.dir, "h", &fa, 24L, 0);
    CALL("file_getattr(rw, NULL, 24, AT_EMPTY_PATH)", SYS_file_getattr, k.rw, NULL, &fa, 24L,
         AT_EMPTY_PATH);
    CALL("file_getattr(dir, \"\", 24, AT_EMPTY_PATH)", SYS_file_getattr, k.dir, "", &fa, 24L,
         AT_EMPTY_PATH);
    CALL("file_getattr(opath, NULL, 24, AT_EMPTY_PATH)", SYS_file_getattr, k.opath, NULL, &fa,
         24L, AT_EMPTY_PATH);
    CALL("file_getattr(closed, NULL, 24, AT_EMPTY_PATH)", SYS_file_getattr, CLOSED_FD, NULL, &fa,
         24L, AT_EMPTY_PATH);
    CALL("file_getattr(AT_FDCWD, NULL, 24, AT_EMPTY_PATH)", SYS_file_getattr, AT_FDCWD, NULL, &fa,
         24L, AT_EMPTY_PATH);
    CALL("file_getattr(-1, NULL, 24, AT_EMPTY_PATH)", SYS_file_getattr, -1, NULL, &fa, 24L,
         AT_EMPTY_PATH);
    CALL("file_getattr(pipe, NULL, 24, AT_EMPTY_PATH)", SYS_file_getattr, k.pr, NULL, &fa, 24L,
         AT_EMPTY_PATH);
    CALL("file_getattr(closed, h, 24, 0)", SYS_file_getattr, CLOSED_FD, "h", &fa, 24L, 0);
    CALL("file_getattr(nowhere, 24, 0)", SYS_file_getattr, AT_FDCWD, "nowhere", &fa, 24L, 0);
    CALL("file_getattr(\"\", 24, 0)", SYS_file_getattr, AT_FDCWD, "", &fa, 24L, 0);
    CALL("file_getattr(NULL, 24, 0)", SYS_file_getattr, AT_FDCWD, NULL, &fa, 24L, 0);
    CALL("file_getattr((char*)1, 24, 0)", SYS_file_getattr, AT_FDCWD, BAD, &fa, 24L, 0);
    CALL("file_getattr((char*)1, 23, 0)", SYS_file_getattr, AT_FDCWD, BAD, &fa, 23L, 0);
    CALL("file_getattr((char*)1, 4097, 0)", SYS_file_getattr, AT_FDCWD, BAD, &fa, 4097L, 0);
    CALL("file_getattr(h, 4097, 0x8000)", SYS_file_getattr, AT_FDCWD, "h", &fa, 4097L, 0x8000);
    CALL("file_getattr(h, 24, AT_SYMLINK_FOLLOW)", SYS_file_getattr, AT_FDCWD, "h", &fa, 24L,
         AT_SYMLINK_FOLLOW);
    CALL("file_getattr(h, (void*)1, 24, 0)", SYS_file_getattr, AT_FDCWD, "hd", BAD, 24L, 0);
    CALL("file_getattr(hd, read-only page, 24, 0)", SYS_file_getattr, AT_FDCWD, "hd", g_ro, 24L,
         0);
    memset(big, 0xa5, sizeof(big));
    r = CALL("file_getattr(hd, 64 bytes, 0)", SYS_file_getattr, AT_FDCWD, "hd", big, 64L, 0);
    if (r == 0)
        show_bytes("  past the struct", (char*)big + 24, 8);
    CALL("file_getattr(PATH_MAX bytes, 24, 0)", SYS_file_getattr, AT_FDCWD,
         dots_path(PATH_MAX, "hd"), &fa, 24L, 0);

    memset(&fa, 0, sizeof(fa));
    CALL("file_setattr(hd, {0}, 24, 0)", SYS_file_setattr, AT_FDCWD, "hd", &fa, 24L, 0);
    CALL("file_setattr(hd, {0}, 23, 0)", SYS_file_setattr, AT_FDCWD, "hd", &fa, 23L, 0);
    CALL("file_setattr(hd, {0}, 4097, 0x8000)", SYS_file_setattr, AT_FDCWD, "hd", &fa, 4097L,
         0x8000);
    CALL("file_setattr(hd, (void*)1, 24, 0)", SYS_file_setattr, AT_FDCWD, "hd", BAD, 24L, 0);
    CALL("file_setattr((char*)1, (void*)1, 24, 0)", SYS_file_setattr, AT_FDCWD, BAD, BAD, 24L, 0);
    CALL("file_setattr((char*)1, {0}, 24, 0)", SYS_file_setattr, AT_FDCWD, BAD, &fa, 24L, 0);
    CALL("file_setattr(closed, NULL, {0}, 24, AT_EMPTY_PATH)", SYS_file_setattr, CLOSED_FD, NULL,
         &fa, 24L, AT_EMPTY_PATH);
    CALL("file_setattr(opath, NULL, {0}, 24, AT_EMPTY_PATH)", SYS_file_setattr, k.opath, NULL, &fa,
         24L, AT_EMPTY_PATH);
    CALL("file_setattr(dir, NULL, {0}, 24, AT_EMPTY_PATH)", SYS_file_setattr, k.dir, NULL, &fa,
         24L, AT_EMPTY_PATH);
    fa.xflags = ~0ULL;
    CALL("file_setattr((char*)1, {xflags ~0}, 24, 0)", SYS_file_setattr, AT_FDCWD, BAD, &fa, 24L,
         0);
    CALL("file_setattr(nowhere, {xflags ~0}, 24, 0)", SYS_file_setattr, AT_FDCWD, "nowhere", &fa,
         24L, 0);
    fa.xflags = 0;
    memset(big, 0, sizeof(big));
    CALL("file_setattr(hd, {0}, 64 zeros, 0)", SYS_file_setattr, AT_FDCWD, "hd", big, 64L, 0);
    big[40] = 1;
    CALL("file_setattr((char*)1, a byte past the struct, 64, 0)", SYS_file_setattr, AT_FDCWD, BAD,
         big, 64L, 0);
    edge = (struct fattr*)(g_edge - 32);
    memset(edge, 0, 32);
    CALL("file_setattr(hd, 32 bytes before an unmapped page, 64, 0)", SYS_file_setattr, AT_FDCWD,
         "hd", edge, 64L, 0);
    g_edge[-1] = 1;
    CALL("file_setattr(hd, ..., a byte not zero before the page, 64, 0)", SYS_file_setattr,
         AT_FDCWD, "hd", edge, 64L, 0);
    g_edge[-1] = 0;
    close_kinds(&k);
}

/* as a user without privileges */
static void sec_user(void) {
    section("user");
    CALL("setxattr(rootfile, user.u, v, 1, 0)", SYS_setxattr, "rootfile", "user.u", "v", 1L, 0);
    CALL("setxattr(rootfile, trusted.u, v, 1, 0)", SYS_setxattr, "rootfile", "trusted.u", "v", 1L,
         0);
    CALL("removexattr(rootfile, user.u)", SYS_removexattr, "rootfile", "user.u");
    make_file("w/mine", "m");
    CALL("setxattr(w/mine, user.u, v, 1, 0)", SYS_setxattr, "w/mine", "user.u", "v", 1L, 0);
    CALL("setxattr(w/mine, trusted.u, v, 1, 0)", SYS_setxattr, "w/mine", "trusted.u", "v", 1L, 0);
    CALL("removexattr(w/mine, user.u)", SYS_removexattr, "w/mine", "user.u");
    {
        int ro = (int)S(SYS_open, "rootfile", O_RDONLY);

        CALL("fsetxattr(rootfile O_RDONLY, user.u, v, 1, 0)", SYS_fsetxattr, ro, "user.u", "v", 1L,
             0);
        CALL("fremovexattr(rootfile O_RDONLY, user.u)", SYS_fremovexattr, ro, "user.u");
        CHECK(S(SYS_close, ro) == 0);
    }
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    if (user_mode(argc, argv)) {
        sec_user();
        return 0;
    }
    sec_set();
    sec_remove();
    sec_at();
    sec_fileattr();
    return 0;
}

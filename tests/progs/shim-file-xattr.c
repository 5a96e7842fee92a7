/*
 * shim-file-xattr.c: setxattr, lsetxattr, fsetxattr, removexattr,
 * lremovexattr and fremovexattr (one of the shim-file programs:
 * shim-file.h), with getxattr to see what they did.
 */
#include "shim-file.h"

#include <sys/xattr.h>

#define XATTR_SIZE_MAX_ 65536

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
    return 0;
}

/*
 * shim-path-access.c: access, faccessat, faccessat2, readlink and
 * readlinkat: names looked up, nothing changed (one of the shim-path
 * programs: shim-path.h).
 */
#include "shim-path.h"

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

int main(void) {
    int dirfd, filefd;

    shim_path_setup(&dirfd, &filefd);
    t_access(dirfd, filefd);
    t_readlink(dirfd, filefd);
    return 0;
}

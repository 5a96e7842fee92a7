/*
 * shim-path-attr.c: chmod, fchmod, fchmodat, fchmodat2, chown, fchown,
 * lchown and fchownat (one of the shim-path programs: shim-path.h).
 */
#include "shim-path.h"

/* the owner and the permissions of NAME, after a change */
static void show_owner(const char* name) {
    struct stat st;

    if (lstat(name, &st) < 0) {
        printf("    %s: %s\n", name, errno_name(errno));
        return;
    }
    printf("    %s: mode %04o uid %u gid %u\n", name, st.st_mode & 07777, (unsigned)st.st_uid,
           (unsigned)st.st_gid);
}

static void t_attr(int dirfd, int filefd) {
    int pathfd = open("file", O_PATH);
    int wrfd = open("file", O_WRONLY);
    char abs_owned[PATH_MAX];

    CHECK(pathfd >= 0 && wrfd >= 0);
    CHECK(snprintf(abs_owned, sizeof(abs_owned), "%s/owned", g_cwd) < (int)sizeof(abs_owned));
    printf("-- chmod, fchmod, fchmodat, fchmodat2, chown, fchown, lchown, fchownat\n");
    make_file("owned", "x");
    CHECK(symlink("owned", "owned-link") == 0);
    CALL("chmod owned 0600", SYS_chmod, "owned", 0600);
    show_owner("owned");
    CALL("chmod owned 017777 (beyond S_IALLUGO)", SYS_chmod, "owned", 017777);
    show_owner("owned");
    CALL("chmod owned-link 0640 (the target)", SYS_chmod, "owned-link", 0640);
    show_owner("owned");
    CALL("chmod missing", SYS_chmod, "missing", 0600);
    CALL("chmod dangling", SYS_chmod, "dangling", 0600);
    CALL("chmod file/x", SYS_chmod, "file/x", 0600);
    CALL("chmod \"\"", SYS_chmod, "", 0600);
    CALL("chmod NULL", SYS_chmod, NULL, 0600);
    CALL("chmod (char *)1", SYS_chmod, BAD, 0600);
    CALL("chmod unmapped end", SYS_chmod, g_unmapped, 0600);
    CALL("chmod 5000 bytes", SYS_chmod, g_long, 0600);
    CALL("chmod PATH_MAX - 1 bytes", SYS_chmod, g_max, 0755);
    CALL("chmod PATH_MAX bytes", SYS_chmod, g_over, 0755);
    CALL("fchmod filefd 0644", SYS_fchmod, filefd, 0644);
    show_owner("file");
    CALL("fchmod O_PATH fd", SYS_fchmod, pathfd, 0600);
    CALL("fchmod bad fd", SYS_fchmod, BADFD, 0600);
    CALL("fchmod -1", SYS_fchmod, -1, 0600);
    CALL("fchmod dirfd 0755", SYS_fchmod, dirfd, 0755);
    CALL("fchmodat dirfd inner 0600", SYS_fchmodat, dirfd, "inner", 0600);
    show_owner("dir/inner");
    CALL("fchmodat bad dirfd inner", SYS_fchmodat, BADFD, "inner", 0600);
    CALL("fchmodat bad dirfd, an absolute name", SYS_fchmodat, BADFD, abs_owned, 0600);
    show_owner("owned");
    CALL("fchmodat filefd as dirfd", SYS_fchmodat, filefd, "inner", 0600);
    CALL("fchmodat filefd \"\"", SYS_fchmodat, filefd, "", 0600);
    CALL("fchmodat bad dirfd (char *)1", SYS_fchmodat, BADFD, BAD, 0600);
    CALL("fchmodat2 owned 0644", SYS_fchmodat2, AT_FDCWD, "owned", 0644, 0);
    show_owner("owned");
    CALL("fchmodat2 owned-link NOFOLLOW", SYS_fchmodat2, AT_FDCWD, "owned-link", 0600,
         AT_SYMLINK_NOFOLLOW);
    CALL("fchmodat2 filefd \"\" EMPTY_PATH", SYS_fchmodat2, filefd, "", 0640, AT_EMPTY_PATH);
    show_owner("file");
    CALL("fchmodat2 filefd NULL EMPTY_PATH", SYS_fchmodat2, filefd, NULL, 0640, AT_EMPTY_PATH);
    CALL("fchmodat2 O_PATH fd \"\" EMPTY_PATH", SYS_fchmodat2, pathfd, "", 0640, AT_EMPTY_PATH);
    CALL("fchmodat2 filefd \"\"", SYS_fchmodat2, filefd, "", 0640, 0);
    CALL("fchmodat2 flags 0x1", SYS_fchmodat2, AT_FDCWD, "owned", 0640, 0x1);
    CALL("fchmodat2 flags 0x1 (char *)1", SYS_fchmodat2, AT_FDCWD, BAD, 0640, 0x1);
    CALL("fchmodat2 flags AT_REMOVEDIR", SYS_fchmodat2, AT_FDCWD, "owned", 0640, AT_REMOVEDIR);
    CALL("fchmodat2 (char *)1", SYS_fchmodat2, AT_FDCWD, BAD, 0640, 0);
    CALL("fchmodat2 5000 bytes EMPTY_PATH", SYS_fchmodat2, AT_FDCWD, g_long, 0640,
         AT_EMPTY_PATH);

    CALL("chown owned -1 -1", SYS_chown, "owned", -1, -1);
    show_owner("owned");
    CALL("chown owned 4321 4322", SYS_chown, "owned", 4321, 4322);
    show_owner("owned");
    CALL("chown owned-link 4323 -1 (the target)", SYS_chown, "owned-link", 4323, -1);
    show_owner("owned");
    CALL("lchown owned-link 4324 4325 (the link)", SYS_lchown, "owned-link", 4324, 4325);
    show_owner("owned-link");
    show_owner("owned");
    CALL("chown missing", SYS_chown, "missing", 0, 0);
    CALL("chown dangling", SYS_chown, "dangling", 0, 0);
    CALL("lchown dangling -1 -1", SYS_lchown, "dangling", -1, -1);
    CALL("chown \"\"", SYS_chown, "", 0, 0);
    CALL("lchown \"\"", SYS_lchown, "", 0, 0);
    CALL("chown (char *)1", SYS_chown, BAD, 0, 0);
    CALL("lchown NULL", SYS_lchown, NULL, 0, 0);
    CALL("chown unmapped end", SYS_chown, g_unmapped, 0, 0);
    CALL("chown 5000 bytes", SYS_chown, g_long, 0, 0);
    CALL("lchown 5000 bytes", SYS_lchown, g_long, 0, 0);
    CALL("fchown wrfd 4326 -1", SYS_fchown, wrfd, 4326, -1);
    show_owner("file");
    CALL("fchown O_PATH fd", SYS_fchown, pathfd, -1, -1);
    CALL("fchown bad fd", SYS_fchown, BADFD, -1, -1);
    CALL("fchown -1", SYS_fchown, -1, -1, -1);
    CALL("fchownat dirfd inner 4327 4328", SYS_fchownat, dirfd, "inner", 4327, 4328, 0);
    show_owner("dir/inner");
    CALL("fchownat owned-link NOFOLLOW", SYS_fchownat, AT_FDCWD, "owned-link", 4329, -1,
         AT_SYMLINK_NOFOLLOW);
    show_owner("owned-link");
    CALL("fchownat O_PATH fd \"\" EMPTY_PATH", SYS_fchownat, pathfd, "", -1, 4330, AT_EMPTY_PATH);
    show_owner("file");
    CALL("fchownat filefd NULL EMPTY_PATH", SYS_fchownat, filefd, NULL, -1, -1, AT_EMPTY_PATH);
    CALL("fchownat filefd \"\"", SYS_fchownat, filefd, "", -1, -1, 0);
    CALL("fchownat bad dirfd inner", SYS_fchownat, BADFD, "inner", -1, -1, 0);
    CALL("fchownat bad dirfd \"\" EMPTY_PATH", SYS_fchownat, BADFD, "", -1, -1, AT_EMPTY_PATH);
    CALL("fchownat filefd as dirfd", SYS_fchownat, filefd, "inner", -1, -1, 0);
    CALL("fchownat flags 0x1", SYS_fchownat, AT_FDCWD, "owned", -1, -1, 0x1);
    CALL("fchownat flags 0x1 (char *)1", SYS_fchownat, AT_FDCWD, BAD, -1, -1, 0x1);
    CALL("fchownat (char *)1", SYS_fchownat, AT_FDCWD, BAD, -1, -1, 0);
    CALL("fchownat 5000 bytes", SYS_fchownat, AT_FDCWD, g_long, -1, -1, 0);
    CALL("fchownat PATH_MAX bytes EMPTY_PATH", SYS_fchownat, AT_FDCWD, g_over, -1, -1,
         AT_EMPTY_PATH);
    CHECK(unlink("owned-link") == 0 && unlink("owned") == 0);
    CHECK(chmod("file", 0640) == 0 && chmod("dir/inner", 0640) == 0);
    CHECK(close(pathfd) == 0 && close(wrfd) == 0);
}

int main(void) {
    int dirfd, filefd;

    shim_path_setup(&dirfd, &filefd);
    t_attr(dirfd, filefd);
    return 0;
}

/*
 * shim-path-names.c: mkdir, mkdirat, rmdir, unlink, unlinkat, rename,
 * renameat, renameat2, symlink, symlinkat, link and linkat: names made and
 * removed (one of the shim-path programs: shim-path.h).
 */
#include "shim-path.h"

static void t_mkdir_rmdir(int dirfd, int filefd) {
    struct stat st;
    char abs[sizeof(g_cwd) + 16];

    snprintf(abs, sizeof(abs), "%s/abs-made", g_cwd);
    printf("-- mkdir, mkdirat, rmdir\n");
    CALL("mkdir made 0750", SYS_mkdir, "made", 0750);
    STAT("    stat made", SYS_stat, "made", &st);
    CALL("mkdir made again", SYS_mkdir, "made", 0755);
    CALL("mkdir file", SYS_mkdir, "file", 0755);
    CALL("mkdir dangling", SYS_mkdir, "dangling", 0755);
    CALL("mkdir missing/x", SYS_mkdir, "missing/x", 0755);
    CALL("mkdir file/x", SYS_mkdir, "file/x", 0755);
    CALL("mkdir \"\"", SYS_mkdir, "", 0755);
    CALL("mkdir (char *)1", SYS_mkdir, BAD, 0755);
    CALL("mkdir unmapped end", SYS_mkdir, g_unmapped, 0755);
    CALL("mkdir 5000 bytes", SYS_mkdir, g_long, 0755);
    CALL("mkdir made/sub 07777", SYS_mkdir, "made/sub", 07777);
    STAT("    stat made/sub", SYS_stat, "made/sub", &st);
    CALL("mkdirat dirfd sub", SYS_mkdirat, dirfd, "sub", 0700);
    STAT("    stat dir/sub", SYS_stat, "dir/sub", &st);
    CALL("mkdirat dirfd sub again", SYS_mkdirat, dirfd, "sub", 0700);
    CALL("mkdirat bad dirfd x", SYS_mkdirat, BADFD, "x", 0700);
    CALL("mkdirat bad dirfd absolute", SYS_mkdirat, BADFD, abs, 0700);
    CALL("mkdirat filefd as dirfd", SYS_mkdirat, filefd, "x", 0700);
    CALL("mkdirat bad dirfd \"\"", SYS_mkdirat, BADFD, "", 0700);
    CALL("mkdirat (char *)1", SYS_mkdirat, dirfd, BAD, 0700);
    CALL("mkdirat 5000 bytes", SYS_mkdirat, dirfd, g_long, 0700);

    CALL("rmdir made", SYS_rmdir, "made");
    CALL("rmdir made/sub", SYS_rmdir, "made/sub");
    CALL("rmdir made", SYS_rmdir, "made");
    CALL("rmdir made again", SYS_rmdir, "made");
    CALL("rmdir file", SYS_rmdir, "file");
    CALL("rmdir link", SYS_rmdir, "link");
    CALL("rmdir file/x", SYS_rmdir, "file/x");
    CALL("rmdir .", SYS_rmdir, ".");
    CALL("rmdir dir/..", SYS_rmdir, "dir/..");
    CALL("rmdir /", SYS_rmdir, "/");
    CALL("rmdir \"\"", SYS_rmdir, "");
    CALL("rmdir (char *)1", SYS_rmdir, BAD);
    CALL("rmdir unmapped end", SYS_rmdir, g_unmapped);
    CALL("rmdir 5000 bytes", SYS_rmdir, g_long);
    CALL("rmdir abs-made", SYS_rmdir, abs);
}

static void t_unlink(int dirfd, int filefd) {
    printf("-- unlink, unlinkat\n");
    make_file("victim", "v");
    CALL("unlink victim", SYS_unlink, "victim");
    CALL("unlink victim again", SYS_unlink, "victim");
    CALL("unlink dir", SYS_unlink, "dir");
    CALL("unlink file/x", SYS_unlink, "file/x");
    CALL("unlink file/", SYS_unlink, "file/");
    CALL("unlink missing/x", SYS_unlink, "missing/x");
    CALL("unlink \"\"", SYS_unlink, "");
    CALL("unlink (char *)1", SYS_unlink, BAD);
    CALL("unlink unmapped end", SYS_unlink, g_unmapped);
    CALL("unlink 5000 bytes", SYS_unlink, g_long);
    make_file("dir/gone", "g");
    CHECK(mkdir("dir/gonedir", 0755) == 0);
    CALL("unlinkat dirfd gone", SYS_unlinkat, dirfd, "gone", 0);
    CALL("unlinkat dirfd gonedir", SYS_unlinkat, dirfd, "gonedir", 0);
    CALL("unlinkat dirfd gonedir REMOVEDIR", SYS_unlinkat, dirfd, "gonedir", AT_REMOVEDIR);
    CALL("unlinkat dirfd inner REMOVEDIR", SYS_unlinkat, dirfd, "inner", AT_REMOVEDIR);
    CALL("unlinkat AT_FDCWD dir REMOVEDIR", SYS_unlinkat, AT_FDCWD, "dir", AT_REMOVEDIR);
    CALL("unlinkat flags 0x1", SYS_unlinkat, AT_FDCWD, "file", 0x1);
    CALL("unlinkat flags AT_SYMLINK_NOFOLLOW", SYS_unlinkat, AT_FDCWD, "file",
         AT_SYMLINK_NOFOLLOW);
    CALL("unlinkat (char *)1 flags 0x1", SYS_unlinkat, AT_FDCWD, BAD, 0x1);
    CALL("unlinkat bad dirfd inner", SYS_unlinkat, BADFD, "inner", 0);
    CALL("unlinkat filefd as dirfd", SYS_unlinkat, filefd, "inner", 0);
    CALL("unlinkat \"\"", SYS_unlinkat, AT_FDCWD, "", 0);
    CALL("unlinkat \"\" REMOVEDIR", SYS_unlinkat, AT_FDCWD, "", AT_REMOVEDIR);
    CALL("unlinkat (char *)1 REMOVEDIR", SYS_unlinkat, AT_FDCWD, BAD, AT_REMOVEDIR);
    CALL("unlinkat 5000 bytes", SYS_unlinkat, AT_FDCWD, g_long, 0);
}

static void t_rename(int dirfd, int filefd) {
    printf("-- rename, renameat, renameat2\n");
    make_file("r1", "one");
    make_file("r2", "two");
    CHECK(mkdir("rdir", 0755) == 0);
    CHECK(mkdir("rfull", 0755) == 0);
    make_file("rfull/x", "x");
    CALL("rename r1 r1-moved", SYS_rename, "r1", "r1-moved");
    show_content("r1");
    show_content("r1-moved");
    CALL("rename r1-moved r2 (replaces)", SYS_rename, "r1-moved", "r2");
    show_content("r2");
    CALL("rename missing x", SYS_rename, "missing", "x");
    CALL("rename r2 rdir", SYS_rename, "r2", "rdir");
    CALL("rename rdir r2", SYS_rename, "rdir", "r2");
    CALL("rename rdir rfull", SYS_rename, "rdir", "rfull");
    CALL("rename rdir rdir/sub", SYS_rename, "rdir", "rdir/sub");
    CALL("rename r2 missing/x", SYS_rename, "r2", "missing/x");
    CALL("rename r2 file/x", SYS_rename, "r2", "file/x");
    CALL("rename \"\" x", SYS_rename, "", "x");
    CALL("rename r2 \"\"", SYS_rename, "r2", "");
    CALL("rename (char *)1 x", SYS_rename, BAD, "x");
    CALL("rename r2 (char *)1", SYS_rename, "r2", BAD);
    CALL("rename missing (char *)1", SYS_rename, "missing", BAD);
    CALL("rename missing/x (char *)1", SYS_rename, "missing/x", BAD);
    CALL("rename file/x (char *)1", SYS_rename, "file/x", BAD);
    CALL("rename (char *)1 (char *)1", SYS_rename, BAD, BAD);
    CALL("rename \"\" (char *)1", SYS_rename, "", BAD);
    CALL("rename missing/x \"\"", SYS_rename, "missing/x", "");
    CALL("rename unmapped end x", SYS_rename, g_unmapped, "x");
    CALL("rename r2 unmapped end", SYS_rename, "r2", g_unmapped);
    CALL("rename 5000 bytes x", SYS_rename, g_long, "x");
    CALL("rename r2 5000 bytes", SYS_rename, "r2", g_long);
    CALL("rename missing/x 5000 bytes", SYS_rename, "missing/x", g_long);
    CALL("renameat AT_FDCWD r2 dirfd r2-in", SYS_renameat, AT_FDCWD, "r2", dirfd, "r2-in");
    show_content("dir/r2-in");
    CALL("renameat dirfd r2-in AT_FDCWD r2", SYS_renameat, dirfd, "r2-in", AT_FDCWD, "r2");
    CALL("renameat bad dirfd r2 AT_FDCWD x", SYS_renameat, BADFD, "r2", AT_FDCWD, "x");
    CALL("renameat AT_FDCWD r2 bad dirfd x", SYS_renameat, AT_FDCWD, "r2", BADFD, "x");
    CALL("renameat bad dirfd r2 AT_FDCWD (char *)1", SYS_renameat, BADFD, "r2", AT_FDCWD, BAD);
    CALL("renameat filefd r2 AT_FDCWD x", SYS_renameat, filefd, "r2", AT_FDCWD, "x");
    CALL("renameat (char *)1", SYS_renameat, AT_FDCWD, BAD, AT_FDCWD, "x");
    make_file("r3", "three");
    CALL("renameat2 r2 r3 NOREPLACE", SYS_renameat2, AT_FDCWD, "r2", AT_FDCWD, "r3",
         RENAME_NOREPLACE);
    CALL("renameat2 r2 r4 NOREPLACE", SYS_renameat2, AT_FDCWD, "r2", AT_FDCWD, "r4",
         RENAME_NOREPLACE);
    CALL("renameat2 r4 r3 EXCHANGE", SYS_renameat2, AT_FDCWD, "r4", AT_FDCWD, "r3",
         RENAME_EXCHANGE);
    show_content("r3");
    show_content("r4");
    CALL("renameat2 r4 rdir EXCHANGE", SYS_renameat2, AT_FDCWD, "r4", AT_FDCWD, "rdir",
         RENAME_EXCHANGE);
    CALL("renameat2 r3 missing EXCHANGE", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "missing",
         RENAME_EXCHANGE);
    CALL("renameat2 flags 0x8", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "x", 0x8);
    CALL("renameat2 EXCHANGE|NOREPLACE", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "r4",
         RENAME_EXCHANGE | RENAME_NOREPLACE);
    CALL("renameat2 EXCHANGE|WHITEOUT", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, "r4",
         RENAME_EXCHANGE | RENAME_WHITEOUT);
    CALL("renameat2 (char *)1 flags 0x8", SYS_renameat2, AT_FDCWD, BAD, AT_FDCWD, BAD, 0x8);
    CALL("renameat2 bad dirfd flags 0x8", SYS_renameat2, BADFD, "r3", BADFD, "x", 0x8);
    CALL("renameat2 (char *)1 NOREPLACE", SYS_renameat2, AT_FDCWD, BAD, AT_FDCWD, "x",
         RENAME_NOREPLACE);
    CALL("renameat2 r3 (char *)1 NOREPLACE", SYS_renameat2, AT_FDCWD, "r3", AT_FDCWD, BAD,
         RENAME_NOREPLACE);
    CALL("renameat2 bad dirfd", SYS_renameat2, BADFD, "r3", AT_FDCWD, "x", 0);
    CALL("renameat2 \"\" NOREPLACE", SYS_renameat2, AT_FDCWD, "", AT_FDCWD, "x",
         RENAME_NOREPLACE);
}

static void t_symlink(int dirfd, int filefd) {
    char buf[64];
    struct stat st;

    printf("-- symlink, symlinkat\n");
    CALL("symlink file s1", SYS_symlink, "file", "s1");
    READLINK("    readlink s1", SYS_readlink, "s1", buf, sizeof(buf));
    STAT("    stat s1", SYS_stat, "s1", &st);
    CALL("symlink nowhere s2", SYS_symlink, "nowhere/at/all", "s2");
    READLINK("    readlink s2", SYS_readlink, "s2", buf, sizeof(buf));
    CALL("symlink file s1 again", SYS_symlink, "file", "s1");
    CALL("symlink file dir", SYS_symlink, "file", "dir");
    CALL("symlink file missing/x", SYS_symlink, "file", "missing/x");
    CALL("symlink file file/x", SYS_symlink, "file", "file/x");
    CALL("symlink \"\" s3", SYS_symlink, "", "s3");
    CALL("symlink file \"\"", SYS_symlink, "file", "");
    CALL("symlink (char *)1 s3", SYS_symlink, BAD, "s3");
    CALL("symlink file (char *)1", SYS_symlink, "file", BAD);
    CALL("symlink (char *)1 missing/x", SYS_symlink, BAD, "missing/x");
    CALL("symlink \"\" (char *)1", SYS_symlink, "", BAD);
    CALL("symlink (char *)1 \"\"", SYS_symlink, BAD, "");
    CALL("symlink unmapped end s3", SYS_symlink, g_unmapped, "s3");
    CALL("symlink file unmapped end", SYS_symlink, "file", g_unmapped);
    CALL("symlink 5000 bytes s3", SYS_symlink, g_long, "s3");
    CALL("symlink file 5000 bytes", SYS_symlink, "file", g_long);
    CALL("symlinkat ../file dirfd s4", SYS_symlinkat, "../file", dirfd, "s4");
    STAT("    stat dir/s4", SYS_stat, "dir/s4", &st);
    CALL("symlinkat file bad dirfd s5", SYS_symlinkat, "file", BADFD, "s5");
    CALL("symlinkat (char *)1 bad dirfd s5", SYS_symlinkat, BAD, BADFD, "s5");
    CALL("symlinkat file bad dirfd (char *)1", SYS_symlinkat, "file", BADFD, BAD);
    CALL("symlinkat file filefd s5", SYS_symlinkat, "file", filefd, "s5");
    CALL("symlinkat file dirfd \"\"", SYS_symlinkat, "file", dirfd, "");
}

static void t_link(int dirfd, int filefd) {
    struct stat st;

    printf("-- link, linkat\n");
    CALL("link file h1", SYS_link, "file", "h1");
    STAT("    stat h1", SYS_stat, "h1", &st);
    CALL("link file h1 again", SYS_link, "file", "h1");
    CALL("link dir h2", SYS_link, "dir", "h2");
    CALL("link missing h2", SYS_link, "missing", "h2");
    CALL("link file missing/x", SYS_link, "file", "missing/x");
    CALL("link file/x h2", SYS_link, "file/x", "h2");
    CALL("link \"\" h2", SYS_link, "", "h2");
    CALL("link file \"\"", SYS_link, "file", "");
    CALL("link (char *)1 h2", SYS_link, BAD, "h2");
    CALL("link file (char *)1", SYS_link, "file", BAD);
    CALL("link missing (char *)1", SYS_link, "missing", BAD);
    CALL("link missing \"\"", SYS_link, "missing", "");
    CALL("link (char *)1 (char *)1", SYS_link, BAD, BAD);
    CALL("link unmapped end h2", SYS_link, g_unmapped, "h2");
    CALL("link file unmapped end", SYS_link, "file", g_unmapped);
    CALL("link 5000 bytes h2", SYS_link, g_long, "h2");
    CALL("link file 5000 bytes", SYS_link, "file", g_long);
    CALL("link missing 5000 bytes", SYS_link, "missing", g_long);
    CALL("linkat link h3 (the symlink itself)", SYS_linkat, AT_FDCWD, "link", AT_FDCWD, "h3", 0);
    STAT("    lstat h3", SYS_lstat, "h3", &st);
    CALL("linkat link h4 SYMLINK_FOLLOW", SYS_linkat, AT_FDCWD, "link", AT_FDCWD, "h4",
         AT_SYMLINK_FOLLOW);
    STAT("    lstat h4", SYS_lstat, "h4", &st);
    CALL("linkat dirfd inner AT_FDCWD h5", SYS_linkat, dirfd, "inner", AT_FDCWD, "h5", 0);
    STAT("    stat dir/inner", SYS_stat, "dir/inner", &st);
    CALL("linkat filefd \"\" h6 EMPTY_PATH", SYS_linkat, filefd, "", AT_FDCWD, "h6",
         AT_EMPTY_PATH);
    CALL("linkat filefd NULL h7 EMPTY_PATH", SYS_linkat, filefd, NULL, AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat filefd (char *)1 h7 EMPTY_PATH", SYS_linkat, filefd, BAD, AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat dirfd \"\" h7 EMPTY_PATH", SYS_linkat, dirfd, "", AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat bad dirfd \"\" h7 EMPTY_PATH", SYS_linkat, BADFD, "", AT_FDCWD, "h7",
         AT_EMPTY_PATH);
    CALL("linkat filefd \"\" h7", SYS_linkat, filefd, "", AT_FDCWD, "h7", 0);
    CALL("linkat flags 0x1", SYS_linkat, AT_FDCWD, "file", AT_FDCWD, "h7", 0x1);
    CALL("linkat flags AT_SYMLINK_NOFOLLOW", SYS_linkat, AT_FDCWD, "file", AT_FDCWD, "h7",
         AT_SYMLINK_NOFOLLOW);
    CALL("linkat (char *)1 (char *)1 flags 0x1", SYS_linkat, AT_FDCWD, BAD, AT_FDCWD, BAD, 0x1);
    CALL("linkat bad dirfd inner", SYS_linkat, BADFD, "inner", AT_FDCWD, "h7", 0);
    CALL("linkat bad new dirfd", SYS_linkat, AT_FDCWD, "file", BADFD, "h7", 0);
    CALL("linkat bad dirfd inner (char *)1", SYS_linkat, BADFD, "inner", AT_FDCWD, BAD, 0);
    CALL("linkat filefd as dirfd", SYS_linkat, filefd, "inner", AT_FDCWD, "h7", 0);
    CALL("linkat (char *)1", SYS_linkat, AT_FDCWD, BAD, AT_FDCWD, "h7", 0);
    CALL("linkat 5000 bytes", SYS_linkat, AT_FDCWD, g_long, AT_FDCWD, "h7", 0);
}

int main(void) {
    int dirfd, filefd;

    shim_path_setup(&dirfd, &filefd);
    t_mkdir_rmdir(dirfd, filefd);
    t_unlink(dirfd, filefd);
    t_rename(dirfd, filefd);
    t_symlink(dirfd, filefd);
    t_link(dirfd, filefd);
    return 0;
}

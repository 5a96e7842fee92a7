/*
 * shim-path-stat.c: stat, lstat, newfstatat and statx (one of the
 * shim-path programs: shim-path.h).
 */
#include "shim-path.h"

static void t_stat(void) {
    struct stat st;

    printf("-- stat, lstat\n");
    STAT("stat file", SYS_stat, "file", &st);
    STAT("stat dir", SYS_stat, "dir", &st);
    STAT("stat link (followed)", SYS_stat, "link", &st);
    STAT("stat dangling", SYS_stat, "dangling", &st);
    STAT("stat missing", SYS_stat, "missing", &st);
    STAT("stat file/x", SYS_stat, "file/x", &st);
    STAT("stat dir/inner/", SYS_stat, "dir/inner/", &st);
    STAT("stat \"\"", SYS_stat, "", &st);
    STAT("stat (char *)1", SYS_stat, BAD, &st);
    STAT("stat NULL", SYS_stat, NULL, &st);
    STAT("stat unmapped end", SYS_stat, g_unmapped, &st);
    STAT("stat 5000 bytes", SYS_stat, g_long, &st);
    STAT("stat PATH_MAX-1 bytes", SYS_stat, g_max, &st);
    STAT("stat PATH_MAX bytes", SYS_stat, g_over, &st);
    CALL("stat file, buffer (void *)1", SYS_stat, "file", (void*)1);
    CALL("stat missing, buffer (void *)1", SYS_stat, "missing", (void*)1);
    STAT("lstat link", SYS_lstat, "link", &st);
    STAT("lstat dangling", SYS_lstat, "dangling", &st);
    STAT("lstat file", SYS_lstat, "file", &st);
    STAT("lstat missing", SYS_lstat, "missing", &st);
    STAT("lstat \"\"", SYS_lstat, "", &st);
    STAT("lstat (char *)1", SYS_lstat, BAD, &st);
    STAT("lstat unmapped end", SYS_lstat, g_unmapped, &st);
    STAT("lstat 5000 bytes", SYS_lstat, g_long, &st);
    CALL("lstat link, buffer (void *)1", SYS_lstat, "link", (void*)1);
}

static void t_newfstatat(int dirfd, int filefd) {
    struct stat st;
    char abs[sizeof(g_cwd) + 16];

    snprintf(abs, sizeof(abs), "%s/file", g_cwd);
    printf("-- newfstatat\n");
    STAT("newfstatat AT_FDCWD file", SYS_newfstatat, AT_FDCWD, "file", &st, 0);
    STAT("newfstatat dirfd inner", SYS_newfstatat, dirfd, "inner", &st, 0);
    STAT("newfstatat link", SYS_newfstatat, AT_FDCWD, "link", &st, 0);
    STAT("newfstatat link NOFOLLOW", SYS_newfstatat, AT_FDCWD, "link", &st, AT_SYMLINK_NOFOLLOW);
    STAT("newfstatat file NO_AUTOMOUNT|FORCE_SYNC", SYS_newfstatat, AT_FDCWD, "file", &st,
         AT_NO_AUTOMOUNT | AT_STATX_FORCE_SYNC);
    STAT("newfstatat file both sync types", SYS_newfstatat, AT_FDCWD, "file", &st,
         AT_STATX_SYNC_TYPE);
    STAT("newfstatat filefd \"\" EMPTY_PATH", SYS_newfstatat, filefd, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat filefd NULL EMPTY_PATH", SYS_newfstatat, filefd, NULL, &st, AT_EMPTY_PATH);
    STAT("newfstatat dirfd \"\" EMPTY_PATH", SYS_newfstatat, dirfd, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat AT_FDCWD NULL EMPTY_PATH", SYS_newfstatat, AT_FDCWD, NULL, &st,
         AT_EMPTY_PATH);
    STAT("newfstatat filefd \"\" no EMPTY_PATH", SYS_newfstatat, filefd, "", &st, 0);
    STAT("newfstatat AT_FDCWD \"\"", SYS_newfstatat, AT_FDCWD, "", &st, 0);
    STAT("newfstatat filefd \"\" EMPTY_PATH|0x80000000", SYS_newfstatat, filefd, "", &st,
         AT_EMPTY_PATH | 0x80000000);
    STAT("newfstatat AT_FDCWD NULL EMPTY_PATH|0x80000000", SYS_newfstatat, AT_FDCWD, NULL, &st,
         AT_EMPTY_PATH | 0x80000000);
    STAT("newfstatat file 0x80000000", SYS_newfstatat, AT_FDCWD, "file", &st, 0x80000000);
    STAT("newfstatat (char *)1 0x80000000", SYS_newfstatat, AT_FDCWD, BAD, &st, 0x80000000);
    STAT("newfstatat (char *)1 AT_REMOVEDIR", SYS_newfstatat, AT_FDCWD, BAD, &st, AT_REMOVEDIR);
    STAT("newfstatat missing", SYS_newfstatat, AT_FDCWD, "missing", &st, 0);
    STAT("newfstatat file/x", SYS_newfstatat, AT_FDCWD, "file/x", &st, 0);
    STAT("newfstatat bad dirfd inner", SYS_newfstatat, BADFD, "inner", &st, 0);
    STAT("newfstatat bad dirfd \"\" EMPTY_PATH", SYS_newfstatat, BADFD, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat -5 \"\" EMPTY_PATH", SYS_newfstatat, -5, "", &st, AT_EMPTY_PATH);
    STAT("newfstatat bad dirfd absolute", SYS_newfstatat, BADFD, abs, &st, 0);
    STAT("newfstatat filefd as dirfd", SYS_newfstatat, filefd, "inner", &st, 0);
    STAT("newfstatat (char *)1", SYS_newfstatat, AT_FDCWD, BAD, &st, 0);
    STAT("newfstatat (char *)1 EMPTY_PATH", SYS_newfstatat, filefd, BAD, &st, AT_EMPTY_PATH);
    STAT("newfstatat unmapped end", SYS_newfstatat, AT_FDCWD, g_unmapped, &st, 0);
    STAT("newfstatat 5000 bytes", SYS_newfstatat, AT_FDCWD, g_long, &st, 0);
    STAT("newfstatat 5000 bytes EMPTY_PATH", SYS_newfstatat, filefd, g_long, &st, AT_EMPTY_PATH);
    STAT("newfstatat PATH_MAX bytes", SYS_newfstatat, AT_FDCWD, g_over, &st, 0);
    CALL("newfstatat file, buffer (void *)1", SYS_newfstatat, AT_FDCWD, "file", (void*)1, 0);
}

static void t_statx(int dirfd, int filefd) {
    struct statx sx;

    printf("-- statx\n");
    STATX("statx file", SYS_statx, AT_FDCWD, "file", 0, STATX_BASIC_STATS, &sx);
    STATX("statx dirfd inner", SYS_statx, dirfd, "inner", 0, STATX_BASIC_STATS, &sx);
    STATX("statx link", SYS_statx, AT_FDCWD, "link", 0, STATX_BASIC_STATS, &sx);
    STATX("statx link NOFOLLOW", SYS_statx, AT_FDCWD, "link", AT_SYMLINK_NOFOLLOW,
          STATX_BASIC_STATS, &sx);
    STATX("statx file DONT_SYNC|NO_AUTOMOUNT", SYS_statx, AT_FDCWD, "file",
          AT_STATX_DONT_SYNC | AT_NO_AUTOMOUNT, STATX_BASIC_STATS, &sx);
    STATX("statx file mask 0x40000000", SYS_statx, AT_FDCWD, "file", 0, 0x40000000, &sx);
    STATX("statx filefd \"\" EMPTY_PATH", SYS_statx, filefd, "", AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx filefd NULL EMPTY_PATH", SYS_statx, filefd, NULL, AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx AT_FDCWD NULL EMPTY_PATH", SYS_statx, AT_FDCWD, NULL, AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" EMPTY_PATH|0x80000000", SYS_statx, filefd, "",
          AT_EMPTY_PATH | 0x80000000, STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" EMPTY_PATH both sync types", SYS_statx, filefd, "",
          AT_EMPTY_PATH | AT_STATX_SYNC_TYPE, STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" EMPTY_PATH mask reserved", SYS_statx, filefd, "", AT_EMPTY_PATH,
          STATX__RESERVED, &sx);
    STATX("statx AT_FDCWD NULL EMPTY_PATH|0x80000000", SYS_statx, AT_FDCWD, NULL,
          AT_EMPTY_PATH | 0x80000000, STATX_BASIC_STATS, &sx);
    STATX("statx bad dirfd NULL EMPTY_PATH|0x80000000", SYS_statx, BADFD, NULL,
          AT_EMPTY_PATH | 0x80000000, STATX_BASIC_STATS, &sx);
    STATX("statx bad dirfd NULL EMPTY_PATH mask reserved", SYS_statx, BADFD, NULL,
          AT_EMPTY_PATH, STATX__RESERVED, &sx);
    STATX("statx file 0x80000000", SYS_statx, AT_FDCWD, "file", 0x80000000, STATX_BASIC_STATS,
          &sx);
    STATX("statx file both sync types", SYS_statx, AT_FDCWD, "file", AT_STATX_SYNC_TYPE,
          STATX_BASIC_STATS, &sx);
    STATX("statx file mask reserved", SYS_statx, AT_FDCWD, "file", 0, STATX__RESERVED, &sx);
    STATX("statx (char *)1 0x80000000", SYS_statx, AT_FDCWD, BAD, 0x80000000,
          STATX_BASIC_STATS, &sx);
    STATX("statx (char *)1 mask reserved", SYS_statx, AT_FDCWD, BAD, 0, STATX__RESERVED, &sx);
    STATX("statx (char *)1 both sync types", SYS_statx, AT_FDCWD, BAD, AT_STATX_SYNC_TYPE,
          STATX_BASIC_STATS, &sx);
    STATX("statx missing", SYS_statx, AT_FDCWD, "missing", 0, STATX_BASIC_STATS, &sx);
    STATX("statx file/x", SYS_statx, AT_FDCWD, "file/x", 0, STATX_BASIC_STATS, &sx);
    STATX("statx \"\"", SYS_statx, AT_FDCWD, "", 0, STATX_BASIC_STATS, &sx);
    STATX("statx filefd \"\" no EMPTY_PATH", SYS_statx, filefd, "", 0, STATX_BASIC_STATS, &sx);
    STATX("statx bad dirfd inner", SYS_statx, BADFD, "inner", 0, STATX_BASIC_STATS, &sx);
    STATX("statx filefd as dirfd", SYS_statx, filefd, "inner", 0, STATX_BASIC_STATS, &sx);
    STATX("statx (char *)1", SYS_statx, AT_FDCWD, BAD, 0, STATX_BASIC_STATS, &sx);
    STATX("statx (char *)1 EMPTY_PATH", SYS_statx, filefd, BAD, AT_EMPTY_PATH,
          STATX_BASIC_STATS, &sx);
    STATX("statx unmapped end", SYS_statx, AT_FDCWD, g_unmapped, 0, STATX_BASIC_STATS, &sx);
    STATX("statx 5000 bytes", SYS_statx, AT_FDCWD, g_long, 0, STATX_BASIC_STATS, &sx);
    STATX("statx PATH_MAX-1 bytes", SYS_statx, AT_FDCWD, g_max, 0, STATX_BASIC_STATS, &sx);
    STATX("statx PATH_MAX bytes", SYS_statx, AT_FDCWD, g_over, 0, STATX_BASIC_STATS, &sx);
    CALL("statx file, buffer (void *)1", SYS_statx, AT_FDCWD, "file", 0, STATX_BASIC_STATS,
         (void*)1);
}

int main(void) {
    int dirfd, filefd;

    shim_path_setup(&dirfd, &filefd);
    t_stat();
    t_newfstatat(dirfd, filefd);
    t_statx(dirfd, filefd);
    return 0;
}

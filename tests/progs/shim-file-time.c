/*
 * shim-file-time.c: utimensat, futimesat, utimes and utime (one of the
 * shim-file programs: shim-file.h).
 *
 * Times set explicitly are printed; a time set to now is printed as
 * "now" when it is later than the start of the run.
 */
#include "shim-file.h"

#include <utime.h>

static time_t g_start;

static void show_times(const char* what, const char* name) {
    struct stat st;

    if (S(SYS_lstat, name, &st) < 0) {
        printf("  %s: lstat -1 %s\n", what, errno_name(errno));
        return;
    }
    printf("  %s:", what);
    if (st.st_atim.tv_sec >= g_start)
        printf(" atime now");
    else
        printf(" atime %lld.%09ld", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec);
    if (st.st_mtim.tv_sec >= g_start)
        printf(" mtime now\n");
    else
        printf(" mtime %lld.%09ld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

/* both times back to a fixed past */
static void reset(const char* name) {
    struct timespec ts[2] = {{1000, 1}, {2000, 2}};

    CHECK(S(SYS_utimensat, AT_FDCWD, name, ts, AT_SYMLINK_NOFOLLOW) == 0);
}

static void sec_utimensat(void) {
    struct timespec ts[2], *edge;
    struct kinds k;

    section("utimensat");
    open_kinds(&k, "f", "x");
    CHECK(S(SYS_symlink, "f", "link") == 0);
    ts[0] = (struct timespec){100, 5}, ts[1] = (struct timespec){200, 999999999};
    CALL("utimensat(AT_FDCWD, \"f\", {100.5, 200.999999999}, 0)", SYS_utimensat, AT_FDCWD, "f",
         ts, 0);
    show_times("f", "f");
    ts[0].tv_nsec = UTIME_OMIT, ts[1] = (struct timespec){300, 0};
    CALL("utimensat(f, {OMIT, 300})", SYS_utimensat, AT_FDCWD, "f", ts, 0);
    show_times("f", "f");
    ts[0].tv_nsec = UTIME_NOW, ts[1].tv_nsec = UTIME_OMIT;
    CALL("utimensat(f, {NOW, OMIT})", SYS_utimensat, AT_FDCWD, "f", ts, 0);
    show_times("f", "f");
    reset("f");
    CALL("utimensat(f, NULL)", SYS_utimensat, AT_FDCWD, "f", NULL, 0);
    show_times("f", "f");
    reset("f");
    ts[0].tv_nsec = UTIME_NOW, ts[1].tv_nsec = UTIME_NOW;
    CALL("utimensat(f, {NOW, NOW})", SYS_utimensat, AT_FDCWD, "f", ts, 0);
    show_times("f", "f");
    /* both omitted: nothing is checked, not even the name or the flags */
    ts[0].tv_nsec = UTIME_OMIT, ts[1].tv_nsec = UTIME_OMIT;
    CALL("utimensat(-1, (char*)1, {OMIT, OMIT}, 0xffff)", SYS_utimensat, -1, BAD, ts, 0xffff);
    CALL("utimensat(closed, NULL, {OMIT, OMIT}, 0)", SYS_utimensat, CLOSED_FD, NULL, ts, 0);
    /* bad nanoseconds: after the name's lookup */
    ts[0] = (struct timespec){1, -1}, ts[1] = (struct timespec){1, 0};
    CALL("utimensat(f, {1.-1, 1})", SYS_utimensat, AT_FDCWD, "f", ts, 0);
    CALL("utimensat(\"nowhere\", {1.-1, 1})", SYS_utimensat, AT_FDCWD, "nowhere", ts, 0);
    CALL("utimensat((char*)1, {1.-1, 1})", SYS_utimensat, AT_FDCWD, BAD, ts, 0);
    CALL("utimensat(rw, NULL, {1.-1, 1})", SYS_utimensat, k.rw, NULL, ts, 0);
    CALL("utimensat(closed, NULL, {1.-1, 1})", SYS_utimensat, CLOSED_FD, NULL, ts, 0);
    ts[0].tv_nsec = 1000000000;
    CALL("utimensat(f, {1.1000000000, 1})", SYS_utimensat, AT_FDCWD, "f", ts, 0);
    ts[0].tv_nsec = 0, ts[1].tv_nsec = UTIME_NOW + 1;
    CALL("utimensat(f, {1, 1.UTIME_NOW+1})", SYS_utimensat, AT_FDCWD, "f", ts, 0);
    show_times("f", "f");
    /* the times' pointer */
    CALL("utimensat(f, (void*)1)", SYS_utimensat, AT_FDCWD, "f", BAD, 0);
    CALL("utimensat(-1, (char*)1, (void*)1, 0xffff)", SYS_utimensat, -1, BAD, BAD, 0xffff);
    edge = (struct timespec*)(g_edge - sizeof(struct timespec));
    edge[0] = (struct timespec){5, 0};
    CALL("utimensat(f, second time in an unmapped page)", SYS_utimensat, AT_FDCWD, "f", edge, 0);
    CALL("utimensat(f, read-only page)", SYS_utimensat, AT_FDCWD, "f", g_ro, 0);
    show_times("f", "f");
    /* the flags, the name */
    ts[0] = (struct timespec){7, 0}, ts[1] = (struct timespec){8, 0};
    CALL("utimensat(link, AT_SYMLINK_NOFOLLOW)", SYS_utimensat, AT_FDCWD, "link", ts,
         AT_SYMLINK_NOFOLLOW);
    show_times("link", "link");
    show_times("f", "f");
    CALL("utimensat(link, 0)", SYS_utimensat, AT_FDCWD, "link", ts, 0);
    show_times("f", "f");
    CALL("utimensat(f, AT_REMOVEDIR)", SYS_utimensat, AT_FDCWD, "f", ts, AT_REMOVEDIR);
    CALL("utimensat((char*)1, AT_REMOVEDIR)", SYS_utimensat, AT_FDCWD, BAD, ts, AT_REMOVEDIR);
    CALL("utimensat(closed, \"f\", 0x8000)", SYS_utimensat, CLOSED_FD, "f", ts, 0x8000);
    CALL("utimensat(AT_FDCWD, \"\", 0)", SYS_utimensat, AT_FDCWD, "", ts, 0);
    CALL("utimensat(rw, \"\", AT_EMPTY_PATH)", SYS_utimensat, k.rw, "", ts, AT_EMPTY_PATH);
    CALL("utimensat(opath, \"\", AT_EMPTY_PATH)", SYS_utimensat, k.opath, "", ts, AT_EMPTY_PATH);
    CALL("utimensat(AT_FDCWD, NULL, 0)", SYS_utimensat, AT_FDCWD, NULL, ts, 0);
    CALL("utimensat(AT_FDCWD, NULL, AT_EMPTY_PATH)", SYS_utimensat, AT_FDCWD, NULL, ts,
         AT_EMPTY_PATH);
    CALL("utimensat(dir, \"f\")", SYS_utimensat, k.dir, "f", ts, 0);
    CALL("utimensat(rw, \"f\") (not a directory)", SYS_utimensat, k.rw, "f", ts, 0);
    CALL("utimensat(closed, \"f\")", SYS_utimensat, CLOSED_FD, "f", ts, 0);
    CALL("utimensat(closed, \"/abs\")", SYS_utimensat, CLOSED_FD, "/nonexistent-abs", ts, 0);
    CALL("utimensat(f, PATH_MAX bytes)", SYS_utimensat, AT_FDCWD, dots_path(PATH_MAX, "ff"), ts,
         0);
    CALL("utimensat(f, long component)", SYS_utimensat, AT_FDCWD, long_name(300), ts, 0);
    memcpy(g_edge - 1, "f", 1);
    CALL("utimensat(name running into an unmapped page)", SYS_utimensat, AT_FDCWD, g_edge - 1,
         ts, 0);
    /* a NULL name is the descriptor itself (futimens): flags must be 0 */
    ts[0] = (struct timespec){11, 0}, ts[1] = (struct timespec){12, 0};
    CALL("utimensat(rw, NULL)", SYS_utimensat, k.rw, NULL, ts, 0);
    CALL("utimensat(ro, NULL)", SYS_utimensat, k.ro, NULL, ts, 0);
    CALL("utimensat(acc3, NULL)", SYS_utimensat, k.acc3, NULL, ts, 0);
    show_times("f", "f");
    CALL("utimensat(rw, NULL, AT_SYMLINK_NOFOLLOW)", SYS_utimensat, k.rw, NULL, ts,
         AT_SYMLINK_NOFOLLOW);
    CALL("utimensat(closed, NULL, AT_SYMLINK_NOFOLLOW)", SYS_utimensat, CLOSED_FD, NULL, ts,
         AT_SYMLINK_NOFOLLOW);
    CALL("utimensat(opath, NULL)", SYS_utimensat, k.opath, NULL, ts, 0);
    CALL("utimensat(closed, NULL)", SYS_utimensat, CLOSED_FD, NULL, ts, 0);
    CALL("utimensat(-1, NULL)", SYS_utimensat, -1, NULL, ts, 0);
    CALL("utimensat(HUGE_FD, NULL)", SYS_utimensat, HUGE_FD, NULL, ts, 0);
    CALL("utimensat(pipe, NULL)", SYS_utimensat, k.pw, NULL, ts, 0);
    CALL("utimensat(socket, NULL)", SYS_utimensat, k.sock, NULL, ts, 0);
    CALL("utimensat(epoll, NULL, NULL)", SYS_utimensat, k.ep, NULL, NULL, 0);
    CALL("utimensat(dir, NULL)", SYS_utimensat, k.dir, NULL, ts, 0);
    {
        char proc[64];

        snprintf(proc, sizeof(proc), "/proc/self/fd/%d", k.rw);
        CALL("utimensat(\"/proc/self/fd/<rw>\")", SYS_utimensat, AT_FDCWD, proc, ts, 0);
    }
    close_kinds(&k);
}

static void sec_futimesat(void) {
    struct timeval tv[2];
    struct utimbuf ub;
    struct kinds k;

    section("futimesat, utimes, utime");
    open_kinds(&k, "g", "y");
    tv[0] = (struct timeval){100, 5}, tv[1] = (struct timeval){200, 999999};
    CALL("futimesat(AT_FDCWD, \"g\", {100.5, 200.999999})", SYS_futimesat, AT_FDCWD, "g", tv);
    show_times("g", "g");
    CALL("futimesat(dir, \"g\")", SYS_futimesat, k.dir, "g", tv);
    CALL("futimesat(rw, NULL) (the descriptor)", SYS_futimesat, k.rw, NULL, tv);
    CALL("futimesat(opath, NULL)", SYS_futimesat, k.opath, NULL, tv);
    CALL("futimesat(closed, NULL)", SYS_futimesat, CLOSED_FD, NULL, tv);
    CALL("futimesat(AT_FDCWD, NULL)", SYS_futimesat, AT_FDCWD, NULL, tv);
    CALL("futimesat(closed, \"g\")", SYS_futimesat, CLOSED_FD, "g", tv);
    CALL("futimesat(rw, \"g\")", SYS_futimesat, k.rw, "g", tv);
    reset("g");
    CALL("futimesat(AT_FDCWD, \"g\", NULL)", SYS_futimesat, AT_FDCWD, "g", NULL);
    show_times("g", "g");
    /* microseconds out of range, UTIME_NOW and UTIME_OMIT among them, are
     * refused before the name */
    tv[0] = (struct timeval){1, 1000000};
    CALL("futimesat(g, {1.1000000, ...})", SYS_futimesat, AT_FDCWD, "g", tv);
    CALL("futimesat(closed, (char*)1, {1.1000000, ...})", SYS_futimesat, CLOSED_FD, BAD, tv);
    tv[0].tv_usec = -1;
    CALL("futimesat(g, {1.-1, ...})", SYS_futimesat, AT_FDCWD, "g", tv);
    tv[0].tv_usec = 0, tv[1].tv_usec = UTIME_NOW;
    CALL("futimesat(g, {1, 200.UTIME_NOW})", SYS_futimesat, AT_FDCWD, "g", tv);
    tv[1].tv_usec = UTIME_OMIT;
    CALL("futimesat(\"nowhere\", {1, 200.UTIME_OMIT})", SYS_futimesat, AT_FDCWD, "nowhere", tv);
    CALL("futimesat(g, (void*)1)", SYS_futimesat, AT_FDCWD, "g", BAD);
    CALL("futimesat(closed, (char*)1, (void*)1)", SYS_futimesat, CLOSED_FD, BAD, BAD);
    CALL("futimesat(g, end of a page)", SYS_futimesat, AT_FDCWD, "g", g_edge - 16);
    CALL("futimesat((char*)1)", SYS_futimesat, AT_FDCWD, BAD, NULL);
    CALL("futimesat(\"\")", SYS_futimesat, AT_FDCWD, "", NULL);
    show_times("g", "g");

    tv[0] = (struct timeval){300, 1}, tv[1] = (struct timeval){400, 2};
    CALL("utimes(\"g\", {300.1, 400.2})", SYS_utimes, "g", tv);
    show_times("g", "g");
    reset("g");
    CALL("utimes(\"g\", NULL)", SYS_utimes, "g", NULL);
    show_times("g", "g");
    tv[1].tv_usec = 1000000;
    CALL("utimes(\"g\", {.., 400.1000000})", SYS_utimes, "g", tv);
    CALL("utimes((char*)1, {.., 400.1000000})", SYS_utimes, BAD, tv);
    CALL("utimes(\"g\", (void*)1)", SYS_utimes, "g", BAD);
    CALL("utimes(NULL, NULL)", SYS_utimes, NULL, NULL);
    CALL("utimes(\"nowhere\", NULL)", SYS_utimes, "nowhere", NULL);
    CALL("utimes(PATH_MAX bytes, NULL)", SYS_utimes, dots_path(PATH_MAX, "gg"), NULL);

    ub.actime = 500, ub.modtime = 600;
    CALL("utime(\"g\", {500, 600})", SYS_utime, "g", &ub);
    show_times("g", "g");
    reset("g");
    CALL("utime(\"g\", NULL)", SYS_utime, "g", NULL);
    show_times("g", "g");
    CALL("utime(\"g\", (void*)1)", SYS_utime, "g", BAD);
    CALL("utime((char*)1, (void*)1)", SYS_utime, BAD, BAD);
    CALL("utime(\"g\", 8 bytes before an unmapped page)", SYS_utime, "g", g_edge - 8);
    CALL("utime((char*)1, NULL)", SYS_utime, BAD, NULL);
    CALL("utime(\"\", NULL)", SYS_utime, "", NULL);
    CALL("utime(\"nowhere/x\", &ub)", SYS_utime, "nowhere/x", &ub);
    CALL("utime(\"g/x\", &ub)", SYS_utime, "g/x", &ub);
    close_kinds(&k);
}

/* as a user without privileges: root's file may be read, not written */
static void sec_user(void) {
    struct timespec ts[2] = {{10, 0}, {20, 0}}, now[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
    struct timeval tv[2] = {{10, 0}, {20, 0}};
    struct utimbuf ub = {10, 20};
    int ro;

    section("user");
    CALL("utimensat(rootfile, {10, 20})", SYS_utimensat, AT_FDCWD, "rootfile", ts, 0);
    CALL("utimensat(rootfile, NULL)", SYS_utimensat, AT_FDCWD, "rootfile", NULL, 0);
    CALL("utimensat(rootfile, {NOW, NOW})", SYS_utimensat, AT_FDCWD, "rootfile", now, 0);
    CALL("utimes(rootfile, {10, 20})", SYS_utimes, "rootfile", tv);
    CALL("utimes(rootfile, NULL)", SYS_utimes, "rootfile", NULL);
    CALL("utime(rootfile, {10, 20})", SYS_utime, "rootfile", &ub);
    CALL("utime(rootfile, NULL)", SYS_utime, "rootfile", NULL);
    CALL("futimesat(AT_FDCWD, rootfile, NULL)", SYS_futimesat, AT_FDCWD, "rootfile", NULL);
    ro = (int)S(SYS_open, "rootfile", O_RDONLY);
    CHECK(ro >= 0);
    CALL("utimensat(rootfile O_RDONLY, NULL, NULL)", SYS_utimensat, ro, NULL, NULL, 0);
    CALL("utimensat(rootfile O_RDONLY, NULL, {10, 20})", SYS_utimensat, ro, NULL, ts, 0);
    CHECK(S(SYS_close, ro) == 0);
    CALL("utimensat(\"rootdir/x\", NULL)", SYS_utimensat, AT_FDCWD, "rootdir/x", NULL, 0);
    make_file("w/mine", "m");
    CALL("utimensat(w/mine, {10, 20})", SYS_utimensat, AT_FDCWD, "w/mine", ts, 0);
    show_times("w/mine", "w/mine");
}

/* Memory the thread may read though it is not mapped readable: on x86 a
 * page mapped write-only or execute-only is readable all the same (where
 * no protection key guards it); a PROT_NONE page is not. */
static void sec_prot(void) {
    static const int prots[] = {PROT_WRITE, PROT_EXEC, PROT_WRITE | PROT_EXEC, PROT_NONE};
    static const char* const names[] = {"PROT_WRITE", "PROT_EXEC", "PROT_WRITE|PROT_EXEC",
                                        "PROT_NONE"};
    char what[128];

    section("times and names in pages without PROT_READ");
    make_file("p", "p");
    for (size_t i = 0; i < sizeof(prots) / sizeof(prots[0]); i++) {
        char* page = mmap(NULL, (size_t)g_page, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        struct timespec* ts = (struct timespec*)page;

        CHECK(page != MAP_FAILED);
        ts[0] = (struct timespec){(time_t)(1000 + i), 0};
        ts[1] = (struct timespec){(time_t)(2000 + i), 0};
        strcpy(page + 64, "p");
        CHECK(mprotect(page, (size_t)g_page, prots[i]) == 0);
        snprintf(what, sizeof(what), "utimensat(\"p\", times in a %s page)", names[i]);
        CALL(what, SYS_utimensat, AT_FDCWD, "p", ts, 0);
        show_times("p", "p");
        snprintf(what, sizeof(what), "utimensat(name in a %s page, NULL)", names[i]);
        CALL(what, SYS_utimensat, AT_FDCWD, page + 64, NULL, AT_SYMLINK_NOFOLLOW);
        snprintf(what, sizeof(what), "utime(name in a %s page, times there)", names[i]);
        CALL(what, SYS_utime, page + 64, page);
        CHECK(munmap(page, (size_t)g_page) == 0);
    }
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    g_start = time(NULL) - 1;
    if (user_mode(argc, argv)) {
        sec_user();
        return 0;
    }
    sec_utimensat();
    sec_futimesat();
    sec_prot();
    return 0;
}

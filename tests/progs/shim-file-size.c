/*
 * shim-file-size.c: ftruncate, truncate and fallocate (one of the
 * shim-file programs: shim-file.h).
 */
#include <linux/falloc.h>

#include "shim-file.h"

#ifndef FALLOC_FL_UNSHARE_RANGE
#define FALLOC_FL_UNSHARE_RANGE 0x40
#endif
#define FALLOC_FL_WRITE_ZEROES 0x80

static void sec_ftruncate(void) {
    struct kinds k;

    section("ftruncate");
    open_kinds(&k, "data", "0123456789");
    CALL("ftruncate(rw, 4)", SYS_ftruncate, k.rw, 4L);
    show_file("  data", "data");
    CALL("ftruncate(rw, 0)", SYS_ftruncate, k.rw, 0L);
    show_size("  data", "data");
    CALL("ftruncate(wo, 1 << 20)", SYS_ftruncate, k.wo, 1L << 20);
    show_size("  data", "data");
    CALL("ftruncate(rw, 3)", SYS_ftruncate, k.rw, 3L);
    /* a length past what the file system allows */
    CALL("ftruncate(rw, 1 << 62)", SYS_ftruncate, k.rw, 1L << 62);
    CALL("ftruncate(rw, LONG_MAX)", SYS_ftruncate, k.rw, LONG_MAX);
    show_size("  data", "data");
    /* the descriptor, of each kind */
    CALL("ftruncate(ro, 1)", SYS_ftruncate, k.ro, 1L);
    CALL("ftruncate(acc3, 1)", SYS_ftruncate, k.acc3, 1L);
    CALL("ftruncate(opath, 1)", SYS_ftruncate, k.opath, 1L);
    CALL("ftruncate(dir, 1)", SYS_ftruncate, k.dir, 1L);
    CALL("ftruncate(pipe read end, 1)", SYS_ftruncate, k.pr, 1L);
    CALL("ftruncate(pipe write end, 1)", SYS_ftruncate, k.pw, 1L);
    CALL("ftruncate(socket, 1)", SYS_ftruncate, k.sock, 1L);
    CALL("ftruncate(epoll, 1)", SYS_ftruncate, k.ep, 1L);
    CALL("ftruncate(closed, 1)", SYS_ftruncate, CLOSED_FD, 1L);
    CALL("ftruncate(-1, 1)", SYS_ftruncate, -1, 1L);
    CALL("ftruncate(HUGE_FD, 1)", SYS_ftruncate, HUGE_FD, 1L);
    CALL("ftruncate(rw | 1 << 32, 2)", SYS_ftruncate, k.rw | (1L << 32), 2L);
    show_size("  data", "data");
    /* the length before the descriptor */
    CALL("ftruncate(rw, -1)", SYS_ftruncate, k.rw, -1L);
    CALL("ftruncate(closed, -1)", SYS_ftruncate, CLOSED_FD, -1L);
    CALL("ftruncate(opath, -1)", SYS_ftruncate, k.opath, -1L);
    CALL("ftruncate(ro, -1)", SYS_ftruncate, k.ro, -1L);
    CALL("ftruncate(pipe write end, LONG_MIN)", SYS_ftruncate, k.pw, LONG_MIN);
    /* O_APPEND may be truncated; an unlinked file too */
    {
        int ap = (int)S(SYS_open, "data", O_WRONLY | O_APPEND);

        CALL("ftruncate(O_APPEND, 5)", SYS_ftruncate, ap, 5L);
        CHECK(S(SYS_close, ap) == 0);
    }
    show_size("  data", "data");
    {
        int t = (int)S(SYS_open, "gone", O_RDWR | O_CREAT, 0644);

        CHECK(t >= 0 && S(SYS_unlink, "gone") == 0);
        CALL("ftruncate(unlinked, 7)", SYS_ftruncate, t, 7L);
        print_stat("  unlinked", t);
        CHECK(S(SYS_close, t) == 0);
    }
    /* a memfd: the descriptor the call is most used on (shared memory) */
    {
        int m = (int)S(SYS_memfd_create, "shm", 0);

        CHECK(m >= 0);
        CALL("ftruncate(memfd, 8192)", SYS_ftruncate, m, 8192L);
        print_stat("  memfd", m);
        CHECK(S(SYS_close, m) == 0);
    }
    /* a descriptor the table learns from the host (inherited by a
     * child's exec is elsewhere; here, made by a call the shim passes) */
    {
        int d = (int)S(SYS_fcntl, k.ro, F_DUPFD, 50);

        CALL("ftruncate(dup of ro, 1)", SYS_ftruncate, d, 1L);
        CHECK(S(SYS_close, d) == 0);
    }
    close_kinds(&k);
}

static void sec_truncate(void) {
    section("truncate");
    make_file("t", "abcdefgh");
    CALL("truncate(\"t\", 3)", SYS_truncate, "t", 3L);
    show_file("  t", "t");
    CALL("truncate(\"t\", 100000)", SYS_truncate, "t", 100000L);
    show_size("  t", "t");
    CALL("truncate(\"t\", -1)", SYS_truncate, "t", -1L);
    CALL("truncate(\"t\", 1 << 62)", SYS_truncate, "t", 1L << 62);
    CALL("truncate(\"nowhere\", 1)", SYS_truncate, "nowhere", 1L);
    CALL("truncate(\"nowhere\", -1)", SYS_truncate, "nowhere", -1L);
    CALL("truncate(\".\", 1)", SYS_truncate, ".", 1L);
    CALL("truncate(\"t/x\", 1)", SYS_truncate, "t/x", 1L);
    CALL("truncate(\"\", 1)", SYS_truncate, "", 1L);
    CALL("truncate(NULL, 1)", SYS_truncate, NULL, 1L);
    CALL("truncate((char*)1, 1)", SYS_truncate, BAD, 1L);
    CALL("truncate((char*)1, -1)", SYS_truncate, BAD, -1L);
    CALL("truncate(kernel address, 1)", SYS_truncate, KADDR, 1L);
    memcpy(g_edge - 3, "abc", 3);
    CALL("truncate(name running into an unmapped page, 1)", SYS_truncate, g_edge - 3, 1L);
    CALL("truncate(PATH_MAX - 1 bytes, 1)", SYS_truncate, dots_path(PATH_MAX - 1, "t"), 1L);
    CALL("truncate(PATH_MAX bytes, 1)", SYS_truncate, dots_path(PATH_MAX, "tt"), 1L);
    CALL("truncate(long component, 1)", SYS_truncate, long_name(300), 1L);
    CHECK(S(SYS_symlink, "t", "tlink") == 0);
    CALL("truncate(\"tlink\", 2)", SYS_truncate, "tlink", 2L);
    show_file("  t", "t");
    CHECK(S(SYS_mknodat, AT_FDCWD, "fifo", S_IFIFO | 0644, 0) == 0);
    CALL("truncate(\"fifo\", 1)", SYS_truncate, "fifo", 1L);
    CALL("truncate(\"/dev/null\", 1)", SYS_truncate, "/dev/null", 1L);
    CALL("truncate(\"/proc/self/status\", 1)", SYS_truncate, "/proc/self/status", 1L);
}

static void sec_fallocate(void) {
    static const struct {
        const char* name;
        unsigned mode;
    } modes[] = {
        {"0", 0},
        {"KEEP_SIZE", FALLOC_FL_KEEP_SIZE},
        {"PUNCH_HOLE", FALLOC_FL_PUNCH_HOLE},
        {"PUNCH_HOLE|KEEP_SIZE", FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE},
        {"COLLAPSE_RANGE", FALLOC_FL_COLLAPSE_RANGE},
        {"COLLAPSE_RANGE|KEEP_SIZE", FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_KEEP_SIZE},
        {"ZERO_RANGE", FALLOC_FL_ZERO_RANGE},
        {"ZERO_RANGE|KEEP_SIZE", FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE},
        {"INSERT_RANGE", FALLOC_FL_INSERT_RANGE},
        {"INSERT_RANGE|KEEP_SIZE", FALLOC_FL_INSERT_RANGE | FALLOC_FL_KEEP_SIZE},
        {"UNSHARE_RANGE", FALLOC_FL_UNSHARE_RANGE},
        {"WRITE_ZEROES", FALLOC_FL_WRITE_ZEROES},
        {"WRITE_ZEROES|KEEP_SIZE", FALLOC_FL_WRITE_ZEROES | FALLOC_FL_KEEP_SIZE},
        {"PUNCH_HOLE|ZERO_RANGE", FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE},
        {"0x100", 0x100},
        {"0x80000000", 0x80000000U},
    };
    struct kinds k;
    char what[160];

    section("fallocate");
    open_kinds(&k, "falloc", "");
    CALL("fallocate(rw, 0, 0, 4096)", SYS_fallocate, k.rw, 0, 0L, 4096L);
    show_size("  falloc", "falloc");
    CALL("fallocate(wo, KEEP_SIZE, 4096, 4096)", SYS_fallocate, k.wo, FALLOC_FL_KEEP_SIZE,
         4096L, 4096L);
    show_size("  falloc", "falloc");
    for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        snprintf(what, sizeof(what), "fallocate(rw, %s, 0, 4096)", modes[i].name);
        CALL(what, SYS_fallocate, k.rw, modes[i].mode, 0L, 4096L);
        snprintf(what, sizeof(what), "fallocate(ro, %s, 0, 4096)", modes[i].name);
        CALL(what, SYS_fallocate, k.ro, modes[i].mode, 0L, 4096L);
        snprintf(what, sizeof(what), "fallocate(ro, %s, -1, 4096)", modes[i].name);
        CALL(what, SYS_fallocate, k.ro, modes[i].mode, -1L, 4096L);
        snprintf(what, sizeof(what), "fallocate(pipe, %s, 0, 4096)", modes[i].name);
        CALL(what, SYS_fallocate, k.pw, modes[i].mode, 0L, 4096L);
    }
    show_size("  falloc", "falloc");
    /* the range */
    CALL("fallocate(rw, 0, -1, 1)", SYS_fallocate, k.rw, 0, -1L, 1L);
    CALL("fallocate(rw, 0, 0, 0)", SYS_fallocate, k.rw, 0, 0L, 0L);
    CALL("fallocate(rw, 0, 0, -1)", SYS_fallocate, k.rw, 0, 0L, -1L);
    CALL("fallocate(rw, 0, LONG_MAX, 1)", SYS_fallocate, k.rw, 0, LONG_MAX, 1L);
    CALL("fallocate(rw, 0, LONG_MAX - 1, 2)", SYS_fallocate, k.rw, 0, LONG_MAX - 1, 2L);
    CALL("fallocate(rw, 0, 1 << 62, 1)", SYS_fallocate, k.rw, 0, 1L << 62, 1L);
    /* the descriptor of each kind, and before the range */
    CALL("fallocate(acc3, 0, 0, 1)", SYS_fallocate, k.acc3, 0, 0L, 1L);
    CALL("fallocate(opath, 0, 0, 1)", SYS_fallocate, k.opath, 0, 0L, 1L);
    CALL("fallocate(opath, 0, -1, 0)", SYS_fallocate, k.opath, 0, -1L, 0L);
    CALL("fallocate(dir, 0, 0, 1)", SYS_fallocate, k.dir, 0, 0L, 1L);
    CALL("fallocate(pipe read end, 0, 0, 1)", SYS_fallocate, k.pr, 0, 0L, 1L);
    CALL("fallocate(socket, 0, 0, 1)", SYS_fallocate, k.sock, 0, 0L, 1L);
    CALL("fallocate(epoll, 0, 0, 1)", SYS_fallocate, k.ep, 0, 0L, 1L);
    CALL("fallocate(closed, 0, 0, 1)", SYS_fallocate, CLOSED_FD, 0, 0L, 1L);
    CALL("fallocate(closed, 0x100, -1, 0)", SYS_fallocate, CLOSED_FD, 0x100, -1L, 0L);
    CALL("fallocate(-1, 0, 0, 1)", SYS_fallocate, -1, 0, 0L, 1L);
    CALL("fallocate(HUGE_FD, 0, 0, 1)", SYS_fallocate, HUGE_FD, 0, 0L, 1L);
    {
        int ap = (int)S(SYS_open, "falloc", O_WRONLY | O_APPEND);

        CALL("fallocate(O_APPEND, 0, 0, 8192)", SYS_fallocate, ap, 0, 0L, 8192L);
        CALL("fallocate(O_APPEND, PUNCH_HOLE|KEEP_SIZE, 0, 1)", SYS_fallocate, ap,
             FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0L, 1L);
        CHECK(S(SYS_close, ap) == 0);
    }
    show_size("  falloc", "falloc");
    close_kinds(&k);
}

/* as a user without privileges, in a directory with root's files */
static void sec_user(void) {
    int ro, fd;

    section("user");
    CALL("truncate(\"rootfile\", 1)", SYS_truncate, "rootfile", 1L);
    CALL("truncate(\"rootfile\", -1)", SYS_truncate, "rootfile", -1L);
    CALL("truncate(\"rootdir/x\", 1)", SYS_truncate, "rootdir/x", 1L);
    ro = (int)S(SYS_open, "rootfile", O_RDONLY);
    CHECK(ro >= 0);
    CALL("ftruncate(rootfile O_RDONLY, 1)", SYS_ftruncate, ro, 1L);
    CALL("fallocate(rootfile O_RDONLY, 0, 0, 1)", SYS_fallocate, ro, 0, 0L, 1L);
    show_size("  rootfile", "rootfile");
    fd = (int)S(SYS_open, "w/mine", O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0);
    CALL("ftruncate(mine, 10)", SYS_ftruncate, fd, 10L);
    CALL("fallocate(mine, 0, 0, 4096)", SYS_fallocate, fd, 0, 0L, 4096L);
    CALL("truncate(\"w/mine\", 5)", SYS_truncate, "w/mine", 5L);
    show_size("  w/mine", "w/mine");
    /* RLIMIT_FSIZE binds (SIGXFSZ ignored: EFBIG); the output, a file
     * too, is written after the limit is lifted again */
    {
        struct rlimit rl, old;
        long r[3];
        int e[3];

        signal(SIGXFSZ, SIG_IGN);
        CHECK(getrlimit(RLIMIT_FSIZE, &old) == 0);
        rl.rlim_cur = 100;
        rl.rlim_max = old.rlim_max;
        fflush(stdout);
        CHECK(setrlimit(RLIMIT_FSIZE, &rl) == 0);
        r[0] = S(SYS_ftruncate, fd, 101L);
        e[0] = errno;
        r[1] = S(SYS_truncate, "w/mine", 101L);
        e[1] = errno;
        r[2] = S(SYS_fallocate, fd, 0, 0L, 8192L);
        e[2] = errno;
        CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
        errno = e[0];
        print_rc("ftruncate(mine, 101) past RLIMIT_FSIZE", r[0]);
        errno = e[1];
        print_rc("truncate(\"w/mine\", 101) past RLIMIT_FSIZE", r[1]);
        errno = e[2];
        print_rc("fallocate(mine, 0, 0, 8192) past RLIMIT_FSIZE", r[2]);
    }
    CHECK(S(SYS_close, fd) == 0);
    CHECK(S(SYS_close, ro) == 0);
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    if (user_mode(argc, argv)) {
        sec_user();
        return 0;
    }
    sec_ftruncate();
    sec_truncate();
    sec_fallocate();
    return 0;
}

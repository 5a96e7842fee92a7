/*
 * shim-file-sync.c: fsync, fdatasync, sync, syncfs, sync_file_range,
 * readahead, cachestat and flock (one of the shim-file programs:
 * shim-file.h).
 */
#include "shim-file.h"

#include <sys/file.h>

#ifndef SYS_cachestat
#define SYS_cachestat 451
#endif

#ifndef SYNC_FILE_RANGE_WAIT_BEFORE
#define SYNC_FILE_RANGE_WAIT_BEFORE 1
#define SYNC_FILE_RANGE_WRITE 2
#define SYNC_FILE_RANGE_WAIT_AFTER 4
#endif

static void sec_sync(void) {
    struct kinds k;
    char what[128];
    const struct {
        const char* name;
        int fd;
    } * d, fds[] = {
        {"rw", 0}, {"ro", 0}, {"wo", 0}, {"acc3", 0}, {"opath", 0}, {"dir", 0},
        {"pipe read end", 0}, {"pipe write end", 0}, {"socket", 0}, {"epoll", 0},
        {"closed", CLOSED_FD}, {"-1", -1}, {"HUGE_FD", (int)HUGE_FD},
    };
    int nums[13];

    section("sync");
    open_kinds(&k, "data", "some data");
    nums[0] = k.rw, nums[1] = k.ro, nums[2] = k.wo, nums[3] = k.acc3, nums[4] = k.opath;
    nums[5] = k.dir, nums[6] = k.pr, nums[7] = k.pw, nums[8] = k.sock, nums[9] = k.ep;
    nums[10] = CLOSED_FD, nums[11] = -1, nums[12] = (int)HUGE_FD;
    CALL("sync()", SYS_sync);
    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
        d = &fds[i];
        snprintf(what, sizeof(what), "fsync(%s)", d->name);
        CALL(what, SYS_fsync, nums[i]);
        snprintf(what, sizeof(what), "fdatasync(%s)", d->name);
        CALL(what, SYS_fdatasync, nums[i]);
        snprintf(what, sizeof(what), "syncfs(%s)", d->name);
        CALL(what, SYS_syncfs, nums[i]);
        snprintf(what, sizeof(what), "sync_file_range(%s, 0, 0, WRITE)", d->name);
        CALL(what, SYS_sync_file_range, nums[i], 0L, 0L, SYNC_FILE_RANGE_WRITE);
        snprintf(what, sizeof(what), "sync_file_range(%s, -1, 0, 8)", d->name);
        CALL(what, SYS_sync_file_range, nums[i], -1L, 0L, 8);
        snprintf(what, sizeof(what), "readahead(%s, 0, 4096)", d->name);
        CALL(what, SYS_readahead, nums[i], 0L, 4096L);
        snprintf(what, sizeof(what), "readahead(%s, -1, -1)", d->name);
        CALL(what, SYS_readahead, nums[i], -1L, -1L);
    }
    /* sync_file_range's flags and range, on a file, in the kernel's order */
    CALL("sync_file_range(rw, 0, 4, all flags)", SYS_sync_file_range, k.rw, 0L, 4L,
         SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    CALL("sync_file_range(rw, 0, 0, 0)", SYS_sync_file_range, k.rw, 0L, 0L, 0);
    CALL("sync_file_range(rw, 0, 0, 8)", SYS_sync_file_range, k.rw, 0L, 0L, 8);
    CALL("sync_file_range(rw, 0, 0, 0x80000000)", SYS_sync_file_range, k.rw, 0L, 0L, 0x80000000U);
    CALL("sync_file_range(rw, -1, 0, 0)", SYS_sync_file_range, k.rw, -1L, 0L, 0);
    CALL("sync_file_range(rw, 0, -1, 0)", SYS_sync_file_range, k.rw, 0L, -1L, 0);
    CALL("sync_file_range(rw, LONG_MAX, 1, 0)", SYS_sync_file_range, k.rw, LONG_MAX, 1L, 0);
    CALL("sync_file_range(rw, LONG_MAX - 1, 1, 0)", SYS_sync_file_range, k.rw, LONG_MAX - 1, 1L, 0);
    CALL("sync_file_range(rw, 1, LONG_MAX, 0)", SYS_sync_file_range, k.rw, 1L, LONG_MAX, 0);
    CALL("sync_file_range(pipe, -1, 0, 0)", SYS_sync_file_range, k.pw, -1L, 0L, 0);
    CALL("sync_file_range(pipe, 0, 0, 8)", SYS_sync_file_range, k.pw, 0L, 0L, 8);
    CALL("sync_file_range(closed, -1, 0, 8)", SYS_sync_file_range, CLOSED_FD, -1L, 0L, 8);
    /* readahead past the end, and a huge count */
    CALL("readahead(rw, 1 << 40, 1)", SYS_readahead, k.rw, 1L << 40, 1L);
    CALL("readahead(rw, 0, -1)", SYS_readahead, k.rw, 0L, -1L);
    CALL("readahead(\"/dev/null\")", SYS_readahead, (long)open("/dev/null", O_RDONLY), 0L, 1L);
    /* a FIFO opened by name is a pipe too */
    {
        int f;

        CHECK(S(SYS_mknodat, AT_FDCWD, "fifo", S_IFIFO | 0600, 0) == 0);
        f = (int)S(SYS_open, "fifo", O_RDWR);
        CHECK(f >= 0);
        CALL("fsync(fifo)", SYS_fsync, f);
        CALL("sync_file_range(fifo, 0, 0, 0)", SYS_sync_file_range, f, 0L, 0L, 0);
        CALL("readahead(fifo, 0, 1)", SYS_readahead, f, 0L, 1L);
        CHECK(S(SYS_close, f) == 0);
    }
    close_kinds(&k);
}

static void sec_cachestat(void) {
    struct {
        uint64_t off, len;
    } range = {0, 0};
    struct {
        uint64_t cache, dirty, writeback, evicted, recently_evicted;
    } cs;
    struct kinds k;
    long r;

    section("cachestat");
    open_kinds(&k, "cached", "some data in the cache");
    memset(&cs, 0, sizeof(cs));
    r = CALL("cachestat(rw, {0, 0}, &cs, 0)", SYS_cachestat, k.rw, &range, &cs, 0);
    if (r == 0)
        printf("  cache>0 %d\n", cs.cache > 0);
    CALL("cachestat(ro, {0, 0}, &cs, 0)", SYS_cachestat, k.ro, &range, &cs, 0);
    CALL("cachestat(wo, {0, 0}, &cs, 0)", SYS_cachestat, k.wo, &range, &cs, 0);
    CALL("cachestat(acc3, {0, 0}, &cs, 0)", SYS_cachestat, k.acc3, &range, &cs, 0);
    CALL("cachestat(rw, {0, 0}, &cs, 1)", SYS_cachestat, k.rw, &range, &cs, 1);
    CALL("cachestat(rw, (void*)1, &cs, 1)", SYS_cachestat, k.rw, BAD, &cs, 1);
    CALL("cachestat(rw, {0, 0}, (void*)1, 0)", SYS_cachestat, k.rw, &range, BAD, 0);
    CALL("cachestat(rw, {0, 0}, read-only page, 0)", SYS_cachestat, k.rw, &range, g_ro, 0);
    CALL("cachestat(rw, range across an unmapped page, &cs, 0)", SYS_cachestat, k.rw, g_edge - 8,
         &cs, 0);
    CALL("cachestat(opath, (void*)1, &cs, 1)", SYS_cachestat, k.opath, BAD, &cs, 1);
    CALL("cachestat(closed, (void*)1, &cs, 1)", SYS_cachestat, CLOSED_FD, BAD, &cs, 1);
    CALL("cachestat(-1, {0, 0}, &cs, 0)", SYS_cachestat, -1, &range, &cs, 0);
    CALL("cachestat(dir, {0, 0}, &cs, 0)", SYS_cachestat, k.dir, &range, &cs, 0);
    CALL("cachestat(pipe, {0, 0}, &cs, 0)", SYS_cachestat, k.pw, &range, &cs, 0);
    CALL("cachestat(socket, {0, 0}, &cs, 0)", SYS_cachestat, k.sock, &range, &cs, 0);
    CALL("cachestat(epoll, {0, 0}, &cs, 0)", SYS_cachestat, k.ep, &range, &cs, 0);
    range.off = (uint64_t)-4096, range.len = 8192;
    CALL("cachestat(rw, {-4096, 8192}, &cs, 0)", SYS_cachestat, k.rw, &range, &cs, 0);
    close_kinds(&k);
}

static void sec_flock(void) {
    static const struct {
        const char* name;
        unsigned cmd;
    } cmds[] = {
        {"0", 0}, {"LOCK_SH", LOCK_SH}, {"LOCK_EX", LOCK_EX}, {"LOCK_UN", LOCK_UN},
        {"LOCK_SH|LOCK_EX", LOCK_SH | LOCK_EX}, {"LOCK_NB", LOCK_NB},
        {"LOCK_SH|LOCK_NB", LOCK_SH | LOCK_NB}, {"LOCK_UN|LOCK_NB", LOCK_UN | LOCK_NB},
        {"LOCK_MAND(32)", 32}, {"LOCK_MAND|LOCK_EX", 32 | LOCK_EX}, {"64", 64},
        {"0x80000001", 0x80000001U},
    };
    struct kinds k;
    char what[128];
    int other, p[2];
    pid_t pid;

    section("flock");
    open_kinds(&k, "lockfile", "x");
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        snprintf(what, sizeof(what), "flock(rw, %s)", cmds[i].name);
        CALL(what, SYS_flock, k.rw, cmds[i].cmd);
        snprintf(what, sizeof(what), "flock(acc3, %s)", cmds[i].name);
        CALL(what, SYS_flock, k.acc3, cmds[i].cmd);
        snprintf(what, sizeof(what), "flock(opath, %s)", cmds[i].name);
        CALL(what, SYS_flock, k.opath, cmds[i].cmd);
        snprintf(what, sizeof(what), "flock(closed, %s)", cmds[i].name);
        CALL(what, SYS_flock, CLOSED_FD, cmds[i].cmd);
    }
    CALL("flock(rw, LOCK_UN)", SYS_flock, k.rw, LOCK_UN);
    CALL("flock(ro, LOCK_SH)", SYS_flock, k.ro, LOCK_SH);
    CALL("flock(wo, LOCK_SH|LOCK_NB)", SYS_flock, k.wo, LOCK_SH | LOCK_NB);
    CALL("flock(rw, LOCK_EX|LOCK_NB) beside two shared", SYS_flock, k.rw, LOCK_EX | LOCK_NB);
    CALL("flock(dir, LOCK_EX|LOCK_NB)", SYS_flock, k.dir, LOCK_EX | LOCK_NB);
    CALL("flock(pipe, LOCK_EX|LOCK_NB)", SYS_flock, k.pr, LOCK_EX | LOCK_NB);
    CALL("flock(socket, LOCK_EX|LOCK_NB)", SYS_flock, k.sock, LOCK_EX | LOCK_NB);
    CALL("flock(epoll, LOCK_SH)", SYS_flock, k.ep, LOCK_SH);
    CALL("flock(-1, LOCK_SH)", SYS_flock, -1, LOCK_SH);
    CALL("flock(HUGE_FD, LOCK_SH)", SYS_flock, HUGE_FD, LOCK_SH);
    CALL("flock(ro, LOCK_UN)", SYS_flock, k.ro, LOCK_UN);
    CALL("flock(wo, LOCK_UN)", SYS_flock, k.wo, LOCK_UN);
    /* the lock belongs to the open file description: a dup shares it, a
     * second open does not */
    CALL("flock(rw, LOCK_EX)", SYS_flock, k.rw, LOCK_EX);
    other = (int)S(SYS_dup, k.rw);
    CALL("flock(dup of rw, LOCK_EX|LOCK_NB)", SYS_flock, other, LOCK_EX | LOCK_NB);
    CHECK(S(SYS_close, other) == 0);
    CALL("flock(ro, LOCK_SH|LOCK_NB) beside an exclusive", SYS_flock, k.ro, LOCK_SH | LOCK_NB);
    /* a child waits for the lock, blocked alone, until the parent lets it
     * go; it says when it is about to wait */
    CHECK(pipe(p) == 0);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        int fd = (int)S(SYS_open, "lockfile", O_RDONLY);

        CHECK(fd >= 0 && write(p[1], "w", 1) == 1);
        print_rc("child: flock(LOCK_SH), waiting", S(SYS_flock, fd, LOCK_SH));
        _exit(0);
    }
    {
        char c;

        CHECK(read(p[0], &c, 1) == 1);
    }
    {
        /* printed once the child, which prints what it got, is gone */
        long r = S(SYS_flock, k.rw, LOCK_UN);
        int e = errno, status;

        CHECK(waitpid(pid, &status, 0) == pid);
        errno = e;
        print_rc("flock(rw, LOCK_UN) for the child", r);
        print_status("child", status);
    }
    close_kinds(&k);
}

int main(int argc, char** argv) {
    (void)argc;
    shim_fd_setup(argv[0]);
    sec_sync();
    sec_cachestat();
    sec_flock();
    return 0;
}

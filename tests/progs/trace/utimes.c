/*
 * utimes.c: utimensat(2), utimes(2), futimesat(2), utime(2).  Covers
 * timestamps with strace's comment of the time in the local time zone
 * (none for 0.0 or an invalid fraction; the fraction only when nonzero),
 * UTIME_NOW and UTIME_OMIT printed alone, NULL times, negative times and
 * fractions (tv_usec printed unsigned), utimensat's flags and a NULL path
 * with a descriptor, and the failures EINVAL, ENOENT, EBADF and EFAULT.
 */
#include "trace-fs.h"

#include <utime.h>

/* strace's comment after a time, such as 2023-11-14T22:13:20.5+0000 in
 * local time, with a fraction of WIDTH digits when PART is nonzero;
 * nothing for the epoch itself or when PART exceeds MAX. */
static const char* time_comment(long long sec, unsigned long long part, unsigned long long max,
                                int width) {
    char date[64], zone[16];
    time_t t = (time_t)sec;
    struct tm tm;
    const char* frac = "";

    if ((sec == 0 && part == 0) || part > max || !localtime_r(&t, &tm))
        return "";
    CHECK(strftime(date, sizeof(date), "%FT%T", &tm) > 0);
    CHECK(strftime(zone, sizeof(zone), "%z", &tm) > 0);
    if (part)
        frac = xasprintf(".%0*llu", width, part);
    return xasprintf(" /* %s%s%s */", date, frac, zone);
}

/* One timespec of utimensat: UTIME_NOW or UTIME_OMIT alone, else the
 * structure and its comment. */
static const char* sts(const struct timespec* ts) {
    if (ts->tv_nsec == UTIME_NOW)
        return "UTIME_NOW";
    if (ts->tv_nsec == UTIME_OMIT)
        return "UTIME_OMIT";
    return xasprintf("{tv_sec=%lld, tv_nsec=%llu}%s", (long long)ts->tv_sec,
                     (unsigned long long)ts->tv_nsec,
                     time_comment(ts->tv_sec, (unsigned long long)ts->tv_nsec, 999999999, 9));
}

/* One timeval of utimes and futimesat. */
static const char* stv(const struct timeval* tv) {
    return xasprintf("{tv_sec=%lld, tv_usec=%llu}%s", (long long)tv->tv_sec,
                     (unsigned long long)tv->tv_usec,
                     time_comment(tv->tv_sec, (unsigned long long)tv->tv_usec, 999999, 6));
}

static const char* stimes_ts(const struct timespec* ts) {
    return mapped(ts) ? xasprintf("[%s, %s]", sts(&ts[0]), sts(&ts[1])) : sptr(ts);
}

static const char* stimes_tv(const struct timeval* tv) {
    return mapped(tv) ? xasprintf("[%s, %s]", stv(&tv[0]), stv(&tv[1])) : sptr(tv);
}

static long test_utimensat(int dirfd, const char* path, const struct timespec* ts,
                           unsigned int flags) {
    long rc = syscall(SYS_utimensat, dirfd, path, ts, flags);
    const char* res = sres(rc);

    printf("utimensat(%s, %s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), stimes_ts(ts),
           sflags(at_flags, flags, "AT_???"), res);
    return rc;
}

static long test_utimes(const char* path, const struct timeval* tv) {
    long rc = syscall(SYS_utimes, path, tv);
    const char* res = sres(rc);

    printf("utimes(%s, %s) %s\n", spathp(path), stimes_tv(tv), res);
    return rc;
}

static long test_futimesat(int dirfd, const char* path, const struct timeval* tv) {
    long rc = syscall(SYS_futimesat, dirfd, path, tv);
    const char* res = sres(rc);

    printf("futimesat(%s, %s, %s) %s\n", sdirfd(dirfd), spathp(path), stimes_tv(tv), res);
    return rc;
}

static long test_utime(const char* path, const struct utimbuf* ub) {
    long rc = syscall(SYS_utime, path, ub);
    const char* res = sres(rc);
    const char* times = sptr(ub);

    if (mapped(ub))
        times = xasprintf("{actime=%lld%s, modtime=%lld%s}", (long long)ub->actime,
                          time_comment(ub->actime, 0, 0, 0), (long long)ub->modtime,
                          time_comment(ub->modtime, 0, 0, 0));
    printf("utime(%s, %s) %s\n", spathp(path), times, res);
    return rc;
}

int main(void) {
    const struct timespec ts[2] = { { 1, 2 }, { 1700000000, 999999999 } };
    const struct timespec ts_special[2] = { { 0, UTIME_NOW }, { 5, UTIME_OMIT } };
    const struct timespec ts_mixed[2] = { { 0, 0 }, { 1234567890, 500000000 } };
    const struct timespec ts_negative[2] = { { -1, 5 }, { -86400, 0 } };
    const struct timespec ts_bad[2] = { { 1, 1000000000 }, { 2, -1 } };
    const struct timeval tv[2] = { { 1, 2 }, { 1700000000, 999999 } };
    const struct timeval tv_bad[2] = { { 1, 2000000 }, { -5, -1 } };
    const struct utimbuf ub = { 86400, 1700000000 };
    const struct utimbuf ub_zero = { 0, 0 };
    int fd, dirfd;

    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(fd >= 0);
    CHECK(symlink("file", "link") == 0);
    CHECK(mkdir("dir", 0755) == 0);
    CHECK(close(open("dir/inner", O_WRONLY | O_CREAT, 0644)) == 0);
    dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(dirfd >= 0);

    test_utimensat(AT_FDCWD, "file", ts, 0);
    test_utimensat(AT_FDCWD, "file", ts_special, 0);
    test_utimensat(AT_FDCWD, "file", ts_mixed, 0);
    test_utimensat(AT_FDCWD, "file", ts_negative, 0);
    test_utimensat(AT_FDCWD, "file", NULL, 0);
    test_utimensat(AT_FDCWD, "link", ts, AT_SYMLINK_NOFOLLOW);
    test_utimensat(dirfd, "inner", ts, 0);
    test_utimensat(fd, NULL, ts, 0);
    test_utimensat(fd, "", ts, AT_EMPTY_PATH);
    test_utimensat(AT_FDCWD, "file", ts_bad, 0);
    test_utimensat(AT_FDCWD, "file", ts, 0x1);
    test_utimensat(AT_FDCWD, "missing", ts, 0);
    test_utimensat(-1, "inner", ts, 0);
    test_utimensat(AT_FDCWD, "file", BAD_ADDR, 0);

    test_utimes("file", tv);
    test_utimes("file", NULL);
    test_utimes("file", tv_bad);
    test_utimes("missing", tv);
    test_utimes(NULL, tv);

    test_futimesat(dirfd, "inner", tv);
    test_futimesat(AT_FDCWD, "file", NULL);
    test_futimesat(-1, "inner", tv);
    test_futimesat(AT_FDCWD, "file", BAD_ADDR);

    test_utime("file", &ub);
    test_utime("file", &ub_zero);
    test_utime("file", NULL);
    test_utime("missing", &ub);
    test_utime("file", BAD_ADDR);

    EXPECT_EXITED_0();
    return 0;
}

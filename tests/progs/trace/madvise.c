/*
 * madvise.c: madvise(2), msync(2), mincore(2), mlock(2), munlock(2),
 * mlock2(2), mlockall(2) and munlockall(2) on anonymous and file mappings.
 * Covers the MADV_* advice (unknown values in hex with the comment
 * "MADV_???"), the MS_*, MLOCK_* and MCL_* flags (unknown bits likewise),
 * mincore's vector (one number per page of the length rounded up, cut after
 * 32 with "...", [] for length 0, an address when the call fails), and the
 * failures EINVAL (unaligned address, unknown advice or flags, MS_SYNC with
 * MS_ASYNC), ENOMEM (unmapped pages) and EFAULT.  Locking needs root or a
 * large enough RLIMIT_MEMLOCK; the results are printed as they come.
 *
 * mincore is traced here, so this program never uses trace-fs.h's mapped():
 * it knows which of its pointers are mapped.
 */
#include "trace-sys.h"

static const struct xlat advice[] = {
    { 0, "MADV_NORMAL" },          { 1, "MADV_RANDOM" },
    { 2, "MADV_SEQUENTIAL" },      { 3, "MADV_WILLNEED" },
    { 4, "MADV_DONTNEED" },        { 8, "MADV_FREE" },
    { 9, "MADV_REMOVE" },          { 10, "MADV_DONTFORK" },
    { 11, "MADV_DOFORK" },         { 12, "MADV_MERGEABLE" },
    { 13, "MADV_UNMERGEABLE" },    { 14, "MADV_HUGEPAGE" },
    { 15, "MADV_NOHUGEPAGE" },     { 16, "MADV_DONTDUMP" },
    { 17, "MADV_DODUMP" },         { 18, "MADV_WIPEONFORK" },
    { 19, "MADV_KEEPONFORK" },     { 20, "MADV_COLD" },
    { 21, "MADV_PAGEOUT" },        { 22, "MADV_POPULATE_READ" },
    { 23, "MADV_POPULATE_WRITE" }, { 24, "MADV_DONTNEED_LOCKED" },
    { 25, "MADV_COLLAPSE" },       { 100, "MADV_HWPOISON" },
    { 101, "MADV_SOFT_OFFLINE" },  XLAT_END,
};

static const struct xlat ms_flags[] = {
    XLAT(MS_SYNC),
    XLAT(MS_ASYNC),
    XLAT(MS_INVALIDATE),
    XLAT_END,
};

static const struct xlat mlock_flags[] = { { 1, "MLOCK_ONFAULT" }, XLAT_END };

static const struct xlat mcl_flags[] = {
    XLAT(MCL_CURRENT),
    XLAT(MCL_FUTURE),
    { 4, "MCL_ONFAULT" },
    XLAT_END,
};

static unsigned long page;

static long test_madvise(void* addr, unsigned long len, int adv) {
    long rc = syscall(SYS_madvise, addr, len, adv);
    const char* res = sres(rc);

    printf("madvise(%s, %lu, %s) %s\n", sptr(addr), len,
           sxval(advice, (unsigned int)adv, "MADV_???"), res);
    return rc;
}

static long test_msync(void* addr, unsigned long len, int flags) {
    long rc = syscall(SYS_msync, addr, len, flags);
    const char* res = sres(rc);

    printf("msync(%s, %lu, %s) %s\n", sptr(addr), len,
           sflags(ms_flags, (unsigned int)flags, "MS_???"), res);
    return rc;
}

/* mincore's vector: one byte per page. */
static const char* svec(const unsigned char* vec, unsigned long len, long rc) {
    unsigned long n = (len + page - 1) / page;
    const char* out = "[";

    if (rc != 0)
        return sptr(vec);
    for (unsigned long i = 0; i < n; i++) {
        if (i == DEFAULT_STRLEN) {
            out = xasprintf("%s, ...", out);
            break;
        }
        out = xasprintf("%s%s%u", out, i ? ", " : "", vec[i]);
    }
    return xasprintf("%s]", out);
}

static long test_mincore(void* addr, unsigned long len, unsigned char* vec) {
    long rc = syscall(SYS_mincore, addr, len, vec);
    const char* res = sres(rc);

    printf("mincore(%s, %lu, %s) %s\n", sptr(addr), len, svec(vec, len, rc), res);
    return rc;
}

/* mlock or munlock. */
static long test_lock(const char* name, long nr, void* addr, unsigned long len) {
    long rc = syscall(nr, addr, len);
    const char* res = sres(rc);

    printf("%s(%s, %lu) %s\n", name, sptr(addr), len, res);
    return rc;
}

static long test_mlock2(void* addr, unsigned long len, unsigned int flags) {
    long rc = syscall(SYS_mlock2, addr, len, flags);
    const char* res = sres(rc);

    printf("mlock2(%s, %lu, %s) %s\n", sptr(addr), len, sflags(mlock_flags, flags, "MLOCK_???"),
           res);
    return rc;
}

static long test_mlockall(int flags) {
    long rc = syscall(SYS_mlockall, flags);
    const char* res = sres(rc);

    printf("mlockall(%s) %s\n", sflags(mcl_flags, (unsigned int)flags, "MCL_???"), res);
    return rc;
}

int main(void) {
    unsigned char vec[64];
    char *a, *f, *hole;
    char* gone;
    int fd;

    page = (unsigned long)sysconf(_SC_PAGESIZE);
    a = mmap(NULL, 40 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    fd = open("file", O_RDWR | O_CREAT, 0644);
    CHECK(a != MAP_FAILED && fd >= 0);
    CHECK(ftruncate(fd, (off_t)(2 * page)) == 0);
    f = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(f != MAP_FAILED);
    /* An unmapped page between two mapped ones, mapped again by nothing. */
    hole = mmap(NULL, 3 * page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(hole != MAP_FAILED);
    gone = hole + page;
    CHECK(munmap(gone, page) == 0);

    /* Residency: pages 0 and 2 touched, the others never. */
    a[0] = 1;
    a[2 * page] = 1;
    test_mincore(a, 3 * page, vec);
    test_mincore(a, 40 * page, vec);
    test_mincore(a, page - 1, vec);
    test_mincore(a, 0, vec);
    test_madvise(a, page, MADV_DONTNEED);
    test_mincore(a, 3 * page, vec);
    test_mincore(a + 1, page, vec);
    test_mincore(gone, page, vec);
    test_mincore(a, page, NULL);
    test_mincore(a, page, BAD_ADDR);

    test_madvise(a, 3 * page, MADV_NORMAL);
    test_madvise(a, 3 * page, MADV_RANDOM);
    test_madvise(a, 3 * page, MADV_SEQUENTIAL);
    test_madvise(a, 3 * page, MADV_WILLNEED);
    test_madvise(a, 3 * page, MADV_FREE);
    test_madvise(a, 3 * page, MADV_DONTFORK);
    test_madvise(a, 3 * page, MADV_DOFORK);
    test_madvise(a, 3 * page, MADV_DONTDUMP);
    test_madvise(a, 3 * page, MADV_DODUMP);
    test_madvise(a, 3 * page, MADV_WIPEONFORK);
    test_madvise(a, 3 * page, MADV_KEEPONFORK);
    test_madvise(a, 3 * page, MADV_COLD);
    test_madvise(a, page, MADV_POPULATE_WRITE);
    test_madvise(a, 3 * page, MADV_REMOVE);
    test_madvise(f, page, MADV_WILLNEED);
    test_madvise(a, page, 5);
    test_madvise(a, page, 999);
    test_madvise(a, page, -1);
    test_madvise(a + 1, page, MADV_NORMAL);
    test_madvise(gone, page, MADV_NORMAL);

    f[0] = 'x';
    test_msync(f, 2 * page, MS_SYNC);
    test_msync(f, page, MS_ASYNC);
    test_msync(f, page, MS_INVALIDATE);
    test_msync(f, page, MS_ASYNC | MS_INVALIDATE);
    test_msync(a, page, MS_SYNC);
    test_msync(f, page, MS_SYNC | MS_ASYNC);
    test_msync(f, page, 0x8);
    test_msync(f, page, MS_SYNC | 0x10);
    test_msync(f + 1, page, MS_SYNC);
    test_msync(gone, page, MS_SYNC);

    test_lock("mlock", SYS_mlock, a, page);
    test_lock("munlock", SYS_munlock, a, page);
    test_lock("mlock", SYS_mlock, a + 1, page);
    test_lock("munlock", SYS_munlock, a + 1, page);
    test_lock("mlock", SYS_mlock, gone, page);
    test_lock("munlock", SYS_munlock, gone, page);
    test_mlock2(a, 2 * page, 0);
    test_mlock2(a, 2 * page, 1);
    test_mlock2(a, page, 0x2);
    test_mlock2(a, page, 0xff);
    test_lock("munlock", SYS_munlock, a, 2 * page);
    test_mlockall(MCL_CURRENT);
    printf("munlockall() %s\n", sprintrc(syscall(SYS_munlockall)));
    test_mlockall(4);
    test_mlockall(0);
    test_mlockall(0x10);
    test_mlockall(MCL_FUTURE | 0x10);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * shim-mem-map.c: mremap, msync, madvise, mincore, remap_file_pages,
 * pkey_alloc, pkey_free and pkey_mprotect (shim-memev.h).
 */
#include "shim-memev.h"

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

static void section_mremap(void) {
    char *p = pages(4), *q, *t, *h = hole();

    /* keep the page after P's first two free to grow into */
    CHECK(munmap(p + 2 * PAGE, 2 * PAGE) == 0);
    p[0] = 'm';
    T("mremap(unknown flag)", syscall(SYS_mremap, p, PAGE, PAGE, 8, 0));
    T("mremap(unknown flag, unaligned)", syscall(SYS_mremap, p + 1, PAGE, PAGE, 8, 0));
    T("mremap(unaligned)", syscall(SYS_mremap, p + 1, PAGE, PAGE, 0, 0));
    T("mremap(new_len 0)", syscall(SYS_mremap, p, PAGE, 0, 0, 0));
    T("mremap(new_len -1)", syscall(SYS_mremap, p, PAGE, -1UL, 0, 0));
    T("mremap(new_len 1 << 60)", syscall(SYS_mremap, p, PAGE, 1UL << 60, 0, 0));
    T("mremap(new_len 1 << 50)", syscall(SYS_mremap, p, PAGE, 1UL << 50, MREMAP_MAYMOVE, 0));
    T("mremap(MREMAP_FIXED without MREMAP_MAYMOVE)",
      syscall(SYS_mremap, p, PAGE, PAGE, MREMAP_FIXED, h));
    T("mremap(MREMAP_DONTUNMAP without MREMAP_MAYMOVE)",
      syscall(SYS_mremap, p, PAGE, PAGE, MREMAP_DONTUNMAP, 0));
    T("mremap(MREMAP_FIXED, unaligned new address)",
      syscall(SYS_mremap, p, PAGE, PAGE, MREMAP_FIXED | MREMAP_MAYMOVE, h + 1));
    T("mremap(MREMAP_FIXED, new address 1 << 62)",
      syscall(SYS_mremap, p, PAGE, PAGE, MREMAP_FIXED | MREMAP_MAYMOVE, 1UL << 62));
    T("mremap(MREMAP_FIXED, new address at the end of user space)",
      syscall(SYS_mremap, p, PAGE, 2 * PAGE, MREMAP_FIXED | MREMAP_MAYMOVE, (1UL << 47) - PAGE));
    T("mremap(MREMAP_FIXED, overlapping)",
      syscall(SYS_mremap, p, 2 * PAGE, 2 * PAGE, MREMAP_FIXED | MREMAP_MAYMOVE, p + PAGE));
    T("mremap(MREMAP_DONTUNMAP, another size)",
      syscall(SYS_mremap, p, PAGE, 2 * PAGE, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0));
    T("mremap(nothing mapped)", syscall(SYS_mremap, h, PAGE, PAGE, 0, 0));
    T("mremap(nothing mapped, MREMAP_MAYMOVE)", syscall(SYS_mremap, h, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0));
    T("mremap(old_len 0, private)", syscall(SYS_mremap, p, 0, PAGE, MREMAP_MAYMOVE, 0));
    printf("mremap(grow in place) keeps it: %s\n",
           syscall(SYS_mremap, p, 2 * PAGE, 3 * PAGE, 0, 0) == (long)p ? "yes" : "no");
    T("mremap(grow a part in place)", syscall(SYS_mremap, p, PAGE, 2 * PAGE, 0, 0));
    /* a target of the same size, which the move replaces */
    t = pages(3);
    q = (char*)syscall(SYS_mremap, p, 3 * PAGE, 3 * PAGE, MREMAP_FIXED | MREMAP_MAYMOVE, t);
    printf("mremap(MREMAP_FIXED) moves it there: %s, data '%c'\n", q == t ? "yes" : "no",
           q == t ? q[0] : '?');
    p = (char*)syscall(SYS_mremap, q, 3 * PAGE, 3 * PAGE, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0);
    printf("mremap(MREMAP_DONTUNMAP) moves it: %s, data '%c', old still mapped: %s\n",
           p != MAP_FAILED && p != q ? "yes" : "no", p != MAP_FAILED ? p[0] : '?',
           msync(q, PAGE, MS_ASYNC) == 0 ? "yes" : "no");
    q = (char*)syscall(SYS_mremap, p, 3 * PAGE, 64 * PAGE, MREMAP_MAYMOVE, 0);
    printf("mremap(MREMAP_MAYMOVE, grow): %s, data '%c'\n", q != MAP_FAILED ? "ok" : "failed",
           q != MAP_FAILED ? q[0] : '?');
    printf("mremap(shrink) keeps it: %s\n",
           syscall(SYS_mremap, q, 64 * PAGE, PAGE, 0, 0) == (long)q ? "yes" : "no");
}

static void section_msync(void) {
    char *p = pages(2), *h = hole(), *f;
    int fd = open("map.data", O_RDWR | O_CREAT | O_TRUNC, 0644);

    CHECK(fd >= 0 && ftruncate(fd, 2 * PAGE) == 0);
    f = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(f != MAP_FAILED);
    memcpy(f, "synced", 6);
    T("msync(MS_SYNC)", syscall(SYS_msync, f, 2 * PAGE, MS_SYNC));
    T("msync(MS_ASYNC|MS_INVALIDATE)", syscall(SYS_msync, f, PAGE, MS_ASYNC | MS_INVALIDATE));
    T("msync(anonymous)", syscall(SYS_msync, p, PAGE, MS_SYNC));
    T("msync(unknown flag)", syscall(SYS_msync, f, PAGE, 8));
    T("msync(unknown flag, unaligned)", syscall(SYS_msync, f + 1, PAGE, 8));
    T("msync(unaligned)", syscall(SYS_msync, f + 1, PAGE, MS_SYNC));
    T("msync(MS_ASYNC|MS_SYNC)", syscall(SYS_msync, f, PAGE, MS_ASYNC | MS_SYNC));
    T("msync(len 0)", syscall(SYS_msync, f, 0, MS_SYNC));
    T("msync(len 0, nothing mapped)", syscall(SYS_msync, h, 0, MS_SYNC));
    T("msync(len wraps)", syscall(SYS_msync, f, 0UL - 2 * PAGE, MS_SYNC));
    T("msync(len -1)", syscall(SYS_msync, f, -1UL, MS_SYNC));
    T("msync(nothing mapped)", syscall(SYS_msync, h, PAGE, MS_SYNC));
    T("msync(flags 0)", syscall(SYS_msync, f, PAGE, 0));
    T("msync(high address)", syscall(SYS_msync, 1UL << 62, PAGE, MS_SYNC));
    munmap(f, 2 * PAGE);
    close(fd);
    unlink("map.data");
}

static void section_madvise(void) {
    char *p = pages(4), *h = hole();
    static const int advice[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 16, 17, 18, 19, 20, 21, 22,
                                 23, 24, 26, 99, 102, 103, 104, 1000, -1};
    char what[64];

    p[0] = 1;
    for (size_t i = 0; i < sizeof(advice) / sizeof(advice[0]); i++) {
        snprintf(what, sizeof(what), "madvise(%d)", advice[i]);
        T(what, syscall(SYS_madvise, p, PAGE, advice[i]));
    }
    T("madvise(MADV_DONTNEED) cleared the page", p[0] == 0 ? 0 : -1);
    T("madvise(5, unaligned)", syscall(SYS_madvise, p + 1, PAGE, 5));
    T("madvise(unaligned)", syscall(SYS_madvise, p + 1, PAGE, MADV_NORMAL));
    T("madvise(len -1)", syscall(SYS_madvise, p, -1UL, MADV_NORMAL));
    T("madvise(len wraps)", syscall(SYS_madvise, p, -(uintptr_t)p, MADV_NORMAL));
    T("madvise(len 0)", syscall(SYS_madvise, p, 0, MADV_NORMAL));
    T("madvise(len 0, nothing mapped)", syscall(SYS_madvise, h, 0, MADV_WILLNEED));
    T("madvise(nothing mapped)", syscall(SYS_madvise, h, PAGE, MADV_WILLNEED));
    T("madvise(nothing mapped, MADV_NORMAL)", syscall(SYS_madvise, h, PAGE, MADV_NORMAL));
    T("madvise(MADV_POPULATE_WRITE, read-only)",
      (mprotect(p + PAGE, PAGE, PROT_READ), syscall(SYS_madvise, p + PAGE, PAGE, 23)));
    T("madvise(MADV_REMOVE, private)", syscall(SYS_madvise, p, PAGE, MADV_REMOVE));
    T("madvise(MADV_HUGEPAGE)", syscall(SYS_madvise, p, 4 * PAGE, 14));
    T("madvise(MADV_MERGEABLE)", syscall(SYS_madvise, p, 4 * PAGE, 12));
    if (geteuid() != 0) {
        /* root's would poison the page */
        T("madvise(MADV_HWPOISON)", syscall(SYS_madvise, p, PAGE, 100));
        T("madvise(MADV_SOFT_OFFLINE)", syscall(SYS_madvise, p, PAGE, 101));
    }
    T("madvise(high address)", syscall(SYS_madvise, 1UL << 62, PAGE, MADV_NORMAL));
}

static void section_mincore(void) {
    char *p = pages(3), *h = hole();
    unsigned char vec[4] = {9, 9, 9, 9};

    p[0] = 1;
    p[2 * PAGE] = 1;
    T("mincore", syscall(SYS_mincore, p, 3 * PAGE, vec));
    printf("  resident: %d %d %d, untouched %d\n", vec[0] & 1, vec[1] & 1, vec[2] & 1, vec[3]);
    T("mincore(len not a page)", syscall(SYS_mincore, p, PAGE + 1, vec));
    T("mincore(len 0)", syscall(SYS_mincore, p, 0, vec));
    T("mincore(len 0, bad vec)", syscall(SYS_mincore, p, 0, BAD));
    T("mincore(unaligned)", syscall(SYS_mincore, p + 1, PAGE, vec));
    T("mincore(unaligned, bad vec)", syscall(SYS_mincore, p + 1, PAGE, BAD));
    T("mincore(past user space)", syscall(SYS_mincore, 1UL << 46, 1UL << 47, vec));
    T("mincore(len wraps)", syscall(SYS_mincore, p, -PAGE, vec));
    T("mincore(vec past user space)", syscall(SYS_mincore, p, PAGE, 1UL << 63));
    T("mincore(vec wraps)", syscall(SYS_mincore, p, 2 * PAGE, -1UL));
    T("mincore(bad vec)", syscall(SYS_mincore, p, PAGE, BAD));
    T("mincore(nothing mapped)", syscall(SYS_mincore, h, PAGE, vec));
    T("mincore(nothing mapped, bad vec)", syscall(SYS_mincore, h, PAGE, BAD));
    T("mincore(high address)", syscall(SYS_mincore, 1UL << 62, PAGE, vec));
}

static void section_remap(void) {
    char* p = pages(2);
    char* f;
    int fd = open("remap.data", O_RDWR | O_CREAT | O_TRUNC, 0644);

    CHECK(fd >= 0 && write(fd, "page0", 5) == 5 && ftruncate(fd, 2 * PAGE) == 0);
    CHECK(pwrite(fd, "page1", 5, PAGE) == 5);
    f = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(f != MAP_FAILED);
    T("remap_file_pages(prot 1)", syscall(SYS_remap_file_pages, f, PAGE, 1, 1, 0));
    T("remap_file_pages(prot 1 << 32)", syscall(SYS_remap_file_pages, f, PAGE, 1UL << 32, 1, 0));
    T("remap_file_pages(size 0)", syscall(SYS_remap_file_pages, f, 0, 0, 1, 0));
    T("remap_file_pages(size less than a page)", syscall(SYS_remap_file_pages, f, 100, 0, 1, 0));
    T("remap_file_pages(size wraps)", syscall(SYS_remap_file_pages, f, -PAGE, 0, 1, 0));
    T("remap_file_pages(pgoff wraps)", syscall(SYS_remap_file_pages, f, PAGE, 0, -1UL, 0));
    T("remap_file_pages(private)", syscall(SYS_remap_file_pages, p, PAGE, 0, 1, 0));
    T("remap_file_pages(unaligned start)", syscall(SYS_remap_file_pages, f + 1, PAGE, 0, 1, 0));
    printf("  first page: '%.5s'\n", f);
    munmap(f, 2 * PAGE);
    close(fd);
    unlink("remap.data");
}

static void section_pkey(void) {
    char* p = pages(2);
    long key;

    T("pkey_alloc(flags 1)", syscall(SYS_pkey_alloc, 1, 0));
    T("pkey_alloc(init_val 4)", syscall(SYS_pkey_alloc, 0, 4));
    T("pkey_alloc(flags 1, init_val 4)", syscall(SYS_pkey_alloc, 1, 4));
    T("pkey_alloc(init_val 1 << 32)", syscall(SYS_pkey_alloc, 0, 1UL << 32));
    key = syscall(SYS_pkey_alloc, 0, 0);
    if (key < 0)
        printf("pkey_alloc = -1 %s\n", errno_name(errno));
    else
        printf("pkey_alloc: a key\n");
    T("pkey_free(-1)", syscall(SYS_pkey_free, -1));
    T("pkey_free(16)", syscall(SYS_pkey_free, 16));
    T("pkey_free(15, not allocated)", syscall(SYS_pkey_free, 15));
    T("pkey_mprotect(key -1)", syscall(SYS_pkey_mprotect, p, PAGE, PROT_READ, -1));
    T("pkey_mprotect(key 15, not allocated)", syscall(SYS_pkey_mprotect, p, PAGE, PROT_READ, 15));
    T("pkey_mprotect(key 99)", syscall(SYS_pkey_mprotect, p, PAGE, PROT_READ, 99));
    T("pkey_mprotect(len 0, key 99)", syscall(SYS_pkey_mprotect, p, 0, PROT_READ, 99));
    T("pkey_mprotect(unaligned)", syscall(SYS_pkey_mprotect, p + 1, PAGE, PROT_READ, -1));
    T("pkey_mprotect(bad prot)", syscall(SYS_pkey_mprotect, p, PAGE, 0x10, -1));
    T("pkey_mprotect(prot beyond 32 bits)",
      syscall(SYS_pkey_mprotect, p, PAGE, PROT_READ | 1UL << 40, -1));
    T("pkey_mprotect(PROT_GROWSDOWN|PROT_GROWSUP)",
      syscall(SYS_pkey_mprotect, p, PAGE, PROT_GROWSDOWN | PROT_GROWSUP, -1));
    T("pkey_mprotect(len -1)", syscall(SYS_pkey_mprotect, p, -1UL, PROT_READ, -1));
    T("pkey_mprotect(nothing mapped)", syscall(SYS_pkey_mprotect, hole(), PAGE, PROT_READ, -1));
    if (key >= 0) {
        T("pkey_mprotect(its key)", syscall(SYS_pkey_mprotect, p, PAGE, PROT_READ, key));
        T("pkey_free(its key)", syscall(SYS_pkey_free, key));
        T("pkey_free(its key again)", syscall(SYS_pkey_free, key));
    }
}

int main(void) {
    setup_stdout();
    section("mremap");
    section_mremap();
    section("msync");
    section_msync();
    section("madvise");
    section_madvise();
    section("mincore");
    section_mincore();
    section("remap_file_pages");
    section_remap();
    section("pkey");
    section_pkey();
    return 0;
}

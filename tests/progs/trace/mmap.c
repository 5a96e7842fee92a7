/*
 * mmap.c: mmap(2), munmap(2), mprotect(2) and mremap(2) on anonymous and
 * file mappings.  Covers addresses (NULL, hex) and results in hex, PROT_*
 * bits (PROT_NONE, PROT_SEM, PROT_GROWSDOWN, unknown bits), the mapping
 * type (MAP_SHARED, MAP_PRIVATE, MAP_SHARED_VALIDATE, type 0 shown as
 * MAP_FILE, unknown types in hex with the comment "MAP_???") then the other
 * MAP_* flags in strace's order and unknown bits, the offset in hex,
 * mremap's flags (the new address only with both MREMAP_MAYMOVE and
 * MREMAP_FIXED), growing in place, moving, MREMAP_DONTUNMAP, and the
 * failures EINVAL (length 0, unaligned address or offset, bad flags),
 * EBADF, EACCES, EEXIST (MAP_FIXED_NOREPLACE), EOPNOTSUPP
 * (MAP_SHARED_VALIDATE with an unknown flag), ENOMEM and EFAULT.  Unmapping
 * nothing is not an error.
 *
 * Static glibc calls mprotect on the RELRO segment before main; its line is
 * computed from the program headers.
 */
#include "trace-sys.h"

static const struct xlat map_types[] = {
    { 0, "MAP_FILE" }, XLAT(MAP_SHARED), XLAT(MAP_PRIVATE), XLAT(MAP_SHARED_VALIDATE), XLAT_END,
};

static const struct xlat map_flags[] = {
    XLAT(MAP_FIXED),     XLAT(MAP_ANONYMOUS),       XLAT(MAP_32BIT),
    XLAT(MAP_NORESERVE), XLAT(MAP_POPULATE),        XLAT(MAP_NONBLOCK),
    XLAT(MAP_GROWSDOWN), XLAT(MAP_DENYWRITE),       XLAT(MAP_EXECUTABLE),
    XLAT(MAP_LOCKED),    XLAT(MAP_STACK),           XLAT(MAP_HUGETLB),
    XLAT(MAP_SYNC),      XLAT(MAP_FIXED_NOREPLACE), XLAT_END,
};

static const struct xlat mremap_flags[] = {
    XLAT(MREMAP_MAYMOVE),
    XLAT(MREMAP_FIXED),
    XLAT(MREMAP_DONTUNMAP),
    XLAT_END,
};

static unsigned long page;

/* mmap's flags: the type (the low 4 bits), then the other flags. */
static const char* smapflags(unsigned long flags) {
    const char* type = sxval(map_types, flags & 0xf, "MAP_???");
    unsigned long rest = flags & ~0xfUL;

    return rest ? xasprintf("%s|%s", type, sflags(map_flags, rest, NULL)) : type;
}

/* The result of a call that returns an address. */
static const char* saddr_res(long rc) {
    return rc == -1 ? sres(rc) : xasprintf("= %#lx", (unsigned long)rc);
}

static void* test_mmap(void* addr, unsigned long len, unsigned long prot, unsigned long flags,
                       int fd, unsigned long off) {
    long rc = syscall(SYS_mmap, addr, len, prot, flags, fd, off);
    const char* res = saddr_res(rc);

    printf("mmap(%s, %lu, %s, %s, %d, %#lx) %s\n", sptr(addr), len, sprot(prot), smapflags(flags),
           fd, off, res);
    return rc == -1 ? NULL : (void*)rc;
}

static long test_munmap(void* addr, unsigned long len) {
    long rc = syscall(SYS_munmap, addr, len);
    const char* res = sres(rc);

    printf("munmap(%s, %lu) %s\n", sptr(addr), len, res);
    return rc;
}

static long test_mprotect(void* addr, unsigned long len, unsigned long prot) {
    long rc = syscall(SYS_mprotect, addr, len, prot);
    const char* res = sres(rc);

    printf("mprotect(%s, %lu, %s) %s\n", sptr(addr), len, sprot(prot), res);
    return rc;
}

static void* test_mremap(void* old, unsigned long old_len, unsigned long new_len,
                         unsigned long flags, void* new_addr) {
    long rc = syscall(SYS_mremap, old, old_len, new_len, flags, new_addr);
    const char* res = saddr_res(rc);
    const char* to = (flags & (MREMAP_MAYMOVE | MREMAP_FIXED)) == (MREMAP_MAYMOVE | MREMAP_FIXED)
                         ? xasprintf(", %s", sptr(new_addr))
                         : "";

    printf("mremap(%s, %lu, %lu, %s%s) %s\n", sptr(old), old_len, new_len,
           sflags(mremap_flags, flags, "MREMAP_???"), to, res);
    return rc == -1 ? NULL : (void*)rc;
}

static void test_anonymous(void) {
    char *a, *b, *c, *gone;

    a = test_mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != NULL);
    test_mprotect(a, page, PROT_READ);
    test_mprotect(a + page, page, PROT_NONE);
    test_mprotect(a, 3 * page, PROT_READ | PROT_WRITE | PROT_EXEC);
    test_mprotect(a, page, PROT_READ | 0x8);
    test_mprotect(a, page, PROT_READ | PROT_GROWSDOWN);
    test_mprotect(a, page, 0x100);
    test_mprotect(a + 1, page, PROT_READ);
    test_mprotect(a, 0, PROT_READ);

    /* One protection again, free the last page, grow back into it, shrink,
     * then move. */
    test_mprotect(a, 3 * page, PROT_READ | PROT_WRITE);
    test_munmap(a + 2 * page, page);
    test_mprotect(a + 2 * page, page, PROT_READ);
    test_munmap(a + 2 * page, page);
    test_mremap(a, 2 * page, 3 * page, 0, NULL);
    test_mremap(a, 3 * page, page, 0, NULL);
    b = test_mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    CHECK(b != NULL);
    test_mremap(a, page, page, MREMAP_MAYMOVE | MREMAP_FIXED, b);
    c = test_mremap(b, page, page, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
    CHECK(c != NULL);
    test_mremap(c, page, 2 * page, MREMAP_MAYMOVE, NULL);

    /* Failures. */
    gone = test_mmap(NULL, page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    CHECK(gone != NULL);
    test_munmap(gone, page);
    test_mprotect(gone, page, PROT_READ);
    test_mremap(gone, page, 2 * page, MREMAP_MAYMOVE, NULL);
    test_mremap(b, page, page, 0x8, NULL);
    test_mremap(b, page, page, MREMAP_FIXED, gone);
    test_mremap(b, page, page, MREMAP_DONTUNMAP, gone);
    test_mremap(b + 1, page, page, MREMAP_MAYMOVE, NULL);
    test_mremap(b, page, 0, MREMAP_MAYMOVE, NULL);
    test_mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    test_mmap(b, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    test_mmap(b + 1, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    test_mmap(NULL, page, PROT_READ, MAP_ANONYMOUS, -1, 0);
    test_mmap(NULL, page, PROT_READ, 0x6 | MAP_ANONYMOUS, -1, 0);
    test_mmap(NULL, page, 0x10, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    test_munmap(b, 0);
    test_munmap(b + 1, page);
    test_munmap(b, page);
    test_munmap(BAD_ADDR, page);
}

static void test_files(void) {
    int fd = open("file", O_RDWR | O_CREAT, 0644);
    int ro = open("file", O_RDONLY);
    char *f, *g;

    CHECK(fd >= 0 && ro >= 0);
    CHECK(ftruncate(fd, (off_t)(2 * page)) == 0);

    f = test_mmap(NULL, page, PROT_READ, MAP_SHARED, ro, page);
    CHECK(f != NULL);
    test_mprotect(f, page, PROT_READ | PROT_WRITE);
    g = test_mmap(f, page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
    CHECK(g == f);
    test_mmap(NULL, 2 * page, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_DENYWRITE, fd, 0);
    test_mmap(NULL, page, PROT_READ, MAP_SHARED_VALIDATE, fd, page);
    test_mmap(NULL, page, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0);
    test_mmap(NULL, page, PROT_READ, MAP_SHARED_VALIDATE | 0x200000, fd, 0);
    test_mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
    test_mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd, 1);
    test_mmap(NULL, page, PROT_READ, MAP_PRIVATE, -1, 0);
    test_mmap(NULL, page, PROT_READ, MAP_SHARED, 12345, 0);
    test_mremap(f, page, 2 * page, MREMAP_MAYMOVE, NULL);
}

int main(void) {
    page = (unsigned long)sysconf(_SC_PAGESIZE);
    expect_startup_mprotect();

    test_anonymous();
    test_files();

    EXPECT_EXITED_0();
    return 0;
}

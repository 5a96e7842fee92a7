/*
 * memfd_create.c: memfd_create(2).  Covers the name (a string with -s
 * truncation at 32: 32 characters are printed whole, 33 are cut with
 * "..."), MFD_* flags, the huge page size field printed as N<<MFD_HUGE_SHIFT,
 * unknown bits (hex, with a comment when none is known), and the failures
 * EINVAL (name too long, unknown flags) and EFAULT.  Huge pages and the
 * flags newer than Linux 6.1 may or may not be supported; the results are
 * whatever the calls return.
 */
#include "trace-fs.h"

#include <linux/memfd.h>

static const struct xlat mfd_flags[] = {
    XLAT(MFD_CLOEXEC), XLAT(MFD_ALLOW_SEALING), XLAT(MFD_HUGETLB), XLAT_END,
};

/* The flags: the huge page size, if any, as a shift expression. */
static const char* smfd_flags(unsigned int flags) {
    unsigned int huge = (flags >> MFD_HUGE_SHIFT) & MFD_HUGE_MASK;
    unsigned int rest = flags & ~((unsigned int)MFD_HUGE_MASK << MFD_HUGE_SHIFT);
    const char* size;

    if (!huge)
        return sflags(mfd_flags, rest, "MFD_???");
    size = xasprintf("%u<<MFD_HUGE_SHIFT", huge);
    if (!rest)
        return size;
    return xasprintf("%s|%s", sflags(mfd_flags, rest, "MFD_???"), size);
}

static long test_memfd_create(const char* name, unsigned int flags) {
    long rc = syscall(SYS_memfd_create, name, flags);
    const char* res = sres(rc);

    printf("memfd_create(%s, %s) %s\n", sstrp(name, DEFAULT_STRLEN), smfd_flags(flags), res);
    return rc;
}

int main(void) {
    char name[300];

    test_memfd_create("plain", 0);
    test_memfd_create("", MFD_CLOEXEC);
    test_memfd_create("sealable", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    test_memfd_create("huge", MFD_HUGETLB);
    test_memfd_create("huge-2MB", MFD_HUGETLB | MFD_HUGE_2MB);
    test_memfd_create("huge-1GB", MFD_CLOEXEC | MFD_HUGETLB | MFD_HUGE_1GB);
    test_memfd_create("size-without-hugetlb", MFD_HUGE_2MB);
    test_memfd_create("escapes\t\"\\\001", 0);

    memset(name, 'n', sizeof(name));
    name[32] = '\0';
    test_memfd_create(name, 0);
    name[32] = 'n';
    name[33] = '\0';
    test_memfd_create(name, 0);
    name[33] = 'n';
    name[sizeof(name) - 1] = '\0';
    test_memfd_create(name, 0);

    test_memfd_create("unknown", MFD_CLOEXEC | 0x100);
    test_memfd_create("unknown", 0x100);
    test_memfd_create(NULL, 0);
    test_memfd_create(BAD_ADDR, 0);

    EXPECT_EXITED_0();
    return 0;
}

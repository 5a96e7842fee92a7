/*
 * arch_prctl.c: arch_prctl(2) on x86-64.  Covers ARCH_GET_FS and
 * ARCH_GET_GS ([ADDRESS] at exit, [NULL] for 0), ARCH_SET_GS and
 * ARCH_SET_FS (the address in hex, plain 0 for none; an address outside
 * user space fails with EPERM), ARCH_GET_CPUID (no argument shown) and
 * ARCH_SET_CPUID (which fails with ENODEV where CPUID faulting is missing,
 * printed as it comes), unknown codes (hex with the comment "ARCH_???", the
 * argument in hex), and the failures EINVAL, EPERM and EFAULT.
 *
 * Static glibc sets the thread pointer with ARCH_SET_FS before main; its
 * line is computed from ARCH_GET_FS's result.
 */
#include "trace-sys.h"

#include <asm/prctl.h>

static const char* sresult_addr(const unsigned long* p, long rc) {
    if (rc != 0)
        return sptr(p);
    return xasprintf("[%s]", sptr((const void*)*p));
}

static long test_get(const char* name, int code, unsigned long* addr) {
    long rc = syscall(SYS_arch_prctl, code, addr);
    const char* res = sres(rc);

    printf("arch_prctl(%s, %s) %s\n", name, sresult_addr(addr, rc), res);
    return rc;
}

static long test_set(const char* name, int code, unsigned long addr) {
    long rc = syscall(SYS_arch_prctl, code, addr);
    const char* res = sres(rc);

    printf("arch_prctl(%s, %#lx) %s\n", name, addr, res);
    return rc;
}

int main(void) {
    unsigned long fs, gs, value;
    unsigned long* edge = tail_alloc(sizeof(unsigned long));
    long rc;

    /* The thread pointer that the start-up call set. */
    rc = syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
    CHECK(rc == 0);
    printf("arch_prctl(ARCH_SET_FS, %#lx) = 0\n", fs);
    printf("arch_prctl(ARCH_GET_FS, %s) = 0\n", sresult_addr(&fs, rc));

    test_get("ARCH_GET_GS", ARCH_GET_GS, &gs);
    test_set("ARCH_SET_GS", ARCH_SET_GS, 0x12345000);
    test_get("ARCH_GET_GS", ARCH_GET_GS, edge);
    test_set("ARCH_SET_GS", ARCH_SET_GS, gs);
    test_get("ARCH_GET_GS", ARCH_GET_GS, &value);
    test_set("ARCH_SET_FS", ARCH_SET_FS, fs);
    test_set("ARCH_SET_FS", ARCH_SET_FS, (unsigned long)(uintptr_t)BAD_ADDR);
    test_set("ARCH_SET_GS", ARCH_SET_GS, 0xffff800000000000UL);

    test_get("ARCH_GET_FS", ARCH_GET_FS, NULL);
    test_get("ARCH_GET_FS", ARCH_GET_FS, BAD_ADDR);
    test_get("ARCH_GET_GS", ARCH_GET_GS, edge + 1);

    rc = syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0);
    printf("arch_prctl(ARCH_GET_CPUID) %s\n", sprintrc(rc));
    test_set("ARCH_SET_CPUID", ARCH_SET_CPUID, 1);

    rc = syscall(SYS_arch_prctl, 0x9999, &value);
    printf("arch_prctl(0x9999 /* ARCH_??? */, %s) %s\n", sptr(&value), sprintrc(rc));
    rc = syscall(SYS_arch_prctl, 0, 0x1234);
    printf("arch_prctl(0 /* ARCH_??? */, 0x1234) %s\n", sprintrc(rc));

    EXPECT_EXITED_0();
    return 0;
}

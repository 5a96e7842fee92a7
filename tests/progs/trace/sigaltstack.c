/*
 * sigaltstack.c: sigaltstack(2).  Covers stack_t ({ss_sp=..., ss_flags=...,
 * ss_size=...}: ss_sp NULL or in hex, the SS_* flags, SS_AUTODISARM, and
 * unknown bits in hex with the comment "SS_???" when none is known), the
 * old stack printed at exit (an address when the call fails), NULL for
 * either, and the failures EINVAL (unknown flags), ENOMEM (a stack smaller
 * than MINSIGSTKSZ) and EFAULT.  No signal is delivered, so the stacks are
 * never used.
 */
#include "trace-sys.h"

#define K_SS_AUTODISARM (1U << 31)

static const struct xlat ss_flags[] = {
    XLAT(SS_ONSTACK),
    XLAT(SS_DISABLE),
    { K_SS_AUTODISARM, "SS_AUTODISARM" },
    XLAT_END,
};

static const char* sstack(const stack_t* ss) {
    if (!mapped(ss))
        return sptr(ss);
    return xasprintf("{ss_sp=%s, ss_flags=%s, ss_size=%zu}", sptr(ss->ss_sp),
                     sflags(ss_flags, (unsigned int)ss->ss_flags, "SS_???"), ss->ss_size);
}

static long test_sigaltstack(const stack_t* ss, stack_t* old) {
    const char* before = ss ? sstack(ss) : "NULL";
    long rc = syscall(SYS_sigaltstack, ss, old);
    const char* res = sres(rc);

    printf("sigaltstack(%s, %s) %s\n", before, rc == 0 && old ? sstack(old) : sptr(old), res);
    return rc;
}

/* A stack_t to pass. */
static stack_t* stack(void* sp, int flags, size_t size) {
    stack_t* ss = calloc(1, sizeof(*ss));

    CHECK(ss != NULL);
    ss->ss_sp = sp;
    ss->ss_flags = flags;
    ss->ss_size = size;
    return ss;
}

int main(void) {
    static char area[65536];
    stack_t old;
    stack_t* edge = tail_alloc(sizeof(stack_t));

    test_sigaltstack(NULL, &old);
    test_sigaltstack(stack(area, 0, sizeof(area)), &old);
    test_sigaltstack(NULL, edge);
    test_sigaltstack(stack(area + 4096, (int)K_SS_AUTODISARM, 32768), &old);
    test_sigaltstack(NULL, &old);
    test_sigaltstack(stack(NULL, SS_DISABLE, 0), &old);
    test_sigaltstack(NULL, &old);
    test_sigaltstack(stack(area, SS_ONSTACK, sizeof(area)), NULL);
    test_sigaltstack(NULL, &old);
    test_sigaltstack(stack(area, SS_DISABLE | (int)K_SS_AUTODISARM, 0), NULL);
    test_sigaltstack(NULL, NULL);

    test_sigaltstack(stack(area, 0x1234, sizeof(area)), &old);
    test_sigaltstack(stack(area, (int)K_SS_AUTODISARM | 0x10, sizeof(area)), &old);
    test_sigaltstack(stack(area, 0, 1024), &old);
    test_sigaltstack(stack(area, SS_ONSTACK, 100), NULL);
    test_sigaltstack(BAD_ADDR, &old);
    test_sigaltstack(NULL, BAD_ADDR);
    test_sigaltstack(edge + 1, NULL);
    test_sigaltstack(stack(area, SS_DISABLE, 0), NULL);

    EXPECT_EXITED_0();
    return 0;
}

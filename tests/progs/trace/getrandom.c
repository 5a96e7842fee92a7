/*
 * getrandom.c: getrandom(2).  Covers the bytes read, printed in \xHH form
 * (whatever they are) and cut after -s 24 with "...", a zero length, the
 * GRND_* flags and unknown bits (hex, with the comment "GRND_???" when none
 * is known), the buffer printed as an address when the call fails, a short
 * read at the end of a mapping, and the failures EINVAL and EFAULT.
 *
 * Static glibc's malloc calls getrandom(8 bytes, GRND_NONBLOCK) before main
 * for its tcache key.  The key is found again where free() stores it, in a
 * freed tcache chunk; the test is skipped if that chunk does not look like
 * one (another glibc, or the tcache turned off).
 */
#include "trace-sys.h"

#include <sys/random.h>

static const struct xlat grnd_flags[] = {
    XLAT(GRND_NONBLOCK),
    XLAT(GRND_RANDOM),
    { 0x4, "GRND_INSECURE" },
    XLAT_END,
};

/* The line of the start-up call: the 8 bytes of the tcache key. */
static void expect_startup_getrandom(void) {
#if !(__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    exit(77);
#else
    uintptr_t chunk[2];
    uintptr_t addr;
    void* p = malloc(1000);

    CHECK(p != NULL);
    addr = (uintptr_t)p;
    free(p);
    /* A tcache entry: {next, key}, next mangled as (&next >> 12) ^ NULL
     * when the bin was empty. */
    __asm__ volatile("" : "+r"(addr));
    memcpy(chunk, (const void*)addr, sizeof(chunk));
    if (chunk[0] != addr >> 12)
        exit(77);
    printf("getrandom(%s, 8, GRND_NONBLOCK) = 8\n", shex(&chunk[1], 8, 8));
#endif
}

static long test_getrandom(void* buf, size_t len, unsigned int flags, size_t max) {
    long rc = syscall(SYS_getrandom, buf, len, flags);
    const char* res = sres(rc);

    printf("getrandom(%s, %zu, %s) %s\n", rc >= 0 ? shex(buf, (size_t)rc, max) : sptr(buf), len,
           sflags(grnd_flags, flags, "GRND_???"), res);
    return rc;
}

int main(void) {
    unsigned char buf[64];
    unsigned char* edge = tail_alloc(4);

    expect_startup_getrandom();

    test_getrandom(buf, 8, 0, 24);
    test_getrandom(buf, 24, GRND_NONBLOCK, 24);
    test_getrandom(buf, 25, 0, 24);
    test_getrandom(buf, sizeof(buf), GRND_NONBLOCK | GRND_RANDOM, 24);
    test_getrandom(buf, 0, 0, 24);
    test_getrandom(buf, 4, 0x4, 24);
    test_getrandom(buf, 4, 0x4 | GRND_NONBLOCK, 24);

    /* Invalid flags. */
    test_getrandom(buf, 4, 0x4 | GRND_RANDOM, 24);
    test_getrandom(buf, 4, 0x10, 24);
    test_getrandom(buf, 4, GRND_NONBLOCK | 0x80, 24);
    test_getrandom(buf, 4, 0xffffffff, 24);

    /* Bad buffers, and a short read up to the end of a mapping. */
    test_getrandom(NULL, 4, 0, 24);
    test_getrandom(BAD_ADDR, 4, 0, 24);
    test_getrandom(edge + 4, 4, 0, 24);
    test_getrandom(edge, 4, 0, 24);
    test_getrandom(edge, 8, 0, 24);

    EXPECT_EXITED_0();
    return 0;
}

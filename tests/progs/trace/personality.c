/*
 * personality.c: personality(2), which cannot fail.  Covers the query
 * 0xffffffff (printed in hex, not decoded), personalities printed as the
 * type in the low byte (PER_LINUX, PER_LINUX32, ...; other types in hex
 * with the comment "PER_???") then the flags and unknown high bits, and the
 * previous personality returned, in hex with the same decoding in a comment
 * (plain 0 for PER_LINUX).  The personality is put back at the end; nothing
 * here maps memory or executes a program in between.
 */
#include "trace-sys.h"

static const struct xlat types[] = {
    { 0x00, "PER_LINUX" }, { 0x06, "PER_BSD" },  { 0x08, "PER_LINUX32" }, { 0x0c, "PER_RISCOS" },
    { 0x0f, "PER_OSF4" },  { 0x10, "PER_HPUX" }, { 0xff, "PER_MASK" },    XLAT_END,
};

static const struct xlat flags[] = {
    { 0x0020000, "UNAME26" },
    { 0x0040000, "ADDR_NO_RANDOMIZE" },
    { 0x0080000, "FDPIC_FUNCPTRS" },
    { 0x0100000, "MMAP_PAGE_ZERO" },
    { 0x0200000, "ADDR_COMPAT_LAYOUT" },
    { 0x0400000, "READ_IMPLIES_EXEC" },
    { 0x0800000, "ADDR_LIMIT_32BIT" },
    { 0x1000000, "SHORT_INODE" },
    { 0x2000000, "WHOLE_SECONDS" },
    { 0x4000000, "STICKY_TIMEOUTS" },
    { 0x8000000, "ADDR_LIMIT_3GB" },
    XLAT_END,
};

/* A personality: its type, then its flags and unknown bits. */
static const char* spersona(unsigned int p) {
    const char* out = sxval(types, p & 0xff, "PER_???");
    unsigned int rest = p & ~0xffU;

    if (rest)
        out = xasprintf("%s|%s", out, sflags(flags, rest, NULL));
    return out;
}

static long test_personality(unsigned int p) {
    long rc = syscall(SYS_personality, p);
    const char* arg = p == 0xffffffff ? "0xffffffff" : spersona(p);

    printf("personality(%s) = %#lx (%s)\n", arg, rc, spersona((unsigned int)rc));
    return rc;
}

int main(void) {
    static const unsigned int values[] = {
        0x0,       0x8,       0x6,        0xc,        0xf,        0x10,
        0xff,      0x55,      0x1,        0x40000,    0x40008,    0x800000,
        0x4100001, 0x8020000, 0x10000000, 0x10000055, 0x80400000, 0x7fff00ff,
    };
    long orig = test_personality(0xffffffff);

    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        test_personality(values[i]);
        test_personality(0xffffffff);
    }
    test_personality((unsigned int)orig);
    test_personality(0xffffffff);

    EXPECT_EXITED_0();
    return 0;
}

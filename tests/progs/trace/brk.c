/*
 * brk.c: brk(2), which reports failure by returning the current break.
 * Covers the query (NULL), growing and shrinking the break, an unaligned
 * break (kept as given), and requests that the kernel refuses (below the
 * start of the heap, beyond any limit), all printed in hex with the real
 * addresses.
 *
 * Static glibc calls brk before main: brk(NULL) and one more to allocate
 * the TLS block, then malloc's own brk(NULL) and one or two to get its heap
 * (the second one page-aligns the end).  Their lines are worked out from
 * the start of the heap (/proc/self/stat), the break when main runs and the
 * size of malloc's heap (mallinfo2); the test is skipped when these cannot
 * be known.  Nothing here allocates memory while the break is moved, and no
 * line is formatted with malloc.
 */
#include "trace-sys.h"

#include <malloc.h>

/* Field 47 of /proc/self/stat: the start of the heap. */
static unsigned long start_brk(void) {
    char buf[2048];
    char* p;
    long n;
    int fd = open("/proc/self/stat", O_RDONLY);

    if (fd < 0)
        exit(77);
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        exit(77);
    buf[n] = '\0';
    p = strrchr(buf, ')');
    if (!p)
        exit(77);
    /* The fields after the name start with the third one. */
    for (int field = 2; field < 47; field++) {
        p = strchr(p + 1, ' ');
        if (!p)
            exit(77);
    }
    return strtoul(p + 1, NULL, 10);
}

static unsigned long test_brk(unsigned long addr) {
    long rc = syscall(SYS_brk, addr);

    if (addr)
        printf("brk(%#lx) = %#lx\n", addr, (unsigned long)rc);
    else
        printf("brk(NULL) = %#lx\n", (unsigned long)rc);
    return (unsigned long)rc;
}

int main(void) {
    unsigned long page = (unsigned long)sysconf(_SC_PAGESIZE);
    unsigned long cur = (unsigned long)syscall(SYS_brk, 0);
    unsigned long start = start_brk();
    unsigned long heap = (unsigned long)mallinfo2().arena;
    unsigned long tls_end = cur - heap;
    unsigned long correction = (cur - tls_end) % page;

    if (heap == 0 || tls_end < start || cur % page != 0)
        exit(77);
    printf("brk(NULL) = %#lx\n", start);
    printf("brk(%#lx) = %#lx\n", tls_end, tls_end);
    printf("brk(NULL) = %#lx\n", tls_end);
    printf("brk(%#lx) = %#lx\n", cur - correction, cur - correction);
    if (correction)
        printf("brk(%#lx) = %#lx\n", cur, cur);
    printf("brk(NULL) = %#lx\n", cur);

    test_brk(cur + 4 * page);
    test_brk(0);
    test_brk(cur + page);
    test_brk(cur + page + 1);
    test_brk(cur);
    test_brk(0);
    test_brk(1);
    test_brk(start - page);
    test_brk(0x7ffffffff000UL);
    test_brk((unsigned long)-4096);
    test_brk(cur);

    EXPECT_EXITED_0();
    return 0;
}

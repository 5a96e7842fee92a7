/*
 * shim-proc-mem.c: brk, mmap, munmap and mprotect; arch_prctl,
 * set_tid_address, set_robust_list and rseq (one of the shim-proc
 * programs: shim-proc.h).
 */
#include "shim-proc.h"

/* ---- brk, mmap, munmap, mprotect ---- */

static void section_mmap(void) {
    char *p, *q;
    uintptr_t cur, got;
    int fd;

    cur = (uintptr_t)syscall(SYS_brk, 0);
    got = (uintptr_t)syscall(SYS_brk, cur + 2 * PAGE);
    printf("brk(+8192) moved the break: %s\n", got == cur + 2 * PAGE ? "yes" : "no");
    ((char*)cur)[PAGE] = 1;
    printf("brk(1) leaves it: %s\n", (uintptr_t)syscall(SYS_brk, 1) == got ? "yes" : "no");
    printf("brk(back) moved it back: %s\n",
           (uintptr_t)syscall(SYS_brk, cur) == cur ? "yes" : "no");

    p = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                       -1, 0);
    CHECK(p != MAP_FAILED);
    p[0] = 'x';
    printf("mmap(anonymous): page-aligned %s\n", ((uintptr_t)p & (PAGE - 1)) == 0 ? "yes" : "no");
#define M(what, len, flags, fd, off) \
    T("mmap(" what ")", syscall(SYS_mmap, 0, (len), PROT_READ | PROT_WRITE, (flags), (fd), (off)))
    M("len 0", 0, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    M("offset 1", PAGE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1);
    M("offset 1, len 0", 0, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1);
    M("offset 1, bad fd", PAGE, MAP_PRIVATE, 999, 1);
    M("no type", PAGE, MAP_ANONYMOUS, -1, 0);
    M("no type, len 0", 0, MAP_ANONYMOUS, -1, 0);
    M("type 0xf", PAGE, MAP_ANONYMOUS | 0xf, -1, 0);
    M("MAP_SHARED_VALIDATE", PAGE, MAP_ANONYMOUS | MAP_SHARED_VALIDATE, -1, 0);
    M("no type, huge", 1UL << 50, MAP_ANONYMOUS, -1, 0);
    M("len -1", -1UL, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    M("huge", 1UL << 50, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    M("bad fd", PAGE, MAP_PRIVATE, 999, 0);
    M("bad fd, len 0", 0, MAP_PRIVATE, 999, 0);
    M("bad fd, no type", PAGE, 0, 999, 0);
    M("fd -1, not anonymous", PAGE, MAP_SHARED, -1, 0);
    T("mmap(MAP_FIXED_NOREPLACE over a mapping)",
      syscall(SYS_mmap, p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
              -1, 0));
    T("mmap(MAP_FIXED, no type)",
      syscall(SYS_mmap, p, PAGE, PROT_READ, MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    T("mmap(MAP_FIXED, unaligned address)",
      syscall(SYS_mmap, p + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));
    printf("mmap(MAP_FIXED over it) returns it: %s\n",
           syscall(SYS_mmap, p, PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == (long)p
               ? "yes"
               : "no");
    q = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 4 * PAGE);
    printf("mmap(shared anonymous, offset 16384): %s\n", q != MAP_FAILED ? "ok" : errno_name(errno));
    if (q != MAP_FAILED)
        munmap(q, PAGE);

    fd = open("shim-proc.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK(write(fd, "hello", 5) == 5);
    q = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(q != MAP_FAILED);
    printf("mmap(a file): '%.5s'\n", q);
    munmap(q, PAGE);
    M("a file, len 0", 0, MAP_PRIVATE, fd, 0);
    M("a file, no type", PAGE, 0, fd, 0);
    M("a file, offset 1", PAGE, MAP_PRIVATE, fd, 1);
    close(fd);
    unlink("shim-proc.data");
#undef M

    T("munmap(unaligned)", syscall(SYS_munmap, p + 1, PAGE));
    T("munmap(len 0)", syscall(SYS_munmap, p, 0));
    T("munmap(1 << 63)", syscall(SYS_munmap, 1UL << 63, PAGE));
    T("munmap(len 1 << 60)", syscall(SYS_munmap, p, 1UL << 60));
    T("munmap(end of user space)", syscall(SYS_munmap, (1UL << 47) - PAGE, 2 * PAGE));

    T("mprotect(unaligned)", syscall(SYS_mprotect, p + 1, PAGE, PROT_READ));
    T("mprotect(len 0)", syscall(SYS_mprotect, p, 0, PROT_READ));
    T("mprotect(len 0, bad prot)", syscall(SYS_mprotect, p, 0, 0x10));
    T("mprotect(len 0, unaligned)", syscall(SYS_mprotect, p + 1, 0, PROT_READ));
    T("mprotect(PROT_GROWSDOWN|PROT_GROWSUP, len 0)",
      syscall(SYS_mprotect, p, 0, PROT_GROWSDOWN | PROT_GROWSUP));
    T("mprotect(bad prot)", syscall(SYS_mprotect, p, PAGE, 0x10));
    T("mprotect(prot beyond 32 bits)", syscall(SYS_mprotect, p, PAGE, PROT_READ | 1UL << 40));
    T("mprotect(len -1)", syscall(SYS_mprotect, p, -1UL, PROT_READ));
    T("mprotect(len -1, bad prot)", syscall(SYS_mprotect, p, -1UL, 0x10));
    /* a hole, made just before */
    q = (char*)syscall(SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(q != MAP_FAILED && munmap(q, PAGE) == 0);
    T("mprotect(nothing mapped)", syscall(SYS_mprotect, q, PAGE, PROT_READ));
    T("munmap(nothing mapped)", syscall(SYS_munmap, q, PAGE));
    T("mprotect(PROT_SEM)", syscall(SYS_mprotect, p, PAGE, PROT_READ | PROT_WRITE | PROT_SEM));
    T("mprotect(PROT_READ)", syscall(SYS_mprotect, p, PAGE, PROT_READ));
    printf("  still readable: %d\n", p[0]);
    T("munmap", syscall(SYS_munmap, p, PAGE));
    T("munmap(again)", syscall(SYS_munmap, p, PAGE));
}

/* ---- arch_prctl, set_tid_address, set_robust_list, rseq ---- */

static void section_tls(void) {
    static const int unknown[] = {0,      0x1000, 0x1005, 0x1010, 0x1013, 0x1020, 0x1026,
                                  0x2000, 0x2004, 0x3001, 0x4000, 0x4005, 0x5000, 0x5006,
                                  0x6001, -1};
    unsigned long fs = 0;
    static int tid_word;
    void* head;
    size_t len;
    char what[64];
    void* area;

    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        snprintf(what, sizeof(what), "arch_prctl(%#x)", unknown[i]);
        T(what, syscall(SYS_arch_prctl, unknown[i], 0));
    }
    T("arch_prctl(ARCH_GET_FS)", syscall(SYS_arch_prctl, 0x1003, &fs));
    printf("  the FS base is the thread pointer: %s\n",
           fs == (unsigned long)pthread_self() ? "yes" : "no");
    T("arch_prctl(ARCH_GET_FS, bad address)", syscall(SYS_arch_prctl, 0x1003, BAD));
    T("arch_prctl(ARCH_GET_CPUID)", syscall(SYS_arch_prctl, 0x1011, 0));
    T("arch_prctl(ARCH_SET_FS, kernel address)", syscall(SYS_arch_prctl, 0x1002, -PAGE));

    printf("set_tid_address returns the tid: %s\n",
           syscall(SYS_set_tid_address, &tid_word) == gettid() ? "yes" : "no");

    T("set_robust_list(len 0)", syscall(SYS_set_robust_list, NULL, 0));
    T("set_robust_list(len 23)", syscall(SYS_set_robust_list, NULL, 23));
    T("set_robust_list(len 25)", syscall(SYS_set_robust_list, NULL, 25));
    T("get_robust_list", syscall(SYS_get_robust_list, 0, &head, &len));
    T("set_robust_list(bad head)", syscall(SYS_set_robust_list, BAD, len));
    T("set_robust_list(libc's head again)", syscall(SYS_set_robust_list, head, len));

    area = (char*)pthread_self() + __rseq_offset;
    printf("rseq registered by libc: %s\n", __rseq_size ? "yes" : "no");
    T("rseq(flags 2)", syscall(SYS_rseq, area, 32, 2, RSEQ_SIG));
    T("rseq(flags 3)", syscall(SYS_rseq, area, 32, 3, RSEQ_SIG));
    T("rseq(unregister, another area)", syscall(SYS_rseq, BAD, 32, 1, RSEQ_SIG));
    T("rseq(unaligned)", syscall(SYS_rseq, (char*)area + 4, 32, 0, RSEQ_SIG));
    T("rseq(len 31)", syscall(SYS_rseq, area, 31, 0, RSEQ_SIG));
    T("rseq(len 16, flags 2)", syscall(SYS_rseq, area, 16, 2, RSEQ_SIG));
    T("rseq(len beyond 32 bits)", syscall(SYS_rseq, area, 1UL << 32 | 31, 0, RSEQ_SIG));
    T("rseq(libc's area, len 32, another signature)",
      syscall(SYS_rseq, area, 32, 0, RSEQ_SIG + 1));
    T("rseq(libc's area again)", syscall(SYS_rseq, area, 32, 0, RSEQ_SIG));
    T("rseq(libc's area, flags beyond 32 bits)",
      syscall(SYS_rseq, area, 32, 1UL << 32, RSEQ_SIG));
    T("rseq(libc's area, len 64)", syscall(SYS_rseq, area, 64, 0, RSEQ_SIG));
}

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    shim_proc_setup();
    section("mmap");
    section_mmap();
    section("tls");
    section_tls();
    return 0;
}

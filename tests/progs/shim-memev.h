/*
 * shim-memev.h: what the programs of the memory, waiting and events, and
 * scheduling calls share (shim-mem-*.c, shim-ev-*.c, shim-sched-*.c).
 * Each makes its calls raw, so that libc neither checks nor hides
 * anything, in their valid forms and with each error the kernel checks,
 * and prints what it saw, deterministically (relations instead of
 * addresses, descriptors and times), so that its native run and its run
 * under ptshim compare byte for byte (tests/integration/shim-memev.test).
 */
#ifndef SHIM_MEMEV_H
#define SHIM_MEMEV_H

#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests.h"

#define BAD ((void*)1)
#define PAGE 4096UL

/* Make CALL, a raw system call, and print what it returned. */
#define T(what, call)         \
    do {                      \
        long r_;              \
        errno = 0;            \
        r_ = (long)(call);    \
        print_rc((what), r_); \
    } while (0)

/* Make CALL and print only whether it succeeded, or its errno (for
 * results that differ from run to run: descriptors, addresses). */
#define OK(what, call)                                               \
    do {                                                             \
        long r_;                                                     \
        errno = 0;                                                   \
        r_ = (long)(call);                                           \
        if (r_ < 0)                                                  \
            printf("%s = -1 %s\n", (what), errno_name(errno));       \
        else                                                         \
            printf("%s: ok\n", (what));                              \
    } while (0)

static inline void section(const char* name) {
    printf("== %s\n", name);
}

/* N fresh pages, readable and writable. */
static inline char* pages(size_t n) {
    char* p = mmap(NULL, n * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    CHECK(p != MAP_FAILED);
    return p;
}

/* An address with nothing mapped: a page mapped and unmapped again. */
static inline char* hole(void) {
    char* p = pages(1);

    CHECK(munmap(p, PAGE) == 0);
    return p;
}

static inline void setup_stdout(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
}

#endif /* SHIM_MEMEV_H */

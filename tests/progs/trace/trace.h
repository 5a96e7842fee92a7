/*
 * trace.h: what the trace-expectation programs share (after strace's
 * tests/tests.h).  Each program makes system calls directly and prints, on
 * stdout, the trace line it expects from each real result; the test diffs
 * that against the trace ptshim writes (tests/integration/trace-progs.test).
 */
#ifndef TRACE_H
#define TRACE_H

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../tests.h"

/* "= RC" as the trace prints a result: "= 3", or "= -1 ENOENT (No such
 * file or directory)" when RC is -1 and errno says why. */
static inline const char* sprintrc(long rc) {
    static char buf[256];

    if (rc == -1)
        snprintf(buf, sizeof(buf), "= -1 %s (%s)", strerrorname_np(errno), strerror(errno));
    else
        snprintf(buf, sizeof(buf), "= %ld", rc);
    return buf;
}

/* SIZE bytes that end exactly where an unmapped page begins, so that one
 * byte more is a fault (EFAULT for a system call). */
static inline void* tail_alloc(size_t size) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t len = (size + page - 1) / page * page;
    char* p = mmap(NULL, len + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    CHECK(p != MAP_FAILED);
    CHECK(munmap(p + len, page) == 0);
    return p + len - size;
}

/* An address that is certainly not mapped in this process. */
#define BAD_ADDR ((void*)(uintptr_t)0xffffffffff5ff000ULL)

/* The last line of every expected trace. */
#define EXPECT_EXITED_0() (puts("+++ exited with 0 +++"), fflush(stdout))

#endif /* TRACE_H */

/*
 * trace-sys.h: helpers shared by the trace-expectation programs of the
 * process, signal, memory, time and socket system calls (listed in
 * sys.list), on top of trace-fs.h's: buffers in hex, resource usage,
 * siginfo, socket addresses, and the lines of the calls that static
 * glibc makes before main when a program traces one of them.
 *
 * Include it first, like trace-fs.h.
 */
#ifndef TRACE_SYS_H
#define TRACE_SYS_H

#include "trace-fs.h"

#include <sys/resource.h>

/* LEN bytes of BUF as strace prints a binary buffer (getrandom's): every
 * byte as \xHH, with -s MAX truncation and "...". */
static inline const char* shex(const void* buf, size_t len, size_t max) {
    const unsigned char* s = buf;
    size_t n = len < max ? len : max;
    char* out = malloc(n * 4 + 6);
    char* o = out;

    CHECK(out != NULL);
    *o++ = '"';
    for (size_t i = 0; i < n; i++)
        o += sprintf(o, "\\x%02x", s[i]);
    *o++ = '"';
    *o = '\0';
    return len > max ? xasprintf("%s...", out) : out;
}

/* struct rusage as strace prints it without -v: the two times, then "...". */
static inline const char* srusage(const struct rusage* ru) {
    return xasprintf("{ru_utime=%s, ru_stime=%s, ...}", stimeval(&ru->ru_utime),
                     stimeval(&ru->ru_stime));
}

#endif /* TRACE_SYS_H */

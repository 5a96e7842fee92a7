/*
 * pal_log.c: diagnostics on stderr, "ptshim: " first.
 *
 * One write(2) per message, so lines from the front process and the tracer
 * never interleave inside a line.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pal.h"

int g_pal_log_level = PAL_LOG_ERROR;

void DkLogV(int level, const char* file, int line, const char* func, const char* fmt,
            va_list ap) {
    char buf[1024];
    int saved_errno = errno;
    int n;

    if (g_pal_log_level >= PAL_LOG_DEBUG)
        n = snprintf(buf, sizeof(buf), "ptshim: %s:%d:%s: ", file, line, func);
    else
        n = snprintf(buf, sizeof(buf), "ptshim: ");
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof(buf)) {
        int m = vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
        if (m > 0)
            n += m;
    }
    if ((size_t)n >= sizeof(buf) - 1) {
        n = sizeof(buf) - 1;
        buf[n - 1] = '.'; /* mark the cut */
    }
    buf[n++] = '\n';
    while (write(STDERR_FILENO, buf, n) < 0 && errno == EINTR)
        ;
    errno = saved_errno;
    (void)level;
}

void DkLog(int level, const char* file, int line, const char* func, const char* fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    DkLogV(level, file, line, func, fmt, ap);
    va_end(ap);
}

/*
 * die.c: ptshim's own fatal errors (die.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>

#include "die.h"
#include "options.h"

void die_at(const char* file, int line, const char* func, const char* fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    DkLogV(PAL_LOG_ERROR, file, line, func, fmt, ap);
    va_end(ap);
    exit(EXIT_PTSHIM_FAILURE);
}

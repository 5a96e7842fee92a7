/*
 * pal_log.h: log_error/log_warning/log_debug/log_trace for every layer.
 *
 * The level is tested before the arguments are evaluated, so a disabled
 * message costs one branch on the per-syscall path.
 */
#ifndef PAL_LOG_H
#define PAL_LOG_H

#include "pal.h"

/* the source file's name without the build's path to it */
#ifdef __FILE_NAME__
#define PAL_LOG_FILE __FILE_NAME__
#else
#define PAL_LOG_FILE __FILE__
#endif

#define PAL_LOG_AT(level, ...)                                              \
    do {                                                                    \
        if (__builtin_expect(g_pal_log_level >= (level), 0))                \
            DkLog((level), PAL_LOG_FILE, __LINE__, __func__, __VA_ARGS__);  \
    } while (0)

#define log_error(...)   PAL_LOG_AT(PAL_LOG_ERROR, __VA_ARGS__)
#define log_warning(...) PAL_LOG_AT(PAL_LOG_WARNING, __VA_ARGS__)
#define log_debug(...)   PAL_LOG_AT(PAL_LOG_DEBUG, __VA_ARGS__)
#define log_trace(...)   PAL_LOG_AT(PAL_LOG_TRACE, __VA_ARGS__)

#endif /* PAL_LOG_H */

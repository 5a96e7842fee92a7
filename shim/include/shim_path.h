/*
 * shim_path.h: path names read from the program as the kernel reads them
 * (fs/namei.c getname_flags(), getname_maybe_null()): at most PATH_MAX
 * bytes with the NUL, EFAULT when a byte before the NUL cannot be read,
 * ENAMETOOLONG when PATH_MAX bytes hold no NUL, ENOENT for an empty name
 * unless the call allows it.
 *
 * The path-based calls copy their names in the kernel's order before
 * running the call on the host, which resolves them relative to the
 * thread's own cwd and root.
 */
#ifndef SHIM_PATH_H
#define SHIM_PATH_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>

#include "shim_internal.h"

/* Read the name at USER into BUF (PATH_MAX bytes): its length, or
 * -EFAULT, -ENAMETOOLONG, or -ENOENT when it is empty and not EMPTY_OK
 * (getname() and, for AT_EMPTY_PATH, getname_flags(LOOKUP_EMPTY)). */
static inline long shim_getname(uptr user, char* buf, bool empty_ok) {
    long n = copy_str_from_user(buf, user, PATH_MAX);

    if (n == 0 && !empty_ok)
        return -ENOENT;
    return n;
}

/* The name of a call that takes AT_EMPTY_PATH to mean "DFD itself"
 * (newfstatat, statx): 0 when the name is NULL or empty with AT_EMPTY_PATH
 * (the kernel's NULL name), else as shim_getname().  The kernel reads the
 * first byte alone first; copy_str_from_user() fails on it exactly when
 * that read would, so the answers agree. */
static inline long shim_getname_maybe_null(uptr user, char* buf, unsigned int flags) {
    if (!(flags & AT_EMPTY_PATH))
        return shim_getname(user, buf, false);
    if (!user) {
        buf[0] = '\0';
        return 0;
    }
    return shim_getname(user, buf, true);
}

#endif /* SHIM_PATH_H */

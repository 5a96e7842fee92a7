/*
 * shim_view.h: the file-system view (-r, -b, -R): a guest root and binds,
 * the shim's mount table, in which every path the program gives is
 * resolved the kernel's way (fs/namei.c) before the host sees the host
 * path it names.
 */
#ifndef SHIM_VIEW_H
#define SHIM_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "pal.h"

/* A bind: the host file or directory HOST (an absolute path without
 * symbolic links, "." or "..") seen at GUEST (absolute, normalized). */
struct shim_bind {
    const char* host;
    const char* guest;
};

/* Set the view up: ROOT (a host directory, absolute and without symbolic
 * links; "/" with binds alone) and the NBINDS BINDS, a later bind of the
 * same guest path hiding an earlier one.  Once, before the program starts;
 * the strings are copied.  0 or -ENOMEM. */
PAL_NODISCARD int shim_view_init(const char* root, const struct shim_bind* binds, int nbinds);

/* Whether a view is set: the one flag the dispatcher tests per call. */
extern bool g_shim_view;

/* How the last component of a path is looked up. */
enum shim_view_how {
    SHIM_VIEW_FOLLOW,   /* a symbolic link there is followed */
    SHIM_VIEW_NOFOLLOW, /* not followed (unless the path ends in a slash) */
    SHIM_VIEW_PARENT,   /* not looked up: the host makes or removes it in
                           its parent directory, which is looked up */
};

/* What a path named, beyond its host path. */
enum shim_view_at {
    SHIM_VIEW_AT_FILE,  /* an ordinary name */
    SHIM_VIEW_AT_ROOT,  /* SHIM_VIEW_PARENT: the guest root itself */
    SHIM_VIEW_AT_MOUNT, /* SHIM_VIEW_PARENT: a bind's mount point */
};

/* Resolve PATH (a guest path) in the view, relative to the guest
 * directory START when it is relative (absolute and normalized; NULL:
 * the root), into the host path HOST (SIZE bytes, NUL-terminated).  The
 * kernel's order of errors: ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG, EACCES
 * for the components, as the host answers for each.  0 or -errno; *AT
 * (if not NULL) says what PATH named. */
PAL_NODISCARD long shim_view_resolve(const char* start, const char* path, enum shim_view_how how,
                                     char* host, size_t size, enum shim_view_at* at);

/* The guest path of the host path HOST into GUEST (SIZE bytes): its
 * length, -ENOENT when HOST is outside the view, -ENAMETOOLONG. */
PAL_NODISCARD long shim_view_guest_path(const char* host, char* guest, size_t size);

/* How the view treats a system call (from syscalls.tbl: every row with a
 * path or dirfd argument is one of the last two). */
enum shim_view_kind {
    SHIM_VIEW_UNTOUCHED,  /* no path in it */
    SHIM_VIEW_TRANSLATED, /* its paths are resolved, the host gets host paths */
    SHIM_VIEW_REFUSED,    /* fails closed: ENOSYS, reported once */
};
enum shim_view_kind shim_view_kind(PAL_NUM sysno);

/* SHIM_VIEW_TRANSLATED: the arguments it translates, bit N for argument N
 * (what the consistency test holds against the table's paths). */
unsigned int shim_view_path_mask(PAL_NUM sysno);

#endif /* SHIM_VIEW_H */

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
#include <sys/types.h>

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

/* A script's "#!" line as the kernel reads it (fs/binfmt_script.c): the
 * bytes it looks at, the interpreters it follows (a script whose
 * interpreter is a script...), and what each line gives. */
#define SHIM_VIEW_LINE      256
#define SHIM_VIEW_MAX_DEPTH 4
struct shim_view_level {
    char name[SHIM_VIEW_LINE]; /* the interpreter, as the line names it */
    char arg[SHIM_VIEW_LINE];  /* its optional argument, if HAS_ARG */
    bool has_arg;
};

/* Who executes: whether it may execute a file (1, 0, or -1: unknown, the
 * host then decides), its current directory in the view, its /proc/self. */
struct stat;
struct shim_view_script_ops {
    int (*may_exec)(void* ctx, const struct stat* st);
    long (*start)(void* ctx, char* guest, bool* outside);
    pid_t pid, tid;
};

/* The interpreters of the file at the host path HOST, found in the view,
 * into LEVELS, the last one's host path into LAST (SIZE bytes): how many
 * (0: HOST is not a script; the host then answers for it), or -errno
 * (-EACCES: a script that may not be executed; a lookup's error). */
PAL_NODISCARD long shim_view_script(const char* host, struct shim_view_level* levels,
                                    const struct shim_view_script_ops* ops, void* ctx,
                                    char* last, size_t size);

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

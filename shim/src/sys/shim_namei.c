/*
 * shim_namei.c
 *
 * Implementation of system calls "mkdir", "mkdirat", "rmdir", "unlink",
 * "unlinkat", "rename", "renameat", "renameat2", "symlink", "symlinkat",
 * "link" and "linkat".
 *
 * The shim checks the flags and reads the names as the kernel does
 * (fs/namei.c), in its order; the host then runs the call, resolving the
 * names relative to the thread's own cwd and root or to the directory fds
 * (which the host judges: EBADF, ENOTDIR), and answers ENOENT, EEXIST,
 * ENOTEMPTY, EACCES... as it would natively.
 *
 * Where the kernel looks up the first name before it looks at the second
 * one's error (rename and link: filename_parentat() or filename_lookup()
 * of the old name, then the new name), only the host can say which error
 * comes first: a bad second name is then left to the host's run of the
 * call, which answers exactly as the kernel does.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"

/* The program's call on the host: its result when the shim needs it
 * (WAIT), else passed on unseen. */
static long run(bool wait) {
    return wait ? shim_host_call_self() : shim_pass_to_host();
}

/* mkdir, rmdir, unlink: getname(), then the host's lookup */
static long one_name(uptr pathname, bool wait) {
    char name[PATH_MAX];
    long n = shim_getname(pathname, name, false);

    if (n < 0)
        return n;
    return run(wait);
}

long shim_do_mkdir(uptr pathname, mode_t mode) {
    (void)mode;
    return one_name(pathname, false);
}

long shim_do_mkdirat(int dfd, uptr pathname, mode_t mode) {
    (void)dfd;
    (void)mode;
    return one_name(pathname, false);
}

/* a name gone: the descriptors' names (-y) may now be "(deleted)" */
static long removed(long ret) {
    if (ret == 0)
        shim_names_changed();
    return ret;
}

long shim_do_rmdir(uptr pathname) {
    return removed(one_name(pathname, true));
}

long shim_do_unlink(uptr pathname) {
    return removed(one_name(pathname, true));
}

long shim_do_unlinkat(int dfd, uptr pathname, unsigned int flag) {
    (void)dfd;
    if (flag & ~AT_REMOVEDIR)
        return -EINVAL;
    return removed(one_name(pathname, true));
}

/* Names whose errors come before any lookup: both of symlink's (the
 * link's content, then its name: do_symlinkat() fails on either before
 * filename_create() looks anything up). */
static long two_names(uptr oldname, uptr newname) {
    char from[PATH_MAX], to[PATH_MAX];
    long n = shim_getname(oldname, from, false);

    if (n < 0)
        return n;
    n = shim_getname(newname, to, false);
    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_symlink(uptr oldname, uptr newname) {
    return two_names(oldname, newname);
}

long shim_do_symlinkat(uptr oldname, int newdfd, uptr newname) {
    (void)newdfd;
    return two_names(oldname, newname);
}

/* rename and link: the old name's error comes before any lookup, the new
 * name's only after the old name's lookup (see above). */
static long old_then_new(uptr oldname, uptr newname, bool wait) {
    char from[PATH_MAX];
    long n = shim_getname(oldname, from, false);

    (void)newname; /* its errors are the host's, after the old name's lookup */
    if (n < 0)
        return n;
    return run(wait);
}

#define RENAME_FLAGS (RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)

long shim_do_renameat2(int olddfd, uptr oldname, int newdfd, uptr newname, unsigned int flags) {
    (void)olddfd;
    (void)newdfd;
    if (flags & ~RENAME_FLAGS)
        return -EINVAL;
    /* an exchange neither keeps the target nor leaves a whiteout */
    if ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) && (flags & RENAME_EXCHANGE))
        return -EINVAL;
    /* a renamed name: the descriptors' names (-y) may be stale */
    return removed(old_then_new(oldname, newname, true));
}

long shim_do_renameat(int olddfd, uptr oldname, int newdfd, uptr newname) {
    return shim_do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

long shim_do_rename(uptr oldname, uptr newname) {
    return shim_do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

long shim_do_linkat(int olddfd, uptr oldname, int newdfd, uptr newname, unsigned int flags) {
    (void)olddfd;
    (void)newdfd;
    if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    /* AT_EMPTY_PATH: the kernel next asks for CAP_DAC_READ_SEARCH (ENOENT
     * without it) before it looks at either name; the credentials are the
     * host's to judge */
    if (flags & AT_EMPTY_PATH)
        return shim_pass_to_host();
    return old_then_new(oldname, newname, false);
}

long shim_do_link(uptr oldname, uptr newname) {
    return shim_do_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

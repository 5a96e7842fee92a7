/*
 * shim_getcwd.c
 *
 * Implementation of system calls "getcwd", "chdir", "fchdir" and
 * "chroot".
 *
 * The host keeps each thread's current directory (it resolves relative
 * paths there); getcwd is answered in the tracer from the host's name of
 * it, without a stop's host call, unless that name is ambiguous.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <string.h>

#include "shim_handle.h"
#include "shim_identity.h"
#include "shim_path.h"
#include "shim_table.h"
#include "shim_thread.h"

#define DELETED_SUFFIX " (deleted)"

long shim_do_getcwd(uptr buf, unsigned long size) {
    char cwd[PATH_MAX + 1];
    size_t sl = sizeof(DELETED_SUFFIX) - 1;
    long n;

    /* the host answers when its name does not tell: a thread that may be
     * in another mount namespace (the tracer names the directory from
     * its own, where it may be reachable when it is not from the
     * thread's root), a directory too deep for the name (ENAMETOOLONG,
     * or ENOENT if it was removed), a thread whose root is not the
     * tracer's (chroot), a name ending in the mark the host adds to a
     * removed directory (or a directory named so) */
    if (shim_thread_mnt_ns_foreign(shim_cur_thread()))
        return shim_pass_to_host();
    n = DkThreadGetCwd(shim_cur_thread()->pal, cwd, sizeof(cwd) - 1);
    if (n < 0)
        return shim_pass_to_host();
    cwd[n] = '\0';
    if ((size_t)n >= sl && !strcmp(cwd + n - sl, DELETED_SUFFIX))
        return shim_pass_to_host();
    if ((unsigned long)n + 1 > size)
        return -ERANGE;
    if (copy_to_user(buf, cwd, (size_t)n + 1) < 0)
        return -EFAULT;
    return n + 1;
}

long shim_do_chdir(uptr filename) {
    char path[PATH_MAX];
    long n = shim_getname(filename, path, false);

    if (n < 0)
        return n;
    return shim_pass_to_host();
}

long shim_do_fchdir(unsigned int fd) {
    if (shim_fd_get(fd, NULL) < 0)
        return -EBADF;
    return shim_pass_to_host();
}

/* The name, then the host: the lookup, the permission to search the
 * directory, then CAP_SYS_CHROOT (EPERM).  The root is the host's, which
 * getcwd above asks about. */
long shim_do_chroot(uptr filename) {
    char path[PATH_MAX];
    long n = shim_getname(filename, path, false);

    if (n < 0)
        return n;
    return shim_pass_to_host();
}

/*
 * shim_exec.c
 *
 * Implementation of system calls "execve" and "execveat", and the
 * bookkeeping of a completed execve.
 *
 * The path is read and checked as the kernel's getname() does, then the
 * flags (the kernel opens the file before it reads argv and envp, since
 * Linux 6.8); the program's own call then runs on the host, which loads
 * the new image.  When the PAL reports the execve completed
 * (shim_on_exec), shim_exec_completed() brings the process's bookkeeping
 * to what the kernel's begin_new_exec() leaves.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>

#include "shim_signal.h"
#include "shim_table.h"
#include "shim_thread.h"

/* getname(): a path of PATH_MAX bytes or more is ENAMETOOLONG, an empty
 * one ENOENT unless EMPTY_OK. */
static int check_path(uptr filename, bool empty_ok) {
    char path[PATH_MAX];
    long len = copy_str_from_user(path, filename, sizeof(path));

    if (len < 0)
        return (int)len;
    if (len == 0 && !empty_ok)
        return -ENOENT;
    return 0;
}

long shim_do_execve(uptr filename, uptr argv, uptr envp) {
    int ret = check_path(filename, false);

    if (ret < 0)
        return ret;
    return shim_pass_to_host();
}

long shim_do_execveat(int fd, uptr filename, uptr argv, uptr envp, int flags) {
    int ret = check_path(filename, flags & AT_EMPTY_PATH);

    if (ret < 0)
        return ret;
    /* do_open_execat() */
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return shim_pass_to_host();
}

void shim_exec_completed(struct shim_thread* t) {
    struct shim_process* proc = t->proc;

    /* handlers reset to SIG_DFL; no longer shared with another process */
    shim_sighand_exec(proc);
    /* the descriptor table (close-on-exec) and the credentials are
     * brought up to date beside this, in shim_on_exec() */
}

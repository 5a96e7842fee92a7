/*
 * shim_unshare.c
 *
 * Implementation of system calls "unshare" and "setns", as far as the
 * identity the shim keeps goes (bookkeep/shim_identity.c).
 *
 * Both run on the host, in the calling thread.  After one that succeeded,
 * the shim forgets which namespaces the thread is in, and its credentials
 * after one that may have entered a user namespace (IDs named anew), and
 * marks its fs state as in another mount namespace after one that may
 * have entered a mount namespace (getcwd is then the host's);
 * unshare(CLONE_FS), which CLONE_NEWNS and CLONE_NEWUSER imply, gives the
 * thread its own fs state, and unshare(CLONE_FILES) its own descriptor
 * table.
 */
#include "config.h"

#include <errno.h>
#include <linux/sched.h>

#include "shim_handle.h"
#include "shim_identity.h"
#include "shim_table.h"
#include "shim_thread.h"

long shim_do_unshare(unsigned long unshare_flags) {
    struct shim_thread* self = shim_cur_thread();
    struct shim_fd_table* own = NULL;
    long ret;

    if (unshare_flags & CLONE_FILES) {
        ret = shim_fd_table_unshare_begin(self, &own);
        if (ret < 0)
            return ret;
    }
    ret = shim_host_call_self();
    shim_fd_table_unshare_end(self, own, ret == 0);
    if (ret != 0)
        return ret;
    shim_thread_ns_changed(self);
    if (unshare_flags & CLONE_NEWUSER)
        shim_thread_cred_changed(self);
    if (unshare_flags & (CLONE_FS | CLONE_NEWNS | CLONE_NEWUSER))
        shim_thread_unshare_fs(self);
    if (unshare_flags & CLONE_NEWNS)
        shim_thread_mnt_ns_changed(self);
    return 0;
}

long shim_do_setns(int fd, int flags) {
    struct shim_thread* self = shim_cur_thread();
    long ret = shim_host_call_self();

    if (ret == 0) {
        shim_thread_ns_changed(self);
        shim_thread_cred_changed(self);
        /* FLAGS 0 takes any namespace the descriptor names */
        if (flags == 0 || (flags & CLONE_NEWNS))
            shim_thread_mnt_ns_changed(self);
    }
    return ret;
}

/*
 * shim_umask.c
 *
 * Implementation of system call "umask".
 *
 * The umask belongs to the fs state the shim keeps (shared by CLONE_FS,
 * bookkeep/shim_identity.c), read from the host when first needed.  The
 * shim answers with its value and applies the new mask on the host too,
 * where the kernel uses it whenever the program creates a file: the
 * program's call runs in its thread, and both agree.
 */
#include "config.h"

#include <errno.h>

#include "pal_log.h"
#include "shim_identity.h"
#include "shim_table.h"
#include "shim_thread.h"

long shim_do_umask(int mask) {
    struct shim_thread* self = shim_cur_thread();
    int old = shim_thread_umask(self);
    struct shim_fs* fs;
    long ret;

    ret = shim_host_call_self();
    if (ret < 0)
        return ret; /* abandoned (it runs again) or the thread is gone */
    fs = shim_thread_fs(self);
    if (!fs)
        return ret;
    if (old != SHIM_UNKNOWN && old != ret) {
        /* only threads sharing the fs state and racing to change it get
         * here: the host's order is the truth */
        log_debug("thread %d: umask: the host had %#lo, the shim %#o", self->tid,
                  (unsigned long)ret, old);
        old = (int)ret;
    }
    fs->umask = mask & 0777;
    return old == SHIM_UNKNOWN ? ret : old;
}

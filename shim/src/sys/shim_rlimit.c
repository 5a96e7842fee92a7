/*
 * shim_rlimit.c
 *
 * Implementation of system calls "getrlimit", "prlimit64" and "getrusage".
 *
 * The host owns the limits: the kernel enforces them.  A call that only
 * reads the calling process's limits is answered by the tracer, which
 * reads them on the host itself (DkProcessGetLimit); a call that sets a
 * limit, or reads another process's, runs on the host in the calling
 * thread, where the kernel checks its permissions.
 */
#include "config.h"

#include <errno.h>
#include <sys/resource.h>

#include "shim_identity.h"
#include "shim_table.h"
#include "shim_thread.h"

/* the kernel's struct rlimit and struct rlimit64, alike on x86-64 */
struct shim_rlimit {
    uint64_t cur, max;
};

/* Whether the kernel lets SELF read the limits of T, another thread of its
 * process, as it lets any task whose IDs match (check_prlimit_permission);
 * when they do not, the host decides (capabilities). */
static bool ids_match(struct shim_thread* self, struct shim_thread* t) {
    const struct shim_cred* c = shim_thread_cred(self);
    const struct shim_cred* tc = shim_thread_cred(t);

    return c && tc && c->uid == tc->uid && c->uid == tc->euid && c->uid == tc->suid &&
           c->gid == tc->gid && c->gid == tc->egid && c->gid == tc->sgid;
}

long shim_do_getrlimit(unsigned int resource, uptr rlim) {
    struct shim_rlimit r;

    if (resource >= RLIM_NLIMITS)
        return -EINVAL;
    if (DkProcessGetLimit(shim_cur_thread()->pal, resource, &r.cur, &r.max) < 0)
        return shim_pass_to_host();
    return copy_to_user(rlim, &r, sizeof(r));
}

long shim_do_prlimit64(pid_t pid, unsigned int resource, uptr new_rlim, uptr old_rlim) {
    struct shim_thread* self = shim_cur_thread();
    struct shim_thread* t;
    struct shim_rlimit r;

    if (new_rlim)
        return shim_pass_to_host();
    /* the shim knows threads by the host's IDs, not by a PID namespace's */
    if (pid != 0 && shim_thread_ns_foreign(self, PAL_NS_PID))
        return shim_pass_to_host();
    /* the kernel's order: the task (ESRCH), the permission, the resource */
    t = pid == 0 ? self : shim_thread_lookup(pid);
    if (!t || t->proc != self->proc || (t != self && !ids_match(self, t)))
        return shim_pass_to_host();
    if (resource >= RLIM_NLIMITS)
        return -EINVAL;
    if (!old_rlim)
        return 0;
    if (DkProcessGetLimit(self->pal, resource, &r.cur, &r.max) < 0)
        return shim_pass_to_host();
    return copy_to_user(old_rlim, &r, sizeof(r));
}

/* The host counts the usage: the shim checks WHO, the kernel's first
 * check, and the host fills in the struct (or EFAULT). */
long shim_do_getrusage(int who, uptr ru) {
    (void)ru;
    if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
        return -EINVAL;
    return shim_pass_to_host();
}

/*
 * shim_getuid.c
 *
 * Implementation of system calls "getuid", "geteuid", "getgid",
 * "getegid", "getresuid", "getresgid", "getgroups", "setuid", "setgid",
 * "setreuid", "setregid", "setresuid", "setresgid", "setfsuid",
 * "setfsgid" and "setgroups".
 *
 * The get calls answer from the calling thread's credentials as the shim
 * keeps them (bookkeep/shim_identity.c), without a host call; when the
 * shim has none (another user namespace, or the host would not say), the
 * program's call runs on the host as made.  The set
 * calls run on the host, inside the calling thread (the kernel checks
 * the permissions and owns the credentials), and the shim reads the
 * thread's credentials again after one that may have changed them.
 * Credentials are per thread: glibc's setuid() makes each thread call
 * setuid itself, and each such call updates that thread alone.
 *
 * A thread in a user namespace other than ptshim's names IDs its own way:
 * the host answers its calls.
 */
#include "config.h"

#include <errno.h>

#include "shim_identity.h"
#include "shim_table.h"
#include "shim_thread.h"

long shim_do_getuid(void) {
    const struct shim_cred* c = shim_thread_cred(shim_cur_thread());

    return c ? (long)c->uid : shim_pass_to_host();
}

long shim_do_geteuid(void) {
    const struct shim_cred* c = shim_thread_cred(shim_cur_thread());

    return c ? (long)c->euid : shim_pass_to_host();
}

long shim_do_getgid(void) {
    const struct shim_cred* c = shim_thread_cred(shim_cur_thread());

    return c ? (long)c->gid : shim_pass_to_host();
}

long shim_do_getegid(void) {
    const struct shim_cred* c = shim_thread_cred(shim_cur_thread());

    return c ? (long)c->egid : shim_pass_to_host();
}

/* put_user() of the three IDs in the kernel's order: the first fault
 * ends it, the IDs before it are written */
static long put_ids(uptr rp, uptr ep, uptr sp, unsigned int r, unsigned int e, unsigned int s) {
    if (copy_to_user(rp, &r, sizeof(r)) < 0 || copy_to_user(ep, &e, sizeof(e)) < 0 ||
        copy_to_user(sp, &s, sizeof(s)) < 0)
        return -EFAULT;
    return 0;
}

long shim_do_getresuid(uptr ruidp, uptr euidp, uptr suidp) {
    const struct shim_cred* c = shim_thread_cred(shim_cur_thread());

    if (!c)
        return shim_pass_to_host();
    return put_ids(ruidp, euidp, suidp, c->uid, c->euid, c->suid);
}

long shim_do_getresgid(uptr rgidp, uptr egidp, uptr sgidp) {
    const struct shim_cred* c = shim_thread_cred(shim_cur_thread());

    if (!c)
        return shim_pass_to_host();
    return put_ids(rgidp, egidp, sgidp, c->gid, c->egid, c->sgid);
}

long shim_do_getgroups(int gidsetsize, uptr grouplist) {
    const struct shim_cred* c;

    if (gidsetsize < 0)
        return -EINVAL;
    c = shim_thread_cred(shim_cur_thread());
    if (!c)
        return shim_pass_to_host();
    if (gidsetsize == 0 || c->ngroups == 0)
        return c->ngroups; /* the count alone; nothing to write */
    if (c->ngroups > gidsetsize)
        return -EINVAL;
    if (copy_to_user(grouplist, c->groups, (size_t)c->ngroups * sizeof(gid_t)) < 0)
        return -EFAULT;
    return c->ngroups;
}

/* The program's set call, on the host; the thread's credentials are read
 * again when it may have changed them (an abandoned call ran nothing, a
 * thread gone has none). */
static long set_on_host(bool always) {
    struct shim_thread* self = shim_cur_thread();
    long ret = shim_host_call_self();

    if (ret == 0 || (always && ret >= 0))
        shim_thread_cred_changed(self);
    return ret;
}

long shim_do_setuid(uid_t uid) {
    return set_on_host(false);
}

long shim_do_setgid(gid_t gid) {
    return set_on_host(false);
}

long shim_do_setreuid(uid_t ruid, uid_t euid) {
    return set_on_host(false);
}

long shim_do_setregid(gid_t rgid, gid_t egid) {
    return set_on_host(false);
}

long shim_do_setresuid(uid_t ruid, uid_t euid, uid_t suid) {
    return set_on_host(false);
}

long shim_do_setresgid(gid_t rgid, gid_t egid, gid_t sgid) {
    return set_on_host(false);
}

long shim_do_setgroups(int gidsetsize, uptr grouplist) {
    return set_on_host(false);
}

/* setfsuid and setfsgid return the former ID whether or not they changed
 * it: the result says nothing of success */
long shim_do_setfsuid(uid_t uid) {
    return set_on_host(true);
}

long shim_do_setfsgid(gid_t gid) {
    return set_on_host(true);
}

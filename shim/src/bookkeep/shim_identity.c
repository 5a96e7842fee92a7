/*
 * shim_identity.c: each thread's credentials, personality and
 * namespaces, and the fs state (umask) threads may share.
 *
 * Linux keeps credentials and personality per thread (glibc's setuid()
 * makes every thread call setuid itself), copied at clone; the fs state is
 * shared by CLONE_FS.  The shim reads each from the host when first
 * needed, so that a value it never needs costs nothing, and forgets it
 * when the host may have changed it: set*id calls, personality(2),
 * unshare(2) and setns(2), which the shim runs on the host, and execve,
 * which may run a set-user-ID program and enter the time namespace of the
 * process's children.
 */
#include "config.h"

#include <errno.h>
#include <linux/sched.h>
#include <stdlib.h>

#include "pal_log.h"
#include "shim_identity.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

/* the groups a first read makes room for; more take a second read */
#define GROUPS_GUESS 32

static void cred_put(struct shim_cred* c) {
    if (c && --c->refs == 0)
        free(c);
}

static struct shim_cred* cred_read(struct shim_thread* t) {
    PAL_NUM room = GROUPS_GUESS;

    for (;;) {
        struct pal_identity id;
        struct shim_cred* c = malloc(sizeof(*c) + room * sizeof(gid_t));
        long n;

        if (!c)
            return NULL;
        n = DkThreadGetIdentity(t->pal, &id, c->groups, room);
        if (n < 0) {
            log_debug("thread %d: credentials not read: %ld", t->tid, n);
            free(c);
            return NULL;
        }
        if ((PAL_NUM)n > room) {
            free(c);
            room = (PAL_NUM)n;
            continue;
        }
        c->refs = 1;
        c->uid = id.uid;
        c->euid = id.euid;
        c->suid = id.suid;
        c->fsuid = id.fsuid;
        c->gid = id.gid;
        c->egid = id.egid;
        c->sgid = id.sgid;
        c->fsgid = id.fsgid;
        c->ngroups = (int)n;
        return c;
    }
}

const struct shim_cred* shim_thread_cred(struct shim_thread* t) {
    if (shim_thread_ns_foreign(t, PAL_NS_USER))
        return NULL;
    if (!(t->known & SHIM_KNOWN_CRED)) {
        t->cred = cred_read(t);
        t->known |= SHIM_KNOWN_CRED;
    }
    return t->cred;
}

void shim_thread_cred_changed(struct shim_thread* t) {
    cred_put(t->cred);
    t->cred = NULL;
    t->known &= ~SHIM_KNOWN_CRED;
}

bool shim_thread_ns_foreign(struct shim_thread* t, PAL_FLG ns) {
    if (!(t->known & SHIM_KNOWN_NS)) {
        PAL_FLG foreign;
        int ret = DkThreadGetNamespaces(t->pal, &foreign);

        if (ret < 0) {
            log_debug("thread %d: namespaces not read: %d", t->tid, ret);
            foreign = PAL_NS_USER | PAL_NS_UTS | PAL_NS_TIME | PAL_NS_TIME_FOR_CHILDREN |
                      PAL_NS_PID | PAL_NS_PID_FOR_CHILDREN;
            /* A process never leaves the PID namespace it was created in,
             * and ptshim created the program's first one in its own: its
             * parent stays ptshim, not the tracer the host would name
             * (the host refuses ptshim the namespaces of a process that
             * is not dumpable). */
            if (t->proc->first)
                foreign &= ~PAL_NS_PID;
        }
        t->foreign_ns = foreign;
        t->known |= SHIM_KNOWN_NS;
    }
    return (t->foreign_ns & ns) != 0;
}

void shim_thread_ns_changed(struct shim_thread* t) {
    t->known &= ~SHIM_KNOWN_NS;
}

long shim_thread_personality(struct shim_thread* t) {
    if (!(t->known & SHIM_KNOWN_PERSONALITY)) {
        t->personality = DkThreadGetPersonality(t->pal);
        t->known |= SHIM_KNOWN_PERSONALITY;
    }
    return t->personality;
}

void shim_thread_set_personality(struct shim_thread* t, long personality) {
    t->personality = personality;
    if (personality < 0)
        t->known &= ~SHIM_KNOWN_PERSONALITY;
    else
        t->known |= SHIM_KNOWN_PERSONALITY;
}

static struct shim_fs* fs_new(int umask, bool foreign_mnt) {
    struct shim_fs* fs = malloc(sizeof(*fs));

    if (fs) {
        fs->refs = 1;
        fs->umask = umask;
        fs->foreign_mnt = foreign_mnt;
    }
    return fs;
}

static void fs_put(struct shim_fs* fs) {
    if (fs && --fs->refs == 0)
        free(fs);
}

struct shim_fs* shim_thread_fs(struct shim_thread* t) {
    if (!t->fs)
        t->fs = fs_new(SHIM_UNKNOWN, false);
    return t->fs;
}

int shim_thread_umask(struct shim_thread* t) {
    struct shim_fs* fs = shim_thread_fs(t);
    long mask;

    if (!fs)
        return SHIM_UNKNOWN;
    if (fs->umask == SHIM_UNKNOWN) {
        /* any thread sharing it shows it */
        mask = DkThreadGetUmask(t->pal);
        if (mask < 0) {
            log_debug("thread %d: umask not read: %ld", t->tid, mask);
            return SHIM_UNKNOWN;
        }
        fs->umask = (int)mask;
    }
    return fs->umask;
}

void shim_thread_unshare_fs(struct shim_thread* t) {
    struct shim_fs* fs = t->fs;

    if (!fs || fs->refs == 1)
        return;
    /* out of memory, a fresh state learns the umask from the host (and
     * takes its root and cwd for ptshim's) */
    t->fs = fs_new(fs->umask, fs->foreign_mnt);
    fs_put(fs);
}

void shim_thread_mnt_ns_changed(struct shim_thread* t) {
    struct shim_fs* fs = shim_thread_fs(t);

    if (fs)
        fs->foreign_mnt = true;
}

bool shim_thread_mnt_ns_foreign(struct shim_thread* t) {
    struct shim_fs* fs = shim_thread_fs(t);

    return !fs || fs->foreign_mnt;
}

void shim_identity_clone(struct shim_thread* child, struct shim_thread* creator,
                         uint64_t flags) {
    if (creator->known & SHIM_KNOWN_CRED) {
        child->cred = creator->cred;
        if (child->cred)
            child->cred->refs++;
        child->known |= SHIM_KNOWN_CRED;
    }
    if (creator->known & SHIM_KNOWN_PERSONALITY) {
        child->personality = creator->personality;
        child->known |= SHIM_KNOWN_PERSONALITY;
    }
    /* a new namespace is read from the host when needed; the child is in
     * the time and PID namespaces of its creator's children */
    if ((creator->known & SHIM_KNOWN_NS) &&
        !(flags & (CLONE_NEWUSER | CLONE_NEWUTS | CLONE_NEWTIME | CLONE_NEWPID))) {
        PAL_FLG f = creator->foreign_ns & ~(PAL_NS_TIME | PAL_NS_PID);

        if (f & PAL_NS_TIME_FOR_CHILDREN)
            f |= PAL_NS_TIME;
        if (f & PAL_NS_PID_FOR_CHILDREN)
            f |= PAL_NS_PID;
        child->foreign_ns = f;
        child->known |= SHIM_KNOWN_NS;
    }
    if (flags & CLONE_FS) {
        child->fs = shim_thread_fs(creator);
        if (child->fs)
            child->fs->refs++;
    } else {
        child->fs = fs_new(creator->fs ? creator->fs->umask : SHIM_UNKNOWN,
                           (creator->fs && creator->fs->foreign_mnt) || (flags & CLONE_NEWNS));
    }
}

void shim_identity_exec(struct shim_thread* t) {
    /* a set-user-ID program; the time namespace of the children */
    shim_thread_cred_changed(t);
    t->known &= ~(SHIM_KNOWN_PERSONALITY | SHIM_KNOWN_NS);
}

void shim_identity_free(struct shim_thread* t) {
    cred_put(t->cred);
    t->cred = NULL;
    fs_put(t->fs);
    t->fs = NULL;
    t->known = 0;
}

/*
 * shim_sighand.c: each process's record of its signal dispositions
 * (shim_signal.h), shared, copied and reset as the kernel's sighand_struct.
 */
#include "config.h"

#include <linux/sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "shim_signal.h"
#include "shim_thread.h"

#ifndef CLONE_CLEAR_SIGHAND
#define CLONE_CLEAR_SIGHAND 0x100000000ULL
#endif

struct shim_sighand* shim_sighand_new(void) {
    struct shim_sighand* sh = calloc(1, sizeof(*sh));

    if (sh)
        sh->refcount = 1;
    return sh;
}

void shim_sighand_put(struct shim_sighand* sh) {
    if (sh && --sh->refcount == 0)
        free(sh);
}

void shim_sighand_set(struct shim_sighand* sh, int sig, const struct shim_sigaction* act) {
    if (!sh || sig < 1 || sig > SHIM_NSIG)
        return;
    sh->action[sig - 1] = *act;
    sh->known |= 1ULL << (sig - 1);
}

/* As the kernel's flush_signal_handlers(): a handler becomes SIG_DFL,
 * SIG_IGN stays; no flags, restorer or mask. */
static void flush_handlers(struct shim_sighand* sh) {
    for (int i = 0; i < SHIM_NSIG; i++) {
        struct shim_sigaction* a = &sh->action[i];

        if (a->handler != (uint64_t)(uintptr_t)SIG_IGN)
            a->handler = (uint64_t)(uintptr_t)SIG_DFL;
        a->flags = 0;
        a->restorer = 0;
        a->mask = 0;
    }
}

void shim_sighand_clone(struct shim_process* child, const struct shim_thread* creator,
                        uint64_t flags) {
    struct shim_sighand* theirs = creator->proc->sighand;

    if (flags & CLONE_SIGHAND) {
        shim_sighand_put(child->sighand);
        child->sighand = theirs;
        if (theirs)
            theirs->refcount++;
        return;
    }
    if (!child->sighand)
        return;
    if (theirs) {
        memcpy(child->sighand->action, theirs->action, sizeof(theirs->action));
        child->sighand->known = theirs->known;
    }
    if (flags & CLONE_CLEAR_SIGHAND)
        flush_handlers(child->sighand);
}

void shim_sighand_exec(struct shim_process* proc) {
    struct shim_sighand* sh = proc->sighand;

    if (!sh)
        return;
    if (sh->refcount > 1) {
        /* the kernel's de_thread(): a process that shared its handlers
         * with another gets its own copy */
        struct shim_sighand* own = shim_sighand_new();

        if (own) {
            memcpy(own->action, sh->action, sizeof(sh->action));
            own->known = sh->known;
        }
        shim_sighand_put(sh);
        proc->sighand = sh = own;
        if (!sh)
            return;
    }
    flush_handlers(sh);
}

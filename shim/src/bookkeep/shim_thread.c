/*
 * shim_thread.c: processes and threads, created and dropped as the PAL
 * reports them.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "pal_log.h"
#include "shim_handle.h"
#include "shim_identity.h"
#include "shim_seccomp.h"
#include "shim_signal.h"
#include "shim_thread.h"

static LIST_HEAD(, shim_process) g_processes = LIST_HEAD_INITIALIZER(g_processes);

RB_HEAD(shim_thread_tree, shim_thread);
static struct shim_thread_tree g_threads = RB_INITIALIZER(&g_threads);

static int tid_cmp(const struct shim_thread* a, const struct shim_thread* b) {
    return (a->tid > b->tid) - (a->tid < b->tid);
}

/* RB_GENERATE_STATIC, spelled out: libbsd leaves its __unused undefined */
RB_GENERATE_INTERNAL(shim_thread_tree, shim_thread, by_tid, tid_cmp,
                     __attribute__((__unused__)) static)

struct shim_thread* shim_thread_lookup(pid_t tid) {
    struct shim_thread key = {.tid = tid};

    return RB_FIND(shim_thread_tree, &g_threads, &key);
}

void shim_thread_set_tid(struct shim_thread* t, pid_t tid) {
    struct shim_thread* stale;

    RB_REMOVE(shim_thread_tree, &g_threads, t);
    t->tid = tid;
    /* the superseded leader's record is dropped before, but be safe */
    stale = RB_INSERT(shim_thread_tree, &g_threads, t);
    if (stale) {
        RB_REMOVE(shim_thread_tree, &g_threads, stale);
        RB_INSERT(shim_thread_tree, &g_threads, t);
    }
}

bool shim_process_has_children(const struct shim_process* proc) {
    const struct shim_process* p;

    LIST_FOREACH(p, &g_processes, list)
        if (p->parent == proc)
            return true;
    return false;
}

struct shim_thread* shim_thread_new(PAL_HANDLE pal, pid_t tid, struct shim_process* proc,
                                    struct shim_process* parent) {
    struct shim_thread* t = calloc(1, sizeof(*t));

    if (!t)
        return NULL;
    if (!proc) {
        proc = calloc(1, sizeof(*proc));
        if (!proc) {
            free(t);
            return NULL;
        }
        proc->pid = tid;
        proc->parent = parent;
        proc->ppid = parent ? parent->pid : 0;
        /* NULL when out of memory: the process then has no record */
        proc->sighand = shim_sighand_new();
        LIST_INIT(&proc->threads);
        LIST_INSERT_HEAD(&g_processes, proc, list);
    }
    t->tid = tid;
    t->pal = pal;
    t->proc = proc;
    RB_INSERT(shim_thread_tree, &g_threads, t);
    proc->nthreads++;
    LIST_INSERT_HEAD(&proc->threads, t, siblings);
    DkThreadSetPrivate(pal, PAL_THREAD_SLOT_LIBOS, t);
    return t;
}

void shim_thread_free(struct shim_thread* t) {
    struct shim_process* proc = t->proc;

    DkThreadSetPrivate(t->pal, PAL_THREAD_SLOT_LIBOS, NULL);
    shim_identity_free(t);
    shim_seccomp_free(t);
    if (shim_thread_lookup(t->tid) == t)
        RB_REMOVE(shim_thread_tree, &g_threads, t);
    LIST_REMOVE(t, siblings);
    if (t->exiting)
        proc->nexiting--;
    if (--proc->nthreads == 0) {
        struct shim_process* p;

        /* its children are orphans now */
        LIST_FOREACH(p, &g_processes, list)
            if (p->parent == proc)
                p->parent = NULL;
        LIST_REMOVE(proc, list);
        shim_sighand_put(proc->sighand);
        free(proc);
    }
    if (t->files)
        shim_fd_table_put(t->files);
    free(t->inject_when);
    free(t);
}

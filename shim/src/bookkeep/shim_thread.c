/*
 * shim_thread.c: processes and threads, created and dropped as the PAL
 * reports them.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include "pal_log.h"
#include "shim_thread.h"

struct shim_thread* g_shim_cur;

static LIST_HEAD(, shim_process) g_processes = LIST_HEAD_INITIALIZER(g_processes);

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
        LIST_INIT(&proc->threads);
        LIST_INSERT_HEAD(&g_processes, proc, list);
    }
    t->tid = tid;
    t->pal = pal;
    t->proc = proc;
    proc->nthreads++;
    LIST_INSERT_HEAD(&proc->threads, t, siblings);
    DkThreadSetPrivate(pal, t);
    return t;
}

void shim_thread_free(struct shim_thread* t) {
    struct shim_process* proc = t->proc;

    DkThreadSetPrivate(t->pal, NULL);
    LIST_REMOVE(t, siblings);
    if (--proc->nthreads == 0) {
        struct shim_process* p;

        /* its children are orphans now */
        LIST_FOREACH(p, &g_processes, list)
            if (p->parent == proc)
                p->parent = NULL;
        LIST_REMOVE(proc, list);
        free(proc);
    }
    if (g_shim_cur == t)
        g_shim_cur = NULL;
    free(t);
}

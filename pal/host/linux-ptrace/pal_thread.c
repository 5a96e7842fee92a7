/*
 * pal_thread.c: the table of traced threads, keyed by thread ID.
 *
 * A thread is allocated when ptshim first sees it and freed when it is gone,
 * never on the per-syscall path.  The last thread looked up is cached: stops
 * of one thread usually follow each other.
 */
#include "config.h"

#include <stdlib.h>

#include "pal_host.h"
#include "pal_log.h"

static struct pal_thread_tree g_threads = RB_INITIALIZER(&g_threads);
static struct pal_thread* g_last_thread;
static PAL_NUM g_thread_count;
static uint64_t g_thread_seq;

static int thread_cmp(const struct pal_thread* a, const struct pal_thread* b) {
    return (a->tid > b->tid) - (a->tid < b->tid);
}

/* RB_GENERATE_STATIC, spelled out: libbsd leaves its __unused undefined
 * (it would clash with struct members in Linux headers). */
RB_GENERATE_INTERNAL(pal_thread_tree, pal_thread, entry, thread_cmp,
                     __attribute__((__unused__)) static)

struct pal_thread* _DkThreadLookup(pid_t tid) {
    struct pal_thread key = {.tid = tid};
    struct pal_thread* t;

    if (g_last_thread && g_last_thread->tid == tid)
        return g_last_thread;
    t = RB_FIND(pal_thread_tree, &g_threads, &key);
    if (t)
        g_last_thread = t;
    return t;
}

struct pal_thread* _DkThreadAdd(pid_t tid, enum pal_thread_state state) {
    struct pal_thread* t = calloc(1, sizeof(*t));

    if (!t)
        return NULL;
    t->tid = tid;
    t->seq = ++g_thread_seq;
    t->state = state;
    if (RB_INSERT(pal_thread_tree, &g_threads, t)) {
        /* the caller looked it up first; a duplicate is a bug in ptshim */
        log_error("thread %d is already traced", tid);
        abort();
    }
    g_thread_count++;
    return t;
}

/* Out of the table, still allocated: its ID may be taken at once. */
void _DkThreadUnlink(struct pal_thread* t) {
    if (t->unlinked)
        return;
    _DkWaitForget(t);
    RB_REMOVE(pal_thread_tree, &g_threads, t);
    if (g_last_thread == t)
        g_last_thread = NULL;
    g_thread_count--;
    t->unlinked = true;
}

void _DkThreadRemove(struct pal_thread* t) {
    _DkContextFree(t);
    _DkPlacementGone(t);
    _DkStackThreadGone(t);
    if (t->tgid == t->tid)
        _DkStackProcessGone(t->tgid);
    _DkThreadUnlink(t);
    free(t);
}

void _DkThreadRename(struct pal_thread* t, pid_t tid) {
    _DkStackThreadGone(t); /* it named the former thread ID */
    RB_REMOVE(pal_thread_tree, &g_threads, t);
    t->tid = tid;
    if (RB_INSERT(pal_thread_tree, &g_threads, t)) {
        log_error("thread %d is already traced", tid);
        abort();
    }
    g_last_thread = t;
}

PAL_NUM DkThreadCount(void) {
    return g_thread_count;
}

void DkThreadSetPrivate(PAL_HANDLE t, enum pal_thread_slot slot, void* data) {
    t->private[slot] = data;
}

void* DkThreadGetPrivate(PAL_HANDLE t, enum pal_thread_slot slot) {
    return t->private[slot];
}

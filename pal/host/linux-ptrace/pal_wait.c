/*
 * pal_wait.c: the wait statuses of the traced threads, served fairly.
 *
 * waitpid(-1, __WALL) reports the newest stopped tracee first.  Taking
 * one status at a time, the tracer served busy young processes before
 * old ones, which starved: a parent's kill(2) of its 32 busy children
 * waited seconds.  So the statuses are taken in rounds: when every status
 * taken has been served, the tracer waits for one and takes, without
 * waiting (WNOHANG), every other the kernel has, and serves them all
 * before the next round, whatever the threads served first do meanwhile.
 * Within a round the threads go in the order ptshim met them, the oldest
 * first (the kernel's order is mostly the reverse): among other things,
 * a process's leader then goes before a thread of its process whose
 * execve, let run by the round, ends the leader.
 *
 * A thread's status waits in its own record (struct pal_thread): no
 * allocation on the way.  The WNOHANG that finds nothing more is a system
 * call per round, which a round spares when every known thread has a
 * status (a single-threaded program's); and while those calls keep
 * finding nothing (threads that take turns, as a pipe's two ends do:
 * too few busy at once for any to starve), rounds do without them, 1,
 * 3, 7... up to 63 in a row before the next, so that many busy threads
 * are soon taken in rounds again.
 */
#include "config.h"

#include <errno.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "pal_host.h"

/* The statuses of this round not served yet, oldest thread first */
static TAILQ_HEAD(, pal_thread) g_round = TAILQ_HEAD_INITIALIZER(g_round);
static PAL_NUM g_round_count;

/* A second status of a thread whose first this round has not served yet
 * (a stop, then its death): it waits for the next round, and the round
 * stops taking statuses there, so that it follows the first. */
static pid_t g_next_tid;
static int g_next_status;
static bool g_have_next;

enum { TAKEN, NOT_KEPT, HELD_BACK };

/* The most rounds in a row that take one status without looking for more */
#define MAX_LONE_ROUNDS 63

/* Keep STATUS of TID for this round.  Returns TAKEN, NOT_KEPT (a status
 * that is not served: the end of a thread ptshim no longer knows, or the
 * first stop of one, held until its creator's event), HELD_BACK (for the
 * next round) or a negative errno. */
static int keep(pid_t tid, int status) {
    struct pal_thread* t = _DkThreadLookup(tid);
    struct pal_thread* pos;

    if (!t) {
        /* a thread dropped at an execve ends; or a new thread or process,
         * auto-attached, whose first stop came before its creator's
         * fork/clone event: held (NEW) until then */
        if (!WIFSTOPPED(status))
            return NOT_KEPT;
        t = _DkThreadAdd(tid, PAL_THREAD_NEW);
        if (!t)
            return -ENOMEM;
        /* killed before it ran (its process's exit_group): its first stop
         * is at its exit, where it cannot be held (its process would
         * never end, and its creator's event may never come) and it runs
         * none of the program's code */
        if (status >> 16 == PTRACE_EVENT_EXIT) {
            t->state = PAL_THREAD_DYING;
            if (ptrace(PTRACE_CONT, tid, 0, 0) < 0 && errno != ESRCH)
                return -errno;
        }
        return NOT_KEPT;
    }
    if (t->in_round) {
        if (WIFSTOPPED(status) && status >> 16 == PTRACE_EVENT_EXEC) {
            /* Another thread's execve took over TID: the status kept was
             * the former leader's, which the execve ended without another
             * (ptrace(2)), and must not be served to the new image. */
            t->round_status = status;
            return TAKEN;
        }
        g_next_tid = tid;
        g_next_status = status;
        g_have_next = true;
        return HELD_BACK;
    }
    t->round_status = status;
    t->in_round = true;
    g_round_count++;
    /* the kernel's order is mostly newest first: this is found at once */
    TAILQ_FOREACH(pos, &g_round, round_entry)
        if (pos->seq > t->seq)
            break;
    if (pos)
        TAILQ_INSERT_BEFORE(pos, t, round_entry);
    else
        TAILQ_INSERT_TAIL(&g_round, t, round_entry);
    return TAKEN;
}

static PAL_WAIT_UPCALL g_wait_upcall;

void DkSetWaitUpcall(PAL_WAIT_UPCALL upcall) {
    g_wait_upcall = upcall;
}

/* Rounds to come that take only the status they waited for, and how many
 * the next WNOHANG that finds nothing more buys */
static unsigned g_lone_rounds, g_lone_after_empty;

/* A new round: the status held back from the last one, then what the
 * kernel has, waiting until one is kept. */
static int take_round(void) {
    bool found = false; /* a WNOHANG of this round found a status */
    int ret;

    if (g_have_next) {
        g_have_next = false;
        ret = keep(g_next_tid, g_next_status);
        if (ret < 0)
            return ret;
    }
    for (;;) {
        bool block = TAILQ_EMPTY(&g_round);
        int status;
        pid_t tid;

        if (!block) {
            /* every thread known has a status: none other can be pending
             * but the first stop of a thread not known yet, which waits */
            if (g_round_count >= DkThreadCount())
                return 0;
            if (!found && g_lone_rounds > 0) {
                g_lone_rounds--;
                return 0;
            }
        }
        if (g_wait_upcall)
            g_wait_upcall();
        tid = waitpid(-1, &status, __WALL | (block ? 0 : WNOHANG));
        if (tid < 0)
            return block ? -errno : 0;
        if (tid == 0) {
            if (!found) {
                g_lone_after_empty = g_lone_after_empty * 2 + 1;
                if (g_lone_after_empty > MAX_LONE_ROUNDS)
                    g_lone_after_empty = MAX_LONE_ROUNDS;
                g_lone_rounds = g_lone_after_empty;
            }
            return 0;
        }
        if (!block) {
            found = true;
            g_lone_after_empty = 0;
        }
        ret = keep(tid, status);
        if (ret < 0)
            return ret;
        if (ret == HELD_BACK)
            return 0;
    }
}

int _DkWaitNext(struct pal_thread** thread, int* status) {
    struct pal_thread* t;

    if (TAILQ_EMPTY(&g_round)) {
        int ret = take_round();

        if (ret < 0)
            return ret;
    }
    t = TAILQ_FIRST(&g_round);
    _DkWaitForget(t);
    *thread = t;
    *status = t->round_status;
    return 0;
}

void _DkWaitForget(struct pal_thread* t) {
    if (!t->in_round)
        return;
    TAILQ_REMOVE(&g_round, t, round_entry);
    t->in_round = false;
    g_round_count--;
}

/*
 * pal_placement.c: which CPUs the tracer and the program run on.
 *
 * Every stop is a round trip between a traced thread and the tracer; when
 * the two are on different CPUs each half of it wakes the other CPU, which
 * costs several times a switch on one CPU (tests/bench measures it).  But a
 * thread that computes for long between its calls needs a CPU of its own
 * more than it needs the tracer's.  The policies:
 *
 *   FREE      nothing pinned.
 *   TRACER    the tracer pinned; the program gets the tracer's former CPUs
 *             back just before its execve.
 *   TOGETHER  the tracer and every thread on one CPU.
 *   AUTO      as TOGETHER, but a thread whose runs between two stops are
 *             long and spent computing (its CPU time, from
 *             /proc/TID/schedstat, read only after a long run) goes free
 *             while it has other threads to compete with for the CPU; one
 *             whose runs are short again comes back, and new threads start
 *             beside the tracer.
 *
 * A thread pinned by the PAL keeps the CPUs the program gave it (or the
 * tracer's former ones) as its own: DkThreadGetCPUAffinity answers with
 * them, and a set without the tracer's CPU is applied as it is, unpinned.
 * A thread whose calls depend on its host affinity (DkThreadUnpin: it asks
 * for SCHED_DEADLINE) runs on its own CPUs for the rest of its life.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pal_host.h"
#include "pal_log.h"

/* A run between two stops this long (ns) is looked at: a thread that
 * computes this long between its calls loses more by sharing the tracer's
 * CPU with another such thread than a stop from another CPU costs it
 * (about 10 us more than one on the same CPU, on the machines measured) */
#define LONG_RUN_NS 100000
/* and counts as computing when the thread was on a CPU this share of it */
#define COMPUTING_PERCENT 50
/* Runs this short (ns) are a thread that mostly talks to the tracer */
#define SHORT_RUN_NS 30000
/* After a long run, a thread's CPU time is read again no sooner than a
 * long run after the last reading, and twice as late after each reading
 * that found it on a CPU less than half the computing share, up to
 * 2^CPU_READ_MAX_SHIFT long runs (25.6 ms, the most a thread that starts
 * computing waits to be let go): a thread often blocked in a host call
 * (a pipe's reader) has long runs without computing, and so has every
 * busy thread when many are served in turn (pal_wait.c), each waiting
 * for the others' stops between its resume and its own; reading at each
 * stop would cost more than the stop.  Two threads computing on the
 * tracer's CPU get about half of it each: they are read at each run. */
#define CPU_READ_MAX_SHIFT 8
/* How many in a row decide, either way */
#define LONG_RUNS_TO_FREE 2
#define SHORT_RUNS_TO_PIN 32

enum pal_placement _DkPlacement = PAL_PLACE_FREE;
static int g_cpu = -1;
/* the tracer's CPUs before it was pinned: the program's own */
static cpu_set_t g_before;

int DkSetPlacement(enum pal_placement how, PAL_IDX cpu) {
    cpu_set_t one;

    if (how == PAL_PLACE_FREE) {
        _DkPlacement = how;
        return 0;
    }
    if (how != PAL_PLACE_TRACER && how != PAL_PLACE_TOGETHER && how != PAL_PLACE_AUTO)
        return -EINVAL;
    if (cpu >= CPU_SETSIZE)
        return -EINVAL;
    if (sched_getaffinity(0, sizeof(g_before), &g_before) < 0)
        return -errno;
    if (!CPU_ISSET(cpu, &g_before))
        return -EINVAL;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    if (sched_setaffinity(0, sizeof(one), &one) < 0)
        return -errno;
    _DkPlacement = how;
    g_cpu = (int)cpu;
    return 0;
}

int _DkPlacementChild(void) {
    if (_DkPlacement != PAL_PLACE_TRACER)
        return 0;
    return sched_setaffinity(0, sizeof(g_before), &g_before) < 0 ? -errno : 0;
}

bool _DkPlacementPins(void) {
    return _DkPlacement == PAL_PLACE_TOGETHER || _DkPlacement == PAL_PLACE_AUTO;
}

static const cpu_set_t* own_cpus(const struct pal_thread* t) {
    return t->want ? (const cpu_set_t*)t->want : &g_before;
}

void _DkPlacementFirst(struct pal_thread* t) {
    /* it inherited the tracer's pinning */
    t->pinned = _DkPlacementPins();
}

static int pin(struct pal_thread* t, bool on);

int _DkPlacementClone(struct pal_thread* child, const struct pal_thread* creator) {
    /* the kernel copied the creator's affinity, pinned or not */
    child->pinned = creator->pinned;
    if (creator->want) {
        child->want = malloc(sizeof(cpu_set_t));
        if (!child->want)
            return -ENOMEM;
        memcpy(child->want, creator->want, sizeof(cpu_set_t));
    }
    /* a new thread starts beside the tracer, whatever its creator does:
     * what it will do is not known yet (a SCHED_DEADLINE creator's child
     * is not one: the kernel lets it fork only with SCHED_RESET_ON_FORK) */
    if (_DkPlacement == PAL_PLACE_AUTO && !child->pinned && CPU_ISSET(g_cpu, own_cpus(child)))
        return pin(child, true);
    return 0;
}

void _DkPlacementGone(struct pal_thread* t) {
    free(t->want);
    t->want = NULL;
}

static int set_host(pid_t tid, const cpu_set_t* set) {
    return sched_setaffinity(tid, sizeof(*set), set) < 0 ? -errno : 0;
}

static int pin(struct pal_thread* t, bool on) {
    cpu_set_t one;
    int ret;

    if (on) {
        CPU_ZERO(&one);
        CPU_SET(g_cpu, &one);
        ret = set_host(t->tid, &one);
    } else {
        ret = set_host(t->tid, own_cpus(t));
    }
    if (ret == 0)
        t->pinned = on;
    t->short_runs = t->long_runs = 0;
    return ret == -ESRCH ? 0 : ret;
}

/* The thread's time on a CPU so far (ns), or -1. */
static int64_t cpu_time(pid_t tid) {
    char path[64], buf[64];
    long long ns;
    ssize_t n;
    int fd;

    snprintf(path, sizeof(path), "/proc/%d/schedstat", tid);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    return sscanf(buf, "%lld", &ns) == 1 ? ns : -1;
}

static uint64_t now_ns(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void _DkPlacementResumed(struct pal_thread* t) {
    t->resumed_at = now_ns();
}

void _DkPlacementStopped(struct pal_thread* t) {
    uint64_t now = now_ns(), run = now - t->resumed_at;

    if (run >= LONG_RUN_NS && t->pinned) {
        uint64_t percent = 0;
        bool computing;
        int64_t cpu;

        t->short_runs = 0;
        if (t->cpu_seen_at && now - t->cpu_seen_at < (uint64_t)LONG_RUN_NS << t->cpu_backoff)
            return;
        cpu = cpu_time(t->tid);
        if (cpu >= 0 && t->cpu_seen_at && now > t->cpu_seen_at)
            percent = (uint64_t)(cpu - t->cpu_seen) * 100 / (now - t->cpu_seen_at);
        computing = percent >= COMPUTING_PERCENT;
        if (computing)
            t->cpu_backoff = 0;
        else if (percent < COMPUTING_PERCENT / 2 && t->cpu_seen_at &&
                 t->cpu_backoff < CPU_READ_MAX_SHIFT)
            t->cpu_backoff++;
        if (cpu >= 0) {
            t->cpu_seen = cpu;
            t->cpu_seen_at = now;
        }
        /* a thread alone competes with no one for the tracer's CPU */
        if (computing && DkThreadCount() > 1 && ++t->long_runs >= LONG_RUNS_TO_FREE) {
            int ret = pin(t, false);

            log_debug("thread %d computes: free to run on any of its CPUs", t->tid);
            if (ret < 0)
                log_warning("thread %d: cannot unpin it: %s", t->tid, strerror(-ret));
        }
    } else if (run < SHORT_RUN_NS) {
        t->long_runs = 0;
        if (!t->pinned && !t->never_pinned && CPU_ISSET(g_cpu, own_cpus(t)) &&
            ++t->short_runs >= SHORT_RUNS_TO_PIN) {
            int ret = pin(t, true);

            log_debug("thread %d talks to the tracer: back on CPU %d", t->tid, g_cpu);
            if (ret < 0)
                log_warning("thread %d: cannot pin it: %s", t->tid, strerror(-ret));
        }
    }
}

int DkThreadUnpin(PAL_HANDLE t) {
    t->never_pinned = true;
    return t->pinned ? pin(t, false) : 0;
}

int _DkPlacementSetAffinity(struct pal_thread* t, const void* set_) {
    const cpu_set_t* set = set_;
    cpu_set_t one;
    int ret;

    /* the kernel's check: some CPU of the set must be usable */
    CPU_AND(&one, set, &g_before);
    if (CPU_COUNT(&one) == 0)
        return -EINVAL;
    if (!t->want) {
        t->want = malloc(sizeof(cpu_set_t));
        if (!t->want)
            return -ENOMEM;
        memcpy(t->want, &g_before, sizeof(g_before));
    }
    /* the set becomes the thread's own only if the host takes it (it
     * refuses to narrow a SCHED_DEADLINE thread's: EBUSY) */
    if (!t->pinned || !CPU_ISSET(g_cpu, &one)) {
        ret = set_host(t->tid, &one);
        if (ret < 0)
            return ret;
        t->pinned = false;
    }
    memcpy(t->want, &one, sizeof(one));
    return 0;
}

const void* _DkPlacementAffinity(const struct pal_thread* t) {
    return own_cpus(t);
}

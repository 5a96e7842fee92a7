/*
 * pal_placement.c: which CPUs the tracer and the program run on.
 *
 * Every stop is a round trip between a traced thread and the tracer; when
 * the two are on different CPUs each half of it wakes the other CPU, which
 * costs several times a switch on one CPU (tests/bench measures it).  The
 * tracer is pinned before the program is created, so a program that is to
 * share its CPU inherits the pinning from the start; one that is not gets
 * the tracer's former CPUs back just before its execve.
 */
#include "config.h"

#include <errno.h>
#include <sched.h>

#include "pal_host.h"

static enum pal_placement g_placement = PAL_PLACE_FREE;
/* the tracer's CPUs before it was pinned: the program's own */
static cpu_set_t g_before;

int DkSetPlacement(enum pal_placement how, PAL_IDX cpu) {
    cpu_set_t one;

    if (how == PAL_PLACE_FREE) {
        g_placement = how;
        return 0;
    }
    if (how != PAL_PLACE_TRACER && how != PAL_PLACE_TOGETHER)
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
    g_placement = how;
    return 0;
}

int _DkPlacementChild(void) {
    if (g_placement != PAL_PLACE_TRACER)
        return 0;
    return sched_setaffinity(0, sizeof(g_before), &g_before) < 0 ? -errno : 0;
}

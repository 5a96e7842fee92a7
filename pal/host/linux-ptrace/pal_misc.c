/*
 * pal_misc.c: facts about the host that the tracer reads itself: its
 * names (uname), its state (sysinfo), its clocks, random bytes, and a
 * traced process's resource limits.
 */
#include "config.h"

#include <errno.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>

#include "pal_host.h"

int DkSystemGetName(struct utsname* name) {
    return uname(name) < 0 ? -errno : 0;
}

int DkSystemGetInfo(struct sysinfo* info) {
    return sysinfo(info) < 0 ? -errno : 0;
}

/* Through the vDSO, for the clocks it serves: no system call */
int DkSystemTimeQuery(clockid_t clock, struct timespec* time, struct timespec* res) {
    if (time && clock_gettime(clock, time) < 0)
        return -errno;
    if (res && clock_getres(clock, res) < 0)
        return -errno;
    return 0;
}

long DkRandomBitsRead(PAL_PTR buffer, PAL_NUM size, PAL_FLG flags) {
    ssize_t n;

    do
        n = getrandom(buffer, size, flags | GRND_NONBLOCK);
    while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : (long)n;
}

int DkProcessGetLimit(PAL_HANDLE t, PAL_IDX resource, PAL_NUM* cur, PAL_NUM* max) {
    struct rlimit r;

    /* any thread names its process's limits */
    if (prlimit(t->tid, (int)resource, NULL, &r) < 0)
        return -errno;
    *cur = r.rlim_cur;
    *max = r.rlim_max;
    return 0;
}

int DkThreadDelay(PAL_HANDLE t, PAL_NUM ns) {
    struct timespec ts = {.tv_sec = (time_t)(ns / 1000000000), .tv_nsec = (long)(ns % 1000000000)};
    int ret;

    (void)t;
    /* the tracer waits, the thread stopped meanwhile: a signal ptshim
     * ignores cannot come, the others end it */
    while ((ret = clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts)) == EINTR)
        ;
    return -ret;
}

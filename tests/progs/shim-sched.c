/*
 * shim-sched.c: sched_getaffinity and sched_setaffinity, raw, with the
 * kernel's checks: mask sizes (too small, not a multiple of a long, larger
 * than the kernel's), EFAULT, unknown and negative pids, an empty set, a
 * thread's own set, and getpid/gettid/getppid as relations across a fork
 * and a thread.
 */
#include <pthread.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

static void show(const char* what, long rc) {
    if (rc < 0)
        printf("%s = -1 %s\n", what, strerror(errno));
    else
        printf("%s = %ld\n", what, rc);
}

static long getaff(pid_t pid, unsigned int len, void* mask) {
    return syscall(SYS_sched_getaffinity, pid, len, mask);
}

static long setaff(pid_t pid, unsigned int len, const void* mask) {
    return syscall(SYS_sched_setaffinity, pid, len, mask);
}

static void* thread_main(void* arg) {
    unsigned long mask[16] = {0};
    long n;

    printf("thread: gettid() != getpid(): %s\n",
           syscall(SYS_gettid) != syscall(SYS_getpid) ? "yes" : "no");
    n = getaff(0, sizeof(mask), mask);
    printf("thread: its own set has bit 0: %s (size %ld)\n", mask[0] & 1 ? "yes" : "no", n);
    return arg;
}

int main(void) {
    unsigned long mask[16], one = 1, zero = 0, all[16];
    char* unmapped = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long size;
    pthread_t th;
    pid_t child;
    int st;

    CHECK(unmapped != MAP_FAILED);
    setvbuf(stdout, NULL, _IOLBF, 0);
    memset(mask, 0, sizeof(mask));
    size = getaff(0, sizeof(mask), mask);
    show("sched_getaffinity(0, 128)", size);
    memcpy(all, mask, sizeof(all));
    show("sched_getaffinity(0, 1)", getaff(0, 1, mask));
    show("sched_getaffinity(0, 4)", getaff(0, 4, mask));
    show("sched_getaffinity(0, 12)", getaff(0, 12, mask));
    show("sched_getaffinity(0, 8)", getaff(0, 8, mask));
    {
        static unsigned long big[512];

        show("sched_getaffinity(0, 4096)", getaff(0, 4096, big));
    }
    /* the kernel's len * 8 is an unsigned int: from 1 << 29 it wraps
     * (1 << 31 bytes are 0 bits: EINVAL, before the pid) */
    show("sched_getaffinity(0, 1 << 31)", getaff(0, 1U << 31, mask));
    show("sched_getaffinity(0, 1 << 29)", getaff(0, 1U << 29, mask));
    show("sched_getaffinity(-2, 1 << 31)", getaff(-2, 1U << 31, mask));
    show("sched_getaffinity(0, 128, (void*)1)", getaff(0, 128, (void*)1));
    show("sched_getaffinity(0, 8, unmapped)", getaff(0, 8, unmapped));
    show("sched_getaffinity(-1, 8)", getaff(-1, 8, mask));
    show("sched_getaffinity(999999999, 8)", getaff(999999999, 8, mask));
    show("sched_getaffinity(getpid(), 8)", getaff((pid_t)syscall(SYS_getpid), 8, mask));
    printf("the own set equals pid 0's: %s\n", !memcmp(mask, all, 8) ? "yes" : "no");

    show("sched_setaffinity(0, 8, {0})", setaff(0, 8, &zero));
    show("sched_setaffinity(0, 8, (void*)1)", setaff(0, 8, (void*)1));
    show("sched_setaffinity(-1, 8, {cpu0})", setaff(-1, 8, &one));
    show("sched_setaffinity(999999999, 8, {cpu0})", setaff(999999999, 8, &one));
    show("sched_setaffinity(0, 1, {cpu0})", setaff(0, 1, &one));
    show("sched_setaffinity(0, 8, {cpu0})", setaff(0, 8, &one));
    memset(mask, 0, sizeof(mask));
    show("sched_getaffinity(0, 8) after", getaff(0, 8, mask));
    printf("now only CPU 0: %s\n", mask[0] == 1 ? "yes" : "no");

    CHECK(pthread_create(&th, NULL, thread_main, NULL) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        unsigned long m = 0;

        printf("child: getppid() == the parent's getpid(): %s\n",
               syscall(SYS_getppid) == getppid() && getppid() != syscall(SYS_getpid) ? "yes"
                                                                                    : "no");
        getaff(0, 8, &m);
        printf("child: inherited only CPU 0: %s\n", m == 1 ? "yes" : "no");
        _exit(0);
    }
    CHECK(waitpid(child, &st, 0) == child);
    show("sched_setaffinity(0, 128, all)", setaff(0, 128, all));
    return 0;
}

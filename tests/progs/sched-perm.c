/*
 * sched-perm.c: what a program may do to its threads' scheduling, by the
 * kernel's rules, raw:
 *
 *   sched-perm perm [-p]   sched_setaffinity of other processes: the
 *            caller must own the target (its euid is the target's uid or
 *            euid) or have CAP_SYS_NICE; the mask is read first (EFAULT),
 *            the target found (ESRCH), the permission checked (EPERM) and
 *            only then the set (EINVAL), and a target with capabilities
 *            the caller lacks needs CAP_SYS_NICE too.  Run by root (the
 *            first user), a child that became an unused user (65534)
 *            tries processes of root, of that user, of root with the
 *            unused real or effective ID; the targets' sets are printed
 *            after.  Run by another user, all are that user's.  -p also
 *            prints the first user's target's Cpus_allowed_list from /proc
 *            (the host's view, which ptshim's --placement=free leaves
 *            alone).
 *   sched-perm deadline    SCHED_DEADLINE with sched_setattr, for the
 *            process, for a new thread and for another thread, and what
 *            it changes: sched_getattr, a narrower affinity (EBUSY), fork
 *            (EAGAIN); sched_setscheduler cannot ask for it (EINVAL).
 *
 * Each line is a call and its result: a number, or -1 and the errno's
 * name; sets are printed as masks of the CPUs below 64.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests.h"

#define UNUSED_ID 65534

/* The kernel's struct sched_attr (linux/sched/types.h, which cannot be
 * included beside sched.h) */
struct sched_attr {
    uint32_t size;
    uint32_t sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime;
    uint64_t sched_deadline;
    uint64_t sched_period;
};

static long setaff(pid_t pid, unsigned int len, const void* mask) {
    return syscall(SYS_sched_setaffinity, pid, len, mask);
}

/* PID's set (CPUs below 64), or 0 when it cannot be read. */
static unsigned long getaff(pid_t pid) {
    unsigned long mask[128] = {0};

    return syscall(SYS_sched_getaffinity, pid, sizeof(mask), mask) < 0 ? 0 : mask[0];
}

/* A child that has the user IDs given, then waits until the write end of
 * pipe P is closed. */
static pid_t sleeper(const int p[2], uid_t r, uid_t e, uid_t s) {
    int ready[2];
    pid_t pid;
    char c;

    CHECK(pipe(ready) == 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(p[1]);
        close(ready[0]);
        if (setresuid(r, e, s) < 0)
            _exit(99);
        close(ready[1]);
        while (read(p[0], &c, 1) > 0)
            ;
        _exit(0);
    }
    close(ready[1]);
    CHECK(read(ready[0], &c, 1) == 0);
    close(ready[0]);
    return pid;
}

static void host_view(pid_t pid) {
    char path[64], line[256];
    FILE* f;

    snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
    f = fopen(path, "re");
    CHECK(f != NULL);
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, "Cpus_allowed_list:", 18))
            printf("the first user's sleeper in /proc: %s", line);
    fclose(f);
}

static int perm(bool proc) {
    unsigned long all = getaff(0), one = all & -all, none = 0;
    /* run by another user, all are that user's */
    uid_t me = getuid(), other = me == 0 ? UNUSED_ID : me;
    pid_t first, ruid, euid, mine, child;
    int p[2], st;

    CHECK(pipe(p) == 0);
    /* the first user's, another whose real ID is the unused one, another
     * whose effective ID is */
    first = sleeper(p, me, me, me);
    ruid = sleeper(p, other, me, me);
    euid = sleeper(p, me, other, me);
    printf("the set: %#lx, one CPU of it: %#lx\n", all, one);
    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        /* as the unused user, without capabilities */
        print_rc("setresuid(unused)", setresuid(other, other, other));
        print_rc("sched_setaffinity(the first user's, {one})", setaff(first, sizeof(one), &one));
        print_rc("sched_setaffinity(the first user's, {})", setaff(first, sizeof(none), &none));
        print_rc("sched_setaffinity(the first user's, 8, (void*)1)", setaff(first, 8, (void*)1));
        print_rc("sched_setaffinity(999999999, {one})", setaff(999999999, sizeof(one), &one));
        print_rc("sched_setaffinity(-1, {one})", setaff(-1, sizeof(one), &one));
        printf("sched_getaffinity(the first user's) = %#lx\n", getaff(first));
        print_rc("sched_setaffinity(real ID's, {one})", setaff(ruid, sizeof(one), &one));
        print_rc("sched_setaffinity(effective ID's, {one})", setaff(euid, sizeof(one), &one));
        mine = sleeper(p, other, other, other);
        print_rc("sched_setaffinity(its own child's, {})", setaff(mine, sizeof(none), &none));
        print_rc("sched_setaffinity(its own child's, {one})", setaff(mine, sizeof(one), &one));
        printf("sched_getaffinity(its own child's) = %#lx\n", getaff(mine));
        fflush(stdout);
        _exit(0);
    }
    CHECK(waitpid(child, &st, 0) == child);
    print_status("the unused user", st);
    printf("sched_getaffinity(the first user's) = %#lx\n", getaff(first));
    printf("sched_getaffinity(real ID's) = %#lx\n", getaff(ruid));
    printf("sched_getaffinity(effective ID's) = %#lx\n", getaff(euid));
    if (proc)
        host_view(first);
    close(p[1]);
    while (wait(&st) > 0)
        ;
    return 0;
}

/* sched_setattr to POLICY (SCHED_DEADLINE: 1 ms every 10 ms). */
static long setattr(pid_t pid, uint32_t policy) {
    struct sched_attr a = {.size = sizeof(a), .sched_policy = policy};

    if (policy == SCHED_DEADLINE) {
        a.sched_runtime = 1000000;
        a.sched_deadline = a.sched_period = 10000000;
    }
    return syscall(SYS_sched_setattr, pid, &a, 0);
}

static long policy_of(pid_t pid) {
    struct sched_attr a;

    if (syscall(SYS_sched_getattr, pid, &a, sizeof(a), 0) < 0)
        return -1;
    return a.sched_policy;
}

/* SCHED_DEADLINE for PID (0: the caller), what it changes, and back. */
static void deadline(const char* who, pid_t pid) {
    unsigned long all = getaff(pid), one = all & -all;
    pid_t child;
    int st;

    printf("-- %s\n", who);
    if (print_rc("sched_setattr(SCHED_DEADLINE)", setattr(pid, SCHED_DEADLINE)) < 0)
        return;
    print_rc("sched_getattr: policy", policy_of(pid));
    print_rc("sched_setaffinity({one})", setaff(pid, sizeof(one), &one));
    printf("sched_getaffinity = %#lx\n", getaff(pid));
    if (pid == 0) {
        child = fork();
        if (child == 0)
            _exit(0);
        if (print_rc("fork", child < 0 ? -1 : 0) == 0)
            CHECK(waitpid(child, &st, 0) == child);
    }
    print_rc("sched_setattr(SCHED_OTHER)", setattr(pid, SCHED_OTHER));
    print_rc("sched_getattr: policy", policy_of(pid));
    print_rc("sched_setaffinity({one})", setaff(pid, sizeof(one), &one));
    print_rc("sched_setaffinity(all)", setaff(pid, sizeof(all), &all));
}

/* the waiting thread says it is there on one, waits for the other's end */
static int g_ready[2], g_quit[2];

static void* own_thread(void* arg) {
    deadline("a new thread, itself", 0);
    return arg;
}

static void* waiting_thread(void* arg) {
    char c;

    *(pid_t*)arg = (pid_t)syscall(SYS_gettid);
    CHECK(write(g_ready[1], "x", 1) == 1);
    while (read(g_quit[0], &c, 1) > 0)
        ;
    return NULL;
}

static int deadlines(void) {
    struct sched_param param = {0};
    pthread_t th;
    pid_t tid;
    char c;

    print_rc("sched_setscheduler(SCHED_DEADLINE)", syscall(SYS_sched_setscheduler, 0, SCHED_DEADLINE,
                                                    &param));
    deadline("the process", 0);
    CHECK(pthread_create(&th, NULL, own_thread, NULL) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    CHECK(pipe(g_ready) == 0 && pipe(g_quit) == 0);
    CHECK(pthread_create(&th, NULL, waiting_thread, &tid) == 0);
    CHECK(read(g_ready[0], &c, 1) == 1);
    deadline("another thread", tid);
    CHECK(close(g_quit[1]) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    return 0;
}

int main(int argc, char** argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 2 && !strcmp(argv[1], "perm"))
        return perm(argc == 3 && !strcmp(argv[2], "-p"));
    if (argc == 2 && !strcmp(argv[1], "deadline"))
        return deadlines();
    fprintf(stderr, "usage: sched-perm perm [-p] | deadline\n");
    return 2;
}

/*
 * shim-sched-policy.c: sched_yield, sched_getscheduler,
 * sched_setscheduler, sched_getparam, sched_setparam, sched_getattr,
 * sched_get_priority_min/max, sched_rr_get_interval and getcpu
 * (shim-memev.h), on the caller, another process of the program, init
 * and a process that does not exist.  Run as root and as a user of its
 * own: the real-time policies need CAP_SYS_NICE, another user's process
 * the permission over it.
 *
 * "shim-sched-policy cpu" prints the CPU getcpu names (for a comparison
 * with taskset(1)).
 */
#include "shim-memev.h"

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

#define NO_PID 0x3ffffff0 /* above any pid_max */

struct kattr {
    uint32_t size, policy;
    uint64_t flags;
    int32_t nice;
    uint32_t priority;
    uint64_t runtime, deadline, period;
    uint32_t util_min, util_max;
};

static void ranges(void) {
    static const int policies[] = {0, 1, 2, 3, 4, 5, 6, 8, -1, 0x40000000 | 1};
    char what[64];

    for (size_t i = 0; i < sizeof(policies) / sizeof(policies[0]); i++) {
        snprintf(what, sizeof(what), "sched_get_priority_max(%#x)", policies[i]);
        T(what, syscall(SYS_sched_get_priority_max, policies[i]));
        snprintf(what, sizeof(what), "sched_get_priority_min(%#x)", policies[i]);
        T(what, syscall(SYS_sched_get_priority_min, policies[i]));
    }
}

static void getters(const char* who, pid_t pid) {
    struct sched_param sp = {-1};
    static union {
        struct kattr a;
        char page[8192];
    } u;
    struct kattr* ap = &u.a;
    struct timespec ts = {-1, -1};
    char what[128];

#define W(s) (snprintf(what, sizeof(what), "%s(%s)", (s), who), what)
    T(W("sched_getscheduler"), syscall(SYS_sched_getscheduler, pid));
    T(W("sched_getparam"), syscall(SYS_sched_getparam, pid, &sp));
    printf("  priority %d\n", sp.sched_priority);
    T(W("sched_getparam, NULL"), syscall(SYS_sched_getparam, pid, NULL));
    T(W("sched_getparam, bad param"), syscall(SYS_sched_getparam, pid, BAD));
    memset(&u, 0xff, sizeof(u));
    T(W("sched_getattr"), syscall(SYS_sched_getattr, pid, ap, sizeof(*ap), 0));
    printf("  size %u policy %u flags %#llx nice %d priority %u\n", ap->size, ap->policy,
           (unsigned long long)ap->flags, ap->nice, ap->priority);
    T(W("sched_getattr, size 48"), syscall(SYS_sched_getattr, pid, ap, 48, 0));
    T(W("sched_getattr, size 47"), syscall(SYS_sched_getattr, pid, ap, 47, 0));
    T(W("sched_getattr, size 4097"), syscall(SYS_sched_getattr, pid, ap, 4097, 0));
    T(W("sched_getattr, flags 1"), syscall(SYS_sched_getattr, pid, ap, sizeof(*ap), 1));
    T(W("sched_getattr, NULL"), syscall(SYS_sched_getattr, pid, NULL, sizeof(*ap), 0));
    T(W("sched_getattr, bad attr"), syscall(SYS_sched_getattr, pid, BAD, sizeof(*ap), 0));
    T(W("sched_getattr, size 4096"), syscall(SYS_sched_getattr, pid, ap, 4096, 0));
    T(W("sched_getattr, size 4096, past the end"),
      syscall(SYS_sched_getattr, pid, u.page + sizeof(u.page) - 64, 4096, 0));
    T(W("sched_rr_get_interval"), syscall(SYS_sched_rr_get_interval, pid, &ts));
    printf("  sane: %s\n", ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000 ? "yes" : "no");
    T(W("sched_rr_get_interval, bad interval"), syscall(SYS_sched_rr_get_interval, pid, BAD));
#undef W
}

static void setters(const char* who, pid_t pid) {
    struct sched_param zero = {0}, one = {1}, p99 = {99}, p100 = {100}, neg = {-1};
    char what[128];

#define W(s) (snprintf(what, sizeof(what), "%s(%s)", (s), who), what)
#define SET(s, pol, p) T(W(s), syscall(SYS_sched_setscheduler, pid, (pol), (p)))
    SET("sched_setscheduler SCHED_OTHER 0", SCHED_OTHER, &zero);
    SET("sched_setscheduler SCHED_OTHER 1", SCHED_OTHER, &one);
    SET("sched_setscheduler SCHED_BATCH 0", SCHED_BATCH, &zero);
    SET("sched_setscheduler SCHED_IDLE 0", SCHED_IDLE, &zero);
    SET("sched_setscheduler SCHED_FIFO 0", SCHED_FIFO, &zero);
    SET("sched_setscheduler SCHED_FIFO 100", SCHED_FIFO, &p100);
    SET("sched_setscheduler SCHED_RR -1", SCHED_RR, &neg);
    SET("sched_setscheduler SCHED_DEADLINE 0", SCHED_DEADLINE, &zero);
    SET("sched_setscheduler 4", 4, &zero);
    SET("sched_setscheduler 8", 8, &zero);
    SET("sched_setscheduler -1", -1, &zero);
    SET("sched_setscheduler -1, NULL", -1, NULL);
    SET("sched_setscheduler SCHED_OTHER, NULL", SCHED_OTHER, NULL);
    SET("sched_setscheduler SCHED_OTHER, bad param", SCHED_OTHER, BAD);
    SET("sched_setscheduler 8, bad param", 8, BAD);
    SET("sched_setscheduler SCHED_OTHER|SCHED_RESET_ON_FORK 0", SCHED_OTHER | SCHED_RESET_ON_FORK, &zero);
    SET("sched_setscheduler SCHED_FIFO 1", SCHED_FIFO, &one);
    SET("sched_setscheduler SCHED_RR 99", SCHED_RR, &p99);
    T(W("sched_getscheduler"), syscall(SYS_sched_getscheduler, pid));
    T(W("sched_setparam 100"), syscall(SYS_sched_setparam, pid, &p100));
    T(W("sched_setparam -1"), syscall(SYS_sched_setparam, pid, &neg));
    T(W("sched_setparam 1"), syscall(SYS_sched_setparam, pid, &one));
    T(W("sched_setparam 0"), syscall(SYS_sched_setparam, pid, &zero));
    T(W("sched_setparam NULL"), syscall(SYS_sched_setparam, pid, NULL));
    T(W("sched_setparam bad param"), syscall(SYS_sched_setparam, pid, BAD));
    SET("sched_setscheduler SCHED_OTHER 0, back", SCHED_OTHER, &zero);
    T(W("sched_setparam 1, SCHED_OTHER"), syscall(SYS_sched_setparam, pid, &one));
    T(W("sched_getscheduler"), syscall(SYS_sched_getscheduler, pid));
#undef SET
#undef W
}

static void cpus(void) {
    unsigned cpu = 99999, node = 99999;
    cpu_set_t set;

    CHECK(sched_getaffinity(0, sizeof(set), &set) == 0);
    T("getcpu", syscall(SYS_getcpu, &cpu, &node, NULL));
    printf("  in its set: %s, a node: %s\n", CPU_ISSET(cpu, &set) ? "yes" : "no",
           node != 99999 ? "yes" : "no");
    T("getcpu(NULL, NULL)", syscall(SYS_getcpu, NULL, NULL, NULL));
    T("getcpu(bad cpu)", syscall(SYS_getcpu, BAD, &node, NULL));
    T("getcpu(bad node)", syscall(SYS_getcpu, &cpu, BAD, NULL));
    T("getcpu(bad cache)", syscall(SYS_getcpu, &cpu, &node, BAD));
    cpu = node = 99999;
    T("getcpu(cpu only)", syscall(SYS_getcpu, &cpu, NULL, NULL));
    printf("  in its set: %s\n", CPU_ISSET(cpu, &set) ? "yes" : "no");
    T("getcpu(node only)", syscall(SYS_getcpu, NULL, &node, NULL));
    for (int c = 0; c < CPU_SETSIZE; c++) {
        cpu_set_t one;

        if (!CPU_ISSET(c, &set))
            continue;
        CPU_ZERO(&one);
        CPU_SET(c, &one);
        CHECK(sched_setaffinity(0, sizeof(one), &one) == 0);
        CHECK(syscall(SYS_getcpu, &cpu, NULL, NULL) == 0);
        if ((int)cpu != c)
            printf("getcpu on CPU %d alone says %u\n", c, cpu);
    }
    CHECK(sched_setaffinity(0, sizeof(set), &set) == 0);
    printf("getcpu: each CPU of its set alone named\n");
}

int main(int argc, char** argv) {
    pid_t child;
    int st;

    setup_stdout();
    if (argc > 1 && !strcmp(argv[1], "cpu")) {
        unsigned cpu;

        CHECK(syscall(SYS_getcpu, &cpu, NULL, NULL) == 0);
        printf("cpu %u\n", cpu);
        return 0;
    }
    section("ranges");
    ranges();
    section("yield");
    for (int i = 0; i < 3; i++)
        T("sched_yield", syscall(SYS_sched_yield));
    section("getters");
    getters("self", 0);
    getters("own pid", getpid());
    getters("init", 1);
    getters("no such process", NO_PID);
    getters("-1", -1);
    section("setters");
    setters("self", 0);
    setters("no such process", NO_PID);
    setters("-1", -1);
    if (geteuid() != 0)
        setters("init", 1); /* as root it would change init's */
    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        pause();
        _exit(0);
    }
    getters("child", child);
    setters("child", child);
    CHECK(kill(child, SIGKILL) == 0 && waitpid(child, &st, 0) == child);
    section("getcpu");
    cpus();
    return 0;
}

/*
 * shim-ids-rlimit.c: getrlimit, prlimit64 and getrusage (one of the
 * shim-ids programs: shim-ids.h).
 */
#include "shim-ids.h"

static const char* const g_rlimit_names[] = {
    "CPU",   "FSIZE",   "DATA",   "STACK",      "CORE",  "RSS",    "NPROC",  "NOFILE",
    "MEMLOCK", "AS",    "LOCKS",  "SIGPENDING", "MSGQUEUE", "NICE", "RTPRIO", "RTTIME",
};

static void print_limit(const char* what, const struct rlimit* r) {
    printf("%s:", what);
    if (r->rlim_cur == RLIM_INFINITY)
        printf(" inf");
    else
        printf(" %llu", (unsigned long long)r->rlim_cur);
    if (r->rlim_max == RLIM_INFINITY)
        printf(" inf\n");
    else
        printf(" %llu\n", (unsigned long long)r->rlim_max);
}

static void* thread_rlimit(void* arg) {
    struct rlimit r, p;

    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r) == 0);
    print_rc("thread: prlimit64(gettid(), NOFILE)",
       syscall(SYS_prlimit64, syscall(SYS_gettid), RLIMIT_NOFILE, NULL, &p));
    printf("thread: same as getrlimit: %s\n", memcmp(&r, &p, sizeof(r)) ? "no" : "yes");
    print_rc("thread: prlimit64(getpid(), NOFILE)",
       syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &p));
    printf("thread: same as getrlimit: %s\n", memcmp(&r, &p, sizeof(r)) ? "no" : "yes");
    return arg;
}

static void rlimit_section(void) {
    struct rusage ru;
    struct rlimit r, p, set;
    pthread_t t;
    char what[64];

    printf("== rlimit\n");
    for (unsigned int i = 0; i < sizeof(g_rlimit_names) / sizeof(g_rlimit_names[0]); i++) {
        memset(&r, 0, sizeof(r));
        CHECK(syscall(SYS_getrlimit, i, &r) == 0);
        CHECK(syscall(SYS_prlimit64, 0, i, NULL, &p) == 0);
        snprintf(what, sizeof(what), "RLIMIT_%s%s", g_rlimit_names[i],
                 memcmp(&r, &p, sizeof(r)) ? " (prlimit64 differs)" : "");
        print_limit(what, &r);
    }
    print_rc("getrlimit(16, &r)", syscall(SYS_getrlimit, 16, &r));
    print_rc("getrlimit(-1, &r)", syscall(SYS_getrlimit, -1, &r));
    print_rc("getrlimit(NOFILE, NULL)", syscall(SYS_getrlimit, RLIMIT_NOFILE, NULL));
    print_rc("getrlimit(NOFILE, 1)", syscall(SYS_getrlimit, RLIMIT_NOFILE, BAD));
    print_rc("getrlimit(NOFILE, 8 bytes before PROT_NONE)",
       syscall(SYS_getrlimit, RLIMIT_NOFILE, g_pages + PAGE - 8));
    print_rc("getrlimit(16, 1)", syscall(SYS_getrlimit, 16, BAD));
    print_rc("prlimit64(getpid(), NOFILE, NULL, &p)",
       syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &p));
    print_rc("prlimit64(0, NOFILE, NULL, NULL)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, NULL));
    print_rc("prlimit64(0, 16, NULL, NULL)", syscall(SYS_prlimit64, 0, 16, NULL, NULL));
    print_rc("prlimit64(0, 16, NULL, 1)", syscall(SYS_prlimit64, 0, 16, NULL, BAD));
    print_rc("prlimit64(0, NOFILE, NULL, 1)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, BAD));
    print_rc("prlimit64(0, 16, 1, NULL)", syscall(SYS_prlimit64, 0, 16, BAD, NULL));
    print_rc("prlimit64(-1, 16, NULL, &p)", syscall(SYS_prlimit64, -1, 16, NULL, &p));
    print_rc("prlimit64(-1, NOFILE, NULL, &p)", syscall(SYS_prlimit64, -1, RLIMIT_NOFILE, NULL, &p));
    print_rc("prlimit64(0x3fffffff, NOFILE, NULL, &p)",
       syscall(SYS_prlimit64, 0x3fffffff, RLIMIT_NOFILE, NULL, &p));
    print_rc("prlimit64(1, NOFILE, NULL, &p)", syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &p));
    CHECK(pthread_create(&t, NULL, thread_rlimit, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    /* setting */
    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r) == 0);
    set.rlim_cur = r.rlim_cur / 2;
    set.rlim_max = r.rlim_max;
    print_rc("setrlimit(NOFILE, cur / 2)", syscall(SYS_setrlimit, RLIMIT_NOFILE, &set));
    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &p) == 0);
    printf("getrlimit sees it: %s\n", p.rlim_cur == set.rlim_cur ? "yes" : "no");
    set.rlim_cur = r.rlim_cur;
    print_rc("prlimit64(0, NOFILE, &old cur, &p)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, &p));
    printf("old is cur / 2: %s\n", p.rlim_cur == r.rlim_cur / 2 ? "yes" : "no");
    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &p) == 0);
    printf("restored: %s\n", memcmp(&r, &p, sizeof(r)) ? "no" : "yes");
    set.rlim_cur = 10;
    set.rlim_max = 5;
    print_rc("prlimit64(0, NOFILE, {10, 5}, NULL)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, NULL));
    print_rc("setrlimit(NOFILE, 1)", syscall(SYS_setrlimit, RLIMIT_NOFILE, BAD));

    /* getrusage: WHO first, then the copy out */
    memset(&ru, 0, sizeof(ru));
    print_rc("getrusage(SELF, &ru)", syscall(SYS_getrusage, RUSAGE_SELF, &ru));
    printf("  a peak resident size and a user or system time: %s\n",
           ru.ru_maxrss > 0 && (ru.ru_utime.tv_sec || ru.ru_utime.tv_usec || ru.ru_stime.tv_sec ||
                                ru.ru_stime.tv_usec)
               ? "yes"
               : "no");
    print_rc("getrusage(CHILDREN, &ru)", syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru));
    print_rc("getrusage(THREAD, &ru)", syscall(SYS_getrusage, RUSAGE_THREAD, &ru));
    print_rc("getrusage(-2 (RUSAGE_BOTH), &ru)", syscall(SYS_getrusage, -2, &ru));
    print_rc("getrusage(2, &ru)", syscall(SYS_getrusage, 2, &ru));
    print_rc("getrusage(INT_MIN, 1)", syscall(SYS_getrusage, INT_MIN, BAD));
    print_rc("getrusage(SELF, NULL)", syscall(SYS_getrusage, RUSAGE_SELF, NULL));
    print_rc("getrusage(SELF, 1)", syscall(SYS_getrusage, RUSAGE_SELF, BAD));
    print_rc("getrusage(THREAD, 8 bytes before PROT_NONE)",
       syscall(SYS_getrusage, RUSAGE_THREAD, g_pages + PAGE - 8));
}

int main(void) {
    shim_ids_setup();
    rlimit_section();
    fflush(stdout);
    return 0;
}

/*
 * stack-grow.c: system calls that read or write memory below the main
 * thread's stack, where the kernel grows the stack when the thread faults
 * there (within RLIMIT_STACK, not into the guard gap of the mapping
 * below).  Each buffer is placed below the stack as it is at that moment,
 * in memory nothing has touched:
 *
 *   uname and getcwd 256 KiB below the stack, uname across its lower end,
 *   access (a name: the kernel reads it, an empty one) and
 *   sched_setaffinity (a mask: an empty one) read from below it,
 *   uname into the lower stack after a PROT_NONE map over it was unmapped,
 *   uname below an RLIMIT_STACK the program lowered (EFAULT), and, when
 *   given a size in KiB, below the stack after the program raised its soft
 *   RLIMIT_STACK to its hard limit (stack-grow RAISED_KIB).
 *
 * Each line is a call and its result (a number, or -1 and the errno's
 * name) and whether what it wrote is what the same call writes into an
 * ordinary buffer.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "tests.h"

#define KIB 1024UL

/* The [stack] mapping's bounds now. */
static uintptr_t stack_start(uintptr_t* end) {
    char line[512];
    uintptr_t s = 0, e = 0;
    FILE* f = fopen("/proc/self/maps", "re");

    CHECK(f != NULL);
    while (fgets(line, sizeof(line), f))
        if (strstr(line, "[stack]"))
            CHECK(sscanf(line, "%lx-%lx", &s, &e) == 2);
    fclose(f);
    CHECK(s != 0);
    if (end)
        *end = e;
    return s;
}

/* An address BELOW bytes under the stack's lower end. */
static void* below(uintptr_t below) {
    return (void*)(stack_start(NULL) - below);
}

static void try_uname(const char* what, void* buf) {
    struct utsname mine;

    CHECK(uname(&mine) == 0);
    if (print_rc(what, syscall(SYS_uname, buf)) == 0)
        printf("  the same as uname's: %s\n", !memcmp(buf, &mine, sizeof(mine)) ? "yes" : "no");
}

static void try_getcwd(const char* what, void* buf) {
    char mine[PATH_MAX];

    CHECK(getcwd(mine, sizeof(mine)) != NULL);
    if (print_rc(what, syscall(SYS_getcwd, buf, PATH_MAX)) > 0)
        printf("  the same as getcwd's: %s\n", !strcmp(buf, mine) ? "yes" : "no");
}

int main(int argc, char** argv) {
    long page = sysconf(_SC_PAGESIZE);
    struct rlimit old, lim;
    uintptr_t start, end;
    char* low;

    setvbuf(stdout, NULL, _IOLBF, 0);
    try_uname("uname(256 KiB below the stack)", below(256 * KIB));
    try_getcwd("getcwd(256 KiB below the stack)", below(256 * KIB));
    try_uname("uname(across the stack's lower end)", below(100));
    print_rc("access(256 KiB below the stack: \"\")", syscall(SYS_access, below(256 * KIB), F_OK));
    print_rc("sched_setaffinity(0, 8, 256 KiB below the stack: {})",
             syscall(SYS_sched_setaffinity, 0, 8, below(256 * KIB)));

    /* the lowest 64 KiB of the stack (grown by now, and unused) mapped
     * over, then unmapped: the stack grows there again */
    start = stack_start(&end);
    low = mmap((void*)start, 64 * KIB, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(low == (void*)start);
    CHECK(munmap(low, 64 * KIB) == 0);
    printf("the stack's lower end moved up by 64 KiB: %s\n",
           stack_start(NULL) == start + 64 * KIB ? "yes" : "no");
    try_uname("uname(into the unmapped lower stack)", low + page);

    /* the limit is the program's: lowered to what the stack has now and
     * 64 KiB more, 256 KiB below is beyond it */
    CHECK(getrlimit(RLIMIT_STACK, &old) == 0);
    start = stack_start(&end);
    lim = old;
    lim.rlim_cur = end - start + 64 * KIB;
    CHECK(setrlimit(RLIMIT_STACK, &lim) == 0);
    try_uname("uname(256 KiB below, beyond the lowered RLIMIT_STACK)", below(256 * KIB));
    try_uname("uname(32 KiB below, within it)", below(32 * KIB));
    CHECK(setrlimit(RLIMIT_STACK, &old) == 0);

    if (argc == 2) {
        /* RAISED_KIB below: beyond the soft limit the program was started
         * with, within the one it takes */
        unsigned long raised = strtoul(argv[1], NULL, 10) * KIB;

        lim = old;
        lim.rlim_cur = old.rlim_max;
        print_rc("setrlimit(RLIMIT_STACK, its hard limit)", setrlimit(RLIMIT_STACK, &lim));
        start = stack_start(&end);
        printf("below the limit it was started with: %s\n",
               end - (start - raised) > old.rlim_cur ? "yes" : "no");
        try_uname("uname(below the limit it started with)", below(raised));
    }
    return 0;
}

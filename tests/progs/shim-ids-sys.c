/*
 * shim-ids-sys.c: uname and personality, sysinfo, getrandom: what the
 * system says of itself (one of the shim-ids programs: shim-ids.h).
 */
#include "shim-ids.h"

static void personality_child(void) {
    print_rc("personality(PER_LINUX32)", syscall(SYS_personality, PER_LINUX32));
    print_rc("personality(query)", syscall(SYS_personality, 0xffffffff));
    print_uname("PER_LINUX32");
    print_rc("personality(PER_LINUX | UNAME26)", syscall(SYS_personality, PER_LINUX | UNAME26));
    print_uname("UNAME26");
    print_rc("personality(0x1ffffffff: the query)", syscall(SYS_personality, 0x1ffffffffUL));
    print_rc("personality(PER_LINUX)", syscall(SYS_personality, PER_LINUX));
    print_uname("PER_LINUX again");
    print_rc("personality(PER_LINUX32 | READ_IMPLIES_EXEC)",
       syscall(SYS_personality, PER_LINUX32 | READ_IMPLIES_EXEC));
    print_rc("personality(query)", syscall(SYS_personality, 0xffffffff));
    fflush(stdout);
    /* a new 64-bit program keeps the personality but READ_IMPLIES_EXEC */
    execl(g_self, g_self, "uname-arch", (char*)NULL);
    printf("execl: %s\n", strerror(errno));
}

static void uname_section(void) {
    printf("== uname\n");
    print_uname("uname");
    print_rc("uname(1)", syscall(SYS_uname, BAD));
    print_rc("uname(NULL)", syscall(SYS_uname, NULL));
    print_rc("uname(100 bytes before PROT_NONE)", syscall(SYS_uname, g_pages + PAGE - 100));
    print_rc("uname(read-only)", syscall(SYS_uname, g_pages + 2 * PAGE));
    print_rc("personality(query)", syscall(SYS_personality, 0xffffffff));
    in_child("personality", personality_child);
}

/* /proc/meminfo's FIELD in kB */
static unsigned long long meminfo(const char* field) {
    char line[256];
    unsigned long long v = 0;
    FILE* f = fopen("/proc/meminfo", "r");

    CHECK(f);
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, field, strlen(field)) && line[strlen(field)] == ':')
            v = strtoull(line + strlen(field) + 1, NULL, 10);
    fclose(f);
    return v;
}

static double proc_uptime(void) {
    double up = 0;
    FILE* f = fopen("/proc/uptime", "r");

    CHECK(f && fscanf(f, "%lf", &up) == 1);
    fclose(f);
    return up;
}

static void sysinfo_section(void) {
    struct sysinfo si;
    double up;

    printf("== sysinfo\n");
    memset(&si, 0xa5, sizeof(si));
    print_rc("sysinfo(&si)", syscall(SYS_sysinfo, &si));
    up = proc_uptime();
    printf("uptime within 2 s of /proc/uptime: %s\n",
           si.uptime >= (long)up - 1 && si.uptime <= (long)up + 2 ? "yes" : "no");
    printf("mem_unit %u\n", si.mem_unit);
    printf("totalram is MemTotal: %s\n",
           (unsigned long long)si.totalram * si.mem_unit == meminfo("MemTotal") * 1024 ? "yes"
                                                                                       : "no");
    printf("totalswap is SwapTotal: %s\n",
           (unsigned long long)si.totalswap * si.mem_unit == meminfo("SwapTotal") * 1024 ? "yes"
                                                                                         : "no");
    printf("freeram at most totalram: %s, procs > 0: %s\n",
           si.freeram <= si.totalram ? "yes" : "no", si.procs > 0 ? "yes" : "no");
    print_rc("sysinfo(1)", syscall(SYS_sysinfo, BAD));
    print_rc("sysinfo(NULL)", syscall(SYS_sysinfo, NULL));
    print_rc("sysinfo(16 bytes before PROT_NONE)", syscall(SYS_sysinfo, g_pages + PAGE - 16));
}

static void random_section(void) {
    unsigned char a[32], b[32], big[PAGE + 100];
    char* huge;
    long n;
    int untouched = 1, zeros = 0;

    printf("== random\n");
    print_rc("getrandom(a, 32, 0)", syscall(SYS_getrandom, a, 32, 0));
    print_rc("getrandom(b, 32, 0)", syscall(SYS_getrandom, b, 32, 0));
    printf("two reads differ: %s\n", memcmp(a, b, sizeof(a)) ? "yes" : "no");
    memset(big, 0, sizeof(big));
    print_rc("getrandom(big, 4096, 0)", syscall(SYS_getrandom, big, PAGE, 0));
    for (int i = 0; i < PAGE; i++)
        zeros += big[i] == 0;
    for (int i = PAGE; i < PAGE + 100; i++)
        untouched &= big[i] == 0;
    printf("filled: %s, bytes after untouched: %s\n", zeros < 100 ? "yes" : "no",
           untouched ? "yes" : "no");
    print_rc("getrandom(NULL, 0, 0)", syscall(SYS_getrandom, NULL, 0, 0));
    print_rc("getrandom(1, 0, 0)", syscall(SYS_getrandom, BAD, 0, 0));
    print_rc("getrandom(1, 10, 0)", syscall(SYS_getrandom, BAD, 10, 0));
    /* outside user memory: EFAULT even for no bytes (access_ok) */
    print_rc("getrandom(kernel, 0, 0)", syscall(SYS_getrandom, (void*)0xffffffff81000000UL, 0, 0));
    print_rc("getrandom(kernel, 0, GRND_NONBLOCK)",
       syscall(SYS_getrandom, (void*)0xffffffff81000000UL, 0, GRND_NONBLOCK));
    print_rc("getrandom(-1, 0, 0)", syscall(SYS_getrandom, (void*)-1L, 0, 0));
    print_rc("getrandom(a, 16, GRND_NONBLOCK)", syscall(SYS_getrandom, a, 16, GRND_NONBLOCK));
    print_rc("getrandom(a, 16, GRND_RANDOM)", syscall(SYS_getrandom, a, 16, GRND_RANDOM));
    print_rc("getrandom(a, 16, GRND_RANDOM | GRND_NONBLOCK)",
       syscall(SYS_getrandom, a, 16, GRND_RANDOM | GRND_NONBLOCK));
    print_rc("getrandom(a, 16, GRND_INSECURE)", syscall(SYS_getrandom, a, 16, GRND_INSECURE));
    print_rc("getrandom(a, 16, GRND_INSECURE | GRND_RANDOM)",
       syscall(SYS_getrandom, a, 16, GRND_INSECURE | GRND_RANDOM));
    print_rc("getrandom(a, 16, 8)", syscall(SYS_getrandom, a, 16, 8));
    print_rc("getrandom(a, 16, 1 << 31)", syscall(SYS_getrandom, a, 16, 1U << 31));
    print_rc("getrandom(1, 16, 8)", syscall(SYS_getrandom, BAD, 16, 8));
    /* partial: up to the page it cannot write */
    print_rc("getrandom(100 bytes before PROT_NONE, 1000, 0)",
       syscall(SYS_getrandom, g_pages + PAGE - 100, 1000, 0));
    print_rc("getrandom(PROT_NONE, 10, 0)", syscall(SYS_getrandom, g_pages + PAGE, 10, 0));
    print_rc("getrandom(read-only, 10, 0)", syscall(SYS_getrandom, g_pages + 2 * PAGE, 10, 0));
    print_rc("getrandom(page start, 4096 + 1, 0)", syscall(SYS_getrandom, g_pages, PAGE + 1, 0));
    /* beyond what the tracer answers itself */
    huge = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(huge != MAP_FAILED);
    print_rc("getrandom(1 MiB, 1 MiB, 0)", syscall(SYS_getrandom, huge, 1 << 20, 0));
    print_rc("getrandom(64 KiB + 1, 64 KiB + 1, 0)", syscall(SYS_getrandom, huge, 65537, 0));
    print_rc("getrandom(64 KiB, 64 KiB, 0)", syscall(SYS_getrandom, huge, 65536, 0));
    CHECK(munmap(huge + (1 << 19), 1 << 19) == 0);
    print_rc("getrandom(512 KiB mapped, 1 MiB, 0)", syscall(SYS_getrandom, huge, 1 << 20, 0));
    print_rc("getrandom(4 KiB before unmapped, 64 KiB, 0)",
       syscall(SYS_getrandom, huge + (1 << 19) - PAGE, 65536, 0));
    n = syscall(SYS_getrandom, huge, (size_t)-1, GRND_NONBLOCK);
    print_rc("getrandom(512 KiB mapped, SIZE_MAX, GRND_NONBLOCK)", n);
    CHECK(munmap(huge, 1 << 19) == 0);
}

int main(int argc, char** argv) {
    if (argc > 1 && !strcmp(argv[1], "uname-arch")) {
        struct utsname u;

        CHECK(syscall(SYS_uname, &u) == 0);
        printf("new program: personality %#lx machine '%s'\n",
               syscall(SYS_personality, 0xffffffff), u.machine);
        return 0;
    }
    shim_ids_setup();
    uname_section();
    fflush(stdout);
    sysinfo_section();
    fflush(stdout);
    random_section();
    fflush(stdout);
    return 0;
}

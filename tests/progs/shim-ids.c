/*
 * shim-ids.c: identity, system information and resource limits, as the
 * shim answers them (shim-ids.test compares a native run with ptshim's).
 *
 *   shim-ids [SECTION...]   creds setids uname sysinfo random umask rlimit
 *                           ns (all of them, in that order, by default)
 *   shim-ids ids            (re-executed) print the IDs
 *   shim-ids uname-arch     (re-executed) print uname's machine and release
 *   shim-ids uptime-shift REF   (re-executed) whether sysinfo's uptime
 *                           is REF plus the time namespace's offset
 *
 * Each call is made raw (syscall()) where libc would hide what the kernel
 * does, with its errors: bad pointers (1, a PROT_NONE page, a read-only
 * page), bad sizes and flags.  Values that differ between runs (uptime,
 * free memory) print as relations.  The set*id, namespace and set-user-ID
 * cases need root and say so otherwise.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/random.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

#define BAD ((void*)1)
#define PAGE 4096

static const char* g_self;
/* who prints, passed to threads and clone children */
static char g_who_thread[] = "thread", g_who_thread_thread[] = "thread's thread",
            g_who_its_thread[] = "its thread", g_who_clone_child[] = "clone(CLONE_NEWUSER) child";
static char* g_pages; /* page 0 writable, 1 PROT_NONE, 2 read-only */

/* "= 3", or "= -1 EFAULT" */
static void rc(const char* what, long ret) {
    if (ret < 0)
        printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s = %ld\n", what, ret);
}

/* umask's result, in octal */
static void rc_octal(const char* what, long ret) {
    if (ret < 0)
        printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else
        printf("%s = %#lo\n", what, ret);
}

static void print_ids(const char* who) {
    uid_t r = 0, e = 0, s = 0;
    gid_t gr = 0, ge = 0, gs = 0;
    gid_t groups[64];
    long n;

    CHECK(syscall(SYS_getresuid, &r, &e, &s) == 0);
    CHECK(syscall(SYS_getresgid, &gr, &ge, &gs) == 0);
    printf("%s: uid %ld euid %ld gid %ld egid %ld res uid %u %u %u gid %u %u %u groups", who,
           syscall(SYS_getuid), syscall(SYS_geteuid), syscall(SYS_getgid), syscall(SYS_getegid),
           r, e, s, gr, ge, gs);
    n = syscall(SYS_getgroups, 64, groups);
    for (long i = 0; i < n; i++)
        printf(" %u", groups[i]);
    printf("%s\n", n < 0 ? " (too many)" : "");
}

/* Run FN in a child process; its output comes before what follows. */
static void in_child(const char* what, void (*fn)(void)) {
    pid_t pid;
    int st;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        fn();
        fflush(stdout);
        _exit(0);
    }
    CHECK(waitpid(pid, &st, 0) == pid);
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        printf("%s: child status %#x\n", what, st);
}

static void* thread_ids(void* arg) {
    print_ids((const char*)arg);
    return NULL;
}

static void creds(void) {
    gid_t groups[64];
    uid_t r = 12345, e = 12345, s = 12345;
    long n;
    pthread_t t;

    printf("== creds\n");
    print_ids("main");
    CHECK(pthread_create(&t, NULL, thread_ids, g_who_thread) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    n = syscall(SYS_getgroups, 0, NULL);
    rc("getgroups(0, NULL)", n);
    rc("getgroups(0, 1)", syscall(SYS_getgroups, 0, BAD));
    rc("getgroups(-1, list)", syscall(SYS_getgroups, -1, groups));
    rc("getgroups(64, 1)", syscall(SYS_getgroups, 64, BAD));
    if (n > 0)
        rc("getgroups(n - 1, list)", syscall(SYS_getgroups, n - 1, groups));
    rc("getresuid(NULL, &e, &s)", syscall(SYS_getresuid, NULL, &e, &s));
    printf("euid untouched: %s\n", e == 12345 ? "yes" : "no");
    rc("getresuid(&r, 1, &s)", syscall(SYS_getresuid, &r, BAD, &s));
    printf("ruid written before the fault: %s, suid untouched: %s\n",
           r == (uid_t)syscall(SYS_getuid) ? "yes" : "no", s == 12345 ? "yes" : "no");
    rc("getresuid(&r, &e, PROT_NONE)", syscall(SYS_getresuid, &r, &e, g_pages + PAGE));
    rc("getresgid(&r, &e, read-only)", syscall(SYS_getresgid, &r, &e, g_pages + 2 * PAGE));
    rc("getresgid(1, &e, &s)", syscall(SYS_getresgid, BAD, &e, &s));
}

/* A thread changes its own credentials with the raw call (glibc's would
 * change every thread's); a thread it creates inherits them. */
static void* thread_setresuid(void* arg) {
    pthread_t t;

    rc("thread: raw setresuid(65534, 65534, 65534)",
       syscall(SYS_setresuid, 65534, 65534, 65534));
    print_ids("thread after setresuid");
    CHECK(pthread_create(&t, NULL, thread_ids, g_who_thread_thread) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    return arg;
}

static void* thread_wait(void* arg) {
    pthread_barrier_t* b = arg;

    pthread_barrier_wait(b); /* main's setuid() happens meanwhile */
    pthread_barrier_wait(b);
    print_ids("waiting thread after main's setresuid()");
    return NULL;
}

static void setids_child(void) {
    gid_t three[3] = {300, 100, 200};
    gid_t groups[8], forty[40];
    pthread_t t;
    pthread_barrier_t b;

    rc("setgroups(3, {300, 100, 200})", syscall(SYS_setgroups, 3, three));
    print_ids("after setgroups");
    rc("getgroups(2, list)", syscall(SYS_getgroups, 2, groups));
    rc("getgroups(3, 1)", syscall(SYS_getgroups, 3, BAD));
    rc("getgroups(3, PROT_NONE)", syscall(SYS_getgroups, 3, g_pages + PAGE));
    /* the first two fit before the PROT_NONE page */
    rc("getgroups(3, 8 bytes before PROT_NONE)",
       syscall(SYS_getgroups, 3, g_pages + PAGE - 2 * sizeof(gid_t)));
    rc("setgroups(-1, list)", syscall(SYS_setgroups, -1, three));
    rc("setgroups(1, 1)", syscall(SYS_setgroups, 1, BAD));
    /* more than the shim's first guess */
    for (int i = 0; i < 40; i++)
        forty[i] = (gid_t)(1039 - i);
    rc("setgroups(40, {1039 ... 1000})", syscall(SYS_setgroups, 40, forty));
    print_ids("after setgroups(40)");
    rc("getgroups(39, list)", syscall(SYS_getgroups, 39, forty));
    rc("setgroups(0, NULL)", syscall(SYS_setgroups, 0, NULL));
    print_ids("after setgroups(0)");
    rc("setresgid(100, 200, 300)", syscall(SYS_setresgid, 100, 200, 300));
    print_ids("after setresgid");
    rc("setregid(-1, 300)", syscall(SYS_setregid, -1, 300));
    print_ids("after setregid");
    rc("setgid(0)", syscall(SYS_setgid, 0));
    print_ids("after setgid");
    rc("setfsuid(1234)", syscall(SYS_setfsuid, 1234));
    rc("setfsuid(-1)", syscall(SYS_setfsuid, -1));
    rc("setfsuid(0)", syscall(SYS_setfsuid, 0));
    rc("setfsgid(4321)", syscall(SYS_setfsgid, 4321));
    rc("setfsgid(-1)", syscall(SYS_setfsgid, -1));
    rc("setfsgid(0)", syscall(SYS_setfsgid, 0));

    CHECK(pthread_create(&t, NULL, thread_setresuid, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    print_ids("main after the thread's setresuid");

    /* glibc's setresuid() changes every thread */
    CHECK(pthread_barrier_init(&b, NULL, 2) == 0);
    CHECK(pthread_create(&t, NULL, thread_wait, &b) == 0);
    pthread_barrier_wait(&b);
    rc("setresuid(1000, 1000, 0)", setresuid(1000, 1000, 0));
    pthread_barrier_wait(&b);
    CHECK(pthread_join(t, NULL) == 0);
    print_ids("main after setresuid()");
    rc("setreuid(-1, 0)", syscall(SYS_setreuid, -1, 0));
    print_ids("after setreuid");
    rc("setuid(65534)", syscall(SYS_setuid, 65534));
    print_ids("after setuid");
    rc("setuid(0)", syscall(SYS_setuid, 0));
    rc("setresuid(0, 0, 0)", syscall(SYS_setresuid, 0, 0, 0));
    rc("setgroups(0, NULL) unprivileged", syscall(SYS_setgroups, 0, NULL));
    print_ids("after the failures");
    fflush(stdout);
    /* a new program keeps them */
    execl(g_self, g_self, "ids", (char*)NULL);
    printf("execl: %s\n", strerror(errno));
}

/* a set-user-ID and set-group-ID copy of this program, owned by 65534 */
static void suid_child(void) {
    char* envp[] = {NULL};

    execle("./suid-copy", "./suid-copy", "ids", (char*)NULL, envp);
    printf("execve suid-copy: %s\n", strerror(errno));
}

static void copy_file(const char* from, const char* to, mode_t mode) {
    char buf[65536];
    ssize_t n;
    int in = open(from, O_RDONLY), out;

    CHECK(in >= 0);
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0700);
    CHECK(out >= 0);
    while ((n = read(in, buf, sizeof(buf))) > 0)
        CHECK(write(out, buf, (size_t)n) == n);
    CHECK(n == 0);
    CHECK(fchown(out, 65534, 65534) == 0);
    CHECK(fchmod(out, mode) == 0);
    CHECK(close(out) == 0 && close(in) == 0);
}

static void setids(void) {
    printf("== setids\n");
    if (geteuid() != 0) {
        printf("not root: skipped\n");
        return;
    }
    in_child("setids", setids_child);
    /* an execve that changes the IDs */
    copy_file("/proc/self/exe", "suid-copy", 06755);
    in_child("suid", suid_child);
    CHECK(unlink("suid-copy") == 0);
}

static void print_uname(const char* who) {
    struct utsname u;

    CHECK(syscall(SYS_uname, &u) == 0);
    printf("%s: sysname '%s' nodename '%s' release '%s' version '%s' machine '%s' domain '%s'\n",
           who, u.sysname, u.nodename, u.release, u.version, u.machine, u.domainname);
}

static void personality_child(void) {
    rc("personality(PER_LINUX32)", syscall(SYS_personality, PER_LINUX32));
    rc("personality(query)", syscall(SYS_personality, 0xffffffff));
    print_uname("PER_LINUX32");
    rc("personality(PER_LINUX | UNAME26)", syscall(SYS_personality, PER_LINUX | UNAME26));
    print_uname("UNAME26");
    rc("personality(0x1ffffffff: the query)", syscall(SYS_personality, 0x1ffffffffUL));
    rc("personality(PER_LINUX)", syscall(SYS_personality, PER_LINUX));
    print_uname("PER_LINUX again");
    rc("personality(PER_LINUX32 | READ_IMPLIES_EXEC)",
       syscall(SYS_personality, PER_LINUX32 | READ_IMPLIES_EXEC));
    rc("personality(query)", syscall(SYS_personality, 0xffffffff));
    fflush(stdout);
    /* a new 64-bit program keeps the personality but READ_IMPLIES_EXEC */
    execl(g_self, g_self, "uname-arch", (char*)NULL);
    printf("execl: %s\n", strerror(errno));
}

static void uname_section(void) {
    printf("== uname\n");
    print_uname("uname");
    rc("uname(1)", syscall(SYS_uname, BAD));
    rc("uname(NULL)", syscall(SYS_uname, NULL));
    rc("uname(100 bytes before PROT_NONE)", syscall(SYS_uname, g_pages + PAGE - 100));
    rc("uname(read-only)", syscall(SYS_uname, g_pages + 2 * PAGE));
    rc("personality(query)", syscall(SYS_personality, 0xffffffff));
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
    rc("sysinfo(&si)", syscall(SYS_sysinfo, &si));
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
    rc("sysinfo(1)", syscall(SYS_sysinfo, BAD));
    rc("sysinfo(NULL)", syscall(SYS_sysinfo, NULL));
    rc("sysinfo(16 bytes before PROT_NONE)", syscall(SYS_sysinfo, g_pages + PAGE - 16));
}

static void random_section(void) {
    unsigned char a[32], b[32], big[PAGE + 100];
    char* huge;
    long n;
    int untouched = 1, zeros = 0;

    printf("== random\n");
    rc("getrandom(a, 32, 0)", syscall(SYS_getrandom, a, 32, 0));
    rc("getrandom(b, 32, 0)", syscall(SYS_getrandom, b, 32, 0));
    printf("two reads differ: %s\n", memcmp(a, b, sizeof(a)) ? "yes" : "no");
    memset(big, 0, sizeof(big));
    rc("getrandom(big, 4096, 0)", syscall(SYS_getrandom, big, PAGE, 0));
    for (int i = 0; i < PAGE; i++)
        zeros += big[i] == 0;
    for (int i = PAGE; i < PAGE + 100; i++)
        untouched &= big[i] == 0;
    printf("filled: %s, bytes after untouched: %s\n", zeros < 100 ? "yes" : "no",
           untouched ? "yes" : "no");
    rc("getrandom(NULL, 0, 0)", syscall(SYS_getrandom, NULL, 0, 0));
    rc("getrandom(1, 0, 0)", syscall(SYS_getrandom, BAD, 0, 0));
    rc("getrandom(1, 10, 0)", syscall(SYS_getrandom, BAD, 10, 0));
    /* outside user memory: EFAULT even for no bytes (access_ok) */
    rc("getrandom(kernel, 0, 0)", syscall(SYS_getrandom, (void*)0xffffffff81000000UL, 0, 0));
    rc("getrandom(kernel, 0, GRND_NONBLOCK)",
       syscall(SYS_getrandom, (void*)0xffffffff81000000UL, 0, GRND_NONBLOCK));
    rc("getrandom(-1, 0, 0)", syscall(SYS_getrandom, (void*)-1L, 0, 0));
    rc("getrandom(a, 16, GRND_NONBLOCK)", syscall(SYS_getrandom, a, 16, GRND_NONBLOCK));
    rc("getrandom(a, 16, GRND_RANDOM)", syscall(SYS_getrandom, a, 16, GRND_RANDOM));
    rc("getrandom(a, 16, GRND_RANDOM | GRND_NONBLOCK)",
       syscall(SYS_getrandom, a, 16, GRND_RANDOM | GRND_NONBLOCK));
    rc("getrandom(a, 16, GRND_INSECURE)", syscall(SYS_getrandom, a, 16, GRND_INSECURE));
    rc("getrandom(a, 16, GRND_INSECURE | GRND_RANDOM)",
       syscall(SYS_getrandom, a, 16, GRND_INSECURE | GRND_RANDOM));
    rc("getrandom(a, 16, 8)", syscall(SYS_getrandom, a, 16, 8));
    rc("getrandom(a, 16, 1 << 31)", syscall(SYS_getrandom, a, 16, 1U << 31));
    rc("getrandom(1, 16, 8)", syscall(SYS_getrandom, BAD, 16, 8));
    /* partial: up to the page it cannot write */
    rc("getrandom(100 bytes before PROT_NONE, 1000, 0)",
       syscall(SYS_getrandom, g_pages + PAGE - 100, 1000, 0));
    rc("getrandom(PROT_NONE, 10, 0)", syscall(SYS_getrandom, g_pages + PAGE, 10, 0));
    rc("getrandom(read-only, 10, 0)", syscall(SYS_getrandom, g_pages + 2 * PAGE, 10, 0));
    rc("getrandom(page start, 4096 + 1, 0)", syscall(SYS_getrandom, g_pages, PAGE + 1, 0));
    /* beyond what the tracer answers itself */
    huge = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(huge != MAP_FAILED);
    rc("getrandom(1 MiB, 1 MiB, 0)", syscall(SYS_getrandom, huge, 1 << 20, 0));
    rc("getrandom(64 KiB + 1, 64 KiB + 1, 0)", syscall(SYS_getrandom, huge, 65537, 0));
    rc("getrandom(64 KiB, 64 KiB, 0)", syscall(SYS_getrandom, huge, 65536, 0));
    CHECK(munmap(huge + (1 << 19), 1 << 19) == 0);
    rc("getrandom(512 KiB mapped, 1 MiB, 0)", syscall(SYS_getrandom, huge, 1 << 20, 0));
    rc("getrandom(4 KiB before unmapped, 64 KiB, 0)",
       syscall(SYS_getrandom, huge + (1 << 19) - PAGE, 65536, 0));
    n = syscall(SYS_getrandom, huge, (size_t)-1, GRND_NONBLOCK);
    rc("getrandom(512 KiB mapped, SIZE_MAX, GRND_NONBLOCK)", n);
    CHECK(munmap(huge, 1 << 19) == 0);
}

static void print_umask(const char* who) {
    char line[128];
    FILE* f = fopen("/proc/thread-self/status", "r");

    CHECK(f);
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, "Umask:", 6))
            printf("%s: host %s", who, line);
    fclose(f);
}

static void* thread_umask(void* arg) {
    rc_octal("thread: umask(077)", syscall(SYS_umask, 077));
    return arg;
}

static void* thread_unshare_fs(void* arg) {
    rc("thread: unshare(CLONE_FS)", syscall(SYS_unshare, CLONE_FS));
    rc_octal("thread: umask(070)", syscall(SYS_umask, 070));
    rc_octal("thread: umask(070)", syscall(SYS_umask, 070));
    print_umask("thread after unshare");
    return arg;
}

static void umask_fork_child(void) {
    rc_octal("fork child: umask(0)", syscall(SYS_umask, 0));
}

static int clone_fs_child(void* arg) {
    return syscall(SYS_umask, 007) == 077 ? 0 : 1;
}

static void umask_section(void) {
    struct stat st;
    pthread_t t;
    static char stack[65536] __attribute__((aligned(16)));
    pid_t pid;
    int status, fd;

    printf("== umask\n");
    rc_octal("umask(027)", syscall(SYS_umask, 027));
    rc_octal("umask(0)", syscall(SYS_umask, 0));
    rc_octal("umask(07777)", syscall(SYS_umask, 07777));
    rc_octal("umask(0x10022)", syscall(SYS_umask, 0x10022));
    rc_octal("umask(-1)", syscall(SYS_umask, -1));
    rc_octal("umask(027)", syscall(SYS_umask, 027));
    print_umask("main");
    /* the host applies it */
    fd = open("umask-file", O_WRONLY | O_CREAT | O_EXCL, 0666);
    CHECK(fd >= 0 && fstat(fd, &st) == 0 && close(fd) == 0);
    printf("file created 0666 under 027: %o\n", st.st_mode & 07777);
    CHECK(mkdir("umask-dir", 0777) == 0 && stat("umask-dir", &st) == 0);
    printf("directory created 0777 under 027: %o\n", st.st_mode & 07777);
    /* threads share it (CLONE_FS) */
    CHECK(pthread_create(&t, NULL, thread_umask, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    rc_octal("main after the thread: umask(022)", syscall(SYS_umask, 022));
    rc_octal("umask(077)", syscall(SYS_umask, 077));
    /* a forked child has a copy */
    in_child("umask", umask_fork_child);
    rc_octal("parent after the fork child: umask(077)", syscall(SYS_umask, 077));
    /* a process created with CLONE_FS shares it */
    fflush(stdout);
    pid = clone(clone_fs_child, stack + sizeof(stack), CLONE_FS | SIGCHLD, NULL);
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    printf("CLONE_FS child saw 077: %s\n", WIFEXITED(status) && !WEXITSTATUS(status) ? "yes" : "no");
    rc_octal("parent after the CLONE_FS child: umask(022)", syscall(SYS_umask, 022));
    /* a thread that unshares its fs state has its own */
    CHECK(pthread_create(&t, NULL, thread_unshare_fs, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    rc_octal("main after the unsharing thread: umask(022)", syscall(SYS_umask, 022));
    print_umask("main");
}

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
    rc("thread: prlimit64(gettid(), NOFILE)",
       syscall(SYS_prlimit64, syscall(SYS_gettid), RLIMIT_NOFILE, NULL, &p));
    printf("thread: same as getrlimit: %s\n", memcmp(&r, &p, sizeof(r)) ? "no" : "yes");
    rc("thread: prlimit64(getpid(), NOFILE)",
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
    rc("getrlimit(16, &r)", syscall(SYS_getrlimit, 16, &r));
    rc("getrlimit(-1, &r)", syscall(SYS_getrlimit, -1, &r));
    rc("getrlimit(NOFILE, NULL)", syscall(SYS_getrlimit, RLIMIT_NOFILE, NULL));
    rc("getrlimit(NOFILE, 1)", syscall(SYS_getrlimit, RLIMIT_NOFILE, BAD));
    rc("getrlimit(NOFILE, 8 bytes before PROT_NONE)",
       syscall(SYS_getrlimit, RLIMIT_NOFILE, g_pages + PAGE - 8));
    rc("getrlimit(16, 1)", syscall(SYS_getrlimit, 16, BAD));
    rc("prlimit64(getpid(), NOFILE, NULL, &p)",
       syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &p));
    rc("prlimit64(0, NOFILE, NULL, NULL)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, NULL));
    rc("prlimit64(0, 16, NULL, NULL)", syscall(SYS_prlimit64, 0, 16, NULL, NULL));
    rc("prlimit64(0, 16, NULL, 1)", syscall(SYS_prlimit64, 0, 16, NULL, BAD));
    rc("prlimit64(0, NOFILE, NULL, 1)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, BAD));
    rc("prlimit64(0, 16, 1, NULL)", syscall(SYS_prlimit64, 0, 16, BAD, NULL));
    rc("prlimit64(-1, 16, NULL, &p)", syscall(SYS_prlimit64, -1, 16, NULL, &p));
    rc("prlimit64(-1, NOFILE, NULL, &p)", syscall(SYS_prlimit64, -1, RLIMIT_NOFILE, NULL, &p));
    rc("prlimit64(0x3fffffff, NOFILE, NULL, &p)",
       syscall(SYS_prlimit64, 0x3fffffff, RLIMIT_NOFILE, NULL, &p));
    rc("prlimit64(1, NOFILE, NULL, &p)", syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &p));
    CHECK(pthread_create(&t, NULL, thread_rlimit, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    /* setting */
    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r) == 0);
    set.rlim_cur = r.rlim_cur / 2;
    set.rlim_max = r.rlim_max;
    rc("setrlimit(NOFILE, cur / 2)", syscall(SYS_setrlimit, RLIMIT_NOFILE, &set));
    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &p) == 0);
    printf("getrlimit sees it: %s\n", p.rlim_cur == set.rlim_cur ? "yes" : "no");
    set.rlim_cur = r.rlim_cur;
    rc("prlimit64(0, NOFILE, &old cur, &p)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, &p));
    printf("old is cur / 2: %s\n", p.rlim_cur == r.rlim_cur / 2 ? "yes" : "no");
    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &p) == 0);
    printf("restored: %s\n", memcmp(&r, &p, sizeof(r)) ? "no" : "yes");
    set.rlim_cur = 10;
    set.rlim_max = 5;
    rc("prlimit64(0, NOFILE, {10, 5}, NULL)", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &set, NULL));
    rc("setrlimit(NOFILE, 1)", syscall(SYS_setrlimit, RLIMIT_NOFILE, BAD));

    /* getrusage: WHO first, then the copy out */
    memset(&ru, 0, sizeof(ru));
    rc("getrusage(SELF, &ru)", syscall(SYS_getrusage, RUSAGE_SELF, &ru));
    printf("  a peak resident size and a user or system time: %s\n",
           ru.ru_maxrss > 0 && (ru.ru_utime.tv_sec || ru.ru_utime.tv_usec || ru.ru_stime.tv_sec ||
                                ru.ru_stime.tv_usec)
               ? "yes"
               : "no");
    rc("getrusage(CHILDREN, &ru)", syscall(SYS_getrusage, RUSAGE_CHILDREN, &ru));
    rc("getrusage(THREAD, &ru)", syscall(SYS_getrusage, RUSAGE_THREAD, &ru));
    rc("getrusage(-2 (RUSAGE_BOTH), &ru)", syscall(SYS_getrusage, -2, &ru));
    rc("getrusage(2, &ru)", syscall(SYS_getrusage, 2, &ru));
    rc("getrusage(INT_MIN, 1)", syscall(SYS_getrusage, INT_MIN, BAD));
    rc("getrusage(SELF, NULL)", syscall(SYS_getrusage, RUSAGE_SELF, NULL));
    rc("getrusage(SELF, 1)", syscall(SYS_getrusage, RUSAGE_SELF, BAD));
    rc("getrusage(THREAD, 8 bytes before PROT_NONE)",
       syscall(SYS_getrusage, RUSAGE_THREAD, g_pages + PAGE - 8));
}

static void write_file(const char* path, const char* text) {
    int fd = open(path, O_WRONLY);

    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        printf("write %s: %s\n", path, strerror(errno));
    if (fd >= 0)
        close(fd);
}

static void userns_child(void) {
    char map[64];
    long uid = syscall(SYS_getuid), gid = syscall(SYS_getgid), ret;
    pthread_t t;

    ret = syscall(SYS_unshare, CLONE_NEWUSER);
    rc("unshare(CLONE_NEWUSER)", ret);
    if (ret < 0)
        return; /* not here (a container) */
    print_ids("new user namespace, unmapped");
    snprintf(map, sizeof(map), "0 %ld 1\n", uid);
    write_file("/proc/self/uid_map", map);
    write_file("/proc/self/setgroups", "deny");
    snprintf(map, sizeof(map), "0 %ld 1\n", gid);
    write_file("/proc/self/gid_map", map);
    print_ids("new user namespace, mapped");
    CHECK(pthread_create(&t, NULL, thread_ids, g_who_its_thread) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    rc("setresuid(0, 0, 0)", syscall(SYS_setresuid, 0, 0, 0));
    print_ids("after setresuid");
}

static int clone_print_ids(void* arg) {
    print_ids(arg);
    fflush(stdout); /* the child ends with _exit */
    return 0;
}

/* a child created in a new user namespace (clone(CLONE_NEWUSER)) */
static void userns_clone_child(void) {
    static char stack[65536] __attribute__((aligned(16)));
    pid_t pid;
    int st;

    fflush(stdout);
    pid = clone(clone_print_ids, stack + sizeof(stack), CLONE_NEWUSER | SIGCHLD,
                g_who_clone_child);
    if (pid < 0) {
        printf("clone(CLONE_NEWUSER): %s\n", strerrorname_np(errno));
        return;
    }
    CHECK(waitpid(pid, &st, 0) == pid);
}

static void uts_child(void) {
    struct utsname before, after;
    int fd = open("/proc/self/ns/uts", O_RDONLY), newfd;
    long ret;

    CHECK(fd >= 0 && uname(&before) == 0);
    ret = syscall(SYS_unshare, CLONE_NEWUTS);
    rc("unshare(CLONE_NEWUTS)", ret);
    if (ret < 0)
        return; /* never rename the host */
    rc("sethostname(ptshim-ids)", sethostname("ptshim-ids", 10));
    rc("setdomainname(ptshim-domain)", setdomainname("ptshim-domain", 13));
    print_uname("new UTS namespace");
    newfd = open("/proc/self/ns/uts", O_RDONLY);
    CHECK(newfd >= 0);
    rc("setns(first uts fd, CLONE_NEWUTS)", syscall(SYS_setns, fd, CLONE_NEWUTS));
    CHECK(uname(&after) == 0);
    printf("names again the first: %s\n", memcmp(&before, &after, sizeof(before)) ? "no" : "yes");
    rc("setns(new uts fd, 0)", syscall(SYS_setns, newfd, 0));
    print_uname("new UTS namespace again");
    close(newfd);
    rc("setns(-1, 0)", syscall(SYS_setns, -1, 0));
    close(fd);
}

/* setns into another process's UTS namespace */
static void uts_setns_child(void) {
    int ready[2], done[2], fd;
    char c = 0, path[64];
    pid_t pid;

    CHECK(pipe(ready) == 0 && pipe(done) == 0);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (unshare(CLONE_NEWUTS) < 0)
            printf("other: unshare: %s\n", strerror(errno));
        else if (sethostname("ptshim-other", 12) < 0)
            printf("other: sethostname: %s\n", strerror(errno));
        fflush(stdout);
        CHECK(write(ready[1], &c, 1) == 1 && read(done[0], &c, 1) == 1);
        _exit(0);
    }
    CHECK(read(ready[0], &c, 1) == 1);
    snprintf(path, sizeof(path), "/proc/%d/ns/uts", (int)pid);
    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    print_uname("before setns");
    rc("setns(the other's uts fd, CLONE_NEWUTS)", syscall(SYS_setns, fd, CLONE_NEWUTS));
    print_uname("after setns");
    CHECK(write(done[1], &c, 1) == 1 && waitpid(pid, NULL, 0) == pid);
}

static long sysinfo_uptime(void) {
    struct sysinfo si;

    CHECK(syscall(SYS_sysinfo, &si) == 0);
    return si.uptime;
}

static long g_uptime_ref;

static void print_shift(void) {
    long d = sysinfo_uptime() - g_uptime_ref;

    printf("uptime 100000 s later: %s\n", d >= 100000 - 1 && d <= 100000 + 3 ? "yes" : "no");
}

static void timens_child(void) {
    char ref[32];
    long ret;

    g_uptime_ref = sysinfo_uptime();
    ret = syscall(SYS_unshare, CLONE_NEWTIME);
    rc("unshare(CLONE_NEWTIME)", ret);
    if (ret < 0)
        return; /* an older kernel, a container */
    write_file("/proc/self/timens_offsets", "boottime 100000 0\n");
    printf("own uptime unchanged: %s\n", sysinfo_uptime() - g_uptime_ref <= 2 ? "yes" : "no");
    /* its children are in the new namespace */
    in_child("timens", print_shift);
    /* and so is a new program */
    snprintf(ref, sizeof(ref), "%ld", g_uptime_ref);
    fflush(stdout);
    execl(g_self, g_self, "uptime-shift", ref, (char*)NULL);
    printf("execl: %s\n", strerror(errno));
}

static void pidns_init(void) {
    struct rlimit r, p;

    CHECK(syscall(SYS_getrlimit, RLIMIT_NOFILE, &r) == 0);
    rc("init of a PID namespace: prlimit64(1, NOFILE, NULL, &p)",
       syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &p));
    printf("its own limit: %s\n", memcmp(&r, &p, sizeof(r)) ? "no" : "yes");
    rc("prlimit64(2, NOFILE, NULL, &p)", syscall(SYS_prlimit64, 2, RLIMIT_NOFILE, NULL, &p));
}

static void pidns_child(void) {
    long ret = syscall(SYS_unshare, CLONE_NEWPID);

    rc("unshare(CLONE_NEWPID)", ret);
    if (ret == 0)
        in_child("pidns init", pidns_init);
}

static void ns(void) {
    printf("== ns\n");
    if (geteuid() != 0) {
        printf("not root: skipped\n");
        return;
    }
    in_child("userns", userns_child);
    in_child("userns clone", userns_clone_child);
    in_child("uts", uts_child);
    in_child("uts setns", uts_setns_child);
    in_child("timens", timens_child);
    in_child("pidns", pidns_child);
}

int main(int argc, char** argv) {
    static const struct {
        const char* name;
        void (*fn)(void);
    } sections[] = {
        {"creds", creds},   {"setids", setids}, {"uname", uname_section},
        {"sysinfo", sysinfo_section}, {"random", random_section}, {"umask", umask_section},
        {"rlimit", rlimit_section}, {"ns", ns},
    };
    const size_t nsections = sizeof(sections) / sizeof(sections[0]);

    g_self = "/proc/self/exe";
    if (argc > 1 && !strcmp(argv[1], "ids")) {
        print_ids("new program");
        return 0;
    }
    if (argc > 1 && !strcmp(argv[1], "uname-arch")) {
        struct utsname u;

        CHECK(syscall(SYS_uname, &u) == 0);
        printf("new program: personality %#lx machine '%s'\n",
               syscall(SYS_personality, 0xffffffff), u.machine);
        return 0;
    }
    if (argc > 2 && !strcmp(argv[1], "uptime-shift")) {
        g_uptime_ref = strtol(argv[2], NULL, 10);
        printf("new program: ");
        print_shift();
        return 0;
    }
    g_pages = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(g_pages != MAP_FAILED);
    CHECK(mprotect(g_pages + PAGE, PAGE, PROT_NONE) == 0);
    CHECK(mprotect(g_pages + 2 * PAGE, PAGE, PROT_READ) == 0);
    for (size_t i = 0; i < nsections; i++) {
        bool wanted = argc == 1;

        for (int a = 1; a < argc; a++)
            wanted |= !strcmp(argv[a], sections[i].name);
        if (wanted)
            sections[i].fn();
        fflush(stdout);
    }
    return 0;
}

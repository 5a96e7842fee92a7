/*
 * shim-ids-lib.c: what the shim-ids programs share (shim-ids.h).
 */
#include "shim-ids.h"

const char* g_self = "/proc/self/exe";
char g_who_thread[] = "thread", g_who_thread_thread[] = "thread's thread",
     g_who_its_thread[] = "its thread", g_who_clone_child[] = "clone(CLONE_NEWUSER) child";
char* g_pages;

void shim_ids_setup(void) {
    g_pages = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(g_pages != MAP_FAILED);
    CHECK(mprotect(g_pages + PAGE, PAGE, PROT_NONE) == 0);
    CHECK(mprotect(g_pages + 2 * PAGE, PAGE, PROT_READ) == 0);
}

void rc_octal(const char* what, long ret) {
    if (ret < 0)
        printf("%s = -1 %s\n", what, errno_name(errno));
    else
        printf("%s = %#lo\n", what, ret);
}

void print_ids(const char* who) {
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

void in_child(const char* what, void (*fn)(void)) {
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

void* thread_ids(void* arg) {
    print_ids((const char*)arg);
    return NULL;
}

void print_uname(const char* who) {
    struct utsname u;

    CHECK(syscall(SYS_uname, &u) == 0);
    printf("%s: sysname '%s' nodename '%s' release '%s' version '%s' machine '%s' domain '%s'\n",
           who, u.sysname, u.nodename, u.release, u.version, u.machine, u.domainname);
}

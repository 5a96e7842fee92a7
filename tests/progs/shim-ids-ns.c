/*
 * shim-ids-ns.c: identity in namespaces of the program's own: user, UTS,
 * time and PID namespaces (root only) (one of the shim-ids programs:
 * shim-ids.h).
 */
#include "shim-ids.h"

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
    print_rc("unshare(CLONE_NEWUSER)", ret);
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
    print_rc("setresuid(0, 0, 0)", syscall(SYS_setresuid, 0, 0, 0));
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
    print_rc("unshare(CLONE_NEWUTS)", ret);
    if (ret < 0)
        return; /* never rename the host */
    print_rc("sethostname(ptshim-ids)", sethostname("ptshim-ids", 10));
    print_rc("setdomainname(ptshim-domain)", setdomainname("ptshim-domain", 13));
    print_uname("new UTS namespace");
    newfd = open("/proc/self/ns/uts", O_RDONLY);
    CHECK(newfd >= 0);
    print_rc("setns(first uts fd, CLONE_NEWUTS)", syscall(SYS_setns, fd, CLONE_NEWUTS));
    CHECK(uname(&after) == 0);
    printf("names again the first: %s\n", memcmp(&before, &after, sizeof(before)) ? "no" : "yes");
    print_rc("setns(new uts fd, 0)", syscall(SYS_setns, newfd, 0));
    print_uname("new UTS namespace again");
    close(newfd);
    print_rc("setns(-1, 0)", syscall(SYS_setns, -1, 0));
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
    print_rc("setns(the other's uts fd, CLONE_NEWUTS)", syscall(SYS_setns, fd, CLONE_NEWUTS));
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
    print_rc("unshare(CLONE_NEWTIME)", ret);
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
    print_rc("init of a PID namespace: prlimit64(1, NOFILE, NULL, &p)",
       syscall(SYS_prlimit64, 1, RLIMIT_NOFILE, NULL, &p));
    printf("its own limit: %s\n", memcmp(&r, &p, sizeof(r)) ? "no" : "yes");
    print_rc("prlimit64(2, NOFILE, NULL, &p)", syscall(SYS_prlimit64, 2, RLIMIT_NOFILE, NULL, &p));
}

static void pidns_child(void) {
    long ret = syscall(SYS_unshare, CLONE_NEWPID);

    print_rc("unshare(CLONE_NEWPID)", ret);
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
    if (argc > 2 && !strcmp(argv[1], "uptime-shift")) {
        g_uptime_ref = strtol(argv[2], NULL, 10);
        printf("new program: ");
        print_shift();
        return 0;
    }
    shim_ids_setup();
    ns();
    fflush(stdout);
    return 0;
}

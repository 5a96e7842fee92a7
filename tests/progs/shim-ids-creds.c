/*
 * shim-ids-creds.c: getuid, geteuid, getgid, getegid, getresuid, getresgid
 * and getgroups; setuid, setgid, setreuid, setregid, setresuid, setresgid,
 * setfsuid, setfsgid and setgroups, per thread; a set-user-ID program (one
 * of the shim-ids programs: shim-ids.h).
 */
#include "shim-ids.h"

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
    print_rc("getgroups(0, NULL)", n);
    print_rc("getgroups(0, 1)", syscall(SYS_getgroups, 0, BAD));
    print_rc("getgroups(-1, list)", syscall(SYS_getgroups, -1, groups));
    print_rc("getgroups(64, 1)", syscall(SYS_getgroups, 64, BAD));
    if (n > 0)
        print_rc("getgroups(n - 1, list)", syscall(SYS_getgroups, n - 1, groups));
    print_rc("getresuid(NULL, &e, &s)", syscall(SYS_getresuid, NULL, &e, &s));
    printf("euid untouched: %s\n", e == 12345 ? "yes" : "no");
    print_rc("getresuid(&r, 1, &s)", syscall(SYS_getresuid, &r, BAD, &s));
    printf("ruid written before the fault: %s, suid untouched: %s\n",
           r == (uid_t)syscall(SYS_getuid) ? "yes" : "no", s == 12345 ? "yes" : "no");
    print_rc("getresuid(&r, &e, PROT_NONE)", syscall(SYS_getresuid, &r, &e, g_pages + PAGE));
    print_rc("getresgid(&r, &e, read-only)", syscall(SYS_getresgid, &r, &e, g_pages + 2 * PAGE));
    print_rc("getresgid(1, &e, &s)", syscall(SYS_getresgid, BAD, &e, &s));
}

/* A thread changes its own credentials with the raw call (glibc's would
 * change every thread's); a thread it creates inherits them. */
static void* thread_setresuid(void* arg) {
    pthread_t t;

    print_rc("thread: raw setresuid(65534, 65534, 65534)",
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

    print_rc("setgroups(3, {300, 100, 200})", syscall(SYS_setgroups, 3, three));
    print_ids("after setgroups");
    print_rc("getgroups(2, list)", syscall(SYS_getgroups, 2, groups));
    print_rc("getgroups(3, 1)", syscall(SYS_getgroups, 3, BAD));
    print_rc("getgroups(3, PROT_NONE)", syscall(SYS_getgroups, 3, g_pages + PAGE));
    /* the first two fit before the PROT_NONE page */
    print_rc("getgroups(3, 8 bytes before PROT_NONE)",
       syscall(SYS_getgroups, 3, g_pages + PAGE - 2 * sizeof(gid_t)));
    print_rc("setgroups(-1, list)", syscall(SYS_setgroups, -1, three));
    print_rc("setgroups(1, 1)", syscall(SYS_setgroups, 1, BAD));
    /* more than the shim's first guess */
    for (int i = 0; i < 40; i++)
        forty[i] = (gid_t)(1039 - i);
    print_rc("setgroups(40, {1039 ... 1000})", syscall(SYS_setgroups, 40, forty));
    print_ids("after setgroups(40)");
    print_rc("getgroups(39, list)", syscall(SYS_getgroups, 39, forty));
    print_rc("setgroups(0, NULL)", syscall(SYS_setgroups, 0, NULL));
    print_ids("after setgroups(0)");
    print_rc("setresgid(100, 200, 300)", syscall(SYS_setresgid, 100, 200, 300));
    print_ids("after setresgid");
    print_rc("setregid(-1, 300)", syscall(SYS_setregid, -1, 300));
    print_ids("after setregid");
    print_rc("setgid(0)", syscall(SYS_setgid, 0));
    print_ids("after setgid");
    print_rc("setfsuid(1234)", syscall(SYS_setfsuid, 1234));
    print_rc("setfsuid(-1)", syscall(SYS_setfsuid, -1));
    print_rc("setfsuid(0)", syscall(SYS_setfsuid, 0));
    print_rc("setfsgid(4321)", syscall(SYS_setfsgid, 4321));
    print_rc("setfsgid(-1)", syscall(SYS_setfsgid, -1));
    print_rc("setfsgid(0)", syscall(SYS_setfsgid, 0));

    CHECK(pthread_create(&t, NULL, thread_setresuid, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    print_ids("main after the thread's setresuid");

    /* glibc's setresuid() changes every thread */
    CHECK(pthread_barrier_init(&b, NULL, 2) == 0);
    CHECK(pthread_create(&t, NULL, thread_wait, &b) == 0);
    pthread_barrier_wait(&b);
    print_rc("setresuid(1000, 1000, 0)", setresuid(1000, 1000, 0));
    pthread_barrier_wait(&b);
    CHECK(pthread_join(t, NULL) == 0);
    print_ids("main after setresuid()");
    print_rc("setreuid(-1, 0)", syscall(SYS_setreuid, -1, 0));
    print_ids("after setreuid");
    print_rc("setuid(65534)", syscall(SYS_setuid, 65534));
    print_ids("after setuid");
    print_rc("setuid(0)", syscall(SYS_setuid, 0));
    print_rc("setresuid(0, 0, 0)", syscall(SYS_setresuid, 0, 0, 0));
    print_rc("setgroups(0, NULL) unprivileged", syscall(SYS_setgroups, 0, NULL));
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

int main(int argc, char** argv) {
    if (argc > 1 && !strcmp(argv[1], "ids")) {
        print_ids("new program");
        return 0;
    }
    shim_ids_setup();
    creds();
    fflush(stdout);
    setids();
    fflush(stdout);
    return 0;
}

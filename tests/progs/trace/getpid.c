/*
 * getpid.c: the process and credential queries and the calls on groups and
 * sessions: getpid(2), getppid(2), gettid(2), getuid(2), geteuid(2),
 * getgid(2), getegid(2), getresuid(2), getresgid(2), getgroups(2),
 * setgroups(2), getpgid(2), getpgrp(2), getsid(2), setpgid(2), setsid(2).
 * Covers the results (whatever this process's ids are), getres[ug]id's
 * three [ID] values (all three addresses when one is bad), group lists
 * (read up to 32 elements, then "..."; a list that ends in unmapped memory
 * shows "..." and, in a comment, the address where reading stopped; [] for
 * an empty one and NULL; getgroups prints as many elements as it returned,
 * even with size 0, and an address on failure; setgroups prints an address
 * for a size above NGROUPS_MAX), negative ids, and the failures EINVAL,
 * EFAULT, ESRCH and EPERM (setsid in a process group leader, setpgid to a
 * group of no session).  setgroups needs root; as another user it fails
 * with EPERM, printed as it comes.
 */
#include "trace-sys.h"

#include <limits.h>

/* A call without arguments that cannot fail. */
static long test_noargs(const char* name, long nr) {
    long rc = syscall(nr);
    const char* res = sres(rc);

    printf("%s() %s\n", name, res);
    return rc;
}

/* One [ID] of getresuid or getresgid. */
static const char* sid(const unsigned int* p, long rc) {
    return rc == 0 ? xasprintf("[%d]", (int)*p) : sptr(p);
}

static long test_getres(const char* name, long nr, unsigned int* r, unsigned int* e,
                        unsigned int* s) {
    long rc = syscall(nr, r, e, s);
    const char* res = sres(rc);

    printf("%s(%s, %s, %s) %s\n", name, sid(r, rc), sid(e, rc), sid(s, rc), res);
    return rc;
}

/* N group ids at LIST as strace prints them: at most 32, then "...", and
 * "..." with the address in a comment at the first one that cannot be
 * read. */
static const char* sgroups(const unsigned int* list, size_t n) {
    const char* out = "[";

    if (!list)
        return "NULL";
    if (n == 0)
        return "[]";
    if (!mapped(list))
        return sptr(list);
    for (size_t i = 0; i < n; i++) {
        const char* sep = i ? ", " : "";

        if (i == DEFAULT_STRLEN) {
            out = xasprintf("%s%s...", out, sep);
            break;
        }
        if (!mapped(&list[i])) {
            out = xasprintf("%s%s... /* %s */", out, sep, sptr(&list[i]));
            break;
        }
        out = xasprintf("%s%s%d", out, sep, (int)list[i]);
    }
    return xasprintf("%s]", out);
}

static long test_getgroups(int size, unsigned int* list) {
    long rc = syscall(SYS_getgroups, size, list);
    const char* res = sres(rc);

    printf("getgroups(%d, %s) %s\n", size, rc >= 0 ? sgroups(list, (size_t)rc) : sptr(list), res);
    return rc;
}

static long test_setgroups(int size, unsigned int* list) {
    const char* before = size < 0 || size > 65536 ? sptr(list) : sgroups(list, (size_t)size);
    long rc = syscall(SYS_setgroups, size, list);
    const char* res = sres(rc);

    printf("setgroups(%d, %s) %s\n", size, before, res);
    return rc;
}

/* A call with one pid argument. */
static long test_pid(const char* name, long nr, int pid) {
    long rc = syscall(nr, pid);
    const char* res = sres(rc);

    printf("%s(%d) %s\n", name, pid, res);
    return rc;
}

static long test_setpgid(int pid, int pgid) {
    long rc = syscall(SYS_setpgid, pid, pgid);
    const char* res = sres(rc);

    printf("setpgid(%d, %d) %s\n", pid, pgid, res);
    return rc;
}

/* This process's id, as the first getpid returned it. */
static int self;

static void test_ids(void) {
    unsigned int ids[3];
    unsigned int* edge = tail_alloc(2 * sizeof(unsigned int));

    self = (int)test_noargs("getpid", SYS_getpid);
    test_noargs("getppid", SYS_getppid);
    test_noargs("gettid", SYS_gettid);
    test_noargs("getuid", SYS_getuid);
    test_noargs("geteuid", SYS_geteuid);
    test_noargs("getgid", SYS_getgid);
    test_noargs("getegid", SYS_getegid);

    test_getres("getresuid", SYS_getresuid, &ids[0], &ids[1], &ids[2]);
    test_getres("getresgid", SYS_getresgid, &ids[0], &ids[1], &ids[2]);
    test_getres("getresuid", SYS_getresuid, &edge[0], &edge[1], &edge[2]);
    test_getres("getresgid", SYS_getresgid, NULL, &ids[1], &ids[2]);
    test_getres("getresuid", SYS_getresuid, &ids[0], BAD_ADDR, &ids[2]);
}

static void test_groups(void) {
    unsigned int list[40];
    unsigned int* edge = tail_alloc(2 * sizeof(unsigned int));
    unsigned int bad_gid = (unsigned int)-1;

    for (unsigned int i = 0; i < 40; i++)
        list[i] = i * 3;
    edge[0] = 0;
    edge[1] = 100;

    test_setgroups(2, edge);
    test_getgroups(0, NULL);
    test_getgroups(2, list);
    test_getgroups(40, list);
    /* Size 0 only counts, but the list is printed as if it was filled. */
    test_getgroups(0, edge);
    test_getgroups(1, list);
    test_getgroups(-1, list);
    test_getgroups(2, BAD_ADDR);
    test_getgroups(2, edge + 1);

    test_setgroups(40, list);
    test_getgroups(40, list);
    test_setgroups(0, list);
    test_setgroups(0, NULL);
    test_setgroups(0, BAD_ADDR);
    test_setgroups(1, &bad_gid);
    test_setgroups(3, edge);
    test_setgroups(1, NULL);
    test_setgroups(1, BAD_ADDR);
    test_setgroups(-1, list);
    test_setgroups(65537, list);
    test_setgroups(1, edge);
    test_getgroups(1, list);
}

static void test_sessions(void) {
    long pgrp;

    test_pid("getpgid", SYS_getpgid, 0);
    pgrp = test_noargs("getpgrp", SYS_getpgrp);
    test_pid("getpgid", SYS_getpgid, self);
    test_pid("getpgid", SYS_getpgid, -1);
    test_pid("getpgid", SYS_getpgid, INT_MAX);
    test_pid("getsid", SYS_getsid, 0);
    test_pid("getsid", SYS_getsid, -1);
    test_pid("getsid", SYS_getsid, INT_MAX);

    /* Become a process group leader (or stay in place if that fails, as
     * for a session leader), so that setsid fails. */
    test_setpgid(0, (int)pgrp);
    test_setpgid(0, 0);
    test_noargs("getpgrp", SYS_getpgrp);
    test_noargs("setsid", SYS_setsid);
    test_setpgid(-1, 0);
    test_setpgid(0, -1);
    test_setpgid(INT_MAX, 0);
    test_setpgid(0, INT_MAX);
}

int main(void) {
    test_ids();
    test_groups();
    test_sessions();

    EXPECT_EXITED_0();
    return 0;
}

/*
 * prctl.c: prctl(2) with the options that a process can use on itself
 * without lasting effects.  Covers PR_SET_NAME and PR_GET_NAME (a string of
 * at most 15 characters, cut by -s 12, with "..." when longer, escapes, the
 * address when it cannot be read), PR_GET_DUMPABLE's result with its
 * SUID_DUMP_* name and PR_SET_DUMPABLE's argument as one, PR_SET_PDEATHSIG
 * (a signal name, or the number) and PR_GET_PDEATHSIG ([SIGNAL] at exit),
 * options printed with only the arguments they use (PR_GET_KEEPCAPS) or all
 * four (PR_GET_NO_NEW_PRIVS), [VALUE] results (PR_GET_CHILD_SUBREAPER,
 * PR_GET_TSC), unknown options (hex with the comment "PR_???", four
 * arguments in hex), and the failures EINVAL and EFAULT.  Every setting
 * changed is put back.
 */
#include "trace-sys.h"

#include <sys/prctl.h>

/* -s in sys.list. */
#define STRLEN 12

static const struct xlat dumpable[] = {
    { 0, "SUID_DUMP_DISABLE" },
    { 1, "SUID_DUMP_USER" },
    { 2, "SUID_DUMP_ROOT" },
    XLAT_END,
};

static const struct xlat tsc_modes[] = {
    XLAT(PR_TSC_ENABLE),
    XLAT(PR_TSC_SIGSEGV),
    XLAT_END,
};

/* A task name as strace prints it: at most 15 characters, and -s. */
static const char* scomm(const char* name) {
    size_t max = STRLEN < 15 ? STRLEN : 15;
    size_t len;

    if (!mapped(name))
        return sptr(name);
    len = strnlen(name, 16);
    if (len > max)
        return xasprintf("%s...", quote_bytes(name, max));
    return quote_bytes(name, len);
}

static long test_set_name(const char* name) {
    const char* before = scomm(name);
    long rc = syscall(SYS_prctl, PR_SET_NAME, name, 0, 0, 0);
    const char* res = sres(rc);

    printf("prctl(PR_SET_NAME, %s) %s\n", before, res);
    return rc;
}

static long test_get_name(char* name) {
    long rc = syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
    const char* res = sres(rc);

    printf("prctl(PR_GET_NAME, %s) %s\n", rc == 0 ? scomm(name) : sptr(name), res);
    return rc;
}

/* An option that takes a value and prints it with STR. */
static long test_set(const char* name, int option, unsigned long arg, const char* str) {
    long rc = syscall(SYS_prctl, option, arg, 0, 0, 0);
    const char* res = sres(rc);

    printf("prctl(%s, %s) %s\n", name, str, res);
    return rc;
}

/* An option that takes nothing and returns a value, named by TBL if any. */
static long test_get(const char* name, int option, const struct xlat* tbl) {
    long rc = syscall(SYS_prctl, option, 0, 0, 0, 0);
    const char* res = sres(rc);

    if (rc >= 0 && tbl)
        res = xasprintf("%s (%s)", res, sxval(tbl, (unsigned long)rc, "???"));
    printf("prctl(%s) %s\n", name, res);
    return rc;
}

/* An option that stores an int at ARG, printed at exit with STR(). */
static long test_get_int(const char* name, int option, int* arg, const char* (*str)(int)) {
    long rc = syscall(SYS_prctl, option, arg, 0, 0, 0);
    const char* res = sres(rc);

    printf("prctl(%s, %s) %s\n", name, rc == 0 ? xasprintf("[%s]", str(*arg)) : sptr(arg), res);
    return rc;
}

/* An option printed with all four arguments in hex. */
static long test_raw(const char* name, int option, unsigned long a2, unsigned long a3,
                     unsigned long a4, unsigned long a5) {
    long rc = syscall(SYS_prctl, option, a2, a3, a4, a5);
    const char* res = sres(rc);

    printf("prctl(%s, %#lx, %#lx, %#lx, %#lx) %s\n",
           name ? name : xasprintf("%#x /* PR_??? */", (unsigned int)option), a2, a3, a4, a5, res);
    return rc;
}

static const char* sdecimal(int v) {
    return xasprintf("%d", v);
}

static const char* stsc(int v) {
    return sxval(tsc_modes, (unsigned int)v, "PR_TSC_???");
}

static void test_names(void) {
    char saved[16], buf[16];
    char* edge = tail_alloc(5);

    CHECK(test_get_name(saved) == 0);
    memcpy(edge, "edge", 5);

    test_set_name("trace-prctl");
    test_get_name(buf);
    test_set_name("twelve chars");
    test_get_name(buf);
    test_set_name("thirteen char");
    test_get_name(buf);
    test_set_name("fifteen charact");
    test_set_name("a name of twenty cha");
    test_get_name(buf);
    test_set_name("\t\"esc\\\001\n");
    test_get_name(buf);
    test_set_name("");
    test_get_name(buf);
    test_set_name(edge);
    test_get_name(buf);
    test_set_name(NULL);
    test_set_name(BAD_ADDR);
    test_set_name(edge + 5);
    test_get_name(NULL);
    test_get_name(BAD_ADDR);
    test_get_name(edge + 5);
    test_set_name(saved);
}

static void test_flags(void) {
    int value = -1;
    int* edge = tail_alloc(sizeof(int));

    test_get("PR_GET_DUMPABLE", PR_GET_DUMPABLE, dumpable);
    test_set("PR_SET_DUMPABLE", PR_SET_DUMPABLE, 0, "SUID_DUMP_DISABLE");
    test_get("PR_GET_DUMPABLE", PR_GET_DUMPABLE, dumpable);
    test_set("PR_SET_DUMPABLE", PR_SET_DUMPABLE, 2, "SUID_DUMP_ROOT");
    test_set("PR_SET_DUMPABLE", PR_SET_DUMPABLE, 3, "0x3 /* SUID_DUMP_??? */");
    test_set("PR_SET_DUMPABLE", PR_SET_DUMPABLE, 1, "SUID_DUMP_USER");
    test_get("PR_GET_DUMPABLE", PR_GET_DUMPABLE, dumpable);

    test_get_int("PR_GET_PDEATHSIG", PR_GET_PDEATHSIG, &value, ssig);
    test_set("PR_SET_PDEATHSIG", PR_SET_PDEATHSIG, SIGUSR1, "SIGUSR1");
    test_get_int("PR_GET_PDEATHSIG", PR_GET_PDEATHSIG, edge, ssig);
    test_set("PR_SET_PDEATHSIG", PR_SET_PDEATHSIG, 40, ssig(40));
    test_get_int("PR_GET_PDEATHSIG", PR_GET_PDEATHSIG, &value, ssig);
    test_set("PR_SET_PDEATHSIG", PR_SET_PDEATHSIG, 99, "99");
    test_set("PR_SET_PDEATHSIG", PR_SET_PDEATHSIG, 0, "0");
    test_get_int("PR_GET_PDEATHSIG", PR_GET_PDEATHSIG, &value, ssig);
    test_get_int("PR_GET_PDEATHSIG", PR_GET_PDEATHSIG, NULL, ssig);
    test_get_int("PR_GET_PDEATHSIG", PR_GET_PDEATHSIG, BAD_ADDR, ssig);
    test_get_int("PR_GET_PDEATHSIG", PR_GET_PDEATHSIG, edge + 1, ssig);

    test_get("PR_GET_KEEPCAPS", PR_GET_KEEPCAPS, NULL);
    test_set("PR_SET_KEEPCAPS", PR_SET_KEEPCAPS, 1, "1");
    test_get("PR_GET_KEEPCAPS", PR_GET_KEEPCAPS, NULL);
    test_set("PR_SET_KEEPCAPS", PR_SET_KEEPCAPS, 0, "0");
    test_set("PR_SET_KEEPCAPS", PR_SET_KEEPCAPS, 2, "2");

    test_get_int("PR_GET_CHILD_SUBREAPER", PR_GET_CHILD_SUBREAPER, &value, sdecimal);
    test_set("PR_SET_CHILD_SUBREAPER", PR_SET_CHILD_SUBREAPER, 1, "1");
    test_get_int("PR_GET_CHILD_SUBREAPER", PR_GET_CHILD_SUBREAPER, &value, sdecimal);
    test_set("PR_SET_CHILD_SUBREAPER", PR_SET_CHILD_SUBREAPER, 0, "0");
    test_get_int("PR_GET_TSC", PR_GET_TSC, &value, stsc);

    test_raw("PR_GET_NO_NEW_PRIVS", PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
    test_raw("PR_GET_NO_NEW_PRIVS", PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

int main(void) {
    test_names();
    test_flags();

    test_raw(NULL, 0x12345, 1, 2, 3, 0xdeadbeef);
    test_raw(NULL, -1, 0, 0, 0, 0);
    test_raw(NULL, 0, 0, 0, 0, 0);

    EXPECT_EXITED_0();
    return 0;
}

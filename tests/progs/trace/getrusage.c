/*
 * getrusage.c: getrusage(2) and times(2).  Covers struct rusage printed
 * without -v (the user and system times, then "..."), the RUSAGE_* names
 * (RUSAGE_BOTH, which the kernel refuses, and unknown values in hex with
 * the comment "RUSAGE_???"), struct tms and times' result (clock ticks, as
 * they come), NULL, and the failures EINVAL and EFAULT.
 */
#include "trace-sys.h"

#include <sys/times.h>

static const struct xlat who[] = {
    XLAT(RUSAGE_SELF),
    { (unsigned int)RUSAGE_CHILDREN, "RUSAGE_CHILDREN" },
    { (unsigned int)-2, "RUSAGE_BOTH" },
    XLAT(RUSAGE_THREAD),
    XLAT_END,
};

static long test_getrusage(int target, struct rusage* ru) {
    long rc = syscall(SYS_getrusage, target, ru);
    const char* res = sres(rc);

    printf("getrusage(%s, %s) %s\n", sxval(who, (unsigned int)target, "RUSAGE_???"),
           rc == 0 ? srusage(ru) : sptr(ru), res);
    return rc;
}

static long test_times(struct tms* t) {
    long rc = syscall(SYS_times, t);
    const char* res = sres(rc);

    if (rc != -1 && t)
        printf("times({tms_utime=%llu, tms_stime=%llu, tms_cutime=%llu, tms_cstime=%llu}) %s\n",
               (unsigned long long)t->tms_utime, (unsigned long long)t->tms_stime,
               (unsigned long long)t->tms_cutime, (unsigned long long)t->tms_cstime, res);
    else
        printf("times(%s) %s\n", sptr(t), res);
    return rc;
}

int main(void) {
    struct rusage ru;
    struct rusage* ru_edge = tail_alloc(sizeof(struct rusage));
    struct tms t;
    struct tms* t_edge = tail_alloc(sizeof(struct tms));

    test_getrusage(RUSAGE_SELF, &ru);
    test_getrusage(RUSAGE_CHILDREN, &ru);
    test_getrusage(RUSAGE_THREAD, ru_edge);
    test_getrusage(-2, &ru);
    test_getrusage(7, &ru);
    test_getrusage(RUSAGE_SELF, NULL);
    test_getrusage(RUSAGE_SELF, BAD_ADDR);
    test_getrusage(RUSAGE_SELF, (struct rusage*)((char*)ru_edge + 8));

    test_times(&t);
    test_times(t_edge);
    test_times(NULL);
    test_times(BAD_ADDR);
    test_times(t_edge + 1);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * uname.c: uname(2) and sysinfo(2).  Covers struct utsname abbreviated to
 * sysname and nodename then "..." (their strings never cut by -s, here 4;
 * whatever this machine's names are), struct sysinfo printed whole (loads
 * as an array of three numbers), and EFAULT (NULL, an unmapped address, a
 * structure that ends in unmapped memory).
 */
#include "trace-sys.h"

#include <sys/sysinfo.h>
#include <sys/utsname.h>

static long test_uname(struct utsname* u) {
    long rc = syscall(SYS_uname, u);
    const char* res = sres(rc);

    if (rc == 0)
        printf("uname({sysname=%s, nodename=%s, ...}) %s\n", spath(u->sysname), spath(u->nodename),
               res);
    else
        printf("uname(%s) %s\n", sptr(u), res);
    return rc;
}

static long test_sysinfo(struct sysinfo* si) {
    long rc = syscall(SYS_sysinfo, si);
    const char* res = sres(rc);

    if (rc == 0)
        printf("sysinfo({uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, freeram=%lu, "
               "sharedram=%lu, bufferram=%lu, totalswap=%lu, freeswap=%lu, procs=%u, "
               "totalhigh=%lu, freehigh=%lu, mem_unit=%u}) %s\n",
               si->uptime, si->loads[0], si->loads[1], si->loads[2], si->totalram, si->freeram,
               si->sharedram, si->bufferram, si->totalswap, si->freeswap, si->procs, si->totalhigh,
               si->freehigh, si->mem_unit, res);
    else
        printf("sysinfo(%s) %s\n", sptr(si), res);
    return rc;
}

int main(void) {
    struct utsname u;
    struct sysinfo si;
    struct utsname* u_edge = tail_alloc(sizeof(struct utsname) - 1);
    struct sysinfo* si_edge = tail_alloc(sizeof(struct sysinfo) - 1);

    test_uname(&u);
    test_uname(NULL);
    test_uname(BAD_ADDR);
    test_uname(u_edge);

    test_sysinfo(&si);
    test_sysinfo(NULL);
    test_sysinfo(BAD_ADDR);
    test_sysinfo(si_edge);

    EXPECT_EXITED_0();
    return 0;
}

/*
 * view-refused: make each call named on the command line, twice, as
 * NR:PATHS:DIRFDS (PATHS and DIRFDS: bit masks of its arguments that are
 * paths, set to "/nonexistent-view/x", and dirfds, set to AT_FDCWD; the
 * others are 0), and print "NR ERRNO" (or "NR = VALUE") for each.
 * tests/integration/view-refused.test runs it under a view, where every
 * call the view does not translate fails with ENOSYS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char** argv) {
    static const char path[] = "/nonexistent-view/x";

    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 1; i < argc; i++) {
        char* end;
        long nr = strtol(argv[i], &end, 10);
        unsigned long paths = *end == ':' ? strtoul(end + 1, &end, 0) : 0;
        unsigned long dirfds = *end == ':' ? strtoul(end + 1, &end, 0) : 0;
        long a[6];

        for (int k = 0; k < 6; k++)
            a[k] = (paths & (1UL << k))    ? (long)path
                   : (dirfds & (1UL << k)) ? AT_FDCWD
                                           : 0;
        for (int twice = 0; twice < 2; twice++) {
            long r = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);

            if (r < 0)
                printf("%ld %s\n", nr, strerrorname_np(errno));
            else
                printf("%ld = %ld\n", nr, r);
        }
    }
    return 0;
}

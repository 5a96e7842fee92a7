/*
 * tests.h: what the tracee programs share.  Each program prints what it
 * observed, deterministically, so that its native run and its run under
 * ptshim can be compared byte for byte.
 */
#ifndef TESTS_H
#define TESTS_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A setup step that must not fail: exit 99 (a hard error of the test). */
#define CHECK(x)                                                              \
    do {                                                                      \
        if (!(x)) {                                                           \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: %s\n", __FILE__,        \
                    __LINE__, #x, strerror(errno));                           \
            exit(99);                                                         \
        }                                                                     \
    } while (0)

#endif /* TESTS_H */

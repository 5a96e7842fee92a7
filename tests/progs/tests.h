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
#include <sys/wait.h>

/* A setup step that must not fail: exit 99 (a hard error of the test). */
#define CHECK(x)                                                              \
    do {                                                                      \
        if (!(x)) {                                                           \
            fprintf(stderr, "%s:%d: CHECK(%s) failed: %s\n", __FILE__,        \
                    __LINE__, #x, strerror(errno));                           \
            exit(99);                                                         \
        }                                                                     \
    } while (0)

/* How a child ended, as waitpid's STATUS says, after "WHAT: ". */
static inline void print_status(const char* what, int status) {
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    else
        printf("%s: status %#x\n", what, status);
}

#ifdef _GNU_SOURCE /* strerrorname_np */
/* The name of errno value E ("ENOENT"), or "unknown-errno". */
static inline const char* errno_name(int e) {
    const char* name = strerrorname_np(e);

    return name ? name : "unknown-errno";
}

/* Print "WHAT = R", or "WHAT = -1 ENAME" (errno's name) when R < 0.
 * Returns R, errno kept. */
static inline long print_rc(const char* what, long r) {
    int e = errno;

    if (r < 0)
        printf("%s = -1 %s\n", what, errno_name(e));
    else
        printf("%s = %ld\n", what, r);
    errno = e;
    return r;
}
#endif

#endif /* TESTS_H */

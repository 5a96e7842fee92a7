/*
 * unit_run.h: run a check suite, each test in a process of its own, and
 * give the exit status automake's test driver reads.
 */
#ifndef UNIT_RUN_H
#define UNIT_RUN_H

#include <check.h>
#include <stdlib.h>

static inline int unit_run(Suite* s) {
    SRunner* sr = srunner_create(s);
    int failed;

    srunner_set_fork_status(sr, CK_FORK);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif /* UNIT_RUN_H */

/*
 * thread-seq.c: threads started one after another, each making a few
 * system calls, so that what each thread calls is deterministic (for
 * comparing traces thread by thread).
 */
#include <fcntl.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests.h"

static void* worker(void* arg) {
    int fd = open("/dev/null", O_WRONLY);

    CHECK(fd >= 0);
    CHECK(write(fd, arg, strlen(arg)) == (ssize_t)strlen(arg));
    CHECK(close(fd) == 0);
    syscall(SYS_getppid);
    return NULL;
}

int main(void) {
    static char words[][6] = {"one", "two", "three"};

    for (int i = 0; i < 3; i++) {
        pthread_t th;

        CHECK(pthread_create(&th, NULL, worker, words[i]) == 0);
        CHECK(pthread_join(th, NULL) == 0);
    }
    printf("done\n");
    return 0;
}

/*
 * fair-stops.c [N] [MS]: N children (16) loop on lseek and read of a file,
 * each counting its rounds in shared memory, from the moment the parent
 * lets them all go at once; after MS ms (1000) the parent reads the counts
 * and kills the children one by one with kill(SIGKILL).  Natively the
 * scheduler shares the CPUs fairly among them; a tracer that serves their
 * system calls must too, the oldest child as much as the youngest.
 * Prints whether the least served child made at least a sixteenth of the
 * rounds of the most served one: a bound that a loaded machine keeps
 * natively too (its scheduler is fair over many time slices, and a second
 * holds many), and that a tracer serving the newest stopped child first
 * misses by far (each child served about twice as often as the next
 * older, the oldest not at all).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "tests.h"

enum { MAX_CHILDREN = 64, SPREAD = 16 };

static void child_loop(const char* path, int go_fd, volatile uint64_t* rounds) {
    char c;
    int fd = open(path, O_RDONLY);

    CHECK(fd >= 0);
    /* end of file: all go at once */
    CHECK(read(go_fd, &c, 1) == 0);
    for (;;) {
        CHECK(lseek(fd, 0, SEEK_SET) == 0);
        CHECK(read(fd, &c, 1) == 1);
        (*rounds)++;
    }
}

int main(int argc, char** argv) {
    int n = argc > 1 ? atoi(argv[1]) : 16, ms = argc > 2 ? atoi(argv[2]) : 1000;
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L}, start, end;
    pid_t children[MAX_CHILDREN];
    uint64_t seen[MAX_CHILDREN], least = UINT64_MAX, most = 0;
    volatile uint64_t* rounds;
    int go[2];

    CHECK(n > 0 && n <= MAX_CHILDREN);
    rounds = mmap(NULL, MAX_CHILDREN * sizeof(*rounds), PROT_READ | PROT_WRITE,
                  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(rounds != MAP_FAILED);
    CHECK(pipe(go) == 0);
    for (int i = 0; i < n; i++) {
        children[i] = fork();
        CHECK(children[i] >= 0);
        if (children[i] == 0) {
            close(go[1]);
            child_loop(argv[0], go[0], &rounds[i]);
        }
    }
    close(go[0]);
    CHECK(clock_gettime(CLOCK_MONOTONIC, &start) == 0);
    close(go[1]);
    CHECK(nanosleep(&ts, NULL) == 0);
    for (int i = 0; i < n; i++)
        seen[i] = rounds[i];
    CHECK(clock_gettime(CLOCK_MONOTONIC, &end) == 0);
    for (int i = 0; i < n; i++) {
        int status;

        CHECK(kill(children[i], SIGKILL) == 0);
        CHECK(waitpid(children[i], &status, 0) == children[i]);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    }
    for (int i = 0; i < n; i++) {
        if (seen[i] < least)
            least = seen[i];
        if (seen[i] > most)
            most = seen[i];
    }
    printf("children %d, the least served made at least 1/%d of the most's rounds: %s\n", n,
           SPREAD, least * SPREAD >= most && most > 0 ? "yes" : "no");
    /* FAIR_STOPS_VERBOSE: the rounds, and how long they had */
    if (getenv("FAIR_STOPS_VERBOSE")) {
        uint64_t total = 0;

        for (int i = 0; i < n; i++) {
            fprintf(stderr, "child %d: %llu\n", i, (unsigned long long)seen[i]);
            total += seen[i];
        }
        fprintf(stderr, "%llu rounds in %.3f s\n", (unsigned long long)total,
                (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9);
    }
    return 0;
}

/*
 * shim-fd-race.c: a descriptor closed and reopened by one thread while
 * another duplicates it and changes its flags (one of the shim-fd
 * programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- descriptors closed while another thread uses them ------------ */

enum { RACE_FILE = 100, RACE_FD = 101, RACE_ROUNDS = 3000 };
static volatile int g_race_done;

static void* race_closer(void* arg) {
    (void)arg;
    for (int i = 0; i < RACE_ROUNDS; i++) {
        S(SYS_close, RACE_FD);
        S(SYS_dup2, RACE_FILE, RACE_FD);
    }
    g_race_done = 1;
    return NULL;
}

/* One thread closes and reopens a descriptor while the other duplicates
 * it and changes it: the table must follow whatever order the host took
 * (and the tracer must not use a handle that a close freed meanwhile). */
static void sec_race(void) {
    pthread_t th;
    int zero = 0;
    long fd;

    section("race");
    make_file("f", "0123456789");
    fd = S(SYS_open, "f", O_RDONLY);
    CHECK(fd >= 0 && S(SYS_dup2, fd, RACE_FILE) == RACE_FILE && S(SYS_close, fd) == 0);
    CHECK(S(SYS_dup2, RACE_FILE, RACE_FD) == RACE_FD);
    CHECK(pthread_create(&th, NULL, race_closer, NULL) == 0);
    while (!g_race_done) {
        fd = S(SYS_dup, RACE_FD);
        if (fd >= 0)
            S(SYS_close, fd);
        if (S(SYS_fcntl, RACE_FD, F_DUPFD_CLOEXEC, 110) >= 0)
            S(SYS_close, 110);
        if (S(SYS_dup3, RACE_FD, 111, O_CLOEXEC) >= 0)
            S(SYS_close, 111);
        S(SYS_fcntl, RACE_FD, F_SETFL, O_NONBLOCK);
        S(SYS_fcntl, RACE_FD, F_SETFD, FD_CLOEXEC);
        S(SYS_ioctl, RACE_FD, FIONBIO, &zero);
        S(SYS_ioctl, RACE_FD, FIOCLEX);
    }
    CHECK(pthread_join(th, NULL) == 0);
    printf("race: %d rounds\n", RACE_ROUNDS);
    /* what is open, and close-on-exec, is the host's */
    print_rc("fcntl(RACE_FD, F_SETFL, 0)", S(SYS_fcntl, RACE_FD, F_SETFL, 0));
    print_rc("fcntl(RACE_FD, F_SETFD, 0)", S(SYS_fcntl, RACE_FD, F_SETFD, 0));
    fdstate("  RACE_FD", RACE_FD);
    list_open_fds("open fds");
    S(SYS_close, RACE_FD);
    S(SYS_close, RACE_FILE);
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_race();
    return 0;
}

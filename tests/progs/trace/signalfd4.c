/*
 * signalfd4.c: signalfd4(2), the descriptor side only (no signal is
 * delivered).  Covers signal sets ([USR1 RT_2], [] when empty, ~[...] when
 * two thirds or more are set, signals from 32 on as RTMIN and RT_N), a
 * size other than 8 (the set printed as an address), SFD_* flags and
 * unknown bits (hex, with a comment when none is known), updating an
 * existing signalfd, and the failures EINVAL, EBADF and EFAULT.
 */
#include "trace-fs.h"

#include <sys/signalfd.h>

static const struct xlat sfd_flags[] = { XLAT(SFD_CLOEXEC), XLAT(SFD_NONBLOCK), XLAT_END };

/* Bit of signal SIG in a kernel signal set. */
#define SIGBIT(sig) (1ULL << ((sig) - 1))

static long test_signalfd4(int fd, const uint64_t* mask, size_t size, unsigned int flags) {
    long rc = syscall(SYS_signalfd4, fd, mask, size, flags);
    const char* res = sres(rc);
    const char* set = size == 8 && mapped(mask) ? ssigset(*mask, 8) : sptr(mask);

    printf("signalfd4(%d, %s, %zu, %s) %s\n", fd, set, size, sflags(sfd_flags, flags, "SFD_???"),
           res);
    return rc;
}

/* signalfd4 with a set made of MASK. */
static long try_mask(int fd, uint64_t mask, unsigned int flags) {
    return test_signalfd4(fd, &mask, 8, flags);
}

int main(void) {
    uint64_t* edge = tail_alloc(8);
    int fd, other;

    fd = (int)try_mask(-1, SIGBIT(SIGUSR1), 0);
    CHECK(fd >= 0);
    try_mask(fd, SIGBIT(SIGUSR1) | SIGBIT(SIGUSR2) | SIGBIT(SIGTERM), 0);
    try_mask(-1, 0, SFD_CLOEXEC);
    try_mask(-1, SIGBIT(SIGHUP) | SIGBIT(SIGCHLD), SFD_NONBLOCK | SFD_CLOEXEC);
    try_mask(-1, SIGBIT(32) | SIGBIT(33) | SIGBIT(34) | SIGBIT(64), 0);
    try_mask(-1, ~0ULL, 0);
    try_mask(-1, ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP) | SIGBIT(40)), 0);
    try_mask(-1, (1ULL << 42) - 1, 0);
    try_mask(-1, (1ULL << 43) - 1, 0);
    try_mask(-1, SIGBIT(SIGINT), SFD_CLOEXEC | 0x1);
    try_mask(-1, SIGBIT(SIGINT), 0x1);

    *edge = SIGBIT(SIGALRM);
    test_signalfd4(-1, edge, 8, 0);
    test_signalfd4(-1, edge, 4, 0);
    test_signalfd4(-1, edge, 16, 0);
    test_signalfd4(-1, NULL, 8, 0);
    test_signalfd4(-1, BAD_ADDR, 8, 0);
    test_signalfd4(-1, edge + 1, 8, 0);
    other = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(other >= 0);
    test_signalfd4(other, edge, 8, 0);
    test_signalfd4(1000, edge, 8, 0);

    EXPECT_EXITED_0();
    return 0;
}

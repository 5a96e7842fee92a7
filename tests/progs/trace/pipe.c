/*
 * pipe.c: pipe(2) and pipe2(2).  Covers the returned pair printed as
 * [R, W] on success and the array's address on failure, pipe2's flags
 * (O_CLOEXEC, O_NONBLOCK, O_DIRECT, or 0; printed with open's flag names,
 * so O_EXCL, which asks for a notification pipe, shows as O_EXCL),
 * unknown or invalid flags (hex with a comment "O_???" when nothing is
 * known), EINVAL and EFAULT (NULL, an unmapped address, the start of a
 * guard page).
 */
#include "trace-fs.h"

/* The array argument: the pair on success, else its address. */
static const char* spair(const int* fds, long rc) {
    if (rc == 0)
        return xasprintf("[%d, %d]", fds[0], fds[1]);
    return sptr(fds);
}

static long test_pipe(int* fds) {
    long rc = syscall(SYS_pipe, fds);
    const char* res = sres(rc);

    printf("pipe(%s) %s\n", spair(fds, rc), res);
    return rc;
}

static long test_pipe2(int* fds, unsigned int flags) {
    long rc = syscall(SYS_pipe2, fds, flags);
    const char* res = sres(rc);

    printf("pipe2(%s, %s) %s\n", spair(fds, rc), sflags(open_mode_flags, flags, "O_???"), res);
    return rc;
}

int main(void) {
    int fds[2];
    int* guard = (int*)((char*)tail_alloc(1) + 1);

    test_pipe(fds);
    test_pipe(NULL);
    test_pipe(BAD_ADDR);
    test_pipe(guard);

    test_pipe2(fds, 0);
    test_pipe2(fds, O_CLOEXEC);
    test_pipe2(fds, O_NONBLOCK | O_CLOEXEC);
    test_pipe2(fds, O_DIRECT);
    test_pipe2(fds, O_RDWR);
    test_pipe2(fds, O_EXCL);
    test_pipe2(fds, O_CLOEXEC | 0x40000000);
    test_pipe2(fds, 0x40000000);
    test_pipe2(NULL, 0);
    test_pipe2(guard, O_CLOEXEC);

    EXPECT_EXITED_0();
    return 0;
}

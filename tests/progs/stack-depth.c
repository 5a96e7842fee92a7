/*
 * stack-depth.c: a write(2) three named functions deep, for the stack
 * traces of -k (trace-stack.test): the trace must name inner, middle,
 * outer and main, in that order.
 * "stack-depth exec PROG [ARG...]" runs PROG instead, by execve(2): the
 * mappings a trace read before are then another program's.
 */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

__attribute__((noinline)) static long inner(void) {
    return syscall(SYS_write, 1, "deep\n", 5) + 1; /* not a tail call */
}

__attribute__((noinline)) static long middle(void) {
    return inner() + 1;
}

__attribute__((noinline)) long outer(void);
__attribute__((noinline)) long outer(void) {
    return middle() + 1;
}

int main(int argc, char** argv) {
    if (argc > 2 && strcmp(argv[1], "exec") == 0) {
        execv(argv[2], argv + 2);
        return 127;
    }
    return outer() == 8 ? 0 : 1;
}

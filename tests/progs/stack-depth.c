/*
 * stack-depth.c: a write(2) three named functions deep, for the stack
 * traces of -k (trace-stack.test): the trace must name inner, middle,
 * outer and main, in that order.
 */
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

int main(void) {
    return outer() == 8 ? 0 : 1;
}

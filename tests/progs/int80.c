/*
 * int80.c: one system call through the 32-bit gate (int 0x80): getpid,
 * number 20 in the i386 table (20 is writev in the x86-64 one).  Prints
 * what the call returned, compared with getpid(): "same", or the value.
 */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    long ret;

    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory", "rcx", "r11");
    if (ret == getpid())
        printf("int 0x80 getpid: same as getpid()\n");
    else
        printf("int 0x80 getpid: %ld\n", ret);
    return 0;
}

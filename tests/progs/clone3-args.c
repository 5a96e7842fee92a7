/*
 * clone3-args.c [N]: N threads (500), then N processes, one after
 * another, each created by a raw clone3 whose struct clone_args the
 * creator overwrites with the next instruction after the call returns,
 * as glibc's pthread_create reuses the stack that held it: a thread's
 * flags with 0, a process's with a thread's flags.  Each child makes a
 * getpid() and ends, and prints how many threads saw their creator's
 * process ID and how many processes saw one of their own.
 */
#include <linux/futex.h>
#include <linux/sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests.h"

enum { NCHILDREN = 500, STACK_SIZE = 64 * 1024 };

#define THREAD_FLAGS                                                                      \
    (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | \
     CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)

static char g_stack[STACK_SIZE] __attribute__((aligned(16)));
/* a thread's getpid(), and its ID, cleared by the kernel when it ends */
static volatile long g_thread_pid;
static volatile pid_t g_thread_tid;

/* clone3 with CA, whose flags the creator overwrites with REUSED at once.
 * The child, all in registers (a thread shares the creator's thread
 * pointer and must not touch its TLS), writes its getpid() to
 * g_thread_pid and exits with 1 if it is CREATOR_PID, else 0. */
static long clone3_then_overwrite(struct clone_args* ca, uint64_t reused, long creator_pid) {
    register uint64_t r8 __asm__("r8") = reused;
    long ret;

    __asm__ volatile("syscall\n\t"
                     "testq %%rax, %%rax\n\t"
                     "jnz 1f\n\t"
                     /* the child: rdx still holds CREATOR_PID */
                     "movl %[getpid], %%eax\n\t"
                     "syscall\n\t"
                     "movq %%rax, %[pid]\n\t"
                     "xorl %%edi, %%edi\n\t"
                     "cmpq %%rdx, %%rax\n\t"
                     "sete %%dil\n\t"
                     "movl %[exit], %%eax\n\t"
                     "syscall\n\t"
                     "ud2\n"
                     /* the creator: the memory is reused */
                     "1:\n\t"
                     "movq %%r8, (%%rdi)\n\t"
                     : "=a"(ret), [pid] "=m"(g_thread_pid)
                     : "a"((long)SYS_clone3), "D"(ca), "S"(sizeof(*ca)), "d"(creator_pid),
                       "r"(r8), [getpid] "i"(SYS_getpid), [exit] "i"(SYS_exit)
                     : "rcx", "r11", "memory");
    return ret;
}

static long clone3_checked(struct clone_args* ca, uint64_t reused, long creator_pid) {
    long tid = clone3_then_overwrite(ca, reused, creator_pid);

    if (tid < 0) {
        errno = (int)-tid;
        CHECK(tid >= 0);
    }
    return tid;
}

int main(int argc, char** argv) {
    int n = argc > 1 ? atoi(argv[1]) : NCHILDREN, same = 0, own = 0;
    long pid = getpid();

    for (int i = 0; i < n; i++) {
        struct clone_args ca = {
            .flags = THREAD_FLAGS,
            .child_tid = (uintptr_t)&g_thread_tid,
            .stack = (uintptr_t)g_stack,
            .stack_size = sizeof(g_stack),
        };
        pid_t t;

        g_thread_pid = 0;
        g_thread_tid = -1;
        clone3_checked(&ca, 0, pid);
        /* CLONE_CHILD_SETTID wrote the ID before the thread ran: zero
         * when it ended (CLONE_CHILD_CLEARTID, with a futex wake) */
        while ((t = g_thread_tid) != 0)
            syscall(SYS_futex, &g_thread_tid, FUTEX_WAIT, t, NULL, NULL, 0);
        same += g_thread_pid == pid;
    }
    printf("threads %d, of which saw the creator's process ID: %d\n", n, same);

    for (int i = 0; i < n; i++) {
        struct clone_args ca = {.exit_signal = SIGCHLD};
        int status;
        long child = clone3_checked(&ca, THREAD_FLAGS, pid);

        CHECK(waitpid((pid_t)child, &status, 0) == child);
        own += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    printf("processes %d, of which saw a process ID of their own: %d\n", n, own);
    return 0;
}

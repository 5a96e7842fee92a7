/*
 * check_seccomp.c: the shim's BPF interpreter (bookkeep/shim_seccomp.c)
 * against the kernel's own.  Filter programs made at random (ALU
 * operations with constants and with X, shifts by X beyond 31, divisions
 * by a zero X, the scratch memory, conditional and unconditional jumps)
 * reduce the arguments of a call to an errno; each is installed in a
 * child process, which makes the call and reports what the kernel
 * answered, and the interpreter must give the same verdict for the same
 * seccomp_data.  Programs the kernel refuses are not compared.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shim_seccomp.h"
#include "unit_run.h"

/* the filtered call: the filters answer it, the kernel never runs it */
#define TARGET SYS_getcpu

enum { MAX_INSNS = 3 + 2 * BPF_MEMWORDS + 32 + 3, NPROGRAMS = 300, NARGS = 3 };

static uint64_t g_seed = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(uint32_t n) {
    g_seed = g_seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(g_seed >> 33) % n;
}

static uint32_t rnd_value(void) {
    static const uint32_t special[] = {0, 1, 2, 31, 32, 33, 63, 0x7fffffff, 0x80000000,
                                       0xffffffff, 0xfff, 0x1000};

    return rnd(3) ? special[rnd(sizeof(special) / sizeof(special[0]))]
                  : (uint32_t)(g_seed >> 7);
}

struct program {
    struct sock_filter insns[MAX_INSNS];
    unsigned int len;
};

static void emit(struct program* p, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k) {
    p->insns[p->len++] = (struct sock_filter){code, jt, jf, k};
}

/* A random program for TARGET, ending in RET ERRNO | (A & 0xfff). */
static void make_program(struct program* p) {
    /* seccomp refuses BPF_MOD */
    static const uint16_t alu[] = {BPF_ADD, BPF_SUB, BPF_MUL, BPF_DIV, BPF_OR,
                                   BPF_AND, BPF_LSH, BPF_RSH, BPF_XOR};
    static const uint16_t jmp[] = {BPF_JEQ, BPF_JGT, BPF_JGE, BPF_JSET};
    unsigned int body, end;

    p->len = 0;
    emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr));
    emit(p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, TARGET);
    emit(p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
    /* every scratch slot stored first: the kernel refuses loads of slots
     * a path may not have stored */
    for (unsigned int m = 0; m < BPF_MEMWORDS; m++) {
        emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, 16 + 4 * rnd(12));
        emit(p, BPF_ST, 0, 0, m);
    }
    body = 8 + rnd(24);
    end = p->len + body; /* where the final three instructions start */
    while (p->len < end) {
        unsigned int left = end - p->len; /* instructions to the end */
        uint32_t k = rnd_value();

        switch (rnd(10)) {
        case 0:
            emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, 16 + 4 * rnd(12));
            break;
        case 1:
            emit(p, rnd(2) ? BPF_LD | BPF_MEM : BPF_LDX | BPF_MEM, 0, 0, rnd(BPF_MEMWORDS));
            break;
        case 2:
            emit(p, rnd(2) ? BPF_ST : BPF_STX, 0, 0, rnd(BPF_MEMWORDS));
            break;
        case 3:
            emit(p, BPF_MISC | (rnd(2) ? BPF_TAX : BPF_TXA), 0, 0, 0);
            break;
        case 4:
            emit(p, rnd(2) ? BPF_LD | BPF_IMM : BPF_LDX | BPF_IMM, 0, 0, k);
            break;
        case 5:
            emit(p, BPF_ALU | BPF_NEG, 0, 0, 0);
            break;
        case 6: {
            uint16_t op = alu[rnd(sizeof(alu) / sizeof(alu[0]))];

            /* the kernel refuses a constant divisor 0 and shifts of 32 or more */
            if (op == BPF_DIV && k == 0)
                k = 3;
            if (op == BPF_LSH || op == BPF_RSH)
                k %= 32;
            emit(p, BPF_ALU | op | BPF_K, 0, 0, k);
            break;
        }
        case 7:
            emit(p, BPF_ALU | alu[rnd(sizeof(alu) / sizeof(alu[0]))] | BPF_X, 0, 0, 0);
            break;
        case 8:
            /* forward, at most to the first final instruction */
            emit(p, BPF_JMP | jmp[rnd(4)] | (rnd(2) ? BPF_X : BPF_K), rnd(left), rnd(left), k);
            break;
        default:
            emit(p, BPF_JMP | BPF_JA, 0, 0, rnd(left));
            break;
        }
    }
    emit(p, BPF_ALU | BPF_AND | BPF_K, 0, 0, 0xfff);
    emit(p, BPF_ALU | BPF_OR | BPF_K, 0, 0, SECCOMP_RET_ERRNO);
    emit(p, BPF_RET | BPF_A, 0, 0, 0);
}

/* An answer: the call's result (0, or -errno), or: */
#define KILLED  (-100000L) /* the kernel killed the caller (with SIGSYS) */
#define REFUSED 1L         /* the kernel refused the program */

/* What the kernel answers for the call with ARGS under P. */
static long kernel_answer(struct program* p, const uint64_t args[6]) {
    struct sock_fprog prog = {.len = (unsigned short)p->len, .filter = p->insns};
    int fds[2], status;
    long answer = REFUSED;
    pid_t pid;

    ck_assert_int_eq(pipe(fds), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        long r = 1;

        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
            syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0) {
            r = syscall(TARGET, args[0], args[1], args[2], args[3], args[4], args[5]);
            if (r < 0)
                r = -errno;
        }
        _exit(write(fds[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
    }
    close(fds[1]);
    if (read(fds[0], &answer, sizeof(answer)) != sizeof(answer))
        answer = KILLED;
    close(fds[0]);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    if (answer == KILLED)
        ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS);
    return answer;
}

/* The same from the interpreter */
static long shim_answer(const struct program* p, const uint64_t args[6]) {
    struct seccomp_data d;
    uint32_t ret, data;

    memset(&d, 0, sizeof(d));
    d.nr = TARGET;
    d.arch = AUDIT_ARCH_X86_64;
    memcpy(d.args, args, sizeof(d.args));
    ret = shim_bpf_run((const struct shim_bpf_insn*)p->insns, p->len, &d, sizeof(d));
    /* a division by a zero X ends the program with 0: KILL_THREAD */
    if (ret == SECCOMP_RET_KILL_THREAD)
        return KILLED;
    ck_assert_uint_eq(ret & SECCOMP_RET_ACTION_FULL, SECCOMP_RET_ERRNO);
    data = ret & SECCOMP_RET_DATA;
    return data ? -(long)data : 0;
}

START_TEST(test_against_kernel) {
    int compared = 0, refused = 0;

    for (int i = 0; i < NPROGRAMS; i++) {
        struct program p;

        make_program(&p);
        for (int j = 0; j < NARGS; j++) {
            uint64_t args[6];
            long k, s;

            for (int a = 0; a < 6; a++)
                args[a] = (uint64_t)rnd_value() << 32 | rnd_value();
            k = kernel_answer(&p, args);
            if (k == REFUSED) {
                refused++;
                break;
            }
            s = shim_answer(&p, args);
            if (k != s)
                ck_abort_msg("program %d, arguments %d: the kernel answers %ld, the shim %ld",
                             i, j, k, s);
            compared++;
        }
    }
    /* most programs are valid: a kernel refusing them all tests nothing */
    printf("%d answers compared, %d programs refused by the kernel\n", compared, refused);
    ck_assert_int_gt(compared, NPROGRAMS * NARGS / 2);
}
END_TEST

int main(void) {
    Suite* s = suite_create("seccomp");
    TCase* tc = tcase_create("bpf");

    /* a kernel without seccomp filters has nothing to compare with */
    if (prctl(PR_GET_SECCOMP, 0, 0, 0, 0) < 0 && errno == EINVAL)
        return 77;
    tcase_add_test(tc, test_against_kernel);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

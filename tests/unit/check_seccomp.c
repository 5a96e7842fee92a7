/*
 * check_seccomp.c: the shim's classic BPF (bookkeep/shim_bpf.c) against
 * the kernel's own.
 *
 * The interpreter: filter programs made at random (ALU operations with
 * constants and with X, shifts by X beyond 31, divisions by a zero X, the
 * scratch memory, conditional and unconditional jumps) reduce the
 * arguments of a call to an errno; each is installed in a child process,
 * which makes the call and reports what the kernel answered, and the
 * interpreter must give the same verdict for the same seccomp_data.
 * Programs the kernel refuses are not compared.
 *
 * The check: programs made at random near the kernel's rules (jumps to
 * the end and past it, JA -1, opcodes seccomp refuses or nobody knows,
 * loads at every offset of seccomp_data and past it, scratch words loaded
 * before they are stored, no RET at the end) are accepted by the shim
 * exactly when the kernel installs them.  And cases by name: the filters
 * the kernel refuses must never reach the interpreter, which ends even on
 * one of them.
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

/* check */

enum { CHECK_PROGRAMS = 3000, CHECK_MAX = 10 };

/* Every opcode seccomp takes, and some it refuses. */
static const uint16_t g_codes[] = {
    BPF_RET | BPF_K, BPF_RET | BPF_A, BPF_RET | BPF_X,
    BPF_ALU | BPF_ADD | BPF_K, BPF_ALU | BPF_ADD | BPF_X, BPF_ALU | BPF_SUB | BPF_K,
    BPF_ALU | BPF_SUB | BPF_X, BPF_ALU | BPF_MUL | BPF_K, BPF_ALU | BPF_MUL | BPF_X,
    BPF_ALU | BPF_DIV | BPF_K, BPF_ALU | BPF_DIV | BPF_X, BPF_ALU | BPF_MOD | BPF_K,
    BPF_ALU | BPF_AND | BPF_K, BPF_ALU | BPF_AND | BPF_X, BPF_ALU | BPF_OR | BPF_K,
    BPF_ALU | BPF_OR | BPF_X, BPF_ALU | BPF_XOR | BPF_K, BPF_ALU | BPF_XOR | BPF_X,
    BPF_ALU | BPF_LSH | BPF_K, BPF_ALU | BPF_LSH | BPF_X, BPF_ALU | BPF_RSH | BPF_K,
    BPF_ALU | BPF_RSH | BPF_X, BPF_ALU | BPF_NEG, BPF_ALU | BPF_NEG | BPF_X,
    BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_W | BPF_ABS, BPF_LD | BPF_W | BPF_ABS,
    BPF_LD | BPF_H | BPF_ABS, BPF_LD | BPF_B | BPF_ABS, BPF_LD | BPF_W | BPF_IND,
    BPF_LD | BPF_W | BPF_LEN, BPF_LDX | BPF_W | BPF_LEN, BPF_LDX | BPF_B | BPF_MSH,
    BPF_LDX | BPF_W | BPF_ABS, BPF_LD | BPF_IMM, BPF_LDX | BPF_IMM, BPF_LD | BPF_MEM,
    BPF_LD | BPF_MEM, BPF_LDX | BPF_MEM, BPF_ST, BPF_ST, BPF_STX, BPF_STX,
    BPF_MISC | BPF_TAX, BPF_MISC | BPF_TXA, BPF_JMP | BPF_JA, BPF_JMP | BPF_JA,
    BPF_JMP | BPF_JEQ | BPF_K, BPF_JMP | BPF_JEQ | BPF_X, BPF_JMP | BPF_JGE | BPF_K,
    BPF_JMP | BPF_JGE | BPF_X, BPF_JMP | BPF_JGT | BPF_K, BPF_JMP | BPF_JGT | BPF_X,
    BPF_JMP | BPF_JSET | BPF_K, BPF_JMP | BPF_JSET | BPF_X, 0xff, 0x1234,
};

/* A value of K for CODE at PC of a program of LEN: mostly near the
 * kernel's limits. */
static uint32_t check_k(uint16_t code, unsigned int pc, unsigned int len) {
    switch (code) {
    case BPF_JMP | BPF_JA:
        return rnd(4) ? rnd(len - pc + 1) : 0xffffffff - rnd(2);
    case BPF_LD | BPF_W | BPF_ABS:
    case BPF_LDX | BPF_W | BPF_ABS:
        return rnd(8) ? rnd(70) : 0xfffff000 + 4 * rnd(16); /* SKF_AD_OFF: ancillary */
    case BPF_LD | BPF_MEM:
    case BPF_LDX | BPF_MEM:
    case BPF_ST:
    case BPF_STX:
        return rnd(8) ? rnd(4) : 14 + rnd(4);
    case BPF_ALU | BPF_LSH | BPF_K:
    case BPF_ALU | BPF_RSH | BPF_K:
        return 30 + rnd(4);
    case BPF_ALU | BPF_DIV | BPF_K:
        return rnd(3);
    default:
        return rnd_value();
    }
}

static void make_check_program(struct program* p) {
    p->len = 1 + rnd(CHECK_MAX);
    for (unsigned int pc = 0; pc < p->len; pc++) {
        uint16_t code = g_codes[rnd(sizeof(g_codes) / sizeof(g_codes[0]))];

        /* mostly a RET at the end */
        if (pc == p->len - 1 && rnd(8))
            code = rnd(2) ? BPF_RET | BPF_K : BPF_RET | BPF_A;
        p->insns[pc] = (struct sock_filter){code, (uint8_t)rnd(p->len - pc + 1),
                                            (uint8_t)rnd(p->len - pc + 1),
                                            check_k(code, pc, p->len)};
    }
}

/* 0 when the kernel installs P, else the errno it refuses it with */
static int kernel_check(struct program* p) {
    struct sock_fprog prog = {.len = (unsigned short)p->len, .filter = p->insns};
    int status;
    pid_t pid = fork();

    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
            _exit(126);
        if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
            _exit(errno & 0x7f);
        /* installed: exit_group now meets the filter, which may fail it
         * (then glibc's _exit ends in a fault) or kill */
        _exit(0x80);
    }
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(!WIFEXITED(status) || WEXITSTATUS(status) != 126);
    return WIFEXITED(status) && WEXITSTATUS(status) < 0x80 ? WEXITSTATUS(status) : 0;
}

START_TEST(test_check_against_kernel) {
    int accepted = 0;

    for (int i = 0; i < CHECK_PROGRAMS; i++) {
        struct program p;
        int k, s;

        make_check_program(&p);
        k = kernel_check(&p);
        s = shim_bpf_check((const struct shim_bpf_insn*)p.insns, p.len);
        if (k != -s) {
            char text[CHECK_MAX * 32] = "";

            for (unsigned int pc = 0; pc < p.len; pc++)
                snprintf(text + strlen(text), sizeof(text) - strlen(text), " {%#x,%u,%u,%#x}",
                         p.insns[pc].code, p.insns[pc].jt, p.insns[pc].jf, p.insns[pc].k);
            ck_abort_msg("program %d:%s: the kernel answers %d, the shim %d", i, text, -k, s);
        }
        accepted += k == 0;
    }
    /* both answers common: a check that refuses everything tests nothing */
    printf("%d programs checked, %d accepted by the kernel\n", CHECK_PROGRAMS, accepted);
    ck_assert_int_gt(accepted, CHECK_PROGRAMS / 20);
    ck_assert_int_lt(accepted, CHECK_PROGRAMS - CHECK_PROGRAMS / 20);
}
END_TEST

#define INSN(code, jt, jf, k) ((struct shim_bpf_insn){(code), (jt), (jf), (k)})
#define RET_ALLOW INSN(BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW)

/* The check of named cases, and the kernel's answer to each */
static void check_case(const char* what, const struct shim_bpf_insn* insns, unsigned int len,
                       int want) {
    struct program p;

    ck_assert_uint_le(len, MAX_INSNS);
    memcpy(p.insns, insns, len * sizeof(*insns));
    p.len = len;
    ck_assert_msg(shim_bpf_check(insns, len) == want, "%s: the shim answers %d, not %d", what,
                  shim_bpf_check(insns, len), want);
    ck_assert_msg(kernel_check(&p) == -want, "%s: the kernel answers %d, not %d", what,
                  -kernel_check(&p), want);
}

START_TEST(test_check_cases) {
    static struct shim_bpf_insn big[BPF_MAXINSNS + 1];
    const struct shim_bpf_insn ja_self[] = {INSN(BPF_JMP | BPF_JA, 0, 0, 0xffffffff), RET_ALLOW};
    const struct shim_bpf_insn ja_end[] = {INSN(BPF_JMP | BPF_JA, 0, 0, 1), RET_ALLOW};
    const struct shim_bpf_insn ja_last[] = {INSN(BPF_JMP | BPF_JA, 0, 0, 1), RET_ALLOW, RET_ALLOW};
    const struct shim_bpf_insn jeq_end[] = {INSN(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), RET_ALLOW};
    const struct shim_bpf_insn jeq_last[] = {INSN(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 0), RET_ALLOW,
                                             RET_ALLOW};
    const struct shim_bpf_insn no_ret[] = {RET_ALLOW, INSN(BPF_LD | BPF_IMM, 0, 0, 0)};
    const struct shim_bpf_insn ld_ip[] = {INSN(BPF_LD | BPF_W | BPF_ABS, 0, 0, 8), RET_ALLOW};
    const struct shim_bpf_insn ld_last[] = {INSN(BPF_LD | BPF_W | BPF_ABS, 0, 0, 60), RET_ALLOW};
    const struct shim_bpf_insn ld_past[] = {INSN(BPF_LD | BPF_W | BPF_ABS, 0, 0, 64), RET_ALLOW};
    const struct shim_bpf_insn ld_odd[] = {INSN(BPF_LD | BPF_W | BPF_ABS, 0, 0, 6), RET_ALLOW};
    const struct shim_bpf_insn mem_unset[] = {INSN(BPF_LDX | BPF_MEM, 0, 0, 3), RET_ALLOW};
    /* M[3] stored on the fall-through only, then on both ways */
    const struct shim_bpf_insn mem_one_way[] = {
        INSN(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), INSN(BPF_ST, 0, 0, 3),
        INSN(BPF_LD | BPF_MEM, 0, 0, 3), RET_ALLOW};
    const struct shim_bpf_insn mem_both_ways[] = {
        INSN(BPF_ST, 0, 0, 3), INSN(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0), INSN(BPF_ST, 0, 0, 3),
        INSN(BPF_LD | BPF_MEM, 0, 0, 3), RET_ALLOW};
    /* stored, then a RET, then loaded after a jump over the RET */
    const struct shim_bpf_insn mem_after_ret[] = {
        INSN(BPF_ST, 0, 0, 1), INSN(BPF_JMP | BPF_JA, 0, 0, 1), RET_ALLOW,
        INSN(BPF_LD | BPF_MEM, 0, 0, 1), RET_ALLOW};

    check_case("JA -1", ja_self, 2, -EINVAL);
    check_case("JA past the end", ja_end, 2, -EINVAL);
    check_case("JA to the last instruction", ja_last, 3, 0);
    check_case("JEQ past the end", jeq_end, 2, -EINVAL);
    check_case("JEQ to the last instruction", jeq_last, 3, 0);
    check_case("no RET at the end", no_ret, 2, -EINVAL);
    check_case("a load of the instruction pointer", ld_ip, 2, 0);
    check_case("a load of the last argument's high half", ld_last, 2, 0);
    check_case("a load past seccomp_data", ld_past, 2, -EINVAL);
    check_case("a misaligned load", ld_odd, 2, -EINVAL);
    check_case("a scratch word never stored", mem_unset, 2, -EINVAL);
    check_case("a scratch word stored on one way", mem_one_way, 4, -EINVAL);
    check_case("a scratch word stored on both ways", mem_both_ways, 5, 0);
    check_case("a scratch word stored before a RET", mem_after_ret, 5, 0);
    ck_assert_int_eq(shim_bpf_check(ja_self, 0), -EINVAL);
    for (unsigned int i = 0; i < BPF_MAXINSNS + 1; i++)
        big[i] = RET_ALLOW;
    ck_assert_int_eq(shim_bpf_check(big, BPF_MAXINSNS), 0);
    ck_assert_int_eq(shim_bpf_check(big, BPF_MAXINSNS + 1), -EINVAL);
}
END_TEST

/* A program the check refuses never reaches the interpreter; if one did,
 * it would still end: JA -1 stayed on itself for ever. */
START_TEST(test_run_ends) {
    const struct shim_bpf_insn ja_self[] = {INSN(BPF_JMP | BPF_JA, 0, 0, 0xffffffff), RET_ALLOW};
    /* to the instruction before */
    const struct shim_bpf_insn ja_back[] = {INSN(BPF_LD | BPF_IMM, 0, 0, 0),
                                            INSN(BPF_JMP | BPF_JA, 0, 0, 0xfffffffe), RET_ALLOW};
    struct seccomp_data d;

    memset(&d, 0, sizeof(d));
    ck_assert_uint_eq(shim_bpf_run(ja_self, 2, &d, sizeof(d)), 0);
    ck_assert_uint_eq(shim_bpf_run(ja_back, 3, &d, sizeof(d)), 0);
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
    tc = tcase_create("check");
    tcase_add_test(tc, test_check_cases);
    tcase_add_test(tc, test_check_against_kernel);
    tcase_add_test(tc, test_run_ends);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

/*
 * shim_bpf.c: the classic BPF of seccomp filters, checked and run as the
 * kernel does (shim_seccomp.h).
 *
 * The check is the kernel's, bpf_check_classic() then
 * seccomp_check_filter(): a program it refuses is never installed, and
 * the shim never runs a program its own check refused.  The interpreter
 * follows the kernel on the programs the check accepts; on any other it
 * still ends, since every instruction moves forward.
 */
#include "config.h"

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>

#include "shim_seccomp.h"

_Static_assert(sizeof(struct shim_bpf_insn) == sizeof(struct sock_filter),
               "a filter instruction is the kernel's struct sock_filter");
_Static_assert(BPF_MEMWORDS <= 16, "one bit per scratch word in a uint16_t");

/* The opcodes a seccomp filter may hold: the kernel's classic-BPF set
 * (chk_code_allowed) less what seccomp_check_filter refuses (BPF_MOD,
 * byte and half-word loads, indirect loads, BPF_MSH). */
static bool code_allowed(uint16_t code) {
    switch (code) {
    case BPF_RET | BPF_K:
    case BPF_RET | BPF_A:
    case BPF_ALU | BPF_ADD | BPF_K:
    case BPF_ALU | BPF_ADD | BPF_X:
    case BPF_ALU | BPF_SUB | BPF_K:
    case BPF_ALU | BPF_SUB | BPF_X:
    case BPF_ALU | BPF_MUL | BPF_K:
    case BPF_ALU | BPF_MUL | BPF_X:
    case BPF_ALU | BPF_DIV | BPF_K:
    case BPF_ALU | BPF_DIV | BPF_X:
    case BPF_ALU | BPF_AND | BPF_K:
    case BPF_ALU | BPF_AND | BPF_X:
    case BPF_ALU | BPF_OR | BPF_K:
    case BPF_ALU | BPF_OR | BPF_X:
    case BPF_ALU | BPF_XOR | BPF_K:
    case BPF_ALU | BPF_XOR | BPF_X:
    case BPF_ALU | BPF_LSH | BPF_K:
    case BPF_ALU | BPF_LSH | BPF_X:
    case BPF_ALU | BPF_RSH | BPF_K:
    case BPF_ALU | BPF_RSH | BPF_X:
    case BPF_ALU | BPF_NEG:
    case BPF_LD | BPF_W | BPF_ABS:
    case BPF_LD | BPF_W | BPF_LEN:
    case BPF_LDX | BPF_W | BPF_LEN:
    case BPF_LD | BPF_IMM:
    case BPF_LDX | BPF_IMM:
    case BPF_LD | BPF_MEM:
    case BPF_LDX | BPF_MEM:
    case BPF_ST:
    case BPF_STX:
    case BPF_MISC | BPF_TAX:
    case BPF_MISC | BPF_TXA:
    case BPF_JMP | BPF_JA:
    case BPF_JMP | BPF_JEQ | BPF_K:
    case BPF_JMP | BPF_JEQ | BPF_X:
    case BPF_JMP | BPF_JGE | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_X:
    case BPF_JMP | BPF_JGT | BPF_K:
    case BPF_JMP | BPF_JGT | BPF_X:
    case BPF_JMP | BPF_JSET | BPF_K:
    case BPF_JMP | BPF_JSET | BPF_X:
        return true;
    default:
        return false;
    }
}

static bool is_cond_jump(uint16_t code) {
    return BPF_CLASS(code) == BPF_JMP && code != (BPF_JMP | BPF_JA);
}

/* check_load_and_stores(): a scratch word is loaded only where every path
 * to the load stored it.  Jumps go forward only, so one pass sees every
 * way into an instruction before it: the words valid on the way in are
 * those valid on every jump to it and, unless the instruction before is a
 * jump, on the fall-through from it (after a RET too, as the kernel
 * counts it). */
static int check_scratch(const struct shim_bpf_insn* insns, unsigned int len) {
    uint16_t valid_in[BPF_MAXINSNS], valid = 0;

    for (unsigned int pc = 0; pc < len; pc++)
        valid_in[pc] = 0xffff;
    for (unsigned int pc = 0; pc < len; pc++) {
        const struct shim_bpf_insn* in = &insns[pc];

        valid &= valid_in[pc];
        switch (in->code) {
        case BPF_ST:
        case BPF_STX:
            valid |= (uint16_t)(1U << in->k);
            break;
        case BPF_LD | BPF_MEM:
        case BPF_LDX | BPF_MEM:
            if (!(valid & (1U << in->k)))
                return -EINVAL;
            break;
        case BPF_JMP | BPF_JA:
            valid_in[pc + 1 + in->k] &= valid;
            valid = 0xffff;
            break;
        default:
            if (is_cond_jump(in->code)) {
                valid_in[pc + 1 + in->jt] &= valid;
                valid_in[pc + 1 + in->jf] &= valid;
                valid = 0xffff;
            }
            break;
        }
    }
    return 0;
}

int shim_bpf_check(const struct shim_bpf_insn* insns, unsigned int len) {
    if (len == 0 || len > BPF_MAXINSNS)
        return -EINVAL;
    for (unsigned int pc = 0; pc < len; pc++) {
        const struct shim_bpf_insn* in = &insns[pc];

        if (!code_allowed(in->code))
            return -EINVAL;
        switch (in->code) {
        case BPF_ALU | BPF_DIV | BPF_K:
            if (in->k == 0)
                return -EINVAL;
            break;
        case BPF_ALU | BPF_LSH | BPF_K:
        case BPF_ALU | BPF_RSH | BPF_K:
            if (in->k >= 32)
                return -EINVAL;
            break;
        case BPF_LD | BPF_MEM:
        case BPF_LDX | BPF_MEM:
        case BPF_ST:
        case BPF_STX:
            if (in->k >= BPF_MEMWORDS)
                return -EINVAL;
            break;
        case BPF_LD | BPF_W | BPF_ABS:
            /* a 32-bit word of struct seccomp_data */
            if (in->k >= sizeof(struct seccomp_data) || (in->k & 3))
                return -EINVAL;
            break;
        case BPF_JMP | BPF_JA:
            /* forward, and inside the program: JA -1 would jump to itself */
            if (in->k >= len - pc - 1)
                return -EINVAL;
            break;
        default:
            if (is_cond_jump(in->code) && (pc + in->jt + 1 >= len || pc + in->jf + 1 >= len))
                return -EINVAL;
            break;
        }
    }
    /* every path ends in a return: the last instruction is one, and
     * nothing jumps past it */
    if (BPF_CLASS(insns[len - 1].code) != BPF_RET)
        return -EINVAL;
    return check_scratch(insns, len);
}

uint32_t shim_bpf_run(const struct shim_bpf_insn* insns, unsigned int len, const void* data,
                      unsigned int data_len) {
    uint32_t a = 0, x = 0, mem[BPF_MEMWORDS] = {0};

    /* 64 bits: no jump wraps around, so every step goes forward */
    for (uint64_t pc = 0; pc < len; pc++) {
        const struct shim_bpf_insn* in = &insns[pc];
        uint32_t v, src = BPF_SRC(in->code) == BPF_X ? x : in->k;
        bool cond;

        switch (BPF_CLASS(in->code)) {
        case BPF_LD:
        case BPF_LDX:
            switch (BPF_MODE(in->code)) {
            case BPF_IMM:
                v = in->k;
                break;
            case BPF_ABS:
                if (BPF_SIZE(in->code) != BPF_W || data_len < 4 || in->k > data_len - 4)
                    return 0;
                memcpy(&v, (const char*)data + in->k, sizeof(v));
                break;
            case BPF_LEN:
                v = data_len;
                break;
            case BPF_MEM:
                v = mem[in->k % BPF_MEMWORDS];
                break;
            default:
                return 0; /* the kernel refuses it */
            }
            if (BPF_CLASS(in->code) == BPF_LD)
                a = v;
            else
                x = v;
            break;
        case BPF_ST:
            mem[in->k % BPF_MEMWORDS] = a;
            break;
        case BPF_STX:
            mem[in->k % BPF_MEMWORDS] = x;
            break;
        case BPF_ALU:
            switch (BPF_OP(in->code)) {
            case BPF_ADD:
                a += src;
                break;
            case BPF_SUB:
                a -= src;
                break;
            case BPF_MUL:
                a *= src;
                break;
            case BPF_DIV:
                /* classic BPF: a division by zero ends the program with 0 */
                if (src == 0)
                    return 0;
                a /= src;
                break;
            case BPF_OR:
                a |= src;
                break;
            case BPF_AND:
                a &= src;
                break;
            case BPF_XOR:
                a ^= src;
                break;
            case BPF_LSH:
                a <<= src & 31;
                break;
            case BPF_RSH:
                a >>= src & 31;
                break;
            case BPF_NEG:
                a = -a;
                break;
            default:
                return 0;
            }
            break;
        case BPF_JMP:
            switch (BPF_OP(in->code)) {
            case BPF_JA:
                pc += in->k;
                continue;
            case BPF_JEQ:
                cond = a == src;
                break;
            case BPF_JGT:
                cond = a > src;
                break;
            case BPF_JGE:
                cond = a >= src;
                break;
            case BPF_JSET:
                cond = (a & src) != 0;
                break;
            default:
                return 0;
            }
            pc += cond ? in->jt : in->jf;
            break;
        case BPF_RET:
            return BPF_RVAL(in->code) == BPF_A ? a : BPF_RVAL(in->code) == BPF_X ? x : in->k;
        case BPF_MISC:
            if (BPF_MISCOP(in->code) == BPF_TAX)
                x = a;
            else
                a = x;
            break;
        }
    }
    return 0; /* the kernel makes every path end in a RET */
}

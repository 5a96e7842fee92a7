/*
 * decode_proc.c: the process calls whose arguments depend on one of them:
 * clone, clone3, futex, prctl, arch_prctl, ptrace, sched_getscheduler,
 * personality (@custom in syscalls.tbl).
 */
#include "config.h"

#include <asm/prctl.h>
#include <linux/futex.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>

#include "print_struct.h"

/* Numbers as strace prints them when no name fits: 0x1 (0 stays 0). */
static void print_hex(struct tcb* t, PAL_NUM v) {
    trace_printf(t, "%#llx", (unsigned long long)v);
}

/* clone(child_stack=NULL, flags=CLONE_VM|...|SIGCHLD, parent_tid=[N],
 * tls=0x..., child_tidptr=0x...): what the kernel wrote is there at exit. */
int decode_clone(struct tcb* t) {
    PAL_NUM flags = t->args[0];
    int sig = (int)(flags & CSIGNAL);

    if (!t->exiting) {
        trace_puts(t, "child_stack=");
        print_addr(t, t->args[1]);
        trace_puts(t, ", flags=");
        if (flags & ~(PAL_NUM)CSIGNAL)
            print_flags(t, &xlat_clone_flags, flags & ~(PAL_NUM)CSIGNAL);
        if (sig) {
            if (flags & ~(PAL_NUM)CSIGNAL)
                trace_putc(t, '|');
            print_signo(t, sig);
        } else if (!(flags & ~(PAL_NUM)CSIGNAL)) {
            trace_putc(t, '0');
        }
        return 0;
    }
    if (flags & CLONE_PARENT_SETTID) {
        trace_puts(t, ", parent_tid=");
        if (syserror(t))
            print_addr(t, t->args[2]);
        else
            print_int(t, t->args[2], -1);
    }
    if (flags & CLONE_SETTLS) {
        trace_puts(t, ", tls=");
        print_addr(t, t->args[4]);
    }
    if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
        trace_puts(t, ", child_tidptr=");
        print_addr(t, t->args[3]);
    }
    return 0;
}

/* clone3({flags=..., ...} => {parent_tid=[N]}, 88): the ids the kernel
 * stored come after the arguments at exit. */
int decode_clone3(struct tcb* t) {
    struct {
        uint64_t flags, pidfd, child_tid, parent_tid;
    } ca;
    int v;

    if (!t->exiting) {
        print_struct_at(t, print_struct_clone_args, t->args[0]);
        return 0;
    }
    if (!syserror(t) && tracee_read(t, t->args[0], &ca, sizeof(ca)) == 0 &&
        (ca.flags & (CLONE_PIDFD | CLONE_PARENT_SETTID))) {
        trace_puts(t, " => {");
        if (ca.flags & CLONE_PIDFD) {
            trace_puts(t, "pidfd=");
            if (tracee_fetch(t, ca.pidfd, &v, sizeof(v))) {
                trace_putc(t, '[');
                print_fd(t, v);
                trace_putc(t, ']');
            }
            if (ca.flags & CLONE_PARENT_SETTID)
                trace_puts(t, ", ");
        }
        if (ca.flags & CLONE_PARENT_SETTID) {
            trace_puts(t, "parent_tid=");
            print_int(t, ca.parent_tid, -1);
        }
        trace_putc(t, '}');
    }
    trace_printf(t, ", %llu", (unsigned long long)t->args[1]);
    return 0;
}

/* FUTEX_WAKE_OP's operation: FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0 */
static void print_wake_op(struct tcb* t, uint32_t v) {
    static const char* const ops[] = {"FUTEX_OP_SET", "FUTEX_OP_ADD", "FUTEX_OP_OR",
                                      "FUTEX_OP_ANDN", "FUTEX_OP_XOR"};
    static const char* const cmps[] = {"FUTEX_OP_CMP_EQ", "FUTEX_OP_CMP_NE", "FUTEX_OP_CMP_LT",
                                       "FUTEX_OP_CMP_LE", "FUTEX_OP_CMP_GT", "FUTEX_OP_CMP_GE"};
    unsigned op = (v >> 28) & 7, cmp = (v >> 24) & 15;

    if (v & (8u << 28))
        trace_puts(t, "FUTEX_OP_OPARG_SHIFT|");
    if (op < sizeof(ops) / sizeof(ops[0]))
        trace_printf(t, "%s<<28", ops[op]);
    else
        trace_printf(t, "%#x<<28", op);
    trace_printf(t, "|%#x<<12|", (v >> 12) & 0xfff);
    if (cmp < sizeof(cmps) / sizeof(cmps[0]))
        trace_printf(t, "%s<<24", cmps[cmp]);
    else
        trace_printf(t, "%#x<<24", cmp);
    trace_printf(t, "|%u", v & 0xfff);
}

static void print_bitset(struct tcb* t, uint32_t v) {
    if (v == FUTEX_BITSET_MATCH_ANY)
        trace_puts(t, "FUTEX_BITSET_MATCH_ANY");
    else
        print_hex(t, v);
}

/* futex(uaddr, FUTEX_WAIT_PRIVATE, val, timeout): the arguments that
 * follow the operation are those it uses. */
int decode_futex(struct tcb* t) {
    unsigned op = (unsigned)t->args[1], cmd = op & FUTEX_CMD_MASK;
    uint32_t val = (uint32_t)t->args[2], val3 = (uint32_t)t->args[5];
    const char* name = xlat_name(&xlat_futex_cmds, cmd);

    print_addr(t, t->args[0]);
    trace_puts(t, ", ");
    if (!name) {
        trace_printf(t, "%#x /* FUTEX_??? */, %u, ", op, val);
        print_addr(t, t->args[3]);
        trace_puts(t, ", ");
        print_addr(t, t->args[4]);
        trace_printf(t, ", %u", val3);
        return DECODE_DONE;
    }
    trace_puts(t, name);
    if (op & FUTEX_PRIVATE_FLAG)
        trace_puts(t, "_PRIVATE");
    if (op & FUTEX_CLOCK_REALTIME)
        trace_puts(t, "|FUTEX_CLOCK_REALTIME");
    switch (cmd) {
    case FUTEX_WAIT:
        trace_printf(t, ", %u, ", val);
        print_struct_at(t, print_struct_timespec, t->args[3]);
        break;
    case FUTEX_WAIT_BITSET:
        trace_printf(t, ", %u, ", val);
        print_struct_at(t, print_struct_timespec, t->args[3]);
        trace_puts(t, ", ");
        print_bitset(t, val3);
        break;
    case FUTEX_WAKE:
    case FUTEX_FD:
        trace_printf(t, ", %u", val);
        break;
    case FUTEX_WAKE_BITSET:
        trace_printf(t, ", %u, ", val);
        print_bitset(t, val3);
        break;
    case FUTEX_REQUEUE:
        trace_printf(t, ", %u, %u, ", val, (uint32_t)t->args[3]);
        print_addr(t, t->args[4]);
        break;
    case FUTEX_CMP_REQUEUE:
    case FUTEX_CMP_REQUEUE_PI:
        trace_printf(t, ", %u, %u, ", val, (uint32_t)t->args[3]);
        print_addr(t, t->args[4]);
        trace_printf(t, ", %u", val3);
        break;
    case FUTEX_WAKE_OP:
        trace_printf(t, ", %u, %u, ", val, (uint32_t)t->args[3]);
        print_addr(t, t->args[4]);
        trace_puts(t, ", ");
        print_wake_op(t, val3);
        break;
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
        trace_puts(t, ", ");
        print_struct_at(t, print_struct_timespec, t->args[3]);
        break;
    case FUTEX_WAIT_REQUEUE_PI:
        trace_printf(t, ", %u, ", val);
        print_struct_at(t, print_struct_timespec, t->args[3]);
        trace_puts(t, ", ");
        print_addr(t, t->args[4]);
        break;
    default: /* FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI */
        break;
    }
    return DECODE_DONE;
}

/* arch_prctl(ARCH_SET_FS, 0x7f...), arch_prctl(ARCH_GET_FS, [0x7f...]) */
int decode_arch_prctl(struct tcb* t) {
    int code = (int)t->args[0];
    bool get = code == ARCH_GET_FS || code == ARCH_GET_GS;

    if (!t->exiting) {
        print_enum(t, &xlat_arch_prctl_codes, (unsigned)code, "ARCH_???");
        if (code == ARCH_GET_CPUID)
            return DECODE_DONE;
        trace_puts(t, ", ");
        if (!get) {
            print_hex(t, t->args[1]);
            return DECODE_DONE;
        }
        return 0;
    }
    if (syserror(t)) {
        print_addr(t, t->args[1]);
    } else {
        unsigned long v;

        if (tracee_fetch(t, t->args[1], &v, sizeof(v))) {
            trace_putc(t, '[');
            print_addr(t, v);
            trace_putc(t, ']');
        }
    }
    return 0;
}

/* sched_getscheduler(0) = 0 (SCHED_OTHER) */
int decode_sched_getscheduler(struct tcb* t) {
    if (t->exiting) {
        /* an unknown policy (SCHED_RESET_ON_FORK in it) is a number */
        if (!syserror(t) && xlat_name(&xlat_sched_policies, (uint64_t)t->ret))
            t->rval_xlat = &xlat_sched_policies;
        return 0;
    }
    trace_printf(t, "%d", (int)t->args[0]);
    return 0;
}

/* PER_LINUX32, or a type and flags: PER_LINUX|ADDR_NO_RANDOMIZE */
static void print_personality(struct tcb* t, uint32_t v) {
    print_enum(t, &xlat_personality_types, v & 0xff, "PER_???");
    if (v & ~0xffu) {
        trace_putc(t, '|');
        print_flags(t, &xlat_personality_flags, v & ~0xffu);
    }
}

static void personality_note(struct tcb* t) {
    trace_putc(t, '(');
    print_personality(t, (uint32_t)t->ret);
    trace_putc(t, ')');
}

/* personality(0xffffffff) = 0x8 (PER_LINUX32): the query is not decoded */
int decode_personality(struct tcb* t) {
    uint32_t v = (uint32_t)t->args[0];

    if (t->exiting) {
        if (!syserror(t))
            t->rval_note = personality_note;
        return 0;
    }
    if (v == 0xffffffffu)
        trace_puts(t, "0xffffffff");
    else
        print_personality(t, v);
    return 0;
}

/* A task name is at most 15 bytes; -s may cut it shorter. */
static size_t task_comm_limit(void) {
    return g_max_strlen < 15 ? g_max_strlen : 15;
}

/* prctl options with a string, a signal, a capability or a result in
 * memory print those; the others print their arguments in hex, or none
 * for the plain queries. */
int decode_prctl(struct tcb* t) {
    int option = (int)t->args[0];

    if (t->exiting) {
        switch (option) {
        case PR_GET_NAME:
            if (syserror(t))
                print_addr(t, t->args[1]);
            else
                print_cstr(t, t->args[1], task_comm_limit());
            break;
        case PR_GET_PDEATHSIG:
        case PR_GET_CHILD_SUBREAPER:
        case PR_GET_TSC:
        case PR_GET_FPEMU:
        case PR_GET_FPEXC:
        case PR_GET_UNALIGN:
            if (syserror(t)) {
                print_addr(t, t->args[1]);
            } else if (option == PR_GET_PDEATHSIG) {
                int sig;

                if (tracee_fetch(t, t->args[1], &sig, sizeof(sig))) {
                    trace_putc(t, '[');
                    print_signo(t, sig);
                    trace_putc(t, ']');
                }
            } else {
                print_int(t, t->args[1], -1);
            }
            break;
        case PR_GET_DUMPABLE:
            if (!syserror(t))
                t->rval_xlat = &xlat_dumpable;
            break;
        }
        return 0;
    }
    print_enum(t, &xlat_prctl_options, (unsigned)option, "PR_???");
    switch (option) {
    case PR_GET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_GET_NO_NEW_PRIVS:
    case PR_GET_TIMERSLACK:
    case PR_GET_SECCOMP:
    case PR_GET_THP_DISABLE:
    case PR_GET_TIMING:
    case PR_GET_IO_FLUSHER:
    case PR_TASK_PERF_EVENTS_DISABLE:
    case PR_TASK_PERF_EVENTS_ENABLE:
        /* PR_GET_DUMPABLE's result reads as SUID_DUMP_* */
        return option == PR_GET_DUMPABLE ? 0 : DECODE_DONE;
    case PR_GET_NAME:
    case PR_GET_PDEATHSIG:
    case PR_GET_CHILD_SUBREAPER:
    case PR_GET_TSC:
    case PR_GET_FPEMU:
    case PR_GET_FPEXC:
    case PR_GET_UNALIGN:
        trace_puts(t, ", ");
        return 0;
    case PR_SET_NAME:
        trace_puts(t, ", ");
        print_cstr(t, t->args[1], task_comm_limit());
        return DECODE_DONE;
    case PR_SET_PDEATHSIG:
        trace_puts(t, ", ");
        print_signo(t, (int)t->args[1]);
        return DECODE_DONE;
    case PR_SET_DUMPABLE:
        trace_puts(t, ", ");
        print_enum(t, &xlat_dumpable, t->args[1], "SUID_DUMP_???");
        return DECODE_DONE;
    case PR_CAPBSET_READ:
    case PR_CAPBSET_DROP:
        trace_puts(t, ", ");
        print_enum(t, &xlat_capabilities, t->args[1], "CAP_???");
        return DECODE_DONE;
    case PR_SET_KEEPCAPS:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_TIMERSLACK:
    case PR_SET_TIMING:
    case PR_SET_IO_FLUSHER:
        trace_printf(t, ", %lu", (unsigned long)t->args[1]);
        return DECODE_DONE;
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE:
        trace_printf(t, ", %lu, %lu, %lu, %lu", (unsigned long)t->args[1],
                     (unsigned long)t->args[2], (unsigned long)t->args[3],
                     (unsigned long)t->args[4]);
        return DECODE_DONE;
    default:
        for (int i = 1; i < 5; i++) {
            trace_puts(t, ", ");
            print_hex(t, t->args[i]);
        }
        return DECODE_DONE;
    }
}

/* ptrace(PTRACE_SEIZE, pid, NULL, PTRACE_O_...): the data argument is
 * options, a signal, or an address; a peek shows the word read. */
int decode_ptrace(struct tcb* t) {
    long req = (long)t->args[0];
    PAL_NUM data = t->args[3];

    if (t->exiting) {
        if (syserror(t)) {
            print_addr(t, data);
        } else {
            unsigned long v;

            if (tracee_fetch(t, data, &v, sizeof(v)))
                trace_printf(t, "[%#lx]", v);
        }
        return 0;
    }
    print_enum(t, &xlat_ptrace_requests, (unsigned long)req, "PTRACE_???");
    if (req == PTRACE_TRACEME)
        return DECODE_DONE;
    trace_printf(t, ", %d, ", (int)t->args[1]);
    print_addr(t, t->args[2]);
    trace_puts(t, ", ");
    switch (req) {
    case PTRACE_SEIZE:
    case PTRACE_SETOPTIONS:
        print_flags(t, &xlat_ptrace_options, data);
        return DECODE_DONE;
    case PTRACE_CONT:
    case PTRACE_SYSCALL:
    case PTRACE_SINGLESTEP:
    case PTRACE_DETACH:
    case PTRACE_SYSEMU:
    case PTRACE_SYSEMU_SINGLESTEP:
    case PTRACE_LISTEN:
        print_signo(t, (int)data);
        return DECODE_DONE;
    case PTRACE_PEEKTEXT:
    case PTRACE_PEEKDATA:
    case PTRACE_PEEKUSER:
        return 0;
    default:
        print_addr(t, data);
        return DECODE_DONE;
    }
}

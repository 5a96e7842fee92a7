/*
 * shim_internal.h: what every part of the shim shares: the three forms of
 * a line of shim_syscalls.c, the entry they define, and access to the
 * calling thread's memory.
 */
#ifndef SHIM_INTERNAL_H
#define SHIM_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "pal.h"
#include "shim_entries.h" /* generated: __shim_<name> for every row */
#include "syscall_defs.h"

/* An address in the calling thread's process, never dereferenced in the
 * tracer: copy_from_user()/copy_to_user() read and write it. */
typedef uint64_t uptr;

/* Who answers a system call. */
enum shim_kind {
    SHIM_IMPLEMENTED, /* shim_do_<name>, in the tracer */
    SHIM_PASSTHROUGH, /* run on the host unchanged (ENOSYS with --strict) */
    SHIM_ENOSYS,      /* deliberately unsupported */
};

struct shim_syscall {
    const char* name;
    int nargs;
    enum shim_kind kind;
    long (*call)(const PAL_NUM* args); /* SHIM_IMPLEMENTED */
};

/* The table of entries by number, generated from syscalls.tbl: NULL for a
 * number without a row. */
extern const struct shim_syscall* const shim_table[PTSHIM_NSYSCALLS];

/*
 * The forms of a line of shim_syscalls.c, after Graphene's: NAME, the
 * number of arguments, (for DEFINE_SHIM_SYSCALL) the function, the return
 * type, and a type and a name per argument.  Each defines the entry
 * __shim_NAME; DEFINE_SHIM_SYSCALL also a wrapper that calls FUNC with the
 * registers cast to the argument types.
 */
#define SHIM_ARGS_0()
#define SHIM_ARGS_1(t1, a1) (t1)args[0]
#define SHIM_ARGS_2(t1, a1, t2, a2) SHIM_ARGS_1(t1, a1), (t2)args[1]
#define SHIM_ARGS_3(t1, a1, t2, a2, t3, a3) SHIM_ARGS_2(t1, a1, t2, a2), (t3)args[2]
#define SHIM_ARGS_4(t1, a1, t2, a2, t3, a3, t4, a4) \
    SHIM_ARGS_3(t1, a1, t2, a2, t3, a3), (t4)args[3]
#define SHIM_ARGS_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
    SHIM_ARGS_4(t1, a1, t2, a2, t3, a3, t4, a4), (t5)args[4]
#define SHIM_ARGS_6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
    SHIM_ARGS_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), (t6)args[5]

/* The number of items in a macro's argument list (0 to 12). */
#define SHIM_COUNT(...) SHIM_COUNT_(x, ##__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define SHIM_COUNT_(x, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, n, ...) n

#define SHIM_CHECK_NARGS(name, n, ...)                                  \
    _Static_assert(SHIM_COUNT(__VA_ARGS__) == 2 * (n),                  \
                   #name ": the argument count does not match the list \
of types and names")

/* The parameter types alone, for FUNC's prototype. */
#define SHIM_TYPES_0() void
#define SHIM_TYPES_1(t1, a1) t1
#define SHIM_TYPES_2(t1, a1, t2, a2) t1, t2
#define SHIM_TYPES_3(t1, a1, t2, a2, t3, a3) t1, t2, t3
#define SHIM_TYPES_4(t1, a1, t2, a2, t3, a3, t4, a4) t1, t2, t3, t4
#define SHIM_TYPES_5(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) t1, t2, t3, t4, t5
#define SHIM_TYPES_6(t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) t1, t2, t3, t4, t5, t6

/* A shim_do_<name> returns long: the result or a negative errno, what the
 * kernel puts in rax.  Its prototype (shim_table.h) must be its line's. */
#define DEFINE_SHIM_SYSCALL(name, n, func, ret, ...)                                    \
    SHIM_CHECK_NARGS(name, n, ##__VA_ARGS__);                                           \
    _Static_assert(__builtin_types_compatible_p(ret, long),                             \
                   #name ": a shim_do_ function returns long");                         \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&func),                      \
                                                ret (*)(SHIM_TYPES_##n(__VA_ARGS__))),  \
                   #func ": its prototype in shim_table.h differs from its line");      \
    static long shim_call_##name(const PAL_NUM* args) {                                 \
        (void)args;                                                                     \
        return func(SHIM_ARGS_##n(__VA_ARGS__));                                        \
    }                                                                                   \
    const struct shim_syscall __shim_##name = {#name, n, SHIM_IMPLEMENTED, shim_call_##name};

#define SHIM_SYSCALL_PASSTHROUGH(name, n, ret, ...)  \
    SHIM_CHECK_NARGS(name, n, ##__VA_ARGS__);        \
    const struct shim_syscall __shim_##name = {#name, n, SHIM_PASSTHROUGH, NULL};

#define SHIM_SYSCALL_RETURN_ENOSYS(name, n, ret, ...) \
    SHIM_CHECK_NARGS(name, n, ##__VA_ARGS__);         \
    const struct shim_syscall __shim_##name = {#name, n, SHIM_ENOSYS, NULL};

/* Whether PID (a process, a thread or a process group), as the calling
 * thread names it, is ptshim's tracer's, which the program must not find. */
bool shim_is_tracer(pid_t pid);
/* The program's call, whose argument ARG named TARGET, ptshim's tracer,
 * run on the host aimed at a process that does not exist (TARGET's sign
 * kept): the kernel checks what it checks before it looks for the target,
 * in its order, and then finds none (sys/shim_signal.c). */
long shim_host_call_aimed_at_nothing(int arg, pid_t target);

/* Run a system call on the host, inside the calling thread (DkHostCall):
 * its result, or a negative errno.  The thread waits for it, not the
 * tracer.  shim_host_call_self() runs the program's call as it made it. */
long shim_host_call(PAL_NUM sysno, PAL_NUM a0, PAL_NUM a1, PAL_NUM a2, PAL_NUM a3, PAL_NUM a4,
                    PAL_NUM a5);
long shim_host_call_self(void);

/* The checks passed and nothing is left for the shim to do after the
 * call: `return shim_pass_to_host();` has the program's call run on the
 * host as it made it.  The decision is kept in the call's state, not in
 * the value returned (0, which the dispatcher ignores), so that no result
 * can be mistaken for it.  The dispatcher waits for the host's result only
 * when something needs it (a trace): otherwise the thread runs on unseen,
 * which saves the exit stop's work.  No host call may follow it. */
long shim_pass_to_host(void);
/* Whether shim_host_call_self() costs no stop more than
 * shim_pass_to_host(): a trace waits for the result anyway, or the stop
 * mechanism stops at the host call's exit whatever (SYSEMU).  A call that
 * runs on the host only to record what it made (a descriptor) asks first:
 * otherwise it leaves it to the table, which adopts a descriptor it does
 * not know on first use, and the call keeps its single stop. */
bool shim_host_result_free(void);
#define shim_host_call0(nr) shim_host_call((nr), 0, 0, 0, 0, 0, 0)
#define shim_host_call1(nr, a) shim_host_call((nr), (PAL_NUM)(a), 0, 0, 0, 0, 0)
#define shim_host_call2(nr, a, b) shim_host_call((nr), (PAL_NUM)(a), (PAL_NUM)(b), 0, 0, 0, 0)
#define shim_host_call3(nr, a, b, c) \
    shim_host_call((nr), (PAL_NUM)(a), (PAL_NUM)(b), (PAL_NUM)(c), 0, 0, 0)
#define shim_host_call4(nr, a, b, c, d) \
    shim_host_call((nr), (PAL_NUM)(a), (PAL_NUM)(b), (PAL_NUM)(c), (PAL_NUM)(d), 0, 0)
#define shim_host_call5(nr, a, b, c, d, e) \
    shim_host_call((nr), (PAL_NUM)(a), (PAL_NUM)(b), (PAL_NUM)(c), (PAL_NUM)(d), (PAL_NUM)(e), 0)

/* Copy between the tracer and the calling thread's memory, as the kernel's
 * copy_from_user/copy_to_user: 0, or -EFAULT when any byte of the range is
 * not accessible. */
int copy_from_user(void* dst, uptr src, size_t len);
int copy_to_user(uptr dst, const void* src, size_t len);
/* A NUL-terminated string of at most SIZE bytes with its NUL: its length,
 * -EFAULT, or -ENAMETOOLONG. */
long copy_str_from_user(char* dst, uptr src, size_t size);
/* The kernel's copy_struct_from_user() of an extensible struct (USIZE
 * bytes at SRC, the program's; KSIZE at DST, the shim's): the bytes past
 * KSIZE must be zero, read in order (the first not zero is -E2BIG, the
 * first that cannot be read -EFAULT), then the struct is read, zeros
 * past USIZE (-EFAULT).  0 or a negative errno. */
int copy_struct_from_user(void* dst, size_t ksize, uptr src, size_t usize);
/* Whether LEN bytes at SRC may lie past the end of user memory, which
 * the kernel's access_ok() refuses before it reads a byte, with a bound
 * that is the host's (4- or 5-level paging): the host must answer. */
bool shim_user_range_uncertain(uptr src, size_t len);

/* shim_inject.c: strace's tampering, for the dispatcher. */
struct shim_thread;
struct shim_inject;
struct shim_inject_rule;
/* The rule of SYSNO when it picks this call of SELF (strace's when=
 * counting, per thread and number), else NULL. */
const struct shim_inject_rule* shim_inject_pick(const struct shim_inject* inj,
                                                struct shim_thread* self, PAL_NUM sysno);
/* R's pokes for the entry, or the exit (AT_EXIT), of the call of EV. */
void shim_inject_poke(struct shim_thread* self, const struct pal_event* ev,
                      const struct shim_inject_rule* r, bool at_exit);
/* The call of EV waits NS nanoseconds. */
void shim_inject_delay(struct shim_thread* self, const struct pal_event* ev, PAL_NUM ns);

#endif /* SHIM_INTERNAL_H */

/*
 * pal_context.c: each traced thread's own context (a stack and the
 * registers a function call preserves), on which the system call upcall
 * runs.
 *
 * The event loop runs on the tracer's stack.  A system call stop starts the
 * upcall on the stopped thread's context; when the upcall waits for a host
 * call running inside the tracee (DkHostCall), its context is put aside and
 * the loop serves the other threads.  The host call's exit stop resumes the
 * context where it waited.  So a read that blocks in one thread never
 * stalls the tracer, and the shim's code stays straight-line C.
 *
 * The switch saves only the callee-saved registers: it is a function call
 * as far as the compiler knows.  No signal mask is saved or restored, so a
 * switch costs no system call (swapcontext(3) would cost one).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "pal_host.h"
#include "pal_log.h"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/common_interface_defs.h>
#endif

/* Deep enough for the trace printers and the shim; only the touched pages
 * take memory.  The lowest page is a guard. */
#define CONTEXT_STACK_SIZE (512UL << 10)
#define CONTEXT_GUARD_SIZE 4096UL
/* Stacks of threads that ended, kept for the next ones: a program that
 * starts processes one after another reuses one stack. */
#define CONTEXT_STACK_CACHE 32

/* Save the callee-saved registers on the current stack, store its pointer
 * in *SAVE_SP, and continue on the stack NEW_SP with the registers saved
 * there. */
void _DkContextSwitch(void** save_sp, void* new_sp);
__asm__(".text\n"
        ".globl _DkContextSwitch\n"
        ".hidden _DkContextSwitch\n"
        ".type _DkContextSwitch, @function\n"
        "_DkContextSwitch:\n"
        "    pushq %rbp\n"
        "    pushq %rbx\n"
        "    pushq %r12\n"
        "    pushq %r13\n"
        "    pushq %r14\n"
        "    pushq %r15\n"
        "    movq %rsp, (%rdi)\n"
        "    movq %rsi, %rsp\n"
        "    popq %r15\n"
        "    popq %r14\n"
        "    popq %r13\n"
        "    popq %r12\n"
        "    popq %rbx\n"
        "    popq %rbp\n"
        "    ret\n"
        ".size _DkContextSwitch, .-_DkContextSwitch\n");

static PAL_SYSCALL_UPCALL g_upcall;
static void* g_loop_sp;              /* the event loop's stack, while a context runs */
static struct pal_thread* g_current; /* the thread whose context runs */
static void* g_stack_cache[CONTEXT_STACK_CACHE];
static int g_stack_cached;

#ifdef __SANITIZE_ADDRESS__
/* ASan must be told which stack is current, or it takes the switch for a
 * stack overflow. */
static void* g_loop_fake_stack;
static const void* g_loop_stack_bottom;
static size_t g_loop_stack_size;

static void asan_enter_context(struct pal_thread* t) {
    __sanitizer_start_switch_fiber(&g_loop_fake_stack, (char*)t->stack + CONTEXT_GUARD_SIZE,
                                   CONTEXT_STACK_SIZE - CONTEXT_GUARD_SIZE);
}
static void asan_entered_context(struct pal_thread* t) {
    __sanitizer_finish_switch_fiber(t->fake_stack, &g_loop_stack_bottom, &g_loop_stack_size);
}
static void asan_leave_context(struct pal_thread* t, bool for_good) {
    __sanitizer_start_switch_fiber(for_good ? NULL : &t->fake_stack, g_loop_stack_bottom,
                                   g_loop_stack_size);
}
static void asan_left_context(void) {
    __sanitizer_finish_switch_fiber(g_loop_fake_stack, NULL, NULL);
}
#else
static void asan_enter_context(struct pal_thread* t) {
}
static void asan_entered_context(struct pal_thread* t) {
}
static void asan_leave_context(struct pal_thread* t, bool for_good) {
}
static void asan_left_context(void) {
}
#endif

void DkSetSyscallUpcall(PAL_SYSCALL_UPCALL upcall) {
    g_upcall = upcall;
}

PAL_HANDLE DkThreadCurrent(void) {
    return g_current;
}

/* Where a new context starts: entered by _DkContextSwitch's ret, with the
 * stack aligned as at a function's entry. */
static void __attribute__((noreturn)) context_main(void) {
    struct pal_thread* t = g_current;

    asan_entered_context(t);
    t->upcall_ret = g_upcall(t, &t->event);
    t->in_upcall = false;
    asan_leave_context(t, true);
    _DkContextSwitch(&t->sp, g_loop_sp);
    abort(); /* a finished context is never resumed */
}

static int stack_get(struct pal_thread* t) {
    void* p;

    if (t->stack)
        return 0;
    if (g_stack_cached > 0) {
        t->stack = g_stack_cache[--g_stack_cached];
        return 0;
    }
    p = mmap(NULL, CONTEXT_STACK_SIZE, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return -errno;
    if (mprotect(p, CONTEXT_GUARD_SIZE, PROT_NONE) < 0) {
        int ret = -errno;

        munmap(p, CONTEXT_STACK_SIZE);
        return ret;
    }
    t->stack = p;
    return 0;
}

void _DkContextFree(struct pal_thread* t) {
    if (!t->stack)
        return;
    if (t->in_upcall) {
        /* _DkThreadRemove finishes a waiting context first */
        log_error("thread %d freed while its system call is handled", t->tid);
        abort();
    }
    if (g_stack_cached < CONTEXT_STACK_CACHE)
        g_stack_cache[g_stack_cached++] = t->stack;
    else
        munmap(t->stack, CONTEXT_STACK_SIZE);
    t->stack = NULL;
}

/* Run T's context until its upcall returns or waits.  Returns the upcall's
 * negative return value once it has returned one, else 0. */
static int context_switch_in(struct pal_thread* t) {
    g_current = t;
    asan_enter_context(t);
    _DkContextSwitch(&g_loop_sp, t->sp);
    asan_left_context();
    g_current = NULL;
    if (t->in_upcall)
        return 0; /* waiting */
    return t->upcall_ret < 0 ? t->upcall_ret : 0;
}

int _DkContextStart(struct pal_thread* t) {
    uintptr_t* sp;
    int ret;

    if (!g_upcall) {
        log_error("no system call upcall set");
        return -ENOSYS;
    }
    ret = stack_get(t);
    if (ret < 0)
        return ret;
    /* The initial frame, from the top: a zero return address for
     * context_main (it never returns), the address _DkContextSwitch
     * returns to, and the six registers it pops.  context_main then
     * starts with rsp + 8 aligned to 16, as after a call. */
    sp = (uintptr_t*)((char*)t->stack + CONTEXT_STACK_SIZE);
    *--sp = 0;
    *--sp = (uintptr_t)context_main;
    for (int i = 0; i < 6; i++)
        *--sp = 0;
    t->sp = sp;
    t->in_upcall = true;
    return context_switch_in(t);
}

int _DkContextResume(struct pal_thread* t, long result) {
    if (!t->in_upcall || !t->waiting) {
        log_error("thread %d: no context waits", t->tid);
        return -EPROTO;
    }
    t->wake_result = result;
    return context_switch_in(t);
}

long _DkContextWait(struct pal_thread* t) {
    if (g_current != t) {
        log_error("thread %d waits outside its context", t->tid);
        abort();
    }
    t->waiting = true;
    asan_leave_context(t, false);
    _DkContextSwitch(&t->sp, g_loop_sp);
    asan_entered_context(t);
    t->waiting = false;
    return t->wake_result;
}

/*
 * shim_seccomp.c: the program's seccomp filters (shim_seccomp.h): copied
 * when the program installs them, inherited as the kernel's are, and run
 * (shim_bpf.c) on each call of a filtered thread before the shim answers
 * it.
 *
 * The copy must be the filter the kernel installed.  The program's own
 * is in its memory, where another of its threads may rewrite it between
 * the shim's read and the kernel's: so the shim reads it once, checks it
 * as the kernel will, and has the kernel install that very copy, placed
 * for the call below the calling thread's stack (its red zone spared, as
 * by a signal frame).  The kernel's own copy is readable by a tracer with
 * CAP_SYS_ADMIN only (PTRACE_SECCOMP_GET_FILTER), and there only by its
 * place in the chain, which another thread's SECCOMP_FILTER_FLAG_TSYNC
 * may change before the shim reads it: the shim's copy does for every
 * user.  Where it cannot be placed, the program's filter is installed as
 * it gave it; then, or when the copy was changed in its place, the filter
 * is opaque to the shim: the kernel decides each call.  Under seccomp
 * stops the kernel runs the filters itself: no copy.
 */
#include "config.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "pal_log.h"
#include "shim_internal.h"
#include "shim_seccomp.h"

/* The chain's verdict is the most severe of its filters' (the kernel keeps
 * the lowest action): the shim may answer only when every filter says
 * ALLOW, or LOG (allowed; the kernel would also have logged it). */
static bool action_allows(uint32_t ret) {
    uint32_t action = ret & SECCOMP_RET_ACTION_FULL;

    return action == SECCOMP_RET_ALLOW || action == SECCOMP_RET_LOG;
}

bool shim_seccomp_strict_allows(PAL_NUM sysno) {
    /* the kernel's mode1_syscalls */
    return sysno == PTSHIM_NR_read || sysno == PTSHIM_NR_write || sysno == PTSHIM_NR_exit ||
           sysno == PTSHIM_NR_rt_sigreturn;
}

bool shim_seccomp_allows_filtered(const struct shim_thread* t, const struct pal_event* ev) {
    struct seccomp_data d;

    /* the 32-bit gate's arguments are other registers: the kernel's
     * business, as the shim refuses those calls anyway */
    if (ev->compat)
        return false;
    if (t->seccomp_mode == SHIM_SECCOMP_STRICT)
        return shim_seccomp_strict_allows(ev->sysno);
    memset(&d, 0, sizeof(d));
    d.nr = (int)ev->sysno;
    d.arch = AUDIT_ARCH_X86_64;
    memcpy(d.args, ev->args, sizeof(d.args));
    for (const struct shim_seccomp_filter* f = t->seccomp; f; f = f->prev)
        if (f->opaque || !action_allows(shim_bpf_run(f->insns, f->len, &d, sizeof(d))))
            return false;
    return true;
}

/* The program's struct sock_fprog, as the kernel reads it */
struct user_fprog {
    unsigned short len;
    PAL_NUM filter;
};

/* A copy of the program's struct sock_fprog at UPROG, checked as the
 * kernel will, or NULL when it cannot be read or the kernel will refuse it
 * (and say why). */
static struct shim_seccomp_filter* copy_filter(const struct shim_thread* t, PAL_NUM uprog) {
    struct user_fprog prog;
    struct shim_seccomp_filter* f;
    size_t size;

    if (DkVirtualMemoryRead(t->pal, uprog, &prog, sizeof(prog)) != sizeof(prog) ||
        prog.len == 0 || prog.len > BPF_MAXINSNS)
        return NULL;
    size = prog.len * sizeof(f->insns[0]);
    f = calloc(1, sizeof(*f) + size);
    if (!f)
        return NULL;
    if (DkVirtualMemoryRead(t->pal, prog.filter, f->insns, size) != (long)size ||
        shim_bpf_check(f->insns, prog.len) < 0) {
        free(f);
        return NULL;
    }
    f->refs = 1;
    f->len = prog.len;
    /* the instruction pointer (bytes 8 to 15) is not in the shim's event */
    for (unsigned int i = 0; i < f->len; i++)
        if (f->insns[i].code == (BPF_LD | BPF_W | BPF_ABS) &&
            f->insns[i].k >= offsetof(struct seccomp_data, instruction_pointer) &&
            f->insns[i].k < offsetof(struct seccomp_data, args))
            f->opaque = true;
    return f;
}

/* The x86-64 ABI's red zone: below the stack pointer, what a function may
 * use without moving it.  Below that is free, as for a signal frame. */
#define RED_ZONE 128

/* Run the calling thread's call, which installs a filter, with F in place
 * of the program's: its sock_fprog and instructions written below the
 * thread's stack, then the memory put back.  *EXACT: the kernel installed
 * F (if anything), else the program's filter as it made the call. */
static long install_copy(struct shim_thread* t, const struct shim_seccomp_filter* f,
                         bool* exact) {
    size_t insns_size = f->len * sizeof(f->insns[0]);
    size_t size = sizeof(struct user_fprog) + insns_size;
    PAL_NUM at = (t->sp - RED_ZONE - size) & ~(PAL_NUM)15;
    struct user_fprog prog = {.len = f->len, .filter = at + sizeof(prog)};
    char *image = malloc(3 * size), *saved, *seen;
    PAL_NUM args[PAL_SYSCALL_ARGS];
    long ret;

    *exact = false;
    if (!image)
        return shim_host_call_self();
    saved = image + size;
    seen = image + 2 * size;
    memcpy(image, &prog, sizeof(prog));
    memcpy(image + sizeof(prog), f->insns, insns_size);
    if (DkVirtualMemoryRead(t->pal, at, saved, size) != (long)size) {
        free(image);
        return shim_host_call_self();
    }
    if (DkVirtualMemoryWrite(t->pal, at, image, size) < 0) {
        ret = shim_host_call_self();
    } else {
        /* seccomp(2)'s and prctl(PR_SET_SECCOMP)'s third argument */
        memcpy(args, t->args, sizeof(args));
        args[2] = at;
        ret = shim_host_call(t->sysno, args[0], args[1], args[2], args[3], args[4], args[5]);
        /* rewritten meanwhile: which copy the kernel read is unknown */
        *exact = DkVirtualMemoryRead(t->pal, at, seen, size) == (long)size &&
                 memcmp(seen, image, size) == 0;
    }
    if (!DkThreadGone(t->pal) && DkVirtualMemoryWrite(t->pal, at, saved, size) < 0)
        log_debug("thread %d: the memory below its stack could not be restored", t->tid);
    free(image);
    return ret;
}

static struct shim_seccomp_filter* filter_get(struct shim_seccomp_filter* f) {
    if (f)
        f->refs++;
    return f;
}

static void filter_put(struct shim_seccomp_filter* f) {
    while (f && --f->refs == 0) {
        struct shim_seccomp_filter* prev = f->prev;

        free(f);
        f = prev;
    }
}

long shim_seccomp_install(unsigned int op, unsigned int flags, uptr uargs) {
    struct shim_thread* t = shim_cur_thread();
    struct shim_seccomp_filter* f = NULL;
    bool installed, exact = false;
    long ret;

    if (op != SECCOMP_SET_MODE_STRICT && op != SECCOMP_SET_MODE_FILTER)
        return shim_host_call_self();
    /* the host call below may give the program a filter of its own: the
     * PAL must stop its calls accordingly, from before it runs */
    DkThreadInstallsFilter(t->pal);
    if (op == SECCOMP_SET_MODE_STRICT) {
        ret = shim_host_call_self();
        if (ret == 0)
            t->seccomp_mode = SHIM_SECCOMP_STRICT;
        return ret;
    }
    /* under seccomp stops the kernel runs the filters itself, before the
     * stop: the shim needs no copy */
    if (!shim_seccomp_stops())
        f = copy_filter(t, uargs);
    ret = f ? install_copy(t, f, &exact) : shim_host_call_self();
    /* a listener's descriptor, else 0; with TSYNC a positive value is the
     * thread that could not be synchronized: nothing was installed */
    installed = (flags & SECCOMP_FILTER_FLAG_NEW_LISTENER) ? ret >= 0 : ret == 0;
    if (!installed) {
        free(f);
        return ret;
    }
    if (!exact) {
        /* installed, but the shim has no copy of it: the kernel decides */
        free(f);
        f = calloc(1, sizeof(*f));
        if (!f) {
            log_error("thread %d: out of memory for its seccomp filter, which the shim "
                      "will not apply",
                      t->tid);
            return ret;
        }
        f->refs = 1;
        f->opaque = true;
    }
    f->prev = t->seccomp;
    t->seccomp = f;
    t->seccomp_mode = SHIM_SECCOMP_FILTER;
    if (flags & SECCOMP_FILTER_FLAG_TSYNC) {
        struct shim_thread* s;

        /* every thread of the process now has the caller's filters */
        LIST_FOREACH(s, &t->proc->threads, siblings) {
            if (s == t)
                continue;
            filter_put(s->seccomp);
            s->seccomp = filter_get(t->seccomp);
            s->seccomp_mode = SHIM_SECCOMP_FILTER;
        }
    }
    return ret;
}

void shim_seccomp_clone(struct shim_thread* child, const struct shim_thread* creator) {
    child->seccomp_mode = creator->seccomp_mode;
    child->seccomp = filter_get(creator->seccomp);
}

void shim_seccomp_free(struct shim_thread* t) {
    filter_put(t->seccomp);
    t->seccomp = NULL;
    t->seccomp_mode = SHIM_SECCOMP_NONE;
}

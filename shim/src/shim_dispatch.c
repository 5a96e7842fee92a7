/*
 * shim_dispatch.c: the system call upcall, from a stop to the call's end.
 *
 * The PAL runs it on the stopped thread's own context.  The entry of the
 * call's number (shim_table, generated from syscalls.tbl; the entries are
 * the lines of shim_syscalls.c) says who answers it: shim_do_<name> in
 * the tracer (which may check the call and leave it to the host:
 * shim_pass_to_host), the host, or ENOSYS.  A call through the 32-bit
 * gate is refused with ENOSYS and a message rather than decoded with the
 * wrong table; a number the table lacks (a call newer than it) goes to
 * the host.  The dispatcher alone completes the call, whatever answered
 * it; the ptshim program sees entry and end through its hooks.
 */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "pal_log.h"
#include "shim.h"
#include "shim_handle.h"
#include "shim_identity.h"
#include "shim_internal.h"
#include "shim_sched.h"
#include "shim_seccomp.h"
#include "shim_thread.h"
#include "shim_view_call.h"

static struct shim_options g_opts;
static struct shim_hooks g_hooks;
/* --strict: the calls already reported, one bit per number */
static uint64_t g_strict_reported[(PTSHIM_NSYSCALLS + 63) / 64];

bool shim_is_tracer(pid_t pid) {
    /* a caller in another PID namespace has other names for processes */
    return g_opts.tracer > 0 && pid == g_opts.tracer &&
           !shim_thread_ns_foreign(shim_cur_thread(), PAL_NS_PID);
}

bool shim_syscall_passes_through(PAL_NUM sysno, const struct shim_options* opts) {
    const struct shim_syscall* e = sysno < PTSHIM_NSYSCALLS ? shim_table[sysno] : NULL;

    if (opts->view && shim_view_kind(sysno) != SHIM_VIEW_UNTOUCHED)
        return false;
    /* a call a rule of -e inject= names must stop, to be tampered with */
    return e && e->kind == SHIM_PASSTHROUGH && !opts->strict &&
           !(opts->inject && shim_inject_has(opts->inject, sysno));
}

static void strict_report(PAL_NUM sysno, const char* name) {
    uint64_t bit = 1ULL << (sysno % 64);

    if (sysno < PTSHIM_NSYSCALLS) {
        if (g_strict_reported[sysno / 64] & bit)
            return;
        g_strict_reported[sysno / 64] |= bit;
    }
    DkLog(PAL_LOG_ERROR, __FILE__, __LINE__, __func__,
          "strict: %s (%lu) is not implemented by the shim; returned ENOSYS", name,
          (unsigned long)sysno);
}

/* Who answers a call, and with what: RESULT, or (TO_HOST) the host's run
 * of the program's call as it made it. */
struct answer {
    enum shim_layer layer;
    bool to_host;
    long result;
};

static struct answer answered(enum shim_layer layer, long result) {
    return (struct answer){.layer = layer, .result = result};
}

static struct answer to_host(enum shim_layer layer) {
    return (struct answer){.layer = layer, .to_host = true};
}

/* Decide the call of EV, made by SELF (NULL: a thread the shim has no
 * record of), and answer it if the shim can. */
static struct answer decide(struct shim_thread* self, const struct pal_event* ev) {
    const struct shim_syscall* e = ev->sysno < PTSHIM_NSYSCALLS ? shim_table[ev->sysno] : NULL;
    long result;

    if (ev->compat) {
        /* the program's own filters may forbid it: theirs to say (but a
         * view's paths are not translated in that table: refused) */
        if (self && !g_shim_view && !shim_seccomp_stops() && !shim_seccomp_allows(self, ev))
            return to_host(SHIM_LAYER_HOST);
        log_error("thread %d: 32-bit system call %lu (int 0x80) refused with ENOSYS: "
                  "ptshim handles x86-64 system calls only",
                  ev->tid, (unsigned long)ev->sysno);
        return answered(SHIM_LAYER_ENOSYS, -ENOSYS);
    }
    if (!self) {
        /* a thread the shim could not record (out of memory): the host
         * answers for it, as without a library OS, but for a path in a
         * view, which the shim cannot translate without its record */
        if (g_shim_view && shim_view_kind(ev->sysno) != SHIM_VIEW_UNTOUCHED)
            return answered(SHIM_LAYER_ENOSYS, -ENOSYS);
        return to_host(SHIM_LAYER_HOST);
    }
    /* the call in progress: the program's own call, and what the events
     * it causes need (a clone's flags, once the shim checked them) */
    self->sysno = ev->sysno;
    self->args = ev->args;
    self->sp = ev->sp;
    self->clone_flags = SHIM_CLONE_UNKNOWN;
    self->host_calls = 0;
    self->no_access = false;
    self->to_host = false;
    self->ran_as_made = false;
    self->view_changed = false;
    self->view_filtered = false;
    if (shim_seccomp_stops()) {
        /* the kernel ran the program's filters before this stop; strict
         * mode, which it refuses over ptshim's filter, is the shim's, and
         * a filter that asks for a tracer gets the answer of none */
        if (ev->foreign_trace)
            return answered(SHIM_LAYER_HOST, -ENOSYS);
        if (shim_seccomp_denies(self, ev->sysno))
            return answered(SHIM_LAYER_SHIM, shim_seccomp_kill());
    } else if (!shim_seccomp_allows(self, ev)) {
        /* A call the program's seccomp filters do not simply allow: the
         * kernel carries out their verdict when the call runs on the host
         * (at a SYSEMU stop, it has not run them); under a view, on its
         * translated paths. */
        if (!g_shim_view)
            return to_host(SHIM_LAYER_HOST);
        self->view_filtered = true;
    }
    if (g_shim_view) {
        /* the view first: whoever answers gets the host paths */
        switch (shim_view_call(self, &result)) {
        case SHIM_VIEW_GO_ON:
            break;
        case SHIM_VIEW_ANSWERED:
            return answered(SHIM_LAYER_SHIM, result);
        case SHIM_VIEW_FAILED_CLOSED:
            return answered(SHIM_LAYER_ENOSYS, result);
        }
        if (self->view_filtered)
            return to_host(SHIM_LAYER_HOST);
    }
    if (!e) {
        if (g_opts.strict) {
            strict_report(ev->sysno, "unknown system call");
            return answered(SHIM_LAYER_ENOSYS, -ENOSYS);
        }
        return to_host(SHIM_LAYER_HOST);
    }
    switch (e->kind) {
    case SHIM_IMPLEMENTED:
        log_trace("thread %d: system call %lu answered by the shim", ev->tid,
                  (unsigned long)ev->sysno);
        result = e->call(self->args);
        if (self->to_host)
            return to_host(SHIM_LAYER_CHECKED);
        /* The host refused ptshim the program's memory: the host answers
         * the call itself, as long as the shim made no host call yet (its
         * copies of the program's arguments come first). */
        if (self->no_access && self->host_calls == 0 && !DkThreadGone(ev->thread)) {
            log_trace("thread %d: system call %lu run on the host: its memory is not "
                      "ptshim's to read",
                      ev->tid, (unsigned long)ev->sysno);
            return to_host(SHIM_LAYER_HOST);
        }
        /* the host's answer to the program's call, or the shim's own */
        return answered(self->ran_as_made ? SHIM_LAYER_CHECKED : SHIM_LAYER_SHIM, result);
    case SHIM_PASSTHROUGH:
        if (g_opts.strict) {
            strict_report(ev->sysno, e->name);
            break;
        }
        return to_host(SHIM_LAYER_HOST);
    case SHIM_ENOSYS:
        break;
    }
    return answered(SHIM_LAYER_ENOSYS, -ENOSYS);
}

/* A call that a rule R of -e inject= makes fail or return a value: it
 * does not run (strace sets its number to -1), or a side-effect free call
 * runs in its place (syscall=), whose result R's replaces. */
static struct answer injected(struct shim_thread* self, const struct pal_event* ev,
                              const struct shim_inject_rule* r) {
    /* its result is R's, whatever the pure call said; a signal that
     * abandons it abandons the program's call, as DkHostCall says */
    if ((r->flags & SHIM_INJECT_SYSCALL) && DkHostCall(ev->thread, r->sysno, ev->args) < 0)
        log_trace("thread %d: the call injected in place of %lu failed", ev->tid,
                  (unsigned long)ev->sysno);
    self->tampered |= SHIM_TAMPERED_RETVAL;
    if (r->flags & SHIM_INJECT_RETVAL)
        self->tampered |= SHIM_TAMPERED_SUCCESS;
    return answered(SHIM_LAYER_SHIM, r->flags & SHIM_INJECT_ERROR ? -r->rval : r->rval);
}

/* The rule that picks this call of SELF, if any, with the bytes of its
 * entry written where the arguments point, before the trace reads them
 * (as strace tampers before it decodes). */
static const struct shim_inject_rule* inject_enter(struct shim_thread* self,
                                                   const struct pal_event* ev) {
    const struct shim_inject_rule* r = shim_inject_pick(g_opts.inject, self, ev->sysno);

    self->tampered = 0;
    if (r && (r->flags & SHIM_INJECT_POKE_ENTER))
        shim_inject_poke(self, ev, r, false);
    return r;
}

unsigned shim_syscall_tampered(const struct pal_event* ev) {
    const struct shim_thread* self;

    if (!g_opts.inject || ev->compat || !shim_inject_has(g_opts.inject, ev->sysno))
        return 0;
    self = shim_thread_of(ev->thread);
    return self ? self->tampered : 0;
}

/*
 * The system call upcall (the PAL's, on THREAD's own context): the hooks
 * see the entry, the shim decides and answers, runs the program's call on
 * the host when that is the answer, and completes the call, which ends in
 * one of four ways: a result returned to the program, the call handed to
 * the host unseen (the thread runs on), the thread gone meanwhile, or the
 * call abandoned for a signal (the program makes it again).  The hooks see
 * that end before the thread goes on.
 */
static int emulate_syscall(PAL_HANDLE thread, const struct pal_event* ev) {
    struct shim_thread* self = shim_thread_of(thread);
    const struct shim_inject_rule* inj = NULL;
    bool want_result;
    enum shim_end end = SHIM_END_RESULT;
    struct answer a;
    int ret;

    /* -e inject=: a call whose number no rule names costs this test */
    if (g_opts.inject && shim_inject_has(g_opts.inject, ev->sysno) && !ev->compat && self)
        inj = inject_enter(self, ev);
    want_result = g_hooks.syscall_entry && g_hooks.syscall_entry(ev);

    if (inj && (inj->flags & SHIM_INJECT_DELAY_ENTER))
        shim_inject_delay(self, ev, inj->delay_enter_ns);
    if (inj && (inj->flags & SHIM_INJECT_SIGNAL) && inj->signo == SIGKILL) {
        /* A SIGKILL given at a call's entry stop is pending when the
         * kernel would run the call: it runs nothing, and the thread dies
         * without an exit stop, its call unfinished. */
        if (g_hooks.syscall_exit)
            g_hooks.syscall_exit(ev, SHIM_END_GONE, 0, SHIM_LAYER_SHIM);
        DkSyscallRaise(thread, SIGKILL);
        return DkSyscallReturn(thread, -ENOSYS);
    }
    /* strace gives it at the entry: pending while the call runs */
    if (inj && (inj->flags & SHIM_INJECT_SIGNAL))
        DkSyscallRaise(thread, inj->signo);
    /* what comes at the call's end needs the thread stopped there */
    if (inj && (inj->flags & (SHIM_INJECT_POKE_EXIT | SHIM_INJECT_DELAY_EXIT | SHIM_INJECT_SIGNAL)))
        want_result = true;
    if (self)
        self->result_wanted = want_result;
    if (inj && (inj->flags & (SHIM_INJECT_ERROR | SHIM_INJECT_RETVAL)))
        a = injected(self, ev, inj);
    else
        a = decide(self, ev);

    if (a.to_host) {
        log_trace("thread %d: system call %lu run on the host", ev->tid,
                  (unsigned long)ev->sysno);
        if (self && self->view_changed) {
            /* its paths translated: the host runs the call on them */
            a.result = DkHostCall(thread, ev->sysno, self->view_args);
        } else if (want_result) {
            a.result = DkHostCall(thread, ev->sysno, ev->args);
        } else {
            ret = DkSyscallRunOnHost(thread);
            if (ret < 0)
                return ret;
            end = SHIM_END_UNSEEN;
        }
    }
    if (end == SHIM_END_RESULT && DkSyscallAbandoned(thread))
        end = SHIM_END_ABANDONED; /* made again after the signal */
    else if (end == SHIM_END_RESULT && DkThreadGone(thread))
        end = SHIM_END_GONE;
    if (inj && end == SHIM_END_RESULT) {
        if (inj->flags & SHIM_INJECT_POKE_EXIT)
            shim_inject_poke(self, ev, inj, true);
        if (inj->flags & SHIM_INJECT_DELAY_EXIT)
            shim_inject_delay(self, ev, inj->delay_exit_ns);
    }
    if (g_hooks.syscall_exit)
        g_hooks.syscall_exit(ev, end, a.result, a.layer);
    if (end == SHIM_END_UNSEEN || end == SHIM_END_GONE)
        return 0;
    return DkSyscallReturn(thread, a.result);
}

int shim_init(const struct shim_options* opts, const struct shim_hooks* hooks, PAL_HANDLE pal,
              pid_t pid, pid_t ppid) {
    struct shim_thread* t;

    g_opts = *opts;
    if (hooks)
        g_hooks = *hooks;
    DkSetSyscallUpcall(emulate_syscall);
    t = shim_thread_new(pal, pid, NULL, NULL);
    if (!t)
        return -ENOMEM;
    t->proc->first = true;
    t->proc->ppid = ppid;
    t->files = shim_fd_table_new();
    if (!t->files)
        return -ENOMEM;
    return shim_sched_init(t, opts->cpus, opts->ncpu_words);
}

long shim_pass_to_host(void) {
    shim_cur_thread()->to_host = true;
    return 0;
}

long shim_host_call(PAL_NUM sysno, PAL_NUM a0, PAL_NUM a1, PAL_NUM a2, PAL_NUM a3, PAL_NUM a4,
                    PAL_NUM a5) {
    struct shim_thread* self = shim_cur_thread();
    const PAL_NUM args[6] = {a0, a1, a2, a3, a4, a5};

    /* the program's call is the host's already */
    assert(!self->to_host);
    self->host_calls++;
    return DkHostCall(self->pal, sysno, args);
}

long shim_host_call_self(void) {
    struct shim_thread* self = shim_cur_thread();

    assert(!self->to_host);
    self->host_calls++;
    self->ran_as_made = true;
    return DkHostCall(self->pal, self->sysno, self->args);
}

bool shim_host_result_free(void) {
    /* under SYSEMU stops the host's run of the call stops at its exit
     * anyway; under seccomp stops it need not, unless a trace waits */
    return shim_cur_thread()->result_wanted || DkSyscallStops() == PAL_STOPS_SYSEMU;
}

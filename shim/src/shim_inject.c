/*
 * shim_inject.c: strace's tampering (shim_inject.h), done by the
 * dispatcher to the calls it completes: which call a rule picks, and the
 * bytes and waits it adds.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pal_log.h"
#include "shim_inject.h"
#include "shim_internal.h"
#include "shim_thread.h"

/*
 * Whether this call of SELF is one that its number's rule picks, counted
 * as strace counts: per thread (each new thread or process counts from the
 * start) and per number, every call of a number that has a rule.  Each
 * number's pair is strace's: the calls to go before the next pick, and
 * before the last (SHIM_INJECT_LAST_INF: none).
 */
const struct shim_inject_rule* shim_inject_pick(const struct shim_inject* inj,
                                                struct shim_thread* self, PAL_NUM sysno) {
    const struct shim_inject_rule* r = inj->rule[sysno];
    uint16_t* when;

    if (!self->inject_when) {
        /* once per thread, at its first call that a rule names */
        self->inject_when = calloc(PTSHIM_NSYSCALLS, sizeof(*self->inject_when));
        if (!self->inject_when) {
            log_error("thread %d: out of memory: no injection in it", self->tid);
            return NULL;
        }
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++) {
            if (inj->rule[i]) {
                self->inject_when[i][0] = inj->rule[i]->first;
                self->inject_when[i][1] = inj->rule[i]->last;
            }
        }
    }
    when = self->inject_when[sysno];
    if (when[0] == 0 || when[1] == 0)
        return NULL;
    if (when[1] != SHIM_INJECT_LAST_INF)
        when[1]--;
    if (--when[0] != 0)
        return NULL;
    /* a step of 0 (when=N alone) picks no other call */
    when[0] = r->step;
    return r;
}

/* Write R's bytes for the call's entry or exit (AT_EXIT) where the
 * arguments point; SHIM_TAMPERED_ARGS if any went in. */
void shim_inject_poke(struct shim_thread* self, const struct pal_event* ev,
                      const struct shim_inject_rule* r, bool at_exit) {
    const struct shim_syscall* e = shim_table[ev->sysno];
    int nargs = e ? e->nargs : 0;

    for (unsigned i = 0; i < r->npokes; i++) {
        const struct shim_inject_poke* p = &r->pokes[i];

        if (p->at_exit != at_exit)
            continue;
        if (p->arg > nargs) {
            log_error("poke_tcb: Failed to tamper with process %d: requested to tamper with argument "
                      "#%u, but system call '%s' has only %d arguments",
                      ev->tid, p->arg, e ? e->name : "?", nargs);
            continue;
        }
        /* as strace, where the program could not write itself, and a
         * part written counts */
        if (DkVirtualMemoryPoke(ev->thread, ev->args[p->arg - 1], p->data, p->len) <= 0) {
            log_error("poke_tcb: Failed to tamper with process %d: couldn't poke", ev->tid);
            continue;
        }
        self->tampered |= SHIM_TAMPERED_ARGS;
    }
}

/* The thread waits NS before or after its call. */
void shim_inject_delay(struct shim_thread* self, const struct pal_event* ev, PAL_NUM ns) {
    int ret = DkThreadDelay(ev->thread, ns);

    if (ret < 0)
        log_error("thread %d: cannot delay its call: %s", ev->tid, strerror(-ret));
    self->tampered |= SHIM_TAMPERED_DELAYED;
}

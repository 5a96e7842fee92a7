/*
 * inject.c: strace's -e inject=SPEC and -e fault=SPEC, compiled into the
 * shim's rules (shim_inject.h), with strace 6.1's grammar and messages:
 *
 *   SET[:error=ERRNO|:retval=N][:signal=SIG][:syscall=NAME]
 *      [:delay_enter=T][:delay_exit=T][:poke_enter=@argN=HEX,...]
 *      [:poke_exit=@argN=HEX,...][:when=FIRST[..LAST][+[STEP]]]
 *
 * fault= takes error=, syscall= and when= only, and fails with ENOSYS
 * when it has no error=.  A later rule replaces an earlier one for the
 * calls both name.  As strace, a rule applies only to the calls the trace
 * follows (-e trace=).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "die.h"
#include "inject.h"
#include "options.h"

#define MAX_ERRNO 4095

/* The rules, by number, as the command line left them. */
static struct shim_inject g_inject;
static bool g_any_rule;

/* strace says what is wrong and exits; ptshim with its own status, the
 * command line being wrong (125). */
static void __attribute__((noreturn, format(printf, 1, 2))) inject_die(const char* fmt, ...) {
    va_list ap;

    fputs("ptshim: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(EXIT_PTSHIM_FAILURE);
}

static void* xcalloc(size_t n, size_t size) {
    void* p = calloc(n, size);

    if (!p)
        die("out of memory");
    return p;
}

/* strace's string_to_uint_ex: a decimal number up to MAX, followed by
 * nothing or by one of ENDINGS; -1 if not. */
static long long to_uint(const char* s, char** end, unsigned long long max, const char* endings) {
    char* e;
    long long v;

    if (!*s)
        return -1;
    errno = 0;
    v = strtoll(s, &e, 10);
    if (e == s || v < 0 || (unsigned long long)v > max || (v == LLONG_MAX && errno == ERANGE))
        return -1;
    if (*e && (!endings || !strchr(endings, *e)))
        return -1;
    if (end)
        *end = e;
    return v;
}

/* when=F, F+, F+S, F..L, F..L+, F..L+S */
static bool parse_when(const char* val, struct shim_inject_rule* r) {
    char* end;
    long long v = to_uint(val, &end, 0xffff, "+.");

    if (v < 1)
        return false;
    r->first = (uint16_t)v;
    if (end[0] == '.') {
        if (end[1] != '.')
            return false;
        v = to_uint(end + 2, &end, 0xffff, "+");
        if (v < r->first || v == SHIM_INJECT_LAST_INF)
            return false;
        r->last = (uint16_t)v;
    } else {
        r->last = SHIM_INJECT_LAST_INF;
    }
    if (end[0] != '\0') {
        if (end[1] != '\0') {
            v = to_uint(end + 1, NULL, 0xffff, NULL);
            if (v < 1)
                return false;
            r->step = (uint16_t)v;
        } else {
            r->step = 1;
        }
    } else {
        r->step = r->last == SHIM_INJECT_LAST_INF ? 0 : 1;
    }
    return true;
}

static int errno_by_name(const char* name) {
    for (size_t i = 0; i < xlat_errno.n; i++)
        if (!strcasecmp(name, xlat_errno.e[i].name))
            return (int)xlat_errno.e[i].val;
    return -1;
}

/* strace's signal names: a number, or a name with or without SIG */
static int signal_by_name(const char* s) {
    if (*s >= '0' && *s <= '9')
        return (int)to_uint(s, NULL, 255, NULL);
    if (!strncasecmp(s, "SIG", 3))
        s += 3;
    for (size_t i = 0; i < xlat_signals.n; i++)
        if (!strcasecmp(xlat_signals.e[i].name + 3, s))
            return (int)xlat_signals.e[i].val;
    return -1;
}

/* T: a number, decimal or floating, of s, ms, us (the default) or ns */
static bool parse_delay(const char* s, PAL_NUM* ns) {
    size_t float_len = strspn(s, "eE.-+0123456789"), int_len = strspn(s, "+0123456789");
    static const struct {
        const char* sfx;
        PAL_NUM scale;
    } units[] = {{"", 1000}, {"s", 1000000000}, {"ms", 1000000}, {"us", 1000}, {"ns", 1}};
    char* end;
    double f = 0;
    long long n = 0;

    if (float_len > int_len) {
        errno = 0;
        f = strtod(s, &end);
        if (end == s || errno || f < 0)
            return false;
    } else {
        n = to_uint(s, &end, LLONG_MAX, "smun");
        if (n < 0)
            return false;
    }
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcmp(end, units[i].sfx))
            continue;
        if (float_len <= int_len)
            *ns = (PAL_NUM)n * units[i].scale;
        else if (f * (double)units[i].scale < 1.8e19)
            *ns = (PAL_NUM)(f * (double)units[i].scale);
        else
            *ns = UINT64_MAX; /* for ever, as far as anyone waits */
        return true;
    }
    return false;
}

/* poke_enter=@argN=HEX,@argM=HEX... */
static bool parse_poke(const char* val, struct shim_inject_rule* r, bool at_exit) {
    unsigned flag = at_exit ? SHIM_INJECT_POKE_EXIT : SHIM_INJECT_POKE_ENTER;
    struct shim_inject_poke* pokes = r->pokes;
    const char* p = val;

    if ((r->flags & flag) || !*val)
        return false;
    while (*p) {
        size_t len = strcspn(p, ","), hex;
        struct shim_inject_poke* k;
        uint8_t* data;

        if (len == 0) { /* strtok's empty token */
            p++;
            continue;
        }
        if (strncmp(p, "@arg", 4) || len < 6 || p[4] < '1' || p[4] > '7' || p[5] != '=')
            return false;
        hex = len - 6;
        if (hex == 0 || hex % 2 || hex > 2048)
            return false;
        /* one poke per argument at each end */
        for (unsigned i = 0; i < r->npokes; i++)
            if (r->pokes[i].at_exit == at_exit && r->pokes[i].arg == p[4] - '0')
                return false;
        data = xcalloc(hex / 2, 1);
        for (size_t i = 0; i < hex / 2; i++) {
            char byte[3] = {p[6 + 2 * i], p[7 + 2 * i], '\0'};

            if (!isxdigit((unsigned char)byte[0]) || !isxdigit((unsigned char)byte[1])) {
                free(data);
                return false;
            }
            data[i] = (uint8_t)strtoul(byte, NULL, 16);
        }
        pokes = reallocarray(pokes, r->npokes + 1, sizeof(*pokes));
        if (!pokes)
            die("out of memory");
        k = &pokes[r->npokes++];
        k->arg = (uint8_t)(p[4] - '0');
        k->at_exit = at_exit;
        k->len = (uint16_t)(hex / 2);
        k->data = data;
        r->pokes = pokes;
        p += len;
    }
    r->flags |= flag;
    return true;
}

/* strace: an injected value in the errno range reads as an error */
static void check_retval(unsigned long long v) {
    if ((long)v < 0 && (long)v >= -MAX_ERRNO)
        fprintf(stderr, "ptshim: Inadvertent injection of error %ld is possible for retval=%llu\n",
                -(long)v, v);
}

static bool parse_token(const char* tok, struct shim_inject_rule* r, bool fault) {
    const char* val;

    if (!strncmp(tok, "when=", 5))
        return parse_when(tok + 5, r);
    if (!strncmp(tok, "syscall=", 8)) {
        val = tok + 8;
        if (r->flags & SHIM_INJECT_SYSCALL)
            return false;
        /* only a call without side effects may run in another's place */
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++) {
            if (ptshim_sysent[i].name && !strcmp(ptshim_sysent[i].name, val)) {
                if (!(ptshim_sysent[i].classes & SD_CLASS_PURE))
                    return false;
                r->sysno = i;
                r->flags |= SHIM_INJECT_SYSCALL;
                return true;
            }
        }
        return false;
    }
    if (!strncmp(tok, "error=", 6)) {
        long long v;

        val = tok + 6;
        if (r->flags & (SHIM_INJECT_ERROR | SHIM_INJECT_RETVAL))
            return false;
        v = to_uint(val, NULL, MAX_ERRNO, NULL);
        if (v < 0)
            v = errno_by_name(val);
        if (v < 1)
            return false;
        r->rval = (long)v;
        r->flags |= SHIM_INJECT_ERROR;
        return true;
    }
    if (fault)
        return false;
    if (!strncmp(tok, "retval=", 7)) {
        unsigned long long v;
        char* end;

        val = tok + 7;
        if (r->flags & (SHIM_INJECT_ERROR | SHIM_INJECT_RETVAL))
            return false;
        errno = 0;
        v = strtoull(val, &end, 0);
        if (end == val || *end || ((v == 0 || v == ULLONG_MAX) && errno))
            return false;
        check_retval(v);
        r->rval = (long)v;
        r->flags |= SHIM_INJECT_RETVAL;
        return true;
    }
    if (!strncmp(tok, "signal=", 7)) {
        int sig;

        if (r->flags & SHIM_INJECT_SIGNAL)
            return false;
        sig = signal_by_name(tok + 7);
        if (sig < 1 || sig > 64)
            return false;
        r->signo = sig;
        r->flags |= SHIM_INJECT_SIGNAL;
        return true;
    }
    if (!strncmp(tok, "poke_enter=", 11))
        return parse_poke(tok + 11, r, false);
    if (!strncmp(tok, "poke_exit=", 10))
        return parse_poke(tok + 10, r, true);
    if (!strncmp(tok, "delay_enter=", 12) || !strncmp(tok, "delay_exit=", 11)) {
        bool enter = tok[6] == 'e';
        unsigned flag = enter ? SHIM_INJECT_DELAY_ENTER : SHIM_INJECT_DELAY_EXIT;

        if (r->flags & flag)
            return false;
        if (!parse_delay(strchr(tok, '=') + 1, enter ? &r->delay_enter_ns : &r->delay_exit_ns))
            return false;
        r->flags |= flag;
        return true;
    }
    return false;
}

/* strace's qualify_syscall_tokens: the calls SET names, into SEL */
static void select_set(const char* set, bool* sel) {
    const char* s = set;
    bool invert = false;
    char* copy;
    char* save = NULL;
    bool done = false;

    for (; *s == '!'; s++)
        invert = !invert;
    if (!strcmp(s, "none") || !strcmp(s, "all")) {
        bool all = !strcmp(s, "all") != invert;

        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
            sel[i] = all;
        return;
    }
    copy = strdup(s);
    if (!copy)
        die("out of memory");
    for (char* tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        bool one[PTSHIM_NSYSCALLS] = {false};
        bool found = false;

        done = trace_filter_select(one, tok) == 0;
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
            found |= one[i];
        /* a '?' name is no error, but names nothing */
        if (!done || (!found && tok[0] != '?' && tok[0] != '%'))
            inject_die("invalid system call '%s'", tok);
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
            sel[i] |= one[i];
    }
    free(copy);
    if (!done)
        inject_die("invalid system call '%s'", s);
    if (invert)
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
            sel[i] = !sel[i];
}

void inject_qualify(const char* spec, bool fault) {
    const char* what = fault ? "fault argument" : "inject argument";
    struct shim_inject_rule* r = xcalloc(1, sizeof(*r));
    bool sel[PTSHIM_NSYSCALLS] = {false};
    char* copy = strdup(spec);
    char* save = NULL;
    const char* name;

    if (!copy)
        die("out of memory");
    r->first = 1;
    r->last = SHIM_INJECT_LAST_INF;
    r->step = 1;
    if (copy[0] == '\0' || copy[0] == ':') {
        name = "";
    } else {
        name = strtok_r(copy, ":", &save);
        for (char* tok; (tok = strtok_r(NULL, ":", &save));)
            if (!parse_token(tok, r, fault))
                inject_die("invalid %s '%s'", what, spec);
    }
    select_set(name, sel);
    if (!(r->flags & ~SHIM_INJECT_SYSCALL)) {
        /* no action: fault= fails the call with ENOSYS */
        if (!fault)
            inject_die("invalid %s '%s'", what, spec);
        r->rval = ENOSYS;
        r->flags |= SHIM_INJECT_ERROR;
    }
    free(copy);
    for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++) {
        if (sel[i]) {
            g_inject.rule[i] = r;
            g_any_rule = true;
        }
    }
}

const struct shim_inject* inject_compile(const bool* traced) {
    bool any = false;

    if (!g_any_rule)
        return NULL;
    for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++) {
        /* as strace, only the calls the trace follows */
        if (g_inject.rule[i] && !traced[i])
            g_inject.rule[i] = NULL;
        if (g_inject.rule[i]) {
            g_inject.any[i / 64] |= 1ULL << (i % 64);
            any = true;
        }
    }
    return any ? &g_inject : NULL;
}

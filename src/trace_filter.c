/*
 * trace_filter.c: strace's -e expressions.
 *
 *   -e trace=SET    SET: names, %class, /regex, all, none; ! negates; a
 *                   leading ? makes an unknown name no error
 *   -e signal=SET   signal names (with or without SIG) or numbers
 *   -e status=SET   successful, failed, unfinished
 *   -e SET          the same as trace=SET
 */
#include "config.h"

#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode.h"
#include "trace.h"

static const struct {
    const char* name;
    uint32_t bit;
} g_classes[] = {
    {"%file", SD_CLASS_FILE},         {"%desc", SD_CLASS_DESC},
    {"%process", SD_CLASS_PROCESS},   {"%network", SD_CLASS_NETWORK},
    {"%net", SD_CLASS_NETWORK},       {"%signal", SD_CLASS_SIGNAL},
    {"%ipc", SD_CLASS_IPC},           {"%memory", SD_CLASS_MEMORY},
    {"%clock", SD_CLASS_CLOCK},       {"%creds", SD_CLASS_CREDS},
    {"%stat", SD_CLASS_STAT},         {"%lstat", SD_CLASS_LSTAT},
    {"%fstat", SD_CLASS_FSTAT},       {"%%stat", SD_CLASS_STAT_LIKE},
    {"%statfs", SD_CLASS_STATFS},     {"%fstatfs", SD_CLASS_FSTATFS},
    {"%%statfs", SD_CLASS_STATFS_LIKE}, {"%pure", SD_CLASS_PURE},
};

void trace_filter_defaults(struct trace_options* o) {
    for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
        o->syscalls[i] = true;
    o->unknown_syscalls = true;
    o->signals = ~0ULL;
    o->status = TRACE_STATUS_ALL;
}

/* Why an expression is refused, for the command line's message. */
static int refuse(char* why, size_t size, const char* what, const char* el) {
    if (why)
        snprintf(why, size, "%s '%s'", what, el);
    return -EINVAL;
}

/* Mark in SEL the calls one element names; 0 or -EINVAL. */
static int select_calls(bool* sel, bool* unknown, const char* el, char* why, size_t size) {
    bool optional = false;
    int found = 0;

    if (*el == '?') {
        optional = true;
        el++;
    }
    if (!strcmp(el, "all")) {
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
            sel[i] = true;
        *unknown = true;
        return 0;
    }
    if (!strcmp(el, "none"))
        return 0;
    if (*el == '/') {
        regex_t re;

        if (regcomp(&re, el + 1, REG_EXTENDED | REG_NOSUB) != 0)
            return refuse(why, size, "invalid regular expression", el + 1);
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
            if (ptshim_sysent[i].name && regexec(&re, ptshim_sysent[i].name, 0, NULL, 0) == 0)
                sel[i] = true, found++;
        regfree(&re);
    } else if (*el == '%') {
        for (size_t c = 0; c < sizeof(g_classes) / sizeof(g_classes[0]); c++) {
            if (strcmp(el, g_classes[c].name))
                continue;
            for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
                if (ptshim_sysent[i].classes & g_classes[c].bit)
                    sel[i] = true, found++;
            if (!found)
                return 0; /* a known class without members */
        }
    } else {
        for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
            if (ptshim_sysent[i].name && !strcmp(ptshim_sysent[i].name, el))
                sel[i] = true, found++;
    }
    if (!found && !optional && *el != '/')
        return refuse(why, size, "unknown system call", el);
    return 0;
}

int trace_filter_select(bool* sel, const char* el) {
    bool unknown = false;

    return select_calls(sel, &unknown, el, NULL, 0);
}

static int parse_trace(struct trace_options* o, char* set, char* why, size_t size) {
    bool sel[PTSHIM_NSYSCALLS] = {false};
    bool unknown = false, negate = false;
    char* save = NULL;

    if (*set == '!') {
        negate = true;
        set++;
    }
    for (char* el = strtok_r(set, ",", &save); el; el = strtok_r(NULL, ",", &save))
        if (select_calls(sel, &unknown, el, why, size) < 0)
            return -EINVAL;
    for (size_t i = 0; i < PTSHIM_NSYSCALLS; i++)
        o->syscalls[i] = sel[i] != negate;
    o->unknown_syscalls = unknown != negate;
    return 0;
}

static int signal_number(const char* s) {
    char* end;
    long n = strtol(s, &end, 10);

    if (*s && !*end)
        return n >= 1 && n <= 64 ? (int)n : -1;
    if (!strncasecmp(s, "SIG", 3))
        s += 3;
    for (size_t i = 0; i < xlat_signals.n; i++)
        if (!strcasecmp(xlat_signals.e[i].name + 3, s))
            return (int)xlat_signals.e[i].val;
    return -1;
}

static int parse_signal(struct trace_options* o, char* set, char* why, size_t size) {
    uint64_t sel = 0;
    bool negate = false;
    char* save = NULL;

    if (*set == '!') {
        negate = true;
        set++;
    }
    for (char* el = strtok_r(set, ",", &save); el; el = strtok_r(NULL, ",", &save)) {
        int sig;

        if (!strcmp(el, "all")) {
            sel = ~0ULL;
            continue;
        }
        if (!strcmp(el, "none"))
            continue;
        sig = signal_number(el);
        if (sig < 1)
            return refuse(why, size, "unknown signal", el);
        sel |= 1ULL << (sig - 1);
    }
    o->signals = negate ? ~sel : sel;
    return 0;
}

static int parse_status(struct trace_options* o, char* set, char* why, size_t size) {
    static const struct {
        const char* name;
        unsigned bits;
    } names[] = {
        {"successful", TRACE_STATUS_SUCCESSFUL}, {"failed", TRACE_STATUS_FAILED},
        {"unfinished", TRACE_STATUS_UNFINISHED}, {"all", TRACE_STATUS_ALL},
        {"none", 0},
    };
    unsigned sel = 0;
    bool negate = false;
    char* save = NULL;

    if (*set == '!') {
        negate = true;
        set++;
    }
    for (char* el = strtok_r(set, ",", &save); el; el = strtok_r(NULL, ",", &save)) {
        size_t i;

        for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
            if (!strcmp(el, names[i].name))
                break;
        if (i == sizeof(names) / sizeof(names[0]))
            return refuse(why, size, "unknown status", el);
        sel |= names[i].bits;
    }
    o->status = negate ? ~sel & TRACE_STATUS_ALL : sel;
    return 0;
}

int trace_filter_parse(struct trace_options* o, const char* expr, char* why, size_t size) {
    char copy[4096];
    char* eq;

    if (strlen(expr) >= sizeof(copy)) {
        if (why)
            snprintf(why, size, "longer than %zu bytes", sizeof(copy) - 1);
        return -EINVAL;
    }
    strcpy(copy, expr);
    eq = strchr(copy, '=');
    if (!eq)
        return parse_trace(o, copy, why, size);
    *eq = '\0';
    if (!strcmp(copy, "trace") || !strcmp(copy, "t"))
        return parse_trace(o, eq + 1, why, size);
    if (!strcmp(copy, "signal") || !strcmp(copy, "signals") || !strcmp(copy, "s"))
        return parse_signal(o, eq + 1, why, size);
    if (!strcmp(copy, "status"))
        return parse_status(o, eq + 1, why, size);
    return refuse(why, size, "unknown qualifier", copy);
}

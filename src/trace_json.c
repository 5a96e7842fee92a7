/*
 * trace_json.c: --json.  Each line is one object:
 *
 *   {"type":"syscall","pid":P,"tid":T,"name":"openat","nr":257,
 *    "args":[{"name":"dfd","text":"AT_FDCWD","raw":-100,"value":-100},...],
 *    "ret":3,"errno":null,"text":"openat(AT_FDCWD, ...)",
 *    "start":1764054000.123456,"duration":0.000012}
 *   {"type":"signal","pid":P,"tid":T,"signal":"SIGCHLD","siginfo":"{si_signo=...}"}
 *   {"type":"exit","pid":P,"tid":T,"status":0}
 *   {"type":"killed","pid":P,"tid":T,"signal":"SIGKILL","core_dumped":false}
 *
 * "text" is what the strace-format trace prints (for the whole call,
 * without the result); "value" is the argument
 * as data: a number, a string for paths and strings (bytes outside ASCII
 * as \u00XX), a list of strings for argv and envp, for flags the list
 * of the parts the text joins with | (xlat_walk_flags: names, N<<SHIFT,
 * unknown bits in hex; empty for none), a name for enums, or null when
 * the tracee's memory could not be read.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "decode.h"
#include "trace_json.h"
#include "trace_output.h"

void trace_json_string(FILE* f, const char* s, size_t len) {
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_cstr(FILE* f, const char* s) {
    trace_json_string(f, s, strlen(s));
}

struct json_flags {
    FILE* f;
    bool any;
};

/* A part of a flag set as the text trace shows it, without the comment
 * on unknown bits: nothing set is no part at all, an empty list. */
static void json_flag_part(void* ctx, const struct flag_part* p, bool first) {
    struct json_flags* j = ctx;

    if (p->none)
        return;
    if (j->any)
        fputc(',', j->f);
    j->any = true;
    if (p->name)
        json_cstr(j->f, p->name);
    else if (p->shift_name)
        fprintf(j->f, "\"%llu<<%s\"", (unsigned long long)p->val, p->shift_name);
    else
        fprintf(j->f, "\"%#llx\"", (unsigned long long)p->val);
}

static void json_name_list(FILE* f, const struct xlat* x, uint64_t val) {
    struct json_flags j = {.f = f};

    fputc('[', f);
    xlat_walk_flags(x, val, json_flag_part, &j);
    fputc(']', f);
}

/* A string argument as data: its bytes, or null if unreadable. */
static void json_tracee_string(FILE* f, struct tcb* t, PAL_NUM addr, size_t limit) {
    char buf[PATH_MAX + 1];
    size_t got = 0;
    long n;

    if (!addr) {
        fputs("null", f);
        return;
    }
    if (limit > PATH_MAX)
        limit = PATH_MAX;
    n = DkVirtualMemoryReadString(t->thread, addr, buf, limit + 1, &got);
    if (n >= 0)
        trace_json_string(f, buf, (size_t)n);
    else if (n == -ENAMETOOLONG)
        trace_json_string(f, buf, limit);
    else
        fputs("null", f);
}

/* A string vector as data: a list of strings, null if unreadable. */
static void json_tracee_strv(FILE* f, struct tcb* t, PAL_NUM addr) {
    PAL_NUM p;

    if (!addr || tracee_read(t, addr, &p, sizeof(p)) < 0) {
        fputs("null", f);
        return;
    }
    fputc('[', f);
    /* as many as a kernel would take (MAX_ARG_STRINGS is far more, but
     * the line must stay bounded) */
    for (unsigned n = 0; n < 4096; n++) {
        if (tracee_read(t, addr + n * sizeof(p), &p, sizeof(p)) < 0 || !p)
            break;
        if (n)
            fputc(',', f);
        json_tracee_string(f, t, p, PATH_MAX);
    }
    fputc(']', f);
}

static void json_initial_argv(FILE* f, char* const argv[]) {
    fputc('[', f);
    for (unsigned n = 0; argv[n]; n++) {
        if (n)
            fputc(',', f);
        json_cstr(f, argv[n]);
    }
    fputc(']', f);
}

static void json_value(FILE* f, struct tcb* t, int i) {
    const struct sd_arg* a = &t->s->args[i];
    PAL_NUM v = t->args[i];

    if (t->initial_path) {
        /* the first execve: its arguments are the tracer's */
        if (i == 0)
            json_cstr(f, t->initial_path);
        else
            json_initial_argv(f, i == 1 ? t->initial_argv : t->initial_envp);
        return;
    }
    switch (a->type) {
    case SD_T_INT:
    case SD_T_PID:
    case SD_T_FD:
    case SD_T_DIRFD:
    case SD_T_SIGNO:
        fprintf(f, "%d", (int)v);
        break;
    case SD_T_UINT:
    case SD_T_MODE:
        fprintf(f, "%u", (unsigned)v);
        break;
    case SD_T_UID:
    case SD_T_GID:
        if ((unsigned)v == (unsigned)-1)
            fputs("-1", f);
        else
            fprintf(f, "%u", (unsigned)v);
        break;
    case SD_T_LONG:
    case SD_T_OFF:
        fprintf(f, "%lld", (long long)v);
        break;
    case SD_T_PATH:
        json_tracee_string(f, t, v, PATH_MAX);
        break;
    case SD_T_STR:
        json_tracee_string(f, t, v, g_max_strlen);
        break;
    case SD_T_STRV:
        json_tracee_strv(f, t, v);
        break;
    case SD_T_FLAGS:
        json_name_list(f, a->xlat, (uint32_t)v);
        break;
    case SD_T_ENUM: {
        const char* n = xlat_name(a->xlat, (uint32_t)v);

        if (n)
            json_cstr(f, n);
        else
            fprintf(f, "%u", (unsigned)v);
        break;
    }
    default:
        fprintf(f, "%llu", (unsigned long long)v);
        break;
    }
}

void trace_json_save_values(struct tcb* t) {
    FILE* f = t->entry_values;

    if (!f) {
        f = open_memstream(&t->entry_values_buf, &t->entry_values_size);
        if (!f)
            return; /* the values will be read at exit, or be null */
        t->entry_values = f;
    }
    rewind(f);
    for (int i = 0; i < t->s->nargs; i++) {
        t->value_start[i] = ftell(f);
        json_value(f, t, i);
        t->value_end[i] = ftell(f);
    }
    if (fflush(f) != 0)
        memset(t->value_end, 0, sizeof(t->value_end));
}

static void json_head(FILE* f, struct tcb* t, const char* type) {
    /* no thread handle yet: the program's first execve, by its only thread */
    fprintf(f, "{\"type\":\"%s\",\"pid\":%d,\"tid\":%d", type,
            t->thread ? DkThreadGetProcessId(t->thread) : t->tid, t->tid);
}

void trace_json_syscall(struct tcb* t, bool unfinished) {
    FILE* f = trace_output_file(t);
    struct timespec now;
    double duration;

    clock_gettime(CLOCK_MONOTONIC, &now);
    duration = (double)(now.tv_sec - t->start.tv_sec) + (double)(now.tv_nsec - t->start.tv_nsec) / 1e9;
    json_head(f, t, "syscall");
    fputs(",\"name\":", f);
    json_cstr(f, trace_call_name(t));
    fprintf(f, ",\"nr\":%llu,\"args\":[", (unsigned long long)t->sysno);
    for (int i = 0; t->s && i < t->s->nargs; i++) {
        fprintf(f, "%s{\"name\":", i ? "," : "");
        json_cstr(f, t->s->args[i].name);
        fputs(",\"text\":", f);
        if (t->arg_end[i])
            trace_json_string(f, t->buf + t->arg_start[i], t->arg_end[i] - t->arg_start[i]);
        else
            fputs("null", f);
        fprintf(f, ",\"raw\":%llu,\"value\":", (unsigned long long)t->args[i]);
        if (t->value_end[i])
            fwrite(t->entry_values_buf + t->value_start[i], 1,
                   (size_t)(t->value_end[i] - t->value_start[i]), f);
        else
            json_value(f, t, i);
        fputc('}', f);
    }
    fputc(']', f);
    if (unfinished) {
        fputs(",\"ret\":null,\"errno\":null,\"unfinished\":true", f);
    } else if (syserror(t)) {
        const char* e = xlat_name(&xlat_errno, (uint64_t)-t->ret);

        fputs(",\"ret\":-1,\"errno\":", f);
        if (e)
            json_cstr(f, e);
        else
            fprintf(f, "%ld", -t->ret);
    } else {
        fprintf(f, ",\"ret\":%ld,\"errno\":null", t->ret);
    }
    /* every call has been answered by someone, unfinished or not */
    if (t->layer)
        fprintf(f, ",\"layer\":\"%s\"", t->layer);
    else
        fputs(",\"layer\":null", f);
    fputs(",\"text\":", f);
    trace_json_string(f, t->buf, t->len);
    if (t->stack_valid && t->nframes >= 0) {
        /* -k: the frames, innermost first */
        fputs(",\"stack\":[", f);
        for (int i = 0; i < t->nframes; i++) {
            const struct pal_frame* fr = &t->frames[i];

            fprintf(f, "%s{\"pc\":%llu,\"file\":", i ? "," : "", (unsigned long long)fr->pc);
            if (fr->path)
                json_cstr(f, fr->path);
            else
                fputs("null", f);
            fprintf(f, ",\"offset\":%llu,\"symbol\":", (unsigned long long)fr->offset);
            if (fr->symbol)
                json_cstr(f, fr->symbol);
            else
                fputs("null", f);
            fprintf(f, ",\"symbol_offset\":%llu}", (unsigned long long)fr->symbol_offset);
        }
        fputc(']', f);
    }
    fprintf(f, ",\"start\":%lld.%06ld,\"duration\":%.6f}\n", (long long)t->start_real.tv_sec,
            t->start_real.tv_nsec / 1000, duration);
    t->len = 0;
}

void trace_json_signal(struct tcb* t, int sig) {
    FILE* f = trace_output_file(t);
    size_t len = t->len;

    print_signo(t, sig);
    json_head(f, t, "signal");
    fputs(",\"signal\":", f);
    trace_json_string(f, t->buf + len, t->len - len);
    fputs(",\"siginfo\":", f);
    trace_json_string(f, t->buf, len);
    fputs("}\n", f);
    t->len = 0;
}

void trace_json_exit(struct tcb* t, int status) {
    FILE* f = trace_output_file(t);

    t->len = 0;
    if (WIFEXITED(status)) {
        json_head(f, t, "exit");
        fprintf(f, ",\"status\":%d}\n", WEXITSTATUS(status));
        return;
    }
    print_signo(t, WTERMSIG(status));
    json_head(f, t, "killed");
    fputs(",\"signal\":", f);
    trace_json_string(f, t->buf, t->len);
    fprintf(f, ",\"core_dumped\":%s}\n", WCOREDUMP(status) ? "true" : "false");
    t->len = 0;
}

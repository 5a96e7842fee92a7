/*
 * fuzz_lines.c: the reader of fuzz_lines.h.  It knows the trace's grammar,
 * not the decoder's code: what it accepts is what strace's format allows.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_lines.h"

static int fail(char* err, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(char* err, const char* fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(err, 256, fmt, ap);
    va_end(ap);
    return -1;
}

static bool printable(unsigned char c) {
    return c >= 0x20 && c < 0x7f;
}

static bool is_octal(char c) {
    return c >= '0' && c <= '7';
}

/* A scan of trace text: brackets, strings, comments, separators. */
struct scan {
    const char* s;
    size_t i, end;
    char stack[64];
    int depth;
    int commas; /* at depth 1 */
    char prev;  /* the last significant character, 0 at the start */
    char* err;
};

/* A quoted string at sc->i (on its '"'), and a "..." after it. */
static int scan_string(struct scan* sc) {
    const char* s = sc->s;
    size_t i = sc->i + 1;

    for (;;) {
        if (i >= sc->end)
            return fail(sc->err, "unterminated string at %zu", sc->i);
        if (s[i] == '"')
            break;
        if (!printable((unsigned char)s[i]))
            return fail(sc->err, "raw byte %#x in a string at %zu", (unsigned char)s[i], i);
        if (s[i] != '\\') {
            i++;
            continue;
        }
        if (++i >= sc->end)
            return fail(sc->err, "unterminated escape at %zu", i);
        if (strchr("\\\"nrtvf", s[i]) && s[i]) {
            i++;
        } else if (is_octal(s[i])) {
            for (int n = 0; n < 3 && i < sc->end && is_octal(s[i]); n++)
                i++;
        } else if (s[i] == 'x' && i + 2 < sc->end && isxdigit((unsigned char)s[i + 1]) &&
                   isxdigit((unsigned char)s[i + 2])) {
            i += 3;
        } else {
            return fail(sc->err, "bad escape \\%c at %zu", s[i], i);
        }
    }
    i++;
    if (i + 3 <= sc->end && !memcmp(s + i, "...", 3))
        i += 3;
    sc->i = i;
    sc->prev = '"';
    return 0;
}

static int scan_comment(struct scan* sc) {
    size_t i = sc->i + 2;

    for (; i + 1 < sc->end; i++) {
        if (sc->s[i] == '*' && sc->s[i + 1] == '/') {
            sc->i = i + 2;
            return 0;
        }
        if (!printable((unsigned char)sc->s[i]))
            return fail(sc->err, "raw byte %#x in a comment at %zu", (unsigned char)sc->s[i], i);
    }
    return fail(sc->err, "unterminated comment at %zu", sc->i);
}

/* -y: <path>, after a number or AT_FDCWD */
static int scan_fd_path(struct scan* sc) {
    size_t i = sc->i + 1;

    for (; i < sc->end && sc->s[i] != '>'; i++) {
        unsigned char c = (unsigned char)sc->s[i];

        if (!printable(c) || c == '<')
            return fail(sc->err, "byte %#x in a descriptor's path at %zu", c, i);
        if (c == '\\') {
            if (i + 3 >= sc->end || sc->s[i + 1] != 'x' || !isxdigit((unsigned char)sc->s[i + 2]) ||
                !isxdigit((unsigned char)sc->s[i + 3]))
                return fail(sc->err, "bad escape in a descriptor's path at %zu", i);
            i += 3;
        }
    }
    if (i >= sc->end)
        return fail(sc->err, "unterminated descriptor path at %zu", sc->i);
    sc->i = i + 1;
    sc->prev = '>';
    return 0;
}

static char closer_of(char c) {
    return c == '(' ? ')' : c == '[' ? ']' : '}';
}

#define UNFINISHED "<unfinished ...>"

/* Scan until a closer brings the depth to 0 (1, sc->i after it), or to the
 * end (0), or a fault (-1). */
static int scan_text(struct scan* sc) {
    const char* s = sc->s;

    while (sc->i < sc->end) {
        char c = s[sc->i];

        switch (c) {
        case '"':
            if (scan_string(sc) < 0)
                return -1;
            continue;
        case '/':
            if (sc->i + 1 < sc->end && s[sc->i + 1] == '*') {
                if (scan_comment(sc) < 0)
                    return -1;
                continue;
            }
            break;
        case '(':
        case '[':
        case '{':
            if (sc->depth == (int)sizeof(sc->stack))
                return fail(sc->err, "nested too deep at %zu", sc->i);
            sc->stack[sc->depth++] = c;
            sc->prev = c;
            sc->i++;
            continue;
        case ')':
        case ']':
        case '}':
            if (!sc->depth || closer_of(sc->stack[sc->depth - 1]) != c)
                return fail(sc->err, "unpaired '%c' at %zu", c, sc->i);
            if (sc->prev == ',')
                return fail(sc->err, "empty element before '%c' at %zu", c, sc->i);
            sc->depth--;
            sc->prev = c;
            sc->i++;
            if (!sc->depth)
                return 1;
            continue;
        case ',':
            if (!sc->prev || strchr("([{,", sc->prev))
                return fail(sc->err, "empty element before ',' at %zu", sc->i);
            if (sc->i + 1 >= sc->end || s[sc->i + 1] != ' ')
                return fail(sc->err, "',' without a space at %zu", sc->i);
            if (sc->depth == 1)
                sc->commas++;
            sc->prev = c;
            sc->i++;
            continue;
        case '=':
            if (sc->i + 1 >= sc->end || strchr(",)]}", s[sc->i + 1]))
                return fail(sc->err, "'=' without a value at %zu", sc->i);
            break;
        case '<':
            if (sc->i + 1 < sc->end && s[sc->i + 1] == '<') { /* FUTEX_OP_SET<<28 */
                sc->i += 2;
                sc->prev = '<';
                continue;
            }
            if (sc->end - sc->i >= strlen(UNFINISHED) &&
                !memcmp(s + sc->i, UNFINISHED, strlen(UNFINISHED))) {
                sc->i += strlen(UNFINISHED);
                sc->prev = '>';
                continue;
            }
            /* after a descriptor's number, or AT_FDCWD<dir> */
            if (sc->i && (isdigit((unsigned char)s[sc->i - 1]) ||
                          (sc->i >= 8 && !memcmp(s + sc->i - 8, "AT_FDCWD", 8)))) {
                if (scan_fd_path(sc) < 0)
                    return -1;
                continue;
            }
            return fail(sc->err, "stray '<' at %zu", sc->i);
        case '>':
            if (!sc->i || s[sc->i - 1] != '=') /* sendfile's [1] => [2] */
                return fail(sc->err, "stray '>' at %zu", sc->i);
            break;
        default:
            if (!printable((unsigned char)c))
                return fail(sc->err, "raw byte %#x at %zu", (unsigned char)c, sc->i);
            break;
        }
        if (c != ' ')
            sc->prev = c;
        sc->i++;
    }
    return 0;
}

int fuzz_lines_fragment(const char* s, size_t len, int* commas, char* err) {
    struct scan sc = {.s = s, .end = len, .err = err};

    /* as an argument inside a call's parentheses */
    sc.stack[sc.depth++] = '(';
    sc.prev = '(';
    if (scan_text(&sc) != 0)
        return sc.depth ? -1 : fail(err, "')' closes more than the argument at %zu", sc.i);
    if (sc.depth != 1)
        return fail(err, "unclosed '%c' in an argument", sc.stack[sc.depth - 1]);
    *commas = sc.commas;
    return 0;
}

void fuzz_lines_reset(struct fuzz_lines* l, const struct fuzz_layout* layout) {
    for (int i = 0; i < l->nopen; i++)
        free(l->open[i].text);
    memset(l, 0, sizeof(*l));
    l->layout = *layout;
}

static bool match_digits(const char* s, size_t* i, size_t end, size_t min, size_t max) {
    size_t n = 0;

    while (*i < end && isdigit((unsigned char)s[*i]) && n < max)
        (*i)++, n++;
    return n >= min;
}

static bool match(const char* s, size_t* i, size_t end, const char* lit) {
    size_t n = strlen(lit);

    if (end - *i < n || memcmp(s + *i, lit, n))
        return false;
    *i += n;
    return true;
}

/* The line's prefix: its pid, if it says one. */
static int read_prefix(struct fuzz_lines* l, const char* s, size_t* i, size_t end, pid_t* pid) {
    size_t start;

    *pid = 0;
    if (l->layout.to_file) {
        start = *i;
        if (!match_digits(s, i, end, 1, 10))
            return fail(l->err, "no pid at the line's start");
        *pid = (pid_t)atoi(s + start);
        /* %-5d and a space */
        if (*i >= end || s[*i] != ' ')
            return fail(l->err, "no space after the pid");
        while (*i < end && s[*i] == ' ' && *i - start < 6)
            (*i)++;
    } else if (l->layout.pid_prefix) {
        if (!match(s, i, end, "[pid "))
            return fail(l->err, "no [pid N] prefix");
        while (*i < end && s[*i] == ' ')
            (*i)++;
        start = *i;
        if (!match_digits(s, i, end, 1, 10) || !match(s, i, end, "] "))
            return fail(l->err, "bad [pid N] prefix");
        *pid = (pid_t)atoi(s + start);
    }
    switch (l->layout.timestamps) {
    case 0:
        return 0;
    case 3:
        if (match_digits(s, i, end, 1, 20) && match(s, i, end, ".") &&
            match_digits(s, i, end, 6, 6) && match(s, i, end, " "))
            return 0;
        break;
    default:
        if (match_digits(s, i, end, 2, 2) && match(s, i, end, ":") &&
            match_digits(s, i, end, 2, 2) && match(s, i, end, ":") &&
            match_digits(s, i, end, 2, 2) &&
            (l->layout.timestamps == 1 ||
             (match(s, i, end, ".") && match_digits(s, i, end, 6, 6))) &&
            match(s, i, end, " "))
            return 0;
        break;
    }
    return fail(l->err, "bad timestamp");
}

static bool name_char(char c) {
    return isalnum((unsigned char)c) || c == '_';
}

/* "= RESULT[ (NOTE)][ <T>][ [LAYER]]" from S[I] to END. */
static int read_result(struct fuzz_lines* l, struct fuzz_call* c, const char* s, size_t i,
                       size_t end) {
    struct scan sc = {.s = s, .err = l->err};
    size_t j;

    if (l->layout.show_layer && end - i > 3 && s[end - 1] == ']') {
        /* " [shim]": absent when no layer answered (an abandoned call) */
        for (j = end - 2; j > i && islower((unsigned char)s[j]); j--)
            ;
        if (j > i + 1 && s[j] == '[' && s[j - 1] == ' ')
            end = j - 1;
    }
    if (l->layout.show_time && end - i > 3 && s[end - 1] == '>') {
        j = end - 1;
        while (j > i && (isdigit((unsigned char)s[j - 1]) || s[j - 1] == '.'))
            j--;
        if (j > i + 1 && s[j - 1] == '<' && s[j - 2] == ' ' && j < end - 1)
            end = j - 2;
    }
    if (!match(s, &i, end, "= "))
        return fail(l->err, "no \" = \" after the arguments");
    if (match(s, &i, end, "?")) {
        /* no return, unfinished, or a restart: "? ERESTARTSYS (To be restarted...)" */
        if (match(s, &i, end, " ERESTART")) {
            c->failed = true;
            while (i < end && (isupper((unsigned char)s[i]) || s[i] == '_' || s[i] == '?'))
                i++;
        }
    } else if (match(s, &i, end, "-1 ")) {
        c->failed = true;
        /* an errno without a name: strace's "-1 (errno 411)" */
        bool unnamed = match(s, &i, end, "(errno ");

        if (unnamed) {
            if (!match_digits(s, &i, end, 1, 4) || !match(s, &i, end, ")"))
                return fail(l->err, "bad unnamed errno");
        } else if (!match_digits(s, &i, end, 1, 5)) {
            if (i >= end || s[i] != 'E')
                return fail(l->err, "no errno name after -1");
            while (i < end && (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
                i++;
        }
        if (!unnamed) {
            if (!match(s, &i, end, " ("))
                return fail(l->err, "no message after the errno");
            /* strerror()'s text, then ")" */
            while (i < end && s[i] != ')' && printable((unsigned char)s[i]))
                i++;
            if (!match(s, &i, end, ")"))
                return fail(l->err, "unclosed errno message");
        }
    } else if (match(s, &i, end, "0x")) {
        if (i >= end || !isxdigit((unsigned char)s[i]))
            return fail(l->err, "bad hex result");
        while (i < end && isxdigit((unsigned char)s[i]))
            i++;
    } else {
        /* decimal, or octal (umask's) of up to 22 digits and its 0 */
        match(s, &i, end, "-");
        if (!match_digits(s, &i, end, 1, 24))
            return fail(l->err, "bad result");
    }
    /* the rest: a -y path, a note in parentheses, an errno message */
    if (i < end && s[i] != ' ' && s[i] != '<')
        return fail(l->err, "junk after the result at %zu", i);
    if (i < end && s[i] == ' ' && (i + 1 >= end || s[i + 1] != '('))
        return fail(l->err, "junk after the result at %zu", i);
    sc.i = i;
    sc.end = end;
    while (sc.i < end) {
        int r = scan_text(&sc);

        if (r < 0)
            return -1;
        if (r == 0)
            break;
    }
    if (sc.depth)
        return fail(l->err, "unclosed '%c' after the result", sc.stack[sc.depth - 1]);
    return 0;
}

/* A whole call: NAME(ARGS) = RESULT... */
static int read_call(struct fuzz_lines* l, pid_t pid, const char* s, size_t len) {
    struct scan sc = {.s = s, .end = len, .err = l->err};
    struct fuzz_call* c;
    size_t i = 0;
    int r;

    if (l->ncalls == FUZZ_MAX_CALLS)
        return fail(l->err, "more calls than the case made");
    c = &l->calls[l->ncalls++];
    memset(c, 0, sizeof(*c));
    c->pid = pid;
    c->len = len;
    while (i < len && name_char(s[i]))
        i++;
    if (!i || i >= len || s[i] != '(' || i >= sizeof(c->name))
        return fail(l->err, "no NAME( at the start of the call");
    memcpy(c->name, s, i);
    sc.i = i;
    r = scan_text(&sc);
    if (r < 0)
        return -1;
    if (r == 0)
        return fail(l->err, "the call's '(' is never closed");
    c->unfinished = sc.i >= strlen(UNFINISHED ")") &&
                    !memcmp(s + sc.i - strlen(UNFINISHED ")"), UNFINISHED ")", strlen(UNFINISHED ")"));
    /* getpid() has none, f(x) one, f(x, y) two */
    c->nargs = sc.commas + (sc.i - i > 2 ? 1 : 0);
    if (c->unfinished && sc.prev == '>' && s[sc.i - strlen(UNFINISHED ")") - 1] == ' ')
        c->nargs = sc.commas + (sc.commas || sc.i - i > strlen(UNFINISHED ")") + 2);
    if (sc.i >= len || s[sc.i] != ' ')
        return fail(l->err, "no space after the call's ')'");
    i = sc.i;
    while (i < len && s[i] == ' ')
        i++;
    return read_result(l, c, s, i, len);
}

static int open_index(const struct fuzz_lines* l, pid_t pid) {
    for (int i = 0; i < l->nopen; i++)
        if (l->open[i].pid == pid)
            return i;
    return -1;
}

/* A line without its prefix. */
static int read_line(struct fuzz_lines* l, pid_t pid, const char* s, size_t len) {
    size_t ul = strlen(" " UNFINISHED);
    size_t i = 0;
    int o;

    if (match(s, &i, len, "--- ")) {
        struct scan sc = {.s = s, .i = i, .end = len, .err = l->err};

        l->nsignals++;
        if (!match(s, &i, len, "SIG") && !match_digits(s, &i, len, 1, 2))
            return fail(l->err, "no signal name in a signal line");
        while (i < len && (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
            i++;
        if (!match(s, &i, len, " {"))
            return fail(l->err, "no siginfo in a signal line");
        sc.i = i - 1;
        if (scan_text(&sc) != 1)
            return sc.err[0] ? -1 : fail(l->err, "unclosed siginfo");
        i = sc.i;
        if (!match(s, &i, len, " ---") || i != len)
            return fail(l->err, "no \" ---\" at the signal line's end");
        return 0;
    }
    if (match(s, &i, len, "+++ ")) {
        l->nexits++;
        if (match(s, &i, len, "exited with ")) {
            if (!match_digits(s, &i, len, 1, 3))
                return fail(l->err, "bad exit status");
        } else if (match(s, &i, len, "killed by ")) {
            if (!match(s, &i, len, "SIG") && !match_digits(s, &i, len, 1, 3))
                return fail(l->err, "bad signal in a killed line");
            while (i < len && (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
                i++;
            match(s, &i, len, " (core dumped)");
        } else {
            return fail(l->err, "bad +++ line");
        }
        if (!match(s, &i, len, " +++") || i != len)
            return fail(l->err, "no \" +++\" at the line's end");
        return 0;
    }
    o = open_index(l, pid);
    if (match(s, &i, len, "<... ")) {
        /* the end of a call whose first part is out */
        size_t n = i, joined;
        char* whole;
        int r;

        while (i < len && name_char(s[i]))
            i++;
        if (o < 0)
            return fail(l->err, "\"<... resumed>\" of no open call");
        if (i == n || !match(s, &i, len, " resumed>"))
            return fail(l->err, "bad \"<... NAME resumed>\"");
        if (strncmp(l->open[o].text, s + n, i - n - strlen(" resumed>")) ||
            l->open[o].text[i - n - strlen(" resumed>")] != '(')
            return fail(l->err, "\"<... resumed>\" of another call than the open one");
        joined = l->open[o].len + (len - i);
        whole = malloc(joined);
        if (!whole)
            return fail(l->err, "out of memory");
        memcpy(whole, l->open[o].text, l->open[o].len);
        memcpy(whole + l->open[o].len, s + i, len - i);
        free(l->open[o].text);
        l->open[o] = l->open[--l->nopen];
        r = read_call(l, pid, whole, joined);
        free(whole);
        return r;
    }
    if (len >= ul && !memcmp(s + len - ul, " " UNFINISHED, ul)) {
        /* another thread's line comes next: the call's first part */
        if (o >= 0)
            return fail(l->err, "a second open call of the same thread");
        if (l->nopen == (int)(sizeof(l->open) / sizeof(l->open[0])))
            return fail(l->err, "too many open calls");
        l->open[l->nopen].pid = pid;
        l->open[l->nopen].len = len - ul;
        l->open[l->nopen].text = malloc(len - ul + 1);
        if (!l->open[l->nopen].text)
            return fail(l->err, "out of memory");
        memcpy(l->open[l->nopen].text, s, len - ul);
        l->open[l->nopen].text[len - ul] = '\0';
        l->nopen++;
        return 0;
    }
    return read_call(l, pid, s, len);
}

int fuzz_lines_text(struct fuzz_lines* l, const char* buf, size_t len) {
    size_t start = 0;
    int line = 0;

    while (start < len) {
        const char* nl = memchr(buf + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - buf) : len;
        size_t i = start;
        pid_t pid;
        int r;

        line++;
        if (!nl)
            return fail(l->err, "line %d does not end", line);
        if (end - start >= 3 && !memcmp(buf + start, " > ", 3)) {
            /* -k: a frame, after its call */
            l->nframes++;
            for (i = start; i < end; i++)
                if (!printable((unsigned char)buf[i]))
                    return fail(l->err, "line %d: raw byte %#x in a stack frame", line,
                                (unsigned char)buf[i]);
            start = end + 1;
            continue;
        }
        r = read_prefix(l, buf, &i, end, &pid);
        if (r == 0)
            r = read_line(l, pid, buf + i, end - i);
        if (r < 0) {
            char why[sizeof(l->err)];

            memcpy(why, l->err, sizeof(why));
            snprintf(l->err, sizeof(l->err), "line %d: %.200s", line, why);
            return -1;
        }
        start = end + 1;
    }
    return 0;
}

int fuzz_lines_end(struct fuzz_lines* l) {
    if (l->nopen)
        return fail(l->err, "the call \"%.64s\" was never resumed", l->open[0].text);
    return 0;
}

/* --json: a JSON reader (RFC 8259), just enough to check ptshim's lines. */
struct json {
    const char* s;
    size_t i, end;
    char* err;
    int depth;
};

static void json_ws(struct json* j) {
    while (j->i < j->end && strchr(" \t\r\n", j->s[j->i]) && j->s[j->i])
        j->i++;
}

/* Whether the next byte is C. */
static bool json_at(const struct json* j, char c) {
    return j->i < j->end && j->s[j->i] == c;
}

/* After a member: 1 for ',', 0 for '}' (or ']'), -1 otherwise. */
static int json_next(struct json* j, char close) {
    json_ws(j);
    if (json_at(j, ',')) {
        j->i++;
        return 1;
    }
    if (json_at(j, close)) {
        j->i++;
        return 0;
    }
    return fail(j->err, "no ',' or '%c' at %zu", close, j->i);
}

/* A string at j->i; its value, decoded to bytes (\u00XX as one byte), in
 * *OUT (malloc'd, NUL-terminated) when OUT is not NULL. */
static int json_string(struct json* j, char** out, size_t* outlen) {
    size_t i = j->i, n = 0;
    char* v = NULL;

    if (i >= j->end || j->s[i] != '"')
        return fail(j->err, "no string at %zu", i);
    if (out && !(v = malloc(j->end - i + 1)))
        return fail(j->err, "out of memory");
    for (i++;; i++) {
        unsigned char c;

        if (i >= j->end) {
            free(v);
            return fail(j->err, "unterminated string");
        }
        c = (unsigned char)j->s[i];
        if (c == '"')
            break;
        if (c < 0x20) {
            free(v);
            return fail(j->err, "raw control byte %#x in a string at %zu", c, i);
        }
        if (c != '\\') {
            if (v)
                v[n++] = (char)c;
            continue;
        }
        if (++i >= j->end) {
            free(v);
            return fail(j->err, "unterminated escape");
        }
        c = (unsigned char)j->s[i];
        if (c == 'u') {
            unsigned cp = 0;

            for (int k = 1; k <= 4; k++) {
                if (i + k >= j->end || !isxdigit((unsigned char)j->s[i + k])) {
                    free(v);
                    return fail(j->err, "bad \\u escape at %zu", i);
                }
                cp = cp * 16 + (unsigned)(isdigit((unsigned char)j->s[i + k])
                                              ? j->s[i + k] - '0'
                                              : tolower((unsigned char)j->s[i + k]) - 'a' + 10);
            }
            i += 4;
            if (v)
                v[n++] = cp < 256 ? (char)cp : '?';
        } else if (strchr("\"\\/bfnrt", c) && c) {
            if (v)
                v[n++] = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'b' ? '\b'
                         : c == 'f'                                   ? '\f'
                                                                      : (char)c;
        } else {
            free(v);
            return fail(j->err, "bad escape \\%c at %zu", c, i);
        }
    }
    j->i = i + 1;
    if (out) {
        v[n] = '\0';
        *out = v;
        *outlen = n;
    }
    return 0;
}

static int json_value(struct json* j);

static int json_number(struct json* j) {
    size_t i = j->i;

    if (i < j->end && j->s[i] == '-')
        i++;
    if (i < j->end && j->s[i] == '0')
        i++;
    else if (!match_digits(j->s, &i, j->end, 1, 400))
        return fail(j->err, "bad number at %zu", j->i);
    if (i < j->end && j->s[i] == '.') {
        i++;
        if (!match_digits(j->s, &i, j->end, 1, 400))
            return fail(j->err, "bad fraction at %zu", j->i);
    }
    if (i < j->end && (j->s[i] == 'e' || j->s[i] == 'E')) {
        i++;
        if (i < j->end && (j->s[i] == '+' || j->s[i] == '-'))
            i++;
        if (!match_digits(j->s, &i, j->end, 1, 400))
            return fail(j->err, "bad exponent at %zu", j->i);
    }
    j->i = i;
    return 0;
}

static int json_array(struct json* j) {
    int r;

    j->i++;
    json_ws(j);
    if (json_at(j, ']')) {
        j->i++;
        return 0;
    }
    do {
        if (json_value(j) < 0)
            return -1;
    } while ((r = json_next(j, ']')) == 1);
    return r;
}

static int json_object(struct json* j) {
    int r;

    j->i++;
    json_ws(j);
    if (json_at(j, '}')) {
        j->i++;
        return 0;
    }
    do {
        json_ws(j);
        if (json_string(j, NULL, NULL) < 0)
            return -1;
        json_ws(j);
        if (!json_at(j, ':'))
            return fail(j->err, "no ':' at %zu", j->i);
        j->i++;
        if (json_value(j) < 0)
            return -1;
    } while ((r = json_next(j, '}')) == 1);
    return r;
}

static int json_value(struct json* j) {
    int r;

    json_ws(j);
    if (j->i >= j->end)
        return fail(j->err, "no value at the end");
    if (++j->depth > 64)
        return fail(j->err, "nested too deep");
    switch (j->s[j->i]) {
    case '{':
        r = json_object(j);
        break;
    case '[':
        r = json_array(j);
        break;
    case '"':
        r = json_string(j, NULL, NULL);
        break;
    case 't':
        r = match(j->s, &j->i, j->end, "true") ? 0 : fail(j->err, "bad literal at %zu", j->i);
        break;
    case 'f':
        r = match(j->s, &j->i, j->end, "false") ? 0 : fail(j->err, "bad literal at %zu", j->i);
        break;
    case 'n':
        r = match(j->s, &j->i, j->end, "null") ? 0 : fail(j->err, "bad literal at %zu", j->i);
        break;
    default:
        r = json_number(j);
        break;
    }
    j->depth--;
    return r;
}

/* A member's key at j->i, with its ':'. */
static int json_key(struct json* j, char* key, size_t size) {
    char* v;
    size_t n;

    json_ws(j);
    if (json_string(j, &v, &n) < 0)
        return -1;
    snprintf(key, size, "%s", v);
    free(v);
    json_ws(j);
    if (!json_at(j, ':'))
        return fail(j->err, "no ':' at %zu", j->i);
    j->i++;
    json_ws(j);
    return 0;
}

/* One of "args": {"name":..., "text":..., "raw":..., "value":...} */
static int json_arg(struct json* j, struct fuzz_json* out) {
    char key[32];
    bool has_text = false, has_raw = false;
    int r;

    if (!json_at(j, '{'))
        return fail(j->err, "an argument is not an object");
    j->i++;
    do {
        if (json_key(j, key, sizeof(key)) < 0)
            return -1;
        if (!strcmp(key, "text") && json_at(j, '"')) {
            char* v;
            size_t n;
            int commas;

            if (json_string(j, &v, &n) < 0)
                return -1;
            if (strlen(v) != n || fuzz_lines_fragment(v, n, &commas, j->err) < 0) {
                if (strlen(v) != n)
                    fail(j->err, "a NUL in an argument's text");
                free(v);
                return -1;
            }
            free(v);
            if (commas)
                return fail(j->err, "an argument's text holds %d top-level commas", commas);
            has_text = true;
        } else {
            if (!strcmp(key, "text"))
                has_text = true;
            if (!strcmp(key, "raw"))
                has_raw = true;
            if (json_value(j) < 0)
                return -1;
        }
    } while ((r = json_next(j, '}')) == 1);
    if (r < 0)
        return -1;
    if (!has_text || !has_raw)
        return fail(j->err, "an argument of %s lacks its text or raw value", out->name);
    out->nargs++;
    return 0;
}

/* A syscall object's "text": the call as the text trace prints it, without
 * the result. */
static int json_call_text(struct json* j, struct fuzz_json* out, const char* v, size_t n) {
    struct scan sc = {.s = v, .end = n, .err = j->err};
    size_t i = 0;
    int r;

    if (strlen(v) != n)
        return fail(j->err, "a NUL in the call's text");
    while (i < n && name_char(v[i]))
        i++;
    if (!i || i >= n || v[i] != '(')
        return fail(j->err, "the text does not start NAME(");
    sc.i = i;
    r = scan_text(&sc);
    if (r < 0)
        return -1;
    /* a call the thread never finished may lack what its exit prints */
    if (r == 0 && !out->unfinished)
        return fail(j->err, "the text's '(' is never closed");
    if (r == 1 && sc.i != n)
        return fail(j->err, "text after the call's ')'");
    if (strncmp(v, out->name, i) || out->name[i])
        return fail(j->err, "the text names another call than \"name\"");
    return 0;
}

static int json_line(struct json* j, struct fuzz_json* out) {
    char key[32];
    char* text = NULL;
    size_t text_len = 0;
    bool has[4] = {false};
    int r;

    memset(out, 0, sizeof(*out));
    json_ws(j);
    if (!json_at(j, '{'))
        return fail(j->err, "the line is not an object");
    j->i++;
    do {
        if (json_key(j, key, sizeof(key)) < 0)
            goto bad;
        if ((!strcmp(key, "type") || !strcmp(key, "name")) && json_at(j, '"')) {
            char* v;
            size_t n;

            if (json_string(j, &v, &n) < 0)
                goto bad;
            if (key[0] == 't')
                snprintf(out->type, sizeof(out->type), "%s", v), has[0] = true;
            else
                snprintf(out->name, sizeof(out->name), "%s", v), has[1] = true;
            free(v);
        } else if (!strcmp(key, "text") && json_at(j, '"')) {
            free(text);
            if (json_string(j, &text, &text_len) < 0)
                goto bad;
            has[2] = true;
        } else if (!strcmp(key, "args") && json_at(j, '[')) {
            j->i++;
            json_ws(j);
            if (json_at(j, ']')) {
                j->i++;
            } else {
                do {
                    json_ws(j);
                    if (json_arg(j, out) < 0)
                        goto bad;
                } while ((r = json_next(j, ']')) == 1);
                if (r < 0)
                    goto bad;
            }
            has[3] = true;
        } else {
            if (!strcmp(key, "unfinished"))
                out->unfinished = true;
            if (json_value(j) < 0)
                goto bad;
        }
    } while ((r = json_next(j, '}')) == 1);
    if (r < 0)
        goto bad;
    json_ws(j);
    if (j->i != j->end) {
        fail(j->err, "junk after the object");
        goto bad;
    }
    if (!has[0]) {
        fail(j->err, "no \"type\"");
        goto bad;
    }
    if (!strcmp(out->type, "syscall")) {
        if (!has[1] || !has[2] || !has[3]) {
            fail(j->err, "a syscall object lacks its name, text or args");
            goto bad;
        }
        if (json_call_text(j, out, text, text_len) < 0)
            goto bad;
    }
    free(text);
    return 0;
bad:
    free(text);
    return -1;
}

int fuzz_lines_json(const char* buf, size_t len, void (*cb)(void* arg, const struct fuzz_json* j),
                    void* arg, char* err) {
    size_t start = 0;
    int line = 0;

    while (start < len) {
        const char* nl = memchr(buf + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - buf) : len;
        struct json j = {.s = buf, .i = start, .end = end, .err = err};
        struct fuzz_json out;

        line++;
        if (!nl)
            return fail(err, "JSON line %d does not end", line);
        if (json_line(&j, &out) < 0) {
            char why[256];

            memcpy(why, err, sizeof(why));
            snprintf(err, 256, "JSON line %d: %.200s", line, why);
            return -1;
        }
        if (cb)
            cb(arg, &out);
        start = end + 1;
    }
    return 0;
}

/*
 * shim_exec_view.c: execve in the view.  A script's interpreter ("#!") is
 * found in the view, as the kernel's binfmt_script finds it in the
 * caller's root: the shim reads the script's first line as the kernel
 * does, resolves the interpreter in the view (a script again: up to the
 * kernel's depth), and has the host execute the last interpreter with the
 * arguments the kernel would have made: the interpreter's name as the
 * line gives it, the line's one optional argument, the name the program
 * gave execve, then the program's own arguments after the first.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shim_identity.h"
#include "shim_internal.h"
#include "shim_mount.h"
#include "shim_view.h"
#include "shim_view_call.h"

/* see shim_view.c */
#define RED_ZONE 128

static bool spacetab(char c) {
    return c == ' ' || c == '\t';
}

/* binfmt_script's parse of BUF (N bytes) into L: 0, or -ENOEXEC */
static int parse_line(const char* buf, size_t n, struct shim_view_level* l) {
    char line[SHIM_VIEW_LINE + 1];
    const char *end, *name, *sep;
    size_t len;

    if (n < 2 || buf[0] != '#' || buf[1] != '!')
        return -ENOEXEC;
    memset(line, 0, sizeof(line));
    memcpy(line, buf, n);
    end = strchr(line, '\n'); /* a NUL before it ends the name anyway */
    if (end && end >= line + n)
        end = NULL;
    if (!end) {
        const char* p = line + 2;

        /* a line longer than the buffer: the name must end within it */
        while (p < line + SHIM_VIEW_LINE - 1 && spacetab(*p))
            p++;
        if (p >= line + SHIM_VIEW_LINE - 1)
            return -ENOEXEC;
        while (p < line + SHIM_VIEW_LINE - 1 && !spacetab(*p) && *p)
            p++;
        if (p >= line + SHIM_VIEW_LINE - 1)
            return -ENOEXEC;
        end = line + SHIM_VIEW_LINE - 1;
    }
    while (end > line + 2 && spacetab(end[-1]))
        end--;
    name = line + 2;
    while (name < end && spacetab(*name))
        name++;
    if (name >= end || !*name)
        return -ENOEXEC;
    sep = name;
    while (sep < end && !spacetab(*sep) && *sep)
        sep++;
    len = (size_t)(sep - name);
    memcpy(l->name, name, len);
    l->name[len] = '\0';
    l->has_arg = false;
    if (sep < end && *sep) {
        const char* arg = sep;

        while (arg < end && spacetab(*arg))
            arg++;
        if (arg < end) {
            len = strnlen(arg, (size_t)(end - arg));
            memcpy(l->arg, arg, len);
            l->arg[len] = '\0';
            l->has_arg = true;
        }
    }
    return 0;
}

/* May T execute the file ST describes (the owner's, group's or others' x
 * bit for its file-system IDs; any x bit for root)?  1, 0, or -1 when the
 * shim does not know T's credentials. */
static int may_exec(void* ctx, const struct stat* st) {
    struct shim_thread* t = ctx;
    const struct shim_cred* c = shim_thread_cred(t);
    bool group = false;

    if (!c)
        return -1;
    if (c->fsuid == 0)
        return (st->st_mode & 0111) != 0;
    if (c->fsuid == st->st_uid)
        return (st->st_mode & 0100) != 0;
    group = c->fsgid == st->st_gid;
    for (int i = 0; i < c->ngroups && !group; i++)
        group = c->groups[i] == st->st_gid;
    return (st->st_mode & (group ? 0010 : 0001)) != 0;
}

static long start_of(void* ctx, char* guest, bool* outside) {
    return shim_view_start_dir(ctx, (PAL_NUM)(unsigned)AT_FDCWD, guest, outside);
}

long shim_view_script(const char* host, struct shim_view_level* levels,
                      const struct shim_view_script_ops* ops, void* ctx, char* last,
                      size_t size) {
    char next[2 * PATH_MAX], head[SHIM_VIEW_LINE], start[PATH_MAX];
    bool outside = false, have_start = false;
    int depth = 0;
    long n;

    if (strlcpy(last, host, size) >= size)
        return -ENAMETOOLONG;
    while (depth < SHIM_VIEW_MAX_DEPTH) {
        struct stat st;
        struct shim_view_level* l = &levels[depth];
        enum shim_view_at where;
        int may;

        if (DkFileStat(last, false, &st) < 0 || !S_ISREG(st.st_mode))
            break; /* the host's answer */
        n = DkFileReadHead(last, head, sizeof(head));
        if (n < 0 || parse_line(head, (size_t)n, l) < 0)
            break;
        may = ops->may_exec(ctx, &st);
        if (may < 0)
            break;
        if (!may)
            return -EACCES;
        /* a relative name: from the current directory, as the kernel's */
        if (l->name[0] != '/' && !have_start) {
            n = ops->start(ctx, start, &outside);
            if (n < 0)
                return n;
            have_start = true;
        }
        n = shim_lookup(ops->pid, ops->tid, l->name[0] == '/' ? NULL : start, outside, l->name,
                        SHIM_VIEW_FOLLOW, next, sizeof(next), &where, NULL, NULL);
        if (n < 0)
            return n;
        if (strlcpy(last, next, size) >= size)
            return -ENAMETOOLONG;
        depth++;
    }
    return depth;
}

/* push N bytes of S below *AT: its address in the program */
static uptr push(uptr* at, const void* s, size_t n, long* err) {
    *at -= n;
    if (*err == 0 && copy_to_user(*at, s, n) < 0)
        *err = -ENOMEM;
    return *at;
}

long shim_view_exec(struct shim_thread* t, const char* host, const char* filename) {
    static struct shim_view_level levels[SHIM_VIEW_MAX_DEPTH];
    struct shim_view_script_ops ops = {may_exec, start_of, DkThreadGetProcessId(t->pal), t->tid};
    char cur[2 * PATH_MAX];
    long err = 0;
    uptr at, str[2 * SHIM_VIEW_MAX_DEPTH + 2], argv = t->args[1];
    size_t nstr = 0, argc = 0;
    long depth = shim_view_script(host, levels, &ops, t, cur, sizeof(cur));

    if (depth < 0)
        return depth;
    if (depth == 0)
        return 0; /* no script: as translated */
    /* the new strings, then the arguments' array, below the red zone */
    at = t->sp - RED_ZONE;
    t->view_args[0] = push(&at, cur, strlen(cur) + 1, &err);
    str[nstr++] = push(&at, filename, strlen(filename) + 1, &err);
    for (long d = 0; d < depth; d++) {
        if (levels[d].has_arg)
            str[nstr++] = push(&at, levels[d].arg, strlen(levels[d].arg) + 1, &err);
        str[nstr++] = push(&at, levels[d].name, strlen(levels[d].name) + 1, &err);
    }
    /* the program's arguments after its first (argc counts them) */
    if (argv) {
        for (;; argc++) {
            uptr p;

            if (copy_from_user(&p, argv + argc * sizeof(p), sizeof(p)) < 0)
                return -EFAULT;
            if (!p)
                break;
        }
    }
    at &= ~(uptr)15;
    at -= sizeof(uptr); /* the NULL */
    push(&at, &(uptr){0}, sizeof(uptr), &err);
    for (size_t i = argc; i > 1; i--) {
        uptr p;

        if (copy_from_user(&p, argv + (i - 1) * sizeof(p), sizeof(p)) < 0)
            return -EFAULT;
        push(&at, &p, sizeof(p), &err);
    }
    for (size_t i = 0; i < nstr; i++)
        push(&at, &str[i], sizeof(str[i]), &err);
    if (err < 0)
        return err;
    t->view_args[1] = at;
    return 1;
}

/*
 * shim_lookup.c: a path resolved in the view, the kernel's way
 * (fs/namei.c, link_path_walk() and its callers), in the guest's
 * namespace.
 *
 * The walk keeps the guest path resolved so far (no symbolic links, no
 * dots) and the rest of the path still to walk.  Each component is added
 * to the guest path and, unless it is the last one and is not to be
 * followed, its host path (through the mount table) is asked for the
 * target of a symbolic link: the host's answer is the kernel's for that
 * component (ENOENT, ENOTDIR, EACCES, ENAMETOOLONG), EINVAL meaning a file
 * that is no link.  A link's target replaces the component, from the
 * guest root when it is absolute; ".." drops the last component of the
 * guest path and never leaves the root; a bind's mount point is crossed
 * by the mount table.  The host then gets a path whose components have no
 * link left but (for SHIM_VIEW_NOFOLLOW) the last, which it does not
 * follow, or (SHIM_VIEW_PARENT) the last, which it makes or removes.
 *
 * A walk that starts outside the view (a descriptor of a directory the
 * program had before, or got from /proc) stays on the host's names until
 * an absolute link brings it back to the guest root, as the kernel's walk
 * does from a directory outside a chroot.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "shim_mount.h"

/* the kernel's MAXSYMLINKS */
#define MAX_LINKS 40

struct walk {
    char path[PATH_MAX]; /* the guest path resolved so far ("" is the
                            root), or the host's when OUTSIDE */
    size_t len;
    bool outside;
    int links;
    pid_t pid, tid; /* whose /proc/self and /proc/thread-self */
    bool missing;   /* the last component, followed, does not exist */
};

/* Links of the host's /proc that the tracer reads as its own, and those
 * whose targets are host paths.  A link of /proc itself ("self",
 * "thread-self", "mounts") is an ordinary one, but that "self" is the
 * calling thread's process; a link deeper in /proc ("/proc/1/cwd",
 * "fd/3", "exe") is the kernel's magic: its target is a host path (or
 * "pipe:[12]"), which the host follows itself when it is the last
 * component, and which is named in the view when the walk goes on. */
enum proc_link { NOT_PROC, PROC_TOP, PROC_MAGIC };

/* "/proc/PID/root", "/proc/PID/task/TID/root" */
static bool is_root_link(const char* host) {
    size_t n = strlen(host);

    return n >= 5 && !strcmp(host + n - 5, "/root");
}

static enum proc_link proc_link(const char* host) {
    if (strncmp(host, "/proc/", 6) != 0)
        return NOT_PROC;
    return strchr(host + 6, '/') ? PROC_MAGIC : PROC_TOP;
}

static long walk_host(const struct walk* w, char* host, size_t size) {
    if (!w->outside)
        return shim_mount_host(w->path, w->len, host, size);
    if (w->len + 2 > size)
        return -ENAMETOOLONG;
    if (w->len == 0) {
        memcpy(host, "/", 2);
        return 1;
    }
    memcpy(host, w->path, w->len);
    host[w->len] = '\0';
    return (long)w->len;
}

/* "." and "..": the directory they are in must be one (ENOTDIR) */
static long check_dir(const struct walk* w) {
    char host[2 * PATH_MAX], target[1];
    long n;

    if (w->len == 0)
        return 0;
    n = walk_host(w, host, sizeof(host) - 1);
    if (n < 0)
        return n;
    host[n] = '/';
    host[n + 1] = '\0';
    n = DkFileReadLink(host, target, sizeof(target));
    return n == -EINVAL ? 0 : n < 0 ? n : -ENOTDIR;
}

/* the length of the component at P, up to a slash or the end */
static size_t comp_len(const char* p) {
    size_t n = 0;

    while (p[n] && p[n] != '/')
        n++;
    return n;
}

static void drop_last(struct walk* w) {
    while (w->len > 0 && w->path[w->len - 1] != '/')
        w->len--;
    if (w->len > 0)
        w->len--; /* its slash */
}

/* Walk REST (NUL-terminated, in a buffer of REST_SIZE bytes, which the
 * walk rewrites) from W.  The last component is followed when FOLLOW or
 * when a slash ends it; MUST_EXIST: it is not the path's last, and must
 * exist.  *SLASH: a slash ended the last component. */
#define REST_SIZE (2 * PATH_MAX)
static long walk(struct walk* w, char* rest, bool follow, bool must_exist, bool* slash) {
    char host[2 * PATH_MAX], target[PATH_MAX];
    char* p = rest;

    *slash = false;
    for (;;) {
        char *c, *after;
        size_t clen;
        bool last;
        long n;

        while (*p == '/')
            p++;
        if (!*p)
            return 0;
        c = p;
        clen = comp_len(p);
        p += clen;
        after = p;
        while (*after == '/')
            after++;
        last = !*after;
        if (last)
            *slash = p != after;
        if (clen == 1 && c[0] == '.') {
            n = check_dir(w);
            if (n < 0)
                return n;
            continue;
        }
        if (clen == 2 && c[0] == '.' && c[1] == '.') {
            n = check_dir(w);
            if (n < 0)
                return n;
            drop_last(w); /* at the root, the root */
            continue;
        }
        if (w->len + 1 + clen >= sizeof(w->path))
            return -ENAMETOOLONG;
        w->path[w->len] = '/';
        memcpy(w->path + w->len + 1, c, clen);
        w->len += 1 + clen;
        w->path[w->len] = '\0';
        if (last && !follow && !*slash && !must_exist)
            return 0;
        /* a mount point: the bind's root, no link */
        if (!w->outside && shim_mount_point(w->path, w->len))
            continue;
        n = walk_host(w, host, sizeof(host));
        if (n < 0)
            return n;
        n = DkFileReadLink(host, target, sizeof(target) - 1);
        if (n == -EINVAL)
            continue;
        if (n == -ENOENT && last && !must_exist) {
            w->missing = true;
            return 0;
        }
        if (n < 0)
            return n;
        if (n == 0)
            return -ENOENT; /* an empty link */
        target[n] = '\0';
        if (++w->links > MAX_LINKS)
            return -ELOOP;
        switch (proc_link(host)) {
        case NOT_PROC:
            break;
        case PROC_TOP:
            if (w->pid > 0 && !strcmp(host + 6, "self"))
                n = snprintf(target, sizeof(target), "%d", (int)w->pid);
            else if (w->pid > 0 && !strcmp(host + 6, "thread-self"))
                n = snprintf(target, sizeof(target), "%d/task/%d", (int)w->pid, (int)w->tid);
            break;
        case PROC_MAGIC:
            if (last && !*slash && !must_exist)
                return 0; /* the host follows it */
            if (target[0] != '/')
                return -ENOTDIR; /* a pipe, a socket... */
            if (!strcmp(target, "/") && is_root_link(host)) {
                /* the program's root is the view's */
                w->len = 0;
                w->outside = false;
                continue;
            }
            n = shim_view_guest_path(target, w->path, sizeof(w->path));
            w->outside = n == -ENOENT;
            if (w->outside) {
                n = (long)strlen(target);
                memcpy(w->path, target, (size_t)n + 1);
            } else if (n < 0) {
                return n;
            }
            w->len = n == 1 && !w->outside ? 0 : (size_t)n;
            continue;
        }
        drop_last(w);
        if (target[0] == '/') {
            w->len = 0;
            w->outside = false;
        }
        /* the target, then what followed the link (its slash included) */
        {
            size_t tail = strlen(p);

            if ((size_t)n + tail + 1 > REST_SIZE)
                return -ENAMETOOLONG;
            memmove(rest + n, p, tail + 1);
            memcpy(rest, target, (size_t)n);
            p = rest;
        }
    }
}

/* the last component of PATH (LEN bytes, not all slashes): its offset,
 * its trailing slashes with it */
static size_t last_of(const char* path, size_t len) {
    size_t end = len;

    while (end > 0 && path[end - 1] == '/')
        end--;
    while (end > 0 && path[end - 1] != '/')
        end--;
    return end;
}

long shim_lookup(pid_t pid, pid_t tid, const char* start, bool outside, const char* path,
                 enum shim_view_how how, char* host, size_t size, enum shim_view_at* at,
                 const struct shim_mount** mnt, bool* missing) {
    struct walk w;
    char rest[REST_SIZE];
    size_t len = strlen(path), split = len;
    bool slash;
    long ret, n;

    if (at)
        *at = SHIM_VIEW_AT_FILE;
    if (missing)
        *missing = false;
    w.len = 0;
    w.outside = false;
    w.links = 0;
    w.missing = false;
    w.pid = pid;
    w.tid = tid;
    if (path[0] != '/' && start) {
        w.len = strlen(start);
        if (w.len >= sizeof(w.path))
            return -ENAMETOOLONG;
        memcpy(w.path, start, w.len + 1);
        if (w.len == 1 && start[0] == '/')
            w.len = 0;
        w.outside = outside;
    }
    if (len >= REST_SIZE)
        return -ENAMETOOLONG;
    if (how == SHIM_VIEW_PARENT) {
        split = last_of(path, len);
        if (split == 0 && path[0] == '/') {
            /* only slashes: the root itself */
            if (at)
                *at = SHIM_VIEW_AT_ROOT;
            return walk_host(&w, host, size);
        }
    }
    memcpy(rest, path, split);
    rest[split] = '\0';
    ret = walk(&w, rest, how == SHIM_VIEW_FOLLOW, how == SHIM_VIEW_PARENT, &slash);
    if (ret < 0)
        return ret;
    n = walk_host(&w, host, size);
    if (n < 0)
        return n;
    if (mnt)
        *mnt = w.outside ? NULL : shim_mount_of(w.path, w.len);
    if (missing)
        *missing = w.missing;
    if (how == SHIM_VIEW_PARENT) {
        const char* last = path + split;
        size_t llen = len - split, name = comp_len(last);

        if (at && !w.outside && w.len + 1 + name < sizeof(w.path)) {
            w.path[w.len] = '/';
            memcpy(w.path + w.len + 1, last, name);
            if (shim_mount_point(w.path, w.len + 1 + name))
                *at = SHIM_VIEW_AT_MOUNT;
        }
        /* the host makes or removes the last name in the parent */
        if ((size_t)n + 1 + llen + 1 > size)
            return -ENAMETOOLONG;
        if (n > 1 || host[0] != '/')
            host[n++] = '/';
        memcpy(host + n, last, llen + 1);
        return 0;
    }
    if (slash && (size_t)n > 1) {
        /* the host checks that it is a directory */
        if ((size_t)n + 2 > size)
            return -ENAMETOOLONG;
        host[n++] = '/';
        host[n] = '\0';
    }
    return 0;
}

long shim_view_resolve(const char* start, const char* path, enum shim_view_how how, char* host,
                       size_t size, enum shim_view_at* at) {
    return shim_lookup(0, 0, start, false, path, how, host, size, at, NULL, NULL);
}

/*
 * shim_mount.c: the view's mount table (the guest root and the binds) and
 * the mapping of a resolved guest path to its host path and back.
 *
 * A guest path here is resolved: absolute, without "." or ".." or symbolic
 * links, "" for the root.  It lies in the bind whose guest path is its
 * longest prefix (component-wise), else in the root.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "shim_mount.h"

bool g_shim_view;

/* mount 0 is the root (guest ""), then the binds, longest guest path first */
static struct shim_mount* g_mounts;
static int g_nmounts;

/* "/a/b" of "/a/b/c" and "/a/b", not of "/a/bc" */
static bool is_prefix(const char* p, size_t plen, const char* s, size_t slen) {
    return slen >= plen && memcmp(p, s, plen) == 0 && (slen == plen || s[plen] == '/');
}

static int by_guest_len(const void* a, const void* b) {
    const struct shim_mount* x = a;
    const struct shim_mount* y = b;

    if (x->guest_len != y->guest_len)
        return x->guest_len > y->guest_len ? -1 : 1;
    /* the later bind of the same path hides the earlier: first in the table */
    return x->order > y->order ? -1 : 1;
}

static int mount_set(struct shim_mount* m, const char* host, const char* guest, int order) {
    /* "/" is the empty host prefix: "/" + "/etc" is "/etc" */
    m->host = strdup(strcmp(host, "/") ? host : "");
    m->guest = strdup(strcmp(guest, "/") ? guest : "");
    if (!m->host || !m->guest)
        return -ENOMEM;
    m->host_len = strlen(m->host);
    m->guest_len = strlen(m->guest);
    m->order = order;
    return 0;
}

int shim_view_init(const char* root, const struct shim_bind* binds, int nbinds) {
    g_mounts = calloc((size_t)nbinds + 1, sizeof(*g_mounts));
    if (!g_mounts)
        return -ENOMEM;
    if (mount_set(&g_mounts[0], root, "/", 0) < 0)
        return -ENOMEM;
    for (int i = 0; i < nbinds; i++)
        if (mount_set(&g_mounts[i + 1], binds[i].host, binds[i].guest, i + 1) < 0)
            return -ENOMEM;
    g_nmounts = nbinds + 1;
    qsort(g_mounts + 1, (size_t)nbinds, sizeof(*g_mounts), by_guest_len);
    g_shim_view = true;
    return 0;
}

const struct shim_mount* shim_mount_of(const char* guest, size_t len) {
    for (int i = 1; i < g_nmounts; i++)
        if (is_prefix(g_mounts[i].guest, g_mounts[i].guest_len, guest, len))
            return &g_mounts[i];
    return &g_mounts[0];
}

bool shim_mount_point(const char* guest, size_t len) {
    for (int i = 1; i < g_nmounts; i++)
        if (g_mounts[i].guest_len == len && !memcmp(g_mounts[i].guest, guest, len))
            return true;
    return false;
}

long shim_mount_host(const char* guest, size_t len, char* host, size_t size) {
    const struct shim_mount* m = shim_mount_of(guest, len);
    size_t rest = len - m->guest_len;
    size_t n = m->host_len + rest;

    if (n == 0) {
        /* the root of a view whose root is the host's */
        if (size < 2)
            return -ENAMETOOLONG;
        memcpy(host, "/", 2);
        return 1;
    }
    if (n + 1 > size)
        return -ENAMETOOLONG;
    memcpy(host, m->host, m->host_len);
    memcpy(host + m->host_len, guest + m->guest_len, rest);
    host[n] = '\0';
    return (long)n;
}

long shim_view_guest_path(const char* host, char* guest, size_t size) {
    const struct shim_mount* best = NULL;
    size_t len = strlen(host), rest, n;

    /* the mount whose host path is the longest prefix: a host directory
     * reachable from two mounts is named from the nearer one */
    for (int i = 0; i < g_nmounts; i++) {
        const struct shim_mount* m = &g_mounts[i];

        if (is_prefix(m->host, m->host_len, host, len) &&
            (!best || m->host_len > best->host_len))
            best = m;
    }
    if (!best)
        return -ENOENT;
    rest = len - best->host_len;
    n = best->guest_len + rest;
    if (n == 0) {
        if (size < 2)
            return -ENAMETOOLONG;
        memcpy(guest, "/", 2);
        return 1;
    }
    if (n + 1 > size)
        return -ENAMETOOLONG;
    memcpy(guest, best->guest, best->guest_len);
    memcpy(guest + best->guest_len, host + best->host_len, rest);
    guest[n] = '\0';
    return (long)n;
}

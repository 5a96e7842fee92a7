/*
 * pal_identity.c: what the host says about a traced thread's identity:
 * its credentials, umask and personality, whether its namespaces are
 * ptshim's, and its blocked and pending signals.  Read from /proc by the tracer;
 * the thread need not stop.
 *
 * /proc/TID/status names IDs as the reader's user namespace does: the
 * caller uses them only for a thread in ptshim's own (DkThreadGetNamespaces).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pal_host.h"

static FILE* open_proc(pid_t tid, const char* name) {
    char path[64];
    FILE* f;

    snprintf(path, sizeof(path), "/proc/%d/%s", tid, name);
    f = fopen(path, "re");
    if (!f && errno == ENOENT)
        errno = ESRCH;
    return f;
}

/* "Uid:\t1000\t1000\t1000\t1000": the four IDs */
static int parse_ids(const char* s, unsigned int v[4]) {
    for (int i = 0; i < 4; i++) {
        char* end;
        unsigned long n = strtoul(s, &end, 10);

        if (end == s)
            return -EIO;
        v[i] = (unsigned int)n;
        s = end;
    }
    return 0;
}

/* the credentials of the thread TID, as DkThreadGetIdentity() */
static long identity_of(pid_t tid, struct pal_identity* id, gid_t* groups, PAL_NUM max) {
    unsigned int uids[4], gids[4];
    char* line = NULL;
    size_t linecap = 0;
    int seen = 0;
    long ngroups = 0;
    FILE* f = open_proc(tid, "status");

    if (!f)
        return -errno;
    while (seen != 7 && getline(&line, &linecap, f) > 0) {
        if (!strncmp(line, "Uid:", 4)) {
            if (parse_ids(line + 4, uids) == 0)
                seen |= 1;
        } else if (!strncmp(line, "Gid:", 4)) {
            if (parse_ids(line + 4, gids) == 0)
                seen |= 2;
        } else if (!strncmp(line, "Groups:", 7)) {
            /* "Groups:\t4 24 27 \n", or "Groups:\t\n" without any */
            const char* s = line + 7;

            for (;;) {
                char* end;
                unsigned long g = strtoul(s, &end, 10);

                if (end == s)
                    break;
                if ((PAL_NUM)ngroups < max)
                    groups[ngroups] = (gid_t)g;
                ngroups++;
                s = end;
            }
            seen |= 4;
        }
    }
    free(line);
    fclose(f);
    if (seen != 7)
        return -EIO;
    id->uid = uids[0];
    id->euid = uids[1];
    id->suid = uids[2];
    id->fsuid = uids[3];
    id->gid = gids[0];
    id->egid = gids[1];
    id->sgid = gids[2];
    id->fsgid = gids[3];
    return ngroups;
}

long DkThreadGetIdentity(PAL_HANDLE t, struct pal_identity* id, gid_t* groups, PAL_NUM max) {
    return identity_of(t->tid, id, groups, max);
}

long DkTracerGetIdentity(struct pal_identity* id, gid_t* groups, PAL_NUM max) {
    return identity_of(getpid(), id, groups, max);
}

long DkThreadGetUmask(PAL_HANDLE t) {
    char line[128];
    long mask = -ENOENT;
    FILE* f = open_proc(t->tid, "status");

    if (!f)
        return -errno;
    while (fgets(line, sizeof(line), f)) {
        /* lines longer than the buffer (Groups:) come in pieces; none of
         * them starts with the name */
        if (!strncmp(line, "Umask:", 6)) {
            char* end;
            unsigned long v = strtoul(line + 6, &end, 8);

            if (end != line + 6)
                mask = (long)(v & 0777);
            break;
        }
    }
    fclose(f);
    return mask;
}

/* "SigBlk:\t0000000000010000": the set, 1 when NAME is the line's */
static int parse_sigset(const char* line, const char* name, uint64_t* set) {
    size_t n = strlen(name);
    char* end;

    if (strncmp(line, name, n) != 0)
        return 0;
    *set = strtoull(line + n, &end, 16);
    return end != line + n ? 1 : -EIO;
}

int DkThreadGetSignals(PAL_HANDLE t, uint64_t* blocked, uint64_t* pending) {
    char line[128];
    uint64_t blk = 0, pnd = 0, shd = 0;
    int found = 0, ret = 0;
    FILE* f = open_proc(t->tid, "status");

    if (!f)
        return -errno;
    while (ret >= 0 && found < 3 && fgets(line, sizeof(line), f)) {
        if ((ret = parse_sigset(line, "SigPnd:", &pnd)) == 0 &&
            (ret = parse_sigset(line, "ShdPnd:", &shd)) == 0)
            ret = parse_sigset(line, "SigBlk:", &blk);
        found += ret > 0;
    }
    fclose(f);
    if (ret < 0 || found < 3)
        return -EIO;
    *blocked = blk;
    *pending = pnd | shd;
    return 0;
}

long DkThreadGetPersonality(PAL_HANDLE t) {
    unsigned int v;
    long ret;
    FILE* f = open_proc(t->tid, "personality");

    if (!f)
        return -errno;
    ret = fscanf(f, "%x", &v) == 1 ? (long)v : -EIO;
    fclose(f);
    return ret;
}

static const struct {
    const char* name;
    PAL_FLG flag;
} g_ns[] = {
    {"ns/user", PAL_NS_USER},
    {"ns/uts", PAL_NS_UTS},
    {"ns/time", PAL_NS_TIME},
    {"ns/time_for_children", PAL_NS_TIME_FOR_CHILDREN},
    {"ns/pid", PAL_NS_PID},
    {"ns/pid_for_children", PAL_NS_PID_FOR_CHILDREN},
};

int DkThreadGetNamespaces(PAL_HANDLE t, PAL_FLG* foreign) {
    /* ptshim's own, which never change */
    static struct stat own[sizeof(g_ns) / sizeof(g_ns[0])];
    static bool own_absent[sizeof(g_ns) / sizeof(g_ns[0])];
    static bool own_read;
    char path[64];
    PAL_FLG set = 0;

    if (!own_read) {
        for (size_t i = 0; i < sizeof(g_ns) / sizeof(g_ns[0]); i++) {
            snprintf(path, sizeof(path), "/proc/self/%s", g_ns[i].name);
            if (stat(path, &own[i]) < 0) {
                if (errno != ENOENT)
                    return -errno;
                own_absent[i] = true;
            }
        }
        own_read = true;
    }
    for (size_t i = 0; i < sizeof(g_ns) / sizeof(g_ns[0]); i++) {
        struct stat st;

        if (own_absent[i])
            continue; /* not a namespace of this host */
        snprintf(path, sizeof(path), "/proc/%d/%s", t->tid, g_ns[i].name);
        if (stat(path, &st) < 0)
            return errno == ENOENT ? -ESRCH : -errno;
        if (st.st_dev != own[i].st_dev || st.st_ino != own[i].st_ino)
            set |= g_ns[i].flag;
    }
    *foreign = set;
    return 0;
}

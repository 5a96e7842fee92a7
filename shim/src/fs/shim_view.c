/*
 * shim_view.c: the view at the dispatcher, before any shim_do_ runs or the
 * host runs the call, so that it covers a call whoever answers it.
 *
 * A call whose row in syscalls.tbl has a path or a dirfd argument is
 * either translated here (its paths resolved in the view, the host paths
 * written below the calling thread's stack, where the ABI's red zone
 * ends, and the call's arguments pointed at them: the kernel never reads
 * the program's own copy, which the shim read once) or refused with
 * ENOSYS and a message, once per call: fail closed.  The list of such
 * rows is the table's; the calls translated are named below.  getcwd and
 * readlink(at) have their results translated back to guest paths.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pal_log.h"
#include "shim.h"
#include "shim_handle.h"
#include "shim_identity.h"
#include "shim_internal.h"
#include "shim_mount.h"
#include "shim_thread.h"
#include "shim_view_call.h"

/* how the kernel spells them, for calls whose flags say how to look up */
#define V_AT_SYMLINK_NOFOLLOW 0x100
#define V_AT_SYMLINK_FOLLOW   0x400
#define V_AT_EMPTY_PATH       0x1000
#define V_IN_DONT_FOLLOW      0x02000000

#define RED_ZONE SHIM_VIEW_RED_ZONE

/* The calls translated; every other row with a path or a dirfd fails
 * closed, as do these, whose paths or operations the table does not show
 * (a file handle, a file system's configuration, io_uring's operations). */
static const unsigned short g_translated[] = {
    PTSHIM_NR_open,        PTSHIM_NR_openat,       PTSHIM_NR_creat,      PTSHIM_NR_stat,
    PTSHIM_NR_lstat,       PTSHIM_NR_newfstatat,   PTSHIM_NR_statx,      PTSHIM_NR_statfs,
    PTSHIM_NR_access,      PTSHIM_NR_faccessat,    PTSHIM_NR_faccessat2, PTSHIM_NR_execve,
    PTSHIM_NR_truncate,    PTSHIM_NR_chdir,        PTSHIM_NR_chmod,      PTSHIM_NR_fchmodat,
    PTSHIM_NR_fchmodat2,   PTSHIM_NR_chown,        PTSHIM_NR_lchown,     PTSHIM_NR_fchownat,
    PTSHIM_NR_utime,       PTSHIM_NR_utimes,       PTSHIM_NR_futimesat,  PTSHIM_NR_utimensat,
    PTSHIM_NR_mkdir,       PTSHIM_NR_mkdirat,      PTSHIM_NR_rmdir,      PTSHIM_NR_unlink,
    PTSHIM_NR_unlinkat,    PTSHIM_NR_mknod,        PTSHIM_NR_mknodat,    PTSHIM_NR_rename,
    PTSHIM_NR_renameat,    PTSHIM_NR_renameat2,    PTSHIM_NR_link,       PTSHIM_NR_linkat,
    PTSHIM_NR_symlink,     PTSHIM_NR_symlinkat,    PTSHIM_NR_readlink,   PTSHIM_NR_readlinkat,
    PTSHIM_NR_getxattr,    PTSHIM_NR_lgetxattr,    PTSHIM_NR_setxattr,   PTSHIM_NR_lsetxattr,
    PTSHIM_NR_listxattr,   PTSHIM_NR_llistxattr,   PTSHIM_NR_removexattr,
    PTSHIM_NR_lremovexattr, PTSHIM_NR_inotify_add_watch, PTSHIM_NR_acct, PTSHIM_NR_getcwd,
};
static const unsigned short g_refused[] = {
    PTSHIM_NR_io_uring_setup, PTSHIM_NR_open_by_handle_at, PTSHIM_NR_fsopen,
    PTSHIM_NR_fsconfig,       PTSHIM_NR_fsmount,
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static uint8_t g_kind[PTSHIM_NSYSCALLS];
static bool g_kind_set;
/* the calls reported, one bit per number; numbers past the last bit
 * (unknown ones) share it */
#define REPORTED_BITS 1024
_Static_assert(PTSHIM_NSYSCALLS < REPORTED_BITS, "a bit per call of the table");
static uint64_t g_reported[REPORTED_BITS / 64];

static void kinds_set(void) {
    for (size_t nr = 0; nr < PTSHIM_NSYSCALLS; nr++) {
        const struct sysent* s = &ptshim_sysent[nr];

        g_kind[nr] = SHIM_VIEW_UNTOUCHED;
        for (int i = 0; s->name && i < 6; i++)
            if (s->args[i].type == SD_T_PATH || s->args[i].type == SD_T_DIRFD)
                g_kind[nr] = SHIM_VIEW_REFUSED;
    }
    for (size_t i = 0; i < N_OF(g_refused); i++)
        g_kind[g_refused[i]] = SHIM_VIEW_REFUSED;
    for (size_t i = 0; i < N_OF(g_translated); i++)
        g_kind[g_translated[i]] = SHIM_VIEW_TRANSLATED;
    g_kind_set = true;
}

enum shim_view_kind shim_view_kind(PAL_NUM sysno) {
    if (!g_kind_set)
        kinds_set();
    /* a number the table lacks: a call newer than it, which may take a path */
    if (sysno >= PTSHIM_NSYSCALLS || !ptshim_sysent[sysno].name)
        return SHIM_VIEW_REFUSED;
    return (enum shim_view_kind)g_kind[sysno];
}

/* A path argument of a call: which, its dirfd's (-1: AT_FDCWD), how its
 * last component is looked up, and when the host takes it as it is. */
struct vpath {
    int arg, dirfd;
    enum shim_view_how how;
    bool empty_ok; /* AT_EMPTY_PATH: "" is the dirfd itself */
    bool null_ok;  /* NULL is the dirfd itself (utimensat, futimesat) */
    const struct shim_mount* mnt; /* resolved: its mount (parent's) */
    bool missing;                 /* resolved: no file at the last component */
};

static int one(struct vpath* v, int arg, int dirfd, enum shim_view_how how) {
    v[0] = (struct vpath){.arg = arg, .dirfd = dirfd, .how = how};
    return 1;
}

static int two(struct vpath* v, int a0, int d0, enum shim_view_how h0, int a1, int d1,
               enum shim_view_how h1) {
    one(&v[0], a0, d0, h0);
    one(&v[1], a1, d1, h1);
    return 2;
}

/* an *at call's flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH */
static int at_flags(struct vpath* v, int arg, int dirfd, PAL_NUM flags) {
    one(v, arg, dirfd, (flags & V_AT_SYMLINK_NOFOLLOW) ? SHIM_VIEW_NOFOLLOW : SHIM_VIEW_FOLLOW);
    v->empty_ok = flags & V_AT_EMPTY_PATH;
    return 1;
}

/* open's: the last component is not followed with O_NOFOLLOW, nor with
 * O_CREAT|O_EXCL (an existing link is EEXIST) */
static enum shim_view_how open_how(PAL_NUM flags) {
    if ((flags & O_NOFOLLOW) || (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
        return SHIM_VIEW_NOFOLLOW;
    return SHIM_VIEW_FOLLOW;
}

/* The path arguments of call NR with arguments A into V: how many. */
static int path_args(PAL_NUM nr, const PAL_NUM* a, struct vpath* v) {
    const enum shim_view_how F = SHIM_VIEW_FOLLOW, N = SHIM_VIEW_NOFOLLOW, P = SHIM_VIEW_PARENT;

    switch (nr) {
    case PTSHIM_NR_open:
        return one(v, 0, -1, open_how(a[1]));
    case PTSHIM_NR_openat:
        return one(v, 1, 0, open_how(a[2]));
    case PTSHIM_NR_creat:
    case PTSHIM_NR_stat:
    case PTSHIM_NR_statfs:
    case PTSHIM_NR_access:
    case PTSHIM_NR_execve:
    case PTSHIM_NR_truncate:
    case PTSHIM_NR_chdir:
    case PTSHIM_NR_chmod:
    case PTSHIM_NR_chown:
    case PTSHIM_NR_utime:
    case PTSHIM_NR_utimes:
    case PTSHIM_NR_getxattr:
    case PTSHIM_NR_setxattr:
    case PTSHIM_NR_listxattr:
    case PTSHIM_NR_removexattr:
        return one(v, 0, -1, F);
    case PTSHIM_NR_acct:
        one(v, 0, -1, F);
        v->null_ok = true; /* acct(NULL) turns accounting off */
        return 1;
    case PTSHIM_NR_lstat:
    case PTSHIM_NR_lchown:
    case PTSHIM_NR_readlink:
    case PTSHIM_NR_lgetxattr:
    case PTSHIM_NR_lsetxattr:
    case PTSHIM_NR_llistxattr:
    case PTSHIM_NR_lremovexattr:
        return one(v, 0, -1, N);
    case PTSHIM_NR_readlinkat:
        one(v, 1, 0, N);
        v->empty_ok = true; /* the link the descriptor is */
        return 1;
    case PTSHIM_NR_faccessat:
    case PTSHIM_NR_fchmodat:
        return one(v, 1, 0, F);
    case PTSHIM_NR_futimesat:
        one(v, 1, 0, F);
        v->null_ok = true;
        return 1;
    case PTSHIM_NR_newfstatat:
    case PTSHIM_NR_utimensat:
    case PTSHIM_NR_faccessat2:
    case PTSHIM_NR_fchmodat2:
        at_flags(v, 1, 0, a[3]);
        v->null_ok = nr == PTSHIM_NR_utimensat ||
                     (v->empty_ok && nr == PTSHIM_NR_newfstatat); /* since 6.11 */
        return 1;
    case PTSHIM_NR_fchownat:
        return at_flags(v, 1, 0, a[4]);
    case PTSHIM_NR_statx:
        at_flags(v, 1, 0, a[2]);
        v->null_ok = v->empty_ok;
        return 1;
    case PTSHIM_NR_inotify_add_watch:
        return one(v, 1, -1, (a[2] & V_IN_DONT_FOLLOW) ? N : F);
    case PTSHIM_NR_mkdir:
    case PTSHIM_NR_rmdir:
    case PTSHIM_NR_unlink:
    case PTSHIM_NR_mknod:
        return one(v, 0, -1, P);
    case PTSHIM_NR_mkdirat:
    case PTSHIM_NR_unlinkat:
    case PTSHIM_NR_mknodat:
        return one(v, 1, 0, P);
    case PTSHIM_NR_rename:
        return two(v, 0, -1, P, 1, -1, P);
    case PTSHIM_NR_renameat:
    case PTSHIM_NR_renameat2:
        return two(v, 1, 0, P, 3, 2, P);
    case PTSHIM_NR_link:
        return two(v, 0, -1, N, 1, -1, P);
    case PTSHIM_NR_linkat:
        two(v, 1, 0, (a[4] & V_AT_SYMLINK_FOLLOW) ? F : N, 3, 2, P);
        v[0].empty_ok = a[4] & V_AT_EMPTY_PATH;
        return 2;
    /* the link's content is stored as it is: only its name is a path */
    case PTSHIM_NR_symlink:
        return one(v, 1, -1, P);
    case PTSHIM_NR_symlinkat:
        return one(v, 2, 1, P);
    default:
        return 0;
    }
}

unsigned int shim_view_path_mask(PAL_NUM sysno) {
    const PAL_NUM none[PAL_SYSCALL_ARGS] = {0};
    struct vpath v[2];
    unsigned int mask = 0;
    int n;

    if (sysno == PTSHIM_NR_getcwd || shim_view_kind(sysno) != SHIM_VIEW_TRANSLATED)
        return 0;
    n = path_args(sysno, none, v);
    for (int i = 0; i < n; i++)
        mask |= 1U << v[i].arg;
    return mask;
}

/* What the kernel answers for a name that is the root or a mount point,
 * which the host would make or remove in the directory beneath. */
static long parent_error(PAL_NUM nr, enum shim_view_at at) {
    switch (nr) {
    case PTSHIM_NR_unlink:
    case PTSHIM_NR_unlinkat:
        /* unlinkat(AT_REMOVEDIR) of the root: rmdir's */
        if (at == SHIM_VIEW_AT_ROOT && !(nr == PTSHIM_NR_unlinkat &&
                                         (shim_cur_thread()->args[2] & 0x200)))
            return -EISDIR;
        return -EBUSY;
    case PTSHIM_NR_rmdir:
    case PTSHIM_NR_rename:
    case PTSHIM_NR_renameat:
    case PTSHIM_NR_renameat2:
        return -EBUSY;
    default: /* made: it exists */
        return -EEXIST;
    }
}

long shim_view_start_dir(struct shim_thread* t, PAL_NUM dirfd, char* guest, bool* outside) {
    char host[PATH_MAX + 1];
    static const char deleted[] = " (deleted)";
    size_t dl = sizeof(deleted) - 1;
    long n;

    if (dirfd == (PAL_NUM)(unsigned)AT_FDCWD || (int)dirfd == AT_FDCWD) {
        n = DkThreadGetCwd(t->pal, host, PATH_MAX);
    } else {
        if ((int)dirfd < 0)
            return -EBADF;
        n = shim_fd_name(t->pal, (int)dirfd, host, PATH_MAX);
    }
    if (n < 0)
        return n;
    if (n >= PATH_MAX)
        return -ENAMETOOLONG;
    host[n] = '\0';
    if (host[0] != '/')
        return -ENOTDIR; /* a pipe, a socket, an anonymous inode */
    if ((size_t)n > dl && !strcmp(host + n - dl, deleted))
        return -ENOENT;
    n = shim_view_guest_path(host, guest, PATH_MAX);
    *outside = n == -ENOENT;
    if (*outside)
        memcpy(guest, host, strlen(host) + 1);
    else if (n < 0)
        return n;
    return 0;
}

/* Resolve PATH, the name of V in the call of T (read already, not empty),
 * into HOST (SIZE bytes): 0 or -errno. */
static long resolve(struct shim_thread* t, struct vpath* v, const char* path, char* host,
                    size_t size) {
    char start[PATH_MAX];
    enum shim_view_at at;
    bool outside = false;
    long n;

    if (path[0] != '/') {
        n = shim_view_start_dir(t, v->dirfd < 0 ? (PAL_NUM)(unsigned)AT_FDCWD : t->args[v->dirfd],
                                start, &outside);
        if (n < 0)
            return n;
    }
    n = shim_lookup(DkThreadGetProcessId(t->pal), t->tid, path[0] != '/' ? start : NULL,
                    outside, path, v->how, host, size, &at, &v->mnt, &v->missing);
    if (n < 0)
        return n;
    if (at != SHIM_VIEW_AT_FILE)
        return parent_error(t->sysno, at);
    return 0;
}

long shim_view_host_path(struct shim_thread* t, const char* path, enum shim_view_how how,
                         char* host, size_t size) {
    struct vpath v = {.arg = -1, .dirfd = -1, .how = how};

    return resolve(t, &v, path, host, size);
}

void shim_view_refused(PAL_NUM sysno) {
    const char* name = sysno < PTSHIM_NSYSCALLS ? ptshim_sysent[sysno].name : NULL;
    PAL_NUM b = sysno < REPORTED_BITS ? sysno : REPORTED_BITS - 1;
    uint64_t bit = 1ULL << (b % 64);

    if (g_reported[b / 64] & bit)
        return;
    g_reported[b / 64] |= bit;
    DkLog(PAL_LOG_ERROR, __FILE__, __LINE__, __func__,
          "view: %s (%lu) is not translated in a file-system view; returned ENOSYS",
          name ? name : "unknown system call", (unsigned long)sysno);
}

/* getcwd: the guest's name of the host's current directory */
static long view_getcwd(struct shim_thread* t) {
    char host[PATH_MAX + 1], guest[PATH_MAX + 16];
    static const char deleted[] = " (deleted)";
    size_t dl = sizeof(deleted) - 1;
    long n = DkThreadGetCwd(t->pal, host, PATH_MAX);

    if (n < 0)
        return n;
    host[n] = '\0';
    if ((size_t)n > dl && !strcmp(host + n - dl, deleted))
        return -ENOENT;
    n = shim_view_guest_path(host, guest, PATH_MAX);
    if (n == -ENOENT) /* the kernel's name of a directory outside the root */
        n = snprintf(guest, sizeof(guest), "(unreachable)%s", host);
    if (n < 0 || n >= PATH_MAX)
        return -ENAMETOOLONG;
    if ((unsigned long)n + 1 > t->args[1])
        return -ERANGE;
    if (copy_to_user(t->args[0], guest, (size_t)n + 1) < 0)
        return -EFAULT;
    return n + 1;
}

/* getcwd judged by the program's filters: the host's answer, named in
 * the view */
static long filtered_getcwd(struct shim_thread* t) {
    char host[PATH_MAX + 1], guest[PATH_MAX];
    long n = shim_host_call_self(), g;

    if (n <= 0 || n > PATH_MAX || copy_from_user(host, t->args[0], (size_t)n) < 0)
        return n;
    host[n - 1] = '\0';
    g = shim_view_guest_path(host, guest, sizeof(guest));
    if (g < 0)
        return n; /* outside the view: the host's name, as a chroot's */
    if (copy_to_user(t->args[0], guest, (size_t)g + 1) < 0)
        return -EFAULT;
    return g + 1;
}

/* readlink, readlinkat: the host's link read into a buffer below the
 * stack, whose content, for the host's /proc (exe, cwd, root, fd/N), is a
 * host path to name in the guest */
static long view_readlink(struct shim_thread* t, const char* host, bool translated) {
    bool at = t->sysno == PTSHIM_NR_readlinkat;
    uptr buf = t->args[at ? 2 : 1];
    int bufsiz = (int)t->args[at ? 3 : 2];
    size_t hlen = translated ? strlen(host) + 1 : 0;
    uptr scratch = (t->sp - RED_ZONE - hlen - PATH_MAX) & ~(uptr)15;
    char link[PATH_MAX + 1], guest[PATH_MAX];
    long n;

    if (translated) {
        if (copy_to_user(scratch + PATH_MAX, host, hlen) < 0)
            return -ENOMEM;
        n = shim_host_call4(PTSHIM_NR_readlinkat, AT_FDCWD, scratch + PATH_MAX, scratch, PATH_MAX);
    } else {
        n = shim_host_call4(PTSHIM_NR_readlinkat, t->args[0], t->args[1], scratch, PATH_MAX);
    }
    if (n < 0)
        return n;
    if (copy_from_user(link, scratch, (size_t)n) < 0)
        return -EFAULT;
    link[n] = '\0';
    if (translated && !strncmp(host, "/proc/", 6) && link[0] == '/') {
        long g = shim_view_guest_path(link, guest, sizeof(guest));

        if (g >= 0) {
            memcpy(link, guest, (size_t)g + 1);
            n = g;
        }
    }
    if (n > bufsiz)
        n = bufsiz;
    if (copy_to_user(buf, link, (size_t)n) < 0)
        return -EFAULT;
    return n;
}

/* Whether the host judges the tracer's own lookups as it would T's: the
 * same file-system user and group IDs and supplementary groups (the
 * tracer's, read once, never change). */
#define MAX_TRACER_GROUPS 64
static bool judged_alike(struct shim_thread* t) {
    static struct pal_identity me;
    static gid_t groups[MAX_TRACER_GROUPS];
    static long ngroups = -1;
    static bool unknown;
    const struct shim_cred* c;

    if (ngroups < 0 && !unknown) {
        ngroups = DkTracerGetIdentity(&me, groups, MAX_TRACER_GROUPS);
        unknown = ngroups < 0 || ngroups > MAX_TRACER_GROUPS;
    }
    c = unknown ? NULL : shim_thread_cred(t);
    return c && c->fsuid == me.fsuid && c->fsgid == me.fsgid && c->ngroups == ngroups &&
           !memcmp(c->groups, groups, (size_t)ngroups * sizeof(groups[0]));
}

/* stat, lstat, newfstatat of HOST, which the tracer may look up itself
 * (judged alike, not in the host's /proc, whose files depend on who reads
 * them): the struct stat written to the program, one stop in all */
static bool tracer_stats(struct shim_thread* t, const char* host, const struct vpath* v,
                         long* result) {
    struct stat st;
    uptr buf;
    int r;

    switch (t->sysno) {
    case PTSHIM_NR_stat:
    case PTSHIM_NR_lstat:
        buf = t->args[1];
        break;
    case PTSHIM_NR_newfstatat:
        buf = t->args[2];
        break;
    default:
        return false;
    }
    if (!strncmp(host, "/proc/", 6) || !judged_alike(t))
        return false;
    r = DkFileStat(host, v->how == SHIM_VIEW_NOFOLLOW, &st);
    if (r == 0 && copy_to_user(buf, &st, sizeof(st)) < 0)
        r = -EFAULT;
    *result = r;
    return true;
}

/* Whether T's call only looks its path up, so that a missing file is its
 * answer: no file made, no other error to come before (open's flags are
 * checked before its lookup, and with neither O_CREAT nor O_TMPFILE
 * none is an error). */
static bool lookup_only(const struct shim_thread* t) {
    const PAL_NUM make = O_CREAT | (O_TMPFILE & ~O_DIRECTORY);

    switch (t->sysno) {
    case PTSHIM_NR_stat:
    case PTSHIM_NR_chdir:
    case PTSHIM_NR_newfstatat: /* its flags checked already */
        return true;
    case PTSHIM_NR_access: /* a bad mode is EINVAL first */
        return !(t->args[1] & ~(PAL_NUM)7);
    case PTSHIM_NR_faccessat:
        return !(t->args[2] & ~(PAL_NUM)7);
    case PTSHIM_NR_open:
        return !(t->args[1] & make);
    case PTSHIM_NR_openat:
        return !(t->args[2] & make);
    default:
        return false;
    }
}

/* what vfs_statx() accepts, which it checks before the lookup */
#define V_STAT_AT_FLAGS (V_AT_SYMLINK_NOFOLLOW | 0x800 /* AT_NO_AUTOMOUNT */ | V_AT_EMPTY_PATH | \
                         0x6000 /* AT_STATX_SYNC_TYPE */)

/* The errors the kernel finds in T's flags or mode before it looks the
 * path up (EINVAL), which a failing lookup in the view must not hide. */
static long flags_error(const struct shim_thread* t) {
    const PAL_NUM* a = t->args;
    const PAL_NUM at_empty_nofollow = V_AT_SYMLINK_NOFOLLOW | V_AT_EMPTY_PATH;
    bool bad;

    switch (t->sysno) {
    case PTSHIM_NR_access:
        bad = a[1] & ~(PAL_NUM)7;
        break;
    case PTSHIM_NR_faccessat:
        bad = a[2] & ~(PAL_NUM)7;
        break;
    case PTSHIM_NR_faccessat2:
        bad = (a[2] & ~(PAL_NUM)7) || (a[3] & ~(PAL_NUM)(0x200 /* AT_EACCESS */ | at_empty_nofollow));
        break;
    case PTSHIM_NR_unlinkat:
        bad = a[2] & ~(PAL_NUM)0x200; /* AT_REMOVEDIR */
        break;
    case PTSHIM_NR_linkat:
        bad = a[4] & ~(PAL_NUM)(V_AT_SYMLINK_FOLLOW | V_AT_EMPTY_PATH);
        break;
    case PTSHIM_NR_renameat2:
        /* RENAME_NOREPLACE 1, RENAME_EXCHANGE 2, RENAME_WHITEOUT 4 */
        bad = (a[4] & ~(PAL_NUM)7) || ((a[4] & 2) && (a[4] & 5));
        break;
    case PTSHIM_NR_fchownat:
        bad = a[4] & ~at_empty_nofollow;
        break;
    case PTSHIM_NR_utimensat:
    case PTSHIM_NR_fchmodat2:
        bad = a[3] & ~at_empty_nofollow;
        break;
    case PTSHIM_NR_newfstatat:
        bad = a[3] & ~(PAL_NUM)V_STAT_AT_FLAGS;
        break;
    case PTSHIM_NR_statx:
        bad = (a[2] & ~(PAL_NUM)V_STAT_AT_FLAGS) || (a[2] & 0x6000) == 0x6000 ||
              (a[3] & 0x80000000U /* STATX__RESERVED */);
        break;
    default:
        bad = false;
    }
    return bad ? -EINVAL : 0;
}

enum shim_view_step shim_view_call(struct shim_thread* t, long* result) {
    char host[2][2 * PATH_MAX], name[2][PATH_MAX];
    struct vpath v[2];
    long done[2] = {0, 0};
    size_t len[2] = {0, 0}, total = 0;
    uptr at;
    int n;

    switch (shim_view_kind(t->sysno)) {
    case SHIM_VIEW_UNTOUCHED:
        /* a Unix socket's path is in a socket address */
        return shim_view_sockaddr(t, result);
    case SHIM_VIEW_REFUSED:
        shim_view_refused(t->sysno);
        *result = -ENOSYS;
        return SHIM_VIEW_FAILED_CLOSED;
    case SHIM_VIEW_TRANSLATED:
        break;
    }
    if (t->sysno == PTSHIM_NR_getcwd) {
        *result = t->view_filtered ? filtered_getcwd(t) : view_getcwd(t);
        return SHIM_VIEW_ANSWERED;
    }
    /* do_readlinkat() refuses the size before it reads the name */
    if ((t->sysno == PTSHIM_NR_readlink && (int)t->args[2] <= 0) ||
        (t->sysno == PTSHIM_NR_readlinkat && (int)t->args[3] <= 0)) {
        *result = -EINVAL;
        return SHIM_VIEW_ANSWERED;
    }
    n = path_args(t->sysno, t->args, v);
    /* the names are read in the kernel's order, then looked up */
    for (int i = 0; i < n; i++) {
        uptr user = t->args[v[i].arg];
        long r;

        /* NULL or "" meaning the dirfd: the host takes it as it is */
        done[i] = -1;
        if (!user && v[i].null_ok)
            continue;
        r = copy_str_from_user(name[i], user, sizeof(name[i]));
        if (r < 0 || (r == 0 && !v[i].empty_ok)) {
            *result = r < 0 ? r : -ENOENT;
            return SHIM_VIEW_ANSWERED;
        }
        if (r > 0)
            done[i] = 0;
    }
    *result = flags_error(t);
    if (*result < 0)
        return SHIM_VIEW_ANSWERED;
    for (int i = 0; i < n; i++) {
        long r;

        if (done[i] < 0)
            continue;
        r = resolve(t, &v[i], name[i], host[i], sizeof(host[i]));
        if (r < 0) {
            *result = r;
            return SHIM_VIEW_ANSWERED;
        }
        done[i] = 1;
        len[i] = strlen(host[i]) + 1;
        total += len[i];
        /* rename and link stay in one mount (do_renameat2, do_linkat) */
        if (i == 1 && done[0] > 0 && v[0].mnt != v[1].mnt) {
            *result = -EXDEV;
            return SHIM_VIEW_ANSWERED;
        }
    }
    if (t->sysno == PTSHIM_NR_readlink || t->sysno == PTSHIM_NR_readlinkat) {
        *result = view_readlink(t, host[0], done[0] > 0);
        return SHIM_VIEW_ANSWERED;
    }
    if (total == 0)
        return SHIM_VIEW_GO_ON;
    if (t->sysno == PTSHIM_NR_execve && done[0] > 0) {
        long r;

        memcpy(t->view_args, t->args, sizeof(t->view_args));
        r = shim_view_exec(t, host[0], name[0]);
        if (r < 0) {
            *result = r;
            return SHIM_VIEW_ANSWERED;
        }
        if (r > 0) {
            t->args = t->view_args;
            t->view_changed = true;
            return SHIM_VIEW_GO_ON;
        }
    }
    if (done[0] > 0 && v[0].missing && lookup_only(t) && !t->view_filtered) {
        *result = -ENOENT; /* the host would find nothing either */
        return SHIM_VIEW_ANSWERED;
    }
    if (done[0] > 0 && !t->view_filtered && tracer_stats(t, host[0], &v[0], result))
        return SHIM_VIEW_ANSWERED;
    /* the host paths, below the red zone of the thread's stack */
    at = (t->sp - RED_ZONE - total) & ~(uptr)15;
    memcpy(t->view_args, t->args, sizeof(t->view_args));
    for (int i = 0; i < n; i++) {
        if (done[i] <= 0)
            continue;
        if (copy_to_user(at, host[i], len[i]) < 0) {
            /* no stack to write on: nothing reaches the host untranslated */
            *result = -ENOMEM;
            return SHIM_VIEW_ANSWERED;
        }
        t->view_args[v[i].arg] = at;
        /* an absolute path: the dirfd no longer counts */
        at += len[i];
    }
    t->args = t->view_args;
    t->view_changed = true;
    return SHIM_VIEW_GO_ON;
}

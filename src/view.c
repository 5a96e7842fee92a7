/*
 * view.c: -r, -R, -b and -w: the paths of the command line made into the
 * shim's mount table, the starting directory and the program's file.
 *
 * The host side of a bind and the root are taken without their symbolic
 * links (as mount(8) --bind takes its source); the guest side is an
 * absolute path taken as written ("." and ".." removed).  -R adds, before
 * the -b binds, those of ROOTFS_BINDS that exist on the host.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "die.h"
#include "options.h"
#include "pal.h"
#include "shim_view.h"
#include "view.h"

static const char* const ROOTFS_BINDS[] = {
    "/dev", "/proc", "/sys", "/tmp", "/run", "/etc/resolv.conf", "/etc/hosts",
};

#define N_ROOTFS_BINDS (sizeof(ROOTFS_BINDS) / sizeof(ROOTFS_BINDS[0]))

/* PATH (absolute) without "." and ".." or repeated slashes, into OUT */
static void normalize(const char* path, char* out, size_t size) {
    size_t n = 0;

    while (*path) {
        size_t len;

        while (*path == '/')
            path++;
        len = strcspn(path, "/");
        if (len == 0)
            break;
        if (len == 1 && path[0] == '.') {
            /* nothing */
        } else if (len == 2 && path[0] == '.' && path[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
        } else if (n + 1 + len < size) {
            out[n++] = '/';
            memcpy(out + n, path, len);
            n += len;
        }
        path += len;
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
}

/* -b HOST[:GUEST] into *B; false when HOST is not there (QUIET: not said) */
static bool bind_arg(const char* arg, struct shim_bind* b, bool quiet) {
    const char* colon = strchr(arg, ':');
    char host[PATH_MAX], guest[PATH_MAX], *real;
    size_t hl = colon ? (size_t)(colon - arg) : strlen(arg);

    if (hl == 0 || hl >= sizeof(host))
        die("invalid -b argument: '%s'", arg);
    memcpy(host, arg, hl);
    host[hl] = '\0';
    real = realpath(host, NULL);
    if (!real) {
        if (quiet)
            return false;
        die("cannot bind '%s': %s", host, strerror(errno));
    }
    if (colon && colon[1] != '/')
        die("invalid -b argument: '%s': the guest path must be absolute", arg);
    /* GUEST defaults to HOST as given, made absolute */
    if (colon)
        normalize(colon + 1, guest, sizeof(guest));
    else if (host[0] == '/')
        normalize(host, guest, sizeof(guest));
    else
        normalize(real, guest, sizeof(guest));
    b->host = real;
    b->guest = strdup(guest);
    if (!b->guest)
        die("out of memory");
    return true;
}

/* the program's file: argv[0] as execvp finds it, in the view's PATH,
 * into HOST (its name in the view into GUEST); false when none is there */
static bool program_file(const char* arg0, const char* wd, char* host, char* guest) {
    const char* path = getenv("PATH");
    bool found = false;

    if (strchr(arg0, '/')) {
        strlcpy(guest, arg0, PATH_MAX);
        return shim_view_resolve(wd, arg0, SHIM_VIEW_FOLLOW, host, 2 * PATH_MAX, NULL) == 0;
    }
    if (!path)
        path = "/usr/local/bin:/bin:/usr/bin";
    while (*path) {
        size_t len = strcspn(path, ":");
        char h[2 * PATH_MAX], g[PATH_MAX];

        if ((size_t)snprintf(g, sizeof(g), "%.*s%s%s", (int)len, path, len ? "/" : "", arg0) <
                sizeof(g) &&
            shim_view_resolve(wd, g, SHIM_VIEW_FOLLOW, h, sizeof(h), NULL) == 0) {
            if (access(h, X_OK) == 0) {
                strlcpy(host, h, 2 * PATH_MAX);
                strlcpy(guest, g, PATH_MAX);
                return true;
            }
            /* not executable: exec's EACCES, unless one further on is */
            if (!found && access(h, F_OK) == 0) {
                strlcpy(host, h, 2 * PATH_MAX);
                strlcpy(guest, g, PATH_MAX);
                found = true;
            }
        }
        path += len;
        if (*path == ':')
            path++;
    }
    return found;
}

/* the script's interpreters are found in the view: for this process,
 * which becomes the program, the host judges as it will the program */
static int may_exec(void* ctx, const struct stat* st) {
    (void)st;
    return access(ctx, X_OK) == 0;
}

static long start_dir(void* ctx, char* guest, bool* outside) {
    (void)ctx;
    *outside = false;
    return getcwd(guest, PATH_MAX) && shim_view_guest_path(guest, guest, PATH_MAX) >= 0
               ? 0
               : -ENOENT;
}

/* A script as the program: its interpreter, found in the view, runs with
 * the kernel's arguments (see fs/shim_exec_view.c) */
static char** script_argv(char** argv, char* host, const char* guest) {
    static struct shim_view_level levels[SHIM_VIEW_MAX_DEPTH];
    const struct shim_view_script_ops ops = {may_exec, start_dir, getpid(), getpid()};
    char last[2 * PATH_MAX];
    long depth = shim_view_script(host, levels, &ops, host, last, sizeof(last));
    size_t argc = 0, n = 0;
    char** nargv;

    if (depth < 0) {
        /* as exec's failure: _exit, as tracer.c's not_started() */
        log_error("cannot run '%s': %s", argv[0], strerror((int)-depth));
        _exit(depth == -ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_EXECUTE);
    }
    if (depth == 0)
        return argv;
    while (argv[argc])
        argc++;
    nargv = calloc(argc + 2 * (size_t)depth + 2, sizeof(*nargv));
    if (!nargv)
        die("out of memory");
    for (long d = depth - 1; d >= 0; d--) {
        nargv[n++] = levels[d].name;
        if (levels[d].has_arg)
            nargv[n++] = levels[d].arg;
    }
    nargv[n++] = strdup(guest);
    for (size_t i = 1; i < argc; i++)
        nargv[n++] = argv[i];
    strlcpy(host, last, 2 * PATH_MAX);
    return nargv;
}

char** view_setup(const struct options* opts) {
    const struct view_options* v = &opts->view;
    static struct shim_bind binds[N_ROOTFS_BINDS + MAX_BINDS];
    static char program[2 * PATH_MAX];
    char wd[PATH_MAX], cwd[PATH_MAX], host[2 * PATH_MAX], guest[PATH_MAX];
    char* root = NULL;
    int n = 0;
    long ret;

    if (!opts->shim.view)
        return opts->argv;
    if (v->root) {
        root = realpath(v->root, NULL);
        if (!root)
            die("cannot use '%s' as the root: %s", v->root, strerror(errno));
    }
    if (v->rootfs_binds)
        for (size_t i = 0; i < N_ROOTFS_BINDS; i++)
            if (bind_arg(ROOTFS_BINDS[i], &binds[n], true))
                n++;
    for (int i = 0; i < v->nbinds; i++)
        if (bind_arg(v->binds[i], &binds[n], false))
            n++;
    if (shim_view_init(root ? root : "/", binds, n) < 0)
        die("out of memory");
    /* -w, else the current directory if it is in the view, else / */
    if (v->workdir) {
        if (v->workdir[0] != '/')
            die("invalid -w argument: '%s': the directory must be absolute", v->workdir);
        normalize(v->workdir, wd, sizeof(wd));
    } else if (!getcwd(cwd, sizeof(cwd)) || shim_view_guest_path(cwd, wd, sizeof(wd)) < 0) {
        memcpy(wd, "/", 2);
    }
    ret = shim_view_resolve(NULL, wd, SHIM_VIEW_FOLLOW, host, sizeof(host), NULL);
    if (ret == 0 && chdir(host) < 0)
        ret = -errno;
    if (ret < 0)
        die("cannot start in '%s' in the view: %s", wd, strerror((int)-ret));
    if (!program_file(opts->argv[0], wd, program, guest)) {
        /* exec's ENOENT, as natively */
        DkSetProgramFile("/nonexistent/ptshim-view");
        return opts->argv;
    }
    DkSetProgramFile(program);
    return script_argv(opts->argv, program, guest);
}

/*
 * view-paths: every path-taking call the view translates, on paths made to
 * test a resolver: absolute and relative, from directory descriptors, ".."
 * at the root, links that try to leave the root (absolute, relative, from
 * inside a bind), loops, long names, missing components, trailing
 * slashes, mount points.  tests/integration/view-paths.test runs it in a
 * root file system it makes, under ptshim -r/-b and in the reference (the
 * same binds with mount --bind, then chroot), and compares.
 *
 * It expects (the test makes them): /data/f ("hello\n"), /data/abs ->
 * /data/f, /data/sub/, /data/sub/up -> ../../../../data, /data/dangling
 * -> /nonexistent, /data/loop -> loop, /data/dirlink -> /data/sub,
 * /etc/passwd, /bind (a bind: hf, hlink -> /data/f, hup -> ../data/f),
 * /bindfile (a bound file), /proc, and a writable /work.
 * Output: one line per call, its result or errno name; never inode
 * numbers or times.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static char g_long[5001];

static void report(const char* what, const char* path, long ret) {
    if (ret < 0)
        printf("%s(%s) = -1 %s\n", what, path, strerrorname_np(errno));
    else
        printf("%s(%s) = %ld\n", what, path, ret);
}

static const char* shown(const char* path) {
    return strlen(path) > 60 ? "<long>" : path;
}

/* what a stat says that does not vary: type, size of a regular file */
static void stat_line(const char* what, const char* path, long ret, const struct stat* st) {
    if (ret < 0) {
        report(what, shown(path), ret);
        return;
    }
    printf("%s(%s) = 0 %s size %lld\n", what, shown(path),
           S_ISDIR(st->st_mode)   ? "dir"
           : S_ISLNK(st->st_mode) ? "link"
           : S_ISREG(st->st_mode) ? "file"
                                  : "other",
           S_ISREG(st->st_mode) || S_ISLNK(st->st_mode) ? (long long)st->st_size : 0LL);
}

/* the first line of what open gives */
static void open_line(const char* what, int dirfd, const char* path, int flags) {
    char buf[64] = "";
    int fd = (int)syscall(SYS_openat, dirfd, path, flags, 0644);
    ssize_t n;

    if (fd < 0) {
        report(what, shown(path), -1);
        return;
    }
    n = read(fd, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    printf("%s(%s) = fd \"%s\"%s\n", what, shown(path), buf, n < 0 ? " (read failed)" : "");
    close(fd);
}

static void readlink_line(const char* what, int dirfd, const char* path, size_t size) {
    char buf[PATH_MAX + 1];
    long n = syscall(SYS_readlinkat, dirfd, path, buf, size);

    if (n < 0) {
        report(what, shown(path), n);
        return;
    }
    buf[n] = '\0';
    printf("%s(%s) = %ld \"%s\"\n", what, shown(path), n, buf);
}

static void cwd_line(const char* dir) {
    char buf[PATH_MAX];

    if (syscall(SYS_chdir, dir) < 0) {
        report("chdir", dir, -1);
        return;
    }
    if (syscall(SYS_getcwd, buf, sizeof(buf)) < 0)
        report("getcwd", dir, -1);
    else
        printf("chdir(%s) getcwd = %s\n", dir, buf);
    readlink_line("readlink cwd", AT_FDCWD, "/proc/self/cwd", PATH_MAX);
    /* a relative name from there */
    open_line("open relative", AT_FDCWD, "f", O_RDONLY);
    open_line("open dotdot", AT_FDCWD, "../data/f", O_RDONLY);
}

static const char* const g_lookups[] = {
    "/data/f", "/data/abs", "/data/sub/up/f", "/data/sub/up/abs", "/../../data/f", "/..",
    "/../etc/passwd", "data/f", "./data/../data/f", "/data/f/", "/data/sub/", "/data/abs/",
    "/data/dangling", "/data/loop", "/data/nonexist/x", "/data/f/x", "/data/f/..",
    "/data/dirlink/up/f", "/data/dirlink/../f", "/bind/hf", "/bind/hlink", "/bind/hup",
    "/bind/..", "/bind/../data/f", "/bindfile", "/proc/self/root/data/f", "/proc/self/cwd",
    "/", "", g_long,
};

#define N_LOOKUPS (sizeof(g_lookups) / sizeof(g_lookups[0]))

static void lookups(void) {
    for (size_t i = 0; i < N_LOOKUPS; i++) {
        const char* p = g_lookups[i];
        struct stat st;
        long r;

        r = syscall(SYS_stat, p, &st);
        stat_line("stat", p, r, &st);
        r = syscall(SYS_lstat, p, &st);
        stat_line("lstat", p, r, &st);
        r = syscall(SYS_newfstatat, AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW);
        stat_line("fstatat nofollow", p, r, &st);
        report("access", shown(p), syscall(SYS_access, p, R_OK));
        open_line("open", AT_FDCWD, p, O_RDONLY);
        open_line("open nofollow", AT_FDCWD, p, O_RDONLY | O_NOFOLLOW);
        readlink_line("readlink", AT_FDCWD, p, PATH_MAX);
    }
}

static void dirfds(void) {
    int dir = open("/data/sub", O_RDONLY | O_DIRECTORY);
    int root = open("/", O_RDONLY | O_DIRECTORY);
    int file = open("/data/f", O_RDONLY);
    struct stat st;
    long r;

    open_line("openat sub", dir, "../f", O_RDONLY);
    open_line("openat sub", dir, "../../../../etc/passwd", O_RDONLY);
    open_line("openat sub", dir, "up/f", O_RDONLY);
    open_line("openat sub", dir, "/data/abs", O_RDONLY);
    open_line("openat root", root, "..", O_RDONLY | O_DIRECTORY);
    open_line("openat root", root, "../../data/f", O_RDONLY);
    open_line("openat badfd", 999, "f", O_RDONLY);
    open_line("openat badfd absolute", 999, "/data/f", O_RDONLY);
    open_line("openat filefd", file, "x", O_RDONLY);
    r = syscall(SYS_newfstatat, dir, "", &st, AT_EMPTY_PATH);
    stat_line("fstatat empty", "sub", r, &st);
    r = syscall(SYS_newfstatat, dir, "", &st, 0);
    stat_line("fstatat empty without flag", "sub", r, &st);
    r = syscall(SYS_newfstatat, root, "data/sub/up", &st, AT_SYMLINK_NOFOLLOW);
    stat_line("fstatat root", "data/sub/up", r, &st);
    readlink_line("readlinkat sub", dir, "up", PATH_MAX);
    readlink_line("readlinkat short", dir, "up", 4);
    readlink_line("readlinkat fd", AT_FDCWD, "/proc/self/fd/3", PATH_MAX);
    report("readlink size 0", "/data/abs", syscall(SYS_readlink, "/data/abs", (char*)0, 0));
    report("readlink bad buffer", "/data/abs", syscall(SYS_readlink, "/data/abs", (char*)1, 10));
    report("faccessat sub", "up/f", syscall(SYS_faccessat, dir, "up/f", R_OK));
    report("stat bad pointer", "(1)", syscall(SYS_stat, (char*)1, &st));
    /* bad flags or modes come before a lookup that fails */
    report("access bad mode", "/none/x", syscall(SYS_access, "/none/x", 8));
    report("unlinkat bad flag", "/none/x", syscall(SYS_unlinkat, AT_FDCWD, "/none/x", 1));
    report("linkat bad flag", "/none/x",
           syscall(SYS_linkat, AT_FDCWD, "/none/x", AT_FDCWD, "/none/y", 1));
    report("renameat2 bad flags", "/none/x",
           syscall(SYS_renameat2, AT_FDCWD, "/none/x", AT_FDCWD, "/none/y", 3));
    report("fchownat bad flag", "/none/x", syscall(SYS_fchownat, AT_FDCWD, "/none/x", 0, 0, 1));
    report("utimensat bad flag", "/none/x",
           syscall(SYS_utimensat, AT_FDCWD, "/none/x", NULL, 1));
    report("fstatat bad flag", "/none/x", syscall(SYS_newfstatat, AT_FDCWD, "/none/x", &st, 1));
    report("faccessat2 bad flag", "/none/x",
           syscall(SYS_faccessat2, AT_FDCWD, "/none/x", R_OK, 1));
    close(dir);
    close(root);
    close(file);
}

static void changes(void) {
    struct stat st;
    long r;

    report("mkdir", "/work/d", syscall(SYS_mkdir, "/work/d", 0755));
    report("mkdir again", "/work/d/", syscall(SYS_mkdir, "/work/d/", 0755));
    report("mkdir missing parent", "/work/x/y", syscall(SYS_mkdir, "/work/x/y", 0755));
    report("mkdir dotdot root", "/../work/e", syscall(SYS_mkdir, "/../work/e", 0755));
    report("mkdirat", "d/sub", syscall(SYS_mkdirat, AT_FDCWD, "/work/d/sub", 0755));
    report("mkdir bind", "/bind", syscall(SYS_mkdir, "/bind", 0755));
    report("mkdir root", "/", syscall(SYS_mkdir, "/", 0755));
    report("rmdir root", "/", syscall(SYS_rmdir, "/"));
    report("rmdir bind", "/bind", syscall(SYS_rmdir, "/bind"));
    report("unlink root", "/", syscall(SYS_unlink, "/"));
    report("unlink bindfile", "/bindfile", syscall(SYS_unlink, "/bindfile"));
    report("rename bindfile", "/bindfile", syscall(SYS_rename, "/bindfile", "/work/bf"));
    report("symlink", "/work/l", syscall(SYS_symlink, "/data/f", "/work/l"));
    open_line("open through new link", AT_FDCWD, "/work/l", O_RDONLY);
    report("symlinkat", "/work/l2", syscall(SYS_symlinkat, "../data/sub", AT_FDCWD, "/work/l2"));
    report("link", "/work/h", syscall(SYS_link, "/work/l", "/work/h"));
    r = syscall(SYS_lstat, "/work/h", &st);
    stat_line("lstat hard link", "/work/h", r, &st);
    report("linkat follow", "/work/h2",
           syscall(SYS_linkat, AT_FDCWD, "/work/l", AT_FDCWD, "/work/h2", AT_SYMLINK_FOLLOW));
    r = syscall(SYS_lstat, "/work/h2", &st);
    stat_line("lstat hard link followed", "/work/h2", r, &st);
    report("rename", "/work/h2", syscall(SYS_rename, "/work/h2", "/work/../work/h3"));
    report("renameat2", "/work/h3", syscall(SYS_renameat2, AT_FDCWD, "/work/h3", AT_FDCWD,
                                            "/work/h", 1 /* RENAME_NOREPLACE */));
    open_line("creat through dangling", AT_FDCWD, "/work/dang", O_RDONLY);
    report("symlink dangling", "/work/dang", syscall(SYS_symlink, "/work/target", "/work/dang"));
    open_line("open creat through link", AT_FDCWD, "/work/dang", O_WRONLY | O_CREAT);
    open_line("open excl on link", AT_FDCWD, "/work/dang", O_WRONLY | O_CREAT | O_EXCL);
    r = syscall(SYS_lstat, "/work/target", &st);
    stat_line("lstat created target", "/work/target", r, &st);
    report("mknod fifo", "/work/fifo", syscall(SYS_mknod, "/work/fifo", S_IFIFO | 0600, 0));
    report("chmod", "/work/l", syscall(SYS_chmod, "/work/l", 0600));
    report("truncate", "/work/target", syscall(SYS_truncate, "/work/target", 3));
    report("utimensat", "/work/target", syscall(SYS_utimensat, AT_FDCWD, "/work/target", NULL, 0));
    report("unlink", "/work/h", syscall(SYS_unlink, "/work/h"));
    report("unlinkat dir", "/work/d/sub",
           syscall(SYS_unlinkat, AT_FDCWD, "/work/d/sub", AT_REMOVEDIR));
    report("rmdir trailing", "/work/d/", syscall(SYS_rmdir, "/work/d/"));
    report("unlink trailing", "/work/l/", syscall(SYS_unlink, "/work/l/"));
    open_line("write in bind", AT_FDCWD, "/bind/new", O_WRONLY | O_CREAT);
    /* one host file system, two mounts */
    report("rename into bind", "/work/target",
           syscall(SYS_rename, "/work/target", "/bind/target"));
    report("rename missing into bind", "/work/none",
           syscall(SYS_rename, "/work/none", "/bind/target"));
    report("link into bind", "/work/target", syscall(SYS_link, "/work/target", "/bind/t"));
    report("rename in bind", "/bind/new", syscall(SYS_rename, "/bind/new", "/bind/new2"));
    report("mkdir in bind", "/bind/nd", syscall(SYS_mkdir, "/bind/nd", 0755));
}

static void exec_line(const char* path) {
    pid_t pid = fork();
    int status;

    if (pid == 0) {
        const char* argv[] = {"echo", "exec", path, NULL};
        const char* envp[] = {NULL};

        syscall(SYS_execve, path, argv, envp);
        printf("execve(%s) = -1 %s\n", path, strerrorname_np(errno));
        fflush(stdout);
        _exit(0);
    }
    fflush(stdout);
    waitpid(pid, &status, 0);
}

int main(void) {
    memset(g_long, 'a', sizeof(g_long) - 1);
    setvbuf(stdout, NULL, _IOLBF, 0);
    lookups();
    dirfds();
    cwd_line("/data");
    cwd_line("/data/sub/up");
    cwd_line("/bind/..");
    cwd_line("/bind");
    cwd_line("/");
    changes();
    exec_line("/bin/echo");
    exec_line("/data/f");
    exec_line("/data/nonexist");
    exec_line("/data/sub/up/sub/up/../../bin/echo");
    return 0;
}

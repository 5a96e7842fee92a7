/*
 * shim-file-node.c: mknod, mknodat, getdents, chroot, name_to_handle_at,
 * open_by_handle_at and sysfs (one of the shim-file programs:
 * shim-file.h).
 */
#include "shim-file.h"

#include <sys/sysmacros.h>

#define AT_HANDLE_FID_ 0x200
#define AT_HANDLE_MNT_ID_UNIQUE_ 0x001
#define AT_HANDLE_CONNECTABLE_ 0x002

static void show_node(const char* name) {
    struct stat st;

    if (S(SYS_lstat, name, &st) < 0)
        printf("  %s: -1 %s\n", name, errno_name(errno));
    else
        printf("  %s: mode 0%o rdev %u:%u\n", name, st.st_mode, major(st.st_rdev),
               minor(st.st_rdev));
}

static void sec_mknod(void) {
    static const struct {
        const char* name;
        unsigned mode;
    } modes[] = {
        {"S_IFREG|0640", S_IFREG | 0640}, {"0 (a regular file)", 0},
        {"S_IFIFO|0600", S_IFIFO | 0600}, {"S_IFSOCK|0600", S_IFSOCK | 0600},
        {"S_IFCHR|0600 1:3", S_IFCHR | 0600}, {"S_IFBLK|0600 7:0", S_IFBLK | 0600},
        {"S_IFDIR|0700", S_IFDIR | 0700}, {"S_IFLNK|0777", S_IFLNK | 0777},
        {"0170000", 0170000}, {"0110000", 0110000}, {"S_IFREG|07777", S_IFREG | 07777},
        {"0x10000|S_IFIFO (past umode_t)", 0x10000 | S_IFIFO}, {"0x14000 (S_IFDIR past umode_t)", 0x14000},
    };
    char what[160], name[32];
    int dir = (int)S(SYS_open, ".", O_RDONLY | O_DIRECTORY);

    section("mknod");
    CHECK(dir >= 0);
    for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        unsigned long dev = S_ISCHR(modes[i].mode) ? makedev(1, 3) :
                            S_ISBLK(modes[i].mode) ? makedev(7, 0) : 0;

        snprintf(name, sizeof(name), "n%zu", i);
        snprintf(what, sizeof(what), "mknod(\"%s\", %s)", name, modes[i].name);
        CALL(what, SYS_mknod, name, modes[i].mode, dev);
        show_node(name);
        snprintf(name, sizeof(name), "a%zu", i);
        snprintf(what, sizeof(what), "mknodat(dir, \"%s\", %s)", name, modes[i].name);
        CALL(what, SYS_mknodat, dir, name, modes[i].mode, dev);
        show_node(name);
        snprintf(what, sizeof(what), "mknodat(closed, (char*)1, %s)", modes[i].name);
        CALL(what, SYS_mknodat, CLOSED_FD, BAD, modes[i].mode, dev);
    }
    CALL("mknod(\"n0\") again", SYS_mknod, "n0", S_IFREG | 0600, 0L);
    CALL("mknod(\"nowhere/x\")", SYS_mknod, "nowhere/x", S_IFREG | 0600, 0L);
    CALL("mknod(\"n0/x\")", SYS_mknod, "n0/x", S_IFREG | 0600, 0L);
    CALL("mknod(\"\")", SYS_mknod, "", S_IFREG | 0600, 0L);
    CALL("mknod(NULL)", SYS_mknod, NULL, S_IFREG | 0600, 0L);
    CALL("mknod((char*)1)", SYS_mknod, BAD, S_IFREG | 0600, 0L);
    CALL("mknod(kernel address)", SYS_mknod, KADDR, S_IFIFO | 0600, 0L);
    CALL("mknod(PATH_MAX bytes)", SYS_mknod, dots_path(PATH_MAX, "zz"), S_IFREG | 0600, 0L);
    CALL("mknod(long component)", SYS_mknod, long_name(300), S_IFREG | 0600, 0L);
    memcpy(g_edge - 2, "n9", 2);
    CALL("mknod(name running into an unmapped page)", SYS_mknod, g_edge - 2, S_IFREG, 0L);
    CALL("mknodat(closed, \"x\")", SYS_mknodat, CLOSED_FD, "x", S_IFREG | 0600, 0L);
    CALL("mknodat(closed, \"/abs\")", SYS_mknodat, CLOSED_FD, "/nonexistent-abs/x", S_IFREG, 0L);
    CALL("mknodat(-1, \"x\")", SYS_mknodat, -1, "x", S_IFREG | 0600, 0L);
    CALL("mknodat(file, \"x\")", SYS_mknodat, (int)S(SYS_open, "n0", O_RDONLY), "x", S_IFREG, 0L);
    CALL("mknodat(closed, (char*)1, S_IFREG)", SYS_mknodat, CLOSED_FD, BAD, S_IFREG, 0L);
    CALL("mknodat(AT_FDCWD, \"/proc/x\")", SYS_mknodat, AT_FDCWD, "/proc/x", S_IFREG, 0L);
    CALL("mknodat(AT_FDCWD, dangling link)", SYS_mknodat, AT_FDCWD,
         (S(SYS_symlink, "target", "dangle"), "dangle"), S_IFREG | 0600, 0L);
    show_node("target");
    CHECK(S(SYS_close, dir) == 0);
}

static void sec_getdents(void) {
    char buf[4096];
    struct kinds k;
    long n;

    section("getdents");
    CHECK(S(SYS_mkdir, "gd", 0755) == 0);
    CHECK(chdir("gd") == 0);
    open_kinds(&k, "only", "o");
    n = CALL("getdents(dir)", SYS_getdents, k.dir, buf, sizeof(buf));
    /* the entries' order is the file system's, the same for both runs;
     * their count and total size say enough */
    CALL("getdents(dir) at the end", SYS_getdents, k.dir, buf, sizeof(buf));
    CHECK(S(SYS_lseek, k.dir, 0, SEEK_SET) == 0);
    CALL("getdents(dir, 1 byte)", SYS_getdents, k.dir, buf, 1);
    CALL("getdents(dir, 0 bytes)", SYS_getdents, k.dir, buf, 0);
    CALL("getdents(dir, (void*)1)", SYS_getdents, k.dir, BAD, sizeof(buf));
    CALL("getdents(dir, read-only page)", SYS_getdents, k.dir, g_ro, 4096);
    CALL("getdents(dir, kernel address)", SYS_getdents, k.dir, KADDR, 4096);
    CALL("getdents(rw)", SYS_getdents, k.rw, buf, sizeof(buf));
    CALL("getdents(wo)", SYS_getdents, k.wo, buf, sizeof(buf));
    CALL("getdents(opath)", SYS_getdents, k.opath, buf, sizeof(buf));
    CALL("getdents(pipe)", SYS_getdents, k.pr, buf, sizeof(buf));
    CALL("getdents(socket)", SYS_getdents, k.sock, buf, sizeof(buf));
    CALL("getdents(closed)", SYS_getdents, CLOSED_FD, buf, sizeof(buf));
    CALL("getdents(closed, (void*)1)", SYS_getdents, CLOSED_FD, BAD, sizeof(buf));
    CALL("getdents(-1)", SYS_getdents, -1, buf, sizeof(buf));
    {
        int p = (int)S(SYS_open, ".", O_PATH | O_DIRECTORY);

        CALL("getdents(O_PATH directory)", SYS_getdents, p, buf, sizeof(buf));
        CHECK(S(SYS_close, p) == 0);
    }
    (void)n;
    close_kinds(&k);
    CHECK(chdir("..") == 0);
}

static void sec_chroot(void) {
    section("chroot");
    /* as root it succeeds: in a child, which then looks around */
    CALL("chroot(\"nowhere\")", SYS_chroot, "nowhere");
    CALL("chroot(\"n0\") (a file)", SYS_chroot, "n0");
    CALL("chroot(\"\")", SYS_chroot, "");
    CALL("chroot(NULL)", SYS_chroot, NULL);
    CALL("chroot((char*)1)", SYS_chroot, BAD);
    CALL("chroot(PATH_MAX bytes)", SYS_chroot, dots_path(PATH_MAX, "gd"));
    CALL("chroot(long component)", SYS_chroot, long_name(300));
    fflush(stdout);
    {
        pid_t pid = fork();

        CHECK(pid >= 0);
        if (pid == 0) {
            char cwd[PATH_MAX];
            long r = print_rc("child: chroot(\"gd\")", S(SYS_chroot, "gd"));

            if (r == 0) {
                print_rc("child: access(\"/only\")", S(SYS_access, "/only", F_OK));
                print_rc("child: getcwd", S(SYS_getcwd, cwd, sizeof(cwd)));
                CHECK(chdir("/") == 0);
                print_rc("child: getcwd after chdir(\"/\")", S(SYS_getcwd, cwd, sizeof(cwd)));
                printf("  %s\n", cwd);
            }
            fflush(stdout);
            _exit(0);
        }
        wait_child(pid);
    }
}

static void sec_handles(void) {
    struct {
        struct file_handle fh;
        unsigned char bytes[128];
    } h;
    static const struct {
        const char* name;
        int flags;
    } flags[] = {
        {"0", 0}, {"AT_SYMLINK_FOLLOW", AT_SYMLINK_FOLLOW}, {"AT_EMPTY_PATH", AT_EMPTY_PATH},
        {"AT_HANDLE_FID", AT_HANDLE_FID_}, {"AT_HANDLE_MNT_ID_UNIQUE", AT_HANDLE_MNT_ID_UNIQUE_},
        {"AT_HANDLE_CONNECTABLE", AT_HANDLE_CONNECTABLE_},
        {"CONNECTABLE|FID", AT_HANDLE_CONNECTABLE_ | AT_HANDLE_FID_},
        {"CONNECTABLE|EMPTY_PATH", AT_HANDLE_CONNECTABLE_ | AT_EMPTY_PATH},
        {"AT_SYMLINK_NOFOLLOW", AT_SYMLINK_NOFOLLOW}, {"0x8000", 0x8000},
    };
    char what[160];
    int mnt, fd, dir;
    long r;

    section("handles");
    make_file("hf", "handled");
    dir = (int)S(SYS_open, ".", O_RDONLY | O_DIRECTORY);
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        h.fh.handle_bytes = sizeof(h.bytes);
        snprintf(what, sizeof(what), "name_to_handle_at(AT_FDCWD, \"hf\", %s)", flags[i].name);
        CALL(what, SYS_name_to_handle_at, AT_FDCWD, "hf", &h.fh, &mnt, flags[i].flags);
        snprintf(what, sizeof(what), "name_to_handle_at(closed, (char*)1, %s)", flags[i].name);
        CALL(what, SYS_name_to_handle_at, CLOSED_FD, BAD, &h.fh, &mnt, flags[i].flags);
        snprintf(what, sizeof(what), "name_to_handle_at(dir, \"\", %s)", flags[i].name);
        CALL(what, SYS_name_to_handle_at, dir, "", &h.fh, &mnt, flags[i].flags);
    }
    h.fh.handle_bytes = 0;
    CALL("name_to_handle_at(\"hf\", 0 bytes)", SYS_name_to_handle_at, AT_FDCWD, "hf", &h.fh,
         &mnt, 0);
    h.fh.handle_bytes = 100000;
    CALL("name_to_handle_at(\"hf\", 100000 bytes)", SYS_name_to_handle_at, AT_FDCWD, "hf", &h.fh,
         &mnt, 0);
    CALL("name_to_handle_at(\"hf\", (void*)1)", SYS_name_to_handle_at, AT_FDCWD, "hf", BAD, &mnt,
         0);
    h.fh.handle_bytes = sizeof(h.bytes);
    CALL("name_to_handle_at(\"hf\", mnt_id (void*)1)", SYS_name_to_handle_at, AT_FDCWD, "hf",
         &h.fh, BAD, 0);
    CALL("name_to_handle_at(\"nowhere\")", SYS_name_to_handle_at, AT_FDCWD, "nowhere", &h.fh,
         &mnt, 0);
    CALL("name_to_handle_at(closed, \"hf\")", SYS_name_to_handle_at, CLOSED_FD, "hf", &h.fh, &mnt,
         0);
    CALL("name_to_handle_at(\"\")", SYS_name_to_handle_at, AT_FDCWD, "", &h.fh, &mnt, 0);
    CALL("name_to_handle_at(NULL)", SYS_name_to_handle_at, AT_FDCWD, NULL, &h.fh, &mnt, 0);
    CALL("name_to_handle_at(PATH_MAX bytes)", SYS_name_to_handle_at, AT_FDCWD,
         dots_path(PATH_MAX, "hf"), &h.fh, &mnt, 0);
    CALL("name_to_handle_at(\"/proc/self\")", SYS_name_to_handle_at, AT_FDCWD, "/proc/self",
         &h.fh, &mnt, 0);

    /* open_by_handle_at, with a handle of the run directory's file */
    h.fh.handle_bytes = sizeof(h.bytes);
    r = S(SYS_name_to_handle_at, AT_FDCWD, "hf", &h.fh, &mnt, 0);
    if (r == 0) {
        char buf[16];

        fd = (int)CALL("open_by_handle_at(dir, handle, O_RDONLY)", SYS_open_by_handle_at, dir,
                       &h.fh, O_RDONLY);
        if (fd >= 0) {
            long n = S(SYS_read, fd, buf, sizeof(buf));

            show_bytes("  read", buf, n < 0 ? 0 : n);
            fdstate("  the descriptor", fd);
            CALL("write(it)", SYS_write, fd, "x", 1);
            CALL("ftruncate(it)", SYS_ftruncate, fd, 0L);
            CHECK(S(SYS_close, fd) == 0);
        }
        fd = (int)CALL("open_by_handle_at(dir, handle, O_PATH|O_CLOEXEC)", SYS_open_by_handle_at,
                       dir, &h.fh, O_PATH | O_CLOEXEC);
        if (fd >= 0) {
            fdstate("  the descriptor", fd);
            CALL("read(it)", SYS_read, fd, buf, 1);
            CALL("fsync(it)", SYS_fsync, fd);
            CHECK(S(SYS_close, fd) == 0);
        }
        fd = (int)CALL("open_by_handle_at(dir, handle, O_WRONLY)", SYS_open_by_handle_at, dir,
                       &h.fh, O_WRONLY);
        if (fd >= 0) {
            CALL("read(it)", SYS_read, fd, buf, 1);
            CALL("ftruncate(it, 3)", SYS_ftruncate, fd, 3L);
            CHECK(S(SYS_close, fd) == 0);
        }
        show_file("  hf", "hf");
        CALL("open_by_handle_at(closed, handle)", SYS_open_by_handle_at, CLOSED_FD, &h.fh,
             O_RDONLY);
        CALL("open_by_handle_at(dir, (void*)1)", SYS_open_by_handle_at, dir, BAD, O_RDONLY);
        h.fh.handle_bytes = 0;
        CALL("open_by_handle_at(dir, 0 bytes)", SYS_open_by_handle_at, dir, &h.fh, O_RDONLY);
    } else {
        printf("no handle: %s\n", errno_name(errno));
    }
    CHECK(S(SYS_close, dir) == 0);
}

static void sec_sysfs(void) {
    char buf[64];
    long n, i;

    section("sysfs");
    n = CALL("sysfs(3) (how many types)", SYS_sysfs, 3);
    i = CALL("sysfs(1, \"proc\")", SYS_sysfs, 1, "proc");
    memset(buf, 0, sizeof(buf));
    if (i >= 0 && CALL("sysfs(2, index of proc, buf)", SYS_sysfs, 2, i, buf) == 0)
        printf("  %s\n", buf);
    CALL("sysfs(1, \"nosuchfs\")", SYS_sysfs, 1, "nosuchfs");
    CALL("sysfs(1, \"\")", SYS_sysfs, 1, "");
    CALL("sysfs(1, (char*)1)", SYS_sysfs, 1, BAD);
    CALL("sysfs(1, NULL)", SYS_sysfs, 1, NULL);
    CALL("sysfs(1, PATH_MAX - 1 bytes)", SYS_sysfs, 1, long_name(PATH_MAX - 1));
    CALL("sysfs(1, PATH_MAX bytes)", SYS_sysfs, 1, long_name(PATH_MAX));
    memcpy(g_edge - 4, "proc", 4);
    CALL("sysfs(1, name running into an unmapped page)", SYS_sysfs, 1, g_edge - 4);
    CALL("sysfs(2, the count, buf)", SYS_sysfs, 2, n, buf);
    CALL("sysfs(2, -1, buf)", SYS_sysfs, 2, -1L, buf);
    CALL("sysfs(2, 0, (void*)1)", SYS_sysfs, 2, 0L, BAD);
    CALL("sysfs(0)", SYS_sysfs, 0);
    CALL("sysfs(4, (char*)1)", SYS_sysfs, 4, BAD);
    CALL("sysfs(-1)", SYS_sysfs, -1);
    CALL("sysfs(1 << 32 | 3)", SYS_sysfs, (1L << 32) | 3);
}

/* as a user without privileges */
static void sec_user(void) {
    struct {
        struct file_handle fh;
        unsigned char bytes[128];
    } h;
    int mnt;

    section("user");
    CALL("mknod(\"w/c\", S_IFCHR 1:3)", SYS_mknod, "w/c", S_IFCHR | 0600, (long)makedev(1, 3));
    CALL("mknod(\"w/b\", S_IFBLK 7:0)", SYS_mknod, "w/b", S_IFBLK | 0600, (long)makedev(7, 0));
    CALL("mknod(\"w/p\", S_IFIFO)", SYS_mknod, "w/p", S_IFIFO | 0600, 0L);
    CALL("mknod(\"w/d\", S_IFDIR)", SYS_mknod, "w/d", S_IFDIR | 0700, 0L);
    CALL("mknod(\"rootdir/x\", S_IFIFO)", SYS_mknod, "rootdir/x", S_IFIFO | 0600, 0L);
    CALL("mknod(\"rootdir/x\", S_IFCHR)", SYS_mknod, "rootdir/x", S_IFCHR | 0600, 0L);
    CALL("chroot(\"w\")", SYS_chroot, "w");
    CALL("chroot(\"nowhere\")", SYS_chroot, "nowhere");
    h.fh.handle_bytes = sizeof(h.bytes);
    if (S(SYS_name_to_handle_at, AT_FDCWD, "rootfile", &h.fh, &mnt, 0) == 0) {
        printf("name_to_handle_at(\"rootfile\") = 0\n");
        CALL("open_by_handle_at(AT_FDCWD, handle)", SYS_open_by_handle_at, AT_FDCWD, &h.fh,
             O_RDONLY);
    } else {
        printf("name_to_handle_at(\"rootfile\") = -1 %s\n", errno_name(errno));
    }
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    umask(0);
    if (user_mode(argc, argv)) {
        sec_user();
        return 0;
    }
    sec_mknod();
    sec_getdents();
    sec_chroot();
    sec_handles();
    sec_sysfs();
    return 0;
}

/*
 * statfs.c: statfs(2) and fstatfs(2).  Covers struct statfs, which strace
 * prints in full: f_type by its magic name, the counts, f_fsid as two hex
 * values (0 without 0x), f_namelen, f_frsize and f_flags as ST_* flags.
 * The file systems are ones whose type does not depend on the machine
 * (proc, pipefs, the tmpfs of memfd, anon_inodefs, sockfs); failures are
 * ENOENT, ENOTDIR, EBADF and EFAULT.  Exits 77 if a file system has a
 * type this program cannot name.
 */
#include "trace-fs.h"

#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/statfs.h>

static const struct xlat fs_magics[] = {
    { 0x9fa0, "PROC_SUPER_MAGIC" },
    { 0x50495045, "PIPEFS_MAGIC" },
    { 0x01021994, "TMPFS_MAGIC" },
    { 0x09041934, "ANON_INODE_FS_MAGIC" },
    { 0x534f434b, "SOCKFS_MAGIC" },
    { 0x62656572, "SYSFS_MAGIC" },
    { 0x1cd1, "DEVPTS_SUPER_MAGIC" },
    XLAT_END,
};

static const struct xlat st_flags[] = {
    { 0x20, "ST_VALID" },
    { 0x1, "ST_RDONLY" },
    { 0x2, "ST_NOSUID" },
    { 0x4, "ST_NODEV" },
    { 0x8, "ST_NOEXEC" },
    { 0x10, "ST_SYNCHRONOUS" },
    { 0x40, "ST_MANDLOCK" },
    { 0x400, "ST_NOATIME" },
    { 0x800, "ST_NODIRATIME" },
    { 0x1000, "ST_RELATIME" },
    { 0x2000, "ST_NOSYMFOLLOW" },
    XLAT_END,
};

/* Set when a file system's type is not in fs_magics. */
static int unknown_type;

/* A value of f_fsid: hex, but 0 without 0x. */
static const char* sfsid(int v) {
    return xasprintf("%#x", (unsigned int)v);
}

/* The structure on success, else its address. */
static const char* sstatfs(const struct statfs* sf, long rc) {
    const struct xlat* m;

    if (rc != 0)
        return sptr(sf);
    for (m = fs_magics; m->name && m->val != (unsigned long long)sf->f_type; m++)
        continue;
    if (!m->name)
        unknown_type = 1;
    return xasprintf("{f_type=%s, f_bsize=%ld, f_blocks=%lu, f_bfree=%lu, f_bavail=%lu, "
                     "f_files=%lu, f_ffree=%lu, f_fsid={val=[%s, %s]}, f_namelen=%ld, "
                     "f_frsize=%ld, f_flags=%s}",
                     m->name ? m->name : "?", (long)sf->f_bsize, (unsigned long)sf->f_blocks,
                     (unsigned long)sf->f_bfree, (unsigned long)sf->f_bavail,
                     (unsigned long)sf->f_files, (unsigned long)sf->f_ffree,
                     sfsid(sf->f_fsid.__val[0]), sfsid(sf->f_fsid.__val[1]), (long)sf->f_namelen,
                     (long)sf->f_frsize, sflags(st_flags, (unsigned long)sf->f_flags, NULL));
}

static long test_statfs(const char* path, struct statfs* sf) {
    long rc = syscall(SYS_statfs, path, sf);
    const char* res = sres(rc);

    printf("statfs(%s, %s) %s\n", spathp(path), sstatfs(sf, rc), res);
    return rc;
}

static long test_fstatfs(int fd, struct statfs* sf) {
    long rc = syscall(SYS_fstatfs, fd, sf);
    const char* res = sres(rc);

    printf("fstatfs(%d, %s) %s\n", fd, sstatfs(sf, rc), res);
    return rc;
}

int main(void) {
    struct statfs* sf = tail_alloc(sizeof(struct statfs));
    int pipefd[2], mem, event, sock;

    CHECK(close(open("file", O_WRONLY | O_CREAT, 0644)) == 0);
    CHECK(pipe(pipefd) == 0);
    mem = (int)syscall(SYS_memfd_create, "statfs", 0);
    event = eventfd(0, 0);
    sock = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(mem >= 0 && event >= 0 && sock >= 0);

    test_statfs("/proc", sf);
    test_statfs("/proc/self", sf);
    test_statfs("missing", sf);
    test_statfs("file/x", sf);
    test_statfs(NULL, sf);
    test_statfs(BAD_ADDR, sf);
    test_statfs("file", NULL);
    test_statfs("file", sf + 1);

    test_fstatfs(pipefd[0], sf);
    test_fstatfs(mem, sf);
    test_fstatfs(event, sf);
    test_fstatfs(sock, sf);
    test_fstatfs(-1, sf);
    test_fstatfs(1000, sf);
    test_fstatfs(mem, BAD_ADDR);

    EXPECT_EXITED_0();
    return unknown_type ? 77 : 0;
}

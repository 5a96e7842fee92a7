/*
 * fcntl.c: fcntl(2) with its common commands.  Covers F_DUPFD and
 * F_DUPFD_CLOEXEC (results are descriptors), F_GETFD and F_GETFL (results
 * in hex with their flags in parentheses, plain 0 for F_GETFD),
 * F_SETFD and F_SETFL (unknown bits in hex), record locks (struct flock,
 * with l_pid only for the GETLK commands, printed at exit and as an
 * address when they fail), OFD locks and a conflict between them,
 * F_GETOWN/F_SETOWN and the _EX forms, F_GETSIG/F_SETSIG (a signal
 * name), leases (F_GETLEASE's result with its name), F_NOTIFY, pipe
 * sizes, seals, an unknown command (its argument in hex), and the
 * failures EBADF, EINVAL, EAGAIN, ENOTDIR and EFAULT.
 */
#include "trace-fs.h"

#include <sys/mman.h>

static const struct xlat fcntl_cmds[] = {
    XLAT(F_DUPFD), XLAT(F_GETFD), XLAT(F_SETFD), XLAT(F_GETFL), XLAT(F_SETFL),
    XLAT(F_GETLK), XLAT(F_SETLK), XLAT(F_SETLKW), XLAT(F_SETOWN), XLAT(F_GETOWN),
    XLAT(F_SETSIG), XLAT(F_GETSIG), XLAT(F_SETOWN_EX), XLAT(F_GETOWN_EX),
    XLAT(F_OFD_GETLK), XLAT(F_OFD_SETLK), XLAT(F_OFD_SETLKW), XLAT(F_SETLEASE),
    XLAT(F_GETLEASE), XLAT(F_NOTIFY), XLAT(F_DUPFD_CLOEXEC), XLAT(F_SETPIPE_SZ),
    XLAT(F_GETPIPE_SZ), XLAT(F_ADD_SEALS), XLAT(F_GET_SEALS), XLAT_END,
};

static const struct xlat fd_flags[] = { XLAT(FD_CLOEXEC), XLAT_END };

static const struct xlat lock_types[] = {
    XLAT(F_RDLCK), XLAT(F_WRLCK), XLAT(F_UNLCK), XLAT(F_EXLCK), XLAT(F_SHLCK), XLAT_END,
};

static const struct xlat whences[] = {
    XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA), XLAT(SEEK_HOLE), XLAT_END,
};

static const struct xlat owner_types[] = {
    XLAT(F_OWNER_TID), XLAT(F_OWNER_PID), XLAT(F_OWNER_PGRP), XLAT_END,
};

static const struct xlat notify_flags[] = {
    XLAT(DN_ACCESS), XLAT(DN_MODIFY), XLAT(DN_CREATE), XLAT(DN_DELETE),
    XLAT(DN_RENAME), XLAT(DN_ATTRIB), XLAT(DN_MULTISHOT), XLAT_END,
};

static const struct xlat seals[] = {
    XLAT(F_SEAL_SEAL), XLAT(F_SEAL_SHRINK), XLAT(F_SEAL_GROW), XLAT(F_SEAL_WRITE),
    XLAT(F_SEAL_FUTURE_WRITE), XLAT_END,
};

/* A struct flock (l_pid only for the GETLK commands), or its address. */
static const char* sflock(const struct flock* fl, int getlk) {
    const char* pid;

    if (!mapped(fl))
        return sptr(fl);
    pid = getlk ? xasprintf(", l_pid=%d", fl->l_pid) : "";
    return xasprintf("{l_type=%s, l_whence=%s, l_start=%lld, l_len=%lld%s}",
                     sxval(lock_types, (unsigned short)fl->l_type, "F_???"),
                     sxval(whences, (unsigned short)fl->l_whence, "SEEK_???"),
                     (long long)fl->l_start, (long long)fl->l_len, pid);
}

/* A struct f_owner_ex, or its address. */
static const char* sowner(const struct f_owner_ex* o) {
    if (!mapped(o))
        return sptr(o);
    return xasprintf("{type=%s, pid=%d}", sxval(owner_types, (unsigned int)o->type, "F_OWNER_???"),
                     o->pid);
}

/* The result of fcntl(FD, CMD, ARG) that returned RC, with the name or the
 * flags strace adds for some commands. */
static const char* sresult(int cmd, long rc) {
    const char* res = sres(rc);

    if (rc <= 0 && !(rc == 0 && (cmd == F_GETFL || cmd == F_GETLEASE)))
        return res;
    switch (cmd) {
    case F_GETFD:
        return xasprintf("= %#lx (flags %s)", rc, sflags(fd_flags, (unsigned long)rc, NULL));
    case F_GETFL:
        return xasprintf("= %#lx (flags %s)", rc, sopenflags((unsigned long)rc));
    case F_GETLEASE:
        return xasprintf("= %#lx (%s)", rc, sxval(lock_types, (unsigned long)rc, "F_???"));
    case F_GET_SEALS:
        return xasprintf("= %#lx (seals %s)", rc, sflags(seals, (unsigned long)rc, NULL));
    case F_GETSIG:
        return xasprintf("= %ld (%s)", rc, ssigno((int)rc));
    default:
        return res;
    }
}

/* fcntl(FD, CMD, ARG) with an integer argument, or none, as CMD says. */
static long test_fcntl(int fd, int cmd, long arg) {
    long rc = syscall(SYS_fcntl, fd, cmd, arg);
    const char* res = sresult(cmd, rc);
    const char* arg_str;

    switch (cmd) {
    case F_GETFD:
    case F_GETFL:
    case F_GETOWN:
    case F_GETSIG:
    case F_GETLEASE:
    case F_GETPIPE_SZ:
    case F_GET_SEALS:
        arg_str = "";
        break;
    case F_SETFD:
        arg_str = sflags(fd_flags, (unsigned long)arg, "FD_???");
        break;
    case F_SETFL:
        arg_str = sopenflags((unsigned int)arg);
        break;
    case F_SETSIG:
        arg_str = ssigno((int)arg);
        break;
    case F_SETLEASE:
        arg_str = sxval(lock_types, (unsigned long)arg, "F_???");
        break;
    case F_NOTIFY:
        arg_str = sflags(notify_flags, (unsigned long)arg, "DN_???");
        break;
    case F_ADD_SEALS:
        arg_str = sflags(seals, (unsigned long)arg, "F_SEAL_???");
        break;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETOWN:
    case F_SETPIPE_SZ:
        arg_str = xasprintf("%d", (int)arg);
        break;
    default:
        arg_str = xasprintf("%#lx", arg);
    }
    printf("fcntl(%d, %s%s%s) %s\n", fd, sxval(fcntl_cmds, (unsigned int)cmd, "F_???"),
           *arg_str ? ", " : "", arg_str, res);
    return rc;
}

/* fcntl(FD, CMD, FL) for a lock command. */
static long test_lock(int fd, int cmd, struct flock* fl) {
    int getlk = cmd == F_GETLK || cmd == F_OFD_GETLK;
    const char* before = sflock(fl, 0);
    long rc = syscall(SYS_fcntl, fd, cmd, fl);
    const char* res = sres(rc);

    /* GETLK prints the structure at exit, and only on success. */
    if (getlk)
        before = rc == 0 ? sflock(fl, 1) : sptr(fl);
    printf("fcntl(%d, %s, %s) %s\n", fd, sxval(fcntl_cmds, (unsigned int)cmd, "F_???"), before,
           res);
    return rc;
}

/* fcntl(FD, CMD, OWNER) for F_GETOWN_EX and F_SETOWN_EX. */
static long test_owner(int fd, int cmd, struct f_owner_ex* owner) {
    const char* before = sowner(owner);
    long rc = syscall(SYS_fcntl, fd, cmd, owner);
    const char* res = sres(rc);

    if (cmd == F_GETOWN_EX)
        before = rc == 0 ? sowner(owner) : sptr(owner);
    printf("fcntl(%d, %s, %s) %s\n", fd, sxval(fcntl_cmds, (unsigned int)cmd, "F_???"), before,
           res);
    return rc;
}

/* A lock request. */
static struct flock* lock(short type, short whence, off_t start, off_t len) {
    struct flock* fl = calloc(1, sizeof(*fl));

    CHECK(fl != NULL);
    *fl = (struct flock){ .l_type = type, .l_whence = whence, .l_start = start, .l_len = len };
    return fl;
}

static void test_descriptor_flags(int fd) {
    test_fcntl(fd, F_DUPFD, 10);
    test_fcntl(fd, F_DUPFD_CLOEXEC, 0);
    test_fcntl(fd, F_DUPFD, -1);
    test_fcntl(fd, F_GETFD, 0);
    test_fcntl(fd, F_SETFD, FD_CLOEXEC);
    test_fcntl(fd, F_GETFD, 0);
    test_fcntl(fd, F_SETFD, FD_CLOEXEC | 0x4);
    test_fcntl(fd, F_SETFD, 0x4);
    test_fcntl(fd, F_SETFD, 0);
    test_fcntl(fd, F_GETFL, 0);
    test_fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK);
    test_fcntl(fd, F_GETFL, 0);
    test_fcntl(fd, F_SETFL, 0);
    test_fcntl(fd, F_GETFL, 0);
    test_fcntl(-1, F_GETFD, 0);
    test_fcntl(1000, F_GETFL, 0);
}

static void test_locks(int fd, int other) {
    test_lock(fd, F_SETLK, lock(F_WRLCK, SEEK_SET, 0, 10));
    test_lock(fd, F_SETLKW, lock(F_RDLCK, SEEK_CUR, 20, 5));
    test_lock(fd, F_GETLK, lock(F_WRLCK, SEEK_SET, 0, 100));
    test_lock(fd, F_SETLK, lock(F_UNLCK, SEEK_END, -5, 0));
    test_lock(fd, F_SETLK, lock(55, SEEK_SET, 0, 0));
    test_lock(fd, F_SETLK, lock(F_RDLCK, 9, 0, 0));
    test_lock(fd, F_SETLK, NULL);
    test_lock(fd, F_GETLK, BAD_ADDR);
    test_lock(fd, F_GETLK, lock(F_WRLCK, 9, 0, 0));

    /* An OFD lock conflicts with other open files' locks, traditional or
     * not, and is reported with l_pid -1. */
    test_lock(fd, F_OFD_SETLK, lock(F_WRLCK, SEEK_SET, 100, 10));
    test_lock(other, F_GETLK, lock(F_RDLCK, SEEK_SET, 0, 0));
    test_lock(other, F_OFD_GETLK, lock(F_RDLCK, SEEK_SET, 105, 1));
    test_lock(other, F_OFD_SETLK, lock(F_RDLCK, SEEK_SET, 105, 1));
    test_lock(other, F_SETLK, lock(F_RDLCK, SEEK_SET, 105, 1));
    test_lock(fd, F_OFD_SETLKW, lock(F_UNLCK, SEEK_SET, 100, 10));
}

static void test_owners(int fd) {
    struct f_owner_ex* owner = calloc(1, sizeof(*owner));

    CHECK(owner != NULL);
    test_fcntl(fd, F_GETOWN, 0);
    test_fcntl(fd, F_SETOWN, getpid());
    test_fcntl(fd, F_GETOWN, 0);
    test_fcntl(fd, F_SETOWN, -getpgrp());
    test_owner(fd, F_GETOWN_EX, owner);
    *owner = (struct f_owner_ex){ F_OWNER_TID, gettid() };
    test_owner(fd, F_SETOWN_EX, owner);
    test_owner(fd, F_GETOWN_EX, owner);
    *owner = (struct f_owner_ex){ 7, 1 };
    test_owner(fd, F_SETOWN_EX, owner);
    test_owner(fd, F_GETOWN_EX, NULL);
    test_fcntl(fd, F_SETOWN, 0);
    test_fcntl(fd, F_GETSIG, 0);
    test_fcntl(fd, F_SETSIG, SIGUSR1);
    test_fcntl(fd, F_GETSIG, 0);
    test_fcntl(fd, F_SETSIG, 0);
    test_fcntl(fd, F_SETSIG, 34);
    test_fcntl(fd, F_GETSIG, 0);
    test_fcntl(fd, F_SETSIG, 1000);
    test_fcntl(fd, F_SETSIG, -1);
}

int main(void) {
    int fd, other, reader, dir, pipefd[2], mem;

    fd = open("data", O_RDWR | O_CREAT, 0644);
    other = open("data", O_RDWR);
    CHECK(fd >= 0 && other >= 0);
    CHECK(ftruncate(fd, 200) == 0);

    test_descriptor_flags(fd);
    test_locks(fd, other);
    test_owners(fd);

    /* Leases need a file that nobody has open for writing. */
    CHECK(close(open("lease", O_WRONLY | O_CREAT, 0644)) == 0);
    reader = open("lease", O_RDONLY);
    CHECK(reader >= 0);
    test_fcntl(reader, F_GETLEASE, 0);
    test_fcntl(reader, F_SETLEASE, F_RDLCK);
    test_fcntl(reader, F_GETLEASE, 0);
    test_fcntl(reader, F_SETLEASE, F_UNLCK);
    test_fcntl(reader, F_SETLEASE, 77);

    /* Directory notification. */
    dir = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(dir >= 0);
    test_fcntl(dir, F_NOTIFY, DN_CREATE | DN_DELETE | DN_MULTISHOT);
    test_fcntl(fd, F_NOTIFY, DN_MODIFY);
    test_fcntl(dir, F_NOTIFY, 0x1000);

    /* Pipe sizes and seals. */
    CHECK(pipe(pipefd) == 0);
    test_fcntl(pipefd[0], F_GETPIPE_SZ, 0);
    test_fcntl(pipefd[0], F_SETPIPE_SZ, 8192);
    test_fcntl(pipefd[0], F_GETPIPE_SZ, 0);
    test_fcntl(pipefd[0], F_SETPIPE_SZ, -1);
    test_fcntl(fd, F_GETPIPE_SZ, 0);
    mem = (int)syscall(SYS_memfd_create, "sealed", MFD_ALLOW_SEALING);
    CHECK(mem >= 0);
    test_fcntl(mem, F_GET_SEALS, 0);
    test_fcntl(mem, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
    test_fcntl(mem, F_GET_SEALS, 0);
    test_fcntl(mem, F_ADD_SEALS, 0x100);
    test_fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL);

    /* An unknown command. */
    test_fcntl(fd, 0x424, 0x1234);

    EXPECT_EXITED_0();
    return 0;
}

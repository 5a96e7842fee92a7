/*
 * check_shim_fd.c: the shim's descriptor table (bookkeep/shim_handle.c)
 * and the calls that keep it (open, openat, openat2, memfd_create, close,
 * close_range, dup, dup2, dup3, fcntl, pipe2) or answer from it (the file
 * calls that check what a descriptor may do: ftruncate, fallocate, flock,
 * fsync, preadv, splice, tee, vmsplice), over the mock PAL, against the
 * kernel's rules: open(2), openat2(2), memfd_create(2), close(2),
 * close_range(2), dup(2), fcntl(2), pipe(2), fork(2), clone(2), execve(2),
 * ftruncate(2), fallocate(2), flock(2), fsync(2), preadv(2), splice(2),
 * tee(2) and vmsplice(2).
 *
 * An open descriptor the table knows is answered from it (F_GETFD, its
 * name) with no host call and no question to the host; one it does not
 * know is asked of the host once (adopted) if open there, is EBADF if
 * closed there, and is the host's to answer, each time, when the host will
 * not say.  The counts of host calls and of questions tell a record kept
 * from a stale one: a descriptor that should be gone is asked of the host.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/close_range.h>
#include <linux/sched.h>
#include <string.h>

#include "mock_run.h"
#include "unit_run.h"

/* the kernel's __O_TMPFILE bit alone (glibc's O_TMPFILE has O_DIRECTORY) */
#define KO_TMPFILE 020000000

static PAL_HANDLE g_t;

static void setup(void) {
    g_t = mock_start(NULL);
}

static void teardown(void) {
    mock_end();
}

/* T opens "f" with FLAGS, and the host makes descriptor FD. */
static long open_fd(PAL_HANDLE t, int flags, int fd) {
    mock_expect(t, PTSHIM_NR_openat, fd);
    mock_host_fd(t, fd, flags & O_ACCMODE, flags & O_CLOEXEC, "/work/f");
    return MOCK_SYSCALL(t, openat, AT_FDCWD, mock_str(t, "f"), flags, 0);
}

/* fcntl(FD, F_GETFD) as the program sees it. */
static long getfd(PAL_HANDLE t, int fd) {
    return MOCK_SYSCALL(t, fcntl, fd, F_GETFD, 0);
}

/* What the last call asked of the host: host calls and questions. */
#define ASKED() (g_mock.host_ops + g_mock.stream_queries)

/* T's host closes FD by CALL (close, or dup2's target...) returning
 * RESULT. */
static void host_closes(PAL_HANDLE t, int fd, PAL_NUM call, long result) {
    mock_host_fd_close(t, fd);
    mock_expect(t, call, result);
}

START_TEST(test_open_recorded) {
    ck_assert_int_eq(open_fd(g_t, O_RDONLY | O_CLOEXEC, 3), 3);
    ck_assert_int_eq(g_mock.host_ops, 1);
    ck_assert_int_eq(open_fd(g_t, O_RDWR, 4), 4);
    /* F_GETFD returns the descriptor's flags: the table has them */
    ck_assert_int_eq(getfd(g_t, 3), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    ck_assert_int_eq(getfd(g_t, 4), 0);
    ck_assert_int_eq(ASKED(), 0);
}
END_TEST

/* open(2)'s errors that the kernel finds before it opens anything. */
START_TEST(test_open_checks) {
    char* longname = malloc(PATH_MAX + 1);
    PAL_NUM f = mock_str(g_t, "f");

    ck_assert_ptr_nonnull(longname);
    /* O_TMPFILE without write access, or with O_CREAT */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat, AT_FDCWD, f, O_TMPFILE | O_RDONLY, 0), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat, AT_FDCWD, f, KO_TMPFILE | O_CREAT | O_RDWR, 0),
                     -EINVAL);
    /* the flags come before the path */
    ck_assert_int_eq(
        MOCK_SYSCALL(g_t, openat, AT_FDCWD, MOCK_BAD_ADDR, O_TMPFILE | O_RDONLY, 0), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat, AT_FDCWD, MOCK_BAD_ADDR, O_RDONLY, 0), -EFAULT);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, open, mock_str(g_t, ""), O_RDONLY, 0), -ENOENT);
    memset(longname, 'a', PATH_MAX);
    longname[PATH_MAX] = '\0';
    ck_assert_int_eq(MOCK_SYSCALL(g_t, open, mock_str(g_t, longname), O_RDONLY, 0),
                     -ENAMETOOLONG);
    ck_assert_int_eq(g_mock.host_ops, 0);
    free(longname);
    /* O_PATH drops every flag but a few, O_TMPFILE too: the host opens */
    mock_expect(g_t, PTSHIM_NR_openat, 3);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat, AT_FDCWD, f, O_PATH | O_TMPFILE, 0), 3);
    /* an open that fails on the host records nothing */
    mock_expect(g_t, PTSHIM_NR_openat, -ENOENT);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat, AT_FDCWD, f, O_RDONLY | O_CLOEXEC, 0), -ENOENT);
    ck_assert_int_eq(getfd(g_t, 4), -EBADF);
    ck_assert_int_eq(g_mock.stream_queries, 1);
}
END_TEST

START_TEST(test_close) {
    ck_assert_int_eq(open_fd(g_t, O_RDONLY | O_CLOEXEC, 3), 3);
    host_closes(g_t, 3, PTSHIM_NR_close, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close, 3), 0);
    ck_assert_int_eq(g_mock.host_ops, 1);
    /* gone from the table: asked of the host, which has it closed */
    ck_assert_int_eq(getfd(g_t, 3), -EBADF);
    ck_assert_int_eq(g_mock.stream_queries, 1);
    /* closing it again is EBADF, and the host is not asked to close */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close, 3), -EBADF);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* -1 as the kernel's unsigned int: no descriptor, nothing to ask */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close, -1), -EBADF);
    ck_assert_int_eq(ASKED(), 0);
    /* Linux releases the descriptor even when close fails (EIO) */
    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 3), 3);
    host_closes(g_t, 3, PTSHIM_NR_close, -EIO);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close, 3), -EIO);
    ck_assert_int_eq(getfd(g_t, 3), -EBADF);
    ck_assert_int_eq(g_mock.stream_queries, 1);
}
END_TEST

/* Descriptors the table does not know: open on the host (inherited, or
 * made by a call the host answered), closed, or unknown (the host will
 * not say). */
START_TEST(test_open_closed_unknown) {
    char name[64];

    /* inherited: adopted on first use, with the host's flags */
    ck_assert_int_eq(getfd(g_t, 0), 0);
    ck_assert_int_eq(g_mock.stream_queries, 1);
    ck_assert_int_eq(getfd(g_t, 0), 0);
    ck_assert_int_eq(ASKED(), 0);
    mock_host_fd(g_t, 7, O_WRONLY, true, "/work/log");
    ck_assert_int_eq(getfd(g_t, 7), FD_CLOEXEC);
    ck_assert_int_eq(getfd(g_t, 7), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    /* closed: EBADF without a host call, asked again each time */
    ck_assert_int_eq(getfd(g_t, 9), -EBADF);
    ck_assert_int_eq(g_mock.host_ops, 0);
    ck_assert_int_eq(getfd(g_t, 9), -EBADF);
    ck_assert_int_eq(g_mock.stream_queries, 1);
    /* unknown: the host answers the call, every time; nothing recorded */
    mock_host_fd(g_t, 8, O_RDONLY, true, "/work/secret");
    mock_host_fds_refused(g_t, true);
    for (int i = 0; i < 2; i++) {
        mock_expect(g_t, PTSHIM_NR_fcntl, FD_CLOEXEC);
        ck_assert_int_eq(getfd(g_t, 8), FD_CLOEXEC);
        ck_assert(g_mock.on_host);
        ck_assert_int_eq(g_mock.stream_queries, 1);
    }
    mock_expect(g_t, PTSHIM_NR_dup, 10);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup, 8), 10);
    ck_assert(g_mock.on_host);
    mock_expect(g_t, PTSHIM_NR_close, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close, 8), 0);
    /* what the table knew stays known */
    ck_assert_int_eq(getfd(g_t, 7), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    /* -y's name: the host's, asked once the host says */
    mock_host_fds_refused(g_t, false);
    mock_reset_counts();
    ck_assert_int_eq(shim_fd_name(g_t, 7, name, sizeof(name)), 9);
    ck_assert_int_eq(memcmp(name, "/work/log", 9), 0);
    ck_assert_int_eq(shim_fd_name(g_t, 7, name, sizeof(name)), 9);
    ck_assert_int_eq(g_mock.stream_queries, 1);
}
END_TEST

/* A duplicate shares the open file description (its name), not the
 * close-on-exec flag: dup's and F_DUPFD's is off, dup3's and
 * F_DUPFD_CLOEXEC's as asked, and dup2 clears it on its target. */
START_TEST(test_dup) {
    char name[64];

    ck_assert_int_eq(open_fd(g_t, O_RDONLY | O_CLOEXEC, 3), 3);
    mock_expect(g_t, PTSHIM_NR_dup, 5);
    mock_host_fd(g_t, 5, O_RDONLY, false, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup, 3), 5);
    ck_assert_int_eq(getfd(g_t, 5), 0);
    ck_assert_int_eq(ASKED(), 0);
    mock_reset_counts();
    ck_assert_int_eq(shim_fd_name(g_t, 3, name, sizeof(name)), 7);
    ck_assert_int_eq(shim_fd_name(g_t, 5, name, sizeof(name)), 7);
    ck_assert_int_eq(g_mock.stream_queries, 1);

    mock_expect(g_t, PTSHIM_NR_dup3, 7);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup3, 3, 7, O_CLOEXEC), 7);
    ck_assert_int_eq(getfd(g_t, 7), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    /* dup3's EINVALs: the same descriptor, a flag other than O_CLOEXEC */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup3, 3, 3, 0), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup3, 3, 7, O_NONBLOCK), -EINVAL);
    ck_assert_int_eq(ASKED(), 0);
    /* dup2 onto itself does nothing but say whether it is open */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup2, 3, 3), 3);
    ck_assert_int_eq(ASKED(), 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup2, 9, 9), -EBADF);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* dup2 onto an open descriptor replaces it, close-on-exec off */
    mock_expect(g_t, PTSHIM_NR_dup2, 7);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup2, 5, 7), 7);
    ck_assert_int_eq(getfd(g_t, 7), 0);
    ck_assert_int_eq(ASKED(), 0);

    mock_expect(g_t, PTSHIM_NR_fcntl, 10);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fcntl, 3, F_DUPFD_CLOEXEC, 10), 10);
    ck_assert_int_eq(getfd(g_t, 10), FD_CLOEXEC);
    mock_expect(g_t, PTSHIM_NR_fcntl, 11);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fcntl, 3, F_DUPFD, 0), 11);
    ck_assert_int_eq(getfd(g_t, 11), 0);
    ck_assert_int_eq(ASKED(), 0);
    /* F_SETFD sets the one flag there is (any other bit is ignored) */
    mock_expect(g_t, PTSHIM_NR_fcntl, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fcntl, 5, F_SETFD, 0xff), 0);
    ck_assert_int_eq(getfd(g_t, 5), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    mock_expect(g_t, PTSHIM_NR_fcntl, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fcntl, 5, F_SETFD, 0), 0);
    ck_assert_int_eq(getfd(g_t, 5), 0);
    ck_assert_int_eq(ASKED(), 0);
    /* a failed F_SETFD changes nothing */
    mock_expect(g_t, PTSHIM_NR_fcntl, -EINTR);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fcntl, 5, F_SETFD, FD_CLOEXEC), -EINTR);
    ck_assert_int_eq(getfd(g_t, 5), 0);
}
END_TEST

/* execve closes the close-on-exec descriptors, and those alone. */
START_TEST(test_exec_closes_cloexec) {
    ck_assert_int_eq(open_fd(g_t, O_RDONLY | O_CLOEXEC, 3), 3);
    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 4), 4);
    mock_expect(g_t, PTSHIM_NR_dup, 5);
    mock_host_fd(g_t, 5, O_RDONLY, false, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup, 3), 5);
    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 6), 6);
    mock_expect(g_t, PTSHIM_NR_fcntl, 0);
    mock_host_fd(g_t, 6, O_RDONLY, true, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fcntl, 6, F_SETFD, FD_CLOEXEC), 0);
    mock_expect(g_t, PTSHIM_NR_dup3, 7);
    mock_host_fd(g_t, 7, O_RDONLY, true, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, dup3, 4, 7, O_CLOEXEC), 7);

    mock_exec(g_t);
    for (int fd = 3; fd <= 7; fd++) {
        bool closed = fd == 3 || fd == 6 || fd == 7;

        ck_assert_int_eq(getfd(g_t, fd), closed ? -EBADF : 0);
        /* a closed one is asked of the host, not answered from the table */
        ck_assert_int_eq(g_mock.stream_queries, closed ? 1 : 0);
        ck_assert_int_eq(g_mock.host_ops, 0);
    }
}
END_TEST

/* An execve by a thread that is not its process's leader: the thread
 * takes the leader's ID, and the descriptors are as after any execve. */
START_TEST(test_exec_from_thread) {
    PAL_HANDLE t2;
    PAL_NUM at;

    ck_assert_int_eq(open_fd(g_t, O_RDONLY | O_CLOEXEC, 3), 3);
    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 4), 4);
    t2 = mock_clone(g_t, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD, 101);
    mock_exec(t2);
    ck_assert_int_eq(mock_tid(t2), MOCK_PID);
    ck_assert_int_eq(getfd(t2, 3), -EBADF);
    ck_assert_int_eq(getfd(t2, 4), 0);
    ck_assert_int_eq(ASKED(), 0);
    /* the shim knows it by its new ID: its own CPUs, without the host */
    at = mock_alloc(t2, 8);
    ck_assert_int_eq(MOCK_SYSCALL(t2, sched_getaffinity, MOCK_PID, 8, at), 8);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* fork: the child has copies of the parent's descriptors, close-on-exec
 * flags included; what either does later is its own. */
START_TEST(test_fork_copies) {
    PAL_HANDLE child;

    ck_assert_int_eq(open_fd(g_t, O_RDONLY | O_CLOEXEC, 3), 3);
    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 4), 4);
    child = mock_clone(g_t, 0, 200);
    ck_assert_int_eq(getfd(child, 3), FD_CLOEXEC);
    ck_assert_int_eq(getfd(child, 4), 0);
    ck_assert_int_eq(ASKED(), 0);
    host_closes(child, 4, PTSHIM_NR_close, 0);
    ck_assert_int_eq(MOCK_SYSCALL(child, close, 4), 0);
    ck_assert_int_eq(getfd(g_t, 4), 0);
    ck_assert_int_eq(ASKED(), 0);
    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 5), 5);
    ck_assert_int_eq(getfd(child, 5), -EBADF);
    ck_assert_int_eq(g_mock.stream_queries, 1);
}
END_TEST

/* CLONE_FILES: one table, whoever opens or closes; until an execve, which
 * gives the process that makes it a table of its own first. */
START_TEST(test_clone_files_shares) {
    PAL_HANDLE child;

    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 3), 3);
    child = mock_clone(g_t, CLONE_FILES, 200);
    ck_assert_int_eq(open_fd(child, O_RDONLY | O_CLOEXEC, 5), 5);
    ck_assert_int_eq(getfd(g_t, 5), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    host_closes(child, 3, PTSHIM_NR_close, 0);
    ck_assert_int_eq(MOCK_SYSCALL(child, close, 3), 0);
    ck_assert_int_eq(getfd(g_t, 3), -EBADF);
    ck_assert_int_eq(g_mock.stream_queries, 1);

    mock_exec(child);
    ck_assert_int_eq(getfd(child, 5), -EBADF);
    ck_assert_int_eq(getfd(g_t, 5), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
}
END_TEST

START_TEST(test_close_range) {
    PAL_HANDLE child;

    for (int fd = 3; fd <= 5; fd++)
        ck_assert_int_eq(open_fd(g_t, O_RDONLY, fd), fd);
    mock_expect(g_t, PTSHIM_NR_close_range, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close_range, 3, 4, CLOSE_RANGE_CLOEXEC), 0);
    ck_assert_int_eq(getfd(g_t, 3), FD_CLOEXEC);
    ck_assert_int_eq(getfd(g_t, 4), FD_CLOEXEC);
    ck_assert_int_eq(getfd(g_t, 5), 0);
    ck_assert_int_eq(ASKED(), 0);
    /* EINVAL: the range backwards, an unknown flag */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close_range, 4, 3, 0), -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, close_range, 3, 4, 1U << 3), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);

    /* CLOSE_RANGE_UNSHARE: the caller's own copy loses the range, the
     * process it shared the table with keeps it */
    child = mock_clone(g_t, CLONE_FILES, 200);
    mock_host_unshare_fds(child);
    for (int fd = 3; fd <= 5; fd++)
        mock_host_fd_close(child, fd);
    mock_expect(child, PTSHIM_NR_close_range, 0);
    ck_assert_int_eq(MOCK_SYSCALL(child, close_range, 3, ~0U, CLOSE_RANGE_UNSHARE), 0);
    for (int fd = 3; fd <= 5; fd++) {
        ck_assert_int_eq(getfd(child, fd), -EBADF);
        ck_assert_int_eq(g_mock.stream_queries, 1);
        ck_assert_int_eq(getfd(g_t, fd), fd == 5 ? 0 : FD_CLOEXEC);
        ck_assert_int_eq(ASKED(), 0);
    }
}
END_TEST

START_TEST(test_pipe2) {
    static const int fds[2] = {3, 4};
    PAL_NUM at = mock_alloc(g_t, sizeof(fds));

    /* the host writes the two descriptors, which the shim then reads */
    mock_expect(g_t, PTSHIM_NR_pipe2, 0);
    mock_poke(g_t, at, fds, sizeof(fds));
    mock_host_fd(g_t, 3, O_RDONLY, true, "pipe:[1]");
    mock_host_fd(g_t, 4, O_WRONLY, true, "pipe:[1]");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, pipe2, at, O_CLOEXEC | O_NONBLOCK), 0);
    ck_assert_int_eq(getfd(g_t, 3), FD_CLOEXEC);
    ck_assert_int_eq(getfd(g_t, 4), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, pipe2, at, O_APPEND), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* -y's names are read once per open file description, and again after the
 * program renamed or removed a file. */
START_TEST(test_names_after_rename) {
    char name[64];

    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 3), 3);
    mock_reset_counts();
    ck_assert_int_eq(shim_fd_name(g_t, 3, name, sizeof(name)), 7);
    ck_assert_int_eq(shim_fd_name(g_t, 3, name, sizeof(name)), 7);
    ck_assert_int_eq(g_mock.stream_queries, 1);
    mock_expect(g_t, PTSHIM_NR_rename, 0);
    mock_host_fd(g_t, 3, O_RDONLY, false, "/work/g");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, rename, mock_str(g_t, "f"), mock_str(g_t, "g")), 0);
    mock_reset_counts();
    ck_assert_int_eq(shim_fd_name(g_t, 3, name, sizeof(name)), 7);
    ck_assert_int_eq(memcmp(name, "/work/g", 7), 0);
    ck_assert_int_eq(g_mock.stream_queries, 1);
}
END_TEST

/* The descriptors openat2 and memfd_create make are recorded with what
 * they may do: their first use asks the host nothing. */
START_TEST(test_openat2_memfd_recorded) {
    struct {
        uint64_t flags, mode, resolve;
    } how = {O_WRONLY | O_CLOEXEC, 0, 0};
    PAL_NUM uhow = mock_put(g_t, &how, sizeof(how));

    mock_expect(g_t, PTSHIM_NR_openat2, 3);
    mock_host_fd(g_t, 3, O_WRONLY, true, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat2, AT_FDCWD, mock_str(g_t, "f"), uhow, sizeof(how)),
                     3);
    ck_assert_int_eq(g_mock.host_ops, 1);
    ck_assert_int_eq(getfd(g_t, 3), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    /* write-only: ftruncate goes on, read and readahead are refused */
    ck_assert_int_eq(MOCK_SYSCALL(g_t, read, 3, 0, 1), -EBADF);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, readahead, 3, 0, 1), -EBADF);
    ck_assert_int_eq(ASKED(), 0);
    mock_expect(g_t, PTSHIM_NR_ftruncate, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, ftruncate, 3, 1), 0);
    ck_assert(g_mock.on_host);
    /* O_PATH: nothing but EBADF */
    how.flags = O_PATH;
    mock_poke(g_t, uhow, &how, sizeof(how));
    mock_expect(g_t, PTSHIM_NR_openat2, 4);
    mock_host_fd(g_t, 4, O_PATH, false, "/work/f");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat2, AT_FDCWD, mock_str(g_t, "f"), uhow, sizeof(how)),
                     4);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fsync, 4), -EBADF);
    ck_assert_int_eq(ASKED(), 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, flock, 4, 1), -EBADF);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, fallocate, 4, 0, 0, 1), -EBADF);
    ck_assert_int_eq(ASKED(), 0);
    /* refused before the host: nothing recorded */
    how.flags = 1ULL << 40;
    mock_poke(g_t, uhow, &how, sizeof(how));
    ck_assert_int_eq(MOCK_SYSCALL(g_t, openat2, AT_FDCWD, mock_str(g_t, "f"), uhow, sizeof(how)),
                     -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
    /* memfd_create: read and write, close-on-exec as asked */
    mock_expect(g_t, PTSHIM_NR_memfd_create, 5);
    mock_host_fd(g_t, 5, O_RDWR, true, "/memfd:m (deleted)");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, memfd_create, mock_str(g_t, "m"), 1 /* MFD_CLOEXEC */), 5);
    ck_assert_int_eq(getfd(g_t, 5), FD_CLOEXEC);
    ck_assert_int_eq(ASKED(), 0);
    mock_expect(g_t, PTSHIM_NR_ftruncate, 0);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, ftruncate, 5, 4096), 0);
    ck_assert(g_mock.on_host);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, memfd_create, mock_str(g_t, "m"), 0x18), -EINVAL);
    ck_assert_int_eq(g_mock.host_ops, 0);
}
END_TEST

/* What a descriptor may do, from the table: the answers the kernel gives
 * before it looks at the file, without a host call or a question. */
#define ANSWERED(call, result)              \
    do {                                    \
        ck_assert_int_eq((call), (result)); \
        ck_assert_int_eq(ASKED(), 0);       \
    } while (0)

START_TEST(test_fmode_answers) {
    static const int fds[2] = {7, 8};
    PAL_NUM at = mock_alloc(g_t, sizeof(fds));

    ck_assert_int_eq(open_fd(g_t, O_RDONLY, 3), 3);
    ck_assert_int_eq(open_fd(g_t, O_ACCMODE, 4), 4);
    mock_expect(g_t, PTSHIM_NR_pipe2, 0);
    mock_poke(g_t, at, fds, sizeof(fds));
    mock_host_fd(g_t, 7, O_RDONLY, false, "pipe:[1]");
    mock_host_fd(g_t, 8, O_WRONLY, false, "pipe:[1]");
    ck_assert_int_eq(MOCK_SYSCALL(g_t, pipe2, at, 0), 0);
    ANSWERED(MOCK_SYSCALL(g_t, ftruncate, 3, 1), -EINVAL);
    ANSWERED(MOCK_SYSCALL(g_t, ftruncate, 8, 1), -EINVAL);
    ANSWERED(MOCK_SYSCALL(g_t, ftruncate, 4, -1), -EINVAL);
    ANSWERED(MOCK_SYSCALL(g_t, fallocate, 3, 0, 0, 1), -EBADF);
    ANSWERED(MOCK_SYSCALL(g_t, flock, 4, 2 /* LOCK_EX */), -EBADF);
    ANSWERED(MOCK_SYSCALL(g_t, fsync, 7), -EINVAL);
    ANSWERED(MOCK_SYSCALL(g_t, preadv, 7, 0, 1, 0, 0), -ESPIPE);
    ANSWERED(MOCK_SYSCALL(g_t, preadv, 9, 0, 1, -1, 0), -EINVAL);
    ANSWERED(MOCK_SYSCALL(g_t, splice, 7, mock_alloc(g_t, 8), 3, 0, 1, 0), -ESPIPE);
    ANSWERED(MOCK_SYSCALL(g_t, tee, 7, 3, 1, 0), -EBADF);
    ANSWERED(MOCK_SYSCALL(g_t, vmsplice, 4, 0, 1, 0), -EBADF);
    /* a descriptor the host will not describe is the host's to answer */
    mock_host_fd(g_t, 10, O_RDONLY, false, "/work/g");
    mock_host_fds_refused(g_t, true);
    mock_expect(g_t, PTSHIM_NR_ftruncate, -EINVAL);
    ck_assert_int_eq(MOCK_SYSCALL(g_t, ftruncate, 10, 1), -EINVAL);
    ck_assert(g_mock.on_host);
}
END_TEST

int main(void) {
    Suite* s = suite_create("shim_fd");
    TCase* tc = tcase_create("table");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_open_recorded);
    tcase_add_test(tc, test_open_checks);
    tcase_add_test(tc, test_close);
    tcase_add_test(tc, test_open_closed_unknown);
    tcase_add_test(tc, test_dup);
    tcase_add_test(tc, test_exec_closes_cloexec);
    tcase_add_test(tc, test_exec_from_thread);
    tcase_add_test(tc, test_fork_copies);
    tcase_add_test(tc, test_clone_files_shares);
    tcase_add_test(tc, test_close_range);
    tcase_add_test(tc, test_pipe2);
    tcase_add_test(tc, test_names_after_rename);
    tcase_add_test(tc, test_openat2_memfd_recorded);
    tcase_add_test(tc, test_fmode_answers);
    suite_add_tcase(s, tc);
    return unit_run(s);
}

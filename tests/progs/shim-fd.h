/*
 * shim-fd.h: what the shim-fd programs share (shim-fd-lib.c).  Each
 * program is a family of the descriptor calls the shim implements (open,
 * openat, creat, close, close_range, dup, dup2, dup3, fcntl, pipe, pipe2,
 * read, write, pread64, pwrite64, readv, writev, lseek, fstat,
 * getdents64, ioctl, getcwd, chdir, fchdir, select, pselect6, ppoll):
 * their successes and their errors, made with syscall() so that libc
 * hides nothing.  tests/integration/shim-fd.test runs each natively and
 * under ptshim.
 *
 * Each line is a call and its result: a number, or -1 and the errno's
 * name (print_rc).  Nothing that varies between runs is printed (no pids,
 * inode numbers or addresses); descriptor numbers are printed, as the
 * kernel gives the lowest free one.  A program works in its current
 * directory (the test runs it in an empty one) and leaves there only the
 * files it wrote on purpose.
 */
#ifndef SHIM_FD_H
#define SHIM_FD_H

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "tests.h"

#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif
/* the kernel's __O_TMPFILE bit alone (glibc's O_TMPFILE adds O_DIRECTORY) */
#define KO_TMPFILE 020000000

extern char** environ;

/* Addresses the kernel refuses: the first page, kernel space, the
 * vsyscall page. */
#define BAD ((void*)1)
#define KADDR ((void*)0xffff880000000000UL)
#define VSYSCALL ((void*)0xffffffffff600000UL)
/* Descriptor numbers nobody has: beyond RLIMIT_NOFILE and fs.nr_open,
 * and with the sign bit (-1 as the kernel's unsigned int) */
#define HUGE_FD (1L << 30)
#define SIGNED_FD 0x80000000L
/* a descriptor number no program opens */
#define CLOSED_FD 90
/* where g_edge is */
#define EDGE_AREA 0x200000000UL

#define S(...) syscall(__VA_ARGS__)

extern long g_page;
extern char* g_edge; /* the first byte of an unmapped page after a mapped one */
extern char* g_ro;   /* a read-only page */
extern char g_argv0[PATH_MAX];
extern const char* g_home; /* the run directory, printed as "~" */

/* Set up what the programs share; ARGV0 is the program's own name, for
 * the programs that run themselves again. */
void shim_fd_setup(const char* argv0);

/* "== NAME": the section that follows. */
void section(const char* name);
/* F_GETFD and F_GETFL of FD on one line. */
void fdstate(const char* what, int fd);
/* A file of the run directory with CONTENT. */
void make_file(const char* name, const char* content);
/* A path of LEN bytes of "./" ending in NAME (LEN counts NAME), in a
 * buffer of its own. */
char* dots_path(size_t len, const char* name);
/* A string of LEN 'a's, in a buffer of its own. */
char* long_name(size_t len);
/* N bytes of BUF as a quoted string: printable bytes as they are, others
 * as \xNN; show_bytes() on a line of its own, after "WHAT: ". */
void put_escaped(const char* buf, long n);
void show_bytes(const char* what, const char* buf, long n);
/* FD's type and permissions, size (regular files) and link count. */
void print_stat(const char* what, int fd);
/* PATH with the run directory, wherever it appears, printed as "~". */
void show_path(const char* path);
/* Reap child PID and print how it ended. */
void wait_child(pid_t pid);
/* The open descriptors below 256. */
void list_open_fds(const char* what);

#endif /* SHIM_FD_H */

/*
 * trace-fs.h: helpers shared by the trace-expectation programs of the file
 * and descriptor system calls.  Each helper formats a real value the way
 * strace 6.1 prints it: quoted strings and buffers (with -s truncation),
 * pointers, flag sets and enumerations, file modes, devices, stat and
 * statx structures (abbreviated, without -v), signal sets and time values.
 *
 * Include it first: it defines _GNU_SOURCE before any system header.
 *
 * Every helper returns a string in fresh heap memory, never freed (the
 * programs are short), so that several can appear in one printf().
 */
#ifndef TRACE_FS_H
#define TRACE_FS_H

#if defined(_FEATURES_H) && !defined(__USE_GNU)
#error "include trace-fs.h before any system header"
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>

#include "trace.h"

/* strace's default -s: at most 32 characters of a string, then "...". */
#define DEFAULT_STRLEN 32

/* printf into fresh memory. */
static inline __attribute__((format(printf, 1, 2))) char* xasprintf(const char* fmt, ...) {
    va_list ap;
    char* s;

    va_start(ap, fmt);
    CHECK(vasprintf(&s, fmt, ap) >= 0);
    va_end(ap);
    return s;
}

/* An address as strace prints it: NULL, or 0x followed by hex digits. */
static inline const char* sptr(const void* p) {
    return p ? xasprintf("%#lx", (unsigned long)(uintptr_t)p) : "NULL";
}

/* The result of a call as sprintrc() formats it, kept: take it right after
 * the call, before anything else can change errno. */
static inline const char* sres(long rc) {
    return xasprintf("%s", sprintrc(rc));
}

/* Whether P's page is mapped (mincore fails on an unmapped one). */
static inline int page_mapped(const void* p) {
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    unsigned char vec;

    return syscall(SYS_mincore, (void*)((uintptr_t)p & ~(page - 1)), 1, &vec) == 0;
}

/* Whether P points into mapped memory; strace prints an unreadable
 * pointer as an address.  (A macro, so that the test for NULL is seen
 * where P is then used: cppcheck follows it there.) */
#define mapped(p) ((p) != NULL && page_mapped(p))

/* LEN bytes of BUF quoted and escaped as strace does (\t \n \v \f \r \" \\,
 * other bytes outside 0x20..0x7e in octal, with three digits when an octal
 * digit 0-7 follows, within the LEN bytes). */
static inline char* quote_bytes(const void* buf, size_t len) {
    const unsigned char* s = buf;
    char* out = malloc(len * 4 + 3);
    char* o = out;

    CHECK(out != NULL);
    *o++ = '"';
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];

        switch (c) {
        case '"': *o++ = '\\'; *o++ = '"'; break;
        case '\\': *o++ = '\\'; *o++ = '\\'; break;
        case '\f': *o++ = '\\'; *o++ = 'f'; break;
        case '\n': *o++ = '\\'; *o++ = 'n'; break;
        case '\r': *o++ = '\\'; *o++ = 'r'; break;
        case '\t': *o++ = '\\'; *o++ = 't'; break;
        case '\v': *o++ = '\\'; *o++ = 'v'; break;
        default:
            if (c >= ' ' && c <= 0x7e) {
                *o++ = (char)c;
            } else if (i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7') {
                o += sprintf(o, "\\%03o", c);
            } else {
                o += sprintf(o, "\\%o", c);
            }
        }
    }
    *o++ = '"';
    *o = '\0';
    return out;
}

/* A buffer of LEN bytes as strace prints it with -s MAX: the first MAX
 * bytes quoted, followed by ... when there were more. */
static inline const char* squote(const void* buf, size_t len, size_t max) {
    if (len <= max)
        return quote_bytes(buf, len);
    return xasprintf("%s...", quote_bytes(buf, max));
}

/* A buffer argument of LEN bytes: NULL, an address when unreadable, else
 * its bytes as squote() prints them. */
static inline const char* sbufp(const void* buf, size_t len, size_t max) {
    if (!buf)
        return "NULL";
    return mapped(buf) ? squote(buf, len, max) : sptr(buf);
}

/* A NUL-terminated string as strace prints it with -s MAX. */
static inline const char* sstr(const char* s, size_t max) {
    return squote(s, strlen(s), max);
}

/* A file name: quoted in full (-s does not apply to paths). */
static inline const char* spath(const char* s) {
    return quote_bytes(s, strlen(s));
}

/* A file name argument that may be NULL or unreadable. */
static inline const char* spathp(const void* p) {
    return mapped(p) ? spath(p) : sptr(p);
}

/* A string argument that may be NULL or unreadable, with -s MAX. */
static inline const char* sstrp(const void* p, size_t max) {
    return mapped(p) ? sstr(p, max) : sptr(p);
}

/* A directory descriptor argument: AT_FDCWD or the number. */
static inline const char* sdirfd(int fd) {
    return fd == AT_FDCWD ? "AT_FDCWD" : xasprintf("%d", fd);
}

/* A constant and its name, for flag sets and enumerations. */
struct xlat {
    unsigned long long val;
    const char* name;
};
#define XLAT(x) { (unsigned long long)(x), #x }
#define XLAT_END { 0, NULL }

/* A flag set: the names of the table's entries whose bits are all set, in
 * table order, joined by |, then the leftover bits in hex.  When no name
 * matches, the value in hex and, if DFLT is given, DFLT in a comment
 * ("0x10" then the comment "CLOSE_RANGE_???").  Zero is the table's name
 * for 0, or "0". */
static inline const char* sflags(const struct xlat* tbl, unsigned long long v, const char* dflt) {
    char* out = xasprintf("%s", "");

    if (v == 0) {
        for (; tbl->name; tbl++)
            if (tbl->val == 0)
                return tbl->name;
        return "0";
    }
    for (; tbl->name; tbl++) {
        if (tbl->val != 0 && (v & tbl->val) == tbl->val) {
            out = xasprintf("%s%s%s", out, *out ? "|" : "", tbl->name);
            v &= ~tbl->val;
        }
    }
    if (!*out)
        return dflt ? xasprintf("%#llx /* %s */", v, dflt) : xasprintf("%#llx", v);
    if (v)
        out = xasprintf("%s|%#llx", out, v);
    return out;
}

/* One value of an enumeration: its name, or hex and the comment strace
 * adds for an unknown value (such as "F_???"). */
static inline const char* sxval(const struct xlat* tbl, unsigned long long v, const char* unknown) {
    for (; tbl->name; tbl++)
        if (tbl->val == v)
            return tbl->name;
    return xasprintf("%#llx /* %s */", v, unknown);
}

/* The *at calls' flags, as strace prints them for most calls (AT_EACCESS
 * has AT_REMOVEDIR's value and shows as that). */
static const struct xlat at_flags[] = {
    XLAT(AT_SYMLINK_NOFOLLOW),
    XLAT(AT_REMOVEDIR),
    XLAT(AT_SYMLINK_FOLLOW),
    XLAT(AT_NO_AUTOMOUNT),
    XLAT(AT_EMPTY_PATH),
    { 0x8000, "AT_RECURSIVE" },
    XLAT_END,
};

/* The kernel's values of the open flags that glibc hides or defines as 0
 * on x86-64. */
#define K_O_LARGEFILE 0100000
#define K___O_SYNC 04000000
#define K___O_TMPFILE 020000000

/* open's flags other than the access mode, in strace's order (also the
 * flags of dup3, pipe2 and others). */
static const struct xlat open_mode_flags[] = {
    XLAT(O_CREAT),
    XLAT(O_EXCL),
    XLAT(O_NOCTTY),
    XLAT(O_TRUNC),
    XLAT(O_APPEND),
    XLAT(O_NONBLOCK),
    { K___O_SYNC | O_DSYNC, "O_SYNC" },
    { K___O_SYNC, "__O_SYNC" },
    XLAT(O_DSYNC),
    XLAT(O_DIRECT),
    { K_O_LARGEFILE, "O_LARGEFILE" },
    XLAT(O_NOFOLLOW),
    XLAT(O_NOATIME),
    XLAT(O_CLOEXEC),
    XLAT(O_PATH),
    { K___O_TMPFILE | O_DIRECTORY, "O_TMPFILE" },
    { K___O_TMPFILE, "__O_TMPFILE" },
    XLAT(O_DIRECTORY),
    XLAT(FASYNC),
    XLAT_END,
};

/* open's flags as strace prints them: the access mode first (O_RDONLY,
 * O_WRONLY, O_RDWR or O_ACCMODE), then the other flags, then unknown bits
 * in hex. */
static inline const char* sopenflags(unsigned long long flags) {
    static const struct xlat modes[] = {
        XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT(O_ACCMODE), XLAT_END,
    };
    const char* mode = sxval(modes, flags & O_ACCMODE, "");
    unsigned long long rest = flags & ~(unsigned long long)O_ACCMODE;

    if (!rest)
        return mode;
    return xasprintf("%s|%s", mode, sflags(open_mode_flags, rest, NULL));
}

/* A mode given as a number (open, mkdir, chmod): octal, at least 3 digits
 * (000, 0644, 04755). */
static inline const char* soctal(unsigned int mode) {
    return xasprintf("%#03o", mode);
}

/* A mode with its file type (stat's st_mode, mknod): S_IFREG|0644,
 * S_IFDIR|S_ISVTX|0777, or plain octal when the type is unknown. */
static inline const char* smode(unsigned int mode) {
    static const struct xlat types[] = {
        XLAT(S_IFREG), XLAT(S_IFSOCK), XLAT(S_IFIFO), XLAT(S_IFLNK),
        XLAT(S_IFDIR), XLAT(S_IFBLK), XLAT(S_IFCHR), XLAT_END,
    };
    const char* type = "";

    if (mode & S_IFMT) {
        const struct xlat* t;

        for (t = types; t->name && t->val != (mode & S_IFMT); t++)
            continue;
        if (!t->name)
            return soctal(mode);
        type = t->name;
    }
    return xasprintf("%s%s%s%s%s%#03o", type, *type ? "|" : "",
                     (mode & S_ISUID) ? "S_ISUID|" : "", (mode & S_ISGID) ? "S_ISGID|" : "",
                     (mode & S_ISVTX) ? "S_ISVTX|" : "",
                     mode & ~(unsigned int)(S_IFMT | S_ISUID | S_ISGID | S_ISVTX));
}

/* A device number: makedev(0x1, 0x3). */
static inline const char* sdev(unsigned long long dev) {
    return xasprintf("makedev(%#x, %#x)", major(dev), minor(dev));
}

/* A struct stat as strace prints it without -v: the mode, then the device
 * number of a device file or else the size, then "...". */
static inline const char* sstat(const struct stat* st) {
    unsigned int type = st->st_mode & S_IFMT;

    if (type == S_IFCHR || type == S_IFBLK)
        return xasprintf("{st_mode=%s, st_rdev=%s, ...}", smode(st->st_mode), sdev(st->st_rdev));
    return xasprintf("{st_mode=%s, st_size=%lld, ...}", smode(st->st_mode), (long long)st->st_size);
}

/* statx's mask bits, as strace 6.1 knows them (the combined values first). */
static const struct xlat statx_masks[] = {
    { 0xfff, "STATX_ALL" },
    { 0x7ff, "STATX_BASIC_STATS" },
    { 0x1, "STATX_TYPE" },
    { 0x2, "STATX_MODE" },
    { 0x4, "STATX_NLINK" },
    { 0x8, "STATX_UID" },
    { 0x10, "STATX_GID" },
    { 0x20, "STATX_ATIME" },
    { 0x40, "STATX_MTIME" },
    { 0x80, "STATX_CTIME" },
    { 0x100, "STATX_INO" },
    { 0x200, "STATX_SIZE" },
    { 0x400, "STATX_BLOCKS" },
    { 0x800, "STATX_BTIME" },
    { 0x1000, "STATX_MNT_ID" },
    { 0x2000, "STATX_DIOALIGN" },
    /* newer than strace 6.1, which prints them in hex: ptshim names them */
    { 0x4000, "STATX_MNT_ID_UNIQUE" },
    { 0x8000, "STATX_SUBVOL" },
    { 0x10000, "STATX_WRITE_ATOMIC" },
    XLAT_END,
};

/* statx's attribute bits, as strace 6.1 knows them. */
static const struct xlat statx_attrs[] = {
    { 0x4, "STATX_ATTR_COMPRESSED" },
    { 0x10, "STATX_ATTR_IMMUTABLE" },
    { 0x20, "STATX_ATTR_APPEND" },
    { 0x40, "STATX_ATTR_NODUMP" },
    { 0x800, "STATX_ATTR_ENCRYPTED" },
    { 0x1000, "STATX_ATTR_AUTOMOUNT" },
    { 0x2000, "STATX_ATTR_MOUNT_ROOT" },
    { 0x100000, "STATX_ATTR_VERITY" },
    { 0x200000, "STATX_ATTR_DAX" },
    XLAT_END,
};

/* A struct statx as strace prints it without -v. */
static inline const char* sstatx(const struct statx* sx) {
    return xasprintf("{stx_mask=%s, stx_attributes=%s, stx_mode=%s, stx_size=%llu, ...}",
                     sflags(statx_masks, sx->stx_mask, "STATX_???"),
                     sflags(statx_attrs, sx->stx_attributes, "STATX_ATTR_???"), smode(sx->stx_mode),
                     (unsigned long long)sx->stx_size);
}

/* A signal's name as it appears in a set: USR1, RTMIN, RT_4 (signals
 * above 33 are numbered from the kernel's SIGRTMIN, 32). */
static inline const char* ssigname(int sig) {
    if (sig == 32)
        return "RTMIN";
    if (sig > 32)
        return xasprintf("RT_%d", sig - 32);
    return sigabbrev_np(sig);
}

/* A signal number as strace prints it alone: SIGUSR1, SIGRT_2 (numbered
 * from the kernel's SIGRTMIN, 32), or the number when it is no signal. */
static inline const char* ssigno(int sig) {
    if (sig >= 32 && sig <= 64)
        return xasprintf("SIGRT_%d", sig - 32);
    if (sig > 0 && sig < 32)
        return xasprintf("SIG%s", sigabbrev_np(sig));
    return xasprintf("%d", sig);
}

/* A signal set of SIZE bytes (at most 8) as strace prints it: [USR1 RT_4],
 * [] for none, or ~[...] listing the signals not in the set when two
 * thirds or more of its bits are set. */
static inline const char* ssigset(uint64_t mask, unsigned int size) {
    unsigned int bits = (size + 3) / 4 * 32;
    char* out;

    if (bits < 64)
        mask &= (1ULL << bits) - 1;
    out = xasprintf("%s", (unsigned int)__builtin_popcountll(mask) >= bits * 2 / 3 ? "~" : "");
    if (*out)
        mask = ~mask & (bits < 64 ? (1ULL << bits) - 1 : ~0ULL);
    out = xasprintf("%s[", out);
    for (unsigned int i = 0; i < bits; i++)
        if (mask & (1ULL << i))
            out = xasprintf("%s%s%s", out, out[strlen(out) - 1] == '[' ? "" : " ",
                            ssigname((int)i + 1));
    return xasprintf("%s]", out);
}

/* struct timespec and struct timeval (the fraction printed unsigned). */
static inline const char* stimespec(const struct timespec* ts) {
    return xasprintf("{tv_sec=%lld, tv_nsec=%llu}", (long long)ts->tv_sec,
                     (unsigned long long)ts->tv_nsec);
}

static inline const char* stimeval(const struct timeval* tv) {
    return xasprintf("{tv_sec=%lld, tv_usec=%llu}", (long long)tv->tv_sec,
                     (unsigned long long)tv->tv_usec);
}

/* Expected lines go to stdout through a static buffer set up before main:
 * no newfstatat/ioctl on fd 1 at its first use, and no write until the
 * buffer fills. */
__attribute__((constructor)) static void trace_fs_stdout_buffer(void) {
    static char buf[1 << 16];

    setvbuf(stdout, buf, _IOFBF, sizeof(buf));
}

/* For a program that traces write itself: make stdout write through
 * writev, so that its own output never shows in the trace. */
static inline ssize_t trace_fs_writev_out(void* cookie, const char* buf, size_t size) {
    size_t done = 0;

    (void)cookie;
    while (done < size) {
        struct iovec iov = { (void*)(uintptr_t)(buf + done), size - done };
        long n;

        n = syscall(SYS_writev, 1, &iov, 1);
        if (n <= 0)
            return done ? (ssize_t)done : -1;
        done += (size_t)n;
    }
    return (ssize_t)done;
}

/* For a program that traces writev, pwrite64 and the like: make stdout
 * write through plain write. */
static inline ssize_t trace_fs_write_out(void* cookie, const char* buf, size_t size) {
    size_t done = 0;

    (void)cookie;
    while (done < size) {
        long n = syscall(SYS_write, 1, buf + done, size - done);

        if (n <= 0)
            return done ? (ssize_t)done : -1;
        done += (size_t)n;
    }
    return (ssize_t)done;
}

/* Route stdout through system call NR: SYS_write or SYS_writev. */
static inline void stdout_via(long nr) {
    static char buf[1 << 16];
    cookie_io_functions_t io = {
        .write = nr == SYS_writev ? trace_fs_writev_out : trace_fs_write_out,
    };
    FILE* f;

    CHECK(fflush(stdout) == 0);
    f = fopencookie(NULL, "w", io);
    CHECK(f != NULL);
    setvbuf(f, buf, _IOFBF, sizeof(buf));
    stdout = f;
}

#endif /* TRACE_FS_H */

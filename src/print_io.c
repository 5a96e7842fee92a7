/*
 * print_io.c: iovec arrays, pollfd arrays, epoll events, directory entries,
 * statx, statfs and open_how, as strace prints them.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/uio.h>

#include "print_struct.h"

/* An array of COUNT iovecs.  At exit (readv and the like) the data shown is
 * what the call transferred: the return value, spread over the buffers. */
void print_struct_iovec(struct tcb* t, PAL_NUM addr, long count) {
    PAL_NUM left = t->exiting ? (PAL_NUM)t->ret : (PAL_NUM)-1;
    /* a failed call transferred nothing: the buffers' addresses */
    bool bases = t->exiting && syserror(t);
    struct iovec iov;

    if (count < 0)
        count = 1;
    if (count > 0 && tracee_read(t, addr, &iov, sizeof(iov)) < 0) {
        print_addr(t, addr);
        return;
    }
    trace_putc(t, '[');
    for (long i = 0; i < count; i++) {
        PAL_NUM len;

        if (!print_array_elem(t, addr, i, &iov, sizeof(iov)))
            break;
        len = iov.iov_len < left ? iov.iov_len : left;
        trace_puts(t, "{iov_base=");
        if (bases)
            print_addr(t, (PAL_NUM)(uintptr_t)iov.iov_base);
        else
            print_buf(t, (PAL_NUM)(uintptr_t)iov.iov_base, len);
        trace_printf(t, ", iov_len=%zu}", iov.iov_len);
        left -= len;
    }
    trace_putc(t, ']');
}

/* pollfd arrays: at entry the events asked for; the revents come with the
 * result. */
void print_struct_pollfd(struct tcb* t, PAL_NUM addr, long count) {
    struct pollfd p;

    if (count < 0)
        count = 1;
    trace_putc(t, '[');
    for (long i = 0; i < count; i++) {
        if (i)
            trace_puts(t, ", ");
        if ((unsigned long)i >= g_max_strlen) {
            trace_puts(t, "...");
            break;
        }
        if (tracee_read(t, addr + (PAL_NUM)i * sizeof(p), &p, sizeof(p)) < 0) {
            print_addr(t, addr + (PAL_NUM)i * sizeof(p));
            break;
        }
        trace_puts(t, "{fd=");
        print_fd(t, p.fd);
        trace_puts(t, t->exiting ? ", revents=" : ", events=");
        print_flags(t, &xlat_poll_events, (unsigned short)(t->exiting ? p.revents : p.events));
        trace_putc(t, '}');
    }
    trace_putc(t, ']');
}

void print_struct_epoll_event(struct tcb* t, PAL_NUM addr, long count) {
    struct epoll_event ev;
    long n = count < 0 ? 1 : count;

    if (t->exiting && !syserror(t) && count >= 0 && t->ret < n)
        n = t->ret; /* epoll_wait fills as many as it returns */
    if ((count < 0 || n > 0) && !tracee_fetch(t, addr, &ev, sizeof(ev)))
        return;
    if (count >= 0)
        trace_putc(t, '[');
    for (long i = 0; i < n; i++) {
        /* at most -s of them, however many the call returned */
        if (count >= 0 && !print_array_elem(t, addr, i, &ev, sizeof(ev)))
            break;
        trace_puts(t, "{events=");
        print_flags(t, &xlat_epoll_events, ev.events);
        trace_printf(t, ", data={u32=%u, u64=%llu}}", ev.data.u32,
                     (unsigned long long)ev.data.u64);
    }
    if (count >= 0)
        trace_putc(t, ']');
}

/* getdents, getdents64: strace shows only how many entries came back.
 * Both layouts start with two 8-byte fields and the record length; the
 * buffer is read a window at a time, however large it is. */
static void print_dirents(struct tcb* t, PAL_NUM addr) {
    size_t len = t->exiting && !syserror(t) ? (size_t)t->ret : 0;
    size_t reclen_at = 16, off = 0;
    unsigned n = 0;

    while (off + reclen_at + 2 <= len) {
        unsigned char win[4096];
        size_t wlen = len - off < sizeof(win) ? len - off : sizeof(win), w = 0;

        if (tracee_read(t, addr + off, win, wlen) < 0) {
            print_addr(t, addr);
            return;
        }
        while (w + reclen_at + 2 <= wlen) {
            unsigned short reclen;

            memcpy(&reclen, win + w + reclen_at, sizeof(reclen));
            if (!reclen)
                goto done;
            w += reclen;
            n++;
        }
        off += w;
    }
done:
    print_addr(t, addr);
    trace_printf(t, " /* %u entries */", n);
}

void print_struct_linux_dirent(struct tcb* t, PAL_NUM addr, long count) {
    print_dirents(t, addr);
}

void print_struct_linux_dirent64(struct tcb* t, PAL_NUM addr, long count) {
    print_dirents(t, addr);
}

void print_struct_statfs(struct tcb* t, PAL_NUM addr, long count) {
    struct statfs s;

    if (!tracee_fetch(t, addr, &s, sizeof(s)))
        return;
    trace_puts(t, "{f_type=");
    print_enum(t, &xlat_fs_magic, (uint64_t)s.f_type, NULL);
    trace_printf(t,
                 ", f_bsize=%ld, f_blocks=%lu, f_bfree=%lu, f_bavail=%lu, f_files=%lu, "
                 "f_ffree=%lu, f_fsid={val=[%#x, %#x]}, f_namelen=%ld, f_frsize=%ld, f_flags=",
                 (long)s.f_bsize, (unsigned long)s.f_blocks, (unsigned long)s.f_bfree,
                 (unsigned long)s.f_bavail, (unsigned long)s.f_files, (unsigned long)s.f_ffree,
                 (unsigned)s.f_fsid.__val[0], (unsigned)s.f_fsid.__val[1], (long)s.f_namelen,
                 (long)s.f_frsize);
    print_flags(t, &xlat_statfs_flags, (uint64_t)s.f_flags);
    trace_putc(t, '}');
}

void print_struct_statx(struct tcb* t, PAL_NUM addr, long count) {
    struct statx sx;

    if (!tracee_fetch(t, addr, &sx, sizeof(sx)))
        return;
    trace_puts(t, "{stx_mask=");
    print_flags(t, &xlat_statx_mask, sx.stx_mask);
    trace_puts(t, ", stx_attributes=");
    print_flags(t, &xlat_statx_attrs, sx.stx_attributes);
    trace_puts(t, ", stx_mode=");
    print_file_mode(t, sx.stx_mode);
    trace_printf(t, ", stx_size=%llu, ...}", (unsigned long long)sx.stx_size);
}

/* openat2's how, of usize bytes (the argument after it): an address when
 * too small, and the bytes beyond the struct when some are set. */
void print_struct_open_how(struct tcb* t, PAL_NUM addr, long count) {
    struct {
        uint64_t flags, mode, resolve;
    } how;
    PAL_NUM size = t->args[3];

    if (size < sizeof(how)) {
        print_addr(t, addr);
        return;
    }
    if (!tracee_fetch(t, addr, &how, sizeof(how)))
        return;
    trace_puts(t, "{flags=");
    print_flags(t, &xlat_open_flags, how.flags);
    if (how.mode || (how.flags & O_CREAT) || (how.flags & O_TMPFILE) == O_TMPFILE) {
        trace_puts(t, ", mode=");
        print_mode(t, (unsigned)how.mode);
    }
    trace_puts(t, ", resolve=");
    print_flags(t, &xlat_resolve_flags, how.resolve);
    if (size > sizeof(how)) {
        unsigned char tail[64];
        size_t n = size - sizeof(how) < sizeof(tail) ? size - sizeof(how) : sizeof(tail);
        bool set = false;

        if (tracee_read(t, addr + sizeof(how), tail, n) == 0)
            for (size_t i = 0; i < n; i++)
                set |= tail[i] != 0;
        if (set) {
            trace_printf(t, ", /* bytes %zu..%llu */ ", sizeof(how), (unsigned long long)size - 1);
            print_buf_style(t, addr + sizeof(how), size - sizeof(how), BUF_HEX);
        }
    }
    trace_putc(t, '}');
}

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

        if (i)
            trace_puts(t, ", ");
        if ((unsigned long)i >= g_max_strlen) {
            trace_puts(t, "...");
            break;
        }
        if (tracee_read(t, addr + (PAL_NUM)i * sizeof(iov), &iov, sizeof(iov)) < 0) {
            trace_puts(t, "...");
            print_addr(t, addr + (PAL_NUM)i * sizeof(iov));
            break;
        }
        len = iov.iov_len < left ? iov.iov_len : left;
        trace_puts(t, "{iov_base=");
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
    if (count >= 0)
        trace_putc(t, '[');
    for (long i = 0; i < n; i++) {
        if (i)
            trace_puts(t, ", ");
        if (tracee_read(t, addr + (PAL_NUM)i * sizeof(ev), &ev, sizeof(ev)) < 0) {
            print_addr(t, addr + (PAL_NUM)i * sizeof(ev));
            break;
        }
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

void print_struct_open_how(struct tcb* t, PAL_NUM addr, long count) {
    struct {
        uint64_t flags, mode, resolve;
    } how;

    if (!tracee_fetch(t, addr, &how, sizeof(how)))
        return;
    trace_puts(t, "{flags=");
    print_flags(t, &xlat_open_flags, how.flags);
    if (how.flags & (O_CREAT | O_TMPFILE)) {
        trace_puts(t, ", mode=");
        print_mode(t, (unsigned)how.mode);
    }
    trace_puts(t, ", resolve=");
    print_flags(t, &xlat_resolve_flags, how.resolve);
    trace_putc(t, '}');
}

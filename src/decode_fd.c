/*
 * decode_fd.c: descriptor calls whose arguments need more than their
 * table types (@custom in syscalls.tbl): ioctl, fcntl, setsockopt,
 * getsockopt, sendfile, epoll_ctl, epoll_pwait, epoll_pwait2.
 */
#include "config.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "print_struct.h"

static void print_winsize(struct tcb* t, PAL_NUM addr) {
    struct winsize ws;

    if (tracee_fetch(t, addr, &ws, sizeof(ws)))
        trace_printf(t, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", ws.ws_row,
                     ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
}

/* A request without a name: its encoding, _IOC(_IOC_READ, 0xee, 0x2, 0x4) */
static void print_ioctl_cmd(struct tcb* t, unsigned cmd) {
    static const char* const dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
                                       "_IOC_READ|_IOC_WRITE"};
    const char* name = xlat_name(&xlat_ioctl_cmds, cmd);

    if (name) {
        trace_puts(t, name);
        return;
    }
    trace_printf(t, "_IOC(%s, %#x, %#x, %#x)", dirs[_IOC_DIR(cmd) & 3], _IOC_TYPE(cmd),
                 _IOC_NR(cmd), _IOC_SIZE(cmd));
}

int decode_ioctl(struct tcb* t) {
    unsigned cmd = (unsigned)t->args[1];
    PAL_NUM arg = t->args[2];

    if (!t->exiting) {
        print_fd(t, (int)t->args[0]);
        trace_puts(t, ", ");
        print_ioctl_cmd(t, cmd);
        switch (cmd) {
        case FIONBIO:
        case FIOASYNC:
        case TIOCSPGRP:
            trace_puts(t, ", ");
            print_int(t, arg, -1);
            return DECODE_DONE;
        case TIOCSWINSZ:
            trace_puts(t, ", ");
            print_winsize(t, arg);
            return DECODE_DONE;
        case TIOCNOTTY:
        case TIOCEXCL:
        case TIOCNXCL:
        case FIOCLEX:
        case FIONCLEX:
            return DECODE_DONE;
        case FIONREAD:
        case TIOCGPGRP:
        case TIOCGPTN:
        case TIOCGWINSZ:
            trace_puts(t, ", ");
            return 0; /* filled by the call */
        default:
            trace_puts(t, ", ");
            print_addr(t, arg);
            return DECODE_DONE;
        }
    }
    if (syserror(t) || !arg) {
        print_addr(t, arg);
        return 0;
    }
    if (cmd == TIOCGWINSZ)
        print_winsize(t, arg);
    else
        print_int(t, arg, -1);
    return 0;
}

static void print_flock(struct tcb* t, PAL_NUM addr) {
    struct flock fl;

    if (!tracee_fetch(t, addr, &fl, sizeof(fl)))
        return;
    trace_puts(t, "{l_type=");
    print_enum(t, &xlat_lock_types, (uint16_t)fl.l_type, NULL);
    trace_puts(t, ", l_whence=");
    print_enum(t, &xlat_whence, (uint16_t)fl.l_whence, NULL);
    trace_printf(t, ", l_start=%lld, l_len=%lld", (long long)fl.l_start, (long long)fl.l_len);
    if (t->exiting)
        trace_printf(t, ", l_pid=%d", fl.l_pid);
    trace_putc(t, '}');
}

/* F_GETOWN_EX, F_SETOWN_EX: {type=F_OWNER_PID, pid=N} */
static void print_owner(struct tcb* t, PAL_NUM addr) {
    struct f_owner_ex o;

    if (!tracee_fetch(t, addr, &o, sizeof(o)))
        return;
    trace_puts(t, "{type=");
    print_enum(t, &xlat_owner_types, (unsigned)o.type, NULL);
    trace_printf(t, ", pid=%d}", o.pid);
}

int decode_fcntl(struct tcb* t) {
    int cmd = (int)t->args[1];
    PAL_NUM arg = t->args[2];

    if (t->exiting) {
        if (cmd == F_GETFD && !syserror(t))
            t->rval_xlat = &xlat_fd_flags;
        else if (cmd == F_GETFL && !syserror(t))
            t->rval_xlat = &xlat_open_flags;
        else if (cmd == F_GETLK || cmd == F_OFD_GETLK)
            syserror(t) ? print_addr(t, arg) : print_flock(t, arg);
        else if (cmd == F_GETSIG && !syserror(t) && t->ret)
            t->rval_xlat = &xlat_signals;
        else if (cmd == F_GETLEASE && !syserror(t))
            t->rval_xlat = &xlat_lock_types, t->rval_hex = true;
        else if (cmd == F_GET_SEALS && !syserror(t))
            t->rval_xlat = &xlat_seals, t->rval_label = "seals";
        else if (cmd == F_GETOWN_EX)
            syserror(t) ? print_addr(t, arg) : print_owner(t, arg);
        return 0;
    }
    print_fd(t, (int)t->args[0]);
    trace_puts(t, ", ");
    print_enum(t, &xlat_fcntl_cmds, (unsigned)cmd, "F_???");
    switch (cmd) {
    case F_GETFD:
    case F_GETFL:
        return 0; /* the result reads as flags */
    case F_GETOWN_EX:
        trace_puts(t, ", ");
        return 0;
    case F_SETOWN_EX:
        trace_puts(t, ", ");
        print_owner(t, arg);
        return DECODE_DONE;
    case F_GETSIG:
    case F_GETLEASE:
    case F_GET_SEALS:
        return 0; /* the result reads as a signal, a lease, seals */
    case F_ADD_SEALS:
        trace_puts(t, ", ");
        print_flags(t, &xlat_seals, (uint32_t)arg);
        return DECODE_DONE;
    case F_SETLEASE:
        trace_puts(t, ", ");
        print_enum(t, &xlat_lock_types, (uint32_t)arg, NULL);
        return DECODE_DONE;
    case F_NOTIFY:
        trace_puts(t, ", ");
        print_flags(t, &xlat_dnotify_flags, (uint32_t)arg);
        return DECODE_DONE;
    case F_GETOWN:
    case F_GETPIPE_SZ:
        return DECODE_DONE;
    case F_SETFD:
        trace_puts(t, ", ");
        print_flags(t, &xlat_fd_flags, (uint32_t)arg);
        return DECODE_DONE;
    case F_SETFL:
        trace_puts(t, ", ");
        print_flags(t, &xlat_open_flags, (uint32_t)arg);
        return DECODE_DONE;
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
        trace_puts(t, ", ");
        print_flock(t, arg);
        return DECODE_DONE;
    case F_GETLK:
    case F_OFD_GETLK:
        trace_puts(t, ", ");
        return 0;
    case F_SETSIG:
        trace_puts(t, ", ");
        print_signo(t, (int)arg);
        return DECODE_DONE;
    default:
        /* an unknown command's argument could be anything: hex */
        if (xlat_name(&xlat_fcntl_cmds, (unsigned)cmd))
            trace_printf(t, ", %lld", (long long)(int)arg);
        else
            trace_printf(t, ", %#llx", (unsigned long long)arg);
        return DECODE_DONE;
    }
}

/* the option's value: an int, as strace shows the common ones, else the
 * address */
static void print_optval(struct tcb* t, PAL_NUM addr, long len) {
    if (len >= (long)sizeof(int))
        print_int(t, addr, -1);
    else if (len > 0)
        print_buf_style(t, addr, (PAL_NUM)len, BUF_HEX);
    else
        print_addr(t, addr);
}

static void print_optname(struct tcb* t) {
    if ((int)t->args[1] == SOL_SOCKET)
        print_enum(t, &xlat_sockopt_socket, (uint32_t)t->args[2], NULL);
    else
        trace_printf(t, "%d", (int)t->args[2]);
}

static void print_sockopt_head(struct tcb* t) {
    print_fd(t, (int)t->args[0]);
    trace_puts(t, ", ");
    print_enum(t, &xlat_socket_levels, (uint32_t)t->args[1], NULL);
    trace_puts(t, ", ");
    print_optname(t);
    trace_puts(t, ", ");
}

int decode_setsockopt(struct tcb* t) {
    print_sockopt_head(t);
    print_optval(t, t->args[3], (long)(int)t->args[4]);
    trace_printf(t, ", %d", (int)t->args[4]);
    return DECODE_DONE;
}

int decode_getsockopt(struct tcb* t) {
    int len = 0;

    if (!t->exiting) {
        print_sockopt_head(t);
        return 0;
    }
    if (syserror(t) || tracee_read(t, t->args[4], &len, sizeof(len)) < 0) {
        print_addr(t, t->args[3]);
        trace_puts(t, ", ");
        print_addr(t, t->args[4]);
        return 0;
    }
    print_optval(t, t->args[3], len);
    trace_printf(t, ", [%d]", len);
    return 0;
}

/* sendfile(out, in, [2] => [7], 5): the offset before, and after when the
 * call moved it */
int decode_sendfile(struct tcb* t) {
    PAL_NUM off = t->args[2];
    uint64_t v;

    if (t->exiting) {
        if (off && t->ret > 0 && tracee_read(t, off, &v, sizeof(v)) == 0)
            trace_printf(t, " => [%llu]", (unsigned long long)v);
        trace_printf(t, ", %llu", (unsigned long long)t->args[3]);
        return 0;
    }
    print_fd(t, (int)t->args[0]);
    trace_puts(t, ", ");
    print_fd(t, (int)t->args[1]);
    trace_puts(t, ", ");
    if (!off)
        trace_puts(t, "NULL");
    else if (tracee_fetch(t, off, &v, sizeof(v)))
        trace_printf(t, "[%llu]", (unsigned long long)v);
    return 0;
}

/* epoll_ctl: EPOLL_CTL_DEL ignores the event, which shows as an address */
int decode_epoll_ctl(struct tcb* t) {
    int op = (int)t->args[1];

    print_fd(t, (int)t->args[0]);
    trace_puts(t, ", ");
    print_enum(t, &xlat_epoll_ops, (unsigned)op, NULL);
    trace_puts(t, ", ");
    print_fd(t, (int)t->args[2]);
    trace_puts(t, ", ");
    if (op == EPOLL_CTL_DEL || !t->args[3])
        print_addr(t, t->args[3]);
    else
        print_struct_epoll_event(t, t->args[3], -1);
    return DECODE_DONE;
}

/* epoll_pwait(epfd, [{events=EPOLLIN, ...}], 4, 0, [USR1], 8): strace
 * decodes all but the descriptor at exit, so a failed call shows the mask
 * and epoll_pwait2's timeout as addresses. */
static int decode_epoll_pwait_common(struct tcb* t, bool timespec) {
    if (!t->exiting) {
        print_fd(t, (int)t->args[0]);
        trace_puts(t, ", ");
        return 0;
    }
    if (syserror(t))
        print_addr(t, t->args[1]);
    else
        print_struct_epoll_event(t, t->args[1], t->ret);
    trace_printf(t, ", %d, ", (int)t->args[2]);
    if (!timespec)
        trace_printf(t, "%d", (int)t->args[3]);
    else if (syserror(t) || !t->args[3])
        print_addr(t, t->args[3]);
    else
        print_struct_timespec(t, t->args[3], -1);
    trace_puts(t, ", ");
    if (syserror(t) || !t->args[4])
        print_addr(t, t->args[4]);
    else
        print_struct_sigset(t, t->args[4], -1);
    trace_printf(t, ", %llu", (unsigned long long)t->args[5]);
    return 0;
}

int decode_epoll_pwait(struct tcb* t) {
    return decode_epoll_pwait_common(t, false);
}

int decode_epoll_pwait2(struct tcb* t) {
    return decode_epoll_pwait_common(t, true);
}

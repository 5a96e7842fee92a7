/*
 * decode_fd.c: the descriptor calls that multiplex on an argument: ioctl,
 * fcntl, setsockopt, getsockopt (@custom in syscalls.tbl).
 */
#include "config.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "print_struct.h"

static void print_winsize(struct tcb* t, PAL_NUM addr) {
    struct winsize ws;

    if (tracee_fetch(t, addr, &ws, sizeof(ws)))
        trace_printf(t, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}", ws.ws_row,
                     ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
}

int decode_ioctl(struct tcb* t) {
    unsigned cmd = (unsigned)t->args[1];
    PAL_NUM arg = t->args[2];

    if (!t->exiting) {
        print_fd(t, (int)t->args[0]);
        trace_puts(t, ", ");
        print_enum(t, &xlat_ioctl_cmds, cmd, NULL);
        switch (cmd) {
        case FIONBIO:
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
        return 0;
    }
    print_fd(t, (int)t->args[0]);
    trace_puts(t, ", ");
    print_enum(t, &xlat_fcntl_cmds, (unsigned)cmd, "F_???");
    switch (cmd) {
    case F_GETFD:
    case F_GETFL:
    case F_GETOWN:
    case F_GETSIG:
    case F_GETLEASE:
    case F_GETPIPE_SZ:
    case F_GET_SEALS:
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
        trace_printf(t, ", %lld", (long long)(int)arg);
        return DECODE_DONE;
    }
}

/* the option's value: an int, as strace shows the common ones, else the
 * address */
static void print_optval(struct tcb* t, PAL_NUM addr, long len) {
    if (len == (long)sizeof(int))
        print_int(t, addr, -1);
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

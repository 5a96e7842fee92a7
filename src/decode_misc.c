/*
 * decode_misc.c: calls that print one argument differently from their
 * table types (@custom in syscalls.tbl): getrandom, mknod, mknodat.
 */
#include "config.h"

#include <sys/stat.h>

#include "print_struct.h"

/* getrandom("\x8f\x1e...", 8, GRND_NONBLOCK): random bytes in hex */
int decode_getrandom(struct tcb* t) {
    if (!t->exiting)
        return 0;
    if (syserror(t))
        print_addr(t, t->args[0]);
    else
        print_buf_style(t, t->args[0], (PAL_NUM)t->ret, BUF_HEX);
    trace_printf(t, ", %llu, ", (unsigned long long)t->args[1]);
    print_flags(t, &xlat_getrandom_flags, t->args[2]);
    return 0;
}

/* mknod("null", S_IFCHR|0666, makedev(0x1, 0x3)): a device number only for
 * a device */
static void print_mknod_tail(struct tcb* t, unsigned mode, PAL_NUM dev) {
    print_file_mode(t, mode);
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        trace_puts(t, ", ");
        print_dev(t, (uint32_t)dev);
    }
}

int decode_mknod(struct tcb* t) {
    print_path(t, t->args[0]);
    trace_puts(t, ", ");
    print_mknod_tail(t, (unsigned)t->args[1], t->args[2]);
    return DECODE_DONE;
}

int decode_mknodat(struct tcb* t) {
    print_dirfd(t, (int)t->args[0]);
    trace_puts(t, ", ");
    print_path(t, t->args[1]);
    trace_puts(t, ", ");
    print_mknod_tail(t, (unsigned)t->args[2], t->args[3]);
    return DECODE_DONE;
}

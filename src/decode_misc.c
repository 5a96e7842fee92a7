/*
 * decode_misc.c: calls that print one argument differently from their
 * table types (@custom in syscalls.tbl).
 */
#include "config.h"

#include "print_struct.h"

/* getrandom("\x8f\x1e...", 8, GRND_NONBLOCK): random bytes in hex */
int decode_getrandom(struct tcb* t) {
    if (!t->exiting)
        return 0;
    if (syserror(t))
        print_addr(t, t->args[0]);
    else
        print_buf_style(t, t->args[0], (PAL_NUM)t->ret, true);
    trace_printf(t, ", %llu, ", (unsigned long long)t->args[1]);
    print_flags(t, &xlat_getrandom_flags, t->args[2]);
    return 0;
}

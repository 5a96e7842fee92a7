/*
 * decode_misc.c: calls that print one argument differently from their
 * table types (@custom in syscalls.tbl): getrandom, mknod, mknodat,
 * nanosleep, clock_nanosleep.
 */
#include "config.h"

#include <sys/stat.h>
#include <time.h>

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

/* A sleep's remaining time, written by the kernel only when a signal cut
 * a relative sleep short: then its value, else its address (what else is
 * there may be anything).  Printed at exit, so that while the sleep
 * blocks its entry reads "nanosleep({tv_sec=3, tv_nsec=0}, ", as
 * strace's. */
static void print_time_left(struct tcb* t, PAL_NUM addr, bool relative) {
    long ret = t->ret;

    /* ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK */
    if (relative && (ret == -512 || ret == -513 || ret == -514 || ret == -516))
        print_struct_timespec(t, addr, -1);
    else
        print_addr(t, addr);
}

/* nanosleep({tv_sec=1, tv_nsec=0}, {tv_sec=0, tv_nsec=999}) */
int decode_nanosleep(struct tcb* t) {
    if (t->exiting) {
        print_time_left(t, t->args[1], true);
        return 0;
    }
    print_struct_timespec(t, t->args[0], -1);
    trace_puts(t, ", ");
    return 0;
}

/* clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0}, 0x7ffd...) */
int decode_clock_nanosleep(struct tcb* t) {
    if (t->exiting) {
        print_time_left(t, t->args[3], t->args[1] == 0);
        return 0;
    }
    print_enum(t, &xlat_clock_ids, (uint32_t)t->args[0], NULL);
    trace_puts(t, ", ");
    print_flags(t, &xlat_timer_flags, (uint32_t)t->args[1]);
    trace_puts(t, ", ");
    print_struct_timespec(t, t->args[2], -1);
    trace_puts(t, ", ");
    return 0;
}

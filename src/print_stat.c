/*
 * print_stat.c: struct stat, abbreviated as strace prints it by default:
 * the type and mode, the size (or the device of a device file), then "...".
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "decode.h"
#include "print_struct.h"

void print_file_mode(struct tcb* t, unsigned mode) {
    static const struct {
        unsigned type;
        const char* name;
    } types[] = {
        {S_IFREG, "S_IFREG"}, {S_IFDIR, "S_IFDIR"},   {S_IFCHR, "S_IFCHR"},
        {S_IFBLK, "S_IFBLK"}, {S_IFIFO, "S_IFIFO"},   {S_IFLNK, "S_IFLNK"},
        {S_IFSOCK, "S_IFSOCK"},
    };
    unsigned type = mode & S_IFMT;

    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (types[i].type == type) {
            trace_printf(t, "%s|", types[i].name);
            mode &= ~S_IFMT;
            break;
        }
    if (mode & S_ISUID)
        trace_puts(t, "S_ISUID|");
    if (mode & S_ISGID)
        trace_puts(t, "S_ISGID|");
    if (mode & S_ISVTX)
        trace_puts(t, "S_ISVTX|");
    trace_printf(t, "%#03o", mode & ~(unsigned)(S_ISUID | S_ISGID | S_ISVTX));
}

void print_dev(struct tcb* t, unsigned long long dev) {
    trace_printf(t, "makedev(%#x, %#x)", major(dev), minor(dev));
}

void print_struct_stat(struct tcb* t, PAL_NUM addr, long count) {
    struct stat st;

    if (!tracee_fetch(t, addr, &st, sizeof(st)))
        return;
    trace_puts(t, "{st_mode=");
    print_file_mode(t, st.st_mode);
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        trace_puts(t, ", st_rdev=");
        print_dev(t, st.st_rdev);
    } else {
        trace_printf(t, ", st_size=%lld", (long long)st.st_size);
    }
    trace_puts(t, ", ...}");
}

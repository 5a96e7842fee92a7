/*
 * syscall_report.c: --report FILE.
 *
 * Counts per system call number and layer, kept in a fixed array (the
 * per-call cost is one increment), written when the program exits.  Rows
 * are sorted by the calls the host answered, most first: the top of the
 * table is what a library OS would implement next.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syscall_defs.h"
#include "syscall_report.h"
#include "trace_json.h"

/* numbers from this one on share a row */
#define REPORT_MAX_NR 1024

const char* const g_layer_names[SHIM_NLAYERS] = {
    [SHIM_LAYER_SHIM] = "shim",
    [SHIM_LAYER_CHECKED] = "checked",
    [SHIM_LAYER_HOST] = "host",
    [SHIM_LAYER_ENOSYS] = "enosys",
};

static unsigned long g_counts[REPORT_MAX_NR + 1][SHIM_NLAYERS];

void syscall_report_count(PAL_NUM sysno, enum shim_layer layer) {
    g_counts[sysno < REPORT_MAX_NR ? sysno : REPORT_MAX_NR][layer]++;
}

struct row {
    int nr;
    unsigned long calls;
};

static unsigned long row_calls(int nr) {
    unsigned long n = 0;

    for (int l = 0; l < SHIM_NLAYERS; l++)
        n += g_counts[nr][l];
    return n;
}

static int row_cmp(const void* pa, const void* pb) {
    const struct row* a = pa;
    const struct row* b = pb;
    unsigned long ha = g_counts[a->nr][SHIM_LAYER_HOST];
    unsigned long hb = g_counts[b->nr][SHIM_LAYER_HOST];

    if (ha != hb)
        return ha < hb ? 1 : -1;
    if (a->calls != b->calls)
        return a->calls < b->calls ? 1 : -1;
    return (a->nr > b->nr) - (a->nr < b->nr);
}

static void row_name(int nr, char* buf, size_t size) {
    if (nr == REPORT_MAX_NR)
        snprintf(buf, size, "syscall_%d_and_above", REPORT_MAX_NR);
    else if (nr < PTSHIM_NSYSCALLS && ptshim_sysent[nr].name)
        snprintf(buf, size, "%s", ptshim_sysent[nr].name);
    else
        snprintf(buf, size, "syscall_%#x", nr);
}

/* The layer(s) that answered NR: "shim", "host+enosys"... */
static void row_layers(int nr, char* buf, size_t size) {
    size_t n = 0;

    buf[0] = '\0';
    for (int l = 0; l < SHIM_NLAYERS; l++)
        if (g_counts[nr][l] && n < size)
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? "+" : "", g_layer_names[l]);
}

static void write_text(FILE* f, const struct row* rows, int nrows) {
    unsigned long total[SHIM_NLAYERS] = {0}, all = 0;
    char name[64], layers[64];

    fprintf(f, "%-24s %10s", "syscall", "calls");
    for (int l = 0; l < SHIM_NLAYERS; l++)
        fprintf(f, " %10s", g_layer_names[l]);
    fputs("  layer\n", f);
    for (int i = 0; i < nrows; i++) {
        const unsigned long* c = g_counts[rows[i].nr];

        row_name(rows[i].nr, name, sizeof(name));
        row_layers(rows[i].nr, layers, sizeof(layers));
        fprintf(f, "%-24s %10lu", name, rows[i].calls);
        for (int l = 0; l < SHIM_NLAYERS; l++) {
            fprintf(f, " %10lu", c[l]);
            total[l] += c[l];
        }
        fprintf(f, "  %s\n", layers);
        all += rows[i].calls;
    }
    fprintf(f, "%-24s %10lu", "total", all);
    for (int l = 0; l < SHIM_NLAYERS; l++)
        fprintf(f, " %10lu", total[l]);
    fputc('\n', f);
}

static void write_json(FILE* f, const struct row* rows, int nrows, char* const argv[]) {
    char name[64];

    fputs("{\"program\":[", f);
    for (int i = 0; argv[i]; i++) {
        if (i)
            fputc(',', f);
        trace_json_string(f, argv[i], strlen(argv[i]));
    }
    fputs("],\"syscalls\":[", f);
    for (int i = 0; i < nrows; i++) {
        const unsigned long* c = g_counts[rows[i].nr];

        row_name(rows[i].nr, name, sizeof(name));
        fprintf(f, "%s{\"name\":\"%s\",\"nr\":%d,\"calls\":%lu", i ? "," : "", name, rows[i].nr,
                rows[i].calls);
        for (int l = 0; l < SHIM_NLAYERS; l++)
            fprintf(f, ",\"%s\":%lu", g_layer_names[l], c[l]);
        fputc('}', f);
    }
    fputs("]}\n", f);
}

/* The caller's descriptor that PATH names as a shell's redirection does
 * (/dev/stdout, /dev/stderr, /dev/fd/N), or -1. */
static int stream_of(const char* path) {
    const char* n = NULL;

    if (!strcmp(path, "/dev/stdout"))
        return STDOUT_FILENO;
    if (!strcmp(path, "/dev/stderr"))
        return STDERR_FILENO;
    if (!strncmp(path, "/dev/fd/", 8))
        n = path + 8;
    if (!n || !*n || strspn(n, "0123456789") != strlen(n) || strlen(n) > 9)
        return -1;
    return atoi(n);
}

int syscall_report_open(const char* path) {
    int fd, stream = stream_of(path), fl;

    if (stream < 0) {
        /* close-on-exec: the program never inherits it */
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        return fd < 0 ? -errno : fd;
    }
    /* a copy of the stream, whose offset the program's writes share, as
     * with "PROGRAM >FILE 2>&1": opening it anew would write over them */
    fd = fcntl(stream, F_DUPFD_CLOEXEC, 3);
    if (fd < 0)
        return -errno;
    fl = fcntl(fd, F_GETFL);
    if (fl >= 0 && (fl & O_ACCMODE) == O_RDONLY) {
        close(fd);
        return -EBADF;
    }
    return fd;
}

int syscall_report_write(int fd, bool as_json, char* const argv[]) {
    static struct row rows[REPORT_MAX_NR + 1];
    int nrows = 0, ret = 0;
    FILE* f;

    for (int nr = 0; nr <= REPORT_MAX_NR; nr++) {
        unsigned long n = row_calls(nr);

        if (n)
            rows[nrows++] = (struct row){nr, n};
    }
    qsort(rows, (size_t)nrows, sizeof(rows[0]), row_cmp);
    f = fdopen(fd, "w");
    if (!f) {
        ret = -errno;
        close(fd);
        return ret;
    }
    if (as_json)
        write_json(f, rows, nrows, argv);
    else
        write_text(f, rows, nrows);
    if (ferror(f))
        ret = -EIO;
    if (fclose(f) != 0 && ret == 0)
        ret = -errno;
    return ret;
}

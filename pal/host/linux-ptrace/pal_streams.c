/*
 * pal_streams.c: what the host says about a traced thread's descriptors
 * and identity, read from /proc.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pal_host.h"

long DkStreamGetName(PAL_HANDLE t, int fd, char* buf, size_t size) {
    char link[64];
    ssize_t n;

    if (fd < 0)
        return -EBADF;
    snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tid, fd);
    n = readlink(link, buf, size);
    if (n < 0)
        return errno == ENOENT ? -EBADF : -errno;
    return n;
}

pid_t DkThreadGetProcessId(PAL_HANDLE t) {
    char path[64], line[128];
    FILE* f;

    if (t->tgid)
        return t->tgid;
    snprintf(path, sizeof(path), "/proc/%d/status", t->tid);
    f = fopen(path, "re");
    if (!f)
        return -errno;
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, "Tgid:", 5)) {
            t->tgid = (pid_t)strtol(line + 5, NULL, 10);
            break;
        }
    fclose(f);
    return t->tgid ? t->tgid : -ESRCH;
}

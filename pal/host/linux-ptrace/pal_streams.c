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
#include "pal_log.h"

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

int _DkStreamReadFdinfo(PAL_HANDLE t, int fd, char* buf, size_t size) {
    char path[64];
    ssize_t n;
    int pfd;

    if (fd < 0)
        return -EBADF;
    snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", t->tid, fd);
    log_trace("thread %d: reads %s", t->tid, path);
    pfd = open(path, O_RDONLY | O_CLOEXEC);
    if (pfd < 0)
        return errno == ENOENT ? -EBADF : -errno;
    n = read(pfd, buf, size - 1);
    close(pfd);
    if (n <= 0)
        return -EIO;
    buf[n] = '\0';
    return 0;
}

int DkStreamGetFlags(PAL_HANDLE t, int fd, int* flags, bool* cloexec) {
    char buf[256];
    const char* f;
    int ret = _DkStreamReadFdinfo(t, fd, buf, sizeof(buf));

    if (ret < 0)
        return ret;
    /* "pos:\t0\nflags:\t0100002\n...": f_flags, with O_CLOEXEC for the
     * descriptor's close-on-exec flag */
    f = strstr(buf, "flags:");
    if (!f)
        return -EIO;
    {
        unsigned long v = strtoul(f + 6, NULL, 8);

        *cloexec = v & O_CLOEXEC;
        *flags = (int)(v & ~(unsigned long)O_CLOEXEC);
    }
    return 0;
}

long DkThreadGetCwd(PAL_HANDLE t, char* buf, size_t size) {
    char link[64], root[2];
    ssize_t n;

    /* the link's name is relative to the reader's root: the thread's own
     * name of its directory only when its root is the tracer's */
    snprintf(link, sizeof(link), "/proc/%d/root", t->tid);
    n = readlink(link, root, sizeof(root));
    if (n < 0)
        return -errno;
    if (n != 1 || root[0] != '/')
        return -EXDEV;
    snprintf(link, sizeof(link), "/proc/%d/cwd", t->tid);
    n = readlink(link, buf, size);
    if (n < 0)
        return -errno;
    if ((size_t)n == size)
        return -ENAMETOOLONG;
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

/*
 * pal_files.c: the tracer's own look-ups of host files, for a view whose
 * paths the shim resolves itself: a link's target, a file's status, the
 * first bytes of a program.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pal.h"

long DkFileReadLink(const char* path, char* buf, size_t size) {
    ssize_t n = readlink(path, buf, size);

    if (n < 0)
        return -errno;
    if ((size_t)n == size)
        return -ENAMETOOLONG;
    return n;
}

int DkFileStat(const char* path, bool nofollow, struct stat* st) {
    return fstatat(AT_FDCWD, path, st, nofollow ? AT_SYMLINK_NOFOLLOW : 0) < 0 ? -errno : 0;
}

long DkFileReadHead(const char* path, void* buf, size_t size) {
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    ssize_t n;

    if (fd < 0)
        return -errno;
    n = pread(fd, buf, size, 0);
    if (n < 0)
        n = -errno;
    close(fd);
    return n;
}

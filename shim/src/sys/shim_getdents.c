/*
 * shim_getdents.c
 *
 * Implementation of system calls "getdents", "getdents64" and "fstat":
 * the calls that describe an open descriptor's file.  The host reads the
 * directory and the inode; the shim answers for descriptors that are not
 * open.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>

#include "shim_handle.h"
#include "shim_table.h"

/* The descriptor, then the host (iterate_dir: ENOTDIR, the buffer) */
long shim_do_getdents(int fd, uptr dirent, unsigned int count) {
    return shim_do_getdents64((unsigned int)fd, dirent, count);
}

long shim_do_getdents64(unsigned int fd, uptr dirent, unsigned int count) {
    (void)dirent;
    (void)count;
    if (shim_fd_get(fd, NULL) < 0)
        return -EBADF;
    return shim_pass_to_host();
}

long shim_do_fstat(unsigned int fd, uptr statbuf) {
    (void)statbuf;
    if (shim_fd_get(fd, NULL) < 0)
        return -EBADF;
    return shim_pass_to_host();
}

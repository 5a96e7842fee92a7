/*
 * shim_open.c
 *
 * Implementation of system calls "open", "openat", "openat2", "creat",
 * "close" and "close_range".
 *
 * The host opens and closes (the descriptor must exist in the program);
 * the shim checks what the kernel checks before it touches a file, and
 * records the descriptors in its table.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <unistd.h>

#include "shim_handle.h"
#include "shim_path.h"
#include "shim_table.h"
#include "shim_thread.h"

/* The kernel's __O_TMPFILE bit alone (glibc's __O_TMPFILE includes
 * O_DIRECTORY) */
#define KERNEL_O_TMPFILE 020000000

/* The kernel's own checks of open flags (build_open_how and
 * build_open_flags), before the path is read: unknown bits are ignored,
 * O_PATH drops all but a few, and O_TMPFILE must come whole, without
 * O_CREAT, and with write access.  0, -EINVAL, or 1 when only the host
 * can tell: O_CREAT with O_DIRECTORY is refused with EINVAL before the
 * path since Linux 6.4, and was an error of the path walk (or a regular
 * file created) before, so the host's kernel answers for the path too. */
static int check_open_flags(int flags) {
    if (flags & O_PATH)
        flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
    if (flags & KERNEL_O_TMPFILE) {
        if ((flags & (KERNEL_O_TMPFILE | O_DIRECTORY | O_CREAT)) != O_TMPFILE)
            return -EINVAL;
        if ((flags & O_ACCMODE) == O_RDONLY)
            return -EINVAL;
    }
    if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
        return 1;
    return 0;
}

static long do_open(int flags) {
    long fd;
    int ret;

    fd = shim_host_call_self();
    if (fd < 0)
        return fd;
    /* what the kernel keeps of the access mode: O_PATH drops it */
    ret = shim_fd_install((int)fd, true, flags & O_PATH ? O_PATH : flags & O_ACCMODE,
                          flags & O_CLOEXEC, SHIM_HANDLE_FILE);
    /* out of memory for the record: the table adopts it on first use */
    (void)ret;
    return fd;
}

long shim_do_openat(int dfd, uptr filename, int flags, mode_t mode) {
    int ret = check_open_flags(flags);

    (void)dfd;
    (void)mode;
    if (ret < 0)
        return ret;
    if (ret == 0) {
        char name[PATH_MAX];
        long n = shim_getname(filename, name, false);

        if (n < 0)
            return n;
    }
    return do_open(flags);
}

/* struct open_how (linux/openat2.h), and what the kernel accepts in it
 * (fs/open.c build_open_flags(): VALID_OPEN_FLAGS with the kernel's
 * O_LARGEFILE, which glibc's headers make 0 on x86-64) */
struct shim_open_how {
    uint64_t flags;
    uint64_t mode;
    uint64_t resolve;
};
#define SHIM_OPEN_HOW_SIZE_VER0 24
#define SHIM_PAGE_SIZE 4096
#define SHIM_VALID_OPEN_FLAGS 037777703ULL
#define SHIM_O_PATH_FLAGS (O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC)
#define SHIM_RESOLVE_NO_XDEV 0x01
#define SHIM_RESOLVE_BENEATH 0x08
#define SHIM_RESOLVE_IN_ROOT 0x10
#define SHIM_RESOLVE_CACHED 0x20
#define SHIM_VALID_RESOLVE_FLAGS 0x3fULL

/* build_open_flags() for openat2, which refuses what open and openat
 * ignore: 0, a negative errno, or 1 where the host answers (O_CREAT with
 * O_DIRECTORY, as for openat) */
static int check_open_how(const struct shim_open_how* how) {
    uint64_t flags = how->flags & ~(uint64_t)O_CLOEXEC;

    if (flags & ~SHIM_VALID_OPEN_FLAGS)
        return -EINVAL;
    if (how->resolve & ~SHIM_VALID_RESOLVE_FLAGS)
        return -EINVAL;
    if ((how->resolve & SHIM_RESOLVE_BENEATH) && (how->resolve & SHIM_RESOLVE_IN_ROOT))
        return -EINVAL;
    if (flags & (O_CREAT | KERNEL_O_TMPFILE)) {
        if (how->mode & ~(uint64_t)07777)
            return -EINVAL;
    } else if (how->mode != 0) {
        return -EINVAL;
    }
    if ((flags & (O_DIRECTORY | O_CREAT)) == (O_DIRECTORY | O_CREAT))
        return 1;
    if (flags & KERNEL_O_TMPFILE) {
        if (!(flags & O_DIRECTORY))
            return -EINVAL;
        /* ACC_MODE(): only O_RDONLY does not write */
        if ((flags & O_ACCMODE) == O_RDONLY)
            return -EINVAL;
    }
    if ((flags & O_PATH) && (flags & ~(uint64_t)SHIM_O_PATH_FLAGS))
        return -EINVAL;
    if ((how->resolve & SHIM_RESOLVE_CACHED) && (flags & (O_TRUNC | O_CREAT | KERNEL_O_TMPFILE)))
        return -EAGAIN;
    return 0;
}

/* The size (EINVAL below the first version, E2BIG above a page), the
 * struct, its flags, then the name; the new descriptor is recorded with
 * the access mode the shim read. */
long shim_do_openat2(int dfd, uptr filename, uptr how, size_t usize) {
    struct shim_open_how h;
    int ret;

    (void)dfd;
    if (usize < SHIM_OPEN_HOW_SIZE_VER0)
        return -EINVAL;
    if (usize > SHIM_PAGE_SIZE)
        return -E2BIG;
    if (shim_user_range_uncertain(how, usize))
        /* the host's, and its descriptor is adopted on first use */
        return shim_pass_to_host();
    ret = copy_struct_from_user(&h, sizeof(h), how, usize);
    if (ret < 0)
        return ret;
    ret = check_open_how(&h);
    if (ret < 0)
        return ret;
    if (ret == 0) {
        char name[PATH_MAX];
        long n = shim_getname(filename, name, false);

        if (n < 0)
            return n;
    }
    return do_open((int)h.flags);
}

long shim_do_open(uptr filename, int flags, mode_t mode) {
    return shim_do_openat(AT_FDCWD, filename, flags, mode);
}

long shim_do_creat(uptr pathname, mode_t mode) {
    return shim_do_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long shim_do_close(unsigned int fd) {
    long ret;

    if (shim_fd_get(fd, NULL) < 0)
        return -EBADF;
    ret = shim_host_call_self();
    /* the descriptor is gone whatever close returns, but EBADF */
    if (ret != -EBADF)
        shim_fd_remove((int)fd);
    return ret;
}

long shim_do_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags) {
    struct shim_thread* self = shim_cur_thread();
    struct shim_fd_table *t, *own = NULL;
    long ret;

    if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
        return -EINVAL;
    if (fd > max_fd)
        return -EINVAL;
    if (flags & CLOSE_RANGE_UNSHARE) {
        ret = shim_fd_table_unshare_begin(self, &own);
        if (ret < 0)
            return ret;
    }
    ret = shim_host_call_self();
    shim_fd_table_unshare_end(self, own, ret >= 0);
    if (ret < 0)
        return ret;
    t = self->files;
    for (unsigned int i = fd; i <= max_fd && i < (unsigned int)t->size; i++) {
        if (flags & CLOSE_RANGE_CLOEXEC)
            shim_fd_set_cloexec((int)i, true);
        else
            shim_fd_remove((int)i);
    }
    return ret;
}

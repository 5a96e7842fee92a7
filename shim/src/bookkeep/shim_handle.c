/*
 * shim_handle.c: the descriptor table (see shim_handle.h).
 *
 * The table is an array indexed by descriptor number, grown on demand;
 * handles are reference-counted by the descriptors that share them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"
#include "shim_handle.h"
#include "shim_thread.h"

/* the kernel's ceiling (fs.nr_open): no table grows past it */
#define SHIM_FD_MAX (1 << 20)

unsigned g_shim_names_gen;

static enum shim_handle_kind kind_of_name(const char* name) {
    if (!strncmp(name, "pipe:", 5))
        return SHIM_HANDLE_PIPE;
    if (!strncmp(name, "socket:", 7))
        return SHIM_HANDLE_SOCKET;
    if (!strncmp(name, "anon_inode:", 11))
        return SHIM_HANDLE_ANON;
    return SHIM_HANDLE_FILE;
}

static struct shim_handle* handle_new(enum shim_handle_kind kind) {
    struct shim_handle* h = calloc(1, sizeof(*h));

    if (!h)
        return NULL;
    h->refcount = 1;
    h->kind = kind;
    return h;
}

static void handle_put(struct shim_handle* h) {
    if (--h->refcount > 0)
        return;
    free(h->name);
    free(h);
}

void shim_handle_get(struct shim_handle* h) {
    h->refcount++;
}

void shim_handle_put(struct shim_handle* h) {
    handle_put(h);
}

static int table_grow(struct shim_fd_table* t, int fd) {
    int size = t->size ? t->size : 64;
    struct shim_fd* fds;

    if (fd >= SHIM_FD_MAX)
        return -EMFILE;
    while (size <= fd)
        size *= 2;
    fds = reallocarray(t->fds, (size_t)size, sizeof(*fds));
    if (!fds)
        return -ENOMEM;
    memset(fds + t->size, 0, (size_t)(size - t->size) * sizeof(*fds));
    t->fds = fds;
    t->size = size;
    return 0;
}

/* Put HANDLE at FD (holding a reference), replacing what was there. */
static int table_set(struct shim_fd_table* t, int fd, struct shim_handle* h, bool cloexec) {
    int ret;

    if (fd < 0)
        return -EBADF;
    if (fd >= t->size) {
        ret = table_grow(t, fd);
        if (ret < 0)
            return ret;
    }
    if (t->fds[fd].handle)
        handle_put(t->fds[fd].handle);
    t->fds[fd].handle = h;
    t->fds[fd].cloexec = cloexec;
    return 0;
}

/* Learn FD from the host's /proc/TID/fdinfo record: 0 with its new handle
 * in *HP when it is open there, -EBADF when it is not, and 1 (*HP NULL)
 * when the tracer could not tell: the host refused the record (it does
 * for a process that is not dumpable), or the tracer itself failed (out of
 * memory or descriptors).  Nothing is recorded of an unknown descriptor:
 * the host answers each call on it, and the next one asks again. */
static int adopt(struct shim_thread* self, int fd, struct shim_handle** hp) {
    struct shim_handle* h;
    bool cloexec = false;
    int flags = 0, ret;

    *hp = NULL;
    ret = DkStreamGetFlags(self->pal, fd, &flags, &cloexec);
    if (ret == -EBADF)
        return -EBADF;
    if (ret < 0)
        return 1;
    h = handle_new(SHIM_HANDLE_UNKNOWN);
    if (!h)
        return 1;
    h->flags = flags;
    h->flags_known = true;
    if (table_set(self->files, fd, h, cloexec) < 0) {
        handle_put(h);
        return 1;
    }
    *hp = h;
    return 0;
}

static int fd_get(struct shim_thread* self, long fd, struct shim_handle** hp) {
    struct shim_fd_table* t = self->files;
    struct shim_handle* h;

    if (!hp)
        hp = &h;
    *hp = NULL;
    if (fd < 0 || fd > INT_MAX)
        return -EBADF;
    if (fd < t->size && t->fds[fd].handle) {
        *hp = t->fds[fd].handle;
        return 0;
    }
    return adopt(self, (int)fd, hp);
}

int shim_fd_get(long fd, struct shim_handle** handle) {
    return fd_get(shim_cur_thread(), fd, handle);
}

static struct shim_fd_table* cur_table(void) {
    return shim_cur_thread()->files;
}

int shim_fd_install(int fd, bool flags_known, int flags, bool cloexec,
                    enum shim_handle_kind kind) {
    struct shim_handle* h = handle_new(kind);
    int ret;

    if (!h)
        return -ENOMEM;
    h->flags = flags & (O_ACCMODE | O_PATH);
    h->flags_known = flags_known;
    ret = table_set(cur_table(), fd, h, cloexec);
    if (ret < 0)
        handle_put(h);
    return ret;
}

int shim_fd_install_handle(int newfd, struct shim_handle* h, bool cloexec) {
    h->refcount++;
    return table_set(cur_table(), newfd, h, cloexec);
}

void shim_fd_remove(int fd) {
    struct shim_fd_table* t = cur_table();

    if (fd < 0 || fd >= t->size || !t->fds[fd].handle)
        return;
    handle_put(t->fds[fd].handle);
    t->fds[fd].handle = NULL;
    t->fds[fd].cloexec = false;
}

bool shim_fd_unchanged(int fd, struct shim_handle* h) {
    struct shim_fd_table* t = cur_table();

    if (fd >= 0 && fd < t->size && t->fds[fd].handle == h)
        return true;
    shim_fd_remove(fd);
    return false;
}

bool shim_fd_cloexec(int fd) {
    struct shim_fd_table* t = cur_table();

    return fd >= 0 && fd < t->size && t->fds[fd].cloexec;
}

void shim_fd_set_cloexec(int fd, bool cloexec) {
    struct shim_fd_table* t = cur_table();

    if (fd >= 0 && fd < t->size && t->fds[fd].handle)
        t->fds[fd].cloexec = cloexec;
}

int shim_handle_flags(struct shim_handle* h, int fd) {
    bool cloexec;
    int ret;

    if (!h->flags_known) {
        ret = DkStreamGetFlags(shim_cur_thread()->pal, fd, &h->flags, &cloexec);
        if (ret < 0)
            return ret;
        h->flags_known = true;
    }
    return h->flags;
}

int shim_fd_check_fdget(long fd) {
    struct shim_handle* h;
    int flags, ret = shim_fd_get(fd, &h);

    if (ret != 0)
        return ret;
    flags = shim_handle_flags(h, fd);
    if (flags < 0)
        return flags == -EBADF ? -EBADF : 1;
    return (flags & O_PATH) ? -EBADF : 0;
}

int shim_fd_fmode(long fd, struct shim_handle** handle) {
    struct shim_handle* h;
    int flags, ret = shim_fd_get(fd, &h);

    if (handle)
        *handle = h;
    if (ret < 0)
        return ret;
    if (ret > 0)
        return SHIM_FMODE_UNKNOWN;
    flags = shim_handle_flags(h, (int)fd);
    if (flags < 0)
        return flags == -EBADF ? -EBADF : SHIM_FMODE_UNKNOWN;
    if (flags & O_PATH)
        return -EBADF;
    return ((flags & O_ACCMODE) + 1) & O_ACCMODE;
}

static const char* handle_name(struct shim_thread* self, struct shim_handle* h, int fd) {
    char buf[4096];
    long n;

    if (h->name && h->name_gen == g_shim_names_gen)
        return h->name;
    n = DkStreamGetName(self->pal, fd, buf, sizeof(buf) - 1);
    if (n < 0)
        return NULL;
    buf[n] = '\0';
    if (!h->name || strcmp(h->name, buf)) {
        free(h->name);
        h->name = strdup(buf);
    }
    h->name_gen = g_shim_names_gen;
    if (h->name && h->kind == SHIM_HANDLE_UNKNOWN)
        h->kind = kind_of_name(h->name);
    return h->name;
}

const char* shim_handle_name(struct shim_handle* h, int fd) {
    return handle_name(shim_cur_thread(), h, fd);
}

long shim_fd_name(PAL_HANDLE thread, int fd, char* buf, size_t size) {
    struct shim_thread* self = shim_thread_of(thread);
    struct shim_handle* h;
    const char* name;
    size_t len;
    int ret;

    if (!self || !self->files)
        return DkStreamGetName(thread, fd, buf, size);
    ret = fd_get(self, fd, &h);
    if (ret < 0)
        return ret;
    if (!h)
        return DkStreamGetName(thread, fd, buf, size);
    name = handle_name(self, h, fd);
    if (!name)
        return -EBADF;
    len = strlen(name);
    if (len > size)
        len = size;
    memcpy(buf, name, len);
    return (long)len;
}

struct shim_fd_table* shim_fd_table_new(void) {
    struct shim_fd_table* t = calloc(1, sizeof(*t));

    if (t)
        t->refcount = 1;
    return t;
}

struct shim_fd_table* shim_fd_table_copy(const struct shim_fd_table* from) {
    struct shim_fd_table* t = shim_fd_table_new();

    if (!t)
        return NULL;
    if (from->size) {
        t->fds = calloc((size_t)from->size, sizeof(*t->fds));
        if (!t->fds) {
            free(t);
            return NULL;
        }
        t->size = from->size;
        for (int fd = 0; fd < from->size; fd++) {
            t->fds[fd] = from->fds[fd];
            if (t->fds[fd].handle)
                t->fds[fd].handle->refcount++;
        }
    }
    return t;
}

int shim_fd_table_unshare_begin(const struct shim_thread* t, struct shim_fd_table** copy) {
    *copy = NULL;
    if (t->files->refcount == 1)
        return 0;
    *copy = shim_fd_table_copy(t->files);
    return *copy ? 0 : -ENOMEM;
}

void shim_fd_table_unshare_end(struct shim_thread* t, struct shim_fd_table* copy, bool done) {
    if (!copy)
        return;
    if (!done) {
        shim_fd_table_put(copy);
        return;
    }
    shim_fd_table_put(t->files);
    t->files = copy;
}

int shim_fd_table_unshare(struct shim_thread* t) {
    struct shim_fd_table* copy;
    int ret = shim_fd_table_unshare_begin(t, &copy);

    if (ret == 0)
        shim_fd_table_unshare_end(t, copy, true);
    return ret;
}

void shim_fd_table_put(struct shim_fd_table* t) {
    if (--t->refcount > 0)
        return;
    for (int fd = 0; fd < t->size; fd++)
        if (t->fds[fd].handle)
            handle_put(t->fds[fd].handle);
    free(t->fds);
    free(t);
}

void shim_fd_table_exec(struct shim_fd_table* t) {
    for (int fd = 0; fd < t->size; fd++)
        if (t->fds[fd].handle && t->fds[fd].cloexec) {
            handle_put(t->fds[fd].handle);
            t->fds[fd].handle = NULL;
            t->fds[fd].cloexec = false;
        }
}

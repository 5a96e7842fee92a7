/*
 * fuzz_tracee.c: the PAL and shim calls the trace decoder makes, answered
 * from g_tracee (see fuzz_tracee.h), each checking the caller kept the
 * contract pal.h states.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_tracee.h"
#include "shim.h"

/* The handle is opaque to the decoder: any object does, with the slots
 * the trace keeps its records in. */
struct pal_thread {
    int id;
    void* private[PAL_THREAD_SLOTS];
};

static struct pal_thread g_fuzz_threads[FUZZ_THREADS] = {{.id = 0}, {.id = 1}};
struct fuzz_tracee g_tracee;
int g_pal_log_level = PAL_LOG_ERROR;

/* No printer needs more in one read: the largest are a 4 KiB window of
 * directory entries and a path with its NUL. */
#define FUZZ_READ_MAX 65536

static void breach(const char* what) {
    if (!g_tracee.violation)
        g_tracee.violation = what;
}

static bool known_thread(PAL_HANDLE t) {
    for (int i = 0; i < FUZZ_THREADS; i++)
        if (t == &g_fuzz_threads[i])
            return true;
    return false;
}

PAL_HANDLE fuzz_thread(int i) {
    return &g_fuzz_threads[i];
}

void DkThreadSetPrivate(PAL_HANDLE thread, enum pal_thread_slot slot, void* data) {
    if (!known_thread(thread) || slot != PAL_THREAD_SLOT_TRACE) {
        breach("DkThreadSetPrivate: not a thread handle, or not the trace's slot");
        return;
    }
    thread->private[slot] = data;
}

void* DkThreadGetPrivate(PAL_HANDLE thread, enum pal_thread_slot slot) {
    if (!known_thread(thread) || slot != PAL_THREAD_SLOT_TRACE) {
        breach("DkThreadGetPrivate: not a thread handle, or not the trace's slot");
        return NULL;
    }
    return thread->private[slot];
}

#define FUZZ_BLOCKS (FUZZ_REGION_MAX / FUZZ_BLOCK)

void fuzz_tracee_init(void) {
    unsigned char* data[FUZZ_MAX_REGIONS];
    unsigned char* made[FUZZ_MAX_REGIONS];

    for (int i = 0; i < FUZZ_MAX_REGIONS; i++) {
        data[i] = g_tracee.r[i].data;
        made[i] = g_tracee.r[i].made;
        if ((!data[i] && !(data[i] = malloc(FUZZ_REGION_MAX))) ||
            (!made[i] && !(made[i] = malloc(FUZZ_BLOCKS / 8)))) {
            perror("fuzz_tracee_init");
            exit(99);
        }
    }
    memset(&g_tracee, 0, sizeof(g_tracee));
    for (int i = 0; i < FUZZ_MAX_REGIONS; i++) {
        g_tracee.r[i].data = data[i];
        g_tracee.r[i].made = made[i];
    }
    fuzz_tracee_forget();
    g_tracee.nthreads = 1;
    g_tracee.pid = 4242;
}

void fuzz_tracee_forget(void) {
    for (int i = 0; i < FUZZ_MAX_REGIONS; i++)
        memset(g_tracee.r[i].made, 0, FUZZ_BLOCKS / 8);
}

void fuzz_region_make(int r, size_t from, size_t to) {
    struct fuzz_region* g = &g_tracee.r[r];

    for (size_t b = from / FUZZ_BLOCK; b * FUZZ_BLOCK < to && b < FUZZ_BLOCKS; b++) {
        if (g->made[b / 8] & (1u << (b % 8)))
            continue;
        g->made[b / 8] |= (unsigned char)(1u << (b % 8));
        if (g_tracee.fill)
            g_tracee.fill(r, b);
        else
            memset(g->data + b * FUZZ_BLOCK, 0, FUZZ_BLOCK);
    }
}

void fuzz_tracee_region(PAL_NUM base, size_t size, const void* data, size_t len) {
    struct fuzz_region* g = &g_tracee.r[g_tracee.nregions++];

    g->base = base;
    g->size = size;
    memset(g->made, 0xff, FUZZ_BLOCKS / 8);
    memset(g->data, 0, size);
    memcpy(g->data, data, len);
}

struct fuzz_region* fuzz_region_at(PAL_NUM addr) {
    for (int i = 0; i < g_tracee.nregions; i++) {
        struct fuzz_region* r = &g_tracee.r[i];

        /* no base + size: a region may end at 2^64 */
        if (addr >= r->base && addr - r->base < r->size)
            return r;
    }
    return NULL;
}

/* How many bytes from ADDR on are readable, at most LEN. */
static size_t readable(PAL_NUM addr, size_t len, const unsigned char** src) {
    struct fuzz_region* r = fuzz_region_at(addr);
    size_t left;

    if (!r)
        return 0;
    left = r->size - (size_t)(addr - r->base);
    if (len < left)
        left = len;
    fuzz_region_make((int)(r - g_tracee.r), (size_t)(addr - r->base), (size_t)(addr - r->base) + left);
    *src = r->data + (addr - r->base);
    return left;
}

long DkVirtualMemoryRead(PAL_HANDLE thread, PAL_NUM addr, void* buf, size_t len) {
    const unsigned char* src = NULL;
    size_t n;

    if (!known_thread(thread))
        breach("DkVirtualMemoryRead: not a thread handle");
    if (len > FUZZ_READ_MAX)
        breach("DkVirtualMemoryRead: a read larger than any printer's buffer");
    g_tracee.reads++;
    if (len > g_tracee.max_read)
        g_tracee.max_read = len;
    if (len == 0)
        return 0;
    n = readable(addr, len, &src);
    if (!n)
        return -EFAULT;
    g_tracee.reads_found++;
    memcpy(buf, src, n);
    return (long)n;
}

long DkVirtualMemoryReadString(PAL_HANDLE thread, PAL_NUM addr, char* buf, size_t size,
                               size_t* read) {
    struct fuzz_region* r = fuzz_region_at(addr);
    size_t off = r ? (size_t)(addr - r->base) : 0, n = 0, i;

    if (!known_thread(thread))
        breach("DkVirtualMemoryReadString: not a thread handle");
    if (size == 0)
        breach("DkVirtualMemoryReadString: SIZE 0");
    if (size > FUZZ_READ_MAX)
        breach("DkVirtualMemoryReadString: a buffer larger than any printer's");
    g_tracee.reads++;
    if (size > g_tracee.max_read)
        g_tracee.max_read = size;
    if (r) {
        n = r->size - off < size ? r->size - off : size;
        g_tracee.reads_found++;
    }
    for (i = 0; i < n; i++) {
        /* only the blocks up to the terminator are made */
        if (i == 0 || (off + i) % FUZZ_BLOCK == 0)
            fuzz_region_make((int)(r - g_tracee.r), off + i, off + i + 1);
        buf[i] = (char)r->data[off + i];
        if (!buf[i]) {
            if (read)
                *read = i;
            return (long)i;
        }
    }
    if (read)
        *read = i;
    return i == size ? -ENAMETOOLONG : -EFAULT;
}

PAL_NUM DkThreadCount(void) {
    return g_tracee.nthreads;
}

pid_t DkThreadGetProcessId(PAL_HANDLE thread) {
    if (!known_thread(thread))
        breach("DkThreadGetProcessId: not a thread handle");
    return g_tracee.pid;
}

int DkThreadGetSignalInfo(PAL_HANDLE thread, siginfo_t* info) {
    if (!known_thread(thread))
        breach("DkThreadGetSignalInfo: not a thread handle");
    if (g_tracee.siginfo_err)
        return g_tracee.siginfo_err;
    *info = g_tracee.siginfo;
    return 0;
}

int DkThreadStackTrace(PAL_HANDLE thread, struct pal_frame* frames, int max) {
    int n = g_tracee.nframes;

    if (!known_thread(thread))
        breach("DkThreadStackTrace: not a thread handle");
    if (n < 0)
        return n;
    if (n > max)
        n = max;
    memcpy(frames, g_tracee.frames, (size_t)n * sizeof(*frames));
    return n;
}

void DkLogV(int level, const char* file, int line, const char* func, const char* fmt,
            va_list ap) {
    (void)level, (void)func;
    fprintf(stderr, "ptshim: %s:%d: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void DkLog(int level, const char* file, int line, const char* func, const char* fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    DkLogV(level, file, line, func, fmt, ap);
    va_end(ap);
}

/* A name for each descriptor, stable within a case: none for some, bytes
 * of every kind (the program chose them) for the others. */
long fuzz_fd_name(int fd, char* buf, size_t size) {
    uint64_t h = g_tracee.fd_names ^ ((uint64_t)(unsigned)fd * 0x9e3779b97f4a7c15ULL);
    size_t len;

    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    if (h % 4 == 0)
        return -EBADF;
    len = 1 + (size_t)(h >> 8) % 24;
    if (len > size)
        len = size;
    for (size_t i = 0; i < len; i++) {
        h = h * 6364136223846793005ULL + 1442695040888963407ULL;
        /* mostly a path, sometimes any byte but NUL */
        if (h >> 60)
            buf[i] = "/abc<>\\ \"x.-_/1d"[(h >> 33) & 15];
        else
            buf[i] = (char)(1 + (h >> 40) % 255);
    }
    return (long)len;
}

long shim_fd_name(PAL_HANDLE thread, int fd, char* buf, size_t size) {
    if (!known_thread(thread))
        breach("shim_fd_name: not a thread handle");
    return fuzz_fd_name(fd, buf, size);
}

/* -y's AT_FDCWD<dir>: a name as a descriptor's, under a number no
 * descriptor has */
long DkThreadGetCwd(PAL_HANDLE thread, char* buf, size_t size) {
    if (!known_thread(thread))
        breach("DkThreadGetCwd: not a thread handle");
    return fuzz_fd_name(-100, buf, size);
}

/* -yy's kinds: the decoder's cases run with -y alone, which never asks */
int DkStreamGetDevice(PAL_HANDLE thread, int fd, bool* block, unsigned* major, unsigned* minor) {
    (void)fd, (void)block, (void)major, (void)minor;
    breach("DkStreamGetDevice: asked without -yy");
    return known_thread(thread) ? -ENODEV : -EBADF;
}

pid_t DkStreamGetPidfdProcess(PAL_HANDLE thread, int fd) {
    (void)fd;
    breach("DkStreamGetPidfdProcess: asked without -yy");
    return known_thread(thread) ? -EINVAL : -EBADF;
}

int DkStreamGetSocketInfo(PAL_HANDLE thread, int fd, struct pal_socket_info* info) {
    (void)fd, (void)info;
    breach("DkStreamGetSocketInfo: asked without -yy");
    return known_thread(thread) ? -ENOTSOCK : -EBADF;
}

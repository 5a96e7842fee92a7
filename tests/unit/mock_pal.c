/*
 * mock_pal.c: every call of pal.h over in-memory fakes (mock_pal.h).
 *
 * The fakes follow the host's rules where the shim relies on them (a fork
 * copies the memory and the descriptor table, a thread shares them; a
 * copy from memory stops at the first byte not mapped); what a host call
 * does is the script's, never guessed here.  The calls the shim has no
 * use for answer as a host without them would (-ENOSYS, -EINVAL).
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "mock_pal.h"

/* the kernel's, which it never returns to a program */
#ifndef ERESTARTNOINTR
#define ERESTARTNOINTR 513
#endif

struct mock_mm {
    int refs;
    unsigned char* bytes; /* MOCK_MEM_SIZE of them, from MOCK_MEM_BASE */
    PAL_NUM next;         /* mock_alloc's next address */
};

struct mock_fd {
    bool open;
    bool cloexec;
    int flags;
    char name[64];
};

struct mock_files {
    int refs;
    bool refused;
    struct mock_fd fd[MOCK_NFDS];
};

#define CPU_WORDS (MOCK_MAX_CPUS / 64)

struct pal_thread {
    pid_t tid, pid;
    void* private[PAL_THREAD_SLOTS];
    struct mock_mm* mm;
    struct mock_files* files;
    struct pal_identity id;
    gid_t groups[MOCK_MAX_GROUPS];
    int ngroups;
    int id_error;
    PAL_FLG foreign_ns;
    int ns_error;
    long umask, personality;
    uint64_t cpus[CPU_WORDS];
    int cpu_sets;
    bool stop_every_call;
    int installs_filter; /* DkThreadInstallsFilter calls */
    /* the system call it is stopped at */
    struct pal_event call;
    bool gone, abandoned;
    struct pal_thread* next; /* in g_threads */
};

struct mock_outcome g_mock;
int g_pal_log_level = PAL_LOG_NONE;

static struct pal_thread* g_threads;
static enum pal_stops g_stops = PAL_STOPS_SYSEMU;
static PAL_NUM g_nr_cpu_ids = 8, g_cpu_mask_size = 8;

/* the script: expected host calls, in order */
#define SCRIPT_MAX 64
static struct expected {
    PAL_HANDLE thread;
    PAL_NUM sysno;
    long result;
    enum mock_effect effect;
    bool optional;
} g_script[SCRIPT_MAX];
static int g_script_head, g_script_tail;

/* the host calls of the current system call */
#define LOG_MAX 64
static struct mock_host_call g_log[LOG_MAX];
static int g_nlog;

static char g_log_last[512];
static int g_log_count;

/* ---- the script ---- */

void mock_expect_effect(PAL_HANDLE thread, PAL_NUM sysno, enum mock_effect effect) {
    ck_assert_msg(g_script_tail < SCRIPT_MAX, "the script is full");
    g_script[g_script_tail++] = (struct expected){thread, sysno, 0, effect, false};
}

void mock_expect(PAL_HANDLE thread, PAL_NUM sysno, long result) {
    mock_expect_effect(thread, sysno, MOCK_RAN);
    g_script[g_script_tail - 1].result = result;
}

void mock_allow(PAL_HANDLE thread, PAL_NUM sysno, long result) {
    mock_expect(thread, sysno, result);
    g_script[g_script_tail - 1].optional = true;
}

void mock_expect_done(void) {
    while (g_script_head < g_script_tail && g_script[g_script_head].optional)
        g_script_head++;
    ck_assert_msg(g_script_head == g_script_tail,
                  "host call %lu in thread %d was expected and never made",
                  (unsigned long)g_script[g_script_head].sysno,
                  g_script[g_script_head].thread ? g_script[g_script_head].thread->tid : 0);
    g_script_head = g_script_tail = 0;
}

const struct mock_host_call* mock_host_call(int i) {
    return i >= 0 && i < g_nlog ? &g_log[i] : NULL;
}

/* Log a host call and answer it from the script. */
static long host_call(PAL_HANDLE t, PAL_NUM sysno, const PAL_NUM* args, bool self) {
    struct expected* e;

    ck_assert_msg(!t->gone, "thread %d: a host call after it was gone", t->tid);
    ck_assert_msg(g_nlog < LOG_MAX, "too many host calls");
    g_log[g_nlog].thread = t;
    g_log[g_nlog].sysno = sysno;
    memcpy(g_log[g_nlog].args, args, sizeof(g_log[g_nlog].args));
    g_log[g_nlog++].self = self;
    g_mock.host_ops++;
    ck_assert_msg(g_script_head < g_script_tail, "thread %d: unexpected host call %lu", t->tid,
                  (unsigned long)sysno);
    e = &g_script[g_script_head++];
    ck_assert_msg(e->sysno == sysno && (!e->thread || e->thread == t),
                  "thread %d: host call %lu, where %lu in thread %d was expected", t->tid,
                  (unsigned long)sysno, (unsigned long)e->sysno, e->thread ? e->thread->tid : 0);
    switch (e->effect) {
    case MOCK_GONE:
        t->gone = true;
        return -ESRCH;
    case MOCK_ABANDONED:
        t->abandoned = true;
        return -ERESTARTNOINTR;
    case MOCK_RAN:
        break;
    }
    return e->result;
}

/* ---- threads ---- */

static struct mock_mm* mm_new(const struct mock_mm* from) {
    struct mock_mm* mm = calloc(1, sizeof(*mm));

    ck_assert_ptr_nonnull(mm);
    mm->bytes = calloc(1, MOCK_MEM_SIZE);
    ck_assert_ptr_nonnull(mm->bytes);
    mm->refs = 1;
    mm->next = MOCK_MEM_BASE;
    if (from) {
        memcpy(mm->bytes, from->bytes, MOCK_MEM_SIZE);
        mm->next = from->next;
    }
    return mm;
}

static void mm_put(struct mock_mm* mm) {
    if (--mm->refs > 0)
        return;
    free(mm->bytes);
    free(mm);
}

static struct mock_files* files_new(const struct mock_files* from) {
    struct mock_files* f = calloc(1, sizeof(*f));

    ck_assert_ptr_nonnull(f);
    if (from) {
        *f = *from;
    } else {
        /* a terminal's three, as a shell leaves them */
        for (int fd = 0; fd < 3; fd++)
            f->fd[fd] = (struct mock_fd){true, false, 02 /* O_RDWR */, "/dev/pts/0"};
    }
    f->refs = 1;
    return f;
}

static void files_put(struct mock_files* f) {
    if (--f->refs == 0)
        free(f);
}

PAL_HANDLE mock_thread_new(pid_t tid, PAL_HANDLE like, unsigned int share) {
    struct pal_thread* t = calloc(1, sizeof(*t));

    ck_assert_ptr_nonnull(t);
    t->tid = tid;
    if (!like) {
        t->pid = tid;
        t->mm = mm_new(NULL);
        t->files = files_new(NULL);
        t->id = (struct pal_identity){1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000};
        t->groups[0] = 24;
        t->groups[1] = 1000;
        t->ngroups = 2;
        t->umask = 022;
        for (PAL_NUM c = 0; c < g_nr_cpu_ids && c < MOCK_MAX_CPUS; c++)
            t->cpus[c / 64] |= 1ULL << (c % 64);
    } else {
        /* as the kernel's copy_process(): credentials, CPUs and the rest
         * copied from the creator */
        t->pid = (share & MOCK_THREAD) ? like->pid : tid;
        if (share & MOCK_SHARE_VM) {
            t->mm = like->mm;
            t->mm->refs++;
        } else {
            t->mm = mm_new(like->mm);
        }
        if (share & MOCK_SHARE_FILES) {
            t->files = like->files;
            t->files->refs++;
        } else {
            t->files = files_new(like->files);
        }
        t->id = like->id;
        memcpy(t->groups, like->groups, sizeof(t->groups));
        t->ngroups = like->ngroups;
        t->id_error = like->id_error;
        t->foreign_ns = like->foreign_ns;
        t->ns_error = like->ns_error;
        t->umask = like->umask;
        t->personality = like->personality;
        memcpy(t->cpus, like->cpus, sizeof(t->cpus));
    }
    t->next = g_threads;
    g_threads = t;
    return t;
}

void mock_thread_free(PAL_HANDLE t) {
    for (struct pal_thread** p = &g_threads; *p; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            break;
        }
    mm_put(t->mm);
    files_put(t->files);
    free(t);
}

PAL_HANDLE mock_any_thread(void) {
    return g_threads;
}

PAL_HANDLE mock_thread_lookup(pid_t tid) {
    for (struct pal_thread* t = g_threads; t; t = t->next)
        if (t->tid == tid)
            return t;
    return NULL;
}

pid_t mock_tid(PAL_HANDLE t) {
    return t->tid;
}

void mock_thread_set_tid(PAL_HANDLE t, pid_t tid) {
    t->tid = tid;
}

const struct pal_event* mock_set_call(PAL_HANDLE t, const struct pal_event* ev) {
    t->call = *ev;
    t->gone = false;
    t->abandoned = false;
    mock_reset_counts();
    return &t->call;
}

void mock_reset_counts(void) {
    memset(&g_mock, 0, sizeof(g_mock));
    g_nlog = 0;
}

void mock_pal_reset(void) {
    while (g_threads)
        mock_thread_free(g_threads);
    g_script_head = g_script_tail = 0;
    g_nlog = 0;
    g_stops = PAL_STOPS_SYSEMU;
    g_nr_cpu_ids = 8;
    g_cpu_mask_size = 8;
}

void mock_set_stops(enum pal_stops how) {
    g_stops = how;
}

void mock_set_cpu_ids(PAL_NUM nr_ids, PAL_NUM mask_size) {
    g_nr_cpu_ids = nr_ids;
    g_cpu_mask_size = mask_size;
}

void mock_host_cpus(PAL_HANDLE t, uint64_t* bits, int words) {
    for (int i = 0; i < words; i++)
        bits[i] = i < CPU_WORDS ? t->cpus[i] : 0;
}

int mock_cpu_sets(PAL_HANDLE t) {
    return t->cpu_sets;
}

bool mock_stops_every_call(PAL_HANDLE t) {
    return t->stop_every_call;
}

int mock_installs_filter(PAL_HANDLE t) {
    return t->installs_filter;
}

/* ---- memory ---- */

PAL_NUM mock_alloc(PAL_HANDLE t, size_t size) {
    PAL_NUM at = t->mm->next;

    /* the top 64 KiB are the stack's: the shim writes below MOCK_SP */
    ck_assert_msg(size <= MOCK_SP - 65536 - at, "mock memory exhausted");
    t->mm->next = (at + size + 15) & ~(PAL_NUM)15;
    memset(t->mm->bytes + (at - MOCK_MEM_BASE), 0, size);
    return at;
}

PAL_NUM mock_put(PAL_HANDLE t, const void* data, size_t size) {
    PAL_NUM at = mock_alloc(t, size);

    mock_poke(t, at, data, size);
    return at;
}

PAL_NUM mock_str(PAL_HANDLE t, const char* s) {
    return mock_put(t, s, strlen(s) + 1);
}

/* How many bytes from ADDR are mapped (at most LEN). */
static size_t mapped(PAL_NUM addr, size_t len) {
    if (addr < MOCK_MEM_BASE || addr >= MOCK_MEM_END)
        return 0;
    return len < MOCK_MEM_END - addr ? len : (size_t)(MOCK_MEM_END - addr);
}

void mock_peek(PAL_HANDLE t, PAL_NUM addr, void* buf, size_t size) {
    ck_assert_msg(mapped(addr, size) == size, "mock_peek outside the memory");
    memcpy(buf, t->mm->bytes + (addr - MOCK_MEM_BASE), size);
}

void mock_poke(PAL_HANDLE t, PAL_NUM addr, const void* data, size_t size) {
    ck_assert_msg(mapped(addr, size) == size, "mock_poke outside the memory");
    memcpy(t->mm->bytes + (addr - MOCK_MEM_BASE), data, size);
}

long DkVirtualMemoryRead(PAL_HANDLE t, PAL_NUM addr, void* buf, size_t len) {
    size_t n = mapped(addr, len);

    if (len == 0)
        return 0;
    if (n == 0)
        return -EFAULT;
    memcpy(buf, t->mm->bytes + (addr - MOCK_MEM_BASE), n);
    return (long)n;
}

long DkVirtualMemoryReadString(PAL_HANDLE t, PAL_NUM addr, char* buf, size_t size,
                               size_t* read) {
    size_t n = mapped(addr, size);
    const char* at = (const char*)t->mm->bytes + (addr - MOCK_MEM_BASE);
    const char* nul = n ? memchr(at, '\0', n) : NULL;

    if (n)
        memcpy(buf, at, nul ? (size_t)(nul - at) + 1 : n);
    if (nul)
        return nul - at;
    if (n == size)
        return -ENAMETOOLONG;
    if (read)
        *read = n;
    return -EFAULT;
}

long DkVirtualMemoryWrite(PAL_HANDLE t, PAL_NUM addr, const void* buf, size_t len) {
    size_t n = mapped(addr, len);

    if (n)
        memcpy(t->mm->bytes + (addr - MOCK_MEM_BASE), buf, n);
    return n == len ? (long)len : -EFAULT;
}

/* ---- descriptors ---- */

static struct mock_fd* host_fd(PAL_HANDLE t, int fd) {
    ck_assert_msg(fd >= 0 && fd < MOCK_NFDS, "descriptor %d beyond the mock's table", fd);
    return &t->files->fd[fd];
}

void mock_host_fd(PAL_HANDLE t, int fd, int flags, bool cloexec, const char* name) {
    struct mock_fd* f = host_fd(t, fd);

    f->open = true;
    f->flags = flags;
    f->cloexec = cloexec;
    snprintf(f->name, sizeof(f->name), "%s", name);
}

void mock_host_fd_close(PAL_HANDLE t, int fd) {
    host_fd(t, fd)->open = false;
}

void mock_host_fds_refused(PAL_HANDLE t, bool refused) {
    t->files->refused = refused;
}

void mock_host_unshare_fds(PAL_HANDLE t) {
    if (t->files->refs > 1) {
        struct mock_files* own = files_new(t->files);

        files_put(t->files);
        t->files = own;
    }
}

void mock_host_exec_fds(PAL_HANDLE t) {
    mock_host_unshare_fds(t);
    for (int fd = 0; fd < MOCK_NFDS; fd++)
        if (t->files->fd[fd].cloexec)
            t->files->fd[fd] = (struct mock_fd){0};
}

/* FD of T as a query of the host finds it: NULL with *ERR set when it
 * cannot be had. */
static const struct mock_fd* query_fd(PAL_HANDLE t, int fd, int* err) {
    g_mock.stream_queries++;
    if (t->files->refused) {
        *err = -EACCES;
        return NULL;
    }
    if (fd < 0 || fd >= MOCK_NFDS || !t->files->fd[fd].open) {
        *err = -EBADF;
        return NULL;
    }
    return &t->files->fd[fd];
}

int DkStreamGetFlags(PAL_HANDLE t, int fd, int* flags, bool* cloexec) {
    int err;
    const struct mock_fd* f = query_fd(t, fd, &err);

    if (!f)
        return err;
    *flags = f->flags;
    *cloexec = f->cloexec;
    return 0;
}

long DkStreamGetName(PAL_HANDLE t, int fd, char* buf, size_t size) {
    int err;
    const struct mock_fd* f = query_fd(t, fd, &err);
    size_t len;

    if (!f)
        return err;
    len = strlen(f->name);
    if (len > size)
        len = size;
    memcpy(buf, f->name, len);
    return (long)len;
}

int DkStreamGetDevice(PAL_HANDLE t, int fd, bool* block, unsigned* major, unsigned* minor) {
    int err;

    return query_fd(t, fd, &err) ? -ENODEV : err;
}

pid_t DkStreamGetPidfdProcess(PAL_HANDLE t, int fd) {
    int err;

    return query_fd(t, fd, &err) ? -EINVAL : err;
}

int DkStreamGetSocketInfo(PAL_HANDLE t, int fd, struct pal_socket_info* info) {
    int err;

    return query_fd(t, fd, &err) ? -ENOTSOCK : err;
}

/* ---- identity ---- */

void mock_host_identity(PAL_HANDLE t, const struct pal_identity* id, const gid_t* groups,
                        int ngroups) {
    ck_assert_int_le(ngroups, MOCK_MAX_GROUPS);
    t->id = *id;
    memcpy(t->groups, groups, (size_t)ngroups * sizeof(gid_t));
    t->ngroups = ngroups;
    t->id_error = 0;
}

void mock_host_identity_error(PAL_HANDLE t, int err) {
    t->id_error = err;
}

void mock_host_namespaces(PAL_HANDLE t, PAL_FLG foreign, int err) {
    t->foreign_ns = foreign;
    t->ns_error = err;
}

long DkThreadGetIdentity(PAL_HANDLE t, struct pal_identity* id, gid_t* groups, PAL_NUM max) {
    g_mock.identity_reads++;
    if (t->id_error)
        return t->id_error;
    *id = t->id;
    memcpy(groups, t->groups,
           (size_t)((PAL_NUM)t->ngroups < max ? (PAL_NUM)t->ngroups : max) * sizeof(gid_t));
    return t->ngroups;
}

long DkThreadGetUmask(PAL_HANDLE t) {
    return t->umask;
}

long DkThreadGetPersonality(PAL_HANDLE t) {
    return t->personality;
}

/* No signal blocked, none pending */
int DkThreadGetSignals(PAL_HANDLE t, uint64_t* blocked, uint64_t* pending) {
    *blocked = 0;
    *pending = 0;
    return 0;
}

int DkThreadGetNamespaces(PAL_HANDLE t, PAL_FLG* foreign) {
    if (t->ns_error)
        return t->ns_error;
    *foreign = t->foreign_ns;
    return 0;
}

long DkThreadGetCwd(PAL_HANDLE t, char* buf, size_t size) {
    static const char cwd[] = "/mock";

    if (size < sizeof(cwd) - 1)
        return -ENAMETOOLONG;
    memcpy(buf, cwd, sizeof(cwd) - 1);
    return (long)sizeof(cwd) - 1;
}

/* the host's own file system: the view's lookups see real files */
long DkFileReadLink(const char* path, char* buf, size_t size) {
    ssize_t n = readlink(path, buf, size);

    if (n < 0)
        return -errno;
    return (size_t)n == size ? -ENAMETOOLONG : n;
}

int DkFileStat(const char* path, bool nofollow, struct stat* st) {
    return -ENOSYS;
}

long DkFileReadHead(const char* path, void* buf, size_t size) {
    return -ENOSYS;
}

long DkTracerGetIdentity(struct pal_identity* id, gid_t* groups, PAL_NUM max) {
    return -EIO;
}

/* the host does not let ptshim read them: the shim lets the thread ask */
int DkProcessGetLimit(PAL_HANDLE t, PAL_IDX resource, PAL_NUM* cur, PAL_NUM* max) {
    return -EPERM;
}

/* ---- CPUs ---- */

PAL_NUM DkSystemCPUIds(void) {
    return g_nr_cpu_ids;
}

PAL_NUM DkSystemCPUMaskSize(void) {
    return g_cpu_mask_size;
}

int DkThreadSetCPUAffinity(PAL_HANDLE t, PAL_NUM cpu_num, const PAL_IDX* cpu_indexes) {
    uint64_t set[CPU_WORDS] = {0};
    bool any = false;

    if (t->gone)
        return -ESRCH;
    /* the host narrows the set to the CPUs it has */
    for (PAL_NUM i = 0; i < cpu_num; i++)
        if (cpu_indexes[i] < g_nr_cpu_ids && cpu_indexes[i] < MOCK_MAX_CPUS) {
            set[cpu_indexes[i] / 64] |= 1ULL << (cpu_indexes[i] % 64);
            any = true;
        }
    if (!any)
        return -EINVAL;
    memcpy(t->cpus, set, sizeof(set));
    t->cpu_sets++;
    return 0;
}

long DkThreadGetCPUAffinity(PAL_HANDLE t, PAL_IDX* cpu_indexes, PAL_NUM max) {
    long n = 0;

    for (PAL_IDX c = 0; c < MOCK_MAX_CPUS; c++)
        if ((t->cpus[c / 64] >> (c % 64)) & 1) {
            if ((PAL_NUM)n < max)
                cpu_indexes[n] = c;
            n++;
        }
    return n;
}

int DkThreadUnpin(PAL_HANDLE t) {
    return 0;
}

int DkSetPlacement(enum pal_placement how, PAL_IDX cpu) {
    return 0;
}

/* ---- threads and their calls ---- */

void DkThreadSetPrivate(PAL_HANDLE t, enum pal_thread_slot slot, void* data) {
    t->private[slot] = data;
}

void* DkThreadGetPrivate(PAL_HANDLE t, enum pal_thread_slot slot) {
    return t->private[slot];
}

/* The thread whose call the upcall answers (mock_upcall) */
static PAL_HANDLE g_current;
static PAL_SYSCALL_UPCALL g_upcall;

PAL_HANDLE DkThreadCurrent(void) {
    return g_current;
}

int mock_upcall(PAL_HANDLE t, const struct pal_event* ev) {
    PAL_HANDLE was = g_current;
    int ret;

    g_current = t;
    ret = g_upcall(t, ev);
    g_current = was;
    return ret;
}

pid_t DkThreadGetProcessId(PAL_HANDLE t) {
    return t->pid;
}

PAL_NUM DkThreadCount(void) {
    PAL_NUM n = 0;

    for (const struct pal_thread* t = g_threads; t; t = t->next)
        n++;
    return n;
}

long DkHostCall(PAL_HANDLE t, PAL_NUM sysno, const PAL_NUM args[6]) {
    return host_call(t, sysno, args, false);
}

int DkSyscallRunOnHost(PAL_HANDLE t) {
    long ret = host_call(t, t->call.sysno, t->call.args, true);

    g_mock.on_host = true;
    if (!t->gone && !t->abandoned)
        g_mock.result = ret;
    return 0;
}

int DkSyscallReturn(PAL_HANDLE t, long result) {
    if (!t->gone && !t->abandoned)
        g_mock.result = result;
    return 0;
}

long DkVirtualMemoryPoke(PAL_HANDLE t, PAL_NUM addr, const void* buf, size_t len) {
    return DkVirtualMemoryWrite(t, addr, buf, len);
}

/* strace's tampering: no signal nor wait in the mock */
void DkSyscallRaise(PAL_HANDLE t, int sig) {
    (void)t;
    (void)sig;
}

int DkThreadDelay(PAL_HANDLE t, PAL_NUM ns) {
    (void)t;
    (void)ns;
    return 0;
}

PAL_BOL DkThreadGone(PAL_HANDLE t) {
    return t->gone;
}

PAL_BOL DkSyscallAbandoned(PAL_HANDLE t) {
    return t->abandoned;
}

int DkThreadStopEveryCall(PAL_HANDLE t) {
    t->stop_every_call = true;
    return 0;
}

void DkThreadInstallsFilter(PAL_HANDLE t) {
    t->installs_filter++;
}

enum pal_stops DkSyscallStops(void) {
    return g_stops;
}

int DkSetSyscallStops(enum pal_stops how, const uint64_t* no_stop, PAL_NUM nr) {
    if (how == PAL_STOPS_SYSEMU && no_stop)
        return -EINVAL;
    g_stops = how == PAL_STOPS_AUTO ? PAL_STOPS_SYSEMU : how;
    return 0;
}

/* ---- what only a real program has ---- */

int DkProcessCreate(char* const argv[], PAL_HANDLE* thread, pid_t* pid, struct pal_exec* exec) {
    return -ENOSYS;
}

int DkEventWait(struct pal_event* ev) {
    return -ECHILD;
}

void DkSetSyscallUpcall(PAL_SYSCALL_UPCALL upcall) {
    g_upcall = upcall;
}

void DkSetWaitUpcall(PAL_WAIT_UPCALL upcall) {
}

int DkThreadResume(PAL_HANDLE t, int sig) {
    return -EINVAL;
}

int DkThreadGetSignalInfo(PAL_HANDLE t, siginfo_t* info) {
    return -EINVAL;
}

int DkThreadStackTrace(PAL_HANDLE t, struct pal_frame* frames, int max) {
    return -EIO;
}

/* ---- the system ---- */

int DkSystemGetName(struct utsname* name) {
    memset(name, 0, sizeof(*name));
    strcpy(name->sysname, "Linux");
    strcpy(name->nodename, "mock");
    strcpy(name->release, "6.1.0");
    strcpy(name->version, "#1");
    strcpy(name->machine, "x86_64");
    return 0;
}

int DkSystemGetInfo(struct sysinfo* info) {
    memset(info, 0, sizeof(*info));
    info->uptime = 1000;
    info->mem_unit = 1;
    return 0;
}

/* A clock that stands still: one second past its epoch, at a resolution
 * of one nanosecond */
int DkSystemTimeQuery(clockid_t clock, struct timespec* time, struct timespec* res) {
    if (time)
        *time = (struct timespec){.tv_sec = 1};
    if (res)
        *res = (struct timespec){.tv_nsec = 1};
    return 0;
}

long DkRandomBitsRead(PAL_PTR buffer, PAL_NUM size, PAL_FLG flags) {
    memset(buffer, 0x5a, size);
    return (long)size;
}

/* ---- diagnostics ---- */

void DkLogV(int level, const char* file, int line, const char* func, const char* fmt,
            va_list ap) {
    vsnprintf(g_log_last, sizeof(g_log_last), fmt, ap);
    g_log_count++;
}

void DkLog(int level, const char* file, int line, const char* func, const char* fmt, ...) {
    va_list ap;

    va_start(ap, fmt);
    DkLogV(level, file, line, func, fmt, ap);
    va_end(ap);
}

int mock_log_count(void) {
    return g_log_count;
}

const char* mock_log_last(void) {
    return g_log_last;
}

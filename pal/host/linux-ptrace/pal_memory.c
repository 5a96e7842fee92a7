/*
 * pal_memory.c: reading and writing the tracee's memory.
 *
 * process_vm_readv copies from another process in one system call and
 * fails cleanly on unmapped memory, which is what a tracee's pointer may
 * well point to: the fault is the tracee's EFAULT, never the tracer's.  It
 * copies page by page and stops at the first page it cannot read, so a
 * range that runs into unmapped memory yields its readable prefix.
 *
 * One fault is not an EFAULT for the thread itself: below a stack (a
 * mapping that grows down), the kernel grows the stack when the thread
 * touches memory there, within the thread's RLIMIT_STACK and short of the
 * guard gap above the next mapping down.  process_vm_readv/writev never
 * grow a stack (get_user_pages no longer does since Linux 6.5); the
 * tracer's PTRACE_PEEKDATA does (access_remote_vm() grows it, by the same
 * rules).  So where a copy stops at memory that no mapping holds, just
 * below an anonymous writable one, the tracer peeks there once and, if the
 * stack grew, copies on.  Only on that failure path: the copies themselves
 * stay process_vm_readv/writev, with their EFAULT answers.
 *
 * And one refusal is not a fault either: process_vm_readv reads only
 * mappings with VM_READ, but on x86 a page the thread may write or
 * execute, it may read (the kernel's own copy_from_user goes by the page
 * tables, where there is no write-only or execute-only page without
 * protection keys).  So where a read stops in a mapping that is writable
 * or executable but not readable, and no protection key guards it, the
 * tracer reads it through /proc/PID/mem, which may.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <unistd.h>

#include "pal_host.h"
#include "pal_log.h"

#define TRACEE_PAGE 4096UL

/* The first mapping of TID's process that ends above ADDR, from
 * /proc/TID/maps: its start, end and permissions ("rwxp"), and its inode
 * (0: anonymous).  0, or -1 when there is none or the file cannot be read. */
struct mapping_above {
    unsigned long start, end, inode;
    char perms[8];
};

static int first_mapping_above(pid_t tid, PAL_NUM addr, struct mapping_above* m) {
    char path[64];
    unsigned long offset;
    unsigned int major, minor;
    int ret = -1;
    FILE* f;
    int c;

    snprintf(path, sizeof(path), "/proc/%d/maps", tid);
    f = fopen(path, "re");
    if (!f)
        return -1;
    while (fscanf(f, "%lx-%lx %7s %lx %x:%x %lu", &m->start, &m->end, m->perms, &offset, &major,
                  &minor, &m->inode) == 7) {
        if (m->end > addr) {
            ret = 0;
            break;
        }
        while ((c = getc(f)) != EOF && c != '\n')
            ;
    }
    fclose(f);
    return ret;
}

/* Whether ADDR is in no mapping of TID's process, and the first mapping
 * above it is anonymous and writable, as a stack is: the only place the
 * kernel may grow a stack into.  (Peeking only there, the tracer never
 * reads memory the copy was refused: a PROT_NONE page, a device's.) */
static bool below_stack(pid_t tid, PAL_NUM addr) {
    struct mapping_above m;

    return first_mapping_above(tid, addr, &m) == 0 && m.start > addr && m.inode == 0 &&
           m.perms[0] == 'r' && m.perms[1] == 'w';
}

/* The limits the kernel holds a stack's growth to (acct_stack_growth:
 * RLIMIT_STACK, RLIMIT_AS, RLIMIT_MEMLOCK) are those of the task that
 * makes it grow: for a peek, the tracer's.  The tracer takes the
 * program's soft limits for the time of the peek (as far as its own hard
 * limits let it: beyond them, it keeps its own). */
static const int g_growth_limits[] = {RLIMIT_STACK, RLIMIT_AS, RLIMIT_MEMLOCK};
#define N_GROWTH_LIMITS (sizeof(g_growth_limits) / sizeof(g_growth_limits[0]))

/* Grow the stack above ADDR down to it, as the kernel would for thread T
 * touching ADDR itself: whether it did. */
static bool grow_stack(struct pal_thread* t, PAL_NUM addr) {
    struct rlimit own[N_GROWTH_LIMITS];
    bool taken[N_GROWTH_LIMITS] = {false};
    int err;

    if (!below_stack(t->tid, addr))
        return false;
    for (size_t i = 0; i < N_GROWTH_LIMITS; i++) {
        struct rlimit prog;

        if (prlimit(t->tid, g_growth_limits[i], NULL, &prog) < 0 ||
            prlimit(0, g_growth_limits[i], NULL, &own[i]) < 0 || prog.rlim_cur == own[i].rlim_cur)
            continue;
        prog.rlim_max = own[i].rlim_max;
        if (prog.rlim_cur > prog.rlim_max)
            prog.rlim_cur = prog.rlim_max;
        taken[i] = prlimit(0, g_growth_limits[i], &prog, NULL) == 0;
    }
    errno = 0;
    (void)ptrace(PTRACE_PEEKDATA, t->tid, (void*)(uintptr_t)(addr & ~(TRACEE_PAGE - 1)), 0);
    err = errno;
    for (size_t i = 0; i < N_GROWTH_LIMITS; i++)
        if (taken[i] && prlimit(0, g_growth_limits[i], &own[i], NULL) < 0)
            log_error("cannot restore the tracer's limit %d: %s", g_growth_limits[i],
                      strerror(errno));
    return err == 0;
}

/* The protection key of the mapping of TID's process that starts at
 * START (smaps: "ProtectionKey:", where the CPU has keys), or 0. */
static int mapping_pkey(pid_t tid, unsigned long start) {
    /* a line holds a path name at most */
    char path[64], line[4352];
    unsigned long s, e;
    bool in = false;
    int key = 0;
    FILE* f;

    snprintf(path, sizeof(path), "/proc/%d/smaps", tid);
    f = fopen(path, "re");
    if (!f)
        return 0;
    while (fgets(line, sizeof(line), f)) {
        if (sscanf(line, "%lx-%lx ", &s, &e) == 2) {
            if (in)
                break;
            in = s == start;
        } else if (in && sscanf(line, "ProtectionKey: %d", &key) == 1) {
            break;
        }
    }
    fclose(f);
    return key;
}

/* Whether ADDR is in a mapping of TID's process that the thread may read
 * though process_vm_readv may not (writable or executable, not readable,
 * no protection key): the bytes up to its end in *END. */
static bool readable_unreadable(pid_t tid, PAL_NUM addr, PAL_NUM* end) {
    struct mapping_above m;

    if (first_mapping_above(tid, addr, &m) < 0 || m.start > addr || m.perms[0] != '-' ||
        (m.perms[1] != 'w' && m.perms[2] != 'x') || mapping_pkey(tid, m.start) != 0)
        return false;
    *end = m.end;
    return true;
}

/* Read what the thread could at ADDR (see above) into BUF, at most LEN
 * bytes: how many were read. */
static size_t read_forced(struct pal_thread* t, PAL_NUM addr, void* buf, size_t len) {
    char path[64];
    PAL_NUM end;
    ssize_t n;
    int fd;

    if (!readable_unreadable(t->tid, addr, &end))
        return 0;
    if (len > end - addr)
        len = end - addr;
    snprintf(path, sizeof(path), "/proc/%d/mem", t->tid);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    n = pread(fd, buf, len, (off_t)addr);
    close(fd);
    return n > 0 ? (size_t)n : 0;
}

/* Copy LEN bytes between BUF and the tracee's ADDR, growing a stack the
 * copy runs into: how many bytes were copied, or -ESRCH. */
static long copy(struct pal_thread* t, PAL_NUM addr, void* buf, size_t len, bool write) {
    size_t done = 0;
    bool grown = false;

    while (done < len) {
        struct iovec local = {.iov_base = (char*)buf + done, .iov_len = len - done};
        struct iovec remote = {.iov_base = (void*)(uintptr_t)(addr + done), .iov_len = len - done};
        ssize_t n = write ? process_vm_writev(t->tid, &local, 1, &remote, 1, 0)
                          : process_vm_readv(t->tid, &local, 1, &remote, 1, 0);

        if (n < 0 && errno == ESRCH)
            return -ESRCH;
        if (n > 0) {
            done += (size_t)n;
            grown = false;
            continue;
        }
        /* stopped at ADDR + DONE: a page the thread may read all the
         * same, or once there, the stack may grow */
        if (!write) {
            size_t forced = read_forced(t, addr + done, (char*)buf + done, len - done);

            if (forced > 0) {
                done += forced;
                continue;
            }
        }
        if (grown || !grow_stack(t, addr + done))
            break;
        grown = true;
    }
    return (long)done;
}

long DkVirtualMemoryRead(PAL_HANDLE t, PAL_NUM addr, void* buf, size_t len) {
    long n;

    if (len == 0)
        return 0;
    n = copy(t, addr, buf, len, false);
    return n != 0 ? n : -EFAULT;
}

long DkVirtualMemoryWrite(PAL_HANDLE t, PAL_NUM addr, const void* buf, size_t len) {
    long n;

    if (len == 0)
        return 0;
    /* process_vm_writev only reads local, but struct iovec is not const */
    n = copy(t, addr, (void*)(uintptr_t)buf, len, true);
    if (n < 0)
        return n;
    return (size_t)n == len ? n : -EFAULT;
}

/* One word at the aligned ADDR, LEN bytes of it from BUF at OFFSET: what
 * the tracee's word held, with those bytes changed. */
static bool poke_word(pid_t tid, PAL_NUM addr, const uint8_t* buf, size_t offset, size_t len) {
    long word;

    errno = 0;
    word = ptrace(PTRACE_PEEKDATA, tid, (void*)(uintptr_t)addr, 0);
    if (errno)
        return false;
    memcpy((uint8_t*)&word + offset, buf, len);
    return ptrace(PTRACE_POKEDATA, tid, (void*)(uintptr_t)addr, word) == 0;
}

long DkVirtualMemoryPoke(PAL_HANDLE t, PAL_NUM addr, const void* buf, size_t len) {
    const uint8_t* p = buf;
    size_t done;
    long n;

    if (len == 0)
        return 0;
    n = copy(t, addr, (void*)(uintptr_t)buf, len, true);
    if (n < 0 || (size_t)n == len)
        return n;
    /* where process_vm_writev stops (memory the program cannot write, but
     * a debugger can), word by word as a debugger writes */
    done = (size_t)n;
    while (done < len) {
        PAL_NUM at = addr + done;
        size_t offset = at & (sizeof(long) - 1);
        size_t chunk = sizeof(long) - offset;

        if (chunk > len - done)
            chunk = len - done;
        if (!poke_word(t->tid, at - offset, p + done, offset, chunk))
            break;
        done += chunk;
    }
    return done ? (long)done : -EFAULT;
}

long DkVirtualMemoryReadString(PAL_HANDLE t, PAL_NUM addr, char* buf, size_t size,
                               size_t* read) {
    size_t done = 0;

    while (done < size) {
        /* never read past the page holding the terminator: the next one
         * may be unmapped while the string is valid */
        size_t chunk = TRACEE_PAGE - ((addr + done) & (TRACEE_PAGE - 1));
        char* nul;
        long n;

        if (chunk > size - done)
            chunk = size - done;
        n = DkVirtualMemoryRead(t, addr + done, buf + done, chunk);
        if (n < 0) {
            if (read)
                *read = done;
            return n;
        }
        nul = memchr(buf + done, '\0', (size_t)n);
        if (nul) {
            if (read)
                *read = (size_t)(nul - buf);
            return nul - buf;
        }
        done += (size_t)n;
        if ((size_t)n < chunk) {
            if (read)
                *read = done;
            return -EFAULT;
        }
    }
    if (read)
        *read = done;
    return -ENAMETOOLONG;
}

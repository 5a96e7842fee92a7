/*
 * shim_mem.c
 *
 * Implementation of system calls "mremap", "msync", "madvise", "mincore",
 * "mlock", "mlock2", "munlock", "mlockall", "munlockall",
 * "remap_file_pages", "membarrier", "pkey_alloc", "pkey_free",
 * "process_madvise" and "process_mrelease".
 *
 * The host kernel owns the memory: each call runs there, in the calling
 * thread, once its arguments pass the kernel's checks that need nothing
 * of the host's state (mm/mremap.c, msync.c, madvise.c, mincore.c,
 * mlock.c, mmap.c, mprotect.c; kernel/sched/membarrier.c).  What depends
 * on the address space (which pages are mapped, locked, the map count),
 * on limits and capabilities (RLIMIT_MEMLOCK, CAP_IPC_LOCK), on the
 * kernel's configuration (transparent huge pages, KSM, memory failure,
 * protection keys) or on the host's size of the address space is the
 * host's to say; so is every call the shim cannot tell from a newer
 * kernel's (an advice or a command it does not know).  The PAL's cache of
 * the mappings (-k) is told at the entry of the calls that change them.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <sys/mman.h>

#include "shim_handle.h"
#include "shim_mm.h"
#include "shim_table.h"

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif

/* mremap: check_mremap_params(), on the lengths PAGE_ALIGN()ed */
long shim_do_mremap(uptr addr, size_t old_len, size_t new_len, unsigned long flags,
                    uptr new_addr) {
    bool moves = flags & (MREMAP_FIXED | MREMAP_DONTUNMAP);

    old_len = SHIM_PAGE_ALIGN(old_len);
    new_len = SHIM_PAGE_ALIGN(new_len);
    if (flags & ~(unsigned long)(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
        return -EINVAL;
    if (addr & ~SHIM_PAGE_MASK)
        return -EINVAL;
    /* a zero old length is allowed (a shared mapping duplicated), a zero
     * new one is not, nor one that rounds up to nothing */
    if (new_len == 0)
        return -EINVAL;
    if (new_len > SHIM_TASK_SIZE_MAX)
        return -EINVAL;
    if (new_len > SHIM_TASK_SIZE_MIN)
        return shim_pass_to_host(); /* TASK_SIZE: the host's */
    if (!moves)
        return shim_pass_to_host();
    /* a new address */
    if (new_addr > SHIM_TASK_SIZE_MAX - new_len)
        return -EINVAL;
    if (new_addr > SHIM_TASK_SIZE_MIN - new_len)
        return shim_pass_to_host();
    if (new_addr & ~SHIM_PAGE_MASK)
        return -EINVAL;
    if (!(flags & MREMAP_MAYMOVE))
        return -EINVAL;
    if ((flags & MREMAP_DONTUNMAP) && old_len != new_len)
        return -EINVAL;
    /* the two ranges overlap (the kernel's wrapping arithmetic) */
    if (addr + old_len > new_addr && new_addr + new_len > addr)
        return -EINVAL;
    /* the map count, then the mappings: the host's */
    return shim_pass_to_host();
}

/* msync: the kernel's checks before it looks at the mappings */
long shim_do_msync(uptr start, size_t len, unsigned int flags) {
    uptr end;

    if (start >= SHIM_UNTAGGED_LIMIT)
        return shim_pass_to_host(); /* untagged_addr(): the host's */
    if (flags & ~(unsigned int)(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
        return -EINVAL;
    if (start & ~SHIM_PAGE_MASK)
        return -EINVAL;
    if ((flags & MS_ASYNC) && (flags & MS_SYNC))
        return -EINVAL;
    len = SHIM_PAGE_ALIGN(len);
    end = start + len;
    if (end < start)
        return -ENOMEM;
    if (end == start)
        return 0;
    return shim_pass_to_host();
}

#define MADV_GUARD_INSTALL_ 102
#define MADV_GUARD_REMOVE_  103

/* madvise_behavior_valid(): 1 when every kernel of the shim's knows
 * BEHAVIOR, -1 when the host's configuration or version decides (KSM,
 * transparent huge pages, memory failure, a newer advice), 0 when no
 * kernel does. */
static int advice_known(int behavior) {
    switch (behavior) {
    case 0:  /* MADV_NORMAL */
    case 1:  /* MADV_RANDOM */
    case 2:  /* MADV_SEQUENTIAL */
    case 3:  /* MADV_WILLNEED */
    case 4:  /* MADV_DONTNEED */
    case 8:  /* MADV_FREE */
    case 9:  /* MADV_REMOVE */
    case 10: /* MADV_DONTFORK */
    case 11: /* MADV_DOFORK */
    case 16: /* MADV_DONTDUMP */
    case 17: /* MADV_DODUMP */
    case 18: /* MADV_WIPEONFORK */
    case 19: /* MADV_KEEPONFORK */
    case 20: /* MADV_COLD */
    case 21: /* MADV_PAGEOUT */
    case 22: /* MADV_POPULATE_READ */
    case 23: /* MADV_POPULATE_WRITE */
    case 24: /* MADV_DONTNEED_LOCKED */
        return 1;
    case 5: /* never assigned on x86-64 */
    case 6:
    case 7:
        return 0;
    default:
        /* 12-15, 25 and 100-103 are the configuration's; others may be
         * a newer kernel's (MADV_GUARD_* since Linux 6.13) */
        return behavior < 0 ? 0 : -1;
    }
}

/* madvise: madvise_should_skip() (on the address as passed: the host
 * untags it later) */
long shim_do_madvise(uptr start, size_t len_in, int behavior) {
    int known = advice_known(behavior);
    size_t len;

    if (known == 0)
        return -EINVAL;
    if (known < 0)
        return shim_pass_to_host();
    if (start & ~SHIM_PAGE_MASK)
        return -EINVAL;
    len = SHIM_PAGE_ALIGN(len_in);
    if (len_in && !len)
        return -EINVAL;
    if (start + len < start)
        return -EINVAL;
    if (len == 0)
        return 0;
    return shim_pass_to_host();
}

/* mincore: the start, then the two ranges access_ok() judges */
long shim_do_mincore(uptr start, size_t len, uptr vec) {
    size_t pages;
    int ok;

    if (start >= SHIM_UNTAGGED_LIMIT)
        return shim_pass_to_host();
    if (start & ~SHIM_PAGE_MASK)
        return -EINVAL;
    ok = shim_access_ok(start, len);
    if (ok == 0)
        return -ENOMEM;
    if (ok < 0)
        return shim_pass_to_host();
    pages = (len >> 12) + ((len & ~SHIM_PAGE_MASK) != 0);
    ok = shim_access_ok(vec, pages);
    if (ok == 0)
        return -EFAULT;
    /* which pages are mapped and resident, and the vector's pages: the
     * host's */
    return shim_pass_to_host();
}

/* mlock: can_do_mlock() (RLIMIT_MEMLOCK, CAP_IPC_LOCK) comes first, then
 * the limit and the mappings: all the host's. */
long shim_do_mlock(uptr start, size_t len) {
    return shim_pass_to_host();
}

long shim_do_mlock2(uptr start, size_t len, unsigned long flags) {
    /* the kernel's flags are an int */
    if ((int)flags & ~MLOCK_ONFAULT)
        return -EINVAL;
    return shim_pass_to_host();
}

/* munlock: apply_vma_lock_flags() on the range rounded out to pages; an
 * empty range changes nothing.  (Taking the lock can fail only for a
 * fatal signal, which leaves no one to see the result.) */
long shim_do_munlock(uptr start, size_t len) {
    uptr end;

    if (start >= SHIM_UNTAGGED_LIMIT)
        return shim_pass_to_host();
    len = SHIM_PAGE_ALIGN(len + (start & ~SHIM_PAGE_MASK));
    start &= SHIM_PAGE_MASK;
    end = start + len;
    if (end < start)
        return -EINVAL;
    if (end == start)
        return 0;
    return shim_pass_to_host();
}

long shim_do_mlockall(int flags) {
    if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT)
        return -EINVAL;
    /* can_do_mlock(), then the mappings */
    return shim_pass_to_host();
}

/* munlockall: it always succeeds, but the host unlocks */
long shim_do_munlockall(void) {
    return shim_pass_to_host();
}

/* remap_file_pages: the emulation's checks before the mapping is looked
 * up (mm/mmap.c); the host then maps the pages anew */
long shim_do_remap_file_pages(uptr start, size_t size, unsigned long prot, unsigned long pgoff,
                              unsigned long flags) {
    (void)flags;
    if (prot)
        return -EINVAL;
    start &= SHIM_PAGE_MASK;
    size &= SHIM_PAGE_MASK;
    if (start + size <= start)
        return -EINVAL;
    if (pgoff + (size >> 12) < pgoff)
        return -EINVAL;
    return shim_pass_to_host();
}

#define MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ 128
#define MEMBARRIER_CMD_FLAG_CPU               1

/* membarrier: the flags, then the command (its effect and QUERY's answer
 * depend on the host's CPUs and configuration: nohz_full, SYNC_CORE) */
long shim_do_membarrier(int cmd, unsigned int flags, int cpu_id) {
    (void)cpu_id;
    if (cmd == MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ) {
        if (flags && flags != MEMBARRIER_CMD_FLAG_CPU)
            return -EINVAL;
    } else if (flags) {
        return -EINVAL;
    }
    /* every command is 0 or a single bit (a higher one may be a newer
     * kernel's: the host says) */
    if (cmd < 0 || (cmd & (cmd - 1)) != 0)
        return -EINVAL;
    return shim_pass_to_host();
}

#define PKEY_ACCESS_MASK 3 /* PKEY_DISABLE_ACCESS | PKEY_DISABLE_WRITE */
/* the keys x86-64 has (arch_max_pkey()) */
#define PKEY_MAX 16

/* pkey_alloc: the keys are the host's (and its CPU's: none is ENOSPC) */
long shim_do_pkey_alloc(unsigned long flags, unsigned long init_val) {
    if (flags)
        return -EINVAL;
    if (init_val & ~(unsigned long)PKEY_ACCESS_MASK)
        return -EINVAL;
    return shim_pass_to_host();
}

/* pkey_free: a key no process can have allocated is EINVAL; which ones
 * this one has, the host knows */
long shim_do_pkey_free(int pkey) {
    if (pkey < 0 || pkey >= PKEY_MAX)
        return -EINVAL;
    return shim_pass_to_host();
}

/* process_mrelease: the flags, then the descriptor (a closed one is
 * EBADF; whether it is a pidfd, and its process, are the host's) */
long shim_do_process_mrelease(int pidfd, unsigned int flags) {
    int ret;

    if (flags)
        return -EINVAL;
    ret = shim_fd_check_fdget(pidfd);
    return ret < 0 ? ret : shim_pass_to_host();
}

#define UIO_MAXIOV 1024

/* process_madvise: the flags, then the count of the vector (the whole
 * size_t: a count of 1 << 32 is refused too, on Linux 6.18); the vector,
 * the descriptor, the target's memory and the permission over it are the
 * host's */
long shim_do_process_madvise(int pidfd, uptr vec, size_t vlen, int behavior, unsigned int flags) {
    if (flags)
        return -EINVAL;
    if (vlen > UIO_MAXIOV)
        return -EINVAL;
    return shim_pass_to_host();
}

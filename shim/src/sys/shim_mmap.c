/*
 * shim_mmap.c
 *
 * Implementation of system calls "brk", "mmap", "munmap", "mprotect" and
 * "pkey_mprotect".
 *
 * The host kernel owns the memory: the calls run there, in the calling
 * thread, once the arguments pass the kernel's checks that need nothing
 * of the host's state.  What depends on the address space (a fixed
 * address, the map count, limits), on the descriptor (whose errors come
 * first for a file mapping: the host knows the descriptors) or on the
 * host's configuration (huge page sizes, security modules) is left to
 * the host.
 */
#include "config.h"

#include <errno.h>
#include <sys/mman.h>

#include "shim_mm.h"
#include "shim_table.h"

#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE 0x08
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

long shim_do_brk(uptr brk) {
    return shim_pass_to_host();
}

long shim_do_mmap(uptr addr, size_t len, unsigned long prot, unsigned long flags, int fd,
                  unsigned long off) {
    if (off & ~SHIM_PAGE_MASK)
        return -EINVAL;
    /* a file mapping: the descriptor is checked first (EBADF), and by
     * the host, which has it; huge pages: the host knows their sizes */
    if (!(flags & MAP_ANONYMOUS) || (flags & MAP_HUGETLB))
        return shim_pass_to_host();
    /* do_mmap() (a security module may refuse first: the host's) */
    if (len == 0)
        return -EINVAL;
    if (len > -SHIM_PAGE_SIZE) /* PAGE_ALIGN overflows */
        return -ENOMEM;
    /* the map type is checked once an address was found: certain when
     * the search cannot fail for lack of room (nor a fixed address, a
     * lock limit, fail first) */
    if (!(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE | MAP_LOCKED)) && len <= SHIM_TASK_SIZE_MIN) {
        switch (flags & MAP_TYPE) {
        case MAP_SHARED:
        case MAP_PRIVATE:
        case MAP_DROPPABLE: /* since Linux 6.11: the host says */
            break;
        default:
            return -EINVAL;
        }
    }
    return shim_pass_to_host();
}

long shim_do_munmap(uptr addr, size_t len) {
    /* do_vmi_munmap(); the address untagged (LAM) never loses bit 63,
     * and no TASK_SIZE exceeds SHIM_TASK_SIZE_MAX */
    if ((addr & ~SHIM_PAGE_MASK) || addr >= (1UL << 63) || len > SHIM_TASK_SIZE_MAX || len == 0)
        return -EINVAL;
    return shim_pass_to_host();
}

/* do_mprotect_pkey()'s checks before it looks at the address space (the
 * key is checked there, under the lock: by the host) */
static long check_mprotect(uptr start, size_t len, unsigned long prot) {
    if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) == (PROT_GROWSDOWN | PROT_GROWSUP))
        return -EINVAL;
    if (start & ~SHIM_PAGE_MASK)
        return -EINVAL;
    if (len == 0)
        return 0;
    if (start < SHIM_UNTAGGED_LIMIT) {
        uptr end = start + SHIM_PAGE_ALIGN(len);

        if (end <= start)
            return -ENOMEM;
        if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM |
                                    PROT_GROWSDOWN | PROT_GROWSUP))
            return -EINVAL;
    }
    return shim_pass_to_host();
}

long shim_do_mprotect(uptr start, size_t len, unsigned long prot) {
    return check_mprotect(start, len, prot);
}

long shim_do_pkey_mprotect(uptr start, size_t len, unsigned long prot, int pkey) {
    (void)pkey;
    return check_mprotect(start, len, prot);
}

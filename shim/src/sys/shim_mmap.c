/*
 * shim_mmap.c
 *
 * Implementation of system calls "brk", "mmap", "munmap" and "mprotect".
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

#include "shim_table.h"

#define PAGE_SIZE 4096UL
#define PAGE_MASK (~(PAGE_SIZE - 1))

#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE 0x08
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

/* The smallest TASK_SIZE of an x86-64 process (4-level paging): a
 * mapping no longer than this fits in any. */
#define TASK_SIZE_MIN ((1UL << 47) - PAGE_SIZE)
/* The largest (5-level paging): a length beyond it fits in none. */
#define TASK_SIZE_MAX ((1UL << 56) - PAGE_SIZE)
/* Addresses below this carry no tag bits that untagged_addr() would
 * clear (LAM); at and above, the host untags and judges. */
#define UNTAGGED_LIMIT (1UL << 57)

long shim_do_brk(uptr brk) {
    return shim_pass_to_host();
}

long shim_do_mmap(uptr addr, size_t len, unsigned long prot, unsigned long flags, int fd,
                  unsigned long off) {
    if (off & ~PAGE_MASK)
        return -EINVAL;
    /* a file mapping: the descriptor is checked first (EBADF), and by
     * the host, which has it; huge pages: the host knows their sizes */
    if (!(flags & MAP_ANONYMOUS) || (flags & MAP_HUGETLB))
        return shim_pass_to_host();
    /* do_mmap() (a security module may refuse first: the host's) */
    if (len == 0)
        return -EINVAL;
    if (len > -PAGE_SIZE) /* PAGE_ALIGN overflows */
        return -ENOMEM;
    /* the map type is checked once an address was found: certain when
     * the search cannot fail for lack of room (nor a fixed address, a
     * lock limit, fail first) */
    if (!(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE | MAP_LOCKED)) && len <= TASK_SIZE_MIN) {
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
     * and no TASK_SIZE exceeds TASK_SIZE_MAX */
    if ((addr & ~PAGE_MASK) || addr >= (1UL << 63) || len > TASK_SIZE_MAX || len == 0)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_mprotect(uptr start, size_t len, unsigned long prot) {
    /* do_mprotect_pkey() */
    if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) == (PROT_GROWSDOWN | PROT_GROWSUP))
        return -EINVAL;
    if (start & ~PAGE_MASK)
        return -EINVAL;
    if (len == 0)
        return 0;
    if (start < UNTAGGED_LIMIT) {
        uptr end = start + ((len + PAGE_SIZE - 1) & PAGE_MASK);

        if (end <= start)
            return -ENOMEM;
        if (prot & ~(unsigned long)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM |
                                    PROT_GROWSDOWN | PROT_GROWSUP))
            return -EINVAL;
    }
    return shim_pass_to_host();
}

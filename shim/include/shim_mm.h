/*
 * shim_mm.h: the x86-64 address space as the memory calls check it
 * (sys/shim_mmap.c, sys/shim_mem.c): pages, the bounds of TASK_SIZE, and
 * the kernel's access_ok().
 */
#ifndef SHIM_MM_H
#define SHIM_MM_H

#include <stddef.h>

#include "shim_internal.h"

#define SHIM_PAGE_SIZE 4096UL
#define SHIM_PAGE_MASK (~(SHIM_PAGE_SIZE - 1))
/* PAGE_ALIGN(), with the kernel's wrap-around */
#define SHIM_PAGE_ALIGN(x) (((x) + SHIM_PAGE_SIZE - 1) & SHIM_PAGE_MASK)

/* The smallest TASK_SIZE of an x86-64 process (4-level paging): a
 * mapping no longer than this fits in any. */
#define SHIM_TASK_SIZE_MIN ((1UL << 47) - SHIM_PAGE_SIZE)
/* The largest (5-level paging): a length beyond it fits in none. */
#define SHIM_TASK_SIZE_MAX ((1UL << 56) - SHIM_PAGE_SIZE)
/* Addresses below this carry no tag bits that untagged_addr() would
 * clear (LAM); at and above, the host untags and judges. */
#define SHIM_UNTAGGED_LIMIT (1UL << 57)

/* access_ok(ADDR, SIZE) as the host kernel answers it, for a SIZE it does
 * not know at build time: 1 when the range certainly lies below the
 * kernel's highest user address (at least TASK_SIZE of 4-level paging), 0
 * when it certainly does not (it wraps, or passes the highest a kernel
 * with LAM allows), -1 in between, where the host says. */
static inline int shim_access_ok(uptr addr, size_t size) {
    uptr end = addr + size;

    if (end < addr)
        return 0;
    if (end < SHIM_TASK_SIZE_MIN)
        return 1;
    if (end > (1UL << 63) - SHIM_PAGE_SIZE)
        return 0;
    return -1;
}

#endif /* SHIM_MM_H */

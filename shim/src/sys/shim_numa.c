/*
 * shim_numa.c
 *
 * Implementation of system calls "get_mempolicy", "set_mempolicy",
 * "mbind", "set_mempolicy_home_node", "migrate_pages" and "move_pages".
 *
 * The memory policies and the nodes are the host's (mm/mempolicy.c,
 * mm/migrate.c): the shim checks the modes and flags, the alignment and
 * the node masks' sizes where every kernel built with NUMA (every
 * distribution's) answers alike, and leaves to the host what depends on
 * its nodes (nr_node_ids, MAX_NUMNODES, which are online), on the
 * target process and on the caller's privileges.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>

#include "shim_mm.h"
#include "shim_table.h"

#define MPOL_BIND_           2
#define MPOL_PREFERRED_MANY_ 5
#define MPOL_MAX_            7 /* MPOL_WEIGHTED_INTERLEAVE, Linux 6.9, is the last */
#define MPOL_F_STATIC_NODES   (1 << 15)
#define MPOL_F_RELATIVE_NODES (1 << 14)
#define MPOL_F_NUMA_BALANCING (1 << 13)
#define MPOL_MODE_FLAGS (MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING)

#define MPOL_F_NODE         1
#define MPOL_F_ADDR         2
#define MPOL_F_MEMS_ALLOWED 4

#define MPOL_MF_MOVE     2
#define MPOL_MF_MOVE_ALL 4
#define MPOL_MF_VALID    7 /* MPOL_MF_STRICT | MPOL_MF_MOVE | MPOL_MF_MOVE_ALL */

/* the most bits a node mask may have (PAGE_SIZE * BITS_PER_BYTE) */
#define MASK_BITS_MAX (SHIM_PAGE_SIZE * 8)
/* the fewest node IDs a kernel knows, and the most (x86-64's NODES_SHIFT
 * of 10) */
#define NR_NODE_IDS_MIN 1
#define NR_NODE_IDS_MAX 1024

/* sanitize_mpol_flags(): 0, -EINVAL, or 1 for a mode a newer kernel may
 * know (the host's).  *MODE loses its flags. */
static int check_mode(int* mode) {
    int flags = *mode & MPOL_MODE_FLAGS;

    *mode &= ~MPOL_MODE_FLAGS;
    if (*mode < 0)
        return -EINVAL; /* unsigned in the kernel: beyond any MPOL_MAX */
    if (*mode >= MPOL_MAX_)
        return 1;
    if ((flags & MPOL_F_STATIC_NODES) && (flags & MPOL_F_RELATIVE_NODES))
        return -EINVAL;
    if ((flags & MPOL_F_NUMA_BALANCING) && *mode != MPOL_BIND_ && *mode != MPOL_PREFERRED_MANY_)
        return -EINVAL;
    return 0;
}

/* get_nodes(): 0 when the mask is empty without a read (no mask, or a
 * size of one bit or none... the kernel counts MAXNODE - 1), -EINVAL for a
 * mask longer than any, 1 when the host must read it (its size against
 * MAX_NUMNODES, EFAULT). */
static int check_nodes(uptr nmask, unsigned long maxnode) {
    maxnode--;
    if (maxnode == 0 || !nmask)
        return 0;
    if (maxnode > MASK_BITS_MAX)
        return -EINVAL;
    return 1;
}

long shim_do_set_mempolicy(int mode, uptr nmask, unsigned long maxnode) {
    int ret = check_mode(&mode);

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = check_nodes(nmask, maxnode);
    if (ret < 0)
        return ret;
    /* the policy itself (an empty mask for a mode that needs nodes): the
     * host's, with its nodes */
    return shim_pass_to_host();
}

long shim_do_mbind(uptr start, size_t len, int mode, uptr nmask, unsigned long maxnode,
                   unsigned long flags) {
    int ret = check_mode(&mode);

    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    ret = check_nodes(nmask, maxnode);
    if (ret != 0)
        return ret < 0 ? ret : shim_pass_to_host();
    /* do_mbind() (its flags are an unsigned int) */
    if ((unsigned int)flags & ~MPOL_MF_VALID)
        return -EINVAL;
    if ((unsigned int)flags & MPOL_MF_MOVE_ALL)
        return shim_pass_to_host(); /* CAP_SYS_NICE: the host's */
    if (start >= SHIM_UNTAGGED_LIMIT)
        return shim_pass_to_host();
    if (start & ~SHIM_PAGE_MASK)
        return -EINVAL;
    len = SHIM_PAGE_ALIGN(len);
    if (start + len < start)
        return -EINVAL;
    if (start + len == start)
        return 0;
    return shim_pass_to_host();
}

long shim_do_get_mempolicy(uptr policy, uptr nmask, unsigned long maxnode, uptr addr,
                           unsigned long flags) {
    /* the mask must hold nr_node_ids bits: the host's count */
    if (nmask && maxnode < NR_NODE_IDS_MIN)
        return -EINVAL;
    if (nmask && maxnode < NR_NODE_IDS_MAX)
        return shim_pass_to_host();
    /* do_get_mempolicy() */
    if (flags & ~(unsigned long)(MPOL_F_NODE | MPOL_F_ADDR | MPOL_F_MEMS_ALLOWED))
        return -EINVAL;
    if ((flags & MPOL_F_MEMS_ALLOWED) && (flags & (MPOL_F_NODE | MPOL_F_ADDR)))
        return -EINVAL;
    if (!(flags & (MPOL_F_ADDR | MPOL_F_MEMS_ALLOWED)) && addr)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_set_mempolicy_home_node(uptr start, size_t len, unsigned long home_node,
                                     unsigned long flags) {
    if (start >= SHIM_UNTAGGED_LIMIT)
        return shim_pass_to_host();
    if (start & ~SHIM_PAGE_MASK)
        return -EINVAL;
    if (flags != 0)
        return -EINVAL;
    /* whether HOME_NODE is online, then the range: the host's */
    return shim_pass_to_host();
}

long shim_do_migrate_pages(pid_t pid, unsigned long maxnode, uptr old_nodes, uptr new_nodes) {
    int old = check_nodes(old_nodes, maxnode), new;

    if (old < 0)
        return old;
    if (old > 0)
        return shim_pass_to_host();
    new = check_nodes(new_nodes, maxnode);
    if (new < 0)
        return new;
    /* the process, the permission, the nodes: the host's */
    return shim_pass_to_host();
}

long shim_do_move_pages(pid_t pid, unsigned long nr_pages, uptr pages, uptr nodes, uptr status,
                        int flags) {
    if (flags & ~(MPOL_MF_MOVE | MPOL_MF_MOVE_ALL))
        return -EINVAL;
    /* MPOL_MF_MOVE_ALL needs CAP_SYS_NICE; then the process: the host's */
    return shim_pass_to_host();
}

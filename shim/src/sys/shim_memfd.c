/*
 * shim_memfd.c
 *
 * Implementation of system call "memfd_create".
 *
 * The flags are checked in the tracer (mm/memfd.c sanitize_flags(): the
 * known flags, a huge page size only with MFD_HUGETLB, not MFD_EXEC with
 * MFD_NOEXEC_SEAL); the vm.memfd_noexec policy of the program's pid
 * namespace comes next (EACCES), and then the name (EFAULT, EINVAL past
 * 249 bytes): the host's.  The host creates the descriptor in the
 * program, and the table records it: read and write, a file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include "shim_handle.h"
#include "shim_table.h"

#define SHIM_MFD_CLOEXEC 0x1U
#define SHIM_MFD_ALLOW_SEALING 0x2U
#define SHIM_MFD_HUGETLB 0x4U
#define SHIM_MFD_NOEXEC_SEAL 0x8U
#define SHIM_MFD_EXEC 0x10U
#define SHIM_MFD_ALL_FLAGS                                                         \
    (SHIM_MFD_CLOEXEC | SHIM_MFD_ALLOW_SEALING | SHIM_MFD_HUGETLB | SHIM_MFD_NOEXEC_SEAL | \
     SHIM_MFD_EXEC)
/* the huge page size, log2, in bits 26 to 31 */
#define SHIM_MFD_HUGE_BITS (0x3fU << 26)

long shim_do_memfd_create(uptr uname, unsigned int flags) {
    unsigned int allowed = SHIM_MFD_ALL_FLAGS;
    long fd;

    (void)uname;
    if (flags & SHIM_MFD_HUGETLB)
        allowed |= SHIM_MFD_HUGE_BITS;
    if (flags & ~allowed)
        return -EINVAL;
    if ((flags & SHIM_MFD_EXEC) && (flags & SHIM_MFD_NOEXEC_SEAL))
        return -EINVAL;
    fd = shim_host_call_self();
    if (fd >= 0)
        /* out of memory for the record: the table adopts it on first use */
        (void)shim_fd_install((int)fd, true, O_RDWR, flags & SHIM_MFD_CLOEXEC,
                              SHIM_HANDLE_FILE);
    return fd;
}

/*
 * shim_mount.h: the view's mount table, inside the shim (fs/shim_mount.c).
 */
#ifndef SHIM_MOUNT_H
#define SHIM_MOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "shim_view.h"

struct shim_mount {
    char* host;  /* "" for the host's root */
    char* guest; /* "" for the guest's root */
    size_t host_len, guest_len;
    int order; /* on the command line */
};

/* The mount that holds the resolved guest path GUEST (LEN bytes). */
const struct shim_mount* shim_mount_of(const char* guest, size_t len);

/* Whether GUEST (LEN bytes, resolved) is a bind's mount point. */
bool shim_mount_point(const char* guest, size_t len);

/* The host path of the resolved guest path GUEST (LEN bytes) into HOST:
 * its length, or -ENAMETOOLONG when it does not fit in SIZE bytes. */
long shim_mount_host(const char* guest, size_t len, char* host, size_t size);

/* shim_view_resolve() from START, which is a host path outside the view
 * when OUTSIDE, for the thread TID of process PID, whose /proc/self it is
 * (fs/shim_lookup.c).  *MNT (if not NULL): the mount the path (for
 * SHIM_VIEW_PARENT, its parent) is in, NULL outside the view.  *MISSING
 * (if not NULL): SHIM_VIEW_FOLLOW found no file at the last component. */
long shim_lookup(pid_t pid, pid_t tid, const char* start, bool outside, const char* path,
                 enum shim_view_how how, char* host, size_t size, enum shim_view_at* at,
                 const struct shim_mount** mnt, bool* missing);

#endif /* SHIM_MOUNT_H */

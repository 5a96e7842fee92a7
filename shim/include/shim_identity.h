/*
 * shim_identity.h: each thread's identity as the shim keeps it
 * (bookkeep/shim_identity.c): its credentials, personality and
 * namespaces, and the umask of the "fs" state it may share.
 *
 * Each is read from the host when first needed, copied or shared at clone
 * as the kernel does, and forgotten when the host may have changed it (a
 * set*id call, personality(2), unshare(2), setns(2), an execve).
 */
#ifndef SHIM_IDENTITY_H
#define SHIM_IDENTITY_H

#include <stdbool.h>
#include <stdint.h>

#include "shim_thread.h"

/* T's credentials, or NULL when the shim cannot answer for them: the host
 * could not say, or T is in a user namespace other than ptshim's, where
 * IDs have other names (the host then answers T's calls itself). */
const struct shim_cred* shim_thread_cred(struct shim_thread* t);
/* T's credentials may have changed on the host. */
void shim_thread_cred_changed(struct shim_thread* t);

/* Whether T's namespace NS (a PAL_NS_*) is not ptshim's, or may not be
 * (the host could not say). */
bool shim_thread_ns_foreign(struct shim_thread* t, PAL_FLG ns);
/* T may have entered other namespaces (unshare, setns). */
void shim_thread_ns_changed(struct shim_thread* t);

/* T's personality(2), or a negative errno when the host could not say. */
long shim_thread_personality(struct shim_thread* t);
/* T's personality is now PERSONALITY (negative: unknown again). */
void shim_thread_set_personality(struct shim_thread* t, long personality);

/* The fs state of T, or NULL when out of memory. */
struct shim_fs* shim_thread_fs(struct shim_thread* t);
/* T's umask, read from the host when not known; SHIM_UNKNOWN when the
 * host could not say. */
int shim_thread_umask(struct shim_thread* t);
/* T leaves the fs state it shares for a copy (unshare(CLONE_FS)). */
void shim_thread_unshare_fs(struct shim_thread* t);
/* T's fs state may be in another mount namespace than ptshim's (it
 * entered one), and whether it may (true when the shim cannot say). */
void shim_thread_mnt_ns_changed(struct shim_thread* t);
bool shim_thread_mnt_ns_foreign(struct shim_thread* t);

/* The events: CHILD created by CREATOR with clone FLAGS; T completed an
 * execve; T gone. */
void shim_identity_clone(struct shim_thread* child, struct shim_thread* creator,
                         uint64_t flags);
void shim_identity_exec(struct shim_thread* t);
void shim_identity_free(struct shim_thread* t);

#endif /* SHIM_IDENTITY_H */

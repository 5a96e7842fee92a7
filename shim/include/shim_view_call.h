/*
 * shim_view_call.h: the view at the dispatcher (fs/shim_view.c).
 */
#ifndef SHIM_VIEW_CALL_H
#define SHIM_VIEW_CALL_H

#include "shim_thread.h"
#include "shim_view.h"

enum shim_view_step {
    SHIM_VIEW_GO_ON,         /* decide as without a view (T's arguments may
                                now be the translated ones, t->view_args) */
    SHIM_VIEW_ANSWERED,      /* *RESULT is the call's */
    SHIM_VIEW_FAILED_CLOSED, /* ENOSYS: a call the view does not translate */
};

/* The x86-64 ABI's red zone: below the stack pointer, what a function may
 * use without moving it.  Below that is free, as for a signal frame: the
 * view writes the host's copies of paths and addresses there. */
#define SHIM_VIEW_RED_ZONE 128

/* Under a view, the call T makes, before anything else answers it. */
enum shim_view_step shim_view_call(struct shim_thread* t, long* result);

/* The guest directory a relative path of T's call starts from, at DIRFD
 * (AT_FDCWD: T's current directory), into GUEST (PATH_MAX bytes);
 * *OUTSIDE: a host directory outside the view, named by the host. */
long shim_view_start_dir(struct shim_thread* t, PAL_NUM dirfd, char* guest, bool* outside);

/* T's execve of HOST, which FILENAME names in the view: 0 when the host
 * is to execute HOST as it is, 1 when T->view_args (a copy of T's
 * arguments) now make the host execute a script's interpreter, found in
 * the view (fs/shim_exec_view.c), or -errno. */
long shim_view_exec(struct shim_thread* t, const char* host, const char* filename);

/* PATH, a guest path of T's call relative to its current directory,
 * resolved HOW into HOST (SIZE bytes): 0 or -errno, as the kernel's
 * lookup would fail. */
long shim_view_host_path(struct shim_thread* t, const char* path, enum shim_view_how how,
                         char* host, size_t size);

/* Say once that call SYSNO fails closed in a view (ENOSYS). */
void shim_view_refused(PAL_NUM sysno);

/* T's bind, connect, sendto, sendmsg or sendmmsg under a view: a Unix
 * socket's path translated (fs/shim_view_sock.c); another call, or an
 * address without a path, goes on untouched. */
enum shim_view_step shim_view_sockaddr(struct shim_thread* t, long* result);

#endif /* SHIM_VIEW_CALL_H */

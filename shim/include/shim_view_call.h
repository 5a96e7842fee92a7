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

#endif /* SHIM_VIEW_CALL_H */

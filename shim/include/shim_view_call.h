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

#endif /* SHIM_VIEW_CALL_H */

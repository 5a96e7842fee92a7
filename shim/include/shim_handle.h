/*
 * shim_handle.h: the library OS's descriptor table.
 *
 * A struct shim_handle stands for an open file description: what dup(2)
 * and fork(2) share (its status flags, its name on the host).  A struct
 * shim_fd_table maps a process's descriptor numbers to handles, each with
 * its close-on-exec flag; threads created with CLONE_FILES share one.
 *
 * The host owns the real descriptors; the table follows them.  The calls
 * the shim implements record what they create and close; a descriptor the
 * table does not know (inherited at start, made by a call passed through
 * to the host, or left unrecorded by one that would have paid a stop for
 * the record, such as an untraced accept) is adopted on first use
 * from the host's /proc view, so the table never answers EBADF for a
 * descriptor the host has; when that view cannot be read, the descriptor
 * is unknown, and the host answers for it.
 */
#ifndef SHIM_HANDLE_H
#define SHIM_HANDLE_H

#include <stdbool.h>

#include "pal.h"

enum shim_handle_kind {
    SHIM_HANDLE_UNKNOWN, /* not asked yet */
    SHIM_HANDLE_FILE,    /* a path in the file system (files, directories,
                            devices) */
    SHIM_HANDLE_PIPE,
    SHIM_HANDLE_SOCKET,
    SHIM_HANDLE_ANON,    /* anon_inode: eventfd, epoll, timerfd, ... */
};

struct shim_handle {
    int refcount;
    enum shim_handle_kind kind;
    bool flags_known;
    /* Its access mode (O_ACCMODE) and O_PATH, which never change: from the
     * call that made it (open, pipe, socket), else F_GETFL's answer when
     * the host was asked.  Its status flags are not kept: they change
     * behind the handle (another process shares the description), so
     * F_GETFL itself asks the host. */
    int flags;
    char* name; /* the host's name ("/etc/hosts", "pipe:[123]"), or NULL */
    unsigned name_gen; /* g_shim_names_gen when NAME was read */
};

/* Bumped by every rename and unlink the program makes: the names read
 * before may be stale (a file renamed, or "(deleted)"). */
extern unsigned g_shim_names_gen;
static inline void shim_names_changed(void) {
    g_shim_names_gen++;
}

struct shim_fd {
    struct shim_handle* handle; /* NULL: not open */
    bool cloexec;
};

struct shim_fd_table {
    int refcount;
    int size;
    struct shim_fd* fds;
};

struct shim_thread;

/* Look FD up in the calling thread's table, adopting it from the host if
 * the table does not know it.  0 with its handle in *HANDLE (when HANDLE
 * is not NULL) when FD is open; -EBADF when it is not; 1 when the tracer
 * cannot tell (the host refused it FD's /proc record, or it ran out of
 * memory or descriptors itself): *HANDLE is then NULL, nothing is
 * recorded, and the call is the host's to answer.  FD is a long so that
 * an unsigned int (the kernel's type) and a negative int both come
 * through: any number outside 0..INT_MAX is -EBADF. */
PAL_NODISCARD int shim_fd_get(long fd, struct shim_handle** handle);
/* Record FD (opened by the host) with a new handle: if FLAGS_KNOWN, with
 * the access mode and O_PATH of FLAGS (as F_GETFL would return them), so
 * that its first use asks the host nothing.  0 or -ENOMEM. */
int shim_fd_install(int fd, bool flags_known, int flags, bool cloexec, enum shim_handle_kind kind);
/* Record NEWFD as another descriptor of HANDLE (dup). */
int shim_fd_install_handle(int newfd, struct shim_handle* handle, bool cloexec);
/* FD is closed on the host. */
void shim_fd_remove(int fd);
/* A reference to H for a caller that uses it across a host call: other
 * threads run meanwhile, and may close its descriptor. */
void shim_handle_get(struct shim_handle* h);
void shim_handle_put(struct shim_handle* h);
/* After a host call on FD begun with its handle H (held): true when FD
 * still has H.  Otherwise another thread closed or replaced FD while the
 * call ran: what the table has for FD is forgotten, to be adopted from
 * the host on first use, and false. */
bool shim_fd_unchanged(int fd, struct shim_handle* h);
/* The close-on-exec flag of an open FD. */
bool shim_fd_cloexec(int fd);
void shim_fd_set_cloexec(int fd, bool cloexec);
/* HANDLE's access mode and O_PATH (asked of the host when not known: the
 * other bits are then F_GETFL's at the time), or a negative errno. */
int shim_handle_flags(struct shim_handle* h, int fd);
/* A descriptor fdget() gives: open, and not O_PATH.  0, -EBADF, or 1
 * when the descriptor or its flags are unknown (the host then answers for
 * the call). */
PAL_NODISCARD int shim_fd_check_fdget(long fd);
/* The kernel's f_mode bits of a descriptor, from its access mode as
 * OPEN_FMODE makes them: (mode + 1) & 3, so that O_RDONLY reads, O_WRONLY
 * writes, O_RDWR both and the access mode 3 (ioctls only) neither. */
#define SHIM_FMODE_READ 1
#define SHIM_FMODE_WRITE 2
#define SHIM_FMODE_UNKNOWN 4
/* The descriptor fdget() gives, and what it may do: its SHIM_FMODE_READ
 * and SHIM_FMODE_WRITE bits; -EBADF when FD is not open or is O_PATH; or
 * SHIM_FMODE_UNKNOWN when the tracer cannot tell (the host then answers
 * for the call).  *HANDLE (when HANDLE is not NULL) is FD's handle, or
 * NULL when it is unknown. */
PAL_NODISCARD int shim_fd_fmode(long fd, struct shim_handle** handle);
/* Whether H is a pipe or a socket, which the kernel makes without
 * FMODE_PREAD and FMODE_PWRITE (ESPIPE), and without fsync or a
 * regular file's methods.  A FIFO opened by name is a file here: only the
 * host can tell. */
static inline bool shim_handle_is_stream(const struct shim_handle* h) {
    return h && (h->kind == SHIM_HANDLE_PIPE || h->kind == SHIM_HANDLE_SOCKET);
}
/* The host's name of HANDLE, FD's (asked once): NULL when unknown. */
const char* shim_handle_name(struct shim_handle* h, int fd);

/* The tables across clone, execve and exit. */
struct shim_fd_table* shim_fd_table_new(void);
/* A copy for a new process (fork): the same handles, shared. */
struct shim_fd_table* shim_fd_table_copy(const struct shim_fd_table* from);
void shim_fd_table_put(struct shim_fd_table* table);
/* The kernel's unshare_fd(), in two steps around the host call that gives
 * T a descriptor table of its own (unshare, close_range): the kernel
 * copies the table first, so the copy is made first, before the call has
 * done anything, and a copy the tracer cannot make fails the call with
 * ENOMEM, as the kernel's would.  _begin: *COPY is T's copy, or NULL when
 * T shares its table with no one; 0 or -ENOMEM.  _end: T owns COPY from
 * now on if the host call DONE it, else COPY is dropped. */
PAL_NODISCARD int shim_fd_table_unshare_begin(const struct shim_thread* t,
                                              struct shim_fd_table** copy);
void shim_fd_table_unshare_end(struct shim_thread* t, struct shim_fd_table* copy, bool done);
/* Both at once, after a host call that unshared the table already (a
 * completed execve): 0, or -ENOMEM with T sharing its table still. */
PAL_NODISCARD int shim_fd_table_unshare(struct shim_thread* t);
/* An execve completed: the close-on-exec descriptors are gone. */
void shim_fd_table_exec(struct shim_fd_table* table);

#endif /* SHIM_HANDLE_H */

/*
 * decode.h: printing system call arguments from the syscall-defs tables,
 * and the helpers every printer uses.
 *
 * Printers never fail: tracee memory that cannot be read prints as its
 * address, as strace does.  A printer named in syscalls.tbl as ptr(T,DIR)
 * is print_T(t, addr, count): ADDR is not NULL, COUNT is the number of
 * elements for ptr(T[ARG],DIR) and -1 otherwise.  A call marked @custom is
 * printed by decode_NAME(t), called at entry and, unless it returned
 * DECODE_DONE, at exit (t->exiting).
 */
#ifndef DECODE_H
#define DECODE_H

#include "syscall_defs.h"
#include "trace.h"
#include "printers.h" /* generated: print_T() and decode_NAME() */

typedef void (*print_fn)(struct tcb* t, PAL_NUM addr, long count);
typedef int (*decode_fn)(struct tcb* t);

#define DECODE_DONE 1 /* decode_NAME(): all arguments printed at entry */

extern const print_fn g_printers[SD_NPRINTERS];
extern const decode_fn g_decoders[PTSHIM_NSYSCALLS];

/* -s: how many bytes of a string or buffer are printed, and of an array
 * how many elements. */
extern unsigned g_max_strlen;

/* Print the arguments of T's call due at this point (entry or exit), and
 * at exit the closing parenthesis. */
void decode_syscall_entry(struct tcb* t);
void decode_syscall_exit(struct tcb* t);

/* Copy LEN bytes of tracee memory; 0, or -EFAULT when not all of it is
 * readable. */
int tracee_read(struct tcb* t, PAL_NUM addr, void* buf, size_t len);
/* Copy an object, printing ADDR instead when it cannot be read. */
bool tracee_fetch(struct tcb* t, PAL_NUM addr, void* buf, size_t len);

void print_addr(struct tcb* t, PAL_NUM addr);          /* NULL or 0x... */
void print_quoted(struct tcb* t, const char* s, size_t len); /* "..." escaped */
/* A buffer of LEN bytes at ADDR: quoted and escaped, at most g_max_strlen
 * bytes then "..." */
void print_buf(struct tcb* t, PAL_NUM addr, PAL_NUM len);
/* The same in a STYLE of BUF_* flags. */
void print_buf_style(struct tcb* t, PAL_NUM addr, PAL_NUM len, unsigned style);
#define BUF_HEX               0x1 /* every byte as \xHH (random bytes) */
#define BUF_OMIT_TRAILING_NUL 0x2 /* an xattr value's terminating NUL */
/* A NUL-terminated string; LIMIT bytes at most (then "..."). */
void print_cstr(struct tcb* t, PAL_NUM addr, size_t limit);
void print_path(struct tcb* t, PAL_NUM addr);
/* A file name of at most LEN bytes the call wrote (getcwd, readlink). */
void print_path_n(struct tcb* t, PAL_NUM addr, PAL_NUM len);
void print_fd(struct tcb* t, int fd);
void print_dirfd(struct tcb* t, int fd);
void print_mode(struct tcb* t, unsigned mode);
void print_signo(struct tcb* t, int sig);
/* A flag set: NAME|NAME|0x..., or "0". */
void print_flags(struct tcb* t, const struct xlat* x, uint64_t val);
/* One part of a flag set as the trace shows it: a NAME; else a number,
 * VAL: N of N<<SHIFT_NAME, or bits no entry names, which the text follows
 * with the comment UNKNOWN (O_???) where that is not NULL; or NONE, the
 * text's "0" for nothing set where no entry names that. */
struct flag_part {
    const char* name;
    uint64_t val;
    const char* shift_name;
    const char* unknown;
    bool none;
};
typedef void flag_part_fn(void* ctx, const struct flag_part* p, bool first);
/* Pass each part of VAL, as flag table X names it, to FN in the trace's
 * order (FIRST for the first one): the one walk that the text trace
 * (print_flags) and the JSON trace's list of names share. */
void xlat_walk_flags(const struct xlat* x, uint64_t val, flag_part_fn* fn, void* ctx);
/* One value: NAME, or the number followed by DFLT as a comment. */
void print_enum(struct tcb* t, const struct xlat* x, uint64_t val, const char* dflt);
/* Look a value up; NULL when the table lacks it. */
const char* xlat_name(const struct xlat* x, uint64_t val);
/* A pointer to one object printed by FN, or NULL. */
void print_struct_at(struct tcb* t, print_fn fn, PAL_NUM addr);
/* One step of printing an array at ADDR of elements of SIZE bytes: the
 * separator before element I, then false after "..." past -s elements,
 * or after "..." and the element's address in a comment when it cannot be
 * read; else true, with the element in ELEM. */
bool print_array_elem(struct tcb* t, PAL_NUM addr, long i, void* elem, size_t size);
/* Print argument I of T's call by its type in the table. */
void print_arg(struct tcb* t, int i);

#endif /* DECODE_H */

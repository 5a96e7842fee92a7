/*
 * syscall_defs.h: the types of the tables generated from syscall-defs/
 * (see syscall-defs/README for the source format).
 *
 * ptshim_sysent[] is indexed by system call number; a number without a row
 * has a NULL name.  The tables hold names, types and flag tables only;
 * printers and custom decoders are referenced by id, so that the shim can
 * use the table without linking the trace printer.
 */
#ifndef SYSCALL_DEFS_H
#define SYSCALL_DEFS_H

#include <stddef.h>
#include <stdint.h>

#include "printer_ids.h" /* generated: enum sd_printer */
#include "sysnr.h"       /* generated: PTSHIM_NR_* and PTSHIM_NSYSCALLS */

/* How a return value prints. */
enum sd_ret {
    SD_RET_INT,
    SD_RET_LONG,
    SD_RET_SSIZE,
    SD_RET_FD,
    SD_RET_PID,
    SD_RET_OFF,
    SD_RET_HEX,
    SD_RET_PTR,
    SD_RET_OCTAL,
    SD_RET_SIGNO,
    SD_RET_NORETURN,
};

/* How an argument prints. */
enum sd_type {
    SD_T_INT,
    SD_T_UINT,
    SD_T_LONG,
    SD_T_ULONG,
    SD_T_HEX,
    SD_T_SIZE,
    SD_T_OFF,
    SD_T_FD,
    SD_T_DIRFD,
    SD_T_PATH,
    SD_T_STR,
    SD_T_IBUF,
    SD_T_OBUF,
    SD_T_OPATH,
    SD_T_IXATTR,
    SD_T_OXATTR,
    SD_T_MODE,
    SD_T_SIGNO,
    SD_T_PID,
    SD_T_UID,
    SD_T_GID,
    SD_T_PTR,
    SD_T_FLAGS,
    SD_T_ENUM,
    SD_T_STRUCT,
    SD_T_STRV,
    SD_T_HIDDEN,
};

/* When the tracee memory an argument points to is read. */
enum sd_dir {
    SD_DIR_NONE = 0,
    SD_DIR_IN = 1,    /* at entry */
    SD_DIR_OUT = 2,   /* at exit, on success */
    SD_DIR_INOUT = 3, /* both */
};

#define SD_LEN_NONE (-1) /* no length argument */
#define SD_LEN_RET  (-2) /* the length is the return value */

/* strace's trace classes. */
enum sd_class {
    SD_CLASS_FILE = 1 << 0,
    SD_CLASS_DESC = 1 << 1,
    SD_CLASS_PROCESS = 1 << 2,
    SD_CLASS_NETWORK = 1 << 3,
    SD_CLASS_SIGNAL = 1 << 4,
    SD_CLASS_IPC = 1 << 5,
    SD_CLASS_MEMORY = 1 << 6,
    SD_CLASS_CLOCK = 1 << 7,
    SD_CLASS_CREDS = 1 << 8,
    SD_CLASS_STAT = 1 << 9,
    SD_CLASS_LSTAT = 1 << 10,
    SD_CLASS_FSTAT = 1 << 11,
    SD_CLASS_STAT_LIKE = 1 << 12,   /* %%stat */
    SD_CLASS_STATFS = 1 << 13,
    SD_CLASS_FSTATFS = 1 << 14,
    SD_CLASS_STATFS_LIKE = 1 << 15, /* %%statfs */
    SD_CLASS_PURE = 1 << 16,
};

enum xlat_kind {
    XLAT_BITS,
    XLAT_ENUM,
};

struct xlat_entry {
    uint64_t val;
    const char* name;
    const char* msg; /* errno.tbl: a message strerror() lacks, or NULL */
};

struct xlat {
    const char* name; /* the table's name */
    enum xlat_kind kind;
    uint64_t mask;                /* bits: printed first, from mask_xlat */
    const struct xlat* mask_xlat; /* or NULL */
    const char* unknown;          /* the comment after a value no entry
                                     names (SEEK_??? for lseek's 0x5) */
    uint64_t shift_mask;          /* bits: a number, printed N<<SHIFT_NAME */
    unsigned shift;
    const char* shift_name;
    size_t n;
    const struct xlat_entry* e;
};

struct sd_arg {
    const char* name;
    uint8_t type; /* enum sd_type */
    uint8_t dir;  /* enum sd_dir, for SD_T_STRUCT */
    int8_t len;   /* SD_T_[IO]BUF, SD_T_[IO]XATTR, SD_T_OPATH, SD_T_STRUCT: index of the length
                     argument, SD_LEN_RET or SD_LEN_NONE */
    uint8_t nelem; /* SD_T_STRUCT: a fixed number of elements, ptr(T[N],DIR) */
    uint16_t printer;        /* SD_T_STRUCT: enum sd_printer */
    const struct xlat* xlat; /* SD_T_FLAGS, SD_T_ENUM */
};

struct sysent {
    const char* name; /* NULL: no system call has this number */
    uint8_t nargs;
    uint8_t ret;    /* enum sd_ret */
    uint8_t custom; /* decode_<name>() prints the arguments */
    uint32_t classes;
    struct sd_arg args[6];
};

extern const struct sysent ptshim_sysent[PTSHIM_NSYSCALLS];

/* The flag and enum tables, xlat_<name>; errno.tbl and signals.tbl are
 * xlat_errno and xlat_signals. */
#include "xlat.h" /* generated */

#endif /* SYSCALL_DEFS_H */

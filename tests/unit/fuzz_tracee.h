/*
 * fuzz_tracee.h: a made-up tracee for the trace decoder's unit tests.
 *
 * The decoder reaches the tracee only through the PAL (DkVirtualMemoryRead,
 * DkVirtualMemoryReadString, DkThreadGetSignalInfo, DkThreadStackTrace,
 * DkThreadCount, DkThreadGetProcessId, DkThreadGetCwd; the trace keeps
 * its records in the handles' trace slot, DkThreadGetPrivate and
 * DkThreadSetPrivate) and the shim (shim_fd_name, for -y); the other kinds of -yy (DkStreamGetDevice,
 * DkStreamGetPidfdProcess, DkStreamGetSocketInfo) are a breach here.
 * fuzz_tracee.c defines those symbols over the memory and answers set here,
 * so a test that links src/libptshim.a with it, and not the PAL, decodes
 * calls from memory it chose, and learns when the decoder asks the PAL for
 * something its contract (pal.h) forbids.
 */
#ifndef FUZZ_TRACEE_H
#define FUZZ_TRACEE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pal.h"

/* The tracee's readable memory: a few regions, apart from each other.  A
 * read that runs off a region's end gets its readable prefix, as
 * process_vm_readv gives it; a region may end anywhere, not only at a page
 * boundary, which is stricter than a real tracee. */
#define FUZZ_MAX_REGIONS 4
#define FUZZ_REGION_MAX  (1u << 20)

/* Contents are made when first read, a block at a time, by g_tracee.fill,
 * so that a case costs what its decoding reads, not its regions' sizes. */
#define FUZZ_BLOCK 64

struct fuzz_region {
    PAL_NUM base;
    size_t size;
    unsigned char* data; /* FUZZ_REGION_MAX bytes, allocated once */
    unsigned char* made; /* a bit per block: filled */
};

struct fuzz_tracee {
    int nregions;
    struct fuzz_region r[FUZZ_MAX_REGIONS];

    PAL_NUM nthreads;   /* DkThreadCount() */
    pid_t pid;          /* DkThreadGetProcessId() */
    siginfo_t siginfo;  /* DkThreadGetSignalInfo() */
    int siginfo_err;    /* or this negative errno */
    int nframes;        /* DkThreadStackTrace(): this many frames of frames[] */
    struct pal_frame frames[8];
    uint64_t fd_names;  /* shim_fd_name(): a name derived from this and the fd */
    /* fill block BLOCK of region R (FUZZ_BLOCK bytes at data + BLOCK *
     * FUZZ_BLOCK): the same bytes whenever it is called for it */
    void (*fill)(int r, size_t block);

    /* the first breach of the PAL's contract by the decoder, or NULL */
    const char* violation;
    /* how many reads the decoder made, how many found memory, the largest */
    unsigned long reads, reads_found;
    size_t max_read;
};

extern struct fuzz_tracee g_tracee;

/* The thread handles the tests may put in events: 0 and 1. */
#define FUZZ_THREADS 2
PAL_HANDLE fuzz_thread(int i);

/* Allocate the regions' buffers; forget everything else. */
void fuzz_tracee_init(void);
/* Forget the regions' contents: they are made anew when read. */
void fuzz_tracee_forget(void);
/* Make bytes [FROM, TO) of region R exist. */
void fuzz_region_make(int r, size_t from, size_t to);
/* One more region, of SIZE bytes at BASE: LEN bytes of DATA, then zeros. */
void fuzz_tracee_region(PAL_NUM base, size_t size, const void* data, size_t len);
/* The region holding ADDR, or NULL. */
struct fuzz_region* fuzz_region_at(PAL_NUM addr);
/* shim_fd_name()'s answer for FD: its length, or a negative errno. */
long fuzz_fd_name(int fd, char* buf, size_t size);

#endif /* FUZZ_TRACEE_H */

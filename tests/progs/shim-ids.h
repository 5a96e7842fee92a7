/*
 * shim-ids.h: what the shim-ids programs share (shim-ids-lib.c).  Each
 * program is a family of the calls of identity, system information and
 * resource limits, as the shim answers them; tests/integration/
 * shim-ids.test runs each natively and under ptshim.
 *
 * Each call is made raw (syscall()) where libc would hide what the kernel
 * does, with its errors: bad pointers (1, a PROT_NONE page, a read-only
 * page), bad sizes and flags.  Values that differ between runs (uptime,
 * free memory) print as relations.  The set*id, namespace and set-user-ID
 * cases need root and say so otherwise.  A program that runs itself again
 * takes an argument that says what the new image prints.
 */
#ifndef SHIM_IDS_H
#define SHIM_IDS_H

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/random.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests.h"

#ifndef GRND_INSECURE
#define GRND_INSECURE 0x0004
#endif
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

#define BAD ((void*)1)
#define PAGE 4096

/* the program itself, to run again */
extern const char* g_self;
/* who prints, passed to threads and clone children */
extern char g_who_thread[], g_who_thread_thread[], g_who_its_thread[], g_who_clone_child[];
extern char* g_pages; /* page 0 writable, 1 PROT_NONE, 2 read-only */

/* Set up what the programs share. */
void shim_ids_setup(void);
/* umask's result, in octal (as print_rc) */
void rc_octal(const char* what, long ret);
/* The calling thread's user and group IDs, after "WHO: ". */
void print_ids(const char* who);
/* Run FN in a child process; its output comes before what follows. */
void in_child(const char* what, void (*fn)(void));
/* uname's names, after "WHO: ". */
void print_uname(const char* who);
/* A thread's start: print_ids(ARG). */
void* thread_ids(void* arg);

#endif /* SHIM_IDS_H */

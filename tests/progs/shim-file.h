/*
 * shim-file.h: what the shim-file programs share (shim-file-lib.c, over
 * shim-fd-lib.c).  Each program is a family of the file and descriptor
 * calls of issue 16 (sizes, syncing, times, nodes, splicing, opening and
 * vectored I/O at an offset): each call's successes and every error the
 * kernel names, on descriptors of every kind (read-only, write-only,
 * access mode 3, O_PATH, a directory, a pipe, a socket, an epoll
 * descriptor, closed ones), with EFAULT pointers and two bad arguments at
 * once where the kernel's order decides.  tests/integration/shim-file.test
 * runs each natively and under ptshim; run with the argument "user", a
 * program makes the cases that need a user without privileges (the test
 * runs it, ptshim included, as an unused user ID, in a directory with
 * root's files "rootfile" and "rootdir", and "w" writable by all).
 */
#ifndef SHIM_FILE_H
#define SHIM_FILE_H

#include "shim-fd.h"

/* descriptors of every kind, on the file NAME of the run directory */
struct kinds {
    int rw, ro, wo, acc3, opath, dir, pr, pw, sock, ep;
};

/* Open KINDS on NAME (made with CONTENT if it does not exist); they are
 * printed once, by number. */
void open_kinds(struct kinds* k, const char* name, const char* content);
void close_kinds(struct kinds* k);

/* "WHAT = result" of a raw system call */
#define CALL(what, ...) print_rc(what, S(__VA_ARGS__))

/* NAME's size, or its errno, after "WHAT: " */
void show_size(const char* what, const char* name);
/* the file's content (at most 64 bytes), escaped */
void show_file(const char* what, const char* name);

/* whether the program was run with "user" (and as root, whether it is) */
bool user_mode(int argc, char** argv);

#endif /* SHIM_FILE_H */

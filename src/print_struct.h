/*
 * print_struct.h: helpers the struct printers share.
 */
#ifndef PRINT_STRUCT_H
#define PRINT_STRUCT_H

#include "decode.h"

/* S_IFREG|0644 */
void print_file_mode(struct tcb* t, unsigned mode);
/* makedev(0x1, 0x3) */
void print_dev(struct tcb* t, unsigned long long dev);

/* [INT TERM] or ~[...], NSIGS signals wide */
void print_sigset_value(struct tcb* t, uint64_t set, unsigned nsigs);

/* A socket address of LEN bytes: {sa_family=AF_INET, ...} */
void print_sockaddr_at(struct tcb* t, PAL_NUM addr, size_t len);

#endif /* PRINT_STRUCT_H */

/*
 * shim-file-open.c: openat2, memfd_create, and the vectored transfers at
 * an offset preadv, pwritev, preadv2 and pwritev2 (one of the shim-file
 * programs: shim-file.h).  A descriptor the calls make is used after, to
 * see that the shim recorded what it may do.
 */
#include "shim-file.h"

#include <linux/openat2.h>

#ifndef RWF_HIPRI
#define RWF_HIPRI 0x1
#define RWF_DSYNC 0x2
#define RWF_SYNC 0x4
#define RWF_NOWAIT 0x8
#define RWF_APPEND 0x10
#endif
#define KO_LARGEFILE 0100000
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#define MFD_EXEC 0x0010U
#endif

/* what a new descriptor says of itself, then closed */
static void use_fd(long fd) {
    char c;

    if (fd < 0)
        return;
    fdstate("  new", (int)fd);
    print_rc("  read(new, 1)", S(SYS_read, fd, &c, 1));
    print_rc("  write(new, 1)", S(SYS_write, fd, "w", 1));
    print_rc("  ftruncate(new, 2)", S(SYS_ftruncate, fd, 2L));
    CHECK(S(SYS_close, fd) == 0);
}

static long openat2_(const char* what, int dfd, const char* name, uint64_t flags, uint64_t mode,
                     uint64_t resolve) {
    struct open_how how = {flags, mode, resolve};

    return print_rc(what, S(SYS_openat2, dfd, name, &how, sizeof(how)));
}

static void sec_openat2(void) {
    struct open_how how = {O_RDONLY, 0, 0}, *edge;
    unsigned char big[4200];
    int dir;

    section("openat2");
    make_file("f", "file");
    CHECK(S(SYS_mkdir, "sub", 0755) == 0);
    CHECK(S(SYS_symlink, "f", "link") == 0);
    CHECK(S(SYS_symlink, "/f", "sub/abs") == 0);
    dir = (int)S(SYS_open, "sub", O_RDONLY | O_DIRECTORY);
    CHECK(dir >= 0);
    use_fd(openat2_("openat2(\"f\", O_RDONLY)", AT_FDCWD, "f", O_RDONLY, 0, 0));
    use_fd(openat2_("openat2(\"f\", O_WRONLY|O_CLOEXEC)", AT_FDCWD, "f", O_WRONLY | O_CLOEXEC, 0,
                    0));
    use_fd(openat2_("openat2(\"f\", O_RDWR|O_APPEND)", AT_FDCWD, "f", O_RDWR | O_APPEND, 0, 0));
    use_fd(openat2_("openat2(\"f\", O_ACCMODE)", AT_FDCWD, "f", O_ACCMODE, 0, 0));
    use_fd(openat2_("openat2(\"f\", O_PATH)", AT_FDCWD, "f", O_PATH, 0, 0));
    use_fd(openat2_("openat2(\"f\", O_PATH|O_CLOEXEC|O_NOFOLLOW)", AT_FDCWD, "f",
                    O_PATH | O_CLOEXEC | O_NOFOLLOW, 0, 0));
    use_fd(openat2_("openat2(\"new\", O_CREAT|O_EXCL|O_RDWR, 0640)", AT_FDCWD, "new",
                    O_CREAT | O_EXCL | O_RDWR, 0640, 0));
    use_fd(openat2_("openat2(\"new2\", O_CREAT|O_WRONLY, 07777)", AT_FDCWD, "new2",
                    O_CREAT | O_WRONLY, 07777, 0));
    use_fd(openat2_("openat2(\".\", O_TMPFILE|O_RDWR, 0600)", AT_FDCWD, ".", O_TMPFILE | O_RDWR,
                    0600, 0));
    use_fd(openat2_("openat2(\"f\", O_LARGEFILE)", AT_FDCWD, "f", KO_LARGEFILE, 0, 0));
    /* the flags, the mode and the resolve flags, all refused */
    openat2_("openat2(\"f\", 1 << 40)", AT_FDCWD, "f", 1ULL << 40, 0, 0);
    openat2_("openat2(\"f\", 0x80000000)", AT_FDCWD, "f", 0x80000000U, 0, 0);
    openat2_("openat2(\"f\", 040)", AT_FDCWD, "f", 040, 0, 0);
    openat2_("openat2(\"f\", O_RDONLY, mode 0644)", AT_FDCWD, "f", O_RDONLY, 0644, 0);
    openat2_("openat2(\"n\", O_CREAT, mode 010000)", AT_FDCWD, "n", O_CREAT, 010000, 0);
    openat2_("openat2(\"n\", O_CREAT, mode 1 << 40)", AT_FDCWD, "n", O_CREAT, 1ULL << 40, 0);
    openat2_("openat2(\".\", O_TMPFILE|O_RDWR, mode 010000)", AT_FDCWD, ".", O_TMPFILE | O_RDWR,
             010000, 0);
    openat2_("openat2(\"f\", resolve 0x40)", AT_FDCWD, "f", O_RDONLY, 0, 0x40);
    openat2_("openat2(\"f\", resolve 1 << 40)", AT_FDCWD, "f", O_RDONLY, 0, 1ULL << 40);
    openat2_("openat2(\"f\", BENEATH|IN_ROOT)", AT_FDCWD, "f", O_RDONLY, 0,
             RESOLVE_BENEATH | RESOLVE_IN_ROOT);
    openat2_("openat2(\"d\", O_CREAT|O_DIRECTORY)", AT_FDCWD, "d", O_CREAT | O_DIRECTORY, 0, 0);
    openat2_("openat2(\".\", __O_TMPFILE alone|O_RDWR)", AT_FDCWD, ".", KO_TMPFILE | O_RDWR, 0, 0);
    openat2_("openat2(\".\", O_TMPFILE|O_RDONLY)", AT_FDCWD, ".", O_TMPFILE | O_RDONLY, 0, 0);
    use_fd(openat2_("openat2(\".\", O_TMPFILE|O_ACCMODE)", AT_FDCWD, ".", O_TMPFILE | O_ACCMODE,
                    0600, 0));
    openat2_("openat2(\"f\", O_PATH|O_RDWR)", AT_FDCWD, "f", O_PATH | O_RDWR, 0, 0);
    openat2_("openat2(\"f\", O_PATH|O_APPEND)", AT_FDCWD, "f", O_PATH | O_APPEND, 0, 0);
    openat2_("openat2(\"f\", O_PATH|O_CREAT)", AT_FDCWD, "f", O_PATH | O_CREAT, 0, 0);
    openat2_("openat2(\"f\", O_TRUNC, RESOLVE_CACHED)", AT_FDCWD, "f", O_TRUNC | O_WRONLY, 0,
             RESOLVE_CACHED);
    openat2_("openat2(\"n\", O_CREAT, RESOLVE_CACHED)", AT_FDCWD, "n", O_CREAT, 0, RESOLVE_CACHED);
    use_fd(openat2_("openat2(\"f\", RESOLVE_CACHED)", AT_FDCWD, "f", O_RDONLY, 0, RESOLVE_CACHED));
    /* resolution */
    openat2_("openat2(sub, \"../f\", RESOLVE_BENEATH)", dir, "../f", O_RDONLY, 0, RESOLVE_BENEATH);
    openat2_("openat2(sub, \"abs\", RESOLVE_BENEATH)", dir, "abs", O_RDONLY, 0, RESOLVE_BENEATH);
    openat2_("openat2(sub, \"abs\", RESOLVE_IN_ROOT)", dir, "abs", O_RDONLY, 0, RESOLVE_IN_ROOT);
    openat2_("openat2(\"link\", RESOLVE_NO_SYMLINKS)", AT_FDCWD, "link", O_RDONLY, 0,
             RESOLVE_NO_SYMLINKS);
    use_fd(openat2_("openat2(\"/proc/self/exe\", RESOLVE_NO_MAGICLINKS)", AT_FDCWD,
                    "/proc/self/exe", O_RDONLY, 0, RESOLVE_NO_MAGICLINKS));
    openat2_("openat2(\"/proc/self\", RESOLVE_NO_XDEV)", AT_FDCWD, "/proc/self", O_RDONLY, 0,
             RESOLVE_NO_XDEV);
    /* the name, after the flags */
    openat2_("openat2(\"nowhere\")", AT_FDCWD, "nowhere", O_RDONLY, 0, 0);
    openat2_("openat2(\"\")", AT_FDCWD, "", O_RDONLY, 0, 0);
    openat2_("openat2(NULL)", AT_FDCWD, NULL, O_RDONLY, 0, 0);
    openat2_("openat2((char*)1)", AT_FDCWD, BAD, O_RDONLY, 0, 0);
    openat2_("openat2((char*)1, 1 << 40)", AT_FDCWD, BAD, 1ULL << 40, 0, 0);
    openat2_("openat2(closed, (char*)1)", CLOSED_FD, BAD, O_RDONLY, 0, 0);
    openat2_("openat2(closed, \"f\")", CLOSED_FD, "f", O_RDONLY, 0, 0);
    openat2_("openat2(PATH_MAX bytes)", AT_FDCWD, dots_path(PATH_MAX, "ff"), O_RDONLY, 0, 0);
    openat2_("openat2(long component)", AT_FDCWD, long_name(300), O_RDONLY, 0, 0);
    /* the size and the struct: the size first, then the bytes past the
     * struct (EFAULT, E2BIG), then the struct itself */
    CALL("openat2(\"f\", how, 0)", SYS_openat2, AT_FDCWD, "f", &how, 0L);
    CALL("openat2(\"f\", how, 23)", SYS_openat2, AT_FDCWD, "f", &how, 23L);
    CALL("openat2(\"f\", (void*)1, 23)", SYS_openat2, AT_FDCWD, "f", BAD, 23L);
    CALL("openat2(\"f\", (void*)1, 24)", SYS_openat2, AT_FDCWD, "f", BAD, 24L);
    CALL("openat2(\"f\", NULL, 24)", SYS_openat2, AT_FDCWD, "f", NULL, 24L);
    CALL("openat2((char*)1, (void*)1, 24)", SYS_openat2, AT_FDCWD, BAD, BAD, 24L);
    CALL("openat2(\"f\", (void*)1, 4097)", SYS_openat2, AT_FDCWD, "f", BAD, 4097L);
    CALL("openat2(\"f\", (void*)1, -1)", SYS_openat2, AT_FDCWD, "f", BAD, -1L);
    memset(big, 0, sizeof(big));
    memcpy(big, &how, sizeof(how));
    use_fd(CALL("openat2(\"f\", how, 32, zeros past it)", SYS_openat2, AT_FDCWD, "f", big, 32L));
    use_fd(CALL("openat2(\"f\", how, 4096, zeros past it)", SYS_openat2, AT_FDCWD, "f", big, 4096L));
    big[4095] = 1;
    CALL("openat2(\"f\", how, 4096, a byte at its end)", SYS_openat2, AT_FDCWD, "f", big, 4096L);
    big[4095] = 0, big[24] = 1;
    CALL("openat2(\"f\", how, 25, a byte past it)", SYS_openat2, AT_FDCWD, "f", big, 25L);
    CALL("openat2((char*)1, how, 25, a byte past it)", SYS_openat2, AT_FDCWD, BAD, big, 25L);
    big[24] = 0;
    ((struct open_how*)big)->flags = 1ULL << 40;
    big[30] = 1;
    CALL("openat2(\"f\", how with bad flags, 32, a byte past it)", SYS_openat2, AT_FDCWD, "f", big,
         32L);
    edge = (struct open_how*)(g_edge - sizeof(how));
    *edge = how;
    use_fd(CALL("openat2(\"f\", how at the end of a page, 24)", SYS_openat2, AT_FDCWD, "f", edge,
                24L));
    CALL("openat2(\"f\", how at the end of a page, 32)", SYS_openat2, AT_FDCWD, "f", edge, 32L);
    CALL("openat2(\"f\", how across a page, 24)", SYS_openat2, AT_FDCWD, "f", g_edge - 8, 24L);
    /* the bytes past the struct are read in order: a byte that is not
     * zero before the unmapped page, or the page first */
    edge = (struct open_how*)(g_edge - 64);
    memset(edge, 0, 64);
    *edge = how;
    CALL("openat2(\"f\", how 64 bytes before an unmapped page, 4096)", SYS_openat2, AT_FDCWD,
         "f", edge, 4096L);
    g_edge[-1] = 1;
    CALL("openat2(\"f\", ..., a byte not zero before the page, 4096)", SYS_openat2, AT_FDCWD,
         "f", edge, 4096L);
    g_edge[-1] = 0;
    CALL("openat2(\"f\", how in kernel space, 24)", SYS_openat2, AT_FDCWD, "f", KADDR, 24L);
    CHECK(S(SYS_close, dir) == 0);
}

static void sec_memfd(void) {
    char* name = long_name(249);
    long fd;

    section("memfd_create");
    fd = CALL("memfd_create(\"m\", 0)", SYS_memfd_create, "m", 0);
    CALL("  write(m, 5)", SYS_write, fd, "hello", 5);
    CALL("  pread64(m, 5, 0)", SYS_pread64, fd, name, 5L, 0L);
    show_bytes("  read", name, 5);
    CALL("  fcntl(m, F_ADD_SEALS, F_SEAL_WRITE)", SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_WRITE);
    use_fd(fd);
    name = long_name(249);
    fd = CALL("memfd_create(MFD_CLOEXEC|MFD_ALLOW_SEALING)", SYS_memfd_create, "s",
              MFD_CLOEXEC | MFD_ALLOW_SEALING);
    CALL("  fcntl(s, F_ADD_SEALS, F_SEAL_SHRINK)", SYS_fcntl, fd, F_ADD_SEALS, F_SEAL_SHRINK);
    CALL("  fcntl(s, F_GET_SEALS)", SYS_fcntl, fd, F_GET_SEALS);
    use_fd(fd);
    use_fd(CALL("memfd_create(MFD_NOEXEC_SEAL)", SYS_memfd_create, "n", MFD_NOEXEC_SEAL));
    use_fd(CALL("memfd_create(MFD_EXEC)", SYS_memfd_create, "x", MFD_EXEC));
    use_fd(CALL("memfd_create(249 bytes)", SYS_memfd_create, name, 0));
    use_fd(CALL("memfd_create(\"\")", SYS_memfd_create, "", 0));
    use_fd(CALL("memfd_create(\"a/b\")", SYS_memfd_create, "a/b", 0));
    CALL("memfd_create(250 bytes)", SYS_memfd_create, long_name(250), 0);
    CALL("memfd_create(5000 bytes)", SYS_memfd_create, long_name(5000), 0);
    CALL("memfd_create(NULL)", SYS_memfd_create, NULL, 0);
    CALL("memfd_create((char*)1)", SYS_memfd_create, BAD, 0);
    memcpy(g_edge - 3, "abc", 3);
    CALL("memfd_create(name running into an unmapped page)", SYS_memfd_create, g_edge - 3, 0);
    CALL("memfd_create(0x20)", SYS_memfd_create, "m", 0x20);
    CALL("memfd_create(0x80000000)", SYS_memfd_create, "m", 0x80000000U);
    CALL("memfd_create((char*)1, 0x20)", SYS_memfd_create, BAD, 0x20);
    CALL("memfd_create(MFD_EXEC|MFD_NOEXEC_SEAL)", SYS_memfd_create, "m",
         MFD_EXEC | MFD_NOEXEC_SEAL);
    CALL("memfd_create((char*)1, MFD_EXEC|MFD_NOEXEC_SEAL)", SYS_memfd_create, BAD,
         MFD_EXEC | MFD_NOEXEC_SEAL);
    CALL("memfd_create(huge page size without MFD_HUGETLB)", SYS_memfd_create, "m", 21U << 26);
    CALL("memfd_create((char*)1, MFD_HUGETLB|2 MiB)", SYS_memfd_create, BAD,
         MFD_HUGETLB | (21U << 26));
    CALL("memfd_create(MFD_HUGETLB|0x20)", SYS_memfd_create, "m", MFD_HUGETLB | 0x20);
}

static void sec_vec(void) {
    char a[4], b[4], tail[8], w1[] = "ABC", w2[] = "de";
    struct iovec rd[2] = {{a, sizeof(a)}, {b, sizeof(b)}}, wr[2] = {{w1, 3}, {w2, 2}};
    struct kinds k;
    long n;

    section("preadv, pwritev, preadv2, pwritev2");
    open_kinds(&k, "v", "0123456789");
    n = CALL("preadv(rw, 2 vectors, 2, pos 3)", SYS_preadv, k.rw, rd, 2L, 3L, 0L);
    show_bytes("  read", a, n > 4 ? 4 : n);
    show_bytes("  read", b, n > 4 ? n - 4 : 0);
    CALL("lseek(rw, 0, SEEK_CUR)", SYS_lseek, k.rw, 0L, SEEK_CUR);
    CALL("preadv(rw, pos 3, pos_h 7 (shifted out))", SYS_preadv, k.rw, rd, 1L, 3L, 7L);
    CALL("pwritev(wo, 2 vectors, pos 8)", SYS_pwritev, k.wo, wr, 2L, 8L, 0L);
    show_file("  v", "v");
    CALL("preadv2(rw, pos -1: the position)", SYS_preadv2, k.rw, rd, 1L, -1L, 0L, 0);
    CALL("lseek(rw, 0, SEEK_CUR)", SYS_lseek, k.rw, 0L, SEEK_CUR);
    CALL("pwritev2(wo, pos -1, RWF_APPEND)", SYS_pwritev2, k.wo, wr, 1L, -1L, 0L, RWF_APPEND);
    CALL("pwritev2(wo, pos 0, RWF_DSYNC)", SYS_pwritev2, k.wo, wr, 1L, 0L, 0L, RWF_DSYNC);
    show_file("  v", "v");
    CALL("preadv2(rw, pos 0, RWF_NOWAIT)", SYS_preadv2, k.rw, rd, 1L, 0L, 0L, RWF_NOWAIT);
    CALL("preadv2(rw, pos 0, RWF_HIPRI)", SYS_preadv2, k.rw, rd, 1L, 0L, 0L, RWF_HIPRI);
    CALL("preadv2(rw, pos 0, 0x1000)", SYS_preadv2, k.rw, rd, 1L, 0L, 0L, 0x1000);
    CALL("preadv2(rw, 0 vectors, 0x1000)", SYS_preadv2, k.rw, rd, 0L, 0L, 0L, 0x1000);
    CALL("pwritev2(wo, pos 0, 0x80000000)", SYS_pwritev2, k.wo, wr, 1L, 0L, 0L, 0x80000000U);
    /* the offset first */
    CALL("preadv(rw, pos -1)", SYS_preadv, k.rw, rd, 1L, -1L, 0L);
    CALL("preadv(closed, pos -1)", SYS_preadv, CLOSED_FD, rd, 1L, -1L, 0L);
    CALL("pwritev(closed, pos LONG_MIN)", SYS_pwritev, CLOSED_FD, wr, 1L, LONG_MIN, 0L);
    CALL("preadv2(closed, pos -2)", SYS_preadv2, CLOSED_FD, rd, 1L, -2L, 0L, 0);
    CALL("preadv2(closed, pos -1)", SYS_preadv2, CLOSED_FD, rd, 1L, -1L, 0L, 0);
    CALL("pwritev2(closed, pos -2)", SYS_pwritev2, CLOSED_FD, wr, 1L, -2L, 0L, 0);
    /* the descriptor, then ESPIPE, then the direction, then the vector */
    CALL("preadv(opath, pos 0)", SYS_preadv, k.opath, rd, 1L, 0L, 0L);
    CALL("preadv(-1, pos 0)", SYS_preadv, -1, rd, 1L, 0L, 0L);
    CALL("preadv(HUGE_FD, pos 0)", SYS_preadv, HUGE_FD, rd, 1L, 0L, 0L);
    CALL("preadv(rw | 1 << 32, pos 0)", SYS_preadv, k.rw | (1L << 32), rd, 1L, 0L, 0L);
    CALL("preadv(wo, pos 0)", SYS_preadv, k.wo, rd, 1L, 0L, 0L);
    CALL("preadv(acc3, pos 0)", SYS_preadv, k.acc3, rd, 1L, 0L, 0L);
    CALL("pwritev(ro, pos 0)", SYS_pwritev, k.ro, wr, 1L, 0L, 0L);
    CALL("pwritev(ro, (void*)1, 2000, pos 0)", SYS_pwritev, k.ro, BAD, 2000L, 0L, 0L);
    CALL("preadv(pipe, pos 0)", SYS_preadv, k.pr, rd, 1L, 0L, 0L);
    CALL("pwritev(pipe read end, pos 0)", SYS_pwritev, k.pr, wr, 1L, 0L, 0L);
    CALL("preadv(pipe write end, pos 0)", SYS_preadv, k.pw, rd, 1L, 0L, 0L);
    CALL("preadv(socket, pos 0)", SYS_preadv, k.sock, rd, 1L, 0L, 0L);
    CALL("pwritev(socket, (void*)1, 2000, pos 0)", SYS_pwritev, k.sock, BAD, 2000L, 0L, 0L);
    CALL("preadv(epoll, pos 0)", SYS_preadv, k.ep, rd, 1L, 0L, 0L);
    CALL("preadv(dir, pos 0)", SYS_preadv, k.dir, rd, 1L, 0L, 0L);
    CALL("preadv2(wo, pos -1)", SYS_preadv2, k.wo, rd, 1L, -1L, 0L, 0);
    CALL("preadv2(opath, pos -1)", SYS_preadv2, k.opath, rd, 1L, -1L, 0L, 0);
    CALL("pwritev2(pipe, pos 0)", SYS_pwritev2, k.pw, wr, 1L, 0L, 0L, 0);
    CALL("pwritev2(pipe, pos -1)", SYS_pwritev2, k.pw, wr, 2L, -1L, 0L, 0);
    CALL("preadv2(pipe, pos -1)", SYS_preadv2, k.pr, rd, 2L, -1L, 0L, 0);
    show_bytes("  read", a, 4);
    CALL("preadv2(pipe, pos -1, RWF_NOWAIT) (empty)", SYS_preadv2, k.pr, rd, 1L, -1L, 0L,
         RWF_NOWAIT);
    CALL("preadv(rw, 1025 vectors)", SYS_preadv, k.rw, rd, 1025L, 0L, 0L);
    CALL("preadv(rw, 1 << 32 | 1 vectors)", SYS_preadv, k.rw, rd, (1L << 32) | 1, 0L, 0L);
    CALL("preadv2(rw, 1025 vectors, pos -1)", SYS_preadv2, k.rw, rd, 1025L, -1L, 0L, 0);
    CALL("preadv(rw, (void*)1, 1)", SYS_preadv, k.rw, BAD, 1L, 0L, 0L);
    CALL("preadv(rw, (void*)1, 0)", SYS_preadv, k.rw, BAD, 0L, 0L, 0L);
    rd[0].iov_base = g_ro;
    CALL("preadv(rw, into a read-only page)", SYS_preadv, k.rw, rd, 1L, 0L, 0L);
    rd[0].iov_base = g_edge - 2;
    CALL("preadv(rw, into 2 bytes before an unmapped page)", SYS_preadv, k.rw, rd, 1L, 0L, 0L);
    show_bytes("  there", g_edge - 2, 2);
    rd[0].iov_base = a, rd[0].iov_len = (size_t)-1;
    CALL("preadv(rw, length -1)", SYS_preadv, k.rw, rd, 1L, 0L, 0L);
    CALL("preadv(rw, pos LONG_MAX)", SYS_preadv, k.rw, wr, 1L, LONG_MAX, 0L);
    CALL("pwritev(rw, pos LONG_MAX)", SYS_pwritev, k.rw, wr, 1L, LONG_MAX, 0L);
    n = CALL("preadv(rw, pos 8) again", SYS_preadv, k.rw, (&(struct iovec){tail, 8}), 1L, 8L, 0L);
    show_bytes("  read", tail, n < 0 ? 0 : n);
    close_kinds(&k);
}

int main(int argc, char** argv) {
    (void)argc;
    shim_fd_setup(argv[0]);
    sec_openat2();
    sec_memfd();
    sec_vec();
    return 0;
}

/*
 * shim-misc.c: socket, statfs, fstatfs, fadvise64, copy_file_range, the
 * xattr reads and rt_sigreturn, with their error cases, raw.  Prints only
 * what does not vary between runs.
 */
#define _GNU_SOURCE /* O_PATH */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests.h"

static void show(const char* what, long rc) {
    if (rc < 0)
        printf("%s = -1 %s\n", what, strerror(errno));
    else
        printf("%s = %s\n", what, rc > 0 ? "positive" : "0");
}

static volatile int g_handled;
static void handler(int sig) {
    g_handled = sig;
}

int main(void) {
    char* unmapped = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char buf[256];
    struct statfs sf;
    int fd, in, out;

    CHECK(unmapped != MAP_FAILED);
    setvbuf(stdout, NULL, _IOLBF, 0);

    /* socket: the descriptor is usable, bad type flags are EINVAL */
    fd = (int)syscall(SYS_socket, AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    show("socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC)", fd);
    show("fcntl(socket, F_GETFD)", fcntl(fd, F_GETFD));
    show("close(socket)", close(fd));
    show("socket(AF_UNIX, 0x10000)", syscall(SYS_socket, AF_UNIX, 0x10000 | SOCK_STREAM, 0));
    show("socket(-1, SOCK_STREAM)", syscall(SYS_socket, -1, SOCK_STREAM, 0));
    show("socket(AF_UNIX, 99)", syscall(SYS_socket, AF_UNIX, 99, 0));

    /* statfs, fstatfs */
    show("statfs(\".\")", syscall(SYS_statfs, ".", &sf));
    show("statfs(\"\")", syscall(SYS_statfs, "", &sf));
    show("statfs((char*)1)", syscall(SYS_statfs, (char*)1, &sf));
    show("statfs(\"/nonexistent\")", syscall(SYS_statfs, "/nonexistent", &sf));
    show("statfs(\".\", unmapped)", syscall(SYS_statfs, ".", unmapped));
    fd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    show("fstatfs(dir)", syscall(SYS_fstatfs, fd, &sf));
    show("fstatfs(-1)", syscall(SYS_fstatfs, -1, &sf));
    show("fstatfs(dir, (void*)1)", syscall(SYS_fstatfs, fd, (void*)1));

    /* fadvise64 */
    in = open("in", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(in >= 0 && write(in, "hello, world\n", 13) == 13);
    show("fadvise64(file, WILLNEED)", syscall(SYS_fadvise64, in, 0, 0, POSIX_FADV_WILLNEED));
    show("fadvise64(file, 99)", syscall(SYS_fadvise64, in, 0, 0, 99));
    show("fadvise64(-1, 99)", syscall(SYS_fadvise64, -1, 0, 0, 99));
    {
        int p[2];

        CHECK(pipe(p) == 0);
        show("fadvise64(pipe)", syscall(SYS_fadvise64, p[0], 0, 0, POSIX_FADV_NORMAL));
        close(p[0]);
        close(p[1]);
    }

    /* copy_file_range */
    out = open("out", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(out >= 0);
    {
        loff_t off = 0;

        show("copy_file_range(in, out, 13)", syscall(SYS_copy_file_range, in, &off, out, NULL, 13, 0));
        show("copy_file_range(-1, -1, flags 1)", syscall(SYS_copy_file_range, -1, NULL, -1, NULL, 1, 1));
        show("copy_file_range(in, out, flags 1)", syscall(SYS_copy_file_range, in, &off, out, NULL, 1, 1));
        show("copy_file_range(in, -1)", syscall(SYS_copy_file_range, in, &off, -1, NULL, 1, 0));
        show("copy_file_range(in, out, (void*)1)", syscall(SYS_copy_file_range, in, (void*)1, out, NULL, 1, 0));
        /* the offsets are read before the flags are looked at */
        show("copy_file_range(in, (void*)1, out, flags 1)",
             syscall(SYS_copy_file_range, in, (void*)1, out, NULL, 1, 1));
        show("copy_file_range(in, &off, out, unmapped, flags 1)",
             syscall(SYS_copy_file_range, in, &off, out, unmapped, 1, 1));
        /* an O_PATH descriptor is none for copy_file_range (EBADF), before
         * the offsets and the flags */
        {
            int opath = open("in", O_PATH);

            CHECK(opath >= 0);
            show("copy_file_range(O_PATH, (void*)1, out, flags 1)",
                 syscall(SYS_copy_file_range, opath, (void*)1, out, NULL, 1, 1));
            show("copy_file_range(in, (void*)1, O_PATH, flags 1)",
                 syscall(SYS_copy_file_range, in, (void*)1, opath, NULL, 1, 1));
            close(opath);
        }
    }

    /* xattr reads: the name first (EFAULT, ERANGE), then the file */
    show("getxattr(\"in\", \"user.x\")", syscall(SYS_getxattr, "in", "user.x", buf, sizeof(buf)));
    show("getxattr(\"\", (char*)1)", syscall(SYS_getxattr, "", (char*)1, buf, 0));
    show("getxattr(\"/nonexistent\", \"\")", syscall(SYS_getxattr, "/nonexistent", "", buf, 0));
    show("lgetxattr(\"in\", \"user.x\")", syscall(SYS_lgetxattr, "in", "user.x", buf, sizeof(buf)));
    show("lgetxattr((char*)1, \"user.x\")", syscall(SYS_lgetxattr, (char*)1, "user.x", buf, 0));
    {
        char longname[300];

        memset(longname, 'a', sizeof(longname) - 1);
        longname[sizeof(longname) - 1] = '\0';
        show("getxattr(\"in\", 299 bytes)", syscall(SYS_getxattr, "in", longname, buf, 0));
    }
    show("fgetxattr(in, \"user.x\")", syscall(SYS_fgetxattr, in, "user.x", buf, sizeof(buf)));
    show("fgetxattr(-1, (char*)1)", syscall(SYS_fgetxattr, -1, (char*)1, buf, 0));
    show("fgetxattr(-1, \"user.x\")", syscall(SYS_fgetxattr, -1, "user.x", buf, 0));
    /* AT_FDCWD: the cwd's attributes since Linux 6.13 (EBADF before) */
    show("fgetxattr(AT_FDCWD, \"user.x\")", syscall(SYS_fgetxattr, AT_FDCWD, "user.x", buf, 0));
    show("fgetxattr(AT_FDCWD, \"/\")", syscall(SYS_fgetxattr, AT_FDCWD, "/", buf, 0));
    show("fgetxattr(-2, \"user.x\")", syscall(SYS_fgetxattr, -2, "user.x", buf, 0));
    show("listxattr(\"in\", 0)", syscall(SYS_listxattr, "in", NULL, 0));
    show("listxattr(\"\")", syscall(SYS_listxattr, "", NULL, 0));
    show("llistxattr((char*)1)", syscall(SYS_llistxattr, (char*)1, NULL, 0));
    show("flistxattr(in)", syscall(SYS_flistxattr, in, NULL, 0));
    show("flistxattr(-1)", syscall(SYS_flistxattr, -1, NULL, 0));

    /* rt_sigreturn: a handler returns through it */
    CHECK(signal(SIGUSR1, handler) != SIG_ERR);
    raise(SIGUSR1);
    printf("after the handler: signal %d handled, back in main\n", g_handled);
    return 0;
}

/*
 * view-filtered: a program with a seccomp filter of its own, which ptshim
 * cannot read the verdicts of (it looks at the instruction pointer), then
 * path-taking calls: under a view, with PTRACE_SYSEMU stops, each runs on
 * the host (where the kernel applies the filter) with its paths
 * translated.  tests/integration/view-filtered.test compares it with the
 * chroot reference.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char* path) {
    char buf[64] = "";
    struct stat st;
    int fd = open(path, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

    buf[n > 0 ? n : 0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    printf("open(%s) = %s \"%s\"\n", path, fd < 0 ? strerrorname_np(errno) : "fd", buf);
    if (fd >= 0)
        close(fd);
    printf("stat(%s) = %s\n", path, stat(path, &st) < 0 ? strerrorname_np(errno) : "0");
}

int main(void) {
    struct sock_filter insns[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, instruction_pointer)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {.len = 2, .filter = insns};
    char cwd[256];
    long r;

    setvbuf(stdout, NULL, _IOLBF, 0);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0) {
        perror("seccomp");
        return 1;
    }
    show("/data/abs");
    show("/data/sub/up/f");
    show("/../../data/f");
    if (chdir("/data/sub") < 0)
        perror("chdir");
    show("up/abs");
    show("../f");
    printf("getcwd = %s\n", getcwd(cwd, sizeof(cwd)) ? cwd : strerrorname_np(errno));
    printf("mkdir = %d\n", mkdir("/data/new", 0755));
    r = syscall(SYS_openat2, AT_FDCWD, "/data/f", NULL, 0);
    printf("openat2 = %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    return 0;
}

/*
 * shim-ids-umask.c: umask, and the fs state that threads and processes
 * share with CLONE_FS or not (one of the shim-ids programs: shim-ids.h).
 */
#include "shim-ids.h"

static void print_umask(const char* who) {
    char line[128];
    FILE* f = fopen("/proc/thread-self/status", "r");

    CHECK(f);
    while (fgets(line, sizeof(line), f))
        if (!strncmp(line, "Umask:", 6))
            printf("%s: host %s", who, line);
    fclose(f);
}

static void* thread_umask(void* arg) {
    rc_octal("thread: umask(077)", syscall(SYS_umask, 077));
    return arg;
}

static void* thread_unshare_fs(void* arg) {
    print_rc("thread: unshare(CLONE_FS)", syscall(SYS_unshare, CLONE_FS));
    rc_octal("thread: umask(070)", syscall(SYS_umask, 070));
    rc_octal("thread: umask(070)", syscall(SYS_umask, 070));
    print_umask("thread after unshare");
    return arg;
}

static void umask_fork_child(void) {
    rc_octal("fork child: umask(0)", syscall(SYS_umask, 0));
}

static int clone_fs_child(void* arg) {
    return syscall(SYS_umask, 007) == 077 ? 0 : 1;
}

static void umask_section(void) {
    struct stat st;
    pthread_t t;
    static char stack[65536] __attribute__((aligned(16)));
    pid_t pid;
    int status, fd;

    printf("== umask\n");
    rc_octal("umask(027)", syscall(SYS_umask, 027));
    rc_octal("umask(0)", syscall(SYS_umask, 0));
    rc_octal("umask(07777)", syscall(SYS_umask, 07777));
    rc_octal("umask(0x10022)", syscall(SYS_umask, 0x10022));
    rc_octal("umask(-1)", syscall(SYS_umask, -1));
    rc_octal("umask(027)", syscall(SYS_umask, 027));
    print_umask("main");
    /* the host applies it */
    fd = open("umask-file", O_WRONLY | O_CREAT | O_EXCL, 0666);
    CHECK(fd >= 0 && fstat(fd, &st) == 0 && close(fd) == 0);
    printf("file created 0666 under 027: %o\n", st.st_mode & 07777);
    CHECK(mkdir("umask-dir", 0777) == 0 && stat("umask-dir", &st) == 0);
    printf("directory created 0777 under 027: %o\n", st.st_mode & 07777);
    /* threads share it (CLONE_FS) */
    CHECK(pthread_create(&t, NULL, thread_umask, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    rc_octal("main after the thread: umask(022)", syscall(SYS_umask, 022));
    rc_octal("umask(077)", syscall(SYS_umask, 077));
    /* a forked child has a copy */
    in_child("umask", umask_fork_child);
    rc_octal("parent after the fork child: umask(077)", syscall(SYS_umask, 077));
    /* a process created with CLONE_FS shares it */
    fflush(stdout);
    pid = clone(clone_fs_child, stack + sizeof(stack), CLONE_FS | SIGCHLD, NULL);
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    printf("CLONE_FS child saw 077: %s\n", WIFEXITED(status) && !WEXITSTATUS(status) ? "yes" : "no");
    rc_octal("parent after the CLONE_FS child: umask(022)", syscall(SYS_umask, 022));
    /* a thread that unshares its fs state has its own */
    CHECK(pthread_create(&t, NULL, thread_unshare_fs, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    rc_octal("main after the unsharing thread: umask(022)", syscall(SYS_umask, 022));
    print_umask("main");
}

int main(void) {
    shim_ids_setup();
    umask_section();
    fflush(stdout);
    return 0;
}

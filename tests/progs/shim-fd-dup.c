/*
 * shim-fd-dup.c: dup, dup2, dup3 and fcntl; an open file description
 * shared through dup, fork and SCM_RIGHTS, close-on-exec not shared;
 * RLIMIT_NOFILE (one of the shim-fd programs: shim-fd.h).
 */
#include "shim-fd.h"

/* ---- dup, dup2, dup3, fcntl --------------------------------------- */

static int send_fd(int sock, int fd) {
    char c = 'x';
    struct iovec iov = {&c, 1};
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int))];
    } u;
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    struct cmsghdr* cm = CMSG_FIRSTHDR(&msg);

    memset(u.buf, 0, sizeof(u.buf));
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &fd, sizeof(int));
    return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int recv_fd(int sock) {
    char c;
    struct iovec iov = {&c, 1};
    union {
        struct cmsghdr h;
        char buf[CMSG_SPACE(sizeof(int))];
    } u;
    struct msghdr msg = {
        .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf)};
    struct cmsghdr* cm;
    int fd;

    if (recvmsg(sock, &msg, 0) != 1)
        return -1;
    cm = CMSG_FIRSTHDR(&msg);
    if (!cm || cm->cmsg_type != SCM_RIGHTS)
        return -1;
    memcpy(&fd, CMSG_DATA(cm), sizeof(int));
    return fd;
}

static void* thread_open(void* arg) {
    long* fds = arg;

    /* opens one descriptor and closes the other: the table is shared */
    fds[1] = S(SYS_open, "f", O_RDONLY | O_CLOEXEC);
    fds[2] = S(SYS_close, fds[0]);
    return NULL;
}

static void* thread_unshare(void* arg) {
    long* fds = arg;

    /* closes a descriptor in a table of its own (the main thread keeps
     * it), opens one there and changes close-on-exec of another */
    fds[1] = S(SYS_close_range, fds[0], fds[0], CLOSE_RANGE_UNSHARE);
    fds[2] = S(SYS_open, "f", O_RDONLY);
    S(SYS_fcntl, 3, F_SETFD, FD_CLOEXEC);
    return NULL;
}

/* In a child: RLIMIT_NOFILE bounds dup2, F_DUPFD and open */
static void rlimit_child(int fd) {
    struct rlimit rl = {50, 50};
    pid_t pid;
    int n = 0;
    long r;

    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0);
        print_rc("rlimit 50: dup2(fd, 49)", S(SYS_dup2, fd, 49));
        print_rc("rlimit 50: dup2(fd, 50)", S(SYS_dup2, fd, 50));
        print_rc("rlimit 50: dup3(fd, 50, 0)", S(SYS_dup3, fd, 50, 0));
        print_rc("rlimit 50: fcntl(fd, F_DUPFD, 49)", S(SYS_fcntl, fd, F_DUPFD, 49));
        print_rc("rlimit 50: fcntl(fd, F_DUPFD, 50)", S(SYS_fcntl, fd, F_DUPFD, 50));
        while ((r = S(SYS_open, "f", O_RDONLY)) >= 0)
            n++;
        printf("rlimit 50: %d opens, then -1 %s\n", n, errno_name(errno));
        print_rc("rlimit 50: dup(fd)", S(SYS_dup, fd));
        print_rc("rlimit 50: pipe", S(SYS_pipe, (int[2]){0}));
        print_rc("rlimit 50: close(49)", S(SYS_close, 49));
        print_rc("rlimit 50: pipe with one free", S(SYS_pipe, (int[2]){0}));
        print_rc("rlimit 50: dup(fd)", S(SYS_dup, fd));
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

static void sec_dup(void) {
    long fd, fd2, fd3, pathfd, closed;
    int p[2], sync[2], sv[2];
    char buf[16];
    pthread_t th;
    long tfds[3];
    pid_t pid;

    section("dup");
    make_file("f", "0123456789");
    fd = print_rc("open(\"f\", O_RDWR)", S(SYS_open, "f", O_RDWR));
    pathfd = print_rc("open(\"f\", O_PATH)", S(SYS_open, "f", O_PATH));
    closed = CLOSED_FD;
    print_rc("close(CLOSED_FD)", S(SYS_close, closed));

    print_rc("dup(-1)", S(SYS_dup, -1));
    print_rc("dup(a closed fd)", S(SYS_dup, closed));
    print_rc("dup(HUGE_FD)", S(SYS_dup, HUGE_FD));
    print_rc("dup(0x80000000)", S(SYS_dup, SIGNED_FD));
    fd2 = print_rc("dup(O_PATH fd)", S(SYS_dup, pathfd));
    fdstate("  dup of O_PATH", (int)fd2);
    print_rc("close", S(SYS_close, fd2));
    print_rc("fcntl(fd, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC));
    fd2 = print_rc("dup(fd)", S(SYS_dup, fd));
    fdstate("  fd", (int)fd);
    fdstate("  its dup", (int)fd2);

    /* dup2 */
    print_rc("dup2(fd, fd)", S(SYS_dup2, fd, fd));
    print_rc("dup2(closed, closed)", S(SYS_dup2, closed, closed));
    print_rc("dup2(O_PATH fd, O_PATH fd)", S(SYS_dup2, pathfd, pathfd));
    print_rc("dup2(-1, 20)", S(SYS_dup2, -1, 20));
    print_rc("dup2(-1, -1)", S(SYS_dup2, -1, -1));
    print_rc("dup2(fd, HUGE_FD)", S(SYS_dup2, fd, HUGE_FD));
    print_rc("dup2(fd, -1)", S(SYS_dup2, fd, -1));
    print_rc("dup2(fd, 20)", S(SYS_dup2, fd, 20));
    fdstate("  20", 20);
    print_rc("dup2(closed, 20)", S(SYS_dup2, closed, 20));
    fdstate("  20", 20);
    print_rc("fcntl(20, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, 20, F_SETFD, FD_CLOEXEC));
    print_rc("dup2(O_PATH fd, 20) over it", S(SYS_dup2, pathfd, 20));
    fdstate("  20", 20);
    print_rc("dup2(fd | 1 << 32, 21)", S(SYS_dup2, fd | (1L << 32), 21));
    fdstate("  21", 21);

    /* dup3 */
    print_rc("dup3(fd, fd, 0)", S(SYS_dup3, fd, fd, 0));
    print_rc("dup3(fd, fd, O_CLOEXEC)", S(SYS_dup3, fd, fd, O_CLOEXEC));
    print_rc("dup3(fd, 22, O_NONBLOCK)", S(SYS_dup3, fd, 22, O_NONBLOCK));
    print_rc("dup3(-1, 22, 0x12345)", S(SYS_dup3, -1, 22, 0x12345));
    print_rc("dup3(-1, -1, 0)", S(SYS_dup3, -1, -1, 0));
    print_rc("dup3(closed, closed, 0)", S(SYS_dup3, closed, closed, 0));
    print_rc("dup3(closed, 22, 0)", S(SYS_dup3, closed, 22, 0));
    print_rc("dup3(fd, HUGE_FD, 0)", S(SYS_dup3, fd, HUGE_FD, 0));
    print_rc("dup3(fd, 22, O_CLOEXEC)", S(SYS_dup3, fd, 22, O_CLOEXEC));
    fdstate("  22", 22);
    print_rc("dup3(fd, 22, 0)", S(SYS_dup3, fd, 22, 0));
    fdstate("  22", 22);
    print_rc("dup3(O_PATH fd, 23, O_CLOEXEC)", S(SYS_dup3, pathfd, 23, O_CLOEXEC));
    fdstate("  23", 23);
    print_rc("close_range(20, 23, 0)", S(SYS_close_range, 20, 23, 0));

    /* fcntl */
    print_rc("fcntl(-1, F_GETFD)", S(SYS_fcntl, -1, F_GETFD));
    print_rc("fcntl(closed, F_GETFD)", S(SYS_fcntl, closed, F_GETFD));
    print_rc("fcntl(HUGE_FD, F_GETFD)", S(SYS_fcntl, HUGE_FD, F_GETFD));
    print_rc("fcntl(0x80000000, F_GETFL)", S(SYS_fcntl, SIGNED_FD, F_GETFL));
    print_rc("fcntl(closed, F_GETFL)", S(SYS_fcntl, closed, F_GETFL));
    print_rc("fcntl(closed, F_SETFD)", S(SYS_fcntl, closed, F_SETFD, 0));
    print_rc("fcntl(closed, F_SETFL)", S(SYS_fcntl, closed, F_SETFL, 0));
    print_rc("fcntl(closed, F_DUPFD)", S(SYS_fcntl, closed, F_DUPFD, 0));
    print_rc("fcntl(fd, F_SETFD, 0)", S(SYS_fcntl, fd, F_SETFD, 0));
    print_rc("fcntl(fd, F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    print_rc("fcntl(fd, F_SETFD, 0xff)", S(SYS_fcntl, fd, F_SETFD, 0xff));
    print_rc("fcntl(fd, F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    print_rc("fcntl(fd, F_SETFD, 2)", S(SYS_fcntl, fd, F_SETFD, 2));
    print_rc("fcntl(fd, F_GETFD)", S(SYS_fcntl, fd, F_GETFD));
    fdstate("  fd", (int)fd);
    print_rc("fcntl(fd, F_SETFL, O_APPEND|O_NONBLOCK)",
             S(SYS_fcntl, fd, F_SETFL, O_APPEND | O_NONBLOCK));
    fdstate("  fd", (int)fd);
    fdstate("  its dup", (int)fd2);
    /* the access mode and creation flags are not F_SETFL's */
    print_rc("fcntl(fd, F_SETFL, O_WRONLY|O_CREAT|O_TRUNC)",
      S(SYS_fcntl, fd, F_SETFL, O_WRONLY | O_CREAT | O_TRUNC));
    fdstate("  fd", (int)fd);
    fdstate("  its dup", (int)fd2);
    print_rc("fcntl(fd, F_DUPFD, 30)", S(SYS_fcntl, fd, F_DUPFD, 30));
    fdstate("  30", 30);
    print_rc("fcntl(fd, F_DUPFD, 30) again", S(SYS_fcntl, fd, F_DUPFD, 30));
    fdstate("  31", 31);
    print_rc("fcntl(fd, F_DUPFD_CLOEXEC, 40)", S(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 40));
    fdstate("  40", 40);
    print_rc("fcntl(fd, F_DUPFD, HUGE_FD)", S(SYS_fcntl, fd, F_DUPFD, HUGE_FD));
    print_rc("fcntl(fd, F_DUPFD, -1)", S(SYS_fcntl, fd, F_DUPFD, -1L));
    print_rc("fcntl(-1, F_DUPFD, HUGE_FD)", S(SYS_fcntl, -1, F_DUPFD, HUGE_FD));
    print_rc("fcntl(fd, 9999)", S(SYS_fcntl, fd, 9999));
    print_rc("fcntl(-1, 9999)", S(SYS_fcntl, -1, 9999));
    print_rc("fcntl(fd | 1 << 32, F_GETFD)", S(SYS_fcntl, fd | (1L << 32), F_GETFD));
    print_rc("fcntl(fd, F_GETFD | 1 << 32)", S(SYS_fcntl, fd, F_GETFD | (1L << 32)));
    print_rc("close_range(30, 40, 0)", S(SYS_close_range, 30, 40, 0));
    /* an O_PATH descriptor: F_GETFD, F_SETFD, F_GETFL, F_DUPFD only */
    fdstate("  O_PATH", (int)pathfd);
    print_rc("fcntl(O_PATH fd, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, pathfd, F_SETFD, FD_CLOEXEC));
    print_rc("fcntl(O_PATH fd, F_SETFL, O_NONBLOCK)", S(SYS_fcntl, pathfd, F_SETFL, O_NONBLOCK));
    fdstate("  O_PATH", (int)pathfd);
    fd3 =
        print_rc("fcntl(O_PATH fd, F_DUPFD_CLOEXEC, 0)", S(SYS_fcntl, pathfd, F_DUPFD_CLOEXEC, 0));
    fdstate("  its dup", (int)fd3);
    print_rc("close", S(SYS_close, fd3));
    {
        struct flock fl = {.l_type = F_RDLCK};

        print_rc("fcntl(O_PATH fd, F_GETLK)", S(SYS_fcntl, pathfd, F_GETLK, &fl));
        print_rc("fcntl(fd, F_GETLK, (void*)1)", S(SYS_fcntl, fd, F_GETLK, BAD));
    }

    /* one open file description through a dup: the offset and the status
     * flags are shared, close-on-exec is not */
    print_rc("fcntl(fd, F_SETFL, 0)", S(SYS_fcntl, fd, F_SETFL, 0));
    print_rc("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    print_rc("read(fd, 4)", S(SYS_read, fd, buf, 4));
    print_rc("lseek(dup, 0, SEEK_CUR)", S(SYS_lseek, fd2, 0, SEEK_CUR));
    print_rc("read(dup, 2)", S(SYS_read, fd2, buf + 4, 2));
    show_bytes("  read", buf, 6);
    print_rc("lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    print_rc("fcntl(dup, F_SETFL, O_APPEND)", S(SYS_fcntl, fd2, F_SETFL, O_APPEND));
    print_rc("lseek(fd, 0, SEEK_SET)", S(SYS_lseek, fd, 0, SEEK_SET));
    print_rc("write(fd, \"A\")", S(SYS_write, fd, "A", 1));
    print_rc("lseek(dup, 0, SEEK_CUR)", S(SYS_lseek, fd2, 0, SEEK_CUR));
    fdstate("  fd", (int)fd);
    print_rc("fcntl(dup, F_SETFL, 0)", S(SYS_fcntl, fd2, F_SETFL, 0));
    print_rc("fcntl(fd, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC));
    fdstate("  fd", (int)fd);
    fdstate("  dup", (int)fd2);
    CHECK(pipe(p) == 0);
    fd3 = print_rc("dup(pipe's read end)", S(SYS_dup, p[0]));
    print_rc("fcntl(pipe's read end, F_SETFL, O_NONBLOCK)",
             S(SYS_fcntl, p[0], F_SETFL, O_NONBLOCK));
    print_rc("read(the dup, empty pipe)", S(SYS_read, fd3, buf, 1));
    fdstate("  the dup", (int)fd3);
    print_rc("ioctl(the dup, FIONBIO, 0)", S(SYS_ioctl, fd3, FIONBIO, &(int){0}));
    fdstate("  pipe's read end", p[0]);
    print_rc("close", S(SYS_close, fd3));

    /* after fork: the child's changes of the description are seen by
     * the parent, its changes of close-on-exec are not */
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        fdstate("child: fd", (int)fd);
        fdstate("child: dup", (int)fd2);
        print_rc("child: fcntl(fd, F_SETFD, 0)", S(SYS_fcntl, fd, F_SETFD, 0));
        print_rc("child: fcntl(dup, F_SETFD, FD_CLOEXEC)", S(SYS_fcntl, fd2, F_SETFD, FD_CLOEXEC));
        print_rc("child: lseek(fd, 3, SEEK_SET)", S(SYS_lseek, fd, 3, SEEK_SET));
        print_rc("child: fcntl(fd, F_SETFL, O_APPEND|O_NONBLOCK)",
          S(SYS_fcntl, fd, F_SETFL, O_APPEND | O_NONBLOCK));
        print_rc("child: fcntl(pipe, F_SETFL, 0)", S(SYS_fcntl, p[0], F_SETFL, 0));
        print_rc("child: close(dup)", S(SYS_close, fd2));
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
    fdstate("parent: fd", (int)fd);
    fdstate("parent: dup", (int)fd2);
    fdstate("parent: pipe", p[0]);
    print_rc("parent: lseek(fd, 0, SEEK_CUR)", S(SYS_lseek, fd, 0, SEEK_CUR));
    print_rc("parent: lseek(dup, 0, SEEK_CUR)", S(SYS_lseek, fd2, 0, SEEK_CUR));

    /* a descriptor the parent first uses after the fork (made by a call
     * the shim does not implement): the child's F_SETFL is seen all the
     * same */
    CHECK(pipe(sync) == 0);
    fd3 = syscall(SYS_eventfd2, 0, 0);
    CHECK(fd3 >= 0);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(read(sync[0], buf, 1) == 1);
        print_rc("child: fcntl(eventfd, F_SETFL, O_NONBLOCK)",
                 S(SYS_fcntl, fd3, F_SETFL, O_NONBLOCK));
        fflush(stdout);
        _exit(0);
    }
    fdstate("parent: eventfd", (int)fd3);
    CHECK(write(sync[1], "g", 1) == 1);
    wait_child(pid);
    fdstate("parent: eventfd", (int)fd3);
    print_rc("parent: read(eventfd)", S(SYS_read, fd3, buf, 8));
    print_rc("close", S(SYS_close, fd3));
    CHECK(close(sync[0]) == 0 && close(sync[1]) == 0);

    /* a description received through SCM_RIGHTS is the sender's */
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    CHECK(send_fd(sv[0], p[0]) == 0);
    fd3 = recv_fd(sv[1]);
    CHECK(fd3 >= 0);
    printf("received fd %ld\n", fd3);
    fdstate("  received", (int)fd3);
    fdstate("  pipe's read end", p[0]);
    print_rc("fcntl(pipe's read end, F_SETFL, O_NONBLOCK)",
             S(SYS_fcntl, p[0], F_SETFL, O_NONBLOCK));
    fdstate("  received", (int)fd3);
    print_rc("fcntl(received, F_SETFL, 0)", S(SYS_fcntl, fd3, F_SETFL, 0));
    fdstate("  pipe's read end", p[0]);
    print_rc("fcntl(received, F_SETFL, O_NONBLOCK)", S(SYS_fcntl, fd3, F_SETFL, O_NONBLOCK));
    print_rc("read(pipe's read end, empty pipe)", S(SYS_read, p[0], buf, 1));
    print_rc("close(received)", S(SYS_close, fd3));
    CHECK(close(sv[0]) == 0 && close(sv[1]) == 0);

    /* threads share the table */
    tfds[0] = S(SYS_dup, fd);
    CHECK(tfds[0] >= 0);
    CHECK(pthread_create(&th, NULL, thread_open, tfds) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    print_rc("thread: open(\"f\", O_CLOEXEC)", tfds[1]);
    print_rc("thread: close(main's dup)", tfds[2]);
    fdstate("  thread's fd", (int)tfds[1]);
    fdstate("  main's dup", (int)tfds[0]);
    print_rc("close(thread's fd)", S(SYS_close, tfds[1]));
    /* a thread that unshares its table with close_range */
    tfds[0] = S(SYS_dup, fd);
    CHECK(tfds[0] >= 0);
    CHECK(pthread_create(&th, NULL, thread_unshare, tfds) == 0);
    CHECK(pthread_join(th, NULL) == 0);
    print_rc("thread: close_range(dup, dup, CLOSE_RANGE_UNSHARE)", tfds[1]);
    print_rc("thread: open(\"f\") in its own table", tfds[2]);
    fdstate("  main's dup", (int)tfds[0]);
    fdstate("  main's fd", (int)fd);
    fdstate("  thread's fd", (int)tfds[2]);
    print_rc("close(main's dup)", S(SYS_close, tfds[0]));

    rlimit_child((int)fd);

    CHECK(close(p[0]) == 0 && close(p[1]) == 0);
    print_rc("close(fd)", S(SYS_close, fd));
    print_rc("close(dup)", S(SYS_close, fd2));
    print_rc("close(O_PATH fd)", S(SYS_close, pathfd));
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    list_open_fds("open fds at start");
    sec_dup();
    return 0;
}

/*
 * view-sock: Unix sockets named by paths, run inside a file-system view
 * and compared with the chroot reference (tests/integration/view-sock.test):
 * bind, connect, sendto and sendmsg with absolute, relative, symbolic-link
 * and abstract names, and their errors (a missing directory, a name in
 * use, no listener).  The sockets' files are left for the comparison.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static socklen_t addr_of(struct sockaddr_un* a, const char* name, size_t len) {
    memset(a, 0, sizeof(*a));
    a->sun_family = AF_UNIX;
    memcpy(a->sun_path, name, len);
    return offsetof(struct sockaddr_un, sun_path) + len;
}

static socklen_t path_addr(struct sockaddr_un* a, const char* path) {
    return addr_of(a, path, strlen(path) + 1);
}

static void result(const char* what, int r) {
    printf("%s = %s\n", what, r < 0 ? strerrorname_np(errno) : "0");
}

/* a stream server at PATH, a client connecting to CONNECT_TO, one line */
static void stream(const char* path, const char* connect_to) {
    struct sockaddr_un a;
    char line[64] = "";
    int s = socket(AF_UNIX, SOCK_STREAM, 0), c, r;
    pid_t pid;

    r = bind(s, (struct sockaddr*)&a, path_addr(&a, path));
    printf("stream bind(%s) = %s\n", path, r < 0 ? strerrorname_np(errno) : "0");
    if (r < 0 || listen(s, 1) < 0 || fcntl(s, F_SETFL, O_NONBLOCK) < 0) {
        close(s);
        return;
    }
    pid = fork();
    if (pid == 0) {
        c = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr*)&a, path_addr(&a, connect_to)) < 0)
            _exit(1);
        (void)!write(c, "over the socket", 15);
        _exit(0);
    }
    /* the connection waits in the backlog: no accept that could block */
    waitpid(pid, &r, 0);
    c = accept4(s, NULL, NULL, SOCK_NONBLOCK);
    if (c >= 0) {
        (void)!read(c, line, sizeof(line) - 1);
        close(c);
    }
    printf("stream connect(%s): \"%s\", child %d\n", connect_to, line, WEXITSTATUS(r));
    close(s);
}

static void datagram(const char* path, const char* send_to, int use_msg) {
    struct sockaddr_un a, b;
    char buf[64] = "";
    int s = socket(AF_UNIX, SOCK_DGRAM, 0), c = socket(AF_UNIX, SOCK_DGRAM, 0);
    ssize_t n;

    result("datagram bind", bind(s, (struct sockaddr*)&a, path_addr(&a, path)));
    if (use_msg) {
        char text[] = "by sendmsg";
        struct iovec iov = {.iov_base = text, .iov_len = 10};
        struct msghdr m = {.msg_name = &b, .msg_namelen = path_addr(&b, send_to),
                           .msg_iov = &iov, .msg_iovlen = 1};

        n = sendmsg(c, &m, 0);
    } else {
        n = sendto(c, "by sendto", 9, 0, (struct sockaddr*)&b, path_addr(&b, send_to));
    }
    printf("datagram %s(%s) = %s\n", use_msg ? "sendmsg" : "sendto", send_to,
           n < 0 ? strerrorname_np(errno) : "sent");
    if (n >= 0 && recv(s, buf, sizeof(buf) - 1, MSG_DONTWAIT) >= 0)
        printf("datagram received \"%s\"\n", buf);
    close(s);
    close(c);
}

int main(void) {
    struct sockaddr_un a;
    int s;

    stream("/tmp/abs.sock", "/tmp/abs.sock");
    if (chdir("/tmp") == 0)
        stream("rel.sock", "/tmp/rel.sock");
    stream("/data/link/via.sock", "/tmp/../data/dir/via.sock");
    stream("/tmp/../../../up.sock", "/up.sock");
    datagram("/tmp/d1.sock", "/tmp/d1.sock", 0);
    datagram("/tmp/d2.sock", "d2.sock", 1);
    datagram("/tmp/d3.sock", "/tmp/nothing.sock", 0);

    /* errors: a name in use, a missing directory, no listener, a file */
    s = socket(AF_UNIX, SOCK_STREAM, 0);
    result("bind(in use)", bind(s, (struct sockaddr*)&a, path_addr(&a, "/tmp/abs.sock")));
    result("bind(no dir)", bind(s, (struct sockaddr*)&a, path_addr(&a, "/nodir/x.sock")));
    result("connect(no listener)",
           connect(s, (struct sockaddr*)&a, path_addr(&a, "/tmp/d1.sock")));
    result("connect(missing)", connect(s, (struct sockaddr*)&a, path_addr(&a, "/tmp/none")));
    result("connect(a file)", connect(s, (struct sockaddr*)&a, path_addr(&a, "/data/dir/f")));
    result("connect(bad pointer)", connect(s, (struct sockaddr*)1, sizeof(a)));
    result("bind(too long)", bind(s, (struct sockaddr*)&a, sizeof(a) + 1));
    close(s);

    /* an abstract name is no file: as it is */
    s = socket(AF_UNIX, SOCK_STREAM, 0);
    result("bind(abstract)", bind(s, (struct sockaddr*)&a, addr_of(&a, "\0ptshim-view-sock", 17)));
    close(s);
    return 0;
}

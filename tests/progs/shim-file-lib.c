/*
 * shim-file-lib.c: what the shim-file programs share (shim-file.h).
 */
#include "shim-file.h"

void open_kinds(struct kinds* k, const char* name, const char* content) {
    int p[2];

    if (access(name, F_OK) != 0)
        make_file(name, content);
    k->rw = (int)S(SYS_open, name, O_RDWR);
    k->ro = (int)S(SYS_open, name, O_RDONLY);
    k->wo = (int)S(SYS_open, name, O_WRONLY);
    k->acc3 = (int)S(SYS_open, name, O_ACCMODE);
    k->opath = (int)S(SYS_open, name, O_PATH);
    k->dir = (int)S(SYS_open, ".", O_RDONLY | O_DIRECTORY);
    CHECK(k->rw >= 0 && k->ro >= 0 && k->wo >= 0 && k->acc3 >= 0 && k->opath >= 0 &&
          k->dir >= 0);
    CHECK(S(SYS_pipe2, p, 0) == 0);
    k->pr = p[0];
    k->pw = p[1];
    k->sock = (int)S(SYS_socket, AF_UNIX, SOCK_STREAM, 0);
    k->ep = (int)S(SYS_epoll_create1, 0);
    CHECK(k->sock >= 0 && k->ep >= 0);
    printf("kinds: rw %d ro %d wo %d acc3 %d opath %d dir %d pipe %d %d socket %d epoll %d\n",
           k->rw, k->ro, k->wo, k->acc3, k->opath, k->dir, k->pr, k->pw, k->sock, k->ep);
}

void close_kinds(struct kinds* k) {
    int* fds[] = {&k->rw, &k->ro, &k->wo, &k->acc3, &k->opath, &k->dir,
                  &k->pr, &k->pw, &k->sock, &k->ep};

    for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
        CHECK(S(SYS_close, *fds[i]) == 0);
}

void show_size(const char* what, const char* name) {
    struct stat st;

    if (S(SYS_stat, name, &st) < 0)
        printf("%s: stat -1 %s\n", what, errno_name(errno));
    else
        printf("%s: size %lld blocks>0 %d\n", what, (long long)st.st_size, st.st_blocks > 0);
}

void show_file(const char* what, const char* name) {
    char buf[64];
    int fd = (int)S(SYS_open, name, O_RDONLY);
    long n;

    if (fd < 0) {
        printf("%s: open -1 %s\n", what, errno_name(errno));
        return;
    }
    n = S(SYS_read, fd, buf, sizeof(buf));
    CHECK(n >= 0);
    CHECK(S(SYS_close, fd) == 0);
    show_bytes(what, buf, n);
}

bool user_mode(int argc, char** argv) {
    return argc > 1 && !strcmp(argv[1], "user");
}

/*
 * shim-fd-lib.c: what the shim-fd programs share (shim-fd.h).
 */
#include "shim-fd.h"

long g_page;
char* g_edge;
char* g_ro;
char g_argv0[PATH_MAX];
const char* g_home;

void shim_fd_setup(const char* argv0) {
    char* p;

    umask(022);
    setvbuf(stdout, NULL, _IOLBF, 0);
    g_page = sysconf(_SC_PAGESIZE);
    CHECK(g_page >= 4096);
    /* two pages, the second unmapped, far below where mmap places
     * mappings (top down from the stack) and the heap, so that no later
     * mapping fills the hole */
    p = mmap((void*)EDGE_AREA, (size_t)g_page * 2, PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK(p == (void*)EDGE_AREA);
    CHECK(munmap(p + g_page, (size_t)g_page) == 0);
    g_edge = p + g_page;
    g_ro = mmap(NULL, (size_t)g_page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(g_ro != MAP_FAILED);
    g_home = getenv("HOME");
    CHECK(g_home);
    CHECK(strlen(argv0) < sizeof(g_argv0));
    strcpy(g_argv0, argv0);
}

void section(const char* name) {
    printf("== %s\n", name);
}

void fdstate(const char* what, int fd) {
    long fdfl = S(SYS_fcntl, fd, F_GETFD);
    int e = errno;
    long fl;

    if (fdfl < 0) {
        printf("%s (fd %d): -1 %s\n", what, fd, errno_name(e));
        return;
    }
    fl = S(SYS_fcntl, fd, F_GETFL);
    if (fl < 0)
        printf("%s (fd %d): cloexec=%ld flags=-1 %s\n", what, fd, fdfl, errno_name(errno));
    else
        printf("%s (fd %d): cloexec=%ld flags=0%lo\n", what, fd, fdfl, fl);
}

void make_file(const char* name, const char* content) {
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    CHECK(fd >= 0);
    CHECK(write(fd, content, strlen(content)) == (ssize_t)strlen(content));
    CHECK(close(fd) == 0);
}

char* dots_path(size_t len, const char* name) {
    size_t nl = strlen(name);
    char* p = malloc(len + 1);

    CHECK(p && len >= nl && (len - nl) % 2 == 0);
    for (size_t i = 0; i + nl < len; i += 2)
        memcpy(p + i, "./", 2);
    memcpy(p + len - nl, name, nl + 1);
    return p;
}

char* long_name(size_t len) {
    char* p = malloc(len + 1);

    CHECK(p);
    memset(p, 'a', len);
    p[len] = '\0';
    return p;
}

void put_escaped(const char* buf, long n) {
    putchar('"');
    for (long i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];

        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            putchar(c);
        else
            printf("\\x%02x", c);
    }
    putchar('"');
}

void show_bytes(const char* what, const char* buf, long n) {
    printf("%s: ", what);
    put_escaped(buf, n);
    putchar('\n');
}

void print_stat(const char* what, int fd) {
    struct stat st;

    if (S(SYS_fstat, fd, &st) < 0) {
        printf("%s: fstat -1 %s\n", what, errno_name(errno));
        return;
    }
    printf("%s: mode=0%o size=%lld nlink=%lu\n", what, st.st_mode,
           S_ISREG(st.st_mode) ? (long long)st.st_size : -1LL, (unsigned long)st.st_nlink);
}

void show_path(const char* path) {
    const char* at = strstr(path, g_home);

    if (at)
        printf("  \"%.*s~%s\"\n", (int)(at - path), path, at + strlen(g_home));
    else
        printf("  \"%s\"\n", path);
}

void wait_child(pid_t pid) {
    int status;

    CHECK(waitpid(pid, &status, 0) == pid);
    if (WIFEXITED(status))
        printf("child: exit %d\n", WEXITSTATUS(status));
    else
        printf("child: signal %d\n", WTERMSIG(status));
}

void list_open_fds(const char* what) {
    printf("%s:", what);
    for (int fd = 0; fd < 256; fd++)
        if (S(SYS_fcntl, fd, F_GETFD) >= 0)
            printf(" %d", fd);
    printf("\n");
}

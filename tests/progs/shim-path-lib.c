/*
 * shim-path-lib.c: what the shim-path programs share (shim-path.h).
 */
#include "shim-path.h"

char g_long[5001];
char g_max[PATH_MAX];
char g_over[PATH_MAX + 1];
const char* g_unmapped;
char g_cwd[PATH_MAX];

static const char* type_of(mode_t m) {
    switch (m & S_IFMT) {
    case S_IFREG: return "file";
    case S_IFDIR: return "dir";
    case S_IFLNK: return "symlink";
    case S_IFIFO: return "fifo";
    case S_IFCHR: return "chardev";
    default: return "other";
    }
}

void show_stat(const char* what, long rc, const struct stat* st) {
    print_rc(what, rc);
    if (rc != 0)
        return;
    printf("    %s mode %04o nlink %lu", type_of(st->st_mode), st->st_mode & 07777,
           (unsigned long)st->st_nlink);
    if (!S_ISDIR(st->st_mode))
        printf(" size %lld", (long long)st->st_size);
    printf("\n");
}

void show_statx(const char* what, long rc, const struct statx* sx) {
    print_rc(what, rc);
    if (rc != 0)
        return;
    printf("    %s mode %04o nlink %u", type_of(sx->stx_mode), sx->stx_mode & 07777,
           sx->stx_nlink);
    if (!S_ISDIR(sx->stx_mode))
        printf(" size %llu", (unsigned long long)sx->stx_size);
    printf(" basic stats %s\n",
           (sx->stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS ? "all" : "missing");
}

void show_link(const char* what, long rc, const char* buf) {
    print_rc(what, rc);
    if (rc > 0)
        printf("    \"%.*s\"\n", (int)rc, buf);
}

void make_file(const char* name, const char* content) {
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0640);

    CHECK(fd >= 0);
    CHECK(write(fd, content, strlen(content)) == (ssize_t)strlen(content));
    CHECK(close(fd) == 0);
}

void show_content(const char* name) {
    char buf[64] = "";
    int fd = open(name, O_RDONLY);
    ssize_t n;

    if (fd < 0) {
        printf("    %s: %s\n", name, errno_name(errno));
        return;
    }
    n = read(fd, buf, sizeof(buf) - 1);
    CHECK(n >= 0);
    close(fd);
    printf("    %s: \"%.*s\"\n", name, (int)n, buf);
}

void shim_path_setup(int* dirfd, int* filefd) {
    long page = sysconf(_SC_PAGESIZE);
    char* p;
    size_t i;

    setvbuf(stdout, NULL, _IOLBF, 0);
    memset(g_long, 'a', sizeof(g_long) - 1);
    g_max[0] = '.';
    for (i = 1; i + 1 < PATH_MAX; i += 2)
        memcpy(g_max + i, "/.", 2);
    CHECK(strlen(g_max) == PATH_MAX - 1);
    memcpy(g_over, g_max, PATH_MAX - 1);
    g_over[PATH_MAX - 1] = '/';
    CHECK(strlen(g_over) == PATH_MAX);
    p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK(munmap(p + page, page) == 0);
    memcpy(p + page - 3, "abc", 3);
    g_unmapped = p + page - 3;
    CHECK(getcwd(g_cwd, sizeof(g_cwd) - 64) != NULL);

    make_file("file", "twelve bytes");
    CHECK(mkdir("dir", 0755) == 0);
    make_file("dir/inner", "inner");
    CHECK(symlink("file", "link") == 0);
    CHECK(symlink("missing", "dangling") == 0);
    *dirfd = open("dir", O_RDONLY | O_DIRECTORY);
    CHECK(*dirfd >= 0);
    *filefd = open("file", O_RDONLY);
    CHECK(*filefd >= 0);
}

/*
 * shim-ev-notify.c: eventfd, eventfd2, inotify_init, inotify_init1,
 * inotify_add_watch and inotify_rm_watch (shim-memev.h).  Run as root and
 * as a user of its own: a watch needs read permission on its file.
 */
#include "shim-memev.h"

#include <limits.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>

#ifndef IN_MASK_CREATE
#define IN_MASK_CREATE 0x10000000
#endif

static void show_fd(const char* what, long fd) {
    if (fd < 0) {
        printf("%s = -1 %s\n", what, errno_name(errno));
        return;
    }
    printf("%s: ok, flags %#x, close-on-exec %d\n", what, fcntl((int)fd, F_GETFL) & ~O_LARGEFILE,
           fcntl((int)fd, F_GETFD));
}

static void show_read(int fd) {
    uint64_t v = 0;
    ssize_t n = read(fd, &v, 8);

    if (n < 0)
        printf("  read = -1 %s\n", errno_name(errno));
    else
        printf("  read: %zd, value %llu\n", n, (unsigned long long)v);
}

static void section_eventfd(void) {
    uint64_t two = 2;
    long fd;

    fd = syscall(SYS_eventfd, 3);
    show_fd("eventfd(3)", fd);
    show_read((int)fd);
    close((int)fd);
    T("eventfd2(0, 8)", syscall(SYS_eventfd2, 0, 8));
    T("eventfd2(0, O_APPEND)", syscall(SYS_eventfd2, 0, O_APPEND));
    T("eventfd2(0, -1)", syscall(SYS_eventfd2, 0, -1));
    fd = syscall(SYS_eventfd2, 0, 1UL << 32);
    show_fd("eventfd2(0, beyond 32 bits)", fd);
    close((int)fd);
    fd = syscall(SYS_eventfd2, 1UL << 32 | 5, 0);
    show_fd("eventfd2(count beyond 32 bits)", fd);
    show_read((int)fd);
    close((int)fd);
    fd = syscall(SYS_eventfd2, 1, EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
    show_fd("eventfd2(1, EFD_SEMAPHORE|EFD_NONBLOCK|EFD_CLOEXEC)", fd);
    CHECK(write((int)fd, &two, 8) == 8);
    for (int i = 0; i < 4; i++)
        show_read((int)fd);
    close((int)fd);
}

static void show_events(int fd) {
    char buf[4096] __attribute__((aligned(8)));
    ssize_t n = read(fd, buf, sizeof(buf));

    if (n < 0) {
        printf("  read = -1 %s\n", errno_name(errno));
        return;
    }
    for (char* p = buf; p < buf + n;) {
        struct inotify_event* e = (struct inotify_event*)p;

        printf("  event: wd %d mask %#x name '%s'\n", e->wd, e->mask, e->len ? e->name : "");
        p += sizeof(*e) + e->len;
    }
}

static void section_inotify(void) {
    char longname[PATH_MAX + 1];
    int in, p[2], path, wd, wd2;
    long fd;

    CHECK(pipe(p) == 0);
    path = open(".", O_PATH);
    CHECK(path >= 0);
    fd = syscall(SYS_inotify_init);
    show_fd("inotify_init", fd);
    close((int)fd);
    T("inotify_init1(1)", syscall(SYS_inotify_init1, 1));
    T("inotify_init1(O_APPEND)", syscall(SYS_inotify_init1, O_APPEND));
    T("inotify_init1(-1)", syscall(SYS_inotify_init1, -1));
    fd = syscall(SYS_inotify_init1, 1UL << 32);
    show_fd("inotify_init1(beyond 32 bits)", fd);
    close((int)fd);
    fd = syscall(SYS_inotify_init1, IN_NONBLOCK | IN_CLOEXEC);
    show_fd("inotify_init1(IN_NONBLOCK|IN_CLOEXEC)", fd);
    in = (int)fd;

    CHECK(mkdir("watched", 0755) == 0);
    wd = (int)syscall(SYS_inotify_add_watch, in, "watched", IN_CREATE | IN_DELETE);
    printf("inotify_add_watch: %s\n", wd > 0 ? "a watch" : errno_name(errno));
    T("inotify_add_watch(again) is the same watch",
      syscall(SYS_inotify_add_watch, in, "watched", IN_CREATE | IN_MASK_ADD) == wd ? 0 : -1);
    T("inotify_add_watch(IN_MASK_CREATE, watched)",
      syscall(SYS_inotify_add_watch, in, "watched", IN_CREATE | IN_MASK_CREATE));
    CHECK(close(open("watched/new", O_CREAT | O_WRONLY, 0644)) == 0);
    CHECK(unlink("watched/new") == 0);
    show_events(in);
    show_events(in);
    T("inotify_add_watch(mask 0)", syscall(SYS_inotify_add_watch, in, "watched", 0));
    T("inotify_add_watch(mask 0x1000)", syscall(SYS_inotify_add_watch, in, "watched", 0x1000));
    T("inotify_add_watch(mask 0x1000|IN_CREATE)",
      syscall(SYS_inotify_add_watch, in, "watched", 0x1000 | IN_CREATE));
    T("inotify_add_watch(mask 0x800000)", syscall(SYS_inotify_add_watch, in, "watched", 0x800000 | IN_CREATE));
    T("inotify_add_watch(mask IN_ISDIR)", syscall(SYS_inotify_add_watch, in, "watched", IN_ISDIR));
    T("inotify_add_watch(mask IN_ONESHOT)", syscall(SYS_inotify_add_watch, in, "watched", IN_ONESHOT));
    T("inotify_add_watch(mask 0, bad fd)", syscall(SYS_inotify_add_watch, 999, "watched", 0));
    T("inotify_add_watch(bad fd)", syscall(SYS_inotify_add_watch, 999, "watched", IN_CREATE));
    T("inotify_add_watch(fd -1)", syscall(SYS_inotify_add_watch, -1, "watched", IN_CREATE));
    T("inotify_add_watch(bad fd, IN_MASK_ADD|IN_MASK_CREATE)",
      syscall(SYS_inotify_add_watch, 999, "watched", IN_CREATE | IN_MASK_ADD | IN_MASK_CREATE));
    T("inotify_add_watch(IN_MASK_ADD|IN_MASK_CREATE)",
      syscall(SYS_inotify_add_watch, in, "watched", IN_CREATE | IN_MASK_ADD | IN_MASK_CREATE));
    T("inotify_add_watch(a pipe, IN_MASK_ADD|IN_MASK_CREATE)",
      syscall(SYS_inotify_add_watch, p[0], "watched", IN_CREATE | IN_MASK_ADD | IN_MASK_CREATE));
    T("inotify_add_watch(a pipe)", syscall(SYS_inotify_add_watch, p[0], "watched", IN_CREATE));
    T("inotify_add_watch(O_PATH fd)", syscall(SYS_inotify_add_watch, path, "watched", IN_CREATE));
    T("inotify_add_watch(a pipe, bad path)", syscall(SYS_inotify_add_watch, p[0], BAD, IN_CREATE));
    T("inotify_add_watch(bad path)", syscall(SYS_inotify_add_watch, in, BAD, IN_CREATE));
    T("inotify_add_watch(NULL path)", syscall(SYS_inotify_add_watch, in, NULL, IN_CREATE));
    T("inotify_add_watch(empty path)", syscall(SYS_inotify_add_watch, in, "", IN_CREATE));
    memset(longname, 'a', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    T("inotify_add_watch(path too long)", syscall(SYS_inotify_add_watch, in, longname, IN_CREATE));
    T("inotify_add_watch(no such file)", syscall(SYS_inotify_add_watch, in, "nothing", IN_CREATE));
    CHECK(close(open("file", O_CREAT | O_WRONLY, 0644)) == 0);
    T("inotify_add_watch(IN_ONLYDIR, a file)", syscall(SYS_inotify_add_watch, in, "file", IN_ONLYDIR | IN_MODIFY));
    CHECK(symlink("file", "link") == 0);
    wd2 = (int)syscall(SYS_inotify_add_watch, in, "link", IN_DONT_FOLLOW | IN_ATTRIB);
    printf("inotify_add_watch(IN_DONT_FOLLOW, a link): %s\n", wd2 > wd ? "a new watch" : errno_name(errno));
    CHECK(close(open("secret", O_CREAT | O_WRONLY, 0)) == 0);
    T("inotify_add_watch(unreadable)", syscall(SYS_inotify_add_watch, in, "secret", IN_MODIFY) > 0 ? 0 : -1);
    T("inotify_rm_watch", syscall(SYS_inotify_rm_watch, in, wd));
    show_events(in);
    T("inotify_rm_watch(again)", syscall(SYS_inotify_rm_watch, in, wd));
    T("inotify_rm_watch(-1)", syscall(SYS_inotify_rm_watch, in, -1));
    T("inotify_rm_watch(bad fd)", syscall(SYS_inotify_rm_watch, 999, wd2));
    T("inotify_rm_watch(a pipe)", syscall(SYS_inotify_rm_watch, p[0], wd2));
    T("inotify_rm_watch(O_PATH fd)", syscall(SYS_inotify_rm_watch, path, wd2));
    T("inotify_rm_watch(the link's)", syscall(SYS_inotify_rm_watch, in, wd2));
    close(in);
    unlink("link");
    unlink("file");
    unlink("secret");
    rmdir("watched");
}

int main(void) {
    setup_stdout();
    section("eventfd");
    section_eventfd();
    section("inotify");
    section_inotify();
    return 0;
}

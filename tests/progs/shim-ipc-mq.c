/*
 * shim-ipc-mq.c [UID]: POSIX message queues: mq_open, mq_unlink,
 * mq_timedsend, mq_timedreceive, mq_notify, mq_getsetattr, made with
 * syscall() (glibc's wrappers strip the leading slash and hide the raw
 * calls); their successes and their errors in the kernel's order, a
 * receive that blocks while another process sends, and (as root, with
 * UID: a user ID nobody uses) what another user may not do with a 0600
 * queue (tests/integration/shim-ipc.test).  The queues are named after
 * the process and removed before the program ends; the names are not
 * printed.  Uses the shim-fd helpers.
 */
#include "shim-fd.h"

#include <mqueue.h>

static int g_file, g_opath;
static char g_name[64];
static uid_t g_uid;

/* The descriptors that are not queues, or not open. */
#define NOT_QUEUES(what, call)                                             \
    do {                                                                   \
        long fd_;                                                          \
        const long fds_[] = {CLOSED_FD, -1, HUGE_FD, g_file, g_opath, 0};  \
        const char* names_[] = {"closed", "-1", "huge", "file", "O_PATH",  \
                                "stdin"};                                  \
        for (size_t i_ = 0; i_ < sizeof(fds_) / sizeof(fds_[0]); i_++) {   \
            char w_[128];                                                  \
            fd_ = fds_[i_];                                                \
            snprintf(w_, sizeof(w_), "%s(%s)", what, names_[i_]);          \
            print_rc(w_, (call));                                          \
        }                                                                  \
    } while (0)

static void show_attr(const char* what, int mqd) {
    struct mq_attr a;

    if (S(SYS_mq_getsetattr, mqd, NULL, &a) < 0) {
        printf("%s: -1 %s\n", what, errno_name(errno));
        return;
    }
    printf("%s: flags %#lx maxmsg %ld msgsize %ld curmsgs %ld\n", what, a.mq_flags, a.mq_maxmsg,
           a.mq_msgsize, a.mq_curmsgs);
}

static void mq_other(int unused) {
    (void)unused;
    print_rc("mq_open(0600 queue, O_RDONLY)", S(SYS_mq_open, g_name, O_RDONLY, 0, NULL));
    print_rc("mq_open(0600 queue, O_CREAT)", S(SYS_mq_open, g_name, O_CREAT | O_WRONLY, 0600, NULL));
    print_rc("mq_unlink(0600 queue)", S(SYS_mq_unlink, g_name));
}

static void as_other_user(const char* what, void (*fn)(int)) {
    pid_t pid;

    if (!g_uid)
        return;
    printf("-- as another user: %s\n", what);
    fflush(stdout);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        CHECK(S(SYS_setgroups, 0, NULL) == 0);
        CHECK(S(SYS_setresgid, g_uid, g_uid, g_uid) == 0);
        CHECK(S(SYS_setresuid, g_uid, g_uid, g_uid) == 0);
        fn(0);
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

static void sec_open(void) {
    struct mq_attr attr = {.mq_maxmsg = 2, .mq_msgsize = 16}, bad = {.mq_maxmsg = 0, .mq_msgsize = 16};
    char* longname = long_name(300);
    char* hugename = long_name(5000);
    long q;

    section("mq_open, mq_unlink");
    print_rc("mq_open((void*)1)", S(SYS_mq_open, BAD, O_RDONLY, 0, NULL));
    print_rc("mq_open(kernel address)", S(SYS_mq_open, KADDR, O_RDONLY, 0, NULL));
    print_rc("mq_open(\"\")", S(SYS_mq_open, "", O_RDONLY, 0, NULL));
    print_rc("mq_open(\"\", O_CREAT, (void*)1 attr)", S(SYS_mq_open, "", O_CREAT | O_RDWR, 0600, BAD));
    print_rc("mq_open(name, O_CREAT, half unmapped attr)",
             S(SYS_mq_open, g_name, O_CREAT | O_RDWR, 0600, g_edge - 8));
    print_rc("mq_open(300 bytes)", S(SYS_mq_open, longname, O_RDONLY, 0, NULL));
    print_rc("mq_open(5000 bytes)", S(SYS_mq_open, hugename, O_RDONLY, 0, NULL));
    print_rc("mq_open(\"a/b\")", S(SYS_mq_open, "a/b", O_RDONLY, 0, NULL));
    print_rc("mq_open(name, no O_CREAT)", S(SYS_mq_open, g_name, O_RDONLY, 0, NULL));
    print_rc("mq_open(name, O_CREAT, maxmsg 0)", S(SYS_mq_open, g_name, O_CREAT | O_RDWR, 0600, &bad));
    print_rc("mq_open(name, O_CREAT, O_ACCMODE)", S(SYS_mq_open, g_name, O_CREAT | O_ACCMODE, 0600, &attr));
    q = print_rc("mq_open(name, O_CREAT|O_EXCL|O_RDWR)",
                 S(SYS_mq_open, g_name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr));
    fdstate("  queue", (int)q);
    show_attr("  attributes", (int)q);
    print_rc("mq_open(name, O_CREAT|O_EXCL) again", S(SYS_mq_open, g_name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr));
    print_rc("close(queue)", S(SYS_close, q));
    q = print_rc("mq_open(name, O_WRONLY|O_NONBLOCK)", S(SYS_mq_open, g_name, O_WRONLY | O_NONBLOCK, 0, NULL));
    fdstate("  queue", (int)q);
    print_rc("read(queue)", S(SYS_read, q, g_ro, 1) < 0 ? -1 : 0);
    print_rc("bind(queue)", S(SYS_bind, q, BAD, 16));
    print_rc("close(queue)", S(SYS_close, q));
    as_other_user("a 0600 queue", mq_other);
    free(longname);
    free(hugename);
}

static void sec_transfer(void) {
    struct timespec past = {1, 0}, bad_ts = {0, 1000000000}, neg = {-1, 0};
    char buf[64];
    unsigned int prio;
    int w, r, rw;
    long n;
    pid_t pid;

    section("mq_timedsend, mq_timedreceive");
    w = (int)S(SYS_mq_open, g_name, O_WRONLY, 0, NULL);
    r = (int)S(SYS_mq_open, g_name, O_RDONLY, 0, NULL);
    rw = (int)S(SYS_mq_open, g_name, O_RDWR | O_NONBLOCK, 0, NULL);
    CHECK(w >= 0 && r >= 0 && rw >= 0);
    NOT_QUEUES("mq_timedsend", S(SYS_mq_timedsend, fd_, "x", 1, 0, NULL));
    NOT_QUEUES("mq_timedsend(prio 32768)", S(SYS_mq_timedsend, fd_, "x", 1, 32768, NULL));
    NOT_QUEUES("mq_timedsend((void*)1 timeout)", S(SYS_mq_timedsend, fd_, "x", 1, 0, BAD));
    NOT_QUEUES("mq_timedsend(invalid timeout)", S(SYS_mq_timedsend, fd_, "x", 1, 0, &bad_ts));
    NOT_QUEUES("mq_timedreceive", S(SYS_mq_timedreceive, fd_, buf, sizeof(buf), NULL, NULL));
    NOT_QUEUES("mq_timedreceive(negative timeout)", S(SYS_mq_timedreceive, fd_, buf, 1, NULL, &neg));
    print_rc("mq_timedsend(read-only)", S(SYS_mq_timedsend, r, "x", 1, 0, NULL));
    print_rc("mq_timedsend(w, prio 32768)", S(SYS_mq_timedsend, w, "x", 1, 32768, NULL));
    print_rc("mq_timedsend(w, prio -1)", S(SYS_mq_timedsend, w, "x", 1, -1, NULL));
    print_rc("mq_timedsend(w, (void*)1 timeout)", S(SYS_mq_timedsend, w, "x", 1, 0, BAD));
    print_rc("mq_timedsend(w, 17 bytes)", S(SYS_mq_timedsend, w, buf, 17, 0, NULL));
    print_rc("mq_timedsend(w, (void*)1)", S(SYS_mq_timedsend, w, BAD, 4, 0, NULL));
    print_rc("mq_timedsend(w, \"low\", 1)", S(SYS_mq_timedsend, w, "low", 3, 1, NULL));
    print_rc("mq_timedsend(w, \"high\", 9)", S(SYS_mq_timedsend, w, "high", 4, 9, &past));
    print_rc("mq_timedsend(full, nonblocking)", S(SYS_mq_timedsend, rw, "x", 1, 0, NULL));
    print_rc("mq_timedsend(full, timeout passed)", S(SYS_mq_timedsend, w, "x", 1, 0, &past));
    print_rc("mq_timedsend(full, invalid timeout)", S(SYS_mq_timedsend, w, "x", 1, 0, &bad_ts));
    show_attr("  attributes", rw);
    print_rc("mq_timedreceive(write-only)", S(SYS_mq_timedreceive, w, buf, sizeof(buf), NULL, NULL));
    print_rc("mq_timedreceive(r, 15 bytes)", S(SYS_mq_timedreceive, r, buf, 15, NULL, NULL));
    prio = 0;
    n = print_rc("mq_timedreceive(r)", S(SYS_mq_timedreceive, r, buf, sizeof(buf), &prio, NULL));
    show_bytes("  got", buf, n > 0 ? n : 0);
    printf("  prio %u\n", prio);
    print_rc("mq_timedreceive(r, (void*)1 prio)", S(SYS_mq_timedreceive, r, buf, sizeof(buf), BAD, NULL));
    print_rc("mq_timedreceive(empty, nonblocking)", S(SYS_mq_timedreceive, rw, buf, sizeof(buf), NULL, NULL));
    print_rc("mq_timedreceive(empty, timeout passed)", S(SYS_mq_timedreceive, r, buf, sizeof(buf), NULL, &past));
    print_rc("mq_timedsend(w, \"z\")", S(SYS_mq_timedsend, w, "z", 1, 0, NULL));
    print_rc("mq_timedreceive(r, (void*)1 buffer)", S(SYS_mq_timedreceive, r, BAD, sizeof(buf), NULL, NULL));
    show_attr("  attributes", rw);

    /* a receive the host blocks, until a child sends */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        usleep(100000);
        _exit(S(SYS_mq_timedsend, w, "late", 4, 3, NULL) == 0 ? 0 : 1);
    }
    n = print_rc("mq_timedreceive(r) until the child sends", S(SYS_mq_timedreceive, r, buf, sizeof(buf), &prio, NULL));
    show_bytes("  got", buf, n > 0 ? n : 0);
    wait_child(pid);
    S(SYS_close, w);
    S(SYS_close, r);
    S(SYS_close, rw);
}

static void sec_attr_notify(void) {
    struct sigevent ev;
    struct mq_attr a = {0}, old;
    int q;

    section("mq_notify, mq_getsetattr");
    q = (int)S(SYS_mq_open, g_name, O_RDWR, 0, NULL);
    CHECK(q >= 0);
    memset(&ev, 0, sizeof(ev));
    ev.sigev_notify = SIGEV_NONE;
    NOT_QUEUES("mq_notify", S(SYS_mq_notify, fd_, &ev));
    NOT_QUEUES("mq_notify(NULL)", S(SYS_mq_notify, fd_, NULL));
    NOT_QUEUES("mq_notify((void*)1)", S(SYS_mq_notify, fd_, BAD));
    NOT_QUEUES("mq_getsetattr", S(SYS_mq_getsetattr, fd_, NULL, &old));
    NOT_QUEUES("mq_getsetattr((void*)1 new)", S(SYS_mq_getsetattr, fd_, BAD, NULL));
    a.mq_flags = 1;
    NOT_QUEUES("mq_getsetattr(flags 1)", S(SYS_mq_getsetattr, fd_, &a, NULL));
    print_rc("mq_notify(q, half unmapped)", S(SYS_mq_notify, q, g_edge - 8));
    ev.sigev_notify = 99;
    print_rc("mq_notify(q, notify 99)", S(SYS_mq_notify, q, &ev));
    print_rc("mq_notify(closed, notify 99)", S(SYS_mq_notify, CLOSED_FD, &ev));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = 65;
    print_rc("mq_notify(q, signal 65)", S(SYS_mq_notify, q, &ev));
    ev.sigev_signo = -1;
    print_rc("mq_notify(closed, signal -1)", S(SYS_mq_notify, CLOSED_FD, &ev));
    ev.sigev_signo = 0;
    print_rc("mq_notify(closed, signal 0)", S(SYS_mq_notify, CLOSED_FD, &ev));
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_signo = CLOSED_FD;
    ev.sigev_value.sival_ptr = BAD;
    print_rc("mq_notify(q, SIGEV_THREAD, (void*)1 cookie)", S(SYS_mq_notify, q, &ev));
    ev.sigev_value.sival_ptr = g_ro;
    print_rc("mq_notify(q, SIGEV_THREAD, closed socket)", S(SYS_mq_notify, q, &ev));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    print_rc("mq_notify(q, SIGUSR1)", S(SYS_mq_notify, q, &ev));
    print_rc("mq_notify(q, SIGUSR1) again", S(SYS_mq_notify, q, &ev));
    print_rc("mq_notify(q, NULL)", S(SYS_mq_notify, q, NULL));
    print_rc("mq_notify(q, NULL) again", S(SYS_mq_notify, q, NULL));

    print_rc("mq_getsetattr(q, (void*)1 new)", S(SYS_mq_getsetattr, q, BAD, NULL));
    print_rc("mq_getsetattr(q, flags 1)", S(SYS_mq_getsetattr, q, &a, NULL));
    print_rc("mq_getsetattr(closed, flags 1)", S(SYS_mq_getsetattr, CLOSED_FD, &a, NULL));
    a.mq_flags = O_NONBLOCK;
    a.mq_maxmsg = 99;
    print_rc("mq_getsetattr(q, O_NONBLOCK, (void*)1 old)", S(SYS_mq_getsetattr, q, &a, BAD));
    show_attr("  attributes", q);
    a.mq_flags = 0;
    print_rc("mq_getsetattr(q, 0, &old)", S(SYS_mq_getsetattr, q, &a, &old));
    printf("  old flags %#lx maxmsg %ld\n", old.mq_flags, old.mq_maxmsg);
    print_rc("mq_getsetattr(q, NULL, NULL)", S(SYS_mq_getsetattr, q, NULL, NULL));
    fdstate("  queue", q);
    S(SYS_close, q);

    print_rc("mq_unlink((void*)1)", S(SYS_mq_unlink, BAD));
    print_rc("mq_unlink(\"\")", S(SYS_mq_unlink, ""));
    print_rc("mq_unlink(name)", S(SYS_mq_unlink, g_name));
    print_rc("mq_unlink(name) again", S(SYS_mq_unlink, g_name));
    list_open_fds("open fds");
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    if (argc > 1 && geteuid() == 0)
        g_uid = (uid_t)strtoul(argv[1], NULL, 10);
    snprintf(g_name, sizeof(g_name), "ptshim-test-%d", (int)getpid());
    make_file("file", "data\n");
    g_file = open("file", O_RDWR);
    g_opath = open(".", O_PATH);
    CHECK(g_file >= 0 && g_opath >= 0);
    if (S(SYS_mq_open, g_name, O_RDONLY, 0, NULL) < 0 && errno == ENOSYS) {
        printf("no POSIX message queues\n");
        return 0;
    }
    list_open_fds("open fds at start");
    sec_open();
    sec_transfer();
    sec_attr_notify();
    return 0;
}

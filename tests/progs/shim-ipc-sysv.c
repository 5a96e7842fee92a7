/*
 * shim-ipc-sysv.c [UID]: System V IPC: shmget, shmat, shmdt, shmctl,
 * semget, semop, semtimedop, semctl, msgget, msgsnd, msgrcv, msgctl;
 * their successes and their errors in the kernel's order, waits that
 * block while another process acts, and (as root, with UID: a user ID
 * nobody uses) what another user may not do with the objects
 * (tests/integration/shim-ipc.test).  Every object is private
 * (IPC_PRIVATE) and removed before the program ends; identifiers and
 * addresses are not printed, only relations.  Uses the shim-fd helpers.
 */
#include "shim-fd.h"

#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif

/* an identifier no object has: the highest index, sequence 0 */
#define NO_ID 0x7fff

static uid_t g_uid; /* the other user, 0 when none */

union semun {
    int val;
    struct semid_ds* buf;
    unsigned short* array;
};

/* Run FN as the other user, in a child. */
static void as_other_user(const char* what, void (*fn)(int), int arg) {
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
        fn(arg);
        fflush(stdout);
        _exit(0);
    }
    wait_child(pid);
}

static void shm_other(int id) {
    struct shmid_ds ds;

    print_rc("shmat(0600 segment)", S(SYS_shmat, id, NULL, 0));
    print_rc("shmat(0600 segment, SHM_RDONLY)", S(SYS_shmat, id, NULL, SHM_RDONLY));
    print_rc("shmctl(IPC_STAT)", S(SYS_shmctl, id, IPC_STAT, &ds));
    print_rc("shmctl(IPC_RMID)", S(SYS_shmctl, id, IPC_RMID, NULL));
    print_rc("shmctl(IPC_SET, (void*)1)", S(SYS_shmctl, id, IPC_SET, BAD));
    print_rc("shmctl(SHM_LOCK)", S(SYS_shmctl, id, SHM_LOCK, NULL));
    print_rc("shmctl(-1, IPC_RMID)", S(SYS_shmctl, -1, IPC_RMID, NULL));
}

static void sec_shm(void) {
    struct shmid_ds ds;
    struct shminfo info;
    char *p, *q, *hole;
    long id, id2;

    section("shm");
    print_rc("shmget(IPC_PRIVATE, 0)", S(SYS_shmget, IPC_PRIVATE, 0, IPC_CREAT | 0600));
    print_rc("shmget(IPC_PRIVATE, 1 << 62)", S(SYS_shmget, IPC_PRIVATE, 1UL << 62, IPC_CREAT | 0600));
    print_rc("shmget(no such key, 0, 0)", S(SYS_shmget, 0x5eed0000L + getpid(), 0, 0));
    id = S(SYS_shmget, IPC_PRIVATE, 8192, IPC_CREAT | 0600);
    CHECK(id >= 0);
    printf("shmget(IPC_PRIVATE, 8192): ok\n");

    print_rc("shmat(-1)", S(SYS_shmat, -1, NULL, 0));
    print_rc("shmat(-1, misaligned)", S(SYS_shmat, -1, (void*)0x1001, 0));
    print_rc("shmat(no such id)", S(SYS_shmat, NO_ID, NULL, 0));
    print_rc("shmat(no such id, misaligned)", S(SYS_shmat, NO_ID, (void*)0x1001, 0));
    print_rc("shmat(misaligned)", S(SYS_shmat, id, (void*)0x10001, 0));
    print_rc("shmat(NULL, SHM_REMAP)", S(SYS_shmat, id, NULL, SHM_REMAP));
    print_rc("shmat(1, SHM_RND|SHM_REMAP)", S(SYS_shmat, id, (void*)1, SHM_RND | SHM_REMAP));
    print_rc("shmat(no such id, NULL, SHM_REMAP)", S(SYS_shmat, NO_ID, NULL, SHM_REMAP));
    p = (char*)S(SYS_shmat, id, NULL, 0);
    CHECK(p != (char*)-1);
    printf("shmat(id, NULL, 0): ok\n");
    strcpy(p, "shared");
    /* a free place, then a misaligned address in it, rounded down */
    hole = mmap(NULL, 4 * (size_t)g_page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(hole != MAP_FAILED && munmap(hole, 4 * (size_t)g_page) == 0);
    q = (char*)S(SYS_shmat, id, hole + g_page + 5, SHM_RND);
    printf("shmat(hole + 5, SHM_RND): %s\n",
           q == hole + g_page ? "at the rounded address" : q == (char*)-1 ? errno_name(errno) : "elsewhere");
    if (q != (char*)-1) {
        printf("  sees \"%s\"\n", q);
        print_rc("shmat(over it, no SHM_REMAP)", S(SYS_shmat, id, q, 0));
        print_rc("shmdt(inside, misaligned)", S(SYS_shmdt, q + 1));
        print_rc("shmdt(second page)", S(SYS_shmdt, q + g_page));
        print_rc("shmdt(rounded address)", S(SYS_shmdt, q));
        print_rc("shmdt(again)", S(SYS_shmdt, q));
    }
    print_rc("shmdt(never attached)", S(SYS_shmdt, hole));
    print_rc("shmdt(NULL)", S(SYS_shmdt, NULL));

    print_rc("shmctl(-1, IPC_STAT)", S(SYS_shmctl, -1, IPC_STAT, &ds));
    print_rc("shmctl(id, -1)", S(SYS_shmctl, id, -1, &ds));
    print_rc("shmctl(id, 999)", S(SYS_shmctl, id, 999, &ds));
    print_rc("shmctl(id, IPC_STAT|IPC_64)", S(SYS_shmctl, id, IPC_STAT | 0x100, &ds));
    print_rc("shmctl(id, IPC_STAT)", S(SYS_shmctl, id, IPC_STAT, &ds));
    printf("  segsz %zu nattch %lu mode 0%o cpid is mine: %s\n", (size_t)ds.shm_segsz,
           (unsigned long)ds.shm_nattch, ds.shm_perm.mode & 0777, ds.shm_cpid == getpid() ? "yes" : "no");
    print_rc("shmctl(id, IPC_STAT, (void*)1)", S(SYS_shmctl, id, IPC_STAT, BAD));
    print_rc("shmctl(id, IPC_SET, (void*)1)", S(SYS_shmctl, id, IPC_SET, BAD));
    print_rc("shmctl(id, IPC_SET, half unmapped)", S(SYS_shmctl, id, IPC_SET, g_edge - 8));
    print_rc("shmctl(-1, IPC_SET, (void*)1)", S(SYS_shmctl, -1, IPC_SET, BAD));
    print_rc("shmctl(no such id, IPC_SET, (void*)1)", S(SYS_shmctl, NO_ID, IPC_SET, BAD));
    print_rc("shmctl(no such id, IPC_STAT, (void*)1)", S(SYS_shmctl, NO_ID, IPC_STAT, BAD));
    print_rc("shmctl(no such id, 999)", S(SYS_shmctl, NO_ID, 999, NULL));
    ds.shm_perm.mode = 0640;
    print_rc("shmctl(id, IPC_SET, mode 0640)", S(SYS_shmctl, id, IPC_SET, &ds));
    CHECK(S(SYS_shmctl, id, IPC_STAT, &ds) == 0);
    printf("  mode 0%o\n", ds.shm_perm.mode & 0777);
    printf("shmctl(0, IPC_INFO): %s\n", S(SYS_shmctl, 0, IPC_INFO, &info) >= 0 ? "ok" : errno_name(errno));
    print_rc("shmctl(0, IPC_INFO, (void*)1)", S(SYS_shmctl, 0, IPC_INFO, BAD));
    print_rc("shmctl(id, SHM_STAT)", S(SYS_shmctl, id, SHM_STAT, &ds) >= 0 ? 0 : -1);

    id2 = S(SYS_shmget, IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    CHECK(id2 >= 0);
    as_other_user("a 0600 segment", shm_other, (int)id2);
    print_rc("shmctl(id2, IPC_RMID)", S(SYS_shmctl, id2, IPC_RMID, NULL));
    print_rc("shmctl(id2, IPC_RMID) again", S(SYS_shmctl, id2, IPC_RMID, NULL));

    /* removed while attached: it stays until the last detach */
    print_rc("shmctl(id, IPC_RMID) while attached", S(SYS_shmctl, id, IPC_RMID, NULL));
    printf("  still sees \"%s\"\n", p);
    print_rc("shmdt(p)", S(SYS_shmdt, p));
    print_rc("shmat(removed)", S(SYS_shmat, id, NULL, 0));
}

static void sem_other(int id) {
    struct sembuf op = {0, 1, IPC_NOWAIT};
    struct semid_ds ds;

    print_rc("semop(+1)", S(SYS_semop, id, &op, 1));
    print_rc("semctl(GETVAL)", S(SYS_semctl, id, 0, GETVAL, 0));
    print_rc("semctl(SETVAL)", S(SYS_semctl, id, 0, SETVAL, 1));
    print_rc("semctl(IPC_STAT)", S(SYS_semctl, id, 0, IPC_STAT, &ds));
    print_rc("semctl(IPC_RMID)", S(SYS_semctl, id, 0, IPC_RMID, 0));
    print_rc("semget(IPC_PRIVATE, -1)", S(SYS_semget, IPC_PRIVATE, -1, 0600));
}

static void sec_sem(void) {
    struct sembuf op = {0, 1, 0}, ops[2] = {{0, -1, 0}, {1, 1, 0}};
    struct timespec ms = {0, 1000000}, bad_ts = {0, 1000000000}, neg_ts = {-1, 0};
    unsigned short vals[2] = {7, 9};
    struct semid_ds ds;
    long id, id2;
    pid_t pid;

    section("sem");
    print_rc("semget(IPC_PRIVATE, -1)", S(SYS_semget, IPC_PRIVATE, -1, IPC_CREAT | 0600));
    print_rc("semget(IPC_PRIVATE, 1 << 30)", S(SYS_semget, IPC_PRIVATE, 1 << 30, IPC_CREAT | 0600));
    print_rc("semget(no such key, 1, 0)", S(SYS_semget, 0x5eed0000L + getpid(), 1, 0));
    id = S(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | 0600);
    CHECK(id >= 0);
    printf("semget(IPC_PRIVATE, 2): ok\n");

    print_rc("semop(id, ops, 0)", S(SYS_semop, id, &op, 0));
    print_rc("semop(id, (void*)1, 0)", S(SYS_semop, id, BAD, 0));
    print_rc("semop(-1, ops, 1)", S(SYS_semop, -1, &op, 1));
    print_rc("semop(-1, (void*)1, 1)", S(SYS_semop, -1, BAD, 1));
    print_rc("semop(-1, ops, 0)", S(SYS_semop, -1, &op, 0));
    print_rc("semop(id, (void*)1, 1)", S(SYS_semop, id, BAD, 1));
    print_rc("semop(id, half unmapped, 2)", S(SYS_semop, id, g_edge - 6, 2));
    print_rc("semop(id, ops, 100000)", S(SYS_semop, id, &op, 100000));
    print_rc("semop(-1, (void*)1, 100000)", S(SYS_semop, -1, BAD, 100000));
    print_rc("semop(id, ops, -1)", S(SYS_semop, id, &op, -1));
    print_rc("semop(no such id)", S(SYS_semop, NO_ID, &op, 1));
    op.sem_num = 5;
    print_rc("semop(id, sem 5)", S(SYS_semop, id, &op, 1));
    op.sem_num = 0;
    print_rc("semop(id, +1)", S(SYS_semop, id, &op, 1));
    op.sem_op = -2;
    op.sem_flg = IPC_NOWAIT;
    print_rc("semop(id, -2, IPC_NOWAIT)", S(SYS_semop, id, &op, 1));
    print_rc("semop(id, -1 and +1 on sem 1)", S(SYS_semop, id, ops, 2));
    print_rc("semtimedop(id, ops, 1, (void*)1)", S(SYS_semtimedop, id, &op, 1, BAD));
    print_rc("semtimedop(-1, ops, 0, (void*)1)", S(SYS_semtimedop, -1, &op, 0, BAD));
    print_rc("semtimedop(id, ops, 0, invalid)", S(SYS_semtimedop, id, &op, 0, &bad_ts));
    print_rc("semtimedop(-1, ops, 1, invalid)", S(SYS_semtimedop, -1, &op, 1, &bad_ts));
    print_rc("semtimedop(id, (void*)1, 1, invalid)", S(SYS_semtimedop, id, BAD, 1, &bad_ts));
    op.sem_flg = 0;
    print_rc("semtimedop(id, -2, invalid)", S(SYS_semtimedop, id, &op, 1, &bad_ts));
    print_rc("semtimedop(id, -2, negative)", S(SYS_semtimedop, id, &op, 1, &neg_ts));
    print_rc("semtimedop(id, -2, 1 ms)", S(SYS_semtimedop, id, &op, 1, &ms));
    print_rc("semtimedop(id, ops, 1, NULL) nothing to wait for", S(SYS_semtimedop, id, ops + 1, 1, NULL));

    print_rc("semctl(-1, 0, GETVAL)", S(SYS_semctl, -1, 0, GETVAL, 0));
    print_rc("semctl(id, 0, 999)", S(SYS_semctl, id, 0, 999, 0));
    print_rc("semctl(id, 0, -1)", S(SYS_semctl, id, 0, -1, 0));
    print_rc("semctl(id, 0, GETVAL)", S(SYS_semctl, id, 0, GETVAL, 0));
    print_rc("semctl(id, 1, GETVAL)", S(SYS_semctl, id, 1, GETVAL, 0));
    print_rc("semctl(id, 9, GETVAL)", S(SYS_semctl, id, 9, GETVAL, 0));
    print_rc("semctl(id, -1, GETVAL)", S(SYS_semctl, id, -1, GETVAL, 0));
    print_rc("semctl(id, 0, SETVAL, 5)", S(SYS_semctl, id, 0, SETVAL, 5));
    print_rc("semctl(id, 0, SETVAL, -1)", S(SYS_semctl, id, 0, SETVAL, -1));
    print_rc("semctl(id, 0, SETVAL, 40000)", S(SYS_semctl, id, 0, SETVAL, 40000));
    print_rc("semctl(id, 0, SETVAL, 1 << 32 | 3)", S(SYS_semctl, id, 0, SETVAL, (1UL << 32) | 3));
    print_rc("semctl(id, 0, GETVAL)", S(SYS_semctl, id, 0, GETVAL, 0));
    printf("semctl(id, 0, GETPID) is mine: %s\n", S(SYS_semctl, id, 0, GETPID, 0) == getpid() ? "yes" : "no");
    print_rc("semctl(id, 0, GETNCNT)", S(SYS_semctl, id, 0, GETNCNT, 0));
    print_rc("semctl(id, 0, GETZCNT)", S(SYS_semctl, id, 0, GETZCNT, 0));
    print_rc("semctl(id, 0, SETALL)", S(SYS_semctl, id, 0, SETALL, vals));
    print_rc("semctl(id, 0, SETALL, (void*)1)", S(SYS_semctl, id, 0, SETALL, BAD));
    vals[0] = vals[1] = 0;
    print_rc("semctl(id, 0, GETALL)", S(SYS_semctl, id, 0, GETALL, vals));
    printf("  %u %u\n", vals[0], vals[1]);
    print_rc("semctl(id, 0, GETALL, (void*)1)", S(SYS_semctl, id, 0, GETALL, BAD));
    print_rc("semctl(id, 0, IPC_STAT)", S(SYS_semctl, id, 0, IPC_STAT, &ds));
    printf("  nsems %lu mode 0%o\n", (unsigned long)ds.sem_nsems, ds.sem_perm.mode & 0777);
    print_rc("semctl(id, 0, IPC_STAT, (void*)1)", S(SYS_semctl, id, 0, IPC_STAT, BAD));
    print_rc("semctl(id, 0, IPC_SET, (void*)1)", S(SYS_semctl, id, 0, IPC_SET, BAD));
    print_rc("semctl(-1, 0, IPC_SET, (void*)1)", S(SYS_semctl, -1, 0, IPC_SET, BAD));
    print_rc("semctl(no such id, 0, IPC_SET, (void*)1)", S(SYS_semctl, NO_ID, 0, IPC_SET, BAD));
    print_rc("semctl(no such id, 0, GETVAL)", S(SYS_semctl, NO_ID, 0, GETVAL, 0));
    ds.sem_perm.mode = 0644;
    print_rc("semctl(id, 0, IPC_SET, mode 0644)", S(SYS_semctl, id, 0, IPC_SET, &ds));
    print_rc("semctl(0, 0, SEM_INFO, (void*)1)", S(SYS_semctl, 0, 0, SEM_INFO, BAD));

    /* a wait the host blocks, until a child posts */
    CHECK(S(SYS_semctl, id, 0, SETVAL, 0) == 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        struct sembuf post = {0, 1, 0};

        usleep(100000);
        _exit(S(SYS_semop, id, &post, 1) == 0 ? 0 : 1);
    }
    op.sem_op = -1;
    print_rc("semop(id, -1) until the child posts", S(SYS_semop, id, &op, 1));
    wait_child(pid);

    id2 = S(SYS_semget, IPC_PRIVATE, 1, IPC_CREAT | 0600);
    CHECK(id2 >= 0);
    as_other_user("a 0600 semaphore set", sem_other, (int)id2);
    print_rc("semctl(id2, 0, IPC_RMID)", S(SYS_semctl, id2, 0, IPC_RMID, 0));
    print_rc("semctl(id, 0, IPC_RMID)", S(SYS_semctl, id, 0, IPC_RMID, 0));
    print_rc("semop(removed)", S(SYS_semop, id, &op, 1));
    print_rc("semctl(removed, 0, IPC_RMID)", S(SYS_semctl, id, 0, IPC_RMID, 0));
}

struct msg {
    long mtype;
    char mtext[32];
};

static void msg_other(int id) {
    struct msg m = {1, "x"};
    struct msqid_ds ds;

    print_rc("msgsnd", S(SYS_msgsnd, id, &m, 1, IPC_NOWAIT));
    print_rc("msgrcv", S(SYS_msgrcv, id, &m, sizeof(m.mtext), 0, IPC_NOWAIT));
    print_rc("msgctl(IPC_STAT)", S(SYS_msgctl, id, IPC_STAT, &ds));
    print_rc("msgctl(IPC_RMID)", S(SYS_msgctl, id, IPC_RMID, NULL));
}

static void sec_msg(void) {
    struct msg m = {1, "hello"}, r;
    struct msqid_ds ds;
    long id, id2, n;
    pid_t pid;

    section("msg");
    print_rc("msgget(no such key, 0)", S(SYS_msgget, 0x5eed0000L + getpid(), 0));
    id = S(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK(id >= 0);
    printf("msgget(IPC_PRIVATE): ok\n");

    print_rc("msgsnd(id, (void*)1)", S(SYS_msgsnd, id, BAD, 4, 0));
    print_rc("msgsnd(-1, (void*)1)", S(SYS_msgsnd, -1, BAD, 4, 0));
    print_rc("msgsnd(-1, &m)", S(SYS_msgsnd, -1, &m, 4, 0));
    print_rc("msgsnd(id, &m, -1)", S(SYS_msgsnd, id, &m, -1L, 0));
    print_rc("msgsnd(id, &m, 1 << 20)", S(SYS_msgsnd, id, &m, 1L << 20, 0));
    m.mtype = 0;
    print_rc("msgsnd(id, type 0)", S(SYS_msgsnd, id, &m, 4, 0));
    print_rc("msgsnd(no such id, type 0)", S(SYS_msgsnd, NO_ID, &m, 4, 0));
    m.mtype = -3;
    print_rc("msgsnd(id, type -3, 1 << 20)", S(SYS_msgsnd, id, &m, 1L << 20, 0));
    m.mtype = 1;
    print_rc("msgsnd(no such id)", S(SYS_msgsnd, NO_ID, &m, 4, 0));
    print_rc("msgsnd(id, text half unmapped)", S(SYS_msgsnd, id, g_edge - 16, 100, IPC_NOWAIT));
    print_rc("msgsnd(id, type 1, \"hello\")", S(SYS_msgsnd, id, &m, 5, 0));
    m.mtype = 2;
    strcpy(m.mtext, "x");
    print_rc("msgsnd(id, type 2, \"x\")", S(SYS_msgsnd, id, &m, 1, 0));
    m.mtype = 3;
    print_rc("msgsnd(id, type 3, \"x\")", S(SYS_msgsnd, id, &m, 1, 0));

    print_rc("msgrcv(-1)", S(SYS_msgrcv, -1, &r, 16, 0, 0));
    print_rc("msgrcv(id, size -1)", S(SYS_msgrcv, id, &r, -1L, 0, 0));
    print_rc("msgrcv(-1, (void*)1, -1)", S(SYS_msgrcv, -1, BAD, -1L, 0, 0));
    print_rc("msgrcv(no such id)", S(SYS_msgrcv, NO_ID, &r, 16, 0, IPC_NOWAIT));
    n = print_rc("msgrcv(id, type 2)", S(SYS_msgrcv, id, &r, 16, 2, 0));
    show_bytes("  got", r.mtext, n > 0 ? n : 0);
    print_rc("msgrcv(id, size 2, any)", S(SYS_msgrcv, id, &r, 2, 0, 0));
    n = print_rc("msgrcv(id, size 2, MSG_NOERROR)", S(SYS_msgrcv, id, &r, 2, 0, MSG_NOERROR));
    show_bytes("  got", r.mtext, n > 0 ? n : 0);
    print_rc("msgrcv(id, MSG_COPY without IPC_NOWAIT)", S(SYS_msgrcv, id, &r, 16, 0, MSG_COPY));
    print_rc("msgrcv(id, MSG_COPY|MSG_EXCEPT|IPC_NOWAIT)",
             S(SYS_msgrcv, id, &r, 16, 0, MSG_COPY | MSG_EXCEPT | IPC_NOWAIT));
    n = print_rc("msgrcv(id, MSG_COPY|IPC_NOWAIT, 0)", S(SYS_msgrcv, id, &r, 16, 0, MSG_COPY | IPC_NOWAIT));
    print_rc("msgrcv(id, (void*)1, any)", S(SYS_msgrcv, id, BAD, 16, 0, IPC_NOWAIT));
    print_rc("msgrcv(id, empty, IPC_NOWAIT)", S(SYS_msgrcv, id, &r, 16, 0, IPC_NOWAIT));
    print_rc("msgrcv(id, empty, MSG_EXCEPT|IPC_NOWAIT)", S(SYS_msgrcv, id, &r, 16, 1, MSG_EXCEPT | IPC_NOWAIT));

    print_rc("msgctl(-1, IPC_STAT)", S(SYS_msgctl, -1, IPC_STAT, &ds));
    print_rc("msgctl(id, -1)", S(SYS_msgctl, id, -1, &ds));
    print_rc("msgctl(id, 999)", S(SYS_msgctl, id, 999, &ds));
    print_rc("msgctl(id, IPC_STAT)", S(SYS_msgctl, id, IPC_STAT, &ds));
    printf("  qnum %lu mode 0%o lspid is mine: %s\n", (unsigned long)ds.msg_qnum,
           ds.msg_perm.mode & 0777, ds.msg_lspid == getpid() ? "yes" : "no");
    print_rc("msgctl(id, IPC_STAT, (void*)1)", S(SYS_msgctl, id, IPC_STAT, BAD));
    print_rc("msgctl(id, IPC_SET, (void*)1)", S(SYS_msgctl, id, IPC_SET, BAD));
    print_rc("msgctl(-1, IPC_SET, (void*)1)", S(SYS_msgctl, -1, IPC_SET, BAD));
    print_rc("msgctl(no such id, IPC_SET, (void*)1)", S(SYS_msgctl, NO_ID, IPC_SET, BAD));
    print_rc("msgctl(no such id, IPC_STAT)", S(SYS_msgctl, NO_ID, IPC_STAT, &ds));
    ds.msg_perm.mode = 0620;
    print_rc("msgctl(id, IPC_SET, mode 0620)", S(SYS_msgctl, id, IPC_SET, &ds));
    print_rc("msgctl(0, MSG_INFO, (void*)1)", S(SYS_msgctl, 0, MSG_INFO, BAD));

    /* a receive the host blocks, until a child sends */
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        struct msg c = {7, "late"};

        usleep(100000);
        _exit(S(SYS_msgsnd, id, &c, 4, 0) == 0 ? 0 : 1);
    }
    n = print_rc("msgrcv(id, type 7) until the child sends", S(SYS_msgrcv, id, &r, 16, 7, 0));
    show_bytes("  got", r.mtext, n > 0 ? n : 0);
    wait_child(pid);

    id2 = S(SYS_msgget, IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK(id2 >= 0);
    as_other_user("a 0600 queue", msg_other, (int)id2);
    print_rc("msgctl(id2, IPC_RMID)", S(SYS_msgctl, id2, IPC_RMID, NULL));
    print_rc("msgctl(id, IPC_RMID)", S(SYS_msgctl, id, IPC_RMID, NULL));
    print_rc("msgsnd(removed)", S(SYS_msgsnd, id, &m, 1, 0));
}

int main(int argc, char** argv) {
    shim_fd_setup(argv[0]);
    if (argc > 1 && geteuid() == 0)
        g_uid = (uid_t)strtoul(argv[1], NULL, 10);
    sec_shm();
    sec_sem();
    sec_msg();
    return 0;
}

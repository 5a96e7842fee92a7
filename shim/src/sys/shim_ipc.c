/*
 * shim_ipc.c
 *
 * Implementation of system calls "shmget", "shmat", "shmdt", "shmctl",
 * "semget", "semop", "semtimedop", "semctl", "msgget", "msgsnd",
 * "msgrcv" and "msgctl" (System V IPC).
 *
 * The host owns the objects: they live in its IPC namespace, shared with
 * processes ptshim does not trace, and their identifiers, permissions,
 * contents and waiters are its.  The shim makes, in the kernel's order,
 * the checks that need none of that: negative identifiers and lengths,
 * unknown commands, misaligned addresses, the structures and timeouts the
 * kernel copies in before it looks an object up.  Then the call runs on
 * the host, inside the thread (a semop or msgrcv that waits blocks that
 * thread alone).  The checks against the namespace's limits (SEMMSL,
 * SEMOPM, MSGMAX, SHMMAX: sysctls the administrator sets) are the host's.
 * shmat and shmdt change the program's mappings: the PAL sees them at
 * their entry, as it sees mmap, for its stack traces.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <time.h>

#include "shim_table.h"

#define PAGE_SIZE 4096UL
/* x86-64's SHMLBA */
#define SHIM_SHMLBA PAGE_SIZE

/* Commands the kernel knows and glibc may not name */
#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif
#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY 20
#endif
#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY 13
#endif

/* The kernel's struct shmid64_ds, semid64_ds and msqid64_ds, which IPC_SET
 * copies whole before the object is looked up: on x86-64, glibc's
 * structures have their size. */
_Static_assert(sizeof(struct shmid_ds) == 112, "struct shmid64_ds");
_Static_assert(sizeof(struct semid_ds) == 104, "struct semid64_ds");
_Static_assert(sizeof(struct msqid_ds) == 120, "struct msqid64_ds");

/* IPC_SET's copy of the new settings, the kernel's first use of BUF: 0 or
 * -EFAULT. */
static int copy_ipc_set(uptr buf, size_t size) {
    char tmp[128];

    return copy_from_user(tmp, buf, size);
}

/* ---- shared memory ------------------------------------------------ */

long shim_do_shmget(unsigned long key, size_t size, unsigned int shmflg) {
    (void)shmflg;
    /* a new segment (newseg()) of no bytes; any other size is judged
     * against the host's limits, and a key's segment is the host's */
    if (key == IPC_PRIVATE && size == 0)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_shmat(int shmid, uptr shmaddr, unsigned int shmflg) {
    /* do_shmat(), before the segment is looked up */
    if (shmid < 0)
        return -EINVAL;
    if (shmaddr) {
        if (shmaddr & (SHIM_SHMLBA - 1)) {
            if (!(shmflg & SHM_RND))
                return -EINVAL;
            shmaddr &= ~(SHIM_SHMLBA - 1);
            if (!shmaddr && (shmflg & SHM_REMAP))
                return -EINVAL;
        }
    } else if (shmflg & SHM_REMAP) {
        return -EINVAL;
    }
    return shim_pass_to_host();
}

long shim_do_shmdt(uptr shmaddr) {
    if (shmaddr & (PAGE_SIZE - 1))
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_shmctl(int shmid, int cmd, uptr buf) {
    int ret;

    /* ksys_shmctl(); x86-64 passes no IPC_64 bit: a command with it is
     * unknown */
    if (cmd < 0 || shmid < 0)
        return -EINVAL;
    switch (cmd) {
    case IPC_SET:
        ret = copy_ipc_set(buf, sizeof(struct shmid_ds));
        if (ret < 0)
            return ret;
        break;
    case IPC_INFO:
    case SHM_INFO:
    case SHM_STAT:
    case SHM_STAT_ANY:
    case IPC_STAT:
    case IPC_RMID:
    case SHM_LOCK:
    case SHM_UNLOCK:
        break;
    default:
        return -EINVAL;
    }
    return shim_pass_to_host();
}

/* ---- semaphores --------------------------------------------------- */

long shim_do_semget(unsigned long key, int nsems, unsigned int semflg) {
    (void)key;
    (void)semflg;
    /* the upper bound is the host's SEMMSL */
    if (nsems < 0)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_semtimedop(int semid, uptr tsops, unsigned int nsops, uptr timeout) {
    struct timespec ts;

    (void)tsops;
    /* the timeout is copied first; then the count is held against the
     * host's SEMOPM (E2BIG), which no count of 0 exceeds: EINVAL */
    if (timeout && copy_from_user(&ts, timeout, sizeof(ts)) < 0)
        return -EFAULT;
    if (nsops == 0)
        return -EINVAL;
    (void)semid;
    return shim_pass_to_host();
}

long shim_do_semop(int semid, uptr tsops, unsigned int nsops) {
    return shim_do_semtimedop(semid, tsops, nsops, 0);
}

long shim_do_semctl(int semid, int semnum, int cmd, unsigned long arg) {
    int ret;

    (void)semnum;
    /* ksys_semctl() */
    if (semid < 0)
        return -EINVAL;
    switch (cmd) {
    case IPC_SET:
        ret = copy_ipc_set(arg, sizeof(struct semid_ds));
        if (ret < 0)
            return ret;
        break;
    case IPC_INFO:
    case SEM_INFO:
    case IPC_STAT:
    case SEM_STAT:
    case SEM_STAT_ANY:
    case GETALL:
    case GETVAL:
    case GETPID:
    case GETNCNT:
    case GETZCNT:
    case SETALL:
    case SETVAL:
    case IPC_RMID:
        break;
    default:
        return -EINVAL;
    }
    return shim_pass_to_host();
}

/* ---- message queues ----------------------------------------------- */

long shim_do_msgget(unsigned long key, unsigned int msgflg) {
    /* nothing to check but against the host's queues and limits */
    (void)key;
    (void)msgflg;
    return shim_pass_to_host();
}

long shim_do_msgsnd(int msqid, uptr msgp, size_t msgsz, unsigned int msgflg) {
    long mtype;

    (void)msgflg;
    /* ksys_msgsnd() reads the type first; do_msgsnd() refuses these with
     * the EINVAL of a size above the host's MSGMAX */
    if (copy_from_user(&mtype, msgp, sizeof(mtype)) < 0)
        return -EFAULT;
    if ((long)msgsz < 0 || msqid < 0 || mtype < 1)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_msgrcv(int msqid, uptr msgp, size_t msgsz, long msgtyp, unsigned int msgflg) {
    (void)msgp;
    (void)msgtyp;
    (void)msgflg;
    /* do_msgrcv() */
    if (msqid < 0 || (long)msgsz < 0)
        return -EINVAL;
    return shim_pass_to_host();
}

long shim_do_msgctl(int msqid, int cmd, uptr buf) {
    int ret;

    /* ksys_msgctl() */
    if (msqid < 0 || cmd < 0)
        return -EINVAL;
    switch (cmd) {
    case IPC_SET:
        ret = copy_ipc_set(buf, sizeof(struct msqid_ds));
        if (ret < 0)
            return ret;
        break;
    case IPC_INFO:
    case MSG_INFO:
    case MSG_STAT:
    case MSG_STAT_ANY:
    case IPC_STAT:
    case IPC_RMID:
        break;
    default:
        return -EINVAL;
    }
    return shim_pass_to_host();
}

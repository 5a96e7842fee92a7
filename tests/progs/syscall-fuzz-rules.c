/*
 * syscall-fuzz-rules.c: what the table cannot say.
 *
 * 1. The calls never made, each with its reason: only those that would
 *    harm the machine or make the run meaningless.
 * 2. Narrower pools for arguments where a random value would do harm or
 *    never end: a timeout that is infinite, a signal to another process,
 *    a length that would unmap the program's own memory.  Each rule says
 *    why; everything else is drawn at random from the table's types.
 * 3. The normalisation of results that legitimately differ between two
 *    runs (pids, times, addresses the kernel chose).
 *
 * The program runs as a batch of calls in a forked child (syscall-fuzz.c):
 * a call that changes the process (its mask, limits, memory, identity)
 * is fine, and wanted; one that kills it ends the batch, which the output
 * records.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>

#include "syscall-fuzz.h"

bool g_own_uts, g_own_ipc, g_own_net;

struct exclusion {
    int nr;
    const char* why;
    const bool* unless; /* fuzzed after all when this is true */
};

#define EX(name, why) {PTSHIM_NR_##name, why, NULL}
#define EX_UNLESS(name, flag, why) {PTSHIM_NR_##name, why, &(flag)}

static const struct exclusion g_exclusions[] = {
    /* the machine */
    EX(reboot, "restarts or halts the machine"),
    EX(kexec_load, "replaces the running kernel"),
    EX(kexec_file_load, "replaces the running kernel"),
    EX(init_module, "loads code into the kernel"),
    EX(finit_module, "loads code into the kernel"),
    EX(delete_module, "unloads kernel modules"),
    EX(bpf, "as root, loads and attaches programs in the kernel"),
    EX(perf_event_open, "as root, monitors every process and instruments the kernel "
                        "(kprobes, breakpoints) from garbage attributes"),
    EX(swapon, "changes the machine's swap"),
    EX(swapoff, "changes the machine's swap"),
    EX(settimeofday, "sets the machine's clock"),
    EX(clock_settime, "sets the machine's clock"),
    EX(adjtimex, "sets the machine's clock (a garbage struct timex has mode bits)"),
    EX(clock_adjtime, "sets the machine's clock (a garbage struct timex has mode bits)"),
    EX(syslog, "clears or silences the kernel log, and its read blocks"),
    EX(acct, "turns on accounting of every process on the machine"),
    EX(quotactl, "changes a file system's quotas"),
    EX(quotactl_fd, "changes a file system's quotas"),
    EX(vhangup, "hangs up the controlling terminal: the test's own"),
    EX(sync, "writes back the whole machine's dirty data: its time is other "
             "processes', which the watchdog would take for a hang"),
    EX(fanotify_init, "as root, permission events on a whole file system block every "
                      "process's opens until the program answers"),
    EX(fanotify_mark, "as root, permission events on a whole file system block every "
                      "process's opens until the program answers"),
    EX(open_by_handle_at, "as root, opens any file of the machine from a garbage handle"),
    EX(add_key, "the keyrings outlive the program and are shared with the user's other "
                "processes"),
    EX(request_key, "the keyrings outlive the program; it starts /sbin/request-key"),
    EX(keyctl, "the keyrings outlive the program and are shared with the user's other "
               "processes"),
    /* mounts: the machine's file systems */
    EX(mount, "changes the machine's mounts"),
    EX(umount2, "changes the machine's mounts"),
    EX(pivot_root, "changes the root of every process in the mount namespace"),
    EX(move_mount, "changes the machine's mounts"),
    EX(open_tree, "the mount API (clones of the machine's mounts)"),
    EX(open_tree_attr, "the mount API (clones of the machine's mounts)"),
    EX(fsopen, "the mount API"),
    EX(fsconfig, "the mount API"),
    EX(fsmount, "the mount API"),
    EX(fspick, "the mount API (reconfigures a mounted file system)"),
    EX(mount_setattr, "changes the machine's mounts (read-only, noexec...)"),
    /* other processes */
    EX(ptrace, "attaches to other processes; under ptshim the program is traced "
               "already, a difference by design"),
    /* the program itself: the batch could not go on */
    EX(exit, "ends the batch"),
    EX(exit_group, "ends the batch"),
    EX(execve, "replaces the program"),
    EX(execveat, "replaces the program"),
    EX(fork, "a second copy of the batch (and a fork bomb)"),
    EX(vfork, "a second copy of the batch, sharing its memory"),
    EX(clone, "a second copy of the batch (and a fork bomb)"),
    EX(clone3, "a second copy of the batch (and a fork bomb)"),
    EX(rt_sigreturn, "with a garbage frame it jumps anywhere"),
    EX(uretprobe, "outside a uretprobe trampoline it kills the caller (SIGILL): it would "
                  "end half the batches"),
    EX(seccomp, "strict mode kills at calls the native run answers ENOSYS itself (-E, -I), "
                "and a filter skews the rest of its batch; fault-seccomp.test and "
                "shim-seccomp.test test the program's own filters"),
    EX(pause, "blocks until a signal, which nothing sends"),
    EX(rt_sigsuspend, "blocks until a signal, which nothing sends"),
    /* system-wide objects, fuzzed in namespaces of the program's own */
    EX_UNLESS(sethostname, g_own_uts, "renames the machine (fuzzed in a UTS namespace of its own)"),
    EX_UNLESS(setdomainname, g_own_uts,
              "renames the machine's domain (fuzzed in a UTS namespace of its own)"),
    EX_UNLESS(shmget, g_own_ipc, "System V objects outlive the program and, as root, "
                                 "reach other users' (fuzzed in an IPC namespace of its own)"),
    EX_UNLESS(shmat, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(shmctl, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(semget, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(semop, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(semctl, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(semtimedop, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(msgget, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(msgsnd, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(msgrcv, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(msgctl, g_own_ipc, "System V IPC (see shmget)"),
    EX_UNLESS(mq_open, g_own_ipc, "POSIX message queues outlive the program (fuzzed in an IPC "
                                  "namespace of its own)"),
    EX_UNLESS(mq_unlink, g_own_ipc, "POSIX message queues (see mq_open)"),
};

const char* rule_excluded(uint64_t nr) {
    for (unsigned i = 0; i < sizeof(g_exclusions) / sizeof(g_exclusions[0]); i++)
        if ((uint64_t)g_exclusions[i].nr == nr)
            return g_exclusions[i].unless && *g_exclusions[i].unless ? NULL : g_exclusions[i].why;
    return NULL;
}

static enum fuzz_kind kind_of(const struct sd_arg* a) {
    switch (a->type) {
    case SD_T_INT:
    case SD_T_UINT:
    case SD_T_LONG:
    case SD_T_ULONG:
    case SD_T_HIDDEN:
        return K_INT;
    case SD_T_HEX: return K_HEX;
    case SD_T_SIZE: return K_SIZE;
    case SD_T_OFF: return K_OFF;
    case SD_T_FD: return K_FD;
    case SD_T_DIRFD: return K_DIRFD;
    case SD_T_PATH: return K_PATH;
    case SD_T_STR: return K_STR;
    case SD_T_IBUF:
    case SD_T_IXATTR:
        return K_IBUF;
    case SD_T_OBUF:
    case SD_T_OPATH:
    case SD_T_OXATTR:
        return K_OBUF;
    case SD_T_MODE: return K_MODE;
    case SD_T_SIGNO: return K_SIGNO;
    case SD_T_PID: return K_PID;
    case SD_T_UID: return K_UID;
    case SD_T_GID: return K_GID;
    case SD_T_FLAGS: return K_FLAGS;
    case SD_T_ENUM: return K_ENUM;
    case SD_T_STRUCT: return (a->dir & SD_DIR_IN) ? K_IN : K_OUT;
    case SD_T_PTR:
    case SD_T_STRV:
    default:
        return K_PTR;
    }
}

void rule_kinds(uint64_t nr, const struct sysent* e, enum fuzz_kind k[6]) {
    for (unsigned i = 0; i < 6; i++)
        k[i] = e && i < e->nargs ? kind_of(&e->args[i]) : K_INT;
    if (!e)
        return;
    switch (nr) {
    /* The memory calls change only MEM (and the reserve after it): the
     * program's text, stack, heap and the arena's other pages survive. */
    case PTSHIM_NR_mmap:
        k[0] = K_MEMADDR;
        k[1] = K_MEMLEN;
        k[5] = K_OFF;
        break;
    case PTSHIM_NR_mprotect:
    case PTSHIM_NR_pkey_mprotect:
    case PTSHIM_NR_munmap:
    case PTSHIM_NR_msync:
    case PTSHIM_NR_mincore:
    case PTSHIM_NR_madvise:
    case PTSHIM_NR_mlock:
    case PTSHIM_NR_munlock:
    case PTSHIM_NR_mlock2:
    case PTSHIM_NR_remap_file_pages:
    case PTSHIM_NR_mbind:
    case PTSHIM_NR_mseal:
    case PTSHIM_NR_set_mempolicy_home_node:
    case PTSHIM_NR_map_shadow_stack:
        k[0] = K_MEMADDR;
        k[1] = K_MEMLEN;
        break;
    case PTSHIM_NR_mremap:
        k[0] = K_MEMADDR;
        k[1] = K_MEMLEN;
        k[2] = K_MEMLEN;
        k[4] = K_MEMADDR;
        break;
    case PTSHIM_NR_shmat:
    case PTSHIM_NR_shmdt:
        k[e->nargs == 3 ? 1 : 0] = K_MEMADDR;
        break;
    /* Timeouts are never infinite, sleeps never long: a call that waits
     * for what never comes would hang the batch. */
    case PTSHIM_NR_poll:
    case PTSHIM_NR_epoll_wait:
    case PTSHIM_NR_epoll_pwait:
        k[nr == PTSHIM_NR_poll ? 2 : 3] = K_MSEC;
        if (nr == PTSHIM_NR_epoll_pwait)
            k[5] = K_SIGSETSZ;
        break;
    case PTSHIM_NR_select:
    case PTSHIM_NR_pselect6:
        k[4] = K_SLEEP;
        break;
    case PTSHIM_NR_ppoll:
        k[2] = K_SLEEP;
        k[4] = K_SIGSETSZ;
        break;
    case PTSHIM_NR_epoll_pwait2:
        k[3] = K_SLEEP;
        k[5] = K_SIGSETSZ;
        break;
    case PTSHIM_NR_nanosleep:
        k[0] = K_SLEEP;
        break;
    case PTSHIM_NR_clock_nanosleep:
        k[2] = K_SLEEP;
        break;
    case PTSHIM_NR_rt_sigtimedwait:
        k[2] = K_SLEEP;
        k[3] = K_SIGSETSZ;
        break;
    case PTSHIM_NR_semtimedop:
    case PTSHIM_NR_mq_timedsend:
    case PTSHIM_NR_mq_timedreceive:
    case PTSHIM_NR_io_getevents:
    case PTSHIM_NR_io_pgetevents:
    case PTSHIM_NR_recvmmsg:
    case PTSHIM_NR_futex_waitv:
        k[nr == PTSHIM_NR_semtimedop ? 3 : 4] = K_SLEEP;
        break;
    case PTSHIM_NR_futex_wait:
        k[4] = K_SLEEP;
        break;
    case PTSHIM_NR_rt_sigaction:
    case PTSHIM_NR_rt_sigprocmask:
        k[3] = K_SIGSETSZ;
        break;
    case PTSHIM_NR_rt_sigpending:
    case PTSHIM_NR_signalfd:
    case PTSHIM_NR_signalfd4:
        k[nr == PTSHIM_NR_rt_sigpending ? 1 : 2] = K_SIGSETSZ;
        break;
    /* Timers are set to values that never expire while the program
     * runs: an expiry would land on a call that depends on the speed
     * of the run. */
    case PTSHIM_NR_setitimer:
        k[1] = K_TIMER;
        break;
    case PTSHIM_NR_timer_settime:
    case PTSHIM_NR_timerfd_settime:
        k[2] = K_TIMER;
        break;
    /* Signals go to ourselves or to no process, never a stop signal
     * (nothing would continue the batch) */
    case PTSHIM_NR_kill:
    case PTSHIM_NR_rt_sigqueueinfo:
        k[0] = K_PIDSEND;
        k[1] = K_SIGSEND;
        break;
    case PTSHIM_NR_tkill:
        k[1] = K_SIGSEND;
        break;
    /* "who" of a process or a group: ourselves, 0 or no process; another
     * number may name a process of the machine's, which comes and goes
     * between the native run and ptshim's */
    case PTSHIM_NR_getpriority:
    case PTSHIM_NR_setpriority:
    case PTSHIM_NR_ioprio_get:
    case PTSHIM_NR_ioprio_set:
        k[1] = K_PIDSEND;
        break;
    case PTSHIM_NR_tgkill:
    case PTSHIM_NR_rt_tgsigqueueinfo:
        k[2] = K_SIGSEND;
        break;
    case PTSHIM_NR_pidfd_send_signal:
        k[1] = K_SIGSEND;
        break;
    /* Identities: as root never another user's */
    case PTSHIM_NR_setuid:
    case PTSHIM_NR_setgid:
    case PTSHIM_NR_setfsuid:
    case PTSHIM_NR_setfsgid:
    case PTSHIM_NR_setreuid:
    case PTSHIM_NR_setregid:
    case PTSHIM_NR_setresuid:
    case PTSHIM_NR_setresgid:
        for (unsigned i = 0; i < e->nargs; i++)
            k[i] = K_CREDID;
        break;
    case PTSHIM_NR_setpgid:
        k[0] = K_PID;
        k[1] = K_PID;
        break;
    case PTSHIM_NR_fcntl:
    case PTSHIM_NR_ioctl:
        k[1] = K_INT;
        break;
    }
}

#define ARGV(i) (args[i].val)
static void set_num(struct fuzz_arg* a, uint64_t v) {
    a->val = v;
    a->label = NULL;
    a->fmt = FMT_DEC;
}
static void set_hex(struct fuzz_arg* a, uint64_t v) {
    a->val = v;
    a->label = NULL;
    a->fmt = FMT_HEX;
}
static void set_label(struct fuzz_arg* a, uint64_t v, const char* label) {
    a->val = v;
    a->label = label;
    a->fmt = FMT_LABEL;
}
static void pick_num(struct fuzz_arg* a, const uint64_t* v, unsigned n) {
    set_num(a, v[rnd_below(n)]);
}
#define PICK_NUM(a, ...)                                                  \
    do {                                                                  \
        static const uint64_t vals_[] = {__VA_ARGS__};                    \
        pick_num((a), vals_, sizeof(vals_) / sizeof(vals_[0]));           \
    } while (0)

/* ioctl requests: known ones, and random ones outside the ranges where a
 * request on a file, a socket or a file system changes the machine:
 * network configuration (0x89, 0x8b), file flags and file system
 * operations ('f': FS_IOC_SETFLAGS, EXT4_IOC_SWAP_BOOT; 'X': FIFREEZE,
 * FITRIM, the ext4 shutdown; 0x94 and 0x15: labels and UUIDs; 0xf5 f2fs) */
static uint64_t gen_ioctl_cmd(void) {
    static const uint64_t known[] = {
        0x541B /* FIONREAD */,   0x5421 /* FIONBIO */,    0x5451 /* FIOCLEX */,
        0x5450 /* FIONCLEX */,   0x5452 /* FIOASYNC */,   0x5401 /* TCGETS */,
        0x5402 /* TCSETS */,     0x5413 /* TIOCGWINSZ */, 0x5414 /* TIOCSWINSZ */,
        0x540F /* TIOCGPGRP */,  0x5410 /* TIOCSPGRP */,  0x540E /* TIOCSCTTY */,
        0x5422 /* TIOCNOTTY */,  0x5411 /* TIOCOUTQ */,   0x80045430 /* TIOCGPTN */,
        0x5460 /* FIOQSIZE */,   2 /* FIGETBSZ */,        1 /* FIBMAP */,
        0x40049409 /* FICLONE */, 0xc0189436 /* FIDEDUPERANGE */,
        0x40085400 /* TFD_IOC_SET_TICKS */, 0xff01 /* PIDFD_GET_CGROUP_NAMESPACE */,
        0xff08 /* PIDFD_GET_TIME_FOR_CHILDREN_NAMESPACE */, 0xc050ff0b /* PIDFD_GET_INFO */,
        0xb701 /* NS_GET_USERNS */, 0x8905 /* SIOCATMARK */, 0,
        0xffffffff, 0xdeadbeef, (1UL << 32) | 0x541B, 0x80087601 /* FS_IOC_GETVERSION */,
    };
    uint64_t cmd;
    unsigned type;

    if (chance(65))
        return known[rnd_below(sizeof(known) / sizeof(known[0]))];
    do {
        cmd = rnd() & 0xffffffff;
        type = (cmd >> 8) & 0xff;
    } while (type == 0x89 || type == 0x8b || type == 'f' || type == 'X' || type == 0x94 ||
             type == 0x15 || type == 0xf5);
    return cmd;
}

/* The limits that keep the run within bounds (syscall-fuzz.c sets them):
 * core files (none land in the compared directory, none go to a crash
 * handler), file size (no sparse file of terabytes to checksum), address
 * space (no mlockall of a huge mapping), CPU time (its signal would come
 * at a time that depends on the run's speed, which ptrace changes).  And
 * the limits of what is counted for the user on the whole machine
 * (pending signals, message queue bytes): set low, a queued signal's
 * EAGAIN would depend on the user's other processes, ptshim's own among
 * them. */
static bool protected_limit(uint64_t resource) {
    switch ((unsigned)resource) {
    case RLIMIT_CPU:
    case RLIMIT_FSIZE:
    case RLIMIT_CORE:
    case RLIMIT_AS:
    case RLIMIT_RTTIME:
    case RLIMIT_SIGPENDING:
    case RLIMIT_MSGQUEUE:
        return true;
    default:
        return false;
    }
}

static bool futex_waits(unsigned cmd) {
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_LOCK_PI:
    case 13: /* FUTEX_LOCK_PI2 */
    case FUTEX_WAIT_BITSET:
    case FUTEX_WAIT_REQUEUE_PI:
        return true;
    default:
        return false;
    }
}

void rule_fixup(uint64_t nr, struct fuzz_arg args[6]) {
    switch (nr) {
    case PTSHIM_NR_brk:
        gen_brk(&args[0]);
        break;
    case PTSHIM_NR_madvise:
    case PTSHIM_NR_process_madvise:
        /* MADV_HWPOISON and MADV_SOFT_OFFLINE take physical pages out of
         * the machine for good (root) */
        if ((int)ARGV(nr == PTSHIM_NR_madvise ? 2 : 3) == 100 ||
            (int)ARGV(nr == PTSHIM_NR_madvise ? 2 : 3) == 101)
            set_num(&args[nr == PTSHIM_NR_madvise ? 2 : 3], 12345);
        break;
    case PTSHIM_NR_select:
        set_num(&args[0], (uint64_t[]){0, 1, 34, 64, 1024, 1025, ~0UL}[rnd_below(7)]);
        for (unsigned i = 1; i < 4; i++)
            gen_from(&g_fdset, &args[i]);
        break;
    case PTSHIM_NR_pselect6:
        set_num(&args[0], (uint64_t[]){0, 1, 34, 64, 1024, 1025, ~0UL}[rnd_below(7)]);
        for (unsigned i = 1; i < 4; i++)
            gen_from(&g_fdset, &args[i]);
        gen_from(&g_pselect_sig, &args[5]);
        break;
    case PTSHIM_NR_poll:
    case PTSHIM_NR_ppoll:
        PICK_NUM(&args[1], 0, 1, 2, 3, 32, 1024, 1 << 20, 0xffffffff);
        break;
    case PTSHIM_NR_nanosleep:
        if (chance(5))
            set_label(&args[0], 0, "NULL");
        break;
    case PTSHIM_NR_clock_nanosleep:
        /* a CPU clock advances only while its process runs: a relative
         * sleep on our own would never end; an absolute 1us is past */
        if ((int)ARGV(0) < 0 || (int)ARGV(0) == CLOCK_PROCESS_CPUTIME_ID ||
            (int)ARGV(0) == CLOCK_THREAD_CPUTIME_ID)
            set_hex(&args[1], ARGV(1) | TIMER_ABSTIME);
        break;
    case PTSHIM_NR_futex: {
        unsigned cmd;

        gen_from(&g_futexw, &args[0]);
        gen_from(&g_futexw, &args[4]);
        if (chance(70)) {
            static const unsigned cmds[] = {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2, 14, 99};

            set_num(&args[1], cmds[rnd_below(sizeof(cmds) / sizeof(cmds[0]))] |
                                  (chance(50) ? FUTEX_PRIVATE_FLAG : 0) |
                                  (chance(10) ? FUTEX_CLOCK_REALTIME : 0));
        }
        cmd = (unsigned)ARGV(1) & FUTEX_CMD_MASK;
        if (futex_waits(cmd))
            gen_arg(K_SLEEP, NULL, &args[3]);
        else if (chance(50))
            PICK_NUM(&args[3], 0, 1, 2, 0x7fffffff);
        break;
    }
    case PTSHIM_NR_futex_wait:
    case PTSHIM_NR_futex_wake:
        gen_from(&g_futexw, &args[0]);
        break;
    case PTSHIM_NR_futex_waitv:
        gen_from(&g_waitv, &args[0]);
        PICK_NUM(&args[1], 0, 1, 2, 128, 129);
        break;
    case PTSHIM_NR_alarm:
        /* a second, soon, would come while the batch runs */
        PICK_NUM(&args[0], 0, 0, 1000000, 0xffffffff, 1UL << 32);
        break;
    case PTSHIM_NR_timer_create:
        gen_from(&g_sigevent, &args[1]);
        break;
    case PTSHIM_NR_mq_notify:
        gen_from(&g_sigevent, &args[1]);
        break;
    case PTSHIM_NR_mq_open:
        gen_from(&g_mqattr, &args[3]);
        break;
    case PTSHIM_NR_msgsnd:
    case PTSHIM_NR_msgrcv:
        /* a full or empty queue would block */
        set_hex(&args[nr == PTSHIM_NR_msgsnd ? 3 : 4], ARGV(nr == PTSHIM_NR_msgsnd ? 3 : 4) | 04000);
        break;
    case PTSHIM_NR_semop:
    case PTSHIM_NR_semtimedop:
        gen_from(&g_sembuf, &args[1]);
        break;
    case PTSHIM_NR_semctl:
        if (chance(50))
            gen_arg(K_PTR, NULL, &args[3]);
        break;
    case PTSHIM_NR_setpriority:
    case PTSHIM_NR_ioprio_set:
        /* a process group or a user: other processes (as root, every
         * root process); only one that has none */
        if ((int)ARGV(0) != (nr == PTSHIM_NR_setpriority ? PRIO_PROCESS : 1))
            set_label(&args[1], pool_nonexistent_pid(), "no_such_id");
        else if ((int)ARGV(1) != 0 && (int)ARGV(1) != (int)pool_self_pid())
            set_label(&args[1], pool_nonexistent_pid(), "no_such_pid");
        break;
    case PTSHIM_NR_setrlimit:
    case PTSHIM_NR_prlimit64: {
        unsigned res = nr == PTSHIM_NR_setrlimit ? 0 : 1, lim = res + 1;

        if (protected_limit(ARGV(res)))
            set_label(&args[lim], 0, "NULL");
        break;
    }
    case PTSHIM_NR_setgroups:
        PICK_NUM(&args[0], 0, 1, 2, 65537, ~0UL, 0x80000000);
        break;
    case PTSHIM_NR_capget:
    case PTSHIM_NR_capset:
        gen_from(&g_capheader, &args[0]);
        break;
    case PTSHIM_NR_socket:
    case PTSHIM_NR_socketpair: {
        /* families built in, or refused before any module is asked for
         * (AF_UNSPEC and unknown families below AF_MAX, as root, start
         * modprobe); protocols refused before the lookup, or none */
        static const uint64_t fams[] = {AF_UNIX, AF_UNIX, AF_INET, AF_INET6, 46, 1000,
                                        ~0UL, (1UL << 32) | AF_UNIX};
        static const uint64_t protos[] = {0, 0, 0, ~0UL, 12345, 263};
        unsigned base;

        set_num(&args[0], fams[rnd_below(sizeof(fams) / sizeof(fams[0]))]);
        set_num(&args[2], protos[rnd_below(sizeof(protos) / sizeof(protos[0]))]);
        base = (unsigned)ARGV(1) & 0xf;
        if (((int)ARGV(0) == AF_INET || (int)ARGV(0) == AF_INET6) && base != SOCK_STREAM &&
            base != SOCK_DGRAM && base != SOCK_RAW)
            set_hex(&args[1], (ARGV(1) & ~0xfUL) | 11); /* beyond SOCK_MAX */
        break;
    }
    case PTSHIM_NR_connect:
    case PTSHIM_NR_bind:
        gen_from(&g_addrlen, &args[2]);
        break;
    case PTSHIM_NR_sendto:
        gen_from(&g_addrlen, &args[5]);
        break;
    case PTSHIM_NR_sendmmsg:
    case PTSHIM_NR_recvmmsg:
        gen_from(&g_mmsg, &args[1]);
        PICK_NUM(&args[2], 0, 1, 2, 1024, 1025, 0xffffffff);
        /* no timeout, or one that never expires: the pool's sockets do
         * not block, and recvmmsg looks at the time between messages */
        if (nr == PTSHIM_NR_recvmmsg)
            gen_from(&g_ts_nowait, &args[4]);
        break;
    case PTSHIM_NR_setsockopt:
    case PTSHIM_NR_getsockopt: {
        /* the netfilter tables live at SOL_IP/SOL_IPV6 64 and beyond
         * (IPT_SO_SET_REPLACE); TCP_CONGESTION and TCP_ULP load modules */
        static const uint64_t levels[] = {SOL_SOCKET, SOL_SOCKET, 6, 17, 0, 41, ~0UL, 12345,
                                          0x7fffffff};
        unsigned level;

        set_num(&args[1], levels[rnd_below(sizeof(levels) / sizeof(levels[0]))]);
        level = (unsigned)ARGV(1);
        set_num(&args[2], chance(90) ? rnd_below(70) : ARGV(2));
        if (nr == PTSHIM_NR_setsockopt && (level == 0 || level == 41) && (unsigned)ARGV(2) >= 64)
            set_num(&args[2], ARGV(2) % 64);
        if (level == 6 && ((unsigned)ARGV(2) == 13 || (unsigned)ARGV(2) == 31))
            set_num(&args[2], 1);
        if (level == SOL_SOCKET && ((unsigned)ARGV(2) == SO_ATTACH_FILTER ||
                                    (unsigned)ARGV(2) == 51 /* SO_ATTACH_REUSEPORT_CBPF */))
            gen_from(&g_sockprog, &args[3]);
        else if (chance(60))
            gen_from(&g_intval, &args[3]);
        if (nr == PTSHIM_NR_setsockopt)
            PICK_NUM(&args[4], 0, 1, 4, 8, 16, 64, ~0UL, 4096, 0x80000000);
        else
            gen_struct(SD_PRINTER_struct_socklen, true, &args[4]);
        break;
    }
    case PTSHIM_NR_ioctl:
        set_hex(&args[1], gen_ioctl_cmd());
        /* FIONBIO with 0 would make a descriptor of the pool blocking */
        if ((unsigned)ARGV(1) == 0x5421)
            set_label(&args[2], g_intval.it[1].val, g_intval.it[1].label);
        else if (chance(50))
            gen_from(&g_intval, &args[2]);
        else if (chance(50))
            gen_arg(K_OBUF, NULL, &args[2]);
        break;
    case PTSHIM_NR_fcntl: {
        static const uint64_t cmds[] = {
            F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_GETLK, F_SETLK, F_SETLKW,
            F_SETOWN, F_GETOWN, F_SETSIG, F_GETSIG, F_SETOWN_EX, F_GETOWN_EX,
            F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW, F_SETLEASE, F_GETLEASE, F_NOTIFY,
            F_DUPFD_CLOEXEC, F_SETPIPE_SZ, F_GETPIPE_SZ, F_ADD_SEALS, F_GET_SEALS,
            1035 /* F_GET_RW_HINT */, 1036 /* F_SET_RW_HINT */, 1037, 1038,
            1027 /* F_DUPFD_QUERY */, 1028 /* F_CREATED_QUERY */, 1029 /* F_CANCELLK */,
            99, ~0UL, (1UL << 32) | F_GETFL};
        unsigned cmd;

        set_num(&args[1], cmds[rnd_below(sizeof(cmds) / sizeof(cmds[0]))]);
        cmd = (unsigned)ARGV(1);
        switch (cmd) {
        case F_SETFL:
            /* the pool's pipes and sockets stay non-blocking: a read of
             * an empty one would block the batch */
            set_hex(&args[2], ARGV(2) | O_NONBLOCK);
            break;
        case F_OFD_SETLKW:
            /* the pool has several descriptions of file_a: an OFD lock
             * of one waits for another forever */
            set_num(&args[1], F_OFD_SETLK);
            gen_from(&g_flock, &args[2]);
            break;
        case F_GETLK:
        case F_SETLK:
        case F_SETLKW:
        case F_OFD_GETLK:
        case F_OFD_SETLK:
            gen_from(&g_flock, &args[2]);
            break;
        case F_SETOWN: {
            /* SIGIO and SIGURG would go to the owner: ourselves, or none */
            struct fuzz_arg a;

            gen_arg(K_PIDSEND, NULL, &a);
            if (chance(30))
                set_num(&a, 0);
            args[2] = a;
            break;
        }
        case F_SETOWN_EX:
            gen_from(&g_fowner, &args[2]);
            break;
        case F_GETOWN_EX:
            gen_arg(K_OBUF, NULL, &args[2]);
            break;
        case F_SETSIG:
            gen_arg(K_SIGSEND, NULL, &args[2]);
            break;
        case F_SETLEASE:
            /* a lease makes our own open of the file wait for the lease
             * break time (45 s): only its removal and bad values */
            PICK_NUM(&args[2], F_UNLCK, 5, ~0UL);
            break;
        case 1035:
        case 1036:
        case 1037:
        case 1038:
            gen_from(&g_rwhint, &args[2]);
            break;
        case F_SETPIPE_SZ:
            gen_arg(K_SIZE, NULL, &args[2]);
            break;
        }
        break;
    }
    case PTSHIM_NR_flock:
        /* the pool has several descriptions of file_a: a lock of one
         * waits for another forever */
        set_hex(&args[1], ARGV(1) | LOCK_NB);
        break;
    case PTSHIM_NR_mknod:
    case PTSHIM_NR_mknodat: {
        /* a FIFO's open blocks; a device node other than null's would
         * reach a real device (a disk) */
        unsigned m = nr == PTSHIM_NR_mknod ? 1 : 2, d = m + 1;
        unsigned type = (uint16_t)ARGV(m) & S_IFMT;

        if (type == S_IFIFO)
            set_num(&args[m], (ARGV(m) & ~(uint64_t)S_IFMT) | S_IFREG);
        if (type == S_IFCHR)
            set_hex(&args[d], chance(50) ? 0 : 0x103); /* 0:0 (a whiteout), 1:3 (null) */
        else if (type == S_IFBLK)
            set_hex(&args[d], 0);
        break;
    }
    case PTSHIM_NR_fallocate: {
        /* no more than a MB allocated: KEEP_SIZE escapes RLIMIT_FSIZE,
         * and a memfd's blocks are memory */
        static const uint64_t offs[] = {0, 0, 4096, 1 << 20, ~0UL, 0x7fffffffffffffffUL};
        static const uint64_t lens[] = {0, 1, 4096, 65536, ~0UL, 0x8000000000000000UL};

        set_num(&args[2], offs[rnd_below(sizeof(offs) / sizeof(offs[0]))]);
        set_num(&args[3], lens[rnd_below(sizeof(lens) / sizeof(lens[0]))]);
        if (ARGV(2) == 0x7fffffffffffffffUL && ARGV(3) == 0x8000000000000000UL)
            set_num(&args[3], 1);
        break;
    }
    case PTSHIM_NR_file_setattr:
        gen_from(&g_fileattr, &args[2]);
        break;
    case PTSHIM_NR_syncfs: {
        /* not the file system of the scratch directory: that writes back
         * others' data too (see sync) */
        static const uint64_t fds[] = {16, 18, 25, 30, ~0UL, 40, 1 << 20};

        set_num(&args[0], fds[rnd_below(sizeof(fds) / sizeof(fds[0]))]);
        break;
    }
    case PTSHIM_NR_prctl:
        /* PR_SET_SECCOMP: see seccomp in the exclusions;
         * PR_SET_SYSCALL_USER_DISPATCH likewise: once on, the kernel
         * intercepts each call at its entry (a SIGSYS, or a SIGSEGV for a
         * selector it cannot read), those that the native run answers
         * ENOSYS itself without a call (-E, -I) aside, so that the runs
         * part at the first of them */
        if ((int)ARGV(0) == 22 || (int)ARGV(0) == 59)
            set_num(&args[0], ~0UL);
        /* PR_SET_SYSCALL_USER_DISPATCH on traps every later call made
         * outside the range it names: also those a strict run (-I)
         * answers ENOSYS without making, where ptshim's --strict makes
         * them (a bad selector then kills at another call); off only */
        if ((int)ARGV(0) == 59)
            set_num(&args[1], 0);
        /* PR_SCHED_CORE shares a core-scheduling cookie with any pid */
        if ((int)ARGV(0) == 62) {
            struct fuzz_arg a;

            gen_arg(K_PIDSEND, NULL, &a);
            args[2] = a;
        }
        break;
    case PTSHIM_NR_setns: {
        /* Entering a mount namespace (CLONE_NEWNS, or 0 with a mount
         * namespace's descriptor; setns(pidfd of itself, CLONE_NEWNS)
         * succeeds) sets the cwd and root to the namespace's root: the
         * machine's "/", where the calls would go on with their names */
        uint64_t f = ARGV(1) & ~(uint64_t)CLONE_NEWNS;

        if ((int)f == 0)
            f |= CLONE_NEWUTS;
        set_hex(&args[1], f);
        break;
    }
    case PTSHIM_NR_sched_setattr:
        gen_from(&g_schedattr, &args[1]);
        break;
    case PTSHIM_NR_landlock_create_ruleset:
        gen_from(&g_landlock, &args[0]);
        break;
    case PTSHIM_NR_openat2:
        PICK_NUM(&args[3], 24, 24, 24, 0, 8, 16, 32, 40, 4096, 4097, ~0UL);
        break;
    case PTSHIM_NR_arch_prctl:
        if (chance(50))
            gen_arg(K_PTR, NULL, &args[1]);
        break;
    case PTSHIM_NR_process_vm_readv:
    case PTSHIM_NR_process_vm_writev:
        gen_struct(SD_PRINTER_struct_iovec, true, &args[1]);
        gen_struct(SD_PRINTER_struct_iovec, true, &args[3]);
        PICK_NUM(&args[2], 0, 1, 2, 1024, 1025);
        PICK_NUM(&args[4], 0, 1, 2, 1024, 1025);
        if (chance(80))
            set_num(&args[5], 0);
        break;
    }
}

const char* rule_normalise(uint64_t nr, const uint64_t args[6], int64_t ret, char* buf,
                           unsigned size) {
    (void)buf;
    (void)size;
    if (ret < 0 && ret >= -4095)
        return NULL;
    switch (nr) {
    case PTSHIM_NR_fcntl:
        /* F_GETOWN: the owner F_SETOWN set, ourselves (a pid) */
        return (unsigned)args[1] == F_GETOWN && ret > 0 ? "PID" : NULL;
    case PTSHIM_NR_semctl:
        /* GETPID: the last process that changed the semaphore */
        return ((unsigned)args[2] & ~0x100U) == 11 && ret > 0 ? "PID" : NULL;
    case PTSHIM_NR_time:
        return "TIME"; /* seconds since the epoch */
    case PTSHIM_NR_times:
        return "TICKS"; /* clock ticks since boot */
    case PTSHIM_NR_alarm:
        /* the seconds left of an alarm set before, rounded: how long the
         * calls between took */
        return ret ? "SECONDS" : NULL;
    case PTSHIM_NR_kcmp:
        /* 1 and 2 order two kernel pointers, which differ in each run */
        return ret == 1 || ret == 2 ? "ORDERED" : NULL;
    case PTSHIM_NR_shmget:
    case PTSHIM_NR_semget:
    case PTSHIM_NR_msgget:
        return NULL; /* IDs of a namespace of the run's own: the same */
    }
    return NULL;
}

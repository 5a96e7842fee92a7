/*
 * pal.h: the Platform Adaptation Layer API.
 *
 * The shim (library OS) and the ptshim program reach the host only through
 * the Dk* calls declared here; the host implementation in
 * pal/host/linux-ptrace/ owns every ptrace detail.  Every exported symbol is
 * listed in pal/host/linux-ptrace/pal.map.
 *
 * Error convention (a deliberate change from Graphene's PAL, which returned
 * PAL_BOL and left the error in thread-local state): every call returns 0 or
 * a count on success and a negative Linux errno on failure.
 */
#ifndef PAL_H
#define PAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

typedef uint64_t PAL_NUM; /* a number: counts, sizes, register values */
typedef void* PAL_PTR;    /* a pointer in the tracer */
typedef uint32_t PAL_FLG; /* a set of PAL_* flags */
typedef uint32_t PAL_IDX; /* an index: CPU numbers */
typedef const char* PAL_STR;
typedef bool PAL_BOL;     /* true predicates only, never errors */

/* One traced thread of the program.  Valid from the event that first shows
 * it until the PAL_EVENT_EXIT event for it has been handled. */
typedef struct pal_thread* PAL_HANDLE;

#define PAL_NODISCARD __attribute__((warn_unused_result))

#define PAL_SYSCALL_ARGS 6

enum pal_event_type {
    /* The thread stopped at a system call entry.  Not returned by
     * DkEventWait(): the system call upcall gets it, on the thread's own
     * context (see DkSetSyscallUpcall()). */
    PAL_EVENT_SYSCALL,
    /* A signal is about to be delivered to the thread.  It stays stopped
     * until DkThreadResume() says which signal (or none) to deliver. */
    PAL_EVENT_SIGNAL,
    /* The thread entered a job-control stop (sig = the stopping signal).
     * The PAL keeps it stopped until SIGCONT; nothing to answer. */
    PAL_EVENT_STOPPED,
    /* THREAD, inside a fork, vfork, clone or clone3 that runs on the host,
     * created CHILD (a thread or a process).  Both run on; CHILD's first
     * system call comes after this event. */
    PAL_EVENT_CLONE,
    /* The thread's process completed an execve(); it continues on its own.
     * tid is the process ID (a non-leader that execs takes the leader's ID;
     * former_tid is then the ID it had, and the former leader's
     * PAL_EVENT_EXIT, superseded, comes just before). */
    PAL_EVENT_EXEC,
    /* The thread passed the start of its exit: status is the wait status
     * it exits with (for a process's last thread, its process's).  It is
     * not gone yet: its PAL_EVENT_EXIT follows, and nobody, not even the
     * process's parent, sees the process end before this event is
     * handled.  (On kernels that skip this stop for SIGKILL, a thread so
     * killed has its PAL_EVENT_EXIT only.) */
    PAL_EVENT_EXITING,
    /* The thread is gone; status is its wait status.  The handle is freed
     * when the next event is requested. */
    PAL_EVENT_EXIT,
};

struct pal_event {
    enum pal_event_type type;
    PAL_HANDLE thread;
    pid_t tid;
    int sig;    /* PAL_EVENT_SIGNAL, PAL_EVENT_STOPPED */
    int status; /* PAL_EVENT_EXITING, PAL_EVENT_EXIT: the wait status */
    bool exiting_seen; /* PAL_EVENT_EXIT: its PAL_EVENT_EXITING came before */
    bool superseded; /* PAL_EVENT_EXIT: no status, the thread was a process
                        leader replaced by another thread's execve */
    PAL_HANDLE child;  /* PAL_EVENT_CLONE */
    pid_t child_tid;   /* PAL_EVENT_CLONE */
    pid_t former_tid;  /* PAL_EVENT_EXEC */
    /* PAL_EVENT_SYSCALL: */
    /* a call of the 32-bit ABI (the int 0x80 gate, or from 32-bit code):
     * SYSNO is in the i386 table and ARGS are ebx, ecx, edx, esi, edi, ebp */
    bool compat;
    /* under seccomp stops: the program's own filter returned
     * SECCOMP_RET_TRACE for the call, which natively, with no tracer,
     * fails with ENOSYS */
    bool foreign_trace;
    PAL_NUM sysno;
    PAL_NUM args[PAL_SYSCALL_ARGS];
    PAL_NUM sp;  /* the stack pointer (rt_sigreturn's frame is there) */
};

/* The execve() that started the program: the path it ran (argv[0] found in
 * PATH) and the filename, argv and envp pointers it passed, addresses in
 * the program's former image, which was a copy of the caller's. */
struct pal_exec {
    char path[4096];
    PAL_NUM filename, argv, envp;
    /* in the program's process, when its execve failed: the errno */
    int exec_errno;
};

/* How the program's threads stop at their system calls. */
enum pal_stops {
    /* SECCOMP where the PAL can install its filter without setting
     * no_new_privs on the program (it has CAP_SYS_ADMIN), else SYSEMU */
    PAL_STOPS_AUTO,
    /* PTRACE_SYSEMU: nothing in the program changes; a call the host runs
     * costs two stops or more */
    PAL_STOPS_SYSEMU,
    /* a seccomp filter in the program (which sees it in /proc/self/status)
     * stops each call once, whoever answers it; no_new_privs is set on the
     * program when the PAL cannot install the filter otherwise */
    PAL_STOPS_SECCOMP,
};

/* Choose how the program that DkProcessCreate starts will stop.  NO_STOP,
 * if not NULL, is a bitmap of the system call numbers below NR (bit n%64
 * of word n/64) that run on the host without stopping at all: the upcall
 * never sees them (seccomp stops only; -EINVAL with PAL_STOPS_SYSEMU).
 * The default is PAL_STOPS_AUTO, every call stopping.  0 or -EINVAL. */
PAL_NODISCARD int DkSetSyscallStops(enum pal_stops how, const uint64_t* no_stop, PAL_NUM nr);

/* The mechanism the program runs with, once DkProcessCreate succeeded:
 * PAL_STOPS_SYSEMU or PAL_STOPS_SECCOMP. */
enum pal_stops DkSyscallStops(void);

/* From now on every system call of THREAD stops, those DkSetSyscallStops
 * let run without a stop included (for the program's strict mode, which
 * forbids them too).  Upcall only: THREAD is stopped at a system call,
 * and host calls run inside it (it may then be abandoned or gone, as in
 * DkHostCall).  0, or a negative errno. */
PAL_NODISCARD int DkThreadStopEveryCall(PAL_HANDLE thread);

/* THREAD is about to install a seccomp filter (or strict mode) of the
 * program's own: the shim says so before the host call that may do it
 * (seccomp(2), prctl(PR_SET_SECCOMP)).  From then on the PAL stops the
 * program's calls in a way its filters allow for, in every thread:
 * under SYSEMU stops no call stops where the kernel would run the filters
 * after the stop (they would judge a call the shim answered by the
 * number that cancels it); under seccomp stops, a SECCOMP_RET_TRACE of
 * the program's filters is told from ptshim's (foreign_trace). */
void DkThreadInstallsFilter(PAL_HANDLE thread);

/* Where the tracer and the program run. */
enum pal_placement {
    PAL_PLACE_FREE,     /* wherever the host's scheduler puts them */
    PAL_PLACE_TRACER,   /* the tracer on one CPU, the program free */
    PAL_PLACE_TOGETHER, /* the tracer and every thread of the program on one
                           CPU */
    PAL_PLACE_AUTO,     /* as TOGETHER, but a thread that computes for long
                           between its calls runs free */
};

/* Pin the tracer to CPU, and with PAL_PLACE_TOGETHER or PAL_PLACE_AUTO the
 * program that DkProcessCreate starts, which inherits it.  Before
 * DkProcessCreate.  The threads the PAL pins keep the CPUs the program
 * gives them as their own: DkThreadGetCPUAffinity answers with those (a
 * set without CPU is applied as it is).  -EINVAL when CPU is not one the
 * tracer may run on, or -errno. */
PAL_NODISCARD int DkSetPlacement(enum pal_placement how, PAL_IDX cpu);

/* Start PROGRAM (argv[0] searched in PATH) in the calling process, traced
 * with every thread and descendant by a new process, the tracer: the
 * program stays the child of the caller's parent, and the tracer is a
 * grandchild in a session of its own.  Returns twice at most, like fork():
 * - in the tracer, 0, once the program has completed its execve(),
 *   described in *EXEC; *THREAD is its thread and *PID its process ID.
 *   (When the program fails to start, the tracer ends without returning.)
 * - in the calling process only when the program could not start: a
 *   negative errno; EXEC->exec_errno is execve()'s when it failed
 *   (-ENOENT: not found), else 0: the tracer could not be started or
 *   could not attach, or -ENOTSUP (already reported) when
 *   PAL_STOPS_SECCOMP was asked for and the filter cannot be installed.
 * A 32-bit program is refused once it is loaded, before it runs: the PAL
 * says so and the program's process exits 126 (cannot be executed).
 * Whatever the tracer needs of the caller's (options, open files, the
 * choices of DkSetSyscallStops and DkSetPlacement) is set up before. */
PAL_NODISCARD int DkProcessCreate(char* const argv[], PAL_HANDLE* thread, pid_t* pid,
                                  struct pal_exec* exec);

/* Under a file-system view: the file DkProcessCreate executes for the
 * program, a host path, in place of argv[0] searched in PATH (argv is
 * passed unchanged).  NULL: argv[0] again.  Before DkProcessCreate. */
void DkSetProgramFile(const char* path);

/* Wait for the next event of any traced thread, into EV whole: the
 * fields its type does not use are zero.  System call stops are not
 * returned: they run the upcall (DkSetSyscallUpcall()) meanwhile.
 * -ECHILD when no traced thread is left, -EINTR when a signal interrupted
 * the wait, or an upcall's negative return value. */
PAL_NODISCARD int DkEventWait(struct pal_event* ev);

/*
 * The system call upcall: called for each PAL_EVENT_SYSCALL, on THREAD's
 * own context (a small stack of its own).  It must answer the call before
 * it returns: with DkSyscallReturn(), or DkSyscallRunOnHost().  While it
 * waits in DkHostCall(), DkEventWait() serves the other threads and
 * returns their events, so a host call that blocks stalls only its own
 * thread.  A negative return value is a failure of ptshim: DkEventWait()
 * returns it.
 */
typedef int (*PAL_SYSCALL_UPCALL)(PAL_HANDLE thread, const struct pal_event* ev);
void DkSetSyscallUpcall(PAL_SYSCALL_UPCALL upcall);

/*
 * The wait upcall: called by DkEventWait() each time before it waits for
 * the program's next stop, which may take for ever (a call of the program
 * that blocks on the host).  What the tracer holds for the user (the
 * trace's lines, the entry of a call that runs on the host) goes out
 * there.  NULL: none.
 */
typedef void (*PAL_WAIT_UPCALL)(void);
void DkSetWaitUpcall(PAL_WAIT_UPCALL upcall);

/*
 * Run the system call SYSNO (its x86-64 number, which syscall-defs names
 * PTSHIM_NR_<name>) with ARGS inside THREAD, which is stopped at a
 * system call (at its entry, or after an earlier DkHostCall), and return
 * the call's result (a value, or a negative errno, -ERESTART* included:
 * the caller must pass those on unchanged, the kernel restarts the
 * program's call).  Upcall only: its context waits for the call, which
 * blocks, and is interrupted, as it would natively.
 *
 * -ERESTARTNOINTR without running anything when a signal arrived before
 * the call could start: the thread's registers are again those of the
 * program's call, which the kernel runs again after the signal's handler.
 * A later DkHostCall of the same upcall can be abandoned in the same way,
 * after the earlier ones took effect: the shim's calls therefore make at
 * most one host call with a side effect, and make it last.
 * -ESRCH when the thread ended meanwhile (DkThreadGone() is then true).
 */
PAL_NODISCARD long DkHostCall(PAL_HANDLE thread, PAL_NUM sysno, const PAL_NUM args[6]);

/* Complete the program's system call at which THREAD is stopped with
 * RESULT (a value or a negative errno) and let the thread continue.  After
 * host calls, the registers the program passed are restored, unless an
 * execve replaced them.  0 when the thread is gone or its call abandoned:
 * there is nothing to complete. */
PAL_NODISCARD int DkSyscallReturn(PAL_HANDLE thread, long result);

/* Give SIG to THREAD, stopped at a system call, as a tracer gives a
 * signal at a system call stop: the kernel sends it as its own (si_code
 * SI_KERNEL).  It is pending from the thread's next run: while the next
 * DkHostCall of this upcall runs (a call that blocks is interrupted by
 * it), or else as DkSyscallReturn() completes the call.  For strace's
 * -e inject=...:signal=, which gives it at the call's entry. */
void DkSyscallRaise(PAL_HANDLE thread, int sig);

/* Keep THREAD, stopped at a system call, from running for NS nanoseconds
 * (strace's -e inject=...:delay_enter=, delay_exit=).  The tracer waits
 * meanwhile, and with it every traced thread.  0 or a negative errno. */
PAL_NODISCARD int DkThreadDelay(PAL_HANDLE thread, PAL_NUM ns);

/* Run the program's system call, at whose entry THREAD is stopped, on the
 * host inside the thread, unchanged, and let the thread go on: the host
 * kernel blocks, interrupts and restarts it as it would natively, and the
 * result goes to the program unseen. */
PAL_NODISCARD int DkSyscallRunOnHost(PAL_HANDLE thread);

/* Whether THREAD ended while its system call was handled. */
PAL_BOL DkThreadGone(PAL_HANDLE thread);

/* Whether THREAD's system call was abandoned: a signal came before a host
 * call could start (DkHostCall returned -ERESTARTNOINTR), the program's
 * call will be made again after the signal, as if it had not been made. */
PAL_BOL DkSyscallAbandoned(PAL_HANDLE thread);

/* Let a thread stopped at PAL_EVENT_SIGNAL continue, delivering SIG
 * (0: none).  -EINVAL when the thread is not stopped at a signal. */
PAL_NODISCARD int DkThreadResume(PAL_HANDLE thread, int sig);

/* The siginfo of the signal at which THREAD is stopped (PAL_EVENT_SIGNAL).
 * -EINVAL when it is not stopped at a signal. */
PAL_NODISCARD int DkThreadGetSignalInfo(PAL_HANDLE thread, siginfo_t* info);

/* Copy LEN bytes at the tracee address ADDR of THREAD's process into BUF.
 * Returns the number of bytes copied: fewer than LEN when the range runs
 * into memory the tracee cannot read; -EFAULT when not even the first byte
 * can be read.  The tracee is not disturbed, but for what its own access
 * would do: a stack the range runs into from below grows, as the kernel
 * grows it for the thread (within the program's RLIMIT_STACK). */
PAL_NODISCARD long DkVirtualMemoryRead(PAL_HANDLE thread, PAL_NUM addr, void* buf, size_t len);

/* Copy the NUL-terminated string at ADDR into BUF (SIZE bytes, SIZE > 0),
 * reading no page past the terminator.  Returns the string's length when the
 * whole string with its NUL fits in BUF (BUF is then NUL-terminated);
 * -ENAMETOOLONG when it does not (BUF holds its first SIZE bytes, not
 * terminated); -EFAULT when the tracee cannot read some of it before the
 * terminator (BUF holds the readable prefix, its length in *READ if READ is
 * not NULL). */
PAL_NODISCARD long DkVirtualMemoryReadString(PAL_HANDLE thread, PAL_NUM addr, char* buf,
                                             size_t size, size_t* read);

/* Copy LEN bytes from BUF to the tracee address ADDR of THREAD's process.
 * Returns LEN, or -EFAULT when some of the range cannot be written (a
 * prefix may have been written, as when the kernel's copy faults).  A
 * stack the range runs into from below grows, as for DkVirtualMemoryRead. */
PAL_NODISCARD long DkVirtualMemoryWrite(PAL_HANDLE thread, PAL_NUM addr, const void* buf,
                                        size_t len);

/* Write LEN bytes from BUF at ADDR of THREAD's process as a debugger
 * writes (PTRACE_POKEDATA where process_vm_writev(2) stops): through
 * memory the program cannot write itself (its read-only data).  For
 * strace's -e inject=...:poke_enter=, never for a system call's own
 * copies (DkVirtualMemoryWrite).  Returns how many bytes were written from
 * the start, -EFAULT when none could be, -ESRCH when the thread is gone. */
PAL_NODISCARD long DkVirtualMemoryPoke(PAL_HANDLE thread, PAL_NUM addr, const void* buf,
                                       size_t len);

/* One frame of a stopped thread's stack. */
struct pal_frame {
    PAL_NUM pc;
    const char* path;      /* the file mapped there, or NULL */
    PAL_NUM offset;        /* PC's offset in that file */
    const char* symbol;    /* the function there (the nearest symbol before
                              it), or NULL */
    PAL_NUM symbol_offset; /* PC's distance from it */
};

/* Unwind THREAD's stack (it is stopped at a system call) into FRAMES,
 * innermost first, at most MAX.  The strings stay valid while ptshim
 * runs.  Returns the number of frames, or a negative errno (-ENOMEM, -EIO
 * when the stack cannot be unwound at all). */
PAL_NODISCARD int DkThreadStackTrace(PAL_HANDLE thread, struct pal_frame* frames, int max);

/* The process ID (thread group ID) of THREAD, or a negative errno. */
pid_t DkThreadGetProcessId(PAL_HANDLE thread);

/* The host's name for THREAD's descriptor FD (a path, "pipe:[123]",
 * "socket:[456]"), not NUL-terminated, SIZE bytes at most.  Returns its
 * length, -EBADF when FD is not open. */
PAL_NODISCARD long DkStreamGetName(PAL_HANDLE thread, int fd, char* buf, size_t size);

/* What the host says of THREAD's descriptor FD beyond its name, for the
 * trace (-yy).  Each returns -EBADF when FD is not open. */

/* FD is a character or block device: 0, with *BLOCK, *MAJOR and *MINOR
 * set; -ENODEV when it is another kind of file. */
PAL_NODISCARD int DkStreamGetDevice(PAL_HANDLE thread, int fd, bool* block, unsigned* major,
                                    unsigned* minor);

/* FD is a pidfd: the process it refers to (as the tracer numbers it), or
 * a negative errno (-ESRCH: that process is gone; -EINVAL: not a pidfd). */
pid_t DkStreamGetPidfdProcess(PAL_HANDLE thread, int fd);

/* A socket as the host's socket tables have it. */
struct pal_socket_info {
    /* the kernel's name of its protocol ("TCP", "UDPv6", "UNIX-STREAM",
     * "NETLINK"), "" when the host does not say */
    char protocol[32];
    PAL_NUM inode;
    /* its ends: AF_UNSPEC when the tables do not hold the socket (not
     * bound yet, or of a network namespace other than the tracer's) */
    int family;
    /* AF_INET, AF_INET6: the addresses in network byte order, the ports
     * in host order; a zero peer address and port when not connected */
    uint8_t addr[16], peer_addr[16];
    uint16_t port, peer_port;
    /* AF_UNIX: the peer's inode (0: none) and the name bound (name_len 0:
     * none; an abstract name starts with a NUL byte) */
    PAL_NUM peer_inode;
    char name[108];
    size_t name_len;
    /* AF_NETLINK: NETLINK_ROUTE..., and the port ID */
    int netlink_protocol;
    uint32_t portid;
};

/* FD is a socket: 0 and *INFO filled; -ENOTSOCK when it is not one. */
PAL_NODISCARD int DkStreamGetSocketInfo(PAL_HANDLE thread, int fd, struct pal_socket_info* info);

/* The CPU numbers ptshim can name, in the PAL, the shim and --cpus: the
 * most an x86-64 kernel knows (its largest NR_CPUS). */
#define PAL_MAX_CPUS 8192

/* Let THREAD run only on the CPU_NUM CPUs listed in CPU_INDEXES (as
 * sched_setaffinity(2); the host may narrow the set to the CPUs it allows
 * the thread).  -EINVAL when none of them can be used, -ESRCH when the
 * thread is gone. */
PAL_NODISCARD int DkThreadSetCPUAffinity(PAL_HANDLE thread, PAL_NUM cpu_num,
                                         const PAL_IDX* cpu_indexes);

/* THREAD runs on the CPUs that are its own from now on, never pinned
 * beside the tracer (DkSetPlacement): for a call whose result depends on
 * the thread's host affinity (SCHED_DEADLINE, which the host refuses to a
 * thread whose CPUs do not span its root domain), so that where ptshim
 * runs a thread never changes what it may do.  0 (at once when the PAL
 * pins no thread), or a negative errno. */
PAL_NODISCARD int DkThreadUnpin(PAL_HANDLE thread);

/* The CPUs THREAD may run on, in increasing order: the first MAX go to
 * CPU_INDEXES.  Returns how many there are, or a negative errno. */
PAL_NODISCARD long DkThreadGetCPUAffinity(PAL_HANDLE thread, PAL_IDX* cpu_indexes,
                                          PAL_NUM max);

/* The number of CPU IDs the host kernel knows (its nr_cpu_ids: the highest
 * possible CPU plus one). */
PAL_NUM DkSystemCPUIds(void);

/* The size in bytes of the host kernel's CPU mask: what
 * sched_getaffinity(2) returns, at least DkSystemCPUIds() bits. */
PAL_NUM DkSystemCPUMaskSize(void);

/* THREAD's credentials as the host has them (/proc/TID/status), each ID
 * as ptshim's user namespace names it. */
struct pal_identity {
    uid_t uid, euid, suid, fsuid;
    gid_t gid, egid, sgid, fsgid;
};

/* THREAD's credentials into *ID and its supplementary groups, the first
 * MAX of them, into GROUPS.  Returns how many groups it has (more than MAX:
 * call again with room for them), -ESRCH when the thread is gone, -EIO
 * when /proc says something else, or the -errno of reading it. */
PAL_NODISCARD long DkThreadGetIdentity(PAL_HANDLE thread, struct pal_identity* id,
                                       gid_t* groups, PAL_NUM max);

/* The tracer's own credentials, as DkThreadGetIdentity() gives a
 * thread's: what the host judges the tracer's own file operations by. */
PAL_NODISCARD long DkTracerGetIdentity(struct pal_identity* id, gid_t* groups, PAL_NUM max);

/* The tracer's stat(2) of the host path PATH (lstat(2) when NOFOLLOW),
 * into *ST: 0 or -errno. */
struct stat;
PAL_NODISCARD int DkFileStat(const char* path, bool nofollow, struct stat* st);

/* The first SIZE bytes at most of the file at the host path PATH, read by
 * the tracer, into BUF: how many, or -errno (of open(2) or read(2)). */
PAL_NODISCARD long DkFileReadHead(const char* path, void* buf, size_t size);

/* The umask of THREAD (of the "fs" state it may share with others), from
 * /proc/TID/status: 0 to 0777, -ENOENT when the host does not show it
 * (Linux before 4.7), -ESRCH when the thread is gone. */
PAL_NODISCARD long DkThreadGetUmask(PAL_HANDLE thread);

/* The personality(2) of THREAD (/proc/TID/personality): the value, or
 * -ESRCH when the thread is gone, -EACCES when the host does not let
 * ptshim read it (a thread that is not dumpable), -EIO. */
PAL_NODISCARD long DkThreadGetPersonality(PAL_HANDLE thread);

/* The signals THREAD blocks into *BLOCKED, and those pending for it or
 * its process into *PENDING (/proc/TID/status SigBlk, SigPnd and ShdPnd;
 * bit SIG-1 for signal SIG): 0, -ESRCH when the thread is gone, -EIO. */
PAL_NODISCARD int DkThreadGetSignals(PAL_HANDLE thread, uint64_t* blocked, uint64_t* pending);

/* Namespaces of a thread whose view of the system can differ from
 * ptshim's: IDs as the thread names them, uname's names, the boot time,
 * process IDs. */
#define PAL_NS_USER              0x01
#define PAL_NS_UTS               0x02
#define PAL_NS_TIME              0x04
#define PAL_NS_TIME_FOR_CHILDREN 0x08 /* where the thread's children will be */
#define PAL_NS_PID               0x10
#define PAL_NS_PID_FOR_CHILDREN  0x20

/* Which of the PAL_NS_* namespaces of THREAD are not ptshim's own: *FOREIGN
 * gets that set.  A namespace the host does not have (an older kernel) is
 * everyone's.  -ESRCH when the thread is gone, -EACCES when the host does
 * not let ptshim see them. */
PAL_NODISCARD int DkThreadGetNamespaces(PAL_HANDLE thread, PAL_FLG* foreign);

/* The host's limit RESOURCE (an RLIMIT_*) of THREAD's process, read by
 * ptshim (prlimit(2)): the soft limit in *CUR, the hard one in *MAX.
 * -EINVAL for an unknown resource, -ESRCH when the thread is gone, -EPERM
 * when the host does not let ptshim read it (the thread itself still can). */
PAL_NODISCARD int DkProcessGetLimit(PAL_HANDLE thread, PAL_IDX resource, PAL_NUM* cur,
                                    PAL_NUM* max);

/* The host's names, as uname(2) gives them to ptshim (its UTS namespace,
 * its personality) into *NAME.  0 or -errno. */
struct utsname;
PAL_NODISCARD int DkSystemGetName(struct utsname* name);

/* The host's sysinfo(2), as ptshim sees it (its time namespace), into
 * *INFO.  0 or -errno. */
struct sysinfo;
PAL_NODISCARD int DkSystemGetInfo(struct sysinfo* info);

/* The host's clock CLOCK (a clockid_t of the system-wide clocks: not a
 * process's or thread's CPU clock, nor a descriptor's), as ptshim reads
 * it (its time namespace): its time into *TIME and its resolution into
 * *RES, either of which may be NULL.  0 or -errno (-EINVAL for a clock
 * the host does not have). */
struct timespec;
PAL_NODISCARD int DkSystemTimeQuery(clockid_t clock, struct timespec* time,
                                    struct timespec* res);

/* Fill BUFFER with SIZE random bytes from the host's getrandom(2), with
 * FLAGS (getrandom's GRND_RANDOM, GRND_INSECURE; GRND_NONBLOCK is always
 * added: the tracer never waits for entropy).  Returns how many were
 * read (fewer than SIZE when the host gives fewer), -EAGAIN when the
 * host's pool is not ready yet (unless GRND_INSECURE), -EINVAL for flags
 * the host does not know. */
PAL_NODISCARD long DkRandomBitsRead(PAL_PTR buffer, PAL_NUM size, PAL_FLG flags);

/* The thread whose system call upcall runs now, on its own context, or
 * NULL on the event loop.  A context that waited in DkHostCall is its
 * thread's again when it resumes: the caller keeps no "current thread" of
 * its own to restore after each wait. */
PAL_HANDLE DkThreadCurrent(void);

/* Pointers the callers keep with THREAD, one per slot, NULL until set:
 * the record of a thread is its handle's, looked up by no one else.  Each
 * slot has one owner. */
enum pal_thread_slot {
    PAL_THREAD_SLOT_LIBOS, /* the library OS's record of the thread */
    PAL_THREAD_SLOT_TRACE, /* the trace's (the ptshim program's) */
    PAL_THREAD_SLOTS,
};
void DkThreadSetPrivate(PAL_HANDLE thread, enum pal_thread_slot slot, void* data);
void* DkThreadGetPrivate(PAL_HANDLE thread, enum pal_thread_slot slot);

/* The F_GETFL flags of THREAD's descriptor FD (access mode and status
 * flags) and its close-on-exec flag, as the host has them.  -EBADF when
 * FD is not open. */
PAL_NODISCARD int DkStreamGetFlags(PAL_HANDLE thread, int fd, int* flags, bool* cloexec);

/* THREAD's current directory as the host names it, not NUL-terminated,
 * SIZE bytes at most ("/a/b (deleted)" once it was removed).  Returns its
 * length; -ENAMETOOLONG when it does not fit, -EXDEV when THREAD's root
 * directory is not the tracer's (chroot: the name would not be THREAD's). */
PAL_NODISCARD long DkThreadGetCwd(PAL_HANDLE thread, char* buf, size_t size);

/* The target of the symbolic link at the host path PATH, as the tracer's
 * readlink(2) gives it, into BUF (SIZE bytes, not NUL-terminated): its
 * length; -ENAMETOOLONG when it does not fit; readlink's errno otherwise
 * (-EINVAL: PATH names a file that is not a symbolic link; -ENOENT,
 * -ENOTDIR, -EACCES, -ELOOP, -ENAMETOOLONG for the path itself). */
PAL_NODISCARD long DkFileReadLink(const char* path, char* buf, size_t size);

/* Number of threads currently traced. */
PAL_NUM DkThreadCount(void);

/* Diagnostics: "ptshim: " + message on stderr, never mixed with the
 * program's output or a trace.  Callers use the log_* macros of pal_log.h,
 * which test the level before evaluating their arguments. */
enum {
    PAL_LOG_NONE = 0,
    PAL_LOG_ERROR,
    PAL_LOG_WARNING,
    PAL_LOG_DEBUG,
    PAL_LOG_TRACE,
};
extern int g_pal_log_level;
void DkLog(int level, const char* file, int line, const char* func, const char* fmt, ...)
    __attribute__((format(printf, 5, 6)));
void DkLogV(int level, const char* file, int line, const char* func, const char* fmt,
            va_list ap) __attribute__((format(printf, 5, 0)));

#endif /* PAL_H */

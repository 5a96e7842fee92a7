/*
 * trace-sys.h: helpers shared by the trace-expectation programs of the
 * process, signal, memory, time and socket system calls (listed in
 * sys.list), on top of trace-fs.h's: buffers in \xHH form, protection
 * bits, the RELRO mprotect that static glibc makes before main, clocks,
 * timespec, itimerspec and itimerval arguments, signal numbers (with
 * SIGRTMIN for 32, which trace-fs.h's ssigno() names SIGRT_0), siginfo and
 * the line of a delivered signal, clock_t counts, address families and
 * socket addresses with their in/out lengths, and struct rusage.
 *
 * Static glibc also calls brk, arch_prctl, prlimit64 and getrandom before
 * main; the programs that trace those work out their lines themselves.
 *
 * Include it first, like trace-fs.h.
 */
#ifndef TRACE_SYS_H
#define TRACE_SYS_H

#include "trace-fs.h"

#include <arpa/inet.h>
#include <link.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/un.h>

/* LEN bytes of BUF as strace prints a binary buffer (getrandom's): every
 * byte as \xHH, with -s MAX truncation and "...". */
static inline const char* shex(const void* buf, size_t len, size_t max) {
    const unsigned char* s = buf;
    size_t n = len < max ? len : max;
    char* out = malloc(n * 4 + 6);
    char* o = out;

    CHECK(out != NULL);
    *o++ = '"';
    for (size_t i = 0; i < n; i++)
        o += sprintf(o, "\\x%02x", s[i]);
    *o++ = '"';
    *o = '\0';
    return len > max ? xasprintf("%s...", out) : out;
}

/* mmap's and mprotect's protection bits. */
static const struct xlat prot_flags[] = {
    XLAT(PROT_READ),      XLAT(PROT_WRITE),   XLAT(PROT_EXEC), { 0x8, "PROT_SEM" },
    XLAT(PROT_GROWSDOWN), XLAT(PROT_GROWSUP), XLAT_END,
};

/* Protection bits: PROT_NONE for 0, unknown bits in hex with the comment
 * "PROT_???" when none is known. */
static inline const char* sprot(unsigned long prot) {
    return prot ? sflags(prot_flags, prot, "PROT_???") : "PROT_NONE";
}

/* Called for each object: the main program comes first. */
static inline int trace_sys_relro(struct dl_phdr_info* info, size_t size, void* data) {
    unsigned long page = (unsigned long)sysconf(_SC_PAGESIZE);

    (void)size;
    (void)data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr)* ph = &info->dlpi_phdr[i];
        unsigned long start, end;

        if (ph->p_type != PT_GNU_RELRO)
            continue;
        start = (info->dlpi_addr + ph->p_vaddr) & ~(page - 1);
        end = (info->dlpi_addr + ph->p_vaddr + ph->p_memsz) & ~(page - 1);
        if (start != end)
            printf("mprotect(%#lx, %lu, PROT_READ) = 0\n", start, end - start);
    }
    return 1;
}

/* Static glibc makes the program's RELRO segment read-only with mprotect
 * before main (the whole pages it covers): that call's line. */
static inline void expect_startup_mprotect(void) {
    dl_iterate_phdr(trace_sys_relro, NULL);
}

/* Clock ids: names up to CLOCK_TAI, others (dynamic clocks of a process,
 * a thread or a file) in hex with the comment "CLOCK_???". */
static const struct xlat clock_ids[] = {
    XLAT(CLOCK_REALTIME),
    XLAT(CLOCK_MONOTONIC),
    XLAT(CLOCK_PROCESS_CPUTIME_ID),
    XLAT(CLOCK_THREAD_CPUTIME_ID),
    XLAT(CLOCK_MONOTONIC_RAW),
    XLAT(CLOCK_REALTIME_COARSE),
    XLAT(CLOCK_MONOTONIC_COARSE),
    XLAT(CLOCK_BOOTTIME),
    XLAT(CLOCK_REALTIME_ALARM),
    XLAT(CLOCK_BOOTTIME_ALARM),
    { 10, "CLOCK_SGI_CYCLE" },
    XLAT(CLOCK_TAI),
    XLAT_END,
};

static inline const char* sclock(int clock) {
    return sxval(clock_ids, (unsigned int)clock, "CLOCK_???");
}

/* A struct timespec argument, or its address when it cannot be read. */
static inline const char* stimespecp(const struct timespec* ts) {
    return mapped(ts) ? stimespec(ts) : sptr(ts);
}

/* struct itimerspec (timer_settime, timer_gettime), or its address. */
static inline const char* sitspec(const struct itimerspec* its) {
    if (!mapped(its))
        return sptr(its);
    return xasprintf("{it_interval=%s, it_value=%s}", stimespec(&its->it_interval),
                     stimespec(&its->it_value));
}

/* struct itimerval (setitimer, getitimer), or its address. */
static inline const char* sitimerval(const struct itimerval* itv) {
    if (!mapped(itv))
        return sptr(itv);
    return xasprintf("{it_interval=%s, it_value=%s}", stimeval(&itv->it_interval),
                     stimeval(&itv->it_value));
}

/* Address families. */
static const struct xlat families[] = {
    XLAT(AF_UNSPEC),  XLAT(AF_UNIX),   XLAT(AF_INET),  XLAT(AF_INET6),
    XLAT(AF_NETLINK), XLAT(AF_PACKET), XLAT(AF_VSOCK), XLAT_END,
};

static inline const char* sfamily(int family) {
    return sxval(families, (unsigned int)family, "AF_???");
}

/* A socket address of LEN bytes as strace prints it: AF_UNIX with its
 * path (@ for an abstract name, none when LEN holds only the family),
 * AF_INET with htons() and inet_addr(), AF_INET6 with inet_pton() (and
 * sin6_scope_id when LEN has room for it); the raw sa_data bytes for
 * AF_UNSPEC and for addresses too short for their family.  NULL, or the
 * address when unreadable or shorter than the family. */
static inline const char* ssockaddr(const void* addr, unsigned int len) {
    const struct sockaddr* sa = addr;
    const char* family;

    if (!addr)
        return "NULL";
    if (!mapped(addr) || len < sizeof(sa->sa_family))
        return sptr(addr);
    family = xasprintf("{sa_family=%s", sfamily(sa->sa_family));
    if ((sa->sa_family == AF_INET && len < sizeof(struct sockaddr_in)) ||
        (sa->sa_family == AF_INET6 && len < 24) || sa->sa_family == AF_UNSPEC) {
        size_t n = len - offsetof(struct sockaddr, sa_data);

        return xasprintf(
            "%s, sa_data=%s}", family,
            quote_bytes(sa->sa_data, n < sizeof(sa->sa_data) ? n : sizeof(sa->sa_data)));
    }
    switch (sa->sa_family) {
    case AF_UNIX: {
        const struct sockaddr_un* un = addr;
        size_t n = len - offsetof(struct sockaddr_un, sun_path);

        if (len <= offsetof(struct sockaddr_un, sun_path))
            return xasprintf("%s}", family);
        if (n > sizeof(un->sun_path))
            n = sizeof(un->sun_path);
        if (un->sun_path[0] == '\0')
            return xasprintf("%s, sun_path=@%s}", family, quote_bytes(un->sun_path + 1, n - 1));
        return xasprintf("%s, sun_path=%s}", family,
                         quote_bytes(un->sun_path, strnlen(un->sun_path, n)));
    }
    case AF_INET: {
        const struct sockaddr_in* in = addr;
        char buf[INET_ADDRSTRLEN];

        CHECK(inet_ntop(AF_INET, &in->sin_addr, buf, sizeof(buf)) != NULL);
        return xasprintf("%s, sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}", family,
                         ntohs(in->sin_port), buf);
    }
    case AF_INET6: {
        const struct sockaddr_in6* in6 = addr;
        char buf[INET6_ADDRSTRLEN];

        CHECK(inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof(buf)) != NULL);
        return xasprintf("%s, sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
                         "inet_pton(AF_INET6, \"%s\", &sin6_addr)%s}",
                         family, ntohs(in6->sin6_port), ntohl(in6->sin6_flowinfo), buf,
                         len < sizeof(*in6) ? ""
                                            : xasprintf(", sin6_scope_id=%u", in6->sin6_scope_id));
    }
    default:
        return xasprintf("%s}", family);
    }
}

/* The address and length arguments of a call that stores an address
 * (accept4, getsockname, recvfrom): both as addresses when either is NULL
 * or the length cannot be read at entry (HAVE_LEN 0), the length given
 * when the call failed, else the address in at most that many bytes and
 * the length given and returned ([16], [110 => 7]). */
static inline const char* saddr_out(const void* addr, const socklen_t* plen, int have_len,
                                    socklen_t len, long rc) {
    if (!have_len)
        return xasprintf("%s, %s", sptr(addr), sptr(plen));
    if (rc < 0)
        return xasprintf("%s, [%u]", sptr(addr), len);
    return xasprintf("%s, [%u%s]", ssockaddr(addr, len < *plen ? len : *plen), len,
                     len != *plen ? xasprintf(" => %u", *plen) : "");
}

/* Whether saddr_out() has a length: ADDR and PLEN set, PLEN readable. */
static inline int addrlen_given(const void* addr, const socklen_t* plen) {
    return addr && plen && mapped(plen);
}

/* struct rusage as strace prints it without -v: the two times, then "...". */
static inline const char* srusage(const struct rusage* ru) {
    return xasprintf("{ru_utime=%s, ru_stime=%s, ...}", stimeval(&ru->ru_utime),
                     stimeval(&ru->ru_stime));
}

/* A signal number as strace prints it alone: like ssigno(), except that
 * 32, the kernel's SIGRTMIN, has that name (SIGRT_0 does not exist). */
static inline const char* ssig(int sig) {
    return sig == 32 ? "SIGRTMIN" : ssigno(sig);
}

/* si_code as strace names it, for any signal. */
static const struct xlat si_codes[] = {
    { 0, "SI_USER" },
    { 0x80, "SI_KERNEL" },
    { (unsigned int)SI_QUEUE, "SI_QUEUE" },
    { (unsigned int)SI_TIMER, "SI_TIMER" },
    { (unsigned int)SI_MESGQ, "SI_MESGQ" },
    { (unsigned int)SI_ASYNCIO, "SI_ASYNCIO" },
    { (unsigned int)SI_SIGIO, "SI_SIGIO" },
    { (unsigned int)SI_TKILL, "SI_TKILL" },
    { (unsigned int)-7, "SI_DETHREAD" },
    { (unsigned int)SI_ASYNCNL, "SI_ASYNCNL" },
    XLAT_END,
};

/* si_code of SIGCHLD when positive. */
static const struct xlat cld_codes[] = {
    XLAT(CLD_EXITED),  XLAT(CLD_KILLED),    XLAT(CLD_DUMPED), XLAT(CLD_TRAPPED),
    XLAT(CLD_STOPPED), XLAT(CLD_CONTINUED), XLAT_END,
};

/* si_code: a name for any signal, then SIGCHLD's names, else in hex. */
static inline const char* ssicode(int code, int signo) {
    const struct xlat* t;

    for (t = si_codes; t->name; t++)
        if (t->val == (unsigned int)code)
            return t->name;
    for (t = cld_codes; signo == SIGCHLD && t->name; t++)
        if (t->val == (unsigned int)code)
            return t->name;
    return xasprintf("%#x", (unsigned int)code);
}

/* A clock_t count of ticks, with the seconds in a comment when not 0. */
static inline const char* sclock_t(long long ticks) {
    long long hz = sysconf(_SC_CLK_TCK);

    if (!ticks)
        return "0";
    return xasprintf("%lld /* %lld.%02lld s */", ticks, ticks / hz, ticks % hz * 100 / hz);
}

/* A siginfo_t as strace prints it: {} when si_signo is 0; else the signal
 * and si_code, si_errno by name when not 0, then the fields that go with
 * the code: for codes of processes (0 and below) the sender, with the
 * value when si_ptr is set (a timer's id and overrun for SI_TIMER); for
 * SIGCHLD's codes the child, its status (an exit code or a signal) and
 * times; for other kernel codes of the signals here, the sender and value
 * when set. */
static inline const char* ssiginfo(const siginfo_t* si) {
    const char* out;
    const char* src = xasprintf(", si_pid=%d, si_uid=%u", si->si_pid, si->si_uid);
    const char* val = xasprintf(", si_int=%d, si_ptr=%s", si->si_int, sptr(si->si_ptr));

    if (si->si_signo == 0)
        return "{}";
    out = xasprintf("{si_signo=%s, si_code=%s", ssig(si->si_signo),
                    ssicode(si->si_code, si->si_signo));
    if (si->si_errno)
        out = xasprintf("%s, si_errno=%s", out,
                        strerrorname_np(si->si_errno) ? strerrorname_np(si->si_errno)
                                                      : xasprintf("%d", si->si_errno));
    if (si->si_code <= 0) {
        switch (si->si_code) {
        case SI_USER:
        case SI_TKILL:
            return xasprintf("%s%s}", out, src);
        case SI_TIMER:
            return xasprintf("%s, si_timerid=%#x, si_overrun=%d%s}", out,
                             (unsigned int)si->si_timerid, si->si_overrun, val);
        default:
            return xasprintf("%s%s%s}", out, src, si->si_ptr ? val : "");
        }
    }
    if (si->si_signo == SIGCHLD) {
        const char* status =
            si->si_code == CLD_EXITED ? xasprintf("%d", si->si_status) : ssig(si->si_status);

        return xasprintf("%s%s, si_status=%s, si_utime=%s, si_stime=%s}", out, src, status,
                         sclock_t(si->si_utime), sclock_t(si->si_stime));
    }
    return xasprintf("%s%s%s}", out, si->si_pid || si->si_uid ? src : "", si->si_ptr ? val : "");
}

/* The line strace prints when SI is delivered. */
static inline void expect_signal(const siginfo_t* si) {
    printf("--- %s %s ---\n", ssig(si->si_signo), ssiginfo(si));
}

/* A signal sent by this process to itself with kill, tgkill or tkill (CODE
 * SI_USER or SI_TKILL), delivered: its line. */
static inline void expect_sent(int sig, int code) {
    siginfo_t si;

    memset(&si, 0, sizeof(si));
    si.si_signo = sig;
    si.si_code = code;
    si.si_pid = getpid();
    si.si_uid = getuid();
    expect_signal(&si);
}

#endif /* TRACE_SYS_H */

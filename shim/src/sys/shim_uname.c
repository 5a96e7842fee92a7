/*
 * shim_uname.c
 *
 * Implementation of system calls "uname", "sysinfo" and "personality".
 *
 * uname and sysinfo answer with what the host tells the tracer
 * (DkSystemGetName, DkSystemGetInfo), read at each call: the host name and
 * the counters change.  Where the calling thread's view differs from the
 * tracer's, the host answers the thread's own call: another UTS namespace
 * (names) or time namespace (uptime), or a personality that makes the
 * kernel rewrite uname's answer (PER_LINUX32's machine, UNAME26's
 * release).  The shim therefore keeps each thread's personality:
 * personality(2) runs on the host, and the shim records what it set.
 */
#include "config.h"

#include <errno.h>
#include <sys/personality.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include "shim_identity.h"
#include "shim_table.h"
#include "shim_thread.h"

/* the kernel's struct new_utsname: six fields of 65 bytes */
_Static_assert(sizeof(struct utsname) == 6 * 65, "struct utsname is not the kernel's");
/* the kernel's struct sysinfo on x86-64 */
_Static_assert(sizeof(struct sysinfo) == 112, "struct sysinfo is not the kernel's");

/* personality(0xffffffff) only asks */
#define PERSONALITY_QUERY 0xffffffffU

long shim_do_uname(uptr name) {
    struct shim_thread* self = shim_cur_thread();
    long pers = shim_thread_personality(self);
    struct utsname u;
    int ret;

    if (pers < 0 || (pers & UNAME26) || (pers & PER_MASK) == PER_LINUX32 ||
        shim_thread_ns_foreign(self, PAL_NS_UTS))
        return shim_pass_to_host();
    ret = DkSystemGetName(&u);
    if (ret < 0)
        return shim_pass_to_host();
    return copy_to_user(name, &u, sizeof(u));
}

long shim_do_sysinfo(uptr info) {
    struct sysinfo si;
    int ret;

    if (shim_thread_ns_foreign(shim_cur_thread(), PAL_NS_TIME))
        return shim_pass_to_host();
    ret = DkSystemGetInfo(&si);
    if (ret < 0)
        return shim_pass_to_host();
    return copy_to_user(info, &si, sizeof(si));
}

long shim_do_personality(unsigned int personality) {
    struct shim_thread* self = shim_cur_thread();
    long ret;

    if (personality == PERSONALITY_QUERY) {
        ret = shim_thread_personality(self);
        if (ret >= 0)
            return ret;
    }
    /* the kernel returns the former personality and cannot fail */
    ret = shim_host_call_self();
    if (ret >= 0)
        shim_thread_set_personality(self, personality == PERSONALITY_QUERY ? ret
                                                                             : (long)personality);
    return ret;
}

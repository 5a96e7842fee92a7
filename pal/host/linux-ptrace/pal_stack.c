/*
 * pal_stack.c: a stopped thread's stack, unwound with libunwind-ptrace
 * and named by the files it runs in (-k).
 *
 * Each process's executable mappings are read from /proc/PID/maps when a
 * stack is first wanted and again only after some thread entered a call
 * that maps or unmaps memory (_DkStackSyscallEntry) or completed an
 * execve (_DkStackMapsChanged); symbols come from
 * pal_symbols.c's per-file cache.  So a stack trace costs the unwinding
 * (libunwind reads the stack through ptrace) and a binary search per
 * frame.
 */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <libunwind-ptrace.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/tree.h>

#include "pal_host.h"
#include "pal_log.h"

/* bumped by each call that maps or unmaps memory: the mappings a stack
 * trace read before are then read again */
static unsigned g_maps_generation = 1;

void _DkStackMapsChanged(void) {
    g_maps_generation++;
}

/* The calls that change a process's mappings, seen at their entry: the
 * next stack trace comes after them.  mprotect and pkey_mprotect may make
 * a file mapping executable; remap_file_pages maps its pages anew.  (A
 * call through the 32-bit gate has other numbers; only x86-64's are
 * watched.) */
void _DkStackSyscallEntry(const struct pal_event* ev) {
    if (ev->compat)
        return;
    switch (ev->sysno) {
    case SYS_mmap:
    case SYS_munmap:
    case SYS_mremap:
    case SYS_mprotect:
    case SYS_pkey_mprotect:
    case SYS_remap_file_pages:
    case SYS_shmat:
    case SYS_shmdt:
        _DkStackMapsChanged();
        break;
    }
}

struct pal_mapping {
    PAL_NUM start, end, offset;
    struct pal_elf* elf;
};

struct pal_maps {
    RB_ENTRY(pal_maps) entry;
    pid_t tgid;
    unsigned generation; /* g_maps_generation when read */
    struct pal_mapping* m;
    size_t n, cap;
};

static int maps_cmp(const struct pal_maps* a, const struct pal_maps* b) {
    return a->tgid < b->tgid ? -1 : a->tgid > b->tgid;
}

RB_HEAD(maps_tree, pal_maps);
/* RB_GENERATE_STATIC, spelled out: libbsd leaves its __unused undefined */
RB_GENERATE_INTERNAL(maps_tree, pal_maps, entry, maps_cmp, __attribute__((__unused__)) static)
static struct maps_tree g_maps = RB_INITIALIZER(&g_maps);

static unw_addr_space_t g_unw_as;

/* Read the executable file mappings of process M->tgid. */
static int maps_read(struct pal_maps* m) {
    char path[64], *line = NULL;
    size_t linecap = 0;
    FILE* f;

    snprintf(path, sizeof(path), "/proc/%d/maps", m->tgid);
    f = fopen(path, "re");
    if (!f)
        return -errno;
    m->n = 0;
    while (getline(&line, &linecap, f) > 0) {
        unsigned long long start, end, offset, ino;
        unsigned maj, min;
        char perms[8];
        int name_at = 0;
        struct pal_elf* elf;

        if (sscanf(line, "%llx-%llx %7s %llx %x:%x %llu %n", &start, &end, perms, &offset, &maj,
                   &min, &ino, &name_at) < 7 ||
            perms[2] != 'x' || !name_at || line[name_at] != '/')
            continue;
        line[strcspn(line, "\n")] = '\0';
        elf = _DkElfGet(line + name_at, makedev(maj, min), (ino_t)ino, m->tgid, start, end);
        if (!elf)
            continue;
        if (m->n == m->cap) {
            size_t cap = m->cap ? 2 * m->cap : 32;
            struct pal_mapping* p = realloc(m->m, cap * sizeof(*p));

            if (!p)
                break;
            m->m = p;
            m->cap = cap;
        }
        m->m[m->n++] = (struct pal_mapping){start, end, offset, elf};
    }
    free(line);
    fclose(f);
    m->generation = g_maps_generation;
    return 0;
}

static struct pal_maps* maps_get(pid_t tgid) {
    struct pal_maps key = {.tgid = tgid}, *m = RB_FIND(maps_tree, &g_maps, &key);

    if (!m) {
        m = calloc(1, sizeof(*m));
        if (!m)
            return NULL;
        m->tgid = tgid;
        RB_INSERT(maps_tree, &g_maps, m);
    }
    if (m->generation != g_maps_generation && maps_read(m) < 0)
        return NULL;
    return m;
}

static const struct pal_mapping* maps_find(const struct pal_maps* m, PAL_NUM pc) {
    for (size_t i = 0; i < m->n; i++)
        if (pc >= m->m[i].start && pc < m->m[i].end)
            return &m->m[i];
    return NULL;
}

void _DkStackProcessGone(pid_t tgid) {
    struct pal_maps key = {.tgid = tgid}, *m = RB_FIND(maps_tree, &g_maps, &key);

    if (m) {
        RB_REMOVE(maps_tree, &g_maps, m);
        free(m->m);
        free(m);
    }
}

void _DkStackThreadGone(struct pal_thread* t) {
    if (t->unwind) {
        _UPT_destroy(t->unwind);
        t->unwind = NULL;
    }
}

int DkThreadStackTrace(PAL_HANDLE t, struct pal_frame* frames, int max) {
    struct pal_maps* maps;
    unw_cursor_t cursor;
    pid_t tgid = DkThreadGetProcessId(t);
    bool reread = false;
    int n = 0;

    if (tgid < 0)
        return tgid;
    if (!g_unw_as) {
        g_unw_as = unw_create_addr_space(&_UPT_accessors, 0);
        if (!g_unw_as)
            return -ENOMEM;
        unw_set_caching_policy(g_unw_as, UNW_CACHE_GLOBAL);
    }
    if (!t->unwind && !(t->unwind = _UPT_create(t->tid)))
        return -ENOMEM;
    maps = maps_get(tgid);
    if (!maps)
        return -ENOMEM;
    if (unw_init_remote(&cursor, g_unw_as, t->unwind) < 0)
        return -EIO;
    do {
        unw_word_t ip;
        const struct pal_mapping* map;
        struct pal_frame* f = &frames[n];

        if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0 || !ip)
            break;
        memset(f, 0, sizeof(*f));
        f->pc = ip;
        map = maps_find(maps, ip);
        if (!map && !reread) {
            /* perhaps mapped by a call the counter has not seen yet (by
             * a thread still running): read again, once per trace */
            reread = true;
            if (maps_read(maps) == 0)
                map = maps_find(maps, ip);
        }
        if (map) {
            f->path = _DkElfPath(map->elf);
            f->offset = ip - map->start + map->offset;
            f->symbol = _DkElfSymbol(map->elf, f->offset, &f->symbol_offset);
        }
        n++;
    } while (n < max && unw_step(&cursor) > 0);
    return n;
}

/*
 * pal_symbols.c: function symbols of the files a traced program maps, for
 * stack traces (-k).
 *
 * Each file's symbol table (.symtab, else .dynsym) is read once, when the
 * mappings of a process that maps it executable are read (pal_stack.c),
 * into an array sorted by address; a frame then costs one binary search.  Files are named by path, device and inode, so
 * that a library every process maps is read once however many processes
 * map it, and a file replaced on disk is read again.  Nothing is freed
 * before ptshim ends: the table grows with the number of distinct files.
 *
 * The program controls these files: it can unlink one, put a FIFO in its
 * place or truncate it while the tracer reads.  So a file is reached
 * through the mapping where the kernel lets the tracer, is never waited
 * on, and is read with pread(2), never mapped.
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/tree.h>
#include <unistd.h>

#include "pal_host.h"
#include "pal_log.h"

struct pal_symbol {
    PAL_NUM addr; /* its link-time virtual address */
    size_t index; /* in the file's table: of aliases, the first is named */
    const char* name;
};

struct pal_load {
    PAL_NUM offset, vaddr, size; /* a PT_LOAD segment: file offset -> address */
};

struct pal_elf {
    RB_ENTRY(pal_elf) entry;
    const char* path; /* owned (never freed: the cache lives as long as ptshim) */
    dev_t dev;
    ino_t ino;
    struct pal_symbol* syms;
    size_t nsyms;
    char* names; /* the string table the symbols point into */
    struct pal_load* loads;
    size_t nloads;
};

static int elf_cmp(const struct pal_elf* a, const struct pal_elf* b) {
    if (a->dev != b->dev)
        return a->dev < b->dev ? -1 : 1;
    if (a->ino != b->ino)
        return a->ino < b->ino ? -1 : 1;
    return strcmp(a->path, b->path);
}

RB_HEAD(elf_tree, pal_elf);
/* RB_GENERATE_STATIC, spelled out: libbsd leaves its __unused undefined */
RB_GENERATE_INTERNAL(elf_tree, pal_elf, entry, elf_cmp, __attribute__((__unused__)) static)
static struct elf_tree g_elves = RB_INITIALIZER(&g_elves);

static int sym_cmp(const void* a, const void* b) {
    const struct pal_symbol *x = a, *y = b;

    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Whether [OFF, OFF+LEN) lies within a file of SIZE bytes. */
static bool within(size_t size, uint64_t off, uint64_t len) {
    return off <= size && len <= size - off;
}

/*
 * The file is read with pread(2), never mapped: the program (or anyone)
 * may truncate it at any moment, and a mapping would then fault with
 * SIGBUS in the tracer.  Read this way, a file that shrank reads short and
 * has no symbols.  LEN bytes at OFF into BUF: 0, or -ENOEXEC when the file
 * ends before, or -errno.
 */
static int read_at(int fd, void* buf, size_t len, uint64_t off) {
    char* p = buf;

    while (len) {
        ssize_t n = pread(fd, p, len, (off_t)off);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (n == 0)
            return -ENOEXEC;
        p += n;
        off += (uint64_t)n;
        len -= (size_t)n;
    }
    return 0;
}

/* Collect the function symbols of the section SH (a symbol table) of the
 * file FD of SIZE bytes, whose section headers are SHDRS. */
static int read_symtab(struct pal_elf* e, int fd, size_t size, const Elf64_Shdr* shdrs,
                       size_t nshdrs, const Elf64_Shdr* sh) {
    Elf64_Sym chunk[256]; /* read a few at a time: a table can be large */
    const Elf64_Shdr* strsh;
    size_t n, kept = 0;
    int ret;

    if (sh->sh_link >= nshdrs || sh->sh_entsize != sizeof(Elf64_Sym) ||
        !within(size, sh->sh_offset, sh->sh_size))
        return -ENOEXEC;
    strsh = &shdrs[sh->sh_link];
    if (!within(size, strsh->sh_offset, strsh->sh_size) || !strsh->sh_size)
        return -ENOEXEC;
    n = sh->sh_size / sizeof(Elf64_Sym);
    e->names = malloc(strsh->sh_size + 1);
    e->syms = calloc(n ? n : 1, sizeof(*e->syms));
    if (!e->names || !e->syms)
        return -ENOMEM;
    ret = read_at(fd, e->names, strsh->sh_size, strsh->sh_offset);
    if (ret < 0)
        return ret;
    e->names[strsh->sh_size] = '\0';
    for (size_t i = 0; i < n; i++) {
        const Elf64_Sym* s;

        if (i % 256 == 0) {
            size_t m = n - i < 256 ? n - i : 256;

            ret = read_at(fd, chunk, m * sizeof(chunk[0]), sh->sh_offset + i * sizeof(chunk[0]));
            if (ret < 0)
                return ret;
        }
        s = &chunk[i % 256];
        if (ELF64_ST_TYPE(s->st_info) != STT_FUNC || s->st_shndx == SHN_UNDEF || !s->st_value ||
            s->st_name >= strsh->sh_size)
            continue;
        e->syms[kept].addr = s->st_value;
        e->syms[kept].index = i;
        e->syms[kept].name = e->names + s->st_name;
        kept++;
    }
    e->nsyms = kept;
    qsort(e->syms, kept, sizeof(*e->syms), sym_cmp);
    return 0;
}

static int read_elf(struct pal_elf* e, int fd, size_t size) {
    Elf64_Ehdr eh;
    Elf64_Phdr* phdrs = NULL;
    Elf64_Shdr *shdrs = NULL, *symtab = NULL, *dynsym = NULL;
    int ret;

    ret = read_at(fd, &eh, sizeof(eh), 0);
    if (ret < 0)
        return ret;
    if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
        eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_shentsize != sizeof(Elf64_Shdr) ||
        !within(size, eh.e_phoff, (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr)) ||
        !within(size, eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr)))
        return -ENOEXEC;
    /* at most 65535 of each: a few MiB at worst */
    phdrs = calloc(eh.e_phnum ? eh.e_phnum : 1, sizeof(*phdrs));
    shdrs = calloc(eh.e_shnum ? eh.e_shnum : 1, sizeof(*shdrs));
    e->loads = calloc(eh.e_phnum ? eh.e_phnum : 1, sizeof(*e->loads));
    if (!phdrs || !shdrs || !e->loads) {
        ret = -ENOMEM;
        goto out;
    }
    ret = read_at(fd, phdrs, eh.e_phnum * sizeof(*phdrs), eh.e_phoff);
    if (ret < 0)
        goto out;
    for (size_t i = 0; i < eh.e_phnum; i++)
        if (phdrs[i].p_type == PT_LOAD)
            e->loads[e->nloads++] =
                (struct pal_load){phdrs[i].p_offset, phdrs[i].p_vaddr, phdrs[i].p_filesz};
    ret = read_at(fd, shdrs, eh.e_shnum * sizeof(*shdrs), eh.e_shoff);
    if (ret < 0)
        goto out;
    for (size_t i = 0; i < eh.e_shnum; i++) {
        if (shdrs[i].sh_type == SHT_SYMTAB)
            symtab = &shdrs[i];
        else if (shdrs[i].sh_type == SHT_DYNSYM)
            dynsym = &shdrs[i];
    }
    /* a stripped file keeps only .dynsym, the exported functions */
    if (symtab || dynsym)
        ret = read_symtab(e, fd, size, shdrs, eh.e_shnum, symtab ? symtab : dynsym);
out:
    free(phdrs);
    free(shdrs);
    return ret;
}

/* Forget what a file that could not be read left: it has no symbols. */
static void elf_drop(struct pal_elf* e) {
    free(e->syms);
    free(e->names);
    free(e->loads);
    e->syms = NULL;
    e->names = NULL;
    e->loads = NULL;
    e->nsyms = e->nloads = 0;
}

/*
 * The file NAME (a path, or a /proc/PID/map_files link) for reading, if it
 * is a regular file of inode INO, the one mapped; else -errno.  The name
 * may now be anything (the program renames what it wants, and a FIFO or
 * a terminal must not keep the tracer waiting, nor a device see an open):
 * it is opened O_PATH, which opens nothing, checked, and only then opened
 * for reading through the descriptor, which still names the same file.
 */
static int open_mapped(const char* name, ino_t ino, struct stat* st) {
    char self[64];
    int pfd, fd;

    pfd = open(name, O_PATH | O_CLOEXEC);
    if (pfd < 0)
        return -errno;
    if (fstat(pfd, st) < 0) {
        fd = -errno;
        goto out;
    }
    if (!S_ISREG(st->st_mode) || st->st_ino != ino) {
        fd = S_ISREG(st->st_mode) ? -ESTALE : -ENOEXEC; /* for the log */
        goto out;
    }
    snprintf(self, sizeof(self), "/proc/self/fd/%d", pfd);
    fd = open(self, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        fd = -errno;
out:
    close(pfd);
    return fd;
}

/* The cached file PATH (dev, ino as /proc/PID/maps says; mapped at START
 * to END in process TGID), read on first use; NULL when out of memory.  A
 * file that cannot be read is cached without symbols. */
struct pal_elf* _DkElfGet(const char* path, dev_t dev, ino_t ino, pid_t tgid, PAL_NUM start,
                          PAL_NUM end) {
    struct pal_elf key = {.path = path, .dev = dev, .ino = ino}, *e;
    char map_file[96];
    struct stat st;
    char* copy;
    int fd;

    e = RB_FIND(elf_tree, &g_elves, &key);
    if (e)
        return e;
    e = calloc(1, sizeof(*e));
    copy = strdup(path);
    if (!e || !copy) {
        free(e);
        free(copy);
        return NULL;
    }
    e->path = copy;
    e->dev = dev;
    e->ino = ino;
    RB_INSERT(elf_tree, &g_elves, e);
    /* The mapping itself, even unlinked (its name then ends in
     * " (deleted)"), where the tracer may follow map_files' links
     * (CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE); else the file by its
     * name, if it is still the one mapped. */
    snprintf(map_file, sizeof(map_file), "/proc/%d/map_files/%llx-%llx", (int)tgid,
             (unsigned long long)start, (unsigned long long)end);
    fd = open_mapped(map_file, ino, &st);
    if (fd < 0)
        fd = open_mapped(path, ino, &st);
    if (fd < 0) {
        log_debug("no symbols from %s: %s", path, strerror(-fd));
        return e;
    }
    if (read_elf(e, fd, (size_t)st.st_size) < 0) {
        log_debug("no symbols from %s", path);
        elf_drop(e);
    }
    close(fd);
    return e;
}

const char* _DkElfPath(const struct pal_elf* e) {
    return e->path;
}

/* The function containing file offset OFF of E: the nearest symbol at or
 * before its address (as libunwind names frames, so stripped local
 * functions take the name of the exported one before them). */
const char* _DkElfSymbol(const struct pal_elf* e, PAL_NUM off, PAL_NUM* sym_off) {
    PAL_NUM addr = 0;
    size_t lo = 0, hi;
    bool found = false;

    for (size_t i = 0; i < e->nloads; i++)
        if (off >= e->loads[i].offset && off - e->loads[i].offset < e->loads[i].size) {
            addr = e->loads[i].vaddr + (off - e->loads[i].offset);
            found = true;
            break;
        }
    if (!found || !e->nsyms || addr < e->syms[0].addr)
        return NULL;
    hi = e->nsyms;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;

        if (e->syms[mid].addr <= addr)
            lo = mid;
        else
            hi = mid;
    }
    while (lo > 0 && e->syms[lo - 1].addr == e->syms[lo].addr)
        lo--; /* aliases (write, __write): the table's first, as libunwind */
    *sym_off = addr - e->syms[lo].addr;
    return e->syms[lo].name;
}

/*
 * map-exec.c: executable file mappings that change under a tracer that
 * reads them for -k's symbols (trace-stack-*.test).
 *
 *   map-exec mkelf FILE MB    write FILE, an ELF file whose string table
 *                             is MB MiB long (sparse), its symbols last
 *   map-exec map-fd           map descriptor 3 executable, make calls,
 *                             unmap it; the file is opened by no one
 *                             else but a tracer
 *   map-exec truncate FILE    (run beside, untraced) wait until someone
 *                             opens FILE, then truncate it to one page
 *   map-exec fifo DIR         map a file of DIR executable, unlink it and
 *                             leave a FIFO named as /proc/PID/maps then
 *                             names the mapping: "FILE (deleted)"
 *
 * Each mode but mkelf and truncate prints what it did; nothing it prints
 * depends on the tracer.
 */
#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests.h"

#define PAGE 4096

static void write_at(int fd, const void* buf, size_t len, off_t off) {
    CHECK(pwrite(fd, buf, len, off) == (ssize_t)len);
}

/* An ELF header, one PT_LOAD, three section headers (none, .symtab,
 * .strtab) in the first page; the string table from the second page on,
 * MB MiB of it, and the two symbols after it: a reader that maps the file
 * copies the string table before it reaches the symbols. */
static int mkelf(const char* path, long mb) {
    size_t strsz = (size_t)mb << 20;
    off_t symoff = PAGE + (off_t)strsz;
    Elf64_Ehdr eh = {
        .e_ident = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT},
        .e_type = ET_DYN,
        .e_machine = EM_X86_64,
        .e_version = EV_CURRENT,
        .e_phoff = sizeof(Elf64_Ehdr),
        .e_shoff = sizeof(Elf64_Ehdr) + sizeof(Elf64_Phdr),
        .e_ehsize = sizeof(Elf64_Ehdr),
        .e_phentsize = sizeof(Elf64_Phdr),
        .e_phnum = 1,
        .e_shentsize = sizeof(Elf64_Shdr),
        .e_shnum = 3,
    };
    Elf64_Phdr ph = {.p_type = PT_LOAD,
                     .p_flags = PF_R | PF_X,
                     .p_filesz = (Elf64_Xword)symoff,
                     .p_memsz = (Elf64_Xword)symoff,
                     .p_align = PAGE};
    Elf64_Shdr sh[3] = {
        {0},
        {.sh_type = SHT_SYMTAB,
         .sh_offset = (Elf64_Off)symoff,
         .sh_size = 2 * sizeof(Elf64_Sym),
         .sh_link = 2,
         .sh_entsize = sizeof(Elf64_Sym)},
        {.sh_type = SHT_STRTAB, .sh_offset = PAGE, .sh_size = strsz},
    };
    Elf64_Sym syms[2] = {
        {0},
        {.st_name = 1, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC), .st_shndx = 1,
         .st_value = PAGE},
    };
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);

    CHECK(fd >= 0);
    CHECK(mb > 0);
    write_at(fd, &eh, sizeof(eh), 0);
    write_at(fd, &ph, sizeof(ph), (off_t)eh.e_phoff);
    write_at(fd, sh, sizeof(sh), (off_t)eh.e_shoff);
    write_at(fd, "\0entry", 7, PAGE);
    write_at(fd, syms, sizeof(syms), symoff);
    CHECK(close(fd) == 0);
    return 0;
}

/* Map descriptor 3 (an ELF file) executable, make calls while it is
 * mapped, unmap it.  Its pages are never touched: another process may
 * truncate the file meanwhile. */
static int map_fd(void) {
    struct stat st;
    void* p;

    CHECK(fstat(3, &st) == 0);
    p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_EXEC, MAP_PRIVATE, 3, 0);
    CHECK(p != MAP_FAILED);
    printf("mapped %lld bytes\n", (long long)st.st_size);
    fflush(stdout);
    CHECK(getppid() > 0);
    CHECK(munmap(p, (size_t)st.st_size) == 0);
    printf("unmapped\n");
    return 0;
}

/* Wait until FILE is opened, then truncate it to one page: the ELF
 * header stays, the tables are gone.  Prints "ready" once it watches. */
static int truncate_on_open(const char* path) {
    union {
        struct inotify_event ev;
        char buf[sizeof(struct inotify_event) + NAME_MAX + 1];
    } u;
    int in = inotify_init1(IN_CLOEXEC);

    CHECK(in >= 0);
    CHECK(inotify_add_watch(in, path, IN_OPEN) >= 0);
    printf("ready\n");
    fflush(stdout);
    CHECK(read(in, &u, sizeof(u)) > 0);
    CHECK(truncate(path, PAGE) == 0);
    return 0;
}

/* Map DIR/mapped executable, unlink it, put a FIFO named "DIR/mapped
 * (deleted)" in its place, map and write again (a tracer reads the
 * mappings again after a mapping call), and clean up. */
static int fifo(const char* dir) {
    char path[PATH_MAX], fifo_path[PATH_MAX + 16];
    void *p, *q;
    int fd;

    snprintf(path, sizeof(path), "%s/mapped", dir);
    snprintf(fifo_path, sizeof(fifo_path), "%s (deleted)", path);
    fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0755);
    CHECK(fd >= 0);
    CHECK(ftruncate(fd, PAGE) == 0);
    p = mmap(NULL, PAGE, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0);
    CHECK(p != MAP_FAILED);
    CHECK(close(fd) == 0);
    CHECK(unlink(path) == 0);
    CHECK(mkfifo(fifo_path, 0600) == 0);
    printf("mapped, unlinked, FIFO in its place\n");
    fflush(stdout);
    q = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(q != MAP_FAILED);
    printf("mapped again\n");
    fflush(stdout);
    CHECK(munmap(q, PAGE) == 0);
    CHECK(munmap(p, PAGE) == 0);
    CHECK(unlink(fifo_path) == 0);
    printf("done\n");
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && !strcmp(argv[1], "mkelf"))
        return mkelf(argv[2], atol(argv[3]));
    if (argc == 2 && !strcmp(argv[1], "map-fd"))
        return map_fd();
    if (argc == 3 && !strcmp(argv[1], "truncate"))
        return truncate_on_open(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "fifo"))
        return fifo(argv[2]);
    fprintf(stderr, "usage: map-exec mkelf FILE MB | map-fd | truncate FILE | fifo DIR\n");
    return 2;
}

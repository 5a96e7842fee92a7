/*
 * shim-mem-numa.c: get_mempolicy, set_mempolicy, mbind,
 * set_mempolicy_home_node, migrate_pages, move_pages, process_madvise and
 * process_mrelease (shim-memev.h).  Node masks name node 0 only, which
 * every NUMA kernel has.
 */
#include "shim-memev.h"

#include <sys/wait.h>

#define MPOL_DEFAULT     0
#define MPOL_PREFERRED   1
#define MPOL_BIND        2
#define MPOL_INTERLEAVE  3
#define MPOL_LOCAL       4
#define MPOL_F_STATIC_NODES   (1 << 15)
#define MPOL_F_RELATIVE_NODES (1 << 14)
#define MPOL_F_NUMA_BALANCING (1 << 13)
#define MPOL_F_NODE         1
#define MPOL_F_ADDR         2
#define MPOL_F_MEMS_ALLOWED 4
#define MPOL_MF_STRICT   1
#define MPOL_MF_MOVE     2
#define MPOL_MF_MOVE_ALL 4

static unsigned long g_node0[16] = {1};
static unsigned long g_big[1024];

static void section_policy(void) {
    int mode = -1;
    unsigned long mask[16];

    T("get_mempolicy", syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0));
    printf("  mode %d\n", mode);
    T("get_mempolicy(flags 8)", syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 8));
    T("get_mempolicy(MPOL_F_MEMS_ALLOWED|MPOL_F_NODE)",
      syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, MPOL_F_MEMS_ALLOWED | MPOL_F_NODE));
    T("get_mempolicy(an address without MPOL_F_ADDR)",
      syscall(SYS_get_mempolicy, &mode, NULL, 0, g_node0, 0));
    T("get_mempolicy(MPOL_F_ADDR, nothing mapped)",
      syscall(SYS_get_mempolicy, &mode, NULL, 0, hole(), MPOL_F_ADDR));
    T("get_mempolicy(MPOL_F_ADDR)", syscall(SYS_get_mempolicy, &mode, NULL, 0, g_node0, MPOL_F_ADDR));
    T("get_mempolicy(MPOL_F_MEMS_ALLOWED)",
      syscall(SYS_get_mempolicy, &mode, mask, 1024, NULL, MPOL_F_MEMS_ALLOWED));
    printf("  node 0 allowed: %s\n", mask[0] & 1 ? "yes" : "no");
    T("get_mempolicy(maxnode 0)", syscall(SYS_get_mempolicy, &mode, mask, 0, NULL, 0));
    T("get_mempolicy(maxnode 0, flags 8)", syscall(SYS_get_mempolicy, &mode, mask, 0, NULL, 8));
    T("get_mempolicy(maxnode 0, no mask)", syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0));
    T("get_mempolicy(bad mask)", syscall(SYS_get_mempolicy, &mode, BAD, 1024, NULL, 0));
    T("get_mempolicy(bad policy)", syscall(SYS_get_mempolicy, BAD, NULL, 0, NULL, 0));
    T("get_mempolicy(maxnode 1 << 20)", syscall(SYS_get_mempolicy, &mode, g_big, 8192, NULL, 0));

    T("set_mempolicy(7)", syscall(SYS_set_mempolicy, 7, NULL, 0));
    T("set_mempolicy(99)", syscall(SYS_set_mempolicy, 99, NULL, 0));
    T("set_mempolicy(-1)", syscall(SYS_set_mempolicy, -1, NULL, 0));
    T("set_mempolicy(STATIC|RELATIVE)",
      syscall(SYS_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES, g_node0, 64));
    T("set_mempolicy(NUMA_BALANCING, interleave)",
      syscall(SYS_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_NUMA_BALANCING, g_node0, 64));
    T("set_mempolicy(bind, maxnode 1 << 20)", syscall(SYS_set_mempolicy, MPOL_BIND, g_node0, 1UL << 20));
    T("set_mempolicy(bind, maxnode 0)", syscall(SYS_set_mempolicy, MPOL_BIND, g_node0, 0));
    T("set_mempolicy(bind, no nodes)", syscall(SYS_set_mempolicy, MPOL_BIND, NULL, 64));
    T("set_mempolicy(bind, bad mask)", syscall(SYS_set_mempolicy, MPOL_BIND, BAD, 64));
    T("set_mempolicy(bind, node 0)", syscall(SYS_set_mempolicy, MPOL_BIND, g_node0, 64));
    T("set_mempolicy(default, a node)", syscall(SYS_set_mempolicy, MPOL_DEFAULT, g_node0, 64));
    T("set_mempolicy(local)", syscall(SYS_set_mempolicy, MPOL_LOCAL, NULL, 0));
    T("set_mempolicy(preferred, no nodes)", syscall(SYS_set_mempolicy, MPOL_PREFERRED, NULL, 0));
    T("set_mempolicy(default)", syscall(SYS_set_mempolicy, MPOL_DEFAULT, NULL, 0));
}

static void section_mbind(void) {
    char *p = pages(2), *h = hole();

    T("mbind(bind, node 0)", syscall(SYS_mbind, p, PAGE, MPOL_BIND, g_node0, 64, 0));
    T("mbind(mode 99)", syscall(SYS_mbind, p, PAGE, 99, g_node0, 64, 0));
    T("mbind(mode -1, unaligned)", syscall(SYS_mbind, p + 1, PAGE, -1, g_node0, 64, 0));
    T("mbind(STATIC|RELATIVE)",
      syscall(SYS_mbind, p, PAGE, MPOL_BIND | MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES, g_node0, 64, 0));
    T("mbind(maxnode 1 << 20, flags 8)", syscall(SYS_mbind, p, PAGE, MPOL_BIND, g_node0, 1UL << 20, 8));
    T("mbind(bad mask, flags 8)", syscall(SYS_mbind, p, PAGE, MPOL_BIND, BAD, 64, 8));
    T("mbind(flags 8)", syscall(SYS_mbind, p, PAGE, MPOL_DEFAULT, NULL, 0, 8));
    T("mbind(flags 1 << 32)", syscall(SYS_mbind, p, PAGE, MPOL_DEFAULT, NULL, 0, 1UL << 32));
    T("mbind(unaligned)", syscall(SYS_mbind, p + 1, PAGE, MPOL_DEFAULT, NULL, 0, 0));
    T("mbind(len 0)", syscall(SYS_mbind, h, 0, MPOL_DEFAULT, NULL, 0, 0));
    T("mbind(len wraps)", syscall(SYS_mbind, p, 0UL - 2 * PAGE, MPOL_DEFAULT, NULL, 0, 0));
    T("mbind(len -1)", syscall(SYS_mbind, p, -1UL, MPOL_DEFAULT, NULL, 0, 0));
    T("mbind(nothing mapped)", syscall(SYS_mbind, h, PAGE, MPOL_DEFAULT, NULL, 0, 0));
    T("mbind(bind, no nodes)", syscall(SYS_mbind, p, PAGE, MPOL_BIND, NULL, 0, 0));
    T("mbind(MPOL_MF_STRICT|MPOL_MF_MOVE)", syscall(SYS_mbind, p, PAGE, MPOL_BIND, g_node0, 64,
                                                   MPOL_MF_STRICT | MPOL_MF_MOVE));
    T("mbind(MPOL_MF_MOVE_ALL)", syscall(SYS_mbind, p, PAGE, MPOL_BIND, g_node0, 64, MPOL_MF_MOVE_ALL));
    T("mbind(MPOL_MF_MOVE_ALL, unaligned)",
      syscall(SYS_mbind, p + 1, PAGE, MPOL_BIND, g_node0, 64, MPOL_MF_MOVE_ALL));
    T("mbind(default)", syscall(SYS_mbind, p, 2 * PAGE, MPOL_DEFAULT, NULL, 0, 0));

    T("set_mempolicy_home_node(unaligned, flags 1)", syscall(SYS_set_mempolicy_home_node, p + 1, PAGE, 0, 1));
    T("set_mempolicy_home_node(flags 1)", syscall(SYS_set_mempolicy_home_node, p, PAGE, 0, 1));
    T("set_mempolicy_home_node(node 1 << 20)", syscall(SYS_set_mempolicy_home_node, p, PAGE, 1UL << 20, 0));
    T("set_mempolicy_home_node(len 0)", syscall(SYS_set_mempolicy_home_node, p, 0, 0, 0));
    T("set_mempolicy_home_node(default policy)", syscall(SYS_set_mempolicy_home_node, p, PAGE, 0, 0));
    T("mbind(bind, node 0)", syscall(SYS_mbind, p, PAGE, MPOL_BIND, g_node0, 64, 0));
    T("set_mempolicy_home_node(bound)", syscall(SYS_set_mempolicy_home_node, p, PAGE, 0, 0));
    T("set_mempolicy_home_node(len wraps)", syscall(SYS_set_mempolicy_home_node, p, 0UL - 2 * PAGE, 0, 0));
}

static void section_migrate(void) {
    char* p = pages(1);
    void* addr[2] = {p, hole()};
    int nodes[2] = {0, 0}, status[2] = {-1, -1};
    pid_t child;
    int st, pidfd;

    p[0] = 1;
    T("migrate_pages(maxnode 1 << 20)", syscall(SYS_migrate_pages, 0, 1UL << 20, g_node0, g_node0));
    T("migrate_pages(maxnode 1 << 20, no masks)", syscall(SYS_migrate_pages, 0, 1UL << 20, NULL, NULL));
    T("migrate_pages(maxnode 1 << 20, no old mask)", syscall(SYS_migrate_pages, 0, 1UL << 20, NULL, g_node0));
    T("migrate_pages(bad old mask)", syscall(SYS_migrate_pages, 0, 64, BAD, g_node0));
    T("migrate_pages(no new nodes)", syscall(SYS_migrate_pages, 0, 64, g_node0, NULL));
    T("migrate_pages(node 0 to node 0)", syscall(SYS_migrate_pages, 0, 64, g_node0, g_node0) >= 0 ? 0 : -1);
    T("migrate_pages(no such process)", syscall(SYS_migrate_pages, 0x3ffffff0, 64, g_node0, g_node0));
    T("move_pages(flags 1)", syscall(SYS_move_pages, 0, 1, addr, nodes, status, 1));
    T("move_pages(flags 8)", syscall(SYS_move_pages, 0, 1, addr, nodes, status, 8));
    T("move_pages(query)", syscall(SYS_move_pages, 0, 2, addr, NULL, status, 0));
    printf("  status %d %d\n", status[0], status[1]);
    T("move_pages(to node 0)", syscall(SYS_move_pages, 0, 1, addr, nodes, status, MPOL_MF_MOVE));
    T("move_pages(MPOL_MF_MOVE_ALL)", syscall(SYS_move_pages, 0, 1, addr, nodes, status, MPOL_MF_MOVE_ALL));
    T("move_pages(bad pages)", syscall(SYS_move_pages, 0, 1, BAD, NULL, status, 0));
    T("move_pages(no such process)", syscall(SYS_move_pages, 0x3ffffff0, 1, addr, NULL, status, 0));

    T("process_mrelease(flags 1)", syscall(SYS_process_mrelease, 999, 1));
    T("process_mrelease(bad fd)", syscall(SYS_process_mrelease, 999, 0));
    T("process_mrelease(not a pidfd)", syscall(SYS_process_mrelease, 1, 0));
    child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        pause();
        _exit(0);
    }
    pidfd = (int)syscall(SYS_pidfd_open, child, 0);
    CHECK(pidfd >= 0);
    T("process_mrelease(a live process)", syscall(SYS_process_mrelease, pidfd, 0));
    T("process_madvise(flags 1)", syscall(SYS_process_madvise, pidfd, NULL, 0, 0, 1));
    T("process_madvise(flags 1, bad fd)", syscall(SYS_process_madvise, 999, NULL, 0, 0, 1));
    T("process_madvise(1025 vectors)", syscall(SYS_process_madvise, pidfd, BAD, 1025, 0, 0));
    T("process_madvise(1025 vectors, bad fd)", syscall(SYS_process_madvise, 999, BAD, 1025, 0, 0));
    T("process_madvise(1 << 32 vectors)", syscall(SYS_process_madvise, pidfd, BAD, 1UL << 32, 0, 0));
    T("process_madvise(bad vector)", syscall(SYS_process_madvise, pidfd, BAD, 1, 0, 0));
    T("process_madvise(no vector, bad fd)", syscall(SYS_process_madvise, 999, NULL, 0, 0, 0));
    T("process_madvise(no vector, MADV_COLD)", syscall(SYS_process_madvise, pidfd, NULL, 0, 20, 0));
    T("process_madvise(no vector, MADV_DONTNEED)", syscall(SYS_process_madvise, pidfd, NULL, 0, 4, 0));
    CHECK(kill(child, 9) == 0 && waitpid(child, &st, 0) == child);
    T("process_mrelease(a reaped process)", syscall(SYS_process_mrelease, pidfd, 0));
    close(pidfd);
}

int main(void) {
    setup_stdout();
    section("policy");
    section_policy();
    section("mbind");
    section_mbind();
    section("migrate");
    section_migrate();
    return 0;
}

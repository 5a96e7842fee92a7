/*
 * shim-ev-aio.c: io_setup, io_destroy, io_submit, io_cancel,
 * io_getevents and io_pgetevents (shim-memev.h): a context, a read
 * through it, and each error in the kernel's order.
 */
#include "shim-memev.h"

#include <linux/aio_abi.h>

struct kts {
    int64_t sec, nsec;
};

struct aio_sigset_ {
    const void* sigmask;
    size_t sigsetsize;
};

int main(void) {
    aio_context_t ctx = 0, busy = 1;
    struct iocb cb, *cbs[1] = {&cb};
    struct io_event ev[2];
    struct kts ts = {1, 0}, zero = {0, 0}, neg = {-1, -1};
    uint64_t mask = 0;
    struct aio_sigset_ sig = {&mask, 8}, sig4 = {&mask, 4}, sigbad = {BAD, 8}, signone = {NULL, 4};
    char buf[16] = {0};
    int fd;

    setup_stdout();
    fd = open("aio.data", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0 && write(fd, "asynchronous", 12) == 12);
    section("setup");
    T("io_setup(bad ctxp)", syscall(SYS_io_setup, 4, BAD));
    T("io_setup(0 events)", syscall(SYS_io_setup, 0, &ctx));
    T("io_setup(context not 0)", syscall(SYS_io_setup, 4, &busy));
    T("io_setup(0 events, bad ctxp)", syscall(SYS_io_setup, 0, BAD));
    T("io_setup(too many events)", syscall(SYS_io_setup, 0xffffffffU, &ctx));
    T("io_setup(read-only ctxp)", syscall(SYS_io_setup, 4, (const void*)&"\0\0\0\0\0\0\0"));
    T("io_setup", syscall(SYS_io_setup, 4, &ctx));
    printf("  a context: %s\n", ctx ? "yes" : "no");

    section("submit");
    memset(&cb, 0, sizeof(cb));
    cb.aio_fildes = (uint32_t)fd;
    cb.aio_lio_opcode = IOCB_CMD_PREAD;
    cb.aio_buf = (uint64_t)(uintptr_t)buf;
    cb.aio_nbytes = 12;
    cb.aio_data = 42;
    T("io_submit(nr -1, no context)", syscall(SYS_io_submit, 0, -1, cbs));
    T("io_submit(no context)", syscall(SYS_io_submit, 0, 1, cbs));
    T("io_submit(nr 0)", syscall(SYS_io_submit, ctx, 0, cbs));
    T("io_submit(bad iocbpp)", syscall(SYS_io_submit, ctx, 1, BAD));
    T("io_submit", syscall(SYS_io_submit, ctx, 1, cbs));

    section("getevents");
    T("io_getevents(bad timeout)", syscall(SYS_io_getevents, ctx, 1, 2, ev, BAD));
    T("io_getevents(bad timeout, no context)", syscall(SYS_io_getevents, 0, 1, 2, ev, BAD));
    T("io_getevents(negative timeout, no context)", syscall(SYS_io_getevents, 0, 1, 2, ev, &neg));
    T("io_getevents(min_nr > nr)", syscall(SYS_io_getevents, ctx, 3, 2, ev, &zero));
    T("io_getevents(min_nr -1)", syscall(SYS_io_getevents, ctx, -1, 2, ev, &zero));
    T("io_getevents", syscall(SYS_io_getevents, ctx, 1, 2, ev, &ts));
    printf("  data %llu res %lld buf '%s'\n", (unsigned long long)ev[0].data, (long long)ev[0].res, buf);
    T("io_getevents(none left)", syscall(SYS_io_getevents, ctx, 0, 2, ev, &zero));
    T("io_pgetevents(bad timeout, bad usig)", syscall(SYS_io_pgetevents, ctx, 0, 2, ev, BAD, BAD));
    T("io_pgetevents(bad usig)", syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &zero, BAD));
    T("io_pgetevents(bad usig, no context)", syscall(SYS_io_pgetevents, 0, 0, 2, ev, &zero, BAD));
    T("io_pgetevents(sigsetsize 4)", syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &zero, &sig4));
    T("io_pgetevents(bad sigmask)", syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &zero, &sigbad));
    T("io_pgetevents(no sigmask, sigsetsize 4)", syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &zero, &signone));
    T("io_pgetevents(sigsetsize 4, no context)", syscall(SYS_io_pgetevents, 0, 0, 2, ev, &zero, &sig4));
    T("io_pgetevents", syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &zero, &sig));
    T("io_pgetevents(no usig)", syscall(SYS_io_pgetevents, ctx, 0, 2, ev, &zero, NULL));

    section("cancel");
    T("io_cancel(bad iocb)", syscall(SYS_io_cancel, ctx, BAD, ev));
    cb.aio_key = 1;
    T("io_cancel(a key)", syscall(SYS_io_cancel, ctx, &cb, ev));
    T("io_cancel(a key, no context)", syscall(SYS_io_cancel, 0, &cb, ev));
    cb.aio_key = 0;
    T("io_cancel(no context)", syscall(SYS_io_cancel, 0, &cb, ev));
    T("io_cancel(not submitted)", syscall(SYS_io_cancel, ctx, &cb, ev));

    section("destroy");
    T("io_destroy(no context)", syscall(SYS_io_destroy, 0));
    T("io_destroy(1)", syscall(SYS_io_destroy, 1));
    T("io_destroy", syscall(SYS_io_destroy, ctx));
    T("io_destroy(again)", syscall(SYS_io_destroy, ctx));
    T("io_getevents(destroyed)", syscall(SYS_io_getevents, ctx, 0, 2, ev, &zero));
    close(fd);
    unlink("aio.data");
    return 0;
}

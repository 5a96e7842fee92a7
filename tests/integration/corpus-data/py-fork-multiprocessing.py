# Run by corpus-python-fork-multiprocessing.test: os.fork (exit statuses,
# a child killed by a signal, a pipe between parent and child), and
# multiprocessing (a Pool, a Process with a Queue, shared Values, and the
# spawn start method, which starts fresh interpreters).
import multiprocessing as mp
import os
import signal
import sys
import time


def square(x):
    return x * x


def put_items(q, n):
    for i in range(n):
        q.put(("item", i, os.getpid() != 0))
    q.put(None)


def add_to(v, lock, n):
    for _ in range(n):
        with lock:
            v.value += 1


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)

    pid = os.fork()
    if pid == 0:
        with open("child.txt", "w") as f:
            f.write("written by the forked child\n")
        os._exit(7)
    _, st = os.waitpid(pid, 0)
    print("fork child exit status", os.waitstatus_to_exitcode(st))

    pid = os.fork()
    if pid == 0:
        time.sleep(10)
        os._exit(0)
    os.kill(pid, signal.SIGTERM)
    _, st = os.waitpid(pid, 0)
    print("killed child: signaled", os.WIFSIGNALED(st), "signal", os.WTERMSIG(st))

    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.write(w, b"through the pipe from pid-independent child\n")
        os._exit(0)
    os.close(w)
    with os.fdopen(r) as f:
        print("pipe:", f.read().strip())
    os.waitpid(pid, 0)

    with mp.Pool(2) as pool:
        print("pool map", pool.map(square, range(15)))
        print("pool apply_async", pool.apply_async(square, (12,)).get(timeout=20))

    q = mp.Queue()
    p = mp.Process(target=put_items, args=(q, 5))
    p.start()
    items = []
    while (item := q.get(timeout=20)) is not None:
        items.append(item)
    p.join()
    print("queue items", items, "exitcode", p.exitcode)

    v, lock = mp.Value("i", 0), mp.Lock()
    procs = [mp.Process(target=add_to, args=(v, lock, 200)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("shared value", v.value)

    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        print("spawn pool", pool.map(square, [3, 4, 5]))

    p = mp.Process(target=sys.exit, args=(3,))
    p.start()
    p.join()
    print("process sys.exit(3) exitcode", p.exitcode)

# multiprocessing with shared memory (corpus-python-shm.test): argv[1] is
# the start method, fork or spawn.
import multiprocessing as mp
import sys
from multiprocessing import shared_memory


def fill(name, start, count):
    shm = shared_memory.SharedMemory(name=name)
    for i in range(start, start + count):
        shm.buf[i] = i % 251
    shm.close()


def add(total, values, lock, n):
    for _ in range(n):
        with lock:
            total.value += 1
    values[n % len(values)] = n


def square(x):
    return x * x


def produce(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


if __name__ == "__main__":
    mp.set_start_method(sys.argv[1])
    shm = shared_memory.SharedMemory(create=True, size=4096)
    ps = [mp.Process(target=fill, args=(shm.name, i * 1024, 1024)) for i in range(4)]
    [p.start() for p in ps]
    [p.join() for p in ps]
    print("shm", sum(shm.buf), [p.exitcode for p in ps])
    shm.close()
    shm.unlink()

    total, values, lock = mp.Value("i", 0), mp.Array("i", 4), mp.Lock()
    ps = [mp.Process(target=add, args=(total, values, lock, 100 + k)) for k in range(4)]
    [p.start() for p in ps]
    [p.join() for p in ps]
    print("value", total.value, sorted(values[:]))

    with mp.Pool(2) as pool:
        print("pool", sum(pool.map(square, range(100))))

    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, 50))
    p.start()
    got = list(iter(q.get, None))
    p.join()
    print("queue", len(got), sum(got), p.exitcode)

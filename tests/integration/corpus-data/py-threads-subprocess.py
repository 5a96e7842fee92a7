# Run by corpus-python-threads-subprocess.test: Python threads (locks,
# barriers, queues, a thread pool) and subprocesses (pipes, timeouts,
# subprocesses started from several threads at once).  The output does not
# depend on scheduling: results are collected and printed in a fixed order.
import concurrent.futures
import hashlib
import queue
import subprocess
import sys
import threading

N = 8
digests = [None] * N
counter = 0
lock = threading.Lock()
barrier = threading.Barrier(N)


def work(i):
    global counter
    h = hashlib.sha256()
    for k in range(2000):
        h.update(b"%d:%d\n" % (i, k))
    barrier.wait()
    with lock:
        counter += 1
    digests[i] = h.hexdigest()[:16]


threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads done, counter =", counter)
for i, d in enumerate(digests):
    print("thread", i, d)

q = queue.Queue(maxsize=4)
total = []


def producer():
    for i in range(100):
        q.put(i)
    q.put(None)


def consumer():
    s = 0
    while (item := q.get()) is not None:
        s += item
    total.append(s)


tp, tc = threading.Thread(target=producer), threading.Thread(target=consumer)
tc.start(); tp.start(); tp.join(); tc.join()
print("queue sum", total[0])

r = subprocess.run(["sh", "-c", 'echo "$0 says hi"; echo oops >&2; exit 3', "child"],
                   capture_output=True, text=True)
print("run:", r.returncode, repr(r.stdout), repr(r.stderr))

data = b"".join(b"line %d\n" % i for i in range(100000))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(data)
print("cat round trip:", p.returncode, len(out), out == data)

p = subprocess.Popen("sort -r | head -n 3", shell=True, stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True)
print("shell pipeline:", p.communicate("a\nc\nb\nd\n")[0].split())

try:
    subprocess.run(["sleep", "10"], timeout=0.3)
except subprocess.TimeoutExpired:
    print("timeout expired")


def run_expr(i):
    return subprocess.check_output(["expr", str(i), "*", "3"], text=True).strip()


with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    print("from threads:", list(ex.map(run_expr, range(1, 13))))

with open("threads.txt", "w") as f:
    f.write("\n".join(digests) + "\n")

try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("false exited", e.returncode)
sys.stdout.flush()
print("to stderr", file=sys.stderr)
sys.exit(4)

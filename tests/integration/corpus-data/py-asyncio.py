# asyncio servers and clients over TCP and a Unix socket, a subprocess with
# pipes, and a timeout (corpus-python-asyncio.test).
import asyncio
import os
import sys
import tempfile


async def echo(reader, writer):
    while data := await reader.readline():
        writer.write(data.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(open_conn, n):
    reader, writer = await open_conn()
    lines = []
    for i in range(3):
        writer.write(b"client %d line %d\n" % (n, i))
        await writer.drain()
        lines.append(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return lines


async def main():
    tcp = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = tcp.sockets[0].getsockname()[1]
    got = await asyncio.gather(*(client(lambda: asyncio.open_connection("127.0.0.1", port), n)
                                 for n in range(8)))
    print("tcp", sum(len(g) for g in got), got[5][2].decode().strip())
    tcp.close()
    await tcp.wait_closed()

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "s")
        unix = await asyncio.start_unix_server(echo, path)
        got = await asyncio.gather(*(client(lambda: asyncio.open_unix_connection(path), n)
                                     for n in range(8)))
        print("unix", sum(len(g) for g in got), got[7][0].decode().strip())
        unix.close()
        await unix.wait_closed()

    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; print(sum(map(int, sys.stdin.read().split())))",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate(b" ".join(b"%d" % i for i in range(1000)))
    print("subprocess", out.decode().strip(), proc.returncode)

    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())

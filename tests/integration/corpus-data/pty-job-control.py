# Run by corpus-bash-job-control-pty.test: drives an interactive bash through
# a pseudo-terminal and prints a normalised transcript of the session.
#
#   sleep 1      started in the foreground (its own process group, which bash
#                makes the terminal's foreground group)
#   Ctrl-Z       the terminal sends SIGTSTP to that group: sleep stops and
#                bash reports "[1]+  Stopped  sleep 1"
#   (pause)      longer than the sleep: a job that did not really stop would
#                be Done by now
#   jobs         still Stopped
#   fg           SIGCONT: sleep resumes in the foreground and completes
#   echo rc=$?   its status
#   exit
#
# Arguments (optional): the job's command line (default "sleep 1") and the
# name of the command that leads its process group (default "sleep"), so
# that ptshim-job-control.test can run the job itself under ptshim.
#
# Each input is sent only after bash's prompt, so the terminal's echo of it
# always comes at the same place.  A step that does not happen within its
# time limit ends the session: the transcript so far is printed, exit 1.
import os
import pty
import select
import sys
import time

PROMPT = b"PROMPT$ "
buf = bytearray()  # everything read from the terminal
seen = 0  # how much of buf earlier steps consumed


def finish(status, why=None):
    text = bytes(buf).replace(b"\r\n", b"\n").replace(b"\r", b"")
    sys.stdout.write(text.decode("utf-8", "replace"))
    if why:
        sys.stdout.write("\n[transcript ends: %s]\n" % why)
        try:
            os.killpg(pid, 9)
        except OSError:
            pass
    sys.stdout.flush()
    sys.exit(status)


def read_until(pattern, timeout=10.0):
    global seen
    end = time.monotonic() + timeout
    while True:
        i = buf.find(pattern, seen)
        if i >= 0:
            seen = i + len(pattern)
            return
        left = end - time.monotonic()
        if left <= 0:
            finish(1, "timed out waiting for %r" % pattern)
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:  # EIO: the terminal's other side is closed
                data = b""
            if not data:
                finish(1, "end of session while waiting for %r" % pattern)
            buf.extend(data)


def send(data):
    os.write(fd, data)


def wait_for_foreground(comm, timeout=10.0):
    # the terminal's foreground process group is led by a process running comm
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            pgrp = os.tcgetpgrp(fd)
            with open("/proc/%d/comm" % pgrp) as f:
                if f.read().strip() == comm:
                    return
        except OSError:
            pass
        time.sleep(0.01)
    finish(1, "%s never became the foreground job" % comm)


pid, fd = pty.fork()
if pid == 0:
    os.environ["PS1"] = PROMPT.decode()
    os.environ["PS2"] = ""
    os.execvp("bash", ["bash", "--norc", "--noprofile", "--noediting", "-i"])

job = sys.argv[1] if len(sys.argv) > 1 else "sleep 1"
leader = sys.argv[2] if len(sys.argv) > 2 else "sleep"
read_until(PROMPT)
send(job.encode() + b"\n")
wait_for_foreground(leader)
send(b"\x1a")
read_until(b"Stopped")
read_until(PROMPT)
time.sleep(1.3)
send(b"jobs\n")
read_until(PROMPT)
send(b"fg\n")
read_until(PROMPT)
send(b"echo rc=$?\n")
read_until(PROMPT)
send(b"exit\n")
# bash says "exit" and leaves: read the rest until the terminal closes
while True:
    r, _, _ = select.select([fd], [], [], 5)
    if not r:
        finish(1, "bash did not close the terminal")
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    buf.extend(data)
_, st = os.waitpid(pid, 0)
buf.extend(b"[bash exit status %d]\n" % os.waitstatus_to_exitcode(st))
finish(0)

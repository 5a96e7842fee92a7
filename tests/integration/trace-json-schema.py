#!/usr/bin/env python3
"""trace-json-schema.py FILE...: check every line of ptshim --json output
against the schema ptshim(1) documents, and exit 1 naming the first line
that breaks it.

Each line is one JSON object whose "type" says which:

  syscall  pid tid name nr args ret errno layer text start duration,
           and "unfinished": true (ret null) for a call that never
           returned, "stack" with -k
  signal   pid tid signal siginfo
  exit     pid tid status
  killed   pid tid signal core_dumped
  summary  syscalls total (-c, -C)

Keys are exactly those: none missing, none more.  Within a file a thread
keeps its process, and a process's main thread has the process's ID.
"""
import json
import numbers
import sys

LAYERS = ("shim", "checked", "host", "enosys")


class Bad(Exception):
    pass


def need(cond, what):
    if not cond:
        raise Bad(what)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_num(v):
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def keys(o, required, optional=()):
    missing = [k for k in required if k not in o]
    extra = [k for k in o if k not in required and k not in optional]
    need(not missing, "lacks %s" % ", ".join(missing))
    need(not extra, "has unknown %s" % ", ".join(extra))


def ids(o):
    for k in ("pid", "tid"):
        need(is_int(o[k]) and o[k] > 0, "%s is %r, not a process or thread ID" % (k, o[k]))


def check_syscall(o):
    keys(o, ("type", "pid", "tid", "name", "nr", "args", "ret", "errno", "layer", "text",
             "start", "duration"), ("unfinished", "stack"))
    ids(o)
    need(isinstance(o["name"], str) and o["name"], "name %r" % o["name"])
    need(is_int(o["nr"]) and o["nr"] >= 0, "nr %r" % o["nr"])
    need(isinstance(o["args"], list) and len(o["args"]) <= 6, "args %r" % o["args"])
    for a in o["args"]:
        need(isinstance(a, dict), "an argument %r" % a)
        keys(a, ("name", "text", "raw", "value"))
        need(isinstance(a["name"], str) and a["name"], "argument name %r" % a["name"])
        need(a["text"] is None or isinstance(a["text"], str), "argument text %r" % a["text"])
        need(is_int(a["raw"]) and 0 <= a["raw"] < 1 << 64, "argument raw %r" % a["raw"])
    need(o["layer"] in LAYERS, "layer %r" % o["layer"])
    need(isinstance(o["text"], str) and o["text"].startswith(o["name"] + "("),
         "text %r for %s" % (o["text"], o["name"]))
    need(is_num(o["start"]) and o["start"] > 1e9, "start %r" % o["start"])
    need(is_num(o["duration"]) and o["duration"] >= 0, "duration %r" % o["duration"])
    if "unfinished" in o:
        need(o["unfinished"] is True, "unfinished %r" % o["unfinished"])
        need(o["ret"] is None and o["errno"] is None, "an unfinished call with a result")
    else:
        need(is_int(o["ret"]), "ret %r" % o["ret"])
        need(o["errno"] is None or isinstance(o["errno"], str) or is_int(o["errno"]),
             "errno %r" % o["errno"])
        need((o["ret"] == -1) == (o["errno"] is not None),
             "ret %r with errno %r" % (o["ret"], o["errno"]))
    if "stack" in o:
        need(isinstance(o["stack"], list), "stack %r" % o["stack"])
        for f in o["stack"]:
            keys(f, ("pc", "file", "offset", "symbol", "symbol_offset"))
            for k in ("pc", "offset", "symbol_offset"):
                need(is_int(f[k]) and f[k] >= 0, "frame %s %r" % (k, f[k]))
            for k in ("file", "symbol"):
                need(f[k] is None or isinstance(f[k], str), "frame %s %r" % (k, f[k]))


def signal_name(v):
    return isinstance(v, str) and (v.startswith("SIG") or v.isdigit())


def check_signal(o):
    keys(o, ("type", "pid", "tid", "signal", "siginfo"))
    ids(o)
    need(signal_name(o["signal"]), "signal %r" % o["signal"])
    need(isinstance(o["siginfo"], str) and o["siginfo"].startswith("{"), "siginfo %r" % o["siginfo"])


def check_exit(o):
    keys(o, ("type", "pid", "tid", "status"))
    ids(o)
    need(is_int(o["status"]) and 0 <= o["status"] <= 255, "status %r" % o["status"])


def check_killed(o):
    keys(o, ("type", "pid", "tid", "signal", "core_dumped"))
    ids(o)
    need(signal_name(o["signal"]), "signal %r" % o["signal"])
    need(isinstance(o["core_dumped"], bool), "core_dumped %r" % o["core_dumped"])


def counts(c, what):
    keys(c, ("calls", "errors", "seconds"), ("name", "nr"))
    for k in ("calls", "errors"):
        need(is_int(c[k]) and c[k] >= 0, "%s %s %r" % (what, k, c[k]))
    need(c["errors"] <= c["calls"], "%s: more errors than calls" % what)
    need(is_num(c["seconds"]) and c["seconds"] >= 0, "%s seconds %r" % (what, c["seconds"]))


def check_summary(o):
    keys(o, ("type", "syscalls", "total"))
    need(isinstance(o["syscalls"], list), "syscalls %r" % o["syscalls"])
    for c in o["syscalls"]:
        need(isinstance(c, dict) and "name" in c and "nr" in c, "a row %r" % c)
        counts(c, c["name"])
        need(c["calls"] > 0, "a row of no calls: %r" % c)
    t = o["total"]
    need(isinstance(t, dict) and "name" not in t and "nr" not in t, "total %r" % t)
    counts(t, "total")
    need(t["calls"] == sum(c["calls"] for c in o["syscalls"]), "total calls are not the sum")
    need(t["errors"] == sum(c["errors"] for c in o["syscalls"]), "total errors are not the sum")


CHECKS = {"syscall": check_syscall, "signal": check_signal, "exit": check_exit,
          "killed": check_killed, "summary": check_summary}


def check_file(path):
    process_of = {}
    n = 0
    with open(path, encoding="ascii") as f:
        for n, line in enumerate(f, 1):
            where = "%s:%d" % (path, n)
            try:
                need(line.endswith("\n"), "no newline at the end")
                o = json.loads(line)
                need(isinstance(o, dict), "not an object")
                need(o.get("type") in CHECKS, "type %r" % o.get("type"))
                CHECKS[o["type"]](o)
                if "tid" in o:
                    pid = process_of.setdefault(o["tid"], o["pid"])
                    need(pid == o["pid"], "thread %d was in process %d, now %d"
                         % (o["tid"], pid, o["pid"]))
            except (Bad, ValueError, UnicodeDecodeError) as e:
                sys.exit("%s: %s: %s" % (where, e, line[:300].rstrip("\n")))
    for tid, pid in process_of.items():
        if process_of.get(pid, pid) != pid:
            sys.exit("%s: thread %d is in process %d, whose own thread is in process %d"
                     % (path, tid, pid, process_of[pid]))
    return n


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: trace-json-schema.py FILE...")
    for path in sys.argv[1:]:
        print("ok: %s: %d lines" % (path, check_file(path)))


main()

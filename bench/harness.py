"""Process plumbing for the benchmark: daemons, ctl calls, /proc readings, waits and cleanup.

Everything is measured from the outside, so the same code drives Supervisor and ours. Robustness rules:
every wait has a deadline; every process we start is tracked and killed (with its process group and any
descendants) when the run ends, even on error or Ctrl-C. We make ourselves a child subreaper so that
children orphaned by a dying daemon come back to us and can be killed and reaped instead of lingering.
"""
import ctypes
import os
import shlex
import shutil
import socket
import signal
import subprocess
import tempfile
import time

PR_SET_CHILD_SUBREAPER = 36
TMP_PREFIX = "supervise-bench-"

_tracked = {}  # pid -> Popen: every long-lived process we started and have not reaped yet
_tempdirs = []


class BenchError(Exception):
    """A scenario could not measure something; the message goes into the table."""


def become_subreaper():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # Without it, orphans go to init; we still kill what we can see.


def now():
    return time.time()


def wait_for(pred, timeout, step=0.01):
    """Polls pred until it returns a truthy value or the deadline passes (then returns None)."""
    deadline = time.monotonic() + timeout
    while True:
        value = pred()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(step)


def make_workdir():
    path = tempfile.mkdtemp(prefix=TMP_PREFIX, dir="/tmp")
    _tempdirs.append(path)
    return path


def remove_workdir(path, keep=False):
    if path in _tempdirs:
        _tempdirs.remove(path)
    if not keep:
        shutil.rmtree(path, ignore_errors=True)


def spawn(argv, **kwargs):
    """Starts a tracked process in its own session (so its whole group can be killed)."""
    p = subprocess.Popen(argv, start_new_session=True, **kwargs)
    _tracked[p.pid] = p
    return p


def reap(p, timeout):
    try:
        p.wait(timeout=timeout)
    finally:
        if p.returncode is not None:
            _tracked.pop(p.pid, None)
    return p.returncode


def _ppid_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def descendants(pid):
    kids, out, todo = _ppid_map(), [], [pid]
    while todo:
        for child in kids.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _kill_tree(pid):
    """SIGKILLs pid, its process group and every descendant's process group."""
    own_group = os.getpgrp()
    for target in [pid] + descendants(pid):
        try:
            group = os.getpgid(target)
            if group != own_group:
                os.killpg(group, signal.SIGKILL)
            os.kill(target, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def kill_group(p):
    """SIGKILLs the process group of a process we started in its own session (no /proc walk)."""
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill(p):
    if p.poll() is None:
        _kill_tree(p.pid)
    try:
        reap(p, 10)
    except subprocess.TimeoutExpired:
        pass


def sweep_orphans():
    """Kills and reaps processes reparented to us (we are a subreaper) that we are not tracking."""
    me = os.getpid()
    for _ in range(10):
        orphans = [pid for pid in _ppid_map().get(me, []) if pid not in _tracked]
        if not orphans:
            return
        for pid in orphans:
            _kill_tree(pid)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def cleanup_all(keep=False):
    for p in list(_tracked.values()):
        kill(p)
    sweep_orphans()
    for path in list(_tempdirs):
        remove_workdir(path, keep)


def cpu_seconds(pid):
    """utime+stime of one process, from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _task_runtimes_ns(pid):
    """On-CPU nanoseconds of each thread of pid, from /proc/PID/task/TID/schedstat (exact, not tick-sampled)."""
    out = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                out[tid] = int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            pass
    return out


def cpu_seconds_over(pid, seconds, every=0.1):
    """CPU seconds pid uses during the next `seconds`, summed over its threads with nanosecond resolution.

    utime+stime in /proc/PID/stat are charged one 10 ms clock tick at a time, to whichever thread runs when the
    tick fires, so a daemon that wakes briefly a few times can read 0.2% or 0%. Threads are sampled every `every`
    seconds so that one which exits in the window still counts up to its last sample.
    """
    first = _task_runtimes_ns(pid)
    last = dict(first)
    deadline = time.monotonic() + seconds
    while True:
        last.update(_task_runtimes_ns(pid))
        left = deadline - time.monotonic()
        if left <= 0:
            break
        time.sleep(min(every, left))
    return sum(ns - first.get(tid, 0) for tid, ns in last.items()) / 1e9


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise BenchError(f"no VmRSS for pid {pid}")


def run_timed(argv, timeout, **kwargs):
    """Runs a short command; returns (wall seconds, CompletedProcess). Raises BenchError on timeout."""
    t0 = time.perf_counter()
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, **kwargs)
    except subprocess.TimeoutExpired:
        raise BenchError(f"timed out after {timeout:g} s: {shlex.join(argv)}") from None
    return time.perf_counter() - t0, r


def http_over_unix(sock_path, request, expect=b"HTTP/1.1 200"):
    """Sends one HTTP request on a fresh Unix-socket connection; returns (seconds, body), connect to the last byte."""
    started = time.perf_counter()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(60)
        s.connect(sock_path)
        s.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                raise BenchError("connection closed before the reply's headers")
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        if expect and not head.startswith(expect):
            raise BenchError(f"the reply began {head.splitlines()[0]!r}")
        length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
        while len(body) < length:
            chunk = s.recv(1 << 20)
            if not chunk:
                raise BenchError("connection closed inside the reply")
            body += chunk
    return time.perf_counter() - started, body


def file_size(path):
    """The file's size, or 0 while it does not exist."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def size_stable(path):
    """A predicate for wait_for: true once the file's size is the same as at the previous call."""
    last = [-1]

    def check():
        size = file_size(path)
        same, last[0] = size == last[0], size
        return same

    return check

"""Physical references measured in the same run, to show how close each daemon gets to the machine's limits.

- pipe_rate: `yes LINE | head -c BYTES > file` (median of 3 runs), the same 100-byte lines a daemon has to copy to its log.
- serial_spawn.N: N copies of the fleet's child started one after another from Python, each awaited
  until it prints its first line (what a daemon that spawns serially could at best achieve).
- burst_spawn.N: the same N children started back to back by a bare os.posix_spawn loop, all writing their first
  line into one FIFO, until every line has arrived: the machine's floor for the spawn rows, since no daemon can
  start the children faster than they can run. burst_child_cpu_ms.N is what each child itself costs (sh start-up,
  the echo, the exec of sleep), from RUSAGE_CHILDREN.
"""
import os
import resource
import select
import statistics
import subprocess
import time

import harness

LINE = "x" * 99


class References:
    def __init__(self, keep):
        self.keep = keep
        self.values = {}
        self.errors = {}

    def get(self, key):
        return self.values.get(key)

    def measure(self, key, fn, *args, extra=()):
        """Stores fn(*args) under key; with `extra` keys, fn returns one value for key and each extra key."""
        if key in self.values or key in self.errors:
            return
        try:
            result = fn(*args)
            values = result if extra else (result,)
            self.values.update(zip((key, *extra), values))
        except Exception as e:  # a reference that fails is reported, not fatal
            self.errors[key] = f"{type(e).__name__}: {e}"

    def pipe_rate(self, mb):
        self.measure("pipe_rate", self._pipe_rate, mb)

    def serial_spawn(self, n):
        self.measure(f"serial_spawn.{n}", _serial_spawn, n)

    def burst_spawn(self, n):
        self.measure(f"burst_spawn.{n}", _burst_spawn, n, extra=(f"burst_child_cpu_ms.{n}",))

    def _pipe_rate(self, mb, runs=3):
        """Median of a few runs: one run on a shared machine is too noisy to be a target's base."""
        work = harness.make_workdir()
        try:
            out = os.path.join(work, "pipe.out")
            want = mb * 1_000_000
            rates = []
            for _ in range(runs):
                dt, r = harness.run_timed(["/bin/sh", "-c", f"yes {LINE} 2>/dev/null | head -c {want} > {out}"], 120)
                if r.returncode != 0 or os.path.getsize(out) != want:
                    raise harness.BenchError(f"pipe reference wrote {os.path.getsize(out)}/{want} bytes")
                rates.append(mb / dt)
                os.remove(out)
            return round(statistics.median(rates), 1)
        finally:
            harness.remove_workdir(work, self.keep)


def _burst_spawn(n):
    work = harness.make_workdir()
    fifo = os.path.join(work, "clock")
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # O_RDWR: children never see a FIFO without a reader
    pids = []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        t0 = time.perf_counter()
        for i in range(n):
            pids.append(os.posix_spawn("/bin/sh", ["sh", "-c", f"echo {i} > {fifo}; exec sleep 600"], os.environ,
                                       setpgroup=0))
        lines, deadline = 0, time.monotonic() + 60
        while lines < n:
            if time.monotonic() > deadline:
                raise harness.BenchError(f"burst: {lines}/{n} first lines in 60 s")
            select.select([reader], [], [], 1)
            try:
                lines += os.read(reader, 1 << 16).count(b"\n")
            except BlockingIOError:
                pass
        seconds = round(time.perf_counter() - t0, 3)
    finally:
        for pid in pids:
            try:
                os.killpg(pid, 9)
            except ProcessLookupError:
                pass
        for pid in pids:
            os.waitpid(pid, 0)
        os.close(reader)
        harness.remove_workdir(work, False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / n * 1000
    return seconds, round(cpu, 2)


def _serial_spawn(n):
    children = []
    try:
        t0 = time.perf_counter()
        for i in range(n):
            p = harness.spawn(["/bin/sh", "-c", f"echo {i}; exec sleep 600"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
            children.append(p)
            ready, _, _ = select.select([p.stdout], [], [], 10)
            if not ready or not p.stdout.readline():
                raise harness.BenchError(f"serial child {i} printed nothing")
            p.stdout.close()
        return round(time.perf_counter() - t0, 3)
    finally:
        for p in children:
            harness.kill_group(p)
        for p in children:
            try:
                harness.reap(p, 10)
            except subprocess.TimeoutExpired:
                harness.kill(p)

"""Per-implementation run state: sizes, the recorder of figures, and a one-slot cache of sleeper fleets.

Starting 1000 programs on Supervisor takes seconds, so scenarios that only need "a daemon with N RUNNING
sleepers" (status latency, RSS) reuse the fleet the previous scenario left behind when N matches. At most
one fleet is alive at a time, so one fleet's idle load never skews another's measurement.
"""
import os
import time
from dataclasses import dataclass

import harness
from daemon import Daemon, count_states, program
from fifoclock import FifoClock
from harness import BenchError


@dataclass(frozen=True)
class Sizes:
    spawn: tuple
    status: tuple
    status_reps: int
    rss: tuple
    idle_seconds: float
    restart_cycles: int
    log_mb: int
    tail_probes: int
    storm_programs: int
    storm_calls: int
    storm_timeout: float

    @staticmethod
    def of(quick):
        if quick:
            return Sizes((100, 300), (100, 300), 5, (0, 100, 300), 3.0, 20, 50, 8, 100, 1, 60.0)
        return Sizes((100, 500, 1000), (100, 1000), 11, (0, 100, 1000), 5.0, 50, 200, 12, 200, 3, 90.0)


class Recorder:
    """Collects one implementation's figures: values by metric key, plus raw details per scenario."""

    def __init__(self):
        self.metrics = {}  # key -> Metric, in first-seen order
        self.values = {}
        self.raw = {}
        self.errors = {}

    def put(self, metric, value):
        self.metrics.setdefault(metric.key, metric)
        self.values[metric.key] = None if value is None else round(value, metric.digits)

    def note(self, scenario, **details):
        self.raw.setdefault(scenario, {}).update(details)


class Fleet:
    """A daemon running n copies of a cheap sleeper that announces itself on a FIFO clock."""

    def __init__(self, impl, n, keep):
        self.n, self.keep = n, keep
        self.work = harness.make_workdir()
        self.clock = FifoClock(os.path.join(self.work, "clock"))
        command = f"/bin/sh -c 'echo %(process_num)d > {self.clock.path}; exec sleep 600'"
        text = program("sleeper", command, numprocs=n, process_name="%(program_name)s_%(process_num)d",
                       startsecs=1, autorestart="true", redirect_stderr="true",
                       stdout_logfile=f"{self.work}/childlogs/%(program_name)s_%(process_num)d.log") if n else ""
        self.daemon = Daemon(impl, self.work, text)
        self.first_line_s = self.first_child_s = self.running_s = None

    def start(self):
        """Starts the daemon and times first lines and all-RUNNING, both from daemon exec."""
        d = self.daemon.start()
        if self.n == 0:
            d.wait_socket()
            wait_status(d, lambda out: True, 30)
            return self
        lines = self.clock.wait_count(self.n, 60 + self.n * 0.1)
        d.check_alive()
        if len(lines) < self.n:
            raise BenchError(f"only {len(lines)}/{self.n} children ran their first line")
        self.first_line_s = max(stamp for stamp, _ in lines[: self.n]) - d.started_at
        self.first_child_s = lines[0][0] - d.started_at
        wait_status(d, lambda out: count_states(out).get("RUNNING", 0) >= self.n, 60 + self.n * 0.1)
        self.running_s = harness.now() - d.started_at
        return self

    def close(self):
        try:
            self.daemon.stop()
        finally:
            self.clock.close()
            harness.remove_workdir(self.work, self.keep)


def wait_status(daemon, pred, timeout):
    """Polls `ctl status` until pred(stdout) holds; returns that stdout."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        daemon.check_alive()
        try:
            _, r = daemon.ctl("status", timeout=max(1.0, min(60.0, deadline - time.monotonic())))
            last = r.stdout + r.stderr
            if pred(r.stdout):
                return r.stdout
        except BenchError:
            pass
        time.sleep(0.05)
    raise BenchError(f"status condition not met in {timeout:g} s; last: {' '.join(last.split())[-200:]}")


class Context:
    def __init__(self, impl, sizes, refs, keep):
        self.impl, self.sizes, self.refs, self.keep = impl, sizes, refs, keep
        self.rec = Recorder()
        self._fleet = None

    def order(self, ns):
        """Puts the size whose fleet is cached first, so it is reused before being replaced."""
        cached = self._fleet.n if self._fleet else None
        return sorted(ns, key=lambda n: n != cached)

    def new_fleet(self, n):
        self.release_fleet()
        fleet = Fleet(self.impl, n, self.keep)
        try:
            fleet.start()
        except BaseException:
            fleet.close()
            raise
        self._fleet = fleet
        return fleet

    def fleet(self, n):
        if self._fleet and self._fleet.n == n and self._fleet.daemon.alive():
            return self._fleet
        return self.new_fleet(n)

    def take_fleet(self, n):
        """Hands the fleet over to a scenario that will destroy it (and must close it)."""
        fleet = self.fleet(n)
        self._fleet = None
        return fleet

    def release_fleet(self):
        if self._fleet:
            fleet, self._fleet = self._fleet, None
            fleet.close()

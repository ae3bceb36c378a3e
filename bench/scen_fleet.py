"""Scenarios on fleets of N sleepers: spawn time, ctl status latency, RSS and idle CPU, stop all and shutdown."""
import statistics
import time

import harness
import metrics as m
from context import wait_status
from daemon import count_states
from harness import BenchError


def spawn(ctx):
    for n in ctx.sizes.spawn:
        fleet = ctx.new_fleet(n)
        ctx.rec.put(m.spawn_first(n), fleet.first_line_s)
        ctx.rec.put(m.spawn_running(n), fleet.running_s)
        ctx.rec.note("spawn", **{f"first_child_s_{n}": round(fleet.first_child_s, 3)})


def status(ctx):
    medians = {}
    for n in ctx.order(ctx.sizes.status):
        daemon = ctx.fleet(n).daemon
        times = []
        for _ in range(ctx.sizes.status_reps):
            dt, r = daemon.ctl("status", timeout=60)
            running = count_states(r.stdout).get("RUNNING", 0)
            if running != n:
                raise BenchError(f"status at {n} listed {running} RUNNING (rc {r.returncode}): {r.stderr[-200:]}")
            times.append(dt)
        medians[n] = statistics.median(times) * 1000
        ctx.rec.note("status", **{f"all_ms_{n}": [round(t * 1000, 1) for t in times]})
    for n in sorted(medians):  # measured in cache-friendly order, reported in size order
        ctx.rec.put(m.status_latency(n), medians[n])


def rss(ctx):
    sizes, idle = {}, None
    for n in ctx.order(ctx.sizes.rss):
        daemon = ctx.fleet(n).daemon
        time.sleep(1.0)  # let start-up garbage settle before reading memory
        sizes[n] = harness.rss_kb(daemon.pid) / 1024
        if n == 100:
            seconds = ctx.sizes.idle_seconds
            idle = harness.cpu_seconds_over(daemon.pid, seconds) / seconds * 100
    for n in sorted(sizes):
        ctx.rec.put(m.rss(n), sizes[n])
    if idle is not None:
        ctx.rec.put(m.IDLE_CPU, idle)


def stop(ctx):
    fleet = ctx.take_fleet(100)
    try:
        daemon, n = fleet.daemon, fleet.n
        dt, r = daemon.ctl("stop", "all", timeout=120)
        ctx.rec.note("stop", stop_all_rc=r.returncode)
        _, after = daemon.ctl("status", timeout=60)
        stopped = count_states(after.stdout).get("STOPPED", 0)
        if stopped != n:
            raise BenchError(f"after stop all, {stopped}/{n} STOPPED: {' '.join(after.stdout.split())[:200]}")
        ctx.rec.put(m.STOP_ALL, dt)
        fleet.clock.clear()
        daemon.ctl("start", "all", timeout=120)
        if len(fleet.clock.wait_count(n, 60)) < n:
            raise BenchError("start all did not restart every program")
        wait_status(daemon, lambda out: count_states(out).get("RUNNING", 0) >= n, 60)
        children = harness.descendants(daemon.pid)
        took = daemon.terminate(timeout=60)
        if took is None:
            raise BenchError("daemon did not exit within 60 s of SIGTERM")
        ctx.rec.put(m.SHUTDOWN, took)
        ctx.rec.put(m.LEFT_AFTER_SHUTDOWN, sum(1 for pid in children if _alive(pid)))
    finally:
        fleet.close()


def _alive(pid):
    """True if pid exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False

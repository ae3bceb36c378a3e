"""Scenarios with one special program (or a storm): restart gap, log drain, status under a crash loop."""
import os
import statistics
import time

import harness
import metrics as m
from daemon import count_states, program
from harness import BenchError
from rig import Rig

LINE = "x" * 99  # `yes LINE` emits 100-byte lines


def restart(ctx):
    cycles = ctx.sizes.restart_cycles

    def programs(_, clock):
        return program("crashy", f"/bin/sh -c 'echo S > {clock}; sleep 0.2; echo E > {clock}; exit 3'",
                       startsecs=0, autorestart="true", startretries=1000)

    with Rig(ctx, programs) as s:
        lines = s.clock.wait_count(2 * cycles + 1, 30 + cycles * 2)
        s.daemon.check_alive()
    gaps, exited = [], None
    for stamp, tag in lines:
        if tag == "E":
            exited = stamp
        elif tag == "S" and exited is not None:
            gaps.append((stamp - exited) * 1000)
            exited = None
    ctx.rec.put(m.RESTART_CYCLES, len(gaps))
    if not gaps:
        raise BenchError("no restart observed")
    ctx.rec.put(m.RESTART_MEDIAN, statistics.median(gaps))
    ctx.rec.put(m.RESTART_MAX, max(gaps))
    if len(gaps) < cycles:
        raise BenchError(f"only {len(gaps)}/{cycles} restarts observed")


def logs(ctx):
    mb = ctx.sizes.log_mb
    want = mb * 1_000_000

    def programs(work, clock):
        command = f"/bin/sh -c 'echo S > {clock}; yes {LINE} 2>/dev/null | head -c {want}; echo E > {clock}'"
        return program("chatty", command, startsecs=0, autorestart="false", redirect_stderr="true",
                       stdout_logfile=f"{work}/chatty.log", stdout_logfile_maxbytes=0)

    with Rig(ctx, programs) as s:
        log = os.path.join(s.work, "chatty.log")
        first = s.clock.wait_count(1, 30)
        if not first:
            raise BenchError("writer never started")
        started, cpu0 = first[0][0], harness.cpu_seconds(s.daemon.pid)
        done = harness.wait_for(lambda: harness.file_size(log) >= want, 30 + mb * 0.5, 0.005)
        finished, cpu1 = harness.now(), harness.cpu_seconds(s.daemon.pid)
        if not done:  # report what arrived once the log stops growing
            harness.wait_for(harness.size_stable(log), 10, 0.5)
        time.sleep(0.2)
        size = harness.file_size(log)
        ctx.rec.put(m.log_cpu(mb), cpu1 - cpu0)
        ctx.rec.put(m.LOG_LOST, want - size)
        if done:
            ctx.rec.put(m.LOG_RATE, want / 1e6 / (finished - started))
        ctx.rec.note("logs", mb=mb, log_bytes=size, drain_s=round(finished - started, 3))
        if not done:
            raise BenchError(f"log has {size}/{want} bytes after the deadline")


def storm(ctx):
    n, calls = ctx.sizes.storm_programs, ctx.sizes.storm_calls

    def programs(_, clock):
        return program("storm", f"/bin/sh -c 'echo s > {clock}; exec sleep 0.2'", numprocs=n,
                       process_name="%(program_name)s_%(process_num)d", startsecs=0, autorestart="true")

    with Rig(ctx, programs) as s:
        if len(s.clock.wait_count(2 * n, 60)) < 2 * n:
            raise BenchError("storm did not get going (fewer than 2 starts per program in 60 s)")
        s.daemon.check_alive()
        # The restart rate over a fixed window, before the status calls (which can take milliseconds or a minute).
        starts0, t0 = s.clock.count(), harness.now()
        time.sleep(2.0)
        rate = (s.clock.count() - starts0) / (harness.now() - t0)
        t0 = harness.now()
        times, timeouts = [], 0
        for _ in range(calls):
            try:
                dt, r = s.daemon.ctl("status", timeout=ctx.sizes.storm_timeout)
                listed = sum(count_states(r.stdout).values())
                if listed != n:
                    raise BenchError(f"status listed {listed}/{n} programs: {r.stderr[-200:]}")
                times.append(dt * 1000)
            except BenchError as e:
                if "timed out" not in str(e):
                    raise
                timeouts += 1
                times.append(ctx.sizes.storm_timeout * 1000)
                break  # the next call would time out too; keep the run bounded
            if harness.now() - t0 > 60:
                break  # Supervisor can take ~25 s per call here
        ctx.rec.put(m.storm_status(n), statistics.median(times))
        ctx.rec.put(m.storm_status_max(n), max(times))
        ctx.rec.put(m.storm_restarts(n), rate)
        ctx.rec.note("storm", calls_ms=[round(t, 1) for t in times], timeouts=timeouts)
        if timeouts:
            raise BenchError(f"{timeouts}/{len(times)} status call(s) got no answer within "
                             f"{ctx.sizes.storm_timeout:g} s (the figure is a lower bound)")

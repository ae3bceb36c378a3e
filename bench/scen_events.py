"""Event scenarios: idle CPU with a TICK_5 listener, and a PROCESS_LOG flood with a listener that ACKs at once."""
import os
import time

import harness
from daemon import program
from harness import BenchError
from metrics import Metric, Target
from rig import Rig

LINE = "x" * 99  # `yes LINE` emits 100-byte lines

EVENTS_IDLE_CPU = Metric("events.idle_cpu_100_tick5", "idle CPU, 100 programs + TICK_5 listener, between ticks", "%",
                         target=Target("0.0%", "ours<=", 0.049), digits=2)
EVENTS_TICKS = Metric("events.ticks", "TICK_5 events the listener got", "", better="none", digits=0)
EVENTS_FLOOD_LOST = Metric("events.flood_lost", "PROCESS_LOG flood: log bytes lost", "B", better="none",
                           target=Target("= 0", "ours==", 0), digits=0)
EVENTS_FLOOD_EVENTS = Metric("events.flood_events", "PROCESS_LOG flood: events the listener ACKed", "", better="none",
                             digits=0)


def flood_cpu(mb):
    return Metric("events.flood_cpu", f"daemon CPU for a {mb} MB PROCESS_LOG flood", "s")


def _listener(name, events, on_event, **options):
    """A bash listener that reads each payload, runs `on_event` and ACKs at once (no `%`: Supervisor expands it)."""
    command = ("/bin/bash -c 'printf \"READY\\n\"; while read -r h; do n=${h##*len:}; head -c $n >/dev/null; "
               f"{on_event}; printf \"RESULT 2\\nOKREADY\\n\"; done'")
    lines = [f"[eventlistener:{name}]", f"command={command}", f"events={events}"]
    lines += [f"{key}={value}" for key, value in options.items()]
    return "\n".join(lines) + "\n\n"


def idle(ctx):
    """CPU over 4 s right after a tick, with 100 sleepers: a timer, not a poll, costs nothing between ticks."""
    def programs(_, clock):
        return (program("sleeper", "/bin/sleep 600", numprocs=100, process_name="%(program_name)s_%(process_num)d",
                        startsecs=0, autorestart="true", stdout_logfile="NONE", stderr_logfile="NONE")
                + _listener("ticks", "TICK_5", f"echo T > {clock}"))

    with Rig(ctx, programs) as s:
        # The first tick may fall in start-up; measure after the second one, well before the third.
        ticks = s.clock.wait_count(2, 20)
        if len(ticks) < 2:
            raise BenchError(f"the TICK_5 listener got {len(ticks)} tick(s) in 20 s")
        time.sleep(0.3)
        seconds = 4.0
        cpu = harness.cpu_seconds_over(s.daemon.pid, seconds)
        s.daemon.check_alive()
        ctx.rec.put(EVENTS_IDLE_CPU, cpu / seconds * 100)
        ctx.rec.put(EVENTS_TICKS, s.clock.count())


def flood(ctx):
    """A chatty program with stdout_events_enabled and an ACKing PROCESS_LOG listener: CPU, and no log byte lost."""
    mb = ctx.sizes.log_mb
    want = mb * 1_000_000

    def programs(work, clock):
        # The sleep lets the listener reach RUNNING (startsecs=1) first, so that it is sent events during the flood.
        command = f"/bin/sh -c 'sleep 2; echo S > {clock}; yes {LINE} 2>/dev/null | head -c {want}; echo E > {clock}'"
        return (program("chatty", command, startsecs=0, autorestart="false", stdout_events_enabled="true",
                        stdout_logfile=f"{work}/chatty.log", stdout_logfile_maxbytes=0)
                + _listener("logs", "PROCESS_LOG", f"echo >> {work}/events.count"))

    with Rig(ctx, programs) as s:
        log = os.path.join(s.work, "chatty.log")
        first = s.clock.wait_count(1, 30)
        if not first:
            raise BenchError("writer never started")
        started, cpu0 = first[0][0], harness.cpu_seconds(s.daemon.pid)
        done = harness.wait_for(lambda: harness.file_size(log) >= want, 30 + mb * 1.0, 0.01)
        finished, cpu1 = harness.now(), harness.cpu_seconds(s.daemon.pid)
        if not done:
            harness.wait_for(harness.size_stable(log), 10, 0.5)
        count = os.path.join(s.work, "events.count")
        harness.wait_for(_stable_count(count), 20, 0.5)  # the listener works through what is still buffered
        size = harness.file_size(log)
        acked = _lines(count)
        ctx.rec.put(flood_cpu(mb), cpu1 - cpu0)
        ctx.rec.put(EVENTS_FLOOD_LOST, want - size)
        ctx.rec.put(EVENTS_FLOOD_EVENTS, acked)
        ctx.rec.note("events_flood", mb=mb, log_bytes=size, drain_s=round(finished - started, 3), acked=acked)
        if not done:
            raise BenchError(f"log has {size}/{want} bytes after the deadline")


def _lines(path):
    try:
        with open(path) as f:
            return sum(1 for _ in f)
    except OSError:
        return 0


def _stable_count(path):
    last = [-1]

    def check():
        count = _lines(path)
        same, last[0] = count == last[0] and count > 0, count
        return same

    return check



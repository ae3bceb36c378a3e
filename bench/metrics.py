"""What each figure means: label, unit, which direction is better, the physical reference beside it, the target.

The ratio column always reads "bigger = better for us": Supervisor/ours for times, sizes and CPU
(lower is better), ours/Supervisor for rates (higher is better).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    text: str
    kind: str  # "ratio>=", "ours<=", "ours==", "ours>=ref*"
    value: float

    def met(self, sup, ours, ratio, ref):
        if ours is None:
            return None
        if self.kind == "ratio>=":
            return None if ratio is None else ratio >= self.value
        if self.kind == "ours<=":
            return ours <= self.value
        if self.kind == "ours==":
            return ours == self.value
        if self.kind == "ours>=ref*":
            return None if ref is None else ours >= self.value * ref
        raise ValueError(self.kind)


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    better: str = "lower"  # "lower", "higher" or "none" (no ratio)
    target: Target = None
    ref: str = None  # key into the physical references measured in the same run
    digits: int = 3
    # (label, unit, reference key, digits): reference-only rows printed right after this metric's row
    extra_refs: tuple = ()

    def ratio(self, sup, ours):
        if sup is None or ours is None or self.better == "none":
            return None
        if self.better == "lower":
            return sup / ours if ours > 0 else None
        return ours / sup if sup > 0 else None


def spawn_first(n):
    return Metric(f"spawn.first_line.{n}", f"spawn {n}: all children ran first line", "s",
                  target=Target(">= 8x", "ratio>=", 8), ref=f"burst_spawn.{n}",
                  extra_refs=((f"  reference: serial spawn of {n}, one at a time", "s", f"serial_spawn.{n}", 3),
                              ("  reference: CPU each child costs by itself", "ms", f"burst_child_cpu_ms.{n}", 2)))


def spawn_running(n):
    return Metric(f"spawn.all_running.{n}", f"spawn {n}: ctl shows all RUNNING (startsecs=1)", "s")


RESTART_MEDIAN = Metric("restart.gap_median", "restart gap after crash, median", "ms",
                        target=Target("<= 5 ms", "ours<=", 5.0), digits=2)
RESTART_MAX = Metric("restart.gap_max", "restart gap after crash, max", "ms", digits=2)
RESTART_CYCLES = Metric("restart.cycles", "restart cycles measured", "", better="none", digits=0)


def status_latency(n):
    factor = {100: 14, 1000: 40}.get(n)
    target = Target(f">= {factor}x", "ratio>=", factor) if factor else None
    return Metric(f"status.median.{n}", f"ctl status at {n} programs, median", "ms", target=target, digits=1)


STOP_ALL = Metric("stop.stop_all", "ctl stop all at 100 programs", "s", target=Target("<= 0.1 s", "ours<=", 0.1))
SHUTDOWN = Metric("stop.shutdown", "SIGTERM to daemon exit, 100 running", "s", target=Target("<= 0.2 s", "ours<=", 0.2))
LEFT_AFTER_SHUTDOWN = Metric("stop.children_left", "children alive after shutdown", "", better="none",
                             target=Target("= 0", "ours==", 0), digits=0)

LOG_RATE = Metric("logs.rate", "log drain rate", "MB/s", better="higher",
                  target=Target(">= 80% of pipe", "ours>=ref*", 0.8), ref="pipe_rate", digits=1)
LOG_LOST = Metric("logs.lost", "log drain bytes lost", "B", better="none", target=Target("= 0", "ours==", 0), digits=0)


def log_cpu(mb):
    limit = round(0.2 * mb / 200, 3)
    return Metric("logs.cpu", f"daemon CPU for {mb} MB of log", "s", target=Target(f"<= {limit:g} s", "ours<=", limit))


def rss(n):
    return Metric(f"rss.{n}", f"daemon RSS at {n} programs", "MB", target=Target("<= Supervisor", "ratio>=", 1), digits=1)


IDLE_CPU = Metric("rss.idle_cpu_100", "daemon idle CPU at 100 programs", "%",
                  target=Target("0.0%", "ours<=", 0.049), digits=2)
WEB_FIRST_LOAD = Metric("web.first_load_100", "web page first load at 100 programs", "ms", digits=2)
WEB_IDLE_CPU = Metric("web.idle_cpu_live_page", "daemon idle CPU, 100 programs, live page open", "%",
                      target=Target("0.0%", "ours<=", 0.049), digits=2)
TAIL_MEDIAN = Metric("tail.median", "tail -f latency, median", "ms", digits=1)
TAIL_MAX = Metric("tail.max", "tail -f latency, max", "ms", digits=1)


def storm_status(n):
    return Metric(f"storm.status.{n}", f"ctl status in crash-loop storm of {n}, median", "ms",
                  target=Target("<= 50 ms", "ours<=", 50), digits=1)


def storm_status_max(n):
    return Metric(f"storm.status_max.{n}", f"ctl status in crash-loop storm of {n}, max", "ms", digits=1)


def storm_restarts(n):
    return Metric(f"storm.restarts.{n}", f"storm: restarts/s sustained ({n} programs)", "/s", better="higher", digits=0)


def xmlrpc_all_info(n):
    return Metric(f"xmlrpc.all_info.{n}", f"XML-RPC getAllProcessInfo at {n} programs, median", "ms",
                  target=Target(">= 20x", "ratio>=", 20), digits=2)


def python_ctl_status(n):
    return Metric(f"xmlrpc.python_ctl_status.{n}", f"Python supervisorctl status at {n} programs, median", "ms",
                  target=Target("faster", "ratio>=", 1), digits=1)


def python_client_status(n):
    return Metric(f"xmlrpc.python_client_status.{n}",
                  f"  the same calls through supervisorctl's client, no start-up, at {n}, median", "ms",
                  target=Target("faster", "ratio>=", 1), digits=2)


# scen_deps: the Supervisor column is a shell script that starts each program and waits on its port in turn.
DEPS_CHAIN = Metric("deps.chain_ready.20", "20-program dependency chain to ready (ready=tcp; beside it: a shell script)", "s", digits=2)
def metrics_scrape(n):
    target = Target("<= 10 ms", "ours<=", 10.0) if n >= 1000 else None
    return Metric(f"metrics.scrape.{n}", f"GET /metrics at {n} programs, median", "ms", better="none", target=target, digits=2)


def metrics_alloc(n):
    return Metric(f"metrics.alloc.{n}", f"GET /metrics at {n} programs, daemon allocation", "KiB", better="none", digits=1)


def metrics_cpu(n):
    return Metric(f"metrics.cpu.{n}", f"GET /metrics at {n} programs, daemon CPU per scrape", "ms", better="none", digits=2)

"""GET /metrics on our daemon at 100 and 1000 RUNNING sleepers (Supervisor has no /metrics: its column stays empty).

One scrape per connection over the Unix socket, connect to the last byte of the reply, median of the status
repetitions after a warm-up. Allocation per scrape is the daemon's own counter, supervise_daemon_allocated_bytes_total
(GC.GetTotalAllocatedBytes), read from consecutive scrapes: it includes the HTTP request's own garbage, not only the
exposition's. The daemon's on-CPU time per scrape (schedstat, summed over its threads) is
reported beside the wall time, which a loaded machine inflates. Every scrape must show n processes RUNNING.
"""
import os
import re
import statistics
import time

import harness
import metrics as m
from harness import BenchError

REQUEST = b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"
ALLOCATED = re.compile(rb"^supervise_daemon_allocated_bytes_total (\d+)$", re.M)
RUNNING = re.compile(rb'^supervise_processes\{state="RUNNING"\} (\d+)$', re.M)


def scrape(sock_path):
    """Returns (seconds, body) of one GET /metrics on a fresh connection."""
    return harness.http_over_unix(sock_path, REQUEST)


def metrics(ctx):
    if ctx.impl.key != "ours":
        ctx.rec.note("metrics", skipped="Supervisor has no /metrics")
        return
    for n in ctx.order(ctx.sizes.status):
        daemon = ctx.fleet(n).daemon
        sock = os.path.join(daemon.work, "supervisor.sock")
        scrape(sock)  # warm-up: the first scrape rents the pooled buffer and JIT-free paths settle
        times, allocated = [], []
        cpu_before = harness._task_runtimes_ns(daemon.pid)
        for _ in range(ctx.sizes.status_reps):
            dt, body = scrape(sock)
            running = RUNNING.search(body)
            if not running or int(running.group(1)) != n:
                raise BenchError(f"/metrics at {n} showed {running.group(1) if running else 'no'} RUNNING")
            times.append(dt)
            allocated.append(int(ALLOCATED.search(body).group(1)))
        cpu_after = harness._task_runtimes_ns(daemon.pid)
        cpu_ns = sum(ns - cpu_before.get(tid, 0) for tid, ns in cpu_after.items()) / ctx.sizes.status_reps
        per_scrape = [b - a for a, b in zip(allocated, allocated[1:])]
        ctx.rec.put(m.metrics_scrape(n), statistics.median(times) * 1000)
        ctx.rec.put(m.metrics_cpu(n), cpu_ns / 1e6)
        ctx.rec.put(m.metrics_alloc(n), statistics.median(per_scrape) / 1024)
        ctx.rec.note("metrics", **{f"bytes_{n}": len(body), f"scrape_ms_all_{n}": [round(t * 1000, 2) for t in times], f"alloc_kib_all_{n}": [round(b / 1024, 1) for b in per_scrape]})

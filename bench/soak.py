#!/usr/bin/env python3
"""The soak of issue 15: 50 programs (35 sleepers, 10 crash-looping, 5 chatty) for a long time, on ours and on
Supervisor 4.2.5 side by side, sampled every few seconds from outside.

    python3 bench/soak.py --minutes 30 [--side both|ours|supervisor] [--ours dist/supervisord]
                          [--supervisor /usr/bin/supervisord] [--json FILE] [--trace FILE]

Reported per daemon: RSS after the first minute, at the end, its min and max after the first minute (the drift is
end minus the first-minute value, and max minus min), open fds and threads at the same points, zombies among its
children (lingering: the same pid in state Z in two consecutive samples, i.e. not reaped within one sampling period;
transient: a crash-looper caught between its exit and its reap, counted apart), and the latency of getAllProcessInfo over the Unix socket (p50, p99, max), the same
request for both daemons. The crash-loopers exit 1 after 0.3 s with startsecs=0 and autorestart=true, so they restart
for the whole run; the chatty ones write ~2000 lines a second into logs that rotate at 1 MB.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from daemon import HEADER  # noqa: E402
from scen_wire import call_all_info  # noqa: E402

CHATTY = "import sys, time\nwhile True:\n    for i in range(200):\n        sys.stdout.write('soak line %d of a chatty program, padded to look like a log line\\n' % i)\n    sys.stdout.flush()\n    time.sleep(0.1)\n"


def config(work):
    lines = [HEADER.format(work=work)]
    for i in range(35):
        lines.append(f"[program:sleeper{i:02d}]\ncommand=sleep 100000\nstartsecs=0\n")
    for i in range(10):
        lines.append(f"[program:crasher{i:02d}]\ncommand=sh -c 'sleep 0.3; exit 1'\nstartsecs=0\nautorestart=true\n")
    with open(os.path.join(work, "chatty.py"), "w") as f:
        f.write(CHATTY)
    for i in range(5):
        lines.append(f"[program:chatty{i}]\ncommand={sys.executable} {work}/chatty.py\nstdout_logfile_maxbytes=1MB\n"
                     "stdout_logfile_backups=2\nstartsecs=0\n")
    return "\n".join(lines)


def status_of(pid):
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def cpu_seconds(pid):
    """User plus system CPU time the process has used so far."""
    with open(f"/proc/{pid}/stat") as f:
        rest = f.read().rsplit(")", 1)[1].split()
    return (int(rest[11]) + int(rest[12])) / os.sysconf("SC_CLK_TCK")


def zombies(pid):
    """The pids of the daemon's children in state Z right now."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                rest = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if rest[0] == "Z" and int(rest[1]) == pid:
            found.add(int(entry))
    return found


class Subject:
    def __init__(self, name, supd):
        self.name = name
        self.work = tempfile.mkdtemp(prefix=f"soak-{name}-")
        os.makedirs(os.path.join(self.work, "childlogs"))
        self.conf = os.path.join(self.work, "supervisord.conf")
        with open(self.conf, "w") as f:
            f.write(config(self.work))
        self.sock = os.path.join(self.work, "supervisor.sock")
        self.proc = harness.spawn([supd, "-n", "-c", self.conf], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.samples = []
        self.latencies = []
        self.zombie_pids = set()

    def ready(self):
        try:
            _, body = call_all_info(self.sock)
            return body.count(b"<name>") >= 50
        except OSError:
            return False

    def sample(self, t):
        pid = self.proc.pid
        try:
            dt, _ = call_all_info(self.sock)
            self.latencies.append(dt * 1000)
        except OSError as e:
            self.latencies.append(float("inf"))
            print(f"{self.name}: getAllProcessInfo failed: {e}", file=sys.stderr)
        st = status_of(pid)
        now_z = zombies(pid)
        # A lingering zombie is one seen in two consecutive samples (same pid): a child the daemon failed to reap.
        # The others are crash-loopers caught between their exit and their reap.
        lingering = now_z & self.zombie_pids
        self.zombie_pids = now_z
        self.samples.append({
            "t": round(t, 1),
            "rss_kb": int(st["VmRSS"].split()[0]),
            "fds": len(os.listdir(f"/proc/{pid}/fd")),
            "threads": int(st["Threads"]),
            "cpu_s": cpu_seconds(pid),
            "zombies": len(now_z),
            "lingering": len(lingering),
        })

    def stop(self):
        harness.kill(self.proc)
        shutil.rmtree(self.work, ignore_errors=True)

    def report(self, warm):
        after = [s for s in self.samples if s["t"] >= warm] or self.samples
        first, last = after[0], after[-1]
        lat = sorted(self.latencies)
        rss = [s["rss_kb"] for s in after]
        return {
            "rss_mb_at_warm": round(first["rss_kb"] / 1024, 1),
            "rss_mb_end": round(last["rss_kb"] / 1024, 1),
            "rss_drift_mb": round((last["rss_kb"] - first["rss_kb"]) / 1024, 1),
            "rss_span_mb": round((max(rss) - min(rss)) / 1024, 1),
            "fd_drift": last["fds"] - first["fds"],
            "fds": [first["fds"], last["fds"], max(s["fds"] for s in after)],
            "thread_drift": last["threads"] - first["threads"],
            "threads": [first["threads"], last["threads"], max(s["threads"] for s in after)],
            "cpu_pct_after_warm": round(100 * (last["cpu_s"] - first["cpu_s"]) / max(1e-9, last["t"] - first["t"]), 1),
            "zombies_lingering_max": max(s["lingering"] for s in self.samples),
            "zombies_transient_max": max(s["zombies"] - s["lingering"] for s in self.samples),
            "zombies_transient_samples": sum(1 for s in self.samples if s["zombies"] > s["lingering"]),
            "call_ms_p50": round(statistics.median(lat), 2),
            "call_ms_p99": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 2),
            "call_ms_max": round(lat[-1], 2),
            "samples": len(self.samples),
        }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--every", type=float, default=2.0, help="seconds between samples")
    ap.add_argument("--warm", type=float, default=60.0, help="seconds before the drift baseline")
    ap.add_argument("--ours", default="dist/supervisord")
    ap.add_argument("--supervisor", default="/usr/bin/supervisord")
    ap.add_argument("--side", choices=["both", "ours", "supervisor"], default="both", help="which daemons run")
    ap.add_argument("--json", help="write the report here too")
    ap.add_argument("--trace", help="write every sample (t, RSS, fds, threads, zombies) of each daemon here")
    args = ap.parse_args()
    harness.become_subreaper()
    subjects = [Subject("ours", args.ours)] if args.side != "supervisor" else []
    if args.side != "ours":
        if shutil.which(args.supervisor):
            subjects.append(Subject("supervisor", args.supervisor))
        else:
            print(f"soak: {args.supervisor} not found; only ours runs", file=sys.stderr)
    try:
        for s in subjects:
            if not harness.wait_for(s.ready, 60, step=0.2):
                raise SystemExit(f"soak: {s.name} did not list 50 programs within 60 s")
        start = time.monotonic()
        end = start + args.minutes * 60
        while time.monotonic() < end:
            t = time.monotonic() - start
            for s in subjects:
                s.sample(t)
            time.sleep(max(0.0, args.every - (time.monotonic() - start - t)))
        report = {"minutes": args.minutes, "programs": 50, **{s.name: s.report(args.warm) for s in subjects}}
        if args.trace:
            with open(args.trace, "w") as f:
                json.dump({s.name: s.samples for s in subjects}, f)
    finally:
        for s in subjects:
            s.stop()
        harness.cleanup_all()
    print(json.dumps(report, indent=2))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Side-by-side benchmark of Supervisor 4.2.5 and Supervise on the same generated configs.

Usage (from the repo root, normally via `./build.sh bench [options]`):
  python3 bench/bench.py [--quick] [--only NAME[,NAME]] [--side both|supervisor|ours]
                         [--ours-supd CMD] [--ours-ctl CMD] [--supd CMD] [--ctl CMD]
                         [--json PATH] [--keep]
All scenarios run on Supervisor first, then on ours; one table and bench/results/latest.json come out.
See BENCHMARKS.md for what each scenario measures.
"""
import argparse
import datetime
import os
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # keep bench/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import harness  # noqa: E402
import report  # noqa: E402
import scen_deps  # noqa: E402
import scen_events  # noqa: E402
import scen_fleet  # noqa: E402
import scen_io  # noqa: E402
import scen_metrics  # noqa: E402
import scen_tail  # noqa: E402
import scen_web  # noqa: E402
import scen_wire  # noqa: E402
from context import Context, Sizes  # noqa: E402
from daemon import Impl  # noqa: E402
from references import References  # noqa: E402

# Order matters: fleet scenarios reuse the fleet left by the previous one when sizes match.
SCENARIOS = {
    "spawn": (scen_fleet.spawn, True),
    "status": (scen_fleet.status, True),
    "rss": (scen_fleet.rss, True),
    "wire": (scen_wire.wire, True),
    "metrics": (scen_metrics.metrics, True),
    "stop": (scen_fleet.stop, True),
    "restart": (scen_io.restart, False),
    "logs": (scen_io.logs, False),
    "tail": (scen_tail.tail, False),
    "storm": (scen_io.storm, False),
    "deps": (scen_deps.deps, False),
    "web": (scen_web.web, False),
    "events_idle": (scen_events.idle, False),
    "events_flood": (scen_events.flood, False),
}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--quick", action="store_true", help="reduced sizes (about 2-3 minutes)")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help=f"run only these scenarios (repeatable or comma-separated): {', '.join(SCENARIOS)}")
    ap.add_argument("--side", choices=["both", "supervisor", "ours"], default="both")
    ap.add_argument("--supd", default="supervisord", help="Supervisor's daemon command")
    ap.add_argument("--ctl", default="supervisorctl", help="Supervisor's ctl command")
    ap.add_argument("--ours-supd", default=os.path.join(ROOT, "dist/supervisord"), metavar="CMD")
    ap.add_argument("--ours-ctl", default=os.path.join(ROOT, "dist/supervisorctl"), metavar="CMD")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench/results/latest.json"), metavar="PATH")
    ap.add_argument("--keep", action="store_true", help="keep the /tmp work dirs for inspection")
    args = ap.parse_args(argv)
    names = [n.strip() for chunk in args.only for n in chunk.split(",") if n.strip()]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        ap.error(f"unknown scenario(s) {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
    args.scenarios = [n for n in SCENARIOS if not names or n in names]
    return args


def ensure_supervisor(cmd):
    """Installs Debian's supervisor package when its daemon is missing, without starting its service."""
    if shutil.which(cmd) or cmd != "supervisord" or not shutil.which("apt-get"):
        return
    print("supervisord not found: installing Debian's supervisor package", flush=True)
    policy = "/usr/sbin/policy-rc.d"
    created = not os.path.exists(policy)
    if created:  # keep the package's postinst from starting a system-wide supervisord
        with open(policy, "w") as f:
            f.write("#!/bin/sh\nexit 101\n")
        os.chmod(policy, 0o755)
    try:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        install = ["apt-get", "install", "-y", "-qq", "supervisor"]
        if subprocess.run(install, env=env, timeout=600).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env, timeout=600)
            subprocess.run(install, env=env, timeout=600, check=True)
    finally:
        if created:
            os.remove(policy)


def run_side(impl, args, sizes, refs, recorders):
    ctx = Context(impl, sizes, refs, args.keep)
    recorders[impl.key] = ctx.rec  # registered first, so an interrupted side still reports
    ctx.rec.note("side", loadavg_at_start=round(os.getloadavg()[0], 2))
    missing = impl.missing()
    for name in args.scenarios:
        fn, uses_fleet = SCENARIOS[name]
        if missing:
            ctx.rec.errors[name] = f"command not found: {missing}"
            continue
        if not uses_fleet:
            ctx.release_fleet()
        print(f"[{impl.key}] {name} ...", flush=True)
        t0 = time.monotonic()
        try:
            fn(ctx)
        except Exception as e:  # one failing scenario must not abort the run
            ctx.rec.errors[name] = f"{type(e).__name__}: {e}"
            ctx.release_fleet()  # a fleet in an unknown state must not be reused
        except KeyboardInterrupt:
            ctx.rec.errors[name] = "interrupted"
            raise
        finally:
            harness.sweep_orphans()
        ctx.rec.note(name, scenario_wall_s=round(time.monotonic() - t0, 1))
    ctx.release_fleet()


def measure_references(args, sizes, refs):
    if "spawn" in args.scenarios:
        for n in sizes.spawn:
            refs.serial_spawn(n)
            refs.burst_spawn(n)
    if "logs" in args.scenarios:
        refs.pipe_rate(sizes.log_mb)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    harness.become_subreaper()
    ensure_supervisor(args.supd)
    sizes = Sizes.of(args.quick)
    impls = {"supervisor": Impl.of("supervisor", args.supd, args.ctl),
             "ours": Impl.of("ours", args.ours_supd, args.ours_ctl)}
    sides = [k for k in impls if args.side in ("both", k)]
    refs = References(args.keep)
    recorders, started, t0 = {}, datetime.datetime.now().astimezone(), time.monotonic()
    info, interrupted = report.machine(), False
    try:
        measure_references(args, sizes, refs)
        for side in sides:
            run_side(impls[side], args, sizes, refs, recorders)
    except KeyboardInterrupt:
        interrupted = True
        print("interrupted: cleaning up and reporting what was measured", file=sys.stderr)
    finally:
        harness.cleanup_all(args.keep)
    row_dicts = report.rows(recorders, refs.values)
    print()
    print(f"Supervisor vs ours  ({'quick' if args.quick else 'full'} run; {info.get('nproc')} CPUs, "
          f"{info.get('cpu_model')}, kernel {info.get('kernel')})")
    print(report.table(row_dicts, recorders, sides, refs.errors))
    payload = {
        "schema": 1, "started_at": started.isoformat(timespec="seconds"),
        "duration_s": round(time.monotonic() - t0, 1), "quick": args.quick, "interrupted": interrupted,
        "scenarios": args.scenarios, "sizes": sizes.__dict__, "machine": info,
        "implementations": {k: {"supd": list(impls[k].supd), "ctl": list(impls[k].ctl),
                                "version": impls[k].version() if k in sides else None} for k in impls},
        "ratio_direction": report.RATIO_NOTE, "references": refs.values, "reference_errors": refs.errors,
        "metrics": row_dicts,
        "errors": {k: r.errors for k, r in recorders.items()},
        "raw": {k: r.raw for k, r in recorders.items()},
    }
    report.write_json(args.json, payload)
    print(f"\nwrote {os.path.relpath(args.json)}  ({payload['duration_s']} s)")
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""One implementation under test (Supervisor or ours) and one running daemon of it.

Both are driven the same way: `SUPD -n -c FILE` to start, `CTL -c FILE ...` to query, SIGTERM to stop.
The generated config is plain supervisord.conf, valid for Supervisor 4.2.5 (which needs the
[rpcinterface:supervisor] section), so ours must accept it unchanged.
"""
import os
import shlex
import shutil
import signal
import subprocess
from dataclasses import dataclass

import harness
from harness import BenchError

HEADER = """[unix_http_server]
file={work}/supervisor.sock
chmod=0700

[supervisord]
logfile={work}/supervisord.log
pidfile={work}/supervisord.pid
childlogdir={work}/childlogs
nodaemon=true

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://{work}/supervisor.sock

"""


@dataclass(frozen=True)
class Impl:
    key: str  # "supervisor" or "ours"
    supd: tuple
    ctl: tuple

    @staticmethod
    def of(key, supd, ctl):
        return Impl(key, tuple(shlex.split(supd)), tuple(shlex.split(ctl)))

    def missing(self):
        """Names the first executable that cannot be found, or None."""
        for argv in (self.supd, self.ctl):
            if not argv or shutil.which(argv[0]) is None:
                return argv[0] if argv else "(empty command)"
        return None

    def version(self):
        try:
            r = subprocess.run(list(self.supd) + ["-v"], capture_output=True, text=True, timeout=15)
            return (r.stdout.strip() or r.stderr.strip()).splitlines()[0][:80]
        except (OSError, subprocess.TimeoutExpired, IndexError):
            return None


def program(name, command, **options):
    lines = [f"[program:{name}]", f"command={command}"]
    lines += [f"{key}={value}" for key, value in options.items()]
    return "\n".join(lines) + "\n\n"


class Daemon:
    """A daemon started on a generated config in a fresh /tmp work dir; stop() always cleans up."""

    def __init__(self, impl, work, programs_text):
        self.impl, self.work = impl, work
        self.conf = os.path.join(work, "supervisord.conf")
        os.makedirs(os.path.join(work, "childlogs"), exist_ok=True)
        with open(self.conf, "w") as f:
            f.write(HEADER.format(work=work) + programs_text)
        self.proc = None
        self.started_at = None

    @property
    def pid(self):
        return self.proc.pid

    def start(self):
        out = open(os.path.join(self.work, "daemon.out"), "wb")
        self.started_at = harness.now()
        self.proc = harness.spawn(list(self.impl.supd) + ["-n", "-c", self.conf],
                                  stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        out.close()
        return self

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def check_alive(self):
        if not self.alive():
            raise BenchError(f"daemon exited with status {self.proc.returncode}: {self.tail_output()}")

    def tail_output(self, limit=300):
        try:
            with open(os.path.join(self.work, "daemon.out"), errors="replace") as f:
                text = f.read()
        except OSError:
            return ""
        return " ".join(text.split())[-limit:]

    def ctl(self, *args, timeout=60):
        """Runs the ctl once; returns (wall seconds, CompletedProcess)."""
        return harness.run_timed(list(self.impl.ctl) + ["-c", self.conf] + list(args), timeout)

    def wait_socket(self, timeout=30):
        sock = os.path.join(self.work, "supervisor.sock")
        if not harness.wait_for(lambda: os.path.exists(sock) or not self.alive(), timeout, 0.005):
            raise BenchError(f"no control socket after {timeout} s")
        self.check_alive()

    def terminate(self, timeout=60):
        """SIGTERM, then wait for exit; returns seconds taken, or None if it had to be killed."""
        t0 = harness.now()
        try:
            self.proc.send_signal(signal.SIGTERM)
            harness.reap(self.proc, timeout)
            return harness.now() - t0
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self):
        if self.proc is not None:
            harness.kill(self.proc)
        harness.sweep_orphans()

    def stop(self):
        """Best-effort graceful stop for teardown (not measured)."""
        if self.alive():
            if self.terminate(timeout=30) is None:
                return
        self.kill()


def count_states(status_stdout):
    """Counts processes per state in `ctl status` output (second column)."""
    counts = {}
    for line in status_stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            counts[parts[1]] = counts.get(parts[1], 0) + 1
    return counts

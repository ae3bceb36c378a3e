"""tail -f latency: from a child writing a line until `ctl tail -f NAME` prints it.

The child is `cat` on a FIFO we hold open, so a line we write reaches its stdout at once. The ctl runs on
a pseudo-terminal, because a ctl writing to a pipe may block-buffer its output (Python does) and we
would measure the buffer, not the daemon.
"""
import os
import pty
import select
import statistics
import subprocess
import time

import harness
import metrics as m
from context import wait_status
from daemon import count_states, program
from harness import BenchError
from rig import Rig


def tail(ctx):
    def programs(work, _):
        os.mkfifo(os.path.join(work, "input"))
        return program("echoer", f"cat {work}/input", startsecs=0, autorestart="false",
                       redirect_stderr="true", stdout_logfile=f"{work}/echoer.log")

    with Rig(ctx, programs) as s:
        feed = os.open(os.path.join(s.work, "input"), os.O_RDWR | os.O_NONBLOCK)
        master, slave = pty.openpty()
        follower = None
        try:
            s.daemon.wait_socket()
            wait_status(s.daemon, lambda out: count_states(out).get("RUNNING", 0) == 1, 30)
            follower = harness.spawn(list(ctx.impl.ctl) + ["-c", s.daemon.conf, "tail", "-f", "echoer"],
                                     stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
            os.close(slave)
            slave = None
            reader = PtyReader(master)
            if not _warm_up(feed, reader, follower):
                raise BenchError(f"tail -f never showed a line: {reader.text[-200:]!r}")
            latencies = []
            for i in range(ctx.sizes.tail_probes):
                tag = f"probe-{i}-{time.monotonic_ns()}"
                sent = time.perf_counter()
                os.write(feed, (tag + "\n").encode())
                if not reader.wait_for(tag, 10):
                    raise BenchError(f"probe {i} not shown by tail -f within 10 s")
                latencies.append((time.perf_counter() - sent) * 1000)
                time.sleep(0.05)
            ctx.rec.put(m.TAIL_MEDIAN, statistics.median(latencies))
            ctx.rec.put(m.TAIL_MAX, max(latencies))
            ctx.rec.note("tail", latencies_ms=[round(x, 1) for x in latencies])
        finally:
            if follower is not None:
                harness.kill(follower)
            for fd in (master, slave, feed):
                if fd is not None:
                    os.close(fd)


def _warm_up(feed, reader, follower):
    """Writes warm-up lines until one shows up, so the ctl is connected before we time anything."""
    for i in range(40):
        if follower.poll() is not None:
            return False
        os.write(feed, f"warm-{i}\n".encode())
        if reader.wait_for(f"warm-{i}", 0.5):
            return True
    return False


class PtyReader:
    def __init__(self, fd):
        self.fd, self.text = fd, ""

    def wait_for(self, needle, timeout):
        deadline = time.monotonic() + timeout
        while needle not in self.text:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.text += os.read(self.fd, 65536).decode(errors="replace")
                except OSError:  # EIO once the ctl has exited
                    return False
        return True

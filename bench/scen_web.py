"""The web page at 100 programs: its first load, and the daemon's idle CPU while a live page is open.

First load is what a browser's first visit costs the daemon: a fresh TCP connection, GET / with Basic credentials,
until the last byte of the page (median of several). Idle CPU is measured with the page's live stream (/events on
ours; Supervisor has none, so its figure is its plain idle CPU) held open and nothing changing: the stream must
cost nothing between changes.
"""
import base64
import socket
import statistics
import time

import harness
import metrics as m
from context import wait_status
from daemon import count_states, program
from harness import BenchError
from rig import Rig

PROGRAMS = 100
AUTH = base64.b64encode(b"user:secret").decode()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port, path, read_all=True):
    """Returns (seconds, status, body) of one GET on a fresh connection; with read_all False, the open socket instead of the body."""
    started = time.perf_counter()
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Basic {AUTH}\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise BenchError(f"GET {path}: closed before the headers")
        data += chunk
    status = int(data.split(b" ", 2)[1])
    if not read_all:
        return time.perf_counter() - started, status, s
    while True:
        chunk = s.recv(1 << 20)
        if not chunk:
            break
        data += chunk
    s.close()
    return time.perf_counter() - started, status, data.split(b"\r\n\r\n", 1)[1]


def web(ctx):
    port = _free_port()

    def programs(work, _):
        head = f"[inet_http_server]\nport=127.0.0.1:{port}\nusername=user\npassword=secret\n\n"
        return head + "".join(program(f"p{i:03d}", "sleep 100000", startsecs=0) for i in range(PROGRAMS))

    with Rig(ctx, programs) as s:
        s.daemon.wait_socket()
        wait_status(s.daemon, lambda out: count_states(out).get("RUNNING", 0) == PROGRAMS, 120)
        _get(port, "/")  # warm-up: the first request after start pays for code paths, not what a visitor sees
        times = []
        for _ in range(max(5, ctx.sizes.status_reps)):
            dt, status, body = _get(port, "/")
            if status != 200 or body.count(b"p099") == 0:
                raise BenchError(f"GET / answered {status} without the last program")
            times.append(dt)
        ctx.rec.put(m.WEB_FIRST_LOAD, statistics.median(times) * 1000)
        _, status, stream = _get(port, "/events", read_all=False)
        try:
            time.sleep(1.0)  # let the stream's first burst (one event per process) go out
            idle = harness.cpu_seconds_over(s.daemon.pid, ctx.sizes.idle_seconds)
            ctx.rec.put(m.WEB_IDLE_CPU, idle / ctx.sizes.idle_seconds * 100)
            ctx.rec.note("web", first_load_ms=[round(t * 1000, 2) for t in times], events_status=status)
        finally:
            stream.close()

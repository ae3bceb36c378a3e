"""Supervisor's wire on both daemons: XML-RPC getAllProcessInfo over the Unix socket, and Python's own supervisorctl.

The request is the exact bytes Python's xmlrpclib sends (one call per connection, as supervisorctl does); the time is
from connect to the last byte of the reply. `Python supervisorctl status` is /usr/bin/supervisorctl against each
daemon: its own start-up (~250-400 ms of Python imports on 2 slow cores, varying by tens of ms from run to run)
dominates, so the ratio there is small by nature. The row under it makes the same two calls `status` makes (getVersion
for its upcheck, then getAllProcessInfo, each on a new proxy and connection) through the ctl's own transport
(supervisor.xmlrpc.SupervisorTransport) and parser, in one interpreter: the ctl's run without its start-up.
"""
import json
import os
import statistics
import subprocess
import time

import harness
import metrics as m
from harness import BenchError

BODY = (b"<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getAllProcessInfo</methodName>\n"
        b"<params>\n</params>\n</methodCall>\n")
REQUEST = (b"POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: identity\r\nUser-Agent: Python-xmlrpc/3.11\r\n"
           b"Content-Type: text/xml\r\nAccept: text/xml\r\nContent-Length: %d\r\n\r\n" % len(BODY)) + BODY
PYTHON_CTL = "/usr/bin/supervisorctl"
PYTHON = "/usr/bin/python3"  # Debian's: the one python3-supervisor (the ctl's own client) is installed for
CLIENT = r"""
import json, sys, time
from xmlrpc.client import ServerProxy
from supervisor.xmlrpc import SupervisorTransport
url, reps = sys.argv[1], int(sys.argv[2])
def status():
    ServerProxy("http://127.0.0.1", transport=SupervisorTransport(None, None, url)).supervisor.getVersion()
    return ServerProxy("http://127.0.0.1", transport=SupervisorTransport(None, None, url)).supervisor.getAllProcessInfo()
status()
times = []
for _ in range(reps):
    started = time.perf_counter()
    infos = status()
    times.append(time.perf_counter() - started)
print(json.dumps({"times": times, "running": sum(i["statename"] == "RUNNING" for i in infos)}))
"""


def call_all_info(sock_path):
    """Returns (seconds, body) of one getAllProcessInfo on a fresh connection."""
    return harness.http_over_unix(sock_path, REQUEST)


def wire(ctx):
    for n in ctx.order(ctx.sizes.status):
        daemon = ctx.fleet(n).daemon
        sock = os.path.join(daemon.work, "supervisor.sock")
        call_all_info(sock)  # warm-up: first-call costs are not what a poller sees
        times = []
        for _ in range(ctx.sizes.status_reps):
            dt, body = call_all_info(sock)
            running = body.count(b"<string>RUNNING</string>")
            if running != n:
                raise BenchError(f"getAllProcessInfo at {n} listed {running} RUNNING")
            times.append(dt)
        ctx.rec.put(m.xmlrpc_all_info(n), statistics.median(times) * 1000)
        if os.path.exists(PYTHON_CTL):
            ctl_times = []
            # Python's own start-up varies by tens of ms from run to run, more than the ~12 ms a faster daemon saves at
            # 100 programs: four times the other status rows' runs there, so the medians can tell the daemons apart.
            for _ in range(max(3, ctx.sizes.status_reps) * (4 if n <= 100 else 1)):
                started = time.perf_counter()
                r = subprocess.run([PYTHON_CTL, "-c", daemon.conf, "status"], capture_output=True, timeout=120)
                ctl_times.append(time.perf_counter() - started)
                if r.stdout.count(b"RUNNING") != n:
                    raise BenchError(f"Python supervisorctl status at {n}: rc {r.returncode} {r.stderr[-200:]!r}")
            ctx.rec.put(m.python_ctl_status(n), statistics.median(ctl_times) * 1000)
            python_client(ctx, n, sock)


def python_client(ctx, n, sock):
    """Times supervisorctl status's two calls through the ctl's own client library, in one interpreter."""
    r = subprocess.run([PYTHON, "-c", CLIENT, "unix://" + sock, str(max(3, ctx.sizes.status_reps))],
                       capture_output=True, timeout=600)
    if r.returncode != 0:
        raise BenchError(f"supervisorctl's client at {n}: rc {r.returncode} {r.stderr[-300:]!r}")
    result = json.loads(r.stdout)
    if result["running"] != n:
        raise BenchError(f"supervisorctl's client at {n} listed {result['running']} RUNNING")
    ctx.rec.put(m.python_client_status(n), statistics.median(result["times"]) * 1000)

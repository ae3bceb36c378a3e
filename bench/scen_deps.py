"""A 20-program dependency chain brought to ready: each program listens on its own port, and each depends on the one
before it (depends_on= plus ready=tcp:// on ours). Supervisor has no dependencies, so the figure beside ours is what
people write instead: a shell script that starts each program in turn and waits for its port before the next.
Both sides probe every 50 ms, and each listener takes about 100 ms to open its port, so the floor is about 2 s.
"""
import os
import socket
import subprocess

import harness
import metrics as m
from context import wait_status
from daemon import count_states, program
from rig import Rig

LINKS = 20
BASE_PORT = 47100
LISTENER = """import socket, sys, time
time.sleep(0.1)
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.listen(64)
time.sleep(86400)
"""
SCRIPT = """#!/bin/bash
for i in $(seq 1 {links}); do
  port=$(({base} + i))
  python3 {work}/listener.py $port &
  until (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do sleep 0.05; done
done
"""


def deps(ctx):
    if ctx.impl.key == "supervisor":
        _shell(ctx)
    else:
        _ours(ctx)


def _write_listener(work):
    path = os.path.join(work, "listener.py")
    with open(path, "w") as f:
        f.write(LISTENER)
    return path


def _ours(ctx):
    def programs(work, _):
        listener = _write_listener(work)
        text = ""
        for i in range(1, LINKS + 1):
            options = dict(startsecs=0, ready=f"tcp://127.0.0.1:{BASE_PORT + i}", ready_interval="0.05", ready_deadline=60,
                           stdout_logfile="NONE", stderr_logfile="NONE")
            if i > 1:
                options["depends_on"] = f"link{i - 1:02d}"
            text += program(f"link{i:02d}", f"python3 {listener} {BASE_PORT + i}", **options)
        return text

    with Rig(ctx, programs) as s:
        s.daemon.wait_socket()
        wait_status(s.daemon, lambda out: count_states(out).get("RUNNING", 0) == LINKS, 120)
        ctx.rec.put(m.DEPS_CHAIN, harness.now() - s.daemon.started_at)


def _shell(ctx):
    work = harness.make_workdir()
    try:
        _write_listener(work)
        script = os.path.join(work, "chain.sh")
        with open(script, "w") as f:
            f.write(SCRIPT.format(links=LINKS, base=BASE_PORT, work=work))
        t0 = harness.now()
        runner = harness.spawn(["bash", script], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            harness.reap(runner, 120)
            ctx.rec.put(m.DEPS_CHAIN, harness.now() - t0)
            _check_listening()
        finally:
            harness.kill_group(runner)
    finally:
        harness.sweep_orphans()
        harness.remove_workdir(work, ctx.keep)


def _check_listening():
    with socket.create_connection(("127.0.0.1", BASE_PORT + LINKS), timeout=5):
        pass

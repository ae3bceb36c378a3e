#!/usr/bin/env python3
"""Records Supervisor 4.2.5's XML-RPC replies, raw, for byte comparison with Supervise.

Starts Debian's /usr/bin/supervisord on a scratch config in a temp dir (unix socket without auth, plus an
inet_http_server on 127.0.0.1 with a username and password), sends each request over a fresh connection as raw
HTTP/1.1 (the headers Python's supervisorctl sends), and writes, per case, 4.2.5/<name>.request.xml (the body as
sent; for the HTTP-envelope cases the whole request) and 4.2.5/<name>.response (status line, headers and body, as
received). Nothing is normalised. Run: python3 record.py  (about 30 s). Every supervisord started is killed at exit.

The same sequence runs against any daemon that takes `-n -c FILE` (Supervise's bin/supervisord, for the byte
comparison in RecordedRepliesSpecs):  python3 record.py --supervisord PATH --out DIR  (DIR is deleted and rewritten;
--keep leaves the scratch dir, with the daemon's main log and its stdout/stderr in daemon.out, for a post-mortem).
"""
import argparse
import base64
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client as xc

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "4.2.5")  # rebound by main() from --out
SUPERVISORD = "/usr/bin/supervisord"  # rebound by main() from --supervisord
USER, PASSWORD = "user", "secret"

CONFIG = """\
[unix_http_server]
file={tmp}/supervisor.sock

[inet_http_server]
port=127.0.0.1:{port}
username={user}
password={password}

[supervisord]
logfile={tmp}/supervisord.log
pidfile={tmp}/supervisord.pid
childlogdir={tmp}
nodaemon=true
identifier=supervisor

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://{tmp}/supervisor.sock

[program:sleeper]
command=sleep 1000
stopwaitsecs=2

[group:grp]
programs=a,b

[program:a]
command=sleep 1000
stopwaitsecs=2

[program:b]
command=sleep 1000
stopwaitsecs=2

[program:failer]
command=/bin/sh -c "exit 1"
autostart=false
startretries=0

[program:ansi]
command=/bin/sh -c "printf '\\033[31mred\\033[0m\\n'; printf '\\377\\376\\n'; printf '\\033[31mred\\033[0m\\n'; exec sleep 1000"
stopwaitsecs=2
{extra}"""

EXTRA = """
[program:extra]
command=sleep 1000
stopwaitsecs=2
"""


class Daemon:
    def __init__(self, keep=False):
        self.keep = keep
        self.tmp = tempfile.mkdtemp(prefix="record425-")
        self.sock = os.path.join(self.tmp, "supervisor.sock")
        self.port = free_port()
        self.conf = os.path.join(self.tmp, "supervisord.conf")
        self.write_config("")
        self.proc = None

    def write_config(self, extra):
        with open(self.conf, "w") as f:
            f.write(CONFIG.format(tmp=self.tmp, port=self.port, user=USER, password=PASSWORD, extra=extra))

    def start(self):
        # -n is redundant with nodaemon=true for Supervisor, and how Supervise's daemon is run in the foreground.
        with open(os.path.join(self.tmp, "daemon.out"), "wb") as out:
            self.proc = subprocess.Popen([SUPERVISORD, "-n", "-c", self.conf], stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        wait_until(lambda: self.running_count() == 4, 20, "supervisord and its autostart programs to run")

    def running_count(self):
        try:
            infos = xc.loads(post(self, xc.dumps((), "supervisor.getAllProcessInfo"))[1].split(b"\r\n\r\n", 1)[1])[0][0]
        except Exception:  # noqa: BLE001 - not up yet
            return -1
        return sum(1 for i in infos if i["statename"] == "RUNNING")

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(10)
        if self.proc is not None:
            try:  # the children of a daemon that died or was killed: the whole session, as a safety net
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.keep:
            print("kept " + self.tmp, file=sys.stderr)
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise TimeoutError("timed out waiting for " + what)


def connect(daemon, tcp=False):
    if tcp:
        s = socket.create_connection(("127.0.0.1", daemon.port), timeout=15)
    else:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(15)
        s.connect(daemon.sock)
    return s


def read_response(s, stream_seconds=None):
    """Reads one response: headers, then Content-Length bytes, or until EOF, or (a stream) for stream_seconds."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    length = None
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if stream_seconds is not None:
        s.settimeout(stream_seconds)
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                body += chunk
        except socket.timeout:
            pass
    elif length is not None:
        while len(body) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
    else:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
    return head + b"\r\n\r\n" + body


def read_pipelined(s, count):
    """Reads count responses that each carry Content-Length from one connection."""
    data, responses = b"", []
    while len(responses) < count:
        end = data.find(b"\r\n\r\n")
        if end >= 0:
            length = 0
            for line in data[:end].split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            if len(data) >= end + 4 + length:
                responses.append(data[:end + 4 + length])
                data = data[end + 4 + length:]
                continue
        chunk = s.recv(65536)
        if not chunk:
            responses.extend([data] if data else [])
            break
        data += chunk
    return responses + [b""] * (count - len(responses))


def rpc_request(body, host="localhost", auth=None, version="HTTP/1.1", method="POST", path="/RPC2"):
    """The request Python's supervisorctl sends (http.client + SupervisorTransport), header for header."""
    body = body.encode("utf-8") if isinstance(body, str) else body
    lines = ["%s %s %s" % (method, path, version), "Host: " + host, "Accept-Encoding: identity",
             "User-Agent: Python-xmlrpc/3.11", "Content-Type: text/xml", "Accept: text/xml"]
    if auth is not None:
        lines.append("Authorization: Basic " + base64.b64encode(auth.encode()).decode())
    lines.append("Content-Length: %d" % len(body))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def post(daemon, body, **kwargs):
    tcp = kwargs.pop("tcp", False)
    request = rpc_request(body, **kwargs)
    with connect(daemon, tcp) as s:
        s.sendall(request)
        return request, read_response(s)


def save(name, request_bytes, response, whole_request=False):
    body = request_bytes if whole_request else request_bytes.split(b"\r\n\r\n", 1)[1]
    with open(os.path.join(OUT, name + ".request.xml"), "wb") as f:
        f.write(body)
    with open(os.path.join(OUT, name + ".response"), "wb") as f:
        f.write(response)
    status = response.split(b"\r\n", 1)[0].decode("latin-1")
    print("%-44s %s" % (name, status))


def call(daemon, name, method, *params):
    request, response = post(daemon, xc.dumps(params, method))
    save(name, request, response)
    return response


def raw(daemon, name, request, tcp=False, stream_seconds=None):
    with connect(daemon, tcp) as s:
        s.sendall(request)
        response = read_response(s, stream_seconds)
    save(name, request, response, whole_request=True)
    return response


def wrap(inner, method):
    return "<?xml version='1.0'?>\n<methodCall>\n<methodName>%s</methodName>\n%s</methodCall>\n" % (method, inner)


def record(d):
    # system namespace
    call(d, "system.listMethods", "system.listMethods")
    call(d, "system.methodHelp", "system.methodHelp", "supervisor.startProcess")
    call(d, "system.methodHelp.multicall", "system.methodHelp", "system.multicall")
    call(d, "system.methodHelp.SIGNATURE_UNSUPPORTED", "system.methodHelp", "supervisor.nope")
    call(d, "system.methodSignature", "system.methodSignature", "supervisor.startProcess")
    call(d, "system.methodSignature.getProcessInfo", "system.methodSignature", "supervisor.getProcessInfo")
    call(d, "system.methodSignature.SIGNATURE_UNSUPPORTED", "system.methodSignature", "nope.nope")

    # status
    for m in ["getAPIVersion", "getVersion", "getSupervisorVersion", "getIdentification", "getState", "getPID"]:
        call(d, "supervisor." + m, "supervisor." + m)
    call(d, "supervisor.getProcessInfo", "supervisor.getProcessInfo", "sleeper")
    call(d, "supervisor.getProcessInfo.group", "supervisor.getProcessInfo", "grp:a")
    call(d, "supervisor.getProcessInfo.stopped", "supervisor.getProcessInfo", "failer")
    call(d, "supervisor.getProcessInfo.BAD_NAME", "supervisor.getProcessInfo", "nope")
    call(d, "supervisor.getProcessInfo.BAD_NAME.wildcard", "supervisor.getProcessInfo", "grp:*")
    call(d, "supervisor.getAllProcessInfo", "supervisor.getAllProcessInfo")
    call(d, "supervisor.getAllConfigInfo", "supervisor.getAllConfigInfo")

    # logs (the ansi program's stdout: ESC sequences (13 bytes), then \xff\xfe\n, then the 13 bytes again)
    wait_until(lambda: b"<int>29</int>" in post(d, xc.dumps(("ansi", 29, 0), "supervisor.tailProcessStdoutLog"))[1], 10,
               "the ansi program's output")
    call(d, "supervisor.readLog", "supervisor.readLog", -200, 0)
    call(d, "supervisor.readMainLog", "supervisor.readMainLog", 0, 60)
    call(d, "supervisor.readLog.BAD_ARGUMENTS", "supervisor.readLog", -1, 5)
    call(d, "supervisor.readProcessStdoutLog.ansi", "supervisor.readProcessStdoutLog", "ansi", 0, 13)
    call(d, "supervisor.readProcessStdoutLog.invalid_utf8", "supervisor.readProcessStdoutLog", "ansi", 0, 0)
    call(d, "supervisor.readProcessLog", "supervisor.readProcessLog", "sleeper", 0, 0)
    call(d, "supervisor.readProcessStderrLog", "supervisor.readProcessStderrLog", "sleeper", 0, 0)
    call(d, "supervisor.readProcessStdoutLog.BAD_NAME", "supervisor.readProcessStdoutLog", "nope", 0, 0)
    call(d, "supervisor.tailProcessStdoutLog.ansi", "supervisor.tailProcessStdoutLog", "ansi", 0, 13)
    call(d, "supervisor.tailProcessStdoutLog.invalid_utf8", "supervisor.tailProcessStdoutLog", "ansi", 0, 100)
    call(d, "supervisor.tailProcessStdoutLog", "supervisor.tailProcessStdoutLog", "sleeper", 0, 100)
    call(d, "supervisor.tailProcessLog", "supervisor.tailProcessLog", "sleeper", 0, 100)
    call(d, "supervisor.tailProcessStderrLog", "supervisor.tailProcessStderrLog", "sleeper", 0, 100)

    # process control
    call(d, "supervisor.startProcess.ALREADY_STARTED", "supervisor.startProcess", "sleeper")
    call(d, "supervisor.startProcess.BAD_NAME", "supervisor.startProcess", "nope")
    call(d, "supervisor.stopProcess", "supervisor.stopProcess", "grp:b")
    call(d, "supervisor.stopProcess.NOT_RUNNING", "supervisor.stopProcess", "grp:b")
    call(d, "supervisor.signalProcess.NOT_RUNNING", "supervisor.signalProcess", "grp:b", "CONT")
    call(d, "supervisor.sendProcessStdin.NOT_RUNNING", "supervisor.sendProcessStdin", "grp:b", "x\n")
    call(d, "supervisor.startProcess", "supervisor.startProcess", "grp:b")
    call(d, "supervisor.startProcess.SPAWN_ERROR", "supervisor.startProcess", "failer")
    call(d, "supervisor.stopProcess.nowait", "supervisor.stopProcess", "grp:b", False)
    wait_until(lambda: b"STOPPED" in post(d, xc.dumps(("grp:b",), "supervisor.getProcessInfo"))[1], 10, "grp:b to stop")
    call(d, "supervisor.startProcess.nowait", "supervisor.startProcess", "grp:b", False)
    wait_until(lambda: b"RUNNING" in post(d, xc.dumps(("grp:b",), "supervisor.getProcessInfo"))[1], 10, "grp:b to run")
    call(d, "supervisor.signalProcess", "supervisor.signalProcess", "sleeper", "CONT")
    call(d, "supervisor.signalProcess.number", "supervisor.signalProcess", "sleeper", "18")
    call(d, "supervisor.signalProcess.BAD_SIGNAL", "supervisor.signalProcess", "sleeper", "NOPE")
    call(d, "supervisor.signalProcessGroup", "supervisor.signalProcessGroup", "grp", "CONT")
    call(d, "supervisor.signalProcessGroup.BAD_NAME", "supervisor.signalProcessGroup", "nope", "CONT")
    call(d, "supervisor.signalAllProcesses", "supervisor.signalAllProcesses", "CONT")
    call(d, "supervisor.sendProcessStdin", "supervisor.sendProcessStdin", "sleeper", "hello\n")
    call(d, "supervisor.sendRemoteCommEvent", "supervisor.sendRemoteCommEvent", "type", "data")
    call(d, "supervisor.stopProcessGroup", "supervisor.stopProcessGroup", "grp")
    call(d, "supervisor.stopProcessGroup.BAD_NAME", "supervisor.stopProcessGroup", "nope")
    call(d, "supervisor.startProcessGroup", "supervisor.startProcessGroup", "grp")
    call(d, "supervisor.startProcessGroup.BAD_NAME", "supervisor.startProcessGroup", "nope")
    call(d, "supervisor.startProcess.group_wildcard", "supervisor.startProcess", "grp:*")

    # lenient forms, as supervisord-monitor and kolo/xmlrpc send them
    string_params = lambda *ps: "<params>\n" + "".join(  # noqa: E731
        "<param>\n<value><string>%s</string></value>\n</param>\n" % p for p in ps) + "</params>\n"
    for name, method, inner in [
        ("lenient.stopProcess.strings", "supervisor.stopProcess", string_params("grp:a", "1")),
        ("lenient.startProcess.strings_zero_waits", "supervisor.startProcess", string_params("grp:a", "0")),
        ("lenient.readProcessStderrLog.strings", "supervisor.readProcessStderrLog", string_params("sleeper", "-1000", "0")),
        ("lenient.tailProcessStdoutLog.strings", "supervisor.tailProcessStdoutLog", string_params("sleeper", "0", "100")),
        ("lenient.getState.no_params", "supervisor.getState", ""),
        ("lenient.getProcessInfo.untyped", "supervisor.getProcessInfo", "<params><param><value>sleeper</value></param></params>"),
        ("lenient.getProcessInfo.i8", "supervisor.readLog", "<params><param><value><i8>0</i8></value></param><param><value><int>5</int></value></param></params>"),
    ]:
        request, response = post(d, wrap(inner, method))
        save(name, request, response)

    # faults of the dispatcher
    call(d, "fault.UNKNOWN_METHOD", "supervisor.nope")
    call(d, "fault.UNKNOWN_METHOD.private", "supervisor._private")
    call(d, "fault.UNKNOWN_METHOD.underscore_init", "supervisor.__init__")
    call(d, "fault.UNKNOWN_METHOD.nodots", "nodots")
    call(d, "fault.UNKNOWN_METHOD.traversal", "supervisor.supervisord.options")
    call(d, "fault.UNKNOWN_METHOD.namespace", "nope.getState")
    call(d, "fault.INCORRECT_PARAMETERS.too_few", "supervisor.getProcessInfo")
    call(d, "fault.INCORRECT_PARAMETERS.too_many", "supervisor.getState", "extra")

    # multicall
    call(d, "system.multicall", "system.multicall", [
        {"methodName": "supervisor.getAPIVersion", "params": []},
        {"methodName": "supervisor.nope", "params": []},
        {"methodName": "supervisor.getProcessInfo", "params": ["nope"]},
        {"methodName": "supervisor.stopProcess", "params": ["grp:a"]},
        {"methodName": "supervisor.startProcess", "params": ["grp:a"]},
        {"methodName": "system.multicall", "params": [[]]},
        {"params": []},
    ])

    # group management
    call(d, "supervisor.reloadConfig", "supervisor.reloadConfig")
    call(d, "supervisor.addProcessGroup.ALREADY_ADDED", "supervisor.addProcessGroup", "grp")
    call(d, "supervisor.addProcessGroup.BAD_NAME", "supervisor.addProcessGroup", "nope")
    call(d, "supervisor.removeProcessGroup.STILL_RUNNING", "supervisor.removeProcessGroup", "grp")
    call(d, "supervisor.removeProcessGroup.BAD_NAME", "supervisor.removeProcessGroup", "nope")
    d.write_config(EXTRA)
    call(d, "supervisor.reloadConfig.added", "supervisor.reloadConfig")
    call(d, "supervisor.addProcessGroup", "supervisor.addProcessGroup", "extra")
    wait_until(lambda: b"RUNNING" in post(d, xc.dumps(("extra",), "supervisor.getProcessInfo"))[1], 10, "extra to run")
    call(d, "supervisor.stopProcess.extra", "supervisor.stopProcess", "extra")
    call(d, "supervisor.removeProcessGroup", "supervisor.removeProcessGroup", "extra")

    # the HTTP envelope
    raw(d, "http.GET_RPC2", b"GET /RPC2 HTTP/1.1\r\nHost: localhost\r\n\r\n")
    raw(d, "http.malformed_xml", rpc_request("<methodCall><methodName>supervisor.getState</methodName>"))
    raw(d, "http.empty_methodName", rpc_request(wrap("", "")))
    raw(d, "http.no_content_length", b"POST /RPC2 HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/xml\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + b"%x\r\n" % len(xc.dumps((), "supervisor.getState").encode())
        + xc.dumps((), "supervisor.getState").encode() + b"\r\n0\r\n\r\n", stream_seconds=2)
    raw(d, "http.HTTP10", rpc_request(xc.dumps((), "supervisor.getState"), version="HTTP/1.0"))
    raw(d, "http.HTTP10_all_strings", rpc_request(wrap(string_params("sleeper", "-1000", "0"),
                                                       "supervisor.readProcessStdoutLog"), version="HTTP/1.0"))
    raw(d, "http.RPC2_suffix", rpc_request(xc.dumps((), "supervisor.getState"), path="/RPC2/anything"))
    raw(d, "http.logtail", b"GET /logtail/sleeper HTTP/1.1\r\nHost: \r\nAccept-Encoding: chunked\r\nAccept: */*\r\n"
        b"User-agent: Supervisor HTTP Client\r\n\r\n\r\n", stream_seconds=1)
    raw(d, "http.logtail_group_stderr", b"GET /logtail/grp:a/stderr HTTP/1.1\r\nHost: \r\nAccept-Encoding: chunked\r\n"
        b"Accept: */*\r\nUser-agent: Supervisor HTTP Client\r\n\r\n\r\n", stream_seconds=1)
    raw(d, "http.logtail_ansi", b"GET /logtail/ansi/stdout HTTP/1.1\r\nHost: \r\nAccept-Encoding: chunked\r\nAccept: */*\r\n"
        b"User-agent: Supervisor HTTP Client\r\n\r\n\r\n", stream_seconds=1)
    raw(d, "http.logtail_unknown", b"GET /logtail/nope HTTP/1.1\r\nHost: \r\nAccept-Encoding: chunked\r\nAccept: */*\r\n"
        b"User-agent: Supervisor HTTP Client\r\n\r\n\r\n", stream_seconds=1)
    raw(d, "http.mainlogtail", b"GET /mainlogtail HTTP/1.1\r\nHost: \r\nAccept-Encoding: chunked\r\nAccept: */*\r\n"
        b"User-agent: Supervisor HTTP Client\r\n\r\n\r\n", stream_seconds=1)

    # authentication on the inet_http_server
    host = "127.0.0.1:%d" % d.port
    body = xc.dumps((), "supervisor.getState")
    raw(d, "auth.401_no_credentials", rpc_request(body, host=host), tcp=True)
    raw(d, "auth.401_wrong_password", rpc_request(body, host=host, auth=USER + ":wrong"), tcp=True)
    raw(d, "auth.200_credentials", rpc_request(body, host=host, auth=USER + ":" + PASSWORD), tcp=True)
    raw(d, "auth.401_logtail", b"GET /logtail/sleeper HTTP/1.1\r\nHost: " + host.encode() +
        b"\r\nAccept-Encoding: chunked\r\nAccept: */*\r\nUser-agent: Supervisor HTTP Client\r\n\r\n\r\n", tcp=True,
        stream_seconds=1)

    # log clearing (after the log reads and /logtail captures above)
    call(d, "supervisor.clearProcessLogs", "supervisor.clearProcessLogs", "grp:a")
    call(d, "supervisor.clearProcessLog", "supervisor.clearProcessLog", "grp:b")
    call(d, "supervisor.clearProcessLogs.BAD_NAME", "supervisor.clearProcessLogs", "nope")
    call(d, "supervisor.clearAllProcessLogs", "supervisor.clearAllProcessLogs")
    call(d, "supervisor.clearLog", "supervisor.clearLog")

    # stop/start all, then restart (on the original config) and shutdown, last
    call(d, "supervisor.stopAllProcesses", "supervisor.stopAllProcesses")
    call(d, "supervisor.startAllProcesses", "supervisor.startAllProcesses")
    d.write_config("")
    call(d, "supervisor.restart", "supervisor.restart")
    wait_until(lambda: d.running_count() == 4, 30, "supervisord to come back after restart")
    # getState pipelined behind shutdown on one connection, so that it reaches the daemon while it shuts down
    # however fast its children stop (a fresh connection after the reply may find the socket gone).
    shutdown, after = rpc_request(xc.dumps((), "supervisor.shutdown")), rpc_request(xc.dumps((), "supervisor.getState"))
    with connect(d) as s:
        s.sendall(shutdown + after)
        first, second = read_pipelined(s, 2)
    save("supervisor.shutdown", shutdown, first)
    save("fault.SHUTDOWN_STATE", after, second)
    d.proc.wait(30)


def main():
    global SUPERVISORD, OUT
    parser = argparse.ArgumentParser(description="Records a supervisord's raw XML-RPC and /logtail replies.")
    parser.add_argument("--supervisord", default=SUPERVISORD, help="the daemon binary, run as PATH -n -c FILE")
    parser.add_argument("--out", default=OUT, help="the folder to (re)write; default: 4.2.5/ next to this script")
    parser.add_argument("--keep", action="store_true", help="keep the scratch dir (config, logs, daemon.out)")
    args = parser.parse_args()
    SUPERVISORD, OUT = args.supervisord, os.path.abspath(args.out)
    if not os.path.exists(SUPERVISORD):
        sys.exit(SUPERVISORD + " is missing" + (": apt-get install supervisor" if SUPERVISORD == "/usr/bin/supervisord" else ""))
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    daemon = Daemon(args.keep)
    try:
        daemon.start()
        record(daemon)
    finally:
        daemon.kill()


if __name__ == "__main__":
    main()

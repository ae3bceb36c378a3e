#!/usr/bin/env python3
"""Loads each mutant dumped by MutationFuzzSpecs (SUPERVISE_FUZZ_DUMP=DIR) with Supervisor 4.2.5 and with our
supervisord --check, and lists where they disagree.

Supervisor has no --check: a mutant counts as refused by it when ServerOptions.realize() exits (what supervisord -c
does on a bad config), or when supervisord would stop at start for a reason read from the config (an AF_UNIX path
over 107 bytes at bind, a main log file that cannot be opened).

    SUPERVISE_FUZZ_MUTANTS=200 SUPERVISE_FUZZ_DUMP=/tmp/mutants dotnet test tests/Supervisord.Tests --filter MutationFuzz
    python3 tests/Supervisord.Tests/Configuration/Data/Fuzz/compare_supervisor.py /tmp/mutants artifacts/bin/Supervisord/debug/supervisord
"""
import io, json, os, socket, subprocess, sys, contextlib

ENV = {'HOME': '/root', 'TESTVAR': 'tv', 'PATH': os.environ.get('PATH', '/usr/bin:/bin')}


def supervisor_verdict(path):
    """(accepted, reason) from Supervisor 4.2.5's own option parsing, run in a child for isolation."""
    code = r'''
import os, sys, socket, io, contextlib
from supervisor.options import ServerOptions
path = sys.argv[1]
os.chdir(os.path.dirname(path))
o = ServerOptions()
err = io.StringIO()
try:
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        o.realize(args=['-c', path])
except SystemExit as e:
    print('REFUSED ' + err.getvalue().strip().splitlines()[0] if err.getvalue().strip() else 'REFUSED exit %s' % e.code); sys.exit(0)
except Exception as e:
    print('REFUSED crash %s: %s' % (type(e).__name__, str(e)[:200])); sys.exit(0)
for c in o.server_configs:
    if c['family'] == socket.AF_UNIX and len(c['file'].encode()) > 107:
        print('REFUSED at start: AF_UNIX path too long'); sys.exit(0)
if o.logfile and o.logfile != 'syslog':
    try:
        open(o.logfile, 'a').close()
    except Exception as e:
        print('REFUSED at start: logfile %s' % type(e).__name__); sys.exit(0)
print('ACCEPTED')
'''
    try:
        out = subprocess.run(['/usr/bin/python3', '-c', code, path], capture_output=True, text=True, timeout=30, env=ENV,
                             errors='replace').stdout.strip()
    except subprocess.TimeoutExpired:
        return False, 'REFUSED hang'
    return out.startswith('ACCEPTED'), out[:300]


def our_verdict(path, supervisord):
    p = subprocess.run([supervisord, '--check', '-c', path], capture_output=True, timeout=60, env=ENV)
    first = (p.stderr or p.stdout).decode('utf-8', 'replace').strip().splitlines()
    return p.returncode == 0, (first[0] if first else '')[:300]


def main():
    dump, supervisord = sys.argv[1], sys.argv[2]
    rows = {'ours_only': [], 'theirs_only': []}
    total = 0
    for name in sorted(os.listdir(dump)):
        path = os.path.join(dump, name, 'supervisord.conf')
        if not os.path.exists(path):
            continue
        total += 1
        mutation = open(os.path.join(dump, name, 'mutation.txt')).read().strip()
        ours, our_reason = our_verdict(path, supervisord)
        theirs, their_reason = supervisor_verdict(path)
        if ours and not theirs:
            rows['ours_only'].append((name, mutation, their_reason))
        elif theirs and not ours:
            rows['theirs_only'].append((name, mutation, our_reason))
    print(f'{total} mutants; accepted by ours only: {len(rows["ours_only"])}; accepted by Supervisor only: {len(rows["theirs_only"])}')
    for kind, label in (('ours_only', 'Supervisor refuses'), ('theirs_only', 'we refuse')):
        for name, mutation, reason in rows[kind]:
            print(f'{kind} {name} [{mutation}] {label}: {reason}')


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""`supervisord --check` on N mutants of the project's own configs (issue 15), as a process each.

./build.sh fuzz --check-mutants N [--seed S] [--jobs J] [--daemon PATH] [--keep DIR]

Seeds: samples/ (supervisord.conf with its conf.d, the TOML files), every .conf/.toml under tests/ (build output
excluded), the conformance and real-world cases copied into tests/Supervisord.Tests/Configuration/Data/*.json, and
/work/shared/conform's cases (with conform.py's head) when that folder exists. Each mutant is 1-6 stacked mutations
(byte flips, grammar tokens, extreme values, lines dropped, doubled or swapped, splices of other seeds, truncation)
of a seed's main file, written beside the seed's other files, and checked with the daemon: dist/supervisord (the
NativeAOT build) when present, else `dotnet artifacts/bin/Supervisord/*/supervisord.dll`.

Counted as failures: a crash (killed by a signal, an exit code other than 0 or 2, "internal error" in the output),
a hang (10 s), a refusal or warning line not in the loader's formatted shapes (`FILE:LINE [section] option: message`,
the file-level `FILE: message`, `N more errors not shown`), a report over 64 KB. Each failing mutant is kept under
--keep (artifacts/check-mutants by default) with what it did; the exit code is 1 if any.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "tests", "Supervisord.Tests", "Configuration", "Data")
CONFORM = "/work/shared/conform"
MAX_REPORT = 64 * 1024
TIMEOUT = 10

# FILE:LINE [section] option: message, or the file-level FILE: message; one line, no control character.
PLACE = re.compile(r"^/[^\x00-\x1f]*?(:\d+)?( \[[^\x00-\x1f]+\])?( [^\x00-\x1f ]+)?: [^\x00-\x1f]+$")
MORE = re.compile(r"^\d+ more (errors|warnings) not shown$")

TOKENS = [
    "\n[program:x]\ncommand=/bin/true\n", "\n[group:g]\nprograms=", "\n[eventlistener:e]\nevents=",
    "\n[fcgi-program:f]\nsocket=", "\n[include]\nfiles=", "\n[unix_http_server]\nfile=", "\n[inet_http_server]\nport=",
    "\n[supervisorctl]\nserverurl=", "\n[supervisord]\n", "\n[rpcinterface:x]\nsupervisor.rpcinterface_factory=",
    "%(here)s", "%(program_name)s", "%(process_num)02d", "%(process_num)c", "%(process_num)x", "%(here)c", "%(ENV_HOME)s", "%(group_name)s", "%(", ")s", "%%", "%",
    "command=", "numprocs=", "numprocs_start=", "priority=", "environment=A=\"1\",B=", "user=", "stdout_logfile=",
    "directory=", "umask=", "startsecs=", "autorestart=", "stopsignal=", "exitcodes=", "process_name=", "depends_on=",
    "ready=", "9999999999999999999999", "-1", "0x", "0o777", "true", "unexpected", "KILL", "\0", ";", "#", "\n ",
    "\t", "=", ":", "[", "]", "\"", "'", "\\", ",", "\r\n", "\xff\xfe", "\u00e9", "*", "?", "[!a-]", "../",
    # TOML
    "\n[programs.x]\ncommand = \"/bin/true\"\n", "\n[[programs.x.env]]\n", " = ", "'''", "\"\"\"", "{", "}",
    "1e999", "-0", "nan", "inf", "1979-05-27T07:32:00Z", "\\u0000", "\\U0001F600", "\\UD800", "[[", "]]",
]
EXTREMES = ["", "0", "-1", "4294967296", "9" * 30, "1e400", "%(here)999s", "%(nope)s", "a" * 70000, "\\",
            "\x00", "true", "NONE", "AUTO", "syslog", "/", "/nonexistent/x", "0777", "1KB", "99999GB", "x" * 300]


def seeds():
    """(name, main file name, main text, {relative path: text}) for every config the project has."""
    found = []
    trees = [os.path.join(ROOT, "samples")] + sorted(glob.glob(os.path.join(DATA, "Fuzz", "*", "")))
    for tree in trees:
        found.extend(tree_seeds(tree))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "**", "*"), recursive=True)):
        if (os.path.isfile(path) and path.endswith((".conf", ".toml")) and "/bin/" not in path
                and "/obj/" not in path and not any(path.startswith(tree) for tree in trees)):
            found.append((os.path.relpath(path, ROOT), os.path.basename(path), read(path), {}))
    for file in ("conform_cases.json", "realworld_cases.json"):
        path = os.path.join(DATA, file)
        if os.path.exists(path):
            for name, case in sorted(json.load(open(path, encoding="utf-8")).items()):
                found.append((file + ":" + name, "supervisord.conf", case["conf"], case.get("files") or {}))
    cases = os.path.join(CONFORM, "cases.py")
    if os.path.exists(cases):
        namespace = {"__file__": cases}
        exec(compile(read(cases), cases, "exec"), namespace)
        head = re.search(r'HEAD = """(.*?)"""', read(os.path.join(CONFORM, "conform.py")), re.S)
        for name, case in sorted(namespace["CASES"].items()):
            found.append(("conform:" + name, "supervisord.conf", (head.group(1) if head else "") + case["conf"],
                          case.get("files") or {}))
    return found


def tree_seeds(tree):
    """One seed per config file of a folder (samples/, a Data/Fuzz case), with the folder's other configs beside it."""
    files = {}
    for path in glob.glob(os.path.join(tree, "**", "*"), recursive=True):
        if os.path.isfile(path) and path.endswith((".conf", ".toml")):
            files[os.path.relpath(path, tree)] = read(path)
    prefix = os.path.relpath(tree, ROOT).rstrip("/") + "/"
    return [(prefix + relative, relative, files[relative], {k: v for k, v in files.items() if k != relative})
            for relative in sorted(files)]


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def mutate(rng, text, others):
    data = bytearray(text.encode("utf-8", errors="surrogateescape"))
    done = []
    for _ in range(rng.randint(1, 6)):
        at = rng.randint(0, len(data))
        kind = rng.randrange(10)
        lines = data.split(b"\n")
        if kind == 0 and data:
            i = min(at, len(data) - 1)
            data[i] ^= 1 << rng.randrange(8)
        elif kind in (1, 2):
            data[at:at] = rng.choice(TOKENS).encode("utf-8", errors="surrogateescape")
        elif kind == 3:
            # An option's value replaced by an extreme one.
            options = [i for i, line in enumerate(lines) if b"=" in line]
            if options:
                i = rng.choice(options)
                key = lines[i].split(b"=", 1)[0]
                lines[i] = key + b"=" + rng.choice(EXTREMES).encode("utf-8", errors="surrogateescape")
                data = bytearray(b"\n".join(lines))
        elif kind == 4 and len(lines) > 1:
            del lines[rng.randrange(len(lines))]
            data = bytearray(b"\n".join(lines))
        elif kind == 5 and lines:
            i = rng.randrange(len(lines))
            lines[i:i] = [lines[i]] * rng.choice([1, 1, 2, 50])
            data = bytearray(b"\n".join(lines))
        elif kind == 6 and len(lines) > 1:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
        elif kind == 7 and others:
            other = rng.choice(others).encode("utf-8", errors="surrogateescape")
            start = rng.randint(0, len(other))
            data[at:at] = other[start:start + rng.randint(1, 400)]
        elif kind == 8 and data:
            del data[at:at + rng.randint(1, 40)]
        elif kind == 9 and data:
            data = data[:at]
        else:
            data[at:at] = bytes([rng.choice(b"\0\n\r\t =[]%()<>&;#\"'\\:,") if rng.random() < 0.5
                                 else rng.randrange(256)])
        done.append(kind)
    return bytes(data), done


def daemon(explicit):
    if explicit:
        return [explicit]
    aot = os.path.join(ROOT, "dist", "supervisord")
    if os.access(aot, os.X_OK):
        return [aot]
    for config in ("release", "debug"):
        dll = os.path.join(ROOT, "artifacts", "bin", "Supervisord", config, "supervisord.dll")
        if os.path.exists(dll):
            return ["dotnet", dll]
    sys.exit("check_mutants: no daemon build (./build.sh publish, or dotnet build src/Supervisord)")


def check(command, folder, main):
    """(problems, exit code) of `--check` on FOLDER/MAIN."""
    path = os.path.join(folder, main)
    env = {"PATH": "/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
    try:
        run = subprocess.run(command + ["-c", path, "--check"], cwd=folder, env=env, capture_output=True,
                             timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ["hang: no exit in %d s" % TIMEOUT], None
    problems = []
    output = run.stdout + run.stderr
    text = output.decode("utf-8", errors="replace")
    if run.returncode < 0:
        problems.append("crash: killed by signal %d" % -run.returncode)
    elif run.returncode not in (0, 2):
        problems.append("crash: exit code %d" % run.returncode)
    if "internal error" in text:
        problems.append("crash: internal error: " + text[text.index("internal error"):][:300])
    if len(output) > MAX_REPORT:
        problems.append("report of %d bytes" % len(output))
    if run.returncode == 2:
        lines = [line for line in run.stderr.decode("utf-8", errors="replace").split("\n") if line]
        if not lines:
            problems.append("unformatted: a refusal with no diagnostic")
    elif run.returncode == 0:
        lines = [line[len("warning: "):] for line in run.stdout.decode("utf-8", errors="replace").split("\n")
                 if line.startswith("warning: ")]
    else:
        lines = []
    for line in lines:
        if not (PLACE.match(line) or MORE.match(line)) or len(line) > 4096:
            problems.append("unformatted: " + line[:300])
            break
    return problems, run.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--daemon")
    parser.add_argument("--keep")
    args = parser.parse_args()
    command = daemon(args.daemon)
    all_seeds = seeds()
    texts = [s[2] for s in all_seeds]
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="supervise-mutants-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    if args.keep is None:
        args.keep = os.path.join(ROOT, "artifacts", "check-mutants")
        shutil.rmtree(args.keep, ignore_errors=True)
    counts = {"accepted": 0, "refused": 0, "crash": 0, "hang": 0, "unformatted": 0, "report": 0}
    failures = []

    def one(n):
        name, main_name, text, files = all_seeds[n % len(all_seeds)]
        folder = os.path.join(work, "%05d" % n)
        for relative, content in files.items():
            target = os.path.join(folder, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8", errors="surrogateescape") as f:
                f.write(content.replace("{W}", folder))
        for sub in ("childlogs", "run/logs", "logs"):
            os.makedirs(os.path.join(folder, sub), exist_ok=True)
        mutant, kinds = mutate(random.Random(rng_seeds[n]), text.replace("{W}", folder), texts)
        os.makedirs(os.path.dirname(os.path.join(folder, main_name)), exist_ok=True)
        with open(os.path.join(folder, main_name), "wb") as f:
            f.write(mutant)
        problems, code = check(command, folder, main_name)
        if problems:
            keep = os.path.join(args.keep, "%05d" % n)
            shutil.copytree(folder, keep)
            with open(os.path.join(keep, "problems.txt"), "w") as f:
                f.write("%s %s (mutations %s)\n%s\n" % (name, main_name, kinds, "\n".join(problems)))
        shutil.rmtree(folder, ignore_errors=True)
        return n, name, problems, code

    rng_seeds = [rng.randrange(1 << 62) for _ in range(args.count)]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for n, name, problems, code in pool.map(one, range(args.count)):
            if code == 0:
                counts["accepted"] += 1
            elif code == 2:
                counts["refused"] += 1
            for problem in problems:
                key = {"crash": "crash", "hang": "hang", "unformatted": "unformatted"}.get(problem.split(":")[0], "report")
                counts[key] += 1
            if problems:
                failures.append("#%05d %s: %s" % (n, name, "; ".join(problems)))
    shutil.rmtree(work, ignore_errors=True)
    for line in failures[:50]:
        print(line)
    print("check-mutants: %d mutants of %d seeds (seed %d, daemon %s): %d accepted, %d refused; %d crashes, %d hangs, "
          "%d unformatted refusals, %d reports over 64 KB%s" % (
              args.count, len(all_seeds), args.seed, " ".join(command), counts["accepted"], counts["refused"],
              counts["crash"], counts["hang"], counts["unformatted"], counts["report"],
              ("; kept in " + args.keep) if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

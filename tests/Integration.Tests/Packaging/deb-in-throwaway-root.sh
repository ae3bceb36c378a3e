#!/usr/bin/env bash
# Installs the supervise .deb over Debian's supervisor package in a throwaway root, runs the daemon the way
# supervisor.service does, and removes the package again; the machine it runs on is left unchanged.
#
#   sudo tests/Integration.Tests/Packaging/deb-in-throwaway-root.sh [--switch-back] dist/supervise_0.1.0_amd64.deb [NOTIFY_SOCKET]
#
# --switch-back: instead of removing and purging supervise at the end, install Debian's supervisor again (apt-get
# downloads it) and check that it takes over with the config unchanged.
# The throwaway root is an overlay of / (its changes go to a tmpfs) in a private mount namespace, entered with
# chroot; /proc, /sys and /dev are the host's, /run is a fresh tmpfs (so no /run/systemd/system: the maintainer
# scripts behave as in a chroot or an image build and leave systemd alone). Everything is gone when the namespace
# ends. NOTIFY_SOCKET is a datagram socket the caller listens on (the integration spec checks READY=1 there);
# without it this script listens itself, with python3.
#
# Prints "ok: ..." per check and the `supervisorctl status` output; exits non-zero with "FAIL: ..." otherwise.
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  [ -z "${work:-}" ] || [ ! -s "$work/apt.log" ] || sed 's/^/  apt: /' "$work/apt.log" >&2
  [ -z "${work:-}" ] || [ ! -s "$work/daemon.out" ] || sed 's/^/  daemon: /' "$work/daemon.out" >&2
  exit 1
}
ok() { echo "ok: $*"; }

# Polls a condition (a command) every 0.1 s until it holds or $2 seconds have passed.
wait_until() {
  local condition=$1 seconds=$2 deadline
  deadline=$(($(date +%s) + seconds))
  until eval "$condition"; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

if [ "${1:-}" != --inside ]; then
  switch_back=
  [ "${1:-}" != --switch-back ] || { switch_back=yes; shift; }
  deb=$(realpath "${1:?usage: $0 [--switch-back] PATH.deb [NOTIFY_SOCKET]}")
  notify=${2:-}
  [ "$(id -u)" = 0 ] || fail "needs root (mount namespace, overlay, chroot)"
  [ -f "$deb" ] || fail "no such package: $deb"
  host_before=$(sha256sum /usr/bin/supervisord /usr/bin/supervisorctl /var/lib/dpkg/status 2>/dev/null || true)
  work=$(mktemp -d /tmp/supervise-deb-root.XXXXXX)
  status=0
  unshare --mount --propagation private "$0" --inside "$deb" "$work" "$notify" "$switch_back" || status=$?
  rmdir "$work" 2>/dev/null || true
  host_after=$(sha256sum /usr/bin/supervisord /usr/bin/supervisorctl /var/lib/dpkg/status 2>/dev/null || true)
  [ "$host_before" = "$host_after" ] || fail "the host changed: /usr/bin/supervisord, supervisorctl or dpkg's status"
  [ "$status" = 0 ] || exit "$status"
  ok "host unchanged: /usr/bin/supervisord, /usr/bin/supervisorctl and dpkg's status are as before"
  exit 0
fi

# --- Inside the private mount namespace.
deb=$2 work=$3 notify=$4 switch_back=$5
mount -t tmpfs -o mode=0700 supervise-deb-root "$work"
mkdir "$work/upper" "$work/overlay-work" "$work/root"
root=$work/root
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper,workdir=$work/overlay-work" "$root"
for dir in proc sys dev; do
  mount --rbind "/$dir" "$root/$dir"
done
mount -t tmpfs -o mode=0755 run "$root/run"

if [ -z "$notify" ]; then
  notify=$work/notify/notify.sock
  mkdir "$work/notify"
  python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(sys.argv[1])
with open(sys.argv[2], "ab", buffering=0) as out:
    while True: out.write(s.recv(4096) + b"\n")' "$notify" "$work/notify/received" &
  wait_until '[ -S "$notify" ]' 10 || fail "no notify listener"
fi
mkdir "$root/run/notify"
mount --bind "$(dirname "$notify")" "$root/run/notify"
notify_inside=/run/notify/$(basename "$notify")

daemon=
cleanup() {
  # Anything still running inside the throwaway root would keep its mounts alive.
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && kill -9 "${proc#/proc/}" 2>/dev/null
  done
  jobs -p | xargs -r kill 2>/dev/null || true
}
trap cleanup EXIT

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"; }
installed() { [ "$(in_root dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# Service actions are forbidden here, as in any chroot: Debian's supervisor scripts go through invoke-rc.d.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"

if ! installed supervisor; then
  in_root apt-get install -y -qq supervisor </dev/null >/dev/null || fail "apt-get install supervisor"
fi
installed supervisor && ok "Debian's supervisor is installed in the throwaway root"

cat > "$root/etc/supervisor/conf.d/sleeper.conf" <<'CONF'
; a program of the admin's, in place before the switch
[program:sleeper]
command=/bin/sleep 3600
autostart=true
startsecs=1
priority=10
CONF
# An admin's edit: dpkg must keep it without a conffile prompt (stdin is /dev/null, so a prompt fails the install).
echo "; edited by the admin before the switch" >> "$root/etc/supervisor/supervisord.conf"
config_hashes() { (cd "$root/etc/supervisor" && md5sum supervisord.conf conf.d/sleeper.conf); }
before=$(config_hashes)

cp "$deb" "$root/tmp/"
in_root apt-get install -y -qq "/tmp/$(basename "$deb")" </dev/null >"$work/apt.log" 2>&1 || fail "apt-get install $(basename "$deb")"
installed supervise || fail "supervise is not installed"
! installed supervisor || fail "Debian's supervisor is still installed"
ok "supervise replaced Debian's supervisor"
[ "$(config_hashes)" = "$before" ] || fail "supervisord.conf or conf.d/sleeper.conf changed"
ok "supervisord.conf and conf.d/sleeper.conf untouched"
[ "$(head -c 4 "$root/usr/bin/supervisord")" = $'\x7fELF' ] || fail "/usr/bin/supervisord is not the native binary"
[ "$(stat -c '%a %U:%G' "$root/var/log/supervisor")" = "755 root:root" ] || fail "/var/log/supervisor: $(stat -c '%a %U:%G' "$root/var/log/supervisor")"
ok "/usr/bin/supervisord is native; /var/log/supervisor is 755 root:root"

unit=$root/lib/systemd/system/supervisor.service
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
exec_reload=$(sed -n 's/^ExecReload=//p' "$unit")
[ -n "$exec_start" ] || fail "no ExecStart in the unit"
echo "ExecStart: $exec_start"
# The service manager's part, played by a shell that is named systemd: Microsoft.Extensions.Hosting.Systemd only
# talks to NOTIFY_SOCKET when the parent process's name (/proc/PPID/comm) is "systemd" (or when it is pid 1). The
# shell passes the environment systemd would, starts the unit's command line, records its pid ($MAINPID) and
# exits with its status.
mkdir "$root/run/service-manager"
ln -s /bin/sh "$root/run/service-manager/systemd"
# shellcheck disable=SC2086 # the unit's command line, split on spaces as systemd does for it
chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin NOTIFY_SOCKET="$notify_inside" \
  /run/service-manager/systemd -c '"$@" & echo $! > /run/service-manager/mainpid; wait $!' systemd $exec_start \
  > "$work/daemon.out" 2>&1 &
manager=$!
wait_until '[ -s "$root/run/service-manager/mainpid" ]' 10 || fail "the daemon did not start"
daemon=$(cat "$root/run/service-manager/mainpid")

sleeper_pid() { in_root /usr/bin/supervisorctl status sleeper 2>/dev/null | sed -n 's/^sleeper *RUNNING *pid \([0-9]*\),.*/\1/p'; }
wait_until '[ -n "$(sleeper_pid)" ]' 30 || fail "sleeper not RUNNING: $(in_root /usr/bin/supervisorctl status 2>&1)"
in_root /usr/bin/supervisorctl status
first=$(sleeper_pid)
ok "supervisorctl status: sleeper RUNNING"
if [ -f "$work/notify/received" ]; then
  wait_until 'grep -q "^READY=1" "$work/notify/received"' 10 || fail "no READY=1 on NOTIFY_SOCKET"
  ok "READY=1 received on NOTIFY_SOCKET"
fi

# ExecReload with $MAINPID as systemd substitutes it: a full reload restarts the program.
reload=${exec_reload//\$MAINPID/$daemon}
$reload
wait_until '[ -n "$(sleeper_pid)" ] && [ "$(sleeper_pid)" != "$first" ]' 30 || fail "ExecReload did not restart sleeper"
ok "ExecReload ($exec_reload) reloaded: sleeper RUNNING again with a new pid"
second=$(sleeper_pid)

# Stopping the unit (KillMode=mixed) is SIGTERM to the daemon, which stops its programs, then exits 0.
kill -TERM "$daemon"
exit_status=0
wait "$manager" || exit_status=$?
[ "$exit_status" = 0 ] || fail "supervisord exited $exit_status after SIGTERM"
! kill -0 "$second" 2>/dev/null || fail "sleeper (pid $second) outlived the daemon"
grep -q "stopped: sleeper" "$root/var/log/supervisor/supervisord.log" || fail "no 'stopped: sleeper' in supervisord.log"
ok "SIGTERM: the daemon stopped sleeper and exited 0"

if [ -n "$switch_back" ]; then
  in_root apt-get install -y -qq supervisor </dev/null >"$work/apt.log" 2>&1 || fail "apt-get install supervisor"
  installed supervisor && ! installed supervise || fail "supervisor did not replace supervise"
  [ "$(head -c 2 "$root/usr/bin/supervisord")" = "#!" ] || fail "/usr/bin/supervisord is not Debian's script"
  [ "$(config_hashes)" = "$before" ] || fail "the config changed on the switch back"
  ok "switched back: Debian's supervisor installed again, supervisord.conf and conf.d/sleeper.conf untouched"
  exit 0
fi

in_root dpkg --remove supervise </dev/null >/dev/null || fail "dpkg --remove supervise"
[ ! -e "$root/usr/bin/supervisord" ] || fail "/usr/bin/supervisord left after remove"
[ "$(config_hashes)" = "$before" ] || fail "the config changed on remove"
ok "removed: binaries gone, supervisord.conf and conf.d/sleeper.conf left in place"

in_root dpkg --purge supervise </dev/null >/dev/null || fail "dpkg --purge supervise"
[ ! -e "$root/var/log/supervisor" ] || fail "/var/log/supervisor left after purge"
[ -f "$root/etc/supervisor/conf.d/sleeper.conf" ] || fail "purge removed the admin's conf.d/sleeper.conf"
ok "purged: /var/log/supervisor gone, the admin's conf.d/sleeper.conf kept"

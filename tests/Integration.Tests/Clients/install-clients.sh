#!/usr/bin/env bash
# Installs the real clients that the specs in this folder run against our daemon (issue 11, "Real clients"):
#   Debian: prometheus-node-exporter, ansible (community.general.supervisorctl), supervisor (Python's supervisorctl),
#           nodejs/npm when node is missing;
#   npm:    supervisord@0.1.0 (crcn) into $CLIENTS/node;
#   wheel:  superlance 2.0.0 from the shared wheels into a venv made by Debian's python3 with its site packages
#           (so that it imports Debian's supervisor.childutils), at $CLIENTS/superlance-venv.
# Idempotent: what is already there is kept. Each step that fails is reported and the others go on; the specs skip,
# visibly and with the reason, whatever is still missing. Prints the time each install took.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
# Where the specs look (ClientTools.cs): SUPERVISE_CLIENTS, else this default.
CLIENTS="${SUPERVISE_CLIENTS:-/tmp/supervise-clients}"
mkdir -p "$CLIENTS"
failed=0

timed() {
  local what="$1"; shift
  local start end
  start=$(date +%s)
  if "$@" >"$CLIENTS/$what.log" 2>&1; then
    end=$(date +%s)
    echo "install-clients: $what installed in $((end - start)) s"
  else
    echo "install-clients: $what could not be installed (see $CLIENTS/$what.log):" >&2
    tail -n 5 "$CLIENTS/$what.log" >&2
    failed=1
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || { echo "no apt-get on this machine"; return 1; }
  # Keep the packages' postinst from starting system services (a system-wide supervisord, node_exporter).
  local policy=/usr/sbin/policy-rc.d created=0 status=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; created=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"; } || status=$?
  [ "$created" = 0 ] || rm -f "$policy"
  return "$status"
}

[ -x /usr/bin/supervisorctl ] || timed supervisor apt_install supervisor
[ -x /usr/bin/prometheus-node-exporter ] || timed prometheus-node-exporter apt_install prometheus-node-exporter
[ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] || timed prometheus apt_install prometheus
command -v ansible >/dev/null 2>&1 || timed ansible apt_install ansible
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || timed chromium apt_install chromium chromium-driver
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  timed nodejs apt_install nodejs npm
fi

if [ ! -f "$CLIENTS/node/node_modules/supervisord/package.json" ] && command -v npm >/dev/null 2>&1; then
  timed npm-supervisord npm install --prefix "$CLIENTS/node" --no-audit --no-fund --loglevel=error supervisord@0.1.0
fi

wheel=""
for candidate in "${SUPERLANCE_WHEEL:-}" "$root/../shared/wheels/superlance-2.0.0-py2.py3-none-any.whl" \
                 /work/shared/wheels/superlance-2.0.0-py2.py3-none-any.whl; do
  if [ -n "$candidate" ] && [ -f "$candidate" ]; then wheel="$candidate"; break; fi
done
superlance() {
  [ -n "$wheel" ] || { echo "superlance-2.0.0-py2.py3-none-any.whl not found (set SUPERLANCE_WHEEL)"; return 1; }
  rm -rf "$CLIENTS/superlance-venv"
  /usr/bin/python3 -m venv --system-site-packages "$CLIENTS/superlance-venv" &&
    "$CLIENTS/superlance-venv/bin/pip" install -q --no-index --no-deps "$wheel"
}
[ -x "$CLIENTS/superlance-venv/bin/memmon" ] || timed superlance superlance

exit "$failed"

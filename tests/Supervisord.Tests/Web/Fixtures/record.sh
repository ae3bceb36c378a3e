#!/bin/sh
# Records Supervisor 4.2.5's answers to the web page's routes and query actions (Debian's /usr/bin/supervisord).
# Usage: record.sh PORT OUTDIR, against a running supervisord with the config in record.conf (user/123) and its
# programs in their autostart states. Each file is curl -si's raw answer; the order matters (actions change state).
set -eu
port=$1; out=$2; base="http://127.0.0.1:$port"
get() { curl -si -u user:123 "$base/$2" | tr -d '\r' > "$out/$1.http"; }
get ok ok.html
get status-root ""
get status-index index.html
get message 'index.html?message=hello%20%3Cb%3Eworld%3C/b%3E'
get refresh 'index.html?action=refresh'
get stop-sleeper 'index.html?processname=sleeper&action=stop'
get stop-stopped 'index.html?processname=sleeper&action=stop'
get start-sleeper 'index.html?processname=sleeper&action=start'
get start-started 'index.html?processname=sleeper&action=start'
get tail-sleeper-full 'tail.html?processname=sleeper&limit=2000'
get restart-sleeper 'index.html?processname=sleeper&action=restart'
get clearlog-sleeper 'index.html?processname=sleeper&action=clearlog'
get start-missing 'index.html?processname=missing&action=start'
get start-quick 'index.html?processname=quick&action=start'
get stop-unknown 'index.html?processname=nosuch&action=stop'
get stop-group-member 'index.html?processname=pool:worker_0&action=stop'
get tail-sleeper 'tail.html?processname=sleeper&limit=5'
get tail-unknown 'tail.html?processname=nosuch'
get tail-none 'tail.html'
get stopall 'index.html?action=stopall'
get restartall 'index.html?action=restartall'

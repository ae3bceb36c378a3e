#!/usr/bin/env bash
# Supervise's one entry point: ./build.sh [build|test|run|publish|bench|format|deb|install PREFIX|tarball|faults|fuzz] ...
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# bin/supervisord and bin/supervisorctl: stable paths to the JIT build output.
write_wrappers() {
  mkdir -p bin
  for name in supervisord supervisorctl; do
    local project=Supervisord; [ "$name" = supervisorctl ] && project=Supervisorctl
    cat > "bin/$name" <<WRAP
#!/usr/bin/env bash
exec "$ROOT/artifacts/bin/$project/debug/$name" "\$@"
WRAP
    chmod +x "bin/$name"
  done
}

build() {
  dotnet build Supervise.sln -c Debug -nologo -clp:ErrorsOnly "$@"
  write_wrappers
}

# Sums the TRX counters of every test project into one line: "N passed, N failed, N skipped". TRX counts a skipped
# test in total but not in executed (its notExecuted stays 0), so skipped is the difference.
summarize() {
  local dir=$1 passed=0 failed=0 skipped=0 counters p f t e
  for trx in "$dir"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*' "$trx" || true)
    p=$(counter passed "$counters"); f=$(counter failed "$counters")
    t=$(counter total "$counters"); e=$(counter executed "$counters")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
  done
  echo "$passed passed, $failed failed, $skipped skipped"
}

# counter NAME COUNTERS: the value of attribute NAME in a TRX <Counters> element, 0 when absent.
counter() {
  local value
  value=$(grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || true)
  echo "${value:-0}"
}

# CSharpier, pinned in .config/dotnet-tools.json and set in .csharpierrc.yaml. `format [PATH...]` rewrites (the whole
# tree by default); `format --check [PATH...]` changes nothing and fails listing the files it would change.
format() {
  dotnet tool restore >/dev/null
  local mode=format
  if [ "${1:-}" = "--check" ]; then mode=check; shift; fi
  [ $# -gt 0 ] || set -- .
  dotnet csharpier "$mode" "$@"
}

run_tests() {
  build
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"; mkdir -p "$results"
  local status=0
  dotnet test Supervise.sln -c Debug --no-build --logger "trx" --results-directory "$results" \
    --logger "console;verbosity=minimal" "$@" || status=$?
  summarize "$results"
  return $status
}

publish() {
  if ! command -v clang >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      (apt-get install -y -qq clang >/dev/null 2>&1) || (apt-get update -qq && apt-get install -y -qq clang >/dev/null)
    fi
  fi
  local linker=()
  command -v clang >/dev/null 2>&1 || linker=(-p:CppCompilerAndLinker=clang-14)
  mkdir -p dist
  dotnet publish src/Supervisord/Supervisord.csproj -c Release -r linux-x64 -p:PublishAot=true "${linker[@]}" -o dist/supervisord.d
  dotnet publish src/Supervisorctl/Supervisorctl.csproj -c Release -r linux-x64 -p:PublishAot=true "${linker[@]}" -o dist/supervisorctl.d
  ln -sf supervisord.d/supervisord dist/supervisord
  ln -sf supervisorctl.d/supervisorctl dist/supervisorctl
  echo "published: dist/supervisord dist/supervisorctl"
}

# --- Packaging: deb, install PREFIX, tarball. One layout (Debian's supervisor package's paths), staged by
# stage_tree; the version is the daemon's own, read here once.
VERSION=$(sed -n 's/.*const string Value = "\([^"]*\)".*/\1/p' src/Supervisord/Operations/DaemonVersion.cs)
RID=linux-x64 DEB_ARCH=amd64   # linux-x64 is what is built and tested here; the epoll layout is right on arm64 too, but nothing builds or tests it

# Packaging reuses dist/ when both binaries are there: run ./build.sh publish first to package new code.
# Reproducible man pages, changelog and archives: every timestamp is the last commit's.
ensure_published() {
  [ -x dist/supervisord ] && [ -x dist/supervisorctl ] || publish
  export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
}

# $1 command, $2 Debian package: installs it through apt-get when missing, where apt-get exists.
ensure_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  command -v apt-get >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 || true
  command -v "$1" >/dev/null 2>&1
}

# $1 binary name, $2 one-line description, $3 output .1.gz: from the binary's --help, through help2man when it is
# there, else the help text as a preformatted page.
write_man_page() {
  local name=$1 description=$2 out=$3 work extra
  work=$(mktemp -d)
  extra="$work/$name.h2m"
  {
    echo "[FILES]"
    # \& first: help2man reads a line that starts with / as a /regex/ that places a section.
    echo ".TP"; echo "\\&/etc/supervisor/supervisord.conf"; echo "the configuration Debian's supervisor package uses"
    echo ".TP"; echo "\\&/etc/supervisor/conf.d/*.conf"; echo "one file per program, included by the configuration"
    echo ".TP"; echo "\\&/var/log/supervisor/"; echo "supervisord.log and the programs' AUTO logs"
    if [ "$name" = supervisorctl ]; then
      echo "[ACTIONS]"; echo ".nf"; (cd "$work" && "$ROOT/dist/supervisorctl" help); echo ".fi"
    fi
    echo "[SEE ALSO]"
    [ "$name" = supervisord ] && echo "supervisorctl(1), systemctl(1)" || echo "supervisord(1)"
  } > "$extra"
  if ensure_tool help2man help2man; then
    ln -s "$ROOT/packaging/help-for-man.sh" "$work/$name"
    HELP_BINARY="$ROOT/dist/$name" help2man -N --version-string="$VERSION" -n "$description" \
      --include "$extra" "$work/$name" > "$work/$name.1"
  else
    {
      echo ".TH ${name^^} 1 \"\" \"$name $VERSION\" \"User Commands\""
      echo ".SH NAME"; echo "$name \\- $description"
      echo ".SH DESCRIPTION"; echo ".nf"
      (cd "$work" && "$ROOT/dist/$name" --help) | sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\\&&/"
      echo ".fi"
      sed -e 's/^\[\(.*\)\]$/.SH \1/' "$extra"
    } > "$work/$name.1"
  fi
  gzip -9n < "$work/$name.1" > "$out"
  rm -rf "$work"
}

# $1 destination root, $2 unit directory inside it, $3 "keep" to leave an existing supervisord.conf alone.
stage_tree() {
  local dest=$1 unitdir=$2 keep=${3:-}
  umask 022
  install -d -m 0755 "$dest/usr/bin" "$dest/etc/supervisor/conf.d" "$dest/$unitdir" "$dest/usr/share/man/man1" \
    "$dest/usr/share/bash-completion/completions" "$dest/usr/share/doc/supervise"
  install -m 0755 dist/supervisord dist/supervisorctl "$dest/usr/bin/"
  if [ "$keep" != keep ] || [ ! -e "$dest/etc/supervisor/supervisord.conf" ]; then
    install -m 0644 packaging/supervisord.conf "$dest/etc/supervisor/supervisord.conf"
  fi
  install -m 0644 packaging/supervisor.service "$dest/$unitdir/supervisor.service"
  install -m 0644 README.md "$dest/usr/share/doc/supervise/README.md"
  write_man_page supervisord "run a set of applications as daemons (Supervise)" "$dest/usr/share/man/man1/supervisord.1.gz"
  write_man_page supervisorctl "control applications run by supervisord from the command line (Supervise)" \
    "$dest/usr/share/man/man1/supervisorctl.1.gz"
  dist/supervisorctl completion bash > "$dest/usr/share/bash-completion/completions/supervisorctl"
  chmod 0644 "$dest/usr/share/bash-completion/completions/supervisorctl"
}

# dist/supervise_<version>_<arch>.deb: Debian's supervisor paths, so that it replaces that package in place.
deb() {
  command -v dpkg-deb >/dev/null 2>&1 || { echo "deb: dpkg-deb not found" >&2; return 1; }
  ensure_published
  local root=artifacts/deb/root depends=libc6
  rm -rf "$root"
  stage_tree "$root" lib/systemd/system
  local doc=$root/usr/share/doc/supervise
  install -m 0644 packaging/debian/copyright "$doc/copyright"
  install -D -m 0644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/supervise"
  printf 'supervise (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' "$VERSION" "$VERSION" \
    "$(sed -n 's/^Maintainer: //p' packaging/debian/control.in)" "$(date -R -u -d "@$SOURCE_DATE_EPOCH")" |
    gzip -9n > "$doc/changelog.gz"
  install -d -m 0755 "$root/DEBIAN"
  install -m 0755 packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$root/DEBIAN/"
  install -m 0644 packaging/debian/conffiles "$root/DEBIAN/conffiles"
  # Conffiles are not listed in md5sums (dpkg keeps their hashes itself).
  (cd "$root" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\n' | LC_ALL=C sort | xargs md5sum) \
    > "$root/DEBIAN/md5sums"
  chmod 0644 "$root/DEBIAN/md5sums"
  if command -v dpkg-shlibdeps >/dev/null 2>&1; then
    local shlibs; shlibs=$(mktemp -d)
    mkdir "$shlibs/debian"; printf 'Source: supervise\n\nPackage: supervise\nArchitecture: any\n' > "$shlibs/debian/control"
    depends=$(cd "$shlibs" && dpkg-shlibdeps -O "$ROOT/$root/usr/bin/supervisord" "$ROOT/$root/usr/bin/supervisorctl" 2>/dev/null |
      sed -n 's/^shlibs:Depends=//p')
    rm -rf "$shlibs"
  fi
  sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$DEB_ARCH/" -e "s/@DEPENDS@/${depends:-libc6}/" \
    -e "s/@SIZE@/$(du -sk --exclude=DEBIAN "$root" | cut -f1)/" packaging/debian/control.in > "$root/DEBIAN/control"
  chmod 0644 "$root/DEBIAN/control"
  dpkg-deb --root-owner-group -Zxz --build "$root" "dist/supervise_${VERSION}_${DEB_ARCH}.deb"
}

# ./build.sh install PREFIX: the .deb's layout under PREFIX, for systems without dpkg. An existing
# PREFIX/etc/supervisor/supervisord.conf is kept.
install_tree() {
  [ -n "${1:-}" ] || { echo "usage: ./build.sh install PREFIX" >&2; return 2; }
  local prefix=$1
  ensure_published
  stage_tree "$prefix" lib/systemd/system keep
  install -d -m 0755 "$prefix/var/log/supervisor"
  echo "installed under $prefix: usr/bin/supervisord usr/bin/supervisorctl etc/supervisor lib/systemd/system/supervisor.service"
}

# dist/supervise-<version>-linux-<arch>.tar.gz, rooted at / for container images (ADD it to /). The unit goes to
# usr/lib/systemd/system: a lib/ member would replace the /lib symlink of a merged-/usr system when extracted.
tarball() {
  ensure_published
  local stage=artifacts/tarball/root out="dist/supervise-$VERSION-$RID.tar.gz"
  rm -rf "$stage"
  stage_tree "$stage" usr/lib/systemd/system
  install -d -m 0755 "$stage/var/log/supervisor"
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -C "$stage" -czf "$out" usr etc var
  echo "tarball: $out"
}

cmd=${1:-build}; shift || true
case "$cmd" in
  build) build "$@" ;;
  test) run_tests "$@" ;;
  run)
    build
    mkdir -p samples/run/logs
    exec bin/supervisord -n -c samples/supervisord.conf "$@" ;;
  publish) publish "$@" ;;
  format) format "$@" ;;
  bench) publish; exec python3 bench/bench.py "$@" ;;
  deb) deb ;;
  install) install_tree "$@" ;;
  tarball) tarball ;;
  # The fault suite in full (root for the tmpfs specs), and the fuzzers: ./build.sh fuzz [--afl] [--seconds N] [TARGET...] (tests/Fuzz/fuzz.sh).
  faults) dotnet build tests/Faults -c Debug -nologo -clp:ErrorsOnly && SUPERVISE_FAULTS=full dotnet test tests/Faults -c Debug --no-build --logger "console;verbosity=normal" "$@" ;;
  fuzz) exec tests/Fuzz/fuzz.sh "$@" ;;
  *) echo "usage: ./build.sh [build|test|run|publish|bench|format [--check] [PATH...]|deb|install PREFIX|tarball|faults|fuzz [--afl] [--seconds N] [--check-mutants N]]" >&2; exit 2 ;;
esac

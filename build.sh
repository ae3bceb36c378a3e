#!/usr/bin/env bash
# Supervise's one entry point: ./build.sh [build|test|run|publish|bench|format] ...
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
  *) echo "usage: ./build.sh [build|test|run|publish|bench|format [--check] [PATH...]]" >&2; exit 2 ;;
esac

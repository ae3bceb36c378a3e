#!/usr/bin/env bash
# ./build.sh fuzz [--afl] [--seconds N] [--seed S] [--replay] [TARGET...]  |  ./build.sh fuzz --check-mutants N [...]
#
# Without --afl: the in-process mutation loop (Program.cs), no coverage feedback.
# With --afl: coverage-guided, one afl-fuzz at a time per TARGET for N seconds. The harness build is copied to
# artifacts/fuzz-afl and its parsing assemblies are instrumented there by SharpFuzz (supervisord.dll,
# Supervise.Protocol.dll, Tomlyn.dll); afl-fuzz runs `dotnet Fuzz.dll --afl TARGET` (SharpFuzz's persistent fork
# server) from tests/Fuzz/corpus/TARGET into artifacts/fuzz-findings/TARGET. The figures of fuzzer_stats are printed;
# each crash and hang is copied to tests/Fuzz/crashes/TARGET (afl-crash-SHA, afl-hang-SHA) and the run exits 1.
# AFL's queue is minimised by afl-cmin into artifacts/fuzz-findings/TARGET/cmin; with --add-corpus the new entries
# (8 KB at most, smallest first, the committed corpus kept under 200 files a target) join tests/Fuzz/corpus/TARGET.
# Without afl-fuzz or the sharpfuzz tool it says so and falls back to the in-process loop.
# --check-mutants N: `--check` of the daemon on N mutants of the project's configs (check_mutants.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
afl=0 add_corpus=0 seconds=10 pass=() targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --check-mutants) shift; exec /usr/bin/python3 tests/Fuzz/check_mutants.py --count "$1" "${@:2}" ;;
    --afl) afl=1 ;;
    --add-corpus) add_corpus=1 ;;
    --seconds) seconds=$2; pass+=(--seconds "$2"); shift ;;
    --seed) pass+=(--seed "$2"); shift ;;
    --replay) pass+=(--replay) ;;
    *) targets+=("$1") ;;
  esac
  shift
done
dotnet build tests/Fuzz -c Release -nologo -clp:ErrorsOnly
out=artifacts/bin/Fuzz/release

if [ $afl = 1 ] && ! { command -v afl-fuzz >/dev/null && dotnet tool restore >/dev/null && dotnet sharpfuzz >/dev/null 2>&1; }; then
  echo "fuzz: afl-fuzz or the sharpfuzz tool is missing (apt-get install afl++; dotnet tool restore):"
  echo "fuzz: FALLING BACK to the in-process loop, WITHOUT coverage feedback"
  afl=0
fi
if [ $afl = 0 ]; then
  exec dotnet "$out/Fuzz.dll" --corpus tests/Fuzz/corpus "${pass[@]}" "${targets[@]}"
fi

[ ${#targets[@]} -gt 0 ] || targets=(ini toml xmlrpc listener)
rm -rf artifacts/fuzz-afl && cp -r "$out" artifacts/fuzz-afl
for assembly in supervisord.dll Supervise.Protocol.dll Tomlyn.dll; do
  dotnet sharpfuzz "artifacts/fuzz-afl/$assembly" >/dev/null
done
# No CPU binding and no core_pattern or governor demands (a shared machine); .NET is not a compiled-in target.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
status=0
for target in "${targets[@]}"; do
  findings=artifacts/fuzz-findings/$target
  rm -rf "$findings"; mkdir -p "$findings"
  afl-fuzz -V "$seconds" -i "tests/Fuzz/corpus/$target" -o "$findings" -t 10000 -m none \
    -- dotnet artifacts/fuzz-afl/Fuzz.dll --afl "$target" >"$findings/afl.log" 2>&1 || {
    echo "$target: afl-fuzz failed, see $findings/afl.log"; tail -5 "$findings/afl.log"; status=1; continue; }
  stats=$findings/default/fuzzer_stats
  field() { sed -n "s/^$1 *: //p" "$stats"; }
  echo "$target: $(field execs_done) executions in $(( $(field last_update) - $(field start_time) )) s" \
    "($(field execs_per_sec)/s), $(field edges_found) edges, $(field corpus_count) paths," \
    "$(field saved_crashes) crashes, $(field saved_hangs) hangs, stability $(field stability)"
  for pair in crash:crashes hang:hangs; do
    kind=${pair%%:*}
    for file in "$findings/default/${pair#*:}"/id:*; do
      [ -f "$file" ] || continue
      mkdir -p "tests/Fuzz/crashes/$target"
      saved="tests/Fuzz/crashes/$target/afl-$kind-$(sha1sum "$file" | cut -c1-12)"
      cp "$file" "$saved"; echo "$target: $kind saved: $saved"; status=1
    done
  done
  afl-cmin -i "$findings/default/queue" -o "$findings/cmin" -t 10000 -m none \
    -- "$(command -v dotnet)" artifacts/fuzz-afl/Fuzz.dll --afl "$target" >"$findings/cmin.log" 2>&1 || true
  echo "$target: afl-cmin kept $(ls "$findings/cmin" 2>/dev/null | wc -l) of $(ls "$findings/default/queue" | wc -l) queue entries"
  [ $add_corpus = 1 ] && [ -d "$findings/cmin" ] || continue
  corpus=tests/Fuzz/corpus/$target added=0
  known=$(sha1sum "$corpus"/* | cut -c1-40)
  for file in $(find "$findings/cmin" -type f -size -8193c -printf '%s %p\n' | sort -n | cut -d' ' -f2-); do
    [ "$(ls "$corpus" | wc -l)" -lt 200 ] || break
    sha=$(sha1sum "$file" | cut -c1-40)
    grep -q "$sha" <<<"$known" && continue
    cp "$file" "$corpus/afl-${sha:0:12}"; known+=$'\n'$sha; added=$((added + 1))
  done
  echo "$target: $added new corpus entries in $corpus"
done
exit $status

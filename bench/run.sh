#!/usr/bin/env bash
# Reproduces docs/benchmarks.md in one command: builds target/bench/stdhub-bench.jar (StdHub plus the
# benchmarks of src/bench/java, Maven profile `bench`) if it is missing, then runs
# `java -jar target/bench/stdhub-bench.jar bench` on the shipped catalog and on a 1,000,000-record synthetic catalog,
# each imported through StdHub's importer into a fresh data directory, and merges both reports into
# bench-results/<timestamp>.md (bench-results/ is git-ignored).
#
#   bench/run.sh                                   # shipped + 1M, fresh data, ~25 min on 2 cores
#   bench/run.sh --records "shipped"               # only the shipped catalog (~4 min)
#   bench/run.sh --keep                            # reuse the imported catalogs (import not measured)
#   bench/run.sh --data-dir /tmp/bench -- --queries 100 --passes 1 --no-pg
#
# Everything after `--` goes to the bench command (see `java -jar target/bench/stdhub-bench.jar help`).
# Rebuild the jar after changing the code: mvn -B -Pbench package -DskipTests
# Needs PostgreSQL 15 with pg_trgm on 127.0.0.1:5432 (db test, user postgres, trust auth) unless --no-pg.
set -euo pipefail
ARGS="$*"
cd "$(dirname "$0")/.."

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
RECORDS="shipped 1000000"
DATA_DIR=bench-results/data
KEEP=0
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --data-dir) DATA_DIR="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

BENCH_JAR=target/bench/stdhub-bench.jar
if [ ! -f "$BENCH_JAR" ]; then
  echo "[run.sh] building $BENCH_JAR"
  mvn -q -B -Pbench package -DskipTests
fi
if [[ " ${EXTRA[*]} " != *" --no-pg "* ]] && command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -q; then
  echo "[run.sh] starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect 15 main start
fi

stamp=$(date +%Y%m%d-%H%M%S)
out=bench-results/$stamp
mkdir -p "$out"
# run a private copy: a `mvn package` elsewhere must not replace the jar under a running benchmark
jar="$out/stdhub-bench.jar"
cp "$BENCH_JAR" "$jar"
trap 'rm -f "$jar"' EXIT
started=$(date +%s)
for size in $RECORDS; do
  dir="$DATA_DIR/$size"
  if [ "$KEEP" = 0 ]; then
    rm -rf "$dir"
  fi
  mkdir -p "$dir"
  echo "[run.sh] bench --records $size, data dir $dir, log $out/$size.log"
  "$JAVA" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx4g \
    -jar "$jar" bench \
    --stdhub.data-dir="$dir" --stdhub.seed.enabled=false \
    --records "$size" --results "$out" "${EXTRA[@]}" > "$out/$size.log" 2>&1 \
    || { echo "[run.sh] bench failed, see $out/$size.log" >&2; tail -30 "$out/$size.log" >&2; exit 1; }
  grep '^\[bench' "$out/$size.log" || true
done

report=bench-results/$stamp.md
{
  echo "# StdHub search benchmark, $(date '+%Y-%m-%d %H:%M')"
  echo
  echo "Command: \`bench/run.sh${ARGS:+ $ARGS}\` (records: $RECORDS), $(( ($(date +%s) - started) / 60 )) min in all;"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' + local changes')."
  echo
  for size in $RECORDS; do
    cat "$out"/*-"$size".md
  done
} > "$report"
echo "[run.sh] report: $report"

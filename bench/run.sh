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
#   bench/run.sh --backend opensearch --records 1000000   # the cluster profile: PostgreSQL + one OpenSearch node
#
# --backend opensearch starts one OpenSearch node on loopback (bench/lib/opensearch-node.sh: the test distribution
# under target/opensearch, Java 17, as the user opensearch when run as root) and, per catalog, a fresh PostgreSQL
# database stdhub_bench_<timestamp>_<records>; the bench jar runs with the profile cluster against both (the import
# goes through PostgreSQL and Hibernate Search's outbox; it ends when the agents have indexed every record). The
# node and the databases are removed at the end (--keep keeps the databases).
#
# Everything after `--` goes to the bench command (see `java -jar target/bench/stdhub-bench.jar help`).
# Rebuild the jar after changing the code: mvn -B -Pbench package -DskipTests
# Needs PostgreSQL 15 with pg_trgm on 127.0.0.1:5432 (db test, user postgres, trust auth) unless --no-pg.
set -euo pipefail
ARGS="$*"
cd "$(dirname "$0")/.."

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
RECORDS="shipped 1000000"
BACKEND=lucene
DATA_DIR=bench-results/data
KEEP=0
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --data-dir) DATA_DIR="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --backend) BACKEND="$2"; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
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
DBS=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  rm -f "$jar"
  if [ "$BACKEND" = opensearch ]; then
    stop_groups
    rm -rf "$out/opensearch/data"
    if [ "$KEEP" = 0 ]; then
      for db in "${DBS[@]}"; do
        psql -h 127.0.0.1 -U postgres -d postgres -q -X -c "drop database if exists $db with (force)" >/dev/null 2>&1 \
          || echo "[run.sh] could not drop the database $db" >&2
      done
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
CLUSTER=()
case "$BACKEND" in
  lucene) ;;
  opensearch)
    log() { echo "[run.sh $(date +%H:%M:%S)] $*"; }
    fail() { echo "[run.sh] $*" >&2; exit 1; }
    # shellcheck source=bench/lib/opensearch-node.sh
    . bench/lib/opensearch-node.sh
    opensearch_locate
    opensearch_start "$(pwd)/$out/opensearch" "${SEARCH_HEAP:-1g}" bench
    ;;
  *) echo "--backend is lucene or opensearch, not $BACKEND" >&2; exit 2 ;;
esac
started=$(date +%s)
for size in $RECORDS; do
  dir="$DATA_DIR/$size"
  if [ "$KEEP" = 0 ]; then
    rm -rf "$dir"
  fi
  mkdir -p "$dir"
  if [ "$BACKEND" = opensearch ]; then
    db="stdhub_bench_${stamp//-/_}_$size"
    psql -h 127.0.0.1 -U postgres -d postgres -q -X -v ON_ERROR_STOP=1 -c "create database $db" >/dev/null
    DBS+=("$db")
    CLUSTER=(--spring.profiles.active=cluster --backend opensearch
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres
      --spring.datasource.password=)
  fi
  echo "[run.sh] bench --records $size ($BACKEND), data dir $dir, log $out/$size.log"
  STDHUB_SEARCH_HOSTS="127.0.0.1:${OS_PORT:-9200}" \
  "$JAVA" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx4g ${BENCH_JAVA_OPTS:-} \
    -jar "$jar" bench "${CLUSTER[@]}" \
    --stdhub.data-dir="$dir" --stdhub.seed.enabled=false \
    --records "$size" --results "$out" "${EXTRA[@]}" > "$out/$size.log" 2>&1 \
    || { echo "[run.sh] bench failed, see $out/$size.log" >&2; tail -30 "$out/$size.log" >&2; exit 1; }
  grep '^\[bench' "$out/$size.log" || true
done

report=bench-results/$stamp.md
{
  echo "# StdHub search benchmark, $(date '+%Y-%m-%d %H:%M')"
  echo
  echo "Command: \`bench/run.sh${ARGS:+ $ARGS}\` (records: $RECORDS, backend: $BACKEND), $(( ($(date +%s) - started) / 60 )) min in all;"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' + local changes')."
  echo
  for size in $RECORDS; do
    cat "$out"/*-"$size".md
  done
} > "$report"
echo "[run.sh] report: $report"

#!/usr/bin/env bash
# Load test of two StdHub instances on one machine (issue 17, "Measured"), in one command:
#  1. builds target/stdhub.jar only when it is missing (mvn -B -q package -DskipTests; that also unpacks the
#     OpenSearch test distribution into target/opensearch — fetched alone with generate-test-resources if only it
#     is missing);
#  2. starts one OpenSearch node from target/opensearch (as the user `opensearch` when run as root, Java 17,
#     loopback, free ports), a fresh PostgreSQL database stdhub_load_<timestamp> on 127.0.0.1:5432 (nothing else in
#     it, dropped at the end), and two instances of target/stdhub.jar with the profiles $PROFILES on loopback ports: the first one loads the
#     shipped catalog (~145k records) on its first start (timed, then until the search index holds every standard),
#     the second one starts on the loaded database;
#  3. writes real queries from the database (designations, Chinese title fragments, English title words) and runs
#     wrk (bench/load.lua: search pages, search API, detail pages) against both instances at once, one wrk thread
#     per instance, at increasing connection counts until p99 > the limit or an error (socket error, non-2xx);
#  4. prints the table and writes it to bench-results/load-<timestamp>.md (logs in bench-results/load-<timestamp>/);
#  5. stops everything it started and drops the database (trap), also on failure or Ctrl-C.
# Per step it also records the CPU time the instances, the OpenSearch node, PostgreSQL (all its processes) and wrk
# used, per request, for the capacity plan in docs/benchmarks.md.
#
#   bench/load.sh                                # steps 2 4 8 16 32 64 128 256 connections, 30 s each
#   bench/load.sh --steps "4 16 64" --duration 20s --warmup 20s
#   bench/load.sh --profiles cluster             # PROFILES: the instances' profiles (default cluster)
#   bench/load.sh --keep                         # keep the database and the data directories (logs are always kept)
#
# Options: --profiles P, --steps "C1 C2 …" (total connections, split over the instances), --duration D (per
# step, wrk syntax), --warmup D (one untimed run first; 0 for none), --p99-limit MS (default 100), --heap SIZE
# (each instance's -Xmx, default 1g), --search-heap SIZE (the OpenSearch node's, default 1g), --mix PAGE,API
# (per cent of search pages and search API calls, the rest detail pages; default 35,15), --keep.
# Needs: PostgreSQL 15 on 127.0.0.1:5432 (user postgres, trust auth; started when installed but down),
# Java 25 (temurin) for StdHub, Java 17 for OpenSearch, wrk (installed with apt-get when missing), curl, psql.
set -euo pipefail
ARGS="$*"
cd "$(dirname "$0")/.."

# The instances' Spring profiles: ONE variable (`cluster` is PostgreSQL + OpenSearch + the outbox).
PROFILES=${STDHUB_LOAD_PROFILES:-cluster}
STEPS="2 4 8 16 32 64 128 256"
DURATION=30s
WARMUP=30s
P99_LIMIT_MS=100
HEAP=1g
SEARCH_HEAP=1g
MIX=35,15
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --profiles) PROFILES="$2"; shift 2 ;;
    --steps) STEPS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --p99-limit) P99_LIMIT_MS="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --search-heap) SEARCH_HEAP="$2"; shift 2 ;;
    --mix) MIX="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAVA_FLAGS="--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector"
PSQL_SERVER=(psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q -X)

log() { echo "[load.sh $(date +%H:%M:%S)] $*"; }
fail() { echo "[load.sh] $*" >&2; exit 1; }
# shellcheck source=bench/lib/opensearch-node.sh
. bench/lib/opensearch-node.sh

# --- what it needs -------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } \
    || fail "wrk is missing and apt-get could not install it"
fi
for tool in curl psql; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done
[ -x "$JAVA" ] || fail "no Java 25 at $JAVA (set JAVA=…)"
if [ ! -f target/stdhub.jar ]; then
  log "building target/stdhub.jar (mvn -B -q package -DskipTests)"
  mvn -B -q package -DskipTests || fail "the build failed"
fi
opensearch_locate
if ! pg_isready -h 127.0.0.1 -q 2>/dev/null; then
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect 15 main start || fail "PostgreSQL is not running on 127.0.0.1:5432"
fi

stamp=$(date +%Y%m%d-%H%M%S)
WORK=$(pwd)/bench-results/load-$stamp
REPORT=bench-results/load-$stamp.md
DB=stdhub_load_${stamp//-/_}
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -X)
mkdir -p "$WORK"
# a private copy of the jar: a `mvn package` elsewhere must not replace it under running instances
cp target/stdhub.jar "$WORK/stdhub.jar"

# --- clean-up: every process group this script started, the database, the data ------------------------------------
DB_MADE=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_groups
  if [ "$DB_MADE" = 1 ] && [ "$KEEP" = 0 ]; then
    "${PSQL_SERVER[@]}" -c "drop database if exists $DB with (force)" >/dev/null 2>&1 \
      || echo "[load.sh] could not drop the database $DB" >&2
  fi
  rm -f "$WORK/stdhub.jar"
  if [ "$KEEP" = 0 ]; then
    rm -rf "$WORK/opensearch/data" "$WORK/shared-data" "$WORK"/index-*
  fi
  [ "$rc" = 0 ] || echo "[load.sh] failed (exit $rc); logs in $WORK" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- OpenSearch node -------------------------------------------------------------------------------------------------
opensearch_start "$WORK/opensearch" "$SEARCH_HEAP" load

# --- PostgreSQL database and the two instances ------------------------------------------------------------------------
"${PSQL_SERVER[@]}" -c "create database $DB" >/dev/null
DB_MADE=1
PORT_A=$(free_port)
PORT_B=$(free_port)
while [ "$PORT_B" = "$PORT_A" ]; do PORT_B=$(free_port); done

start_instance() {
  local name=$1 port=$2
  mkdir -p "$WORK/shared-data"
  # --spring.jpa…directory.root: an index directory of its own should the profiles keep the embedded Lucene index
  # (unused with OpenSearch)
  # shellcheck disable=SC2086
  start_group "$WORK/$name.log" env STDHUB_INSTANCE_NAME="$name" STDHUB_SEARCH_HOSTS="127.0.0.1:$OS_PORT" \
    "$JAVA" $JAVA_FLAGS -Xmx"$HEAP" -jar "$WORK/stdhub.jar" \
    --spring.profiles.active="$PROFILES" \
    --server.address=127.0.0.1 --server.port="$port" --stdhub.base-url="http://127.0.0.1:$port" \
    --stdhub.data-dir="$WORK/shared-data" \
    --spring.jpa.properties.hibernate.search.backend.directory.root="$WORK/index-$name" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
    --spring.datasource.password= \
    --stdhub.admin.password="Load-test-$stamp"
}

await_ready() {
  local name=$1 port=$2 pid=$3 since=$4
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -60 "$WORK/$name.log" >&2; fail "instance $name exited before it was ready"; }
    [ $(($(date +%s) - since)) -lt 1200 ] || { tail -60 "$WORK/$name.log" >&2; fail "instance $name not ready in 20 min"; }
    sleep 1
  done
}

search_count() {
  # standards in the catalog index (Hibernate Search's read alias of the index `standard`) when the profiles put it
  # in OpenSearch; 0 when there is none
  curl -sf "http://127.0.0.1:$OS_PORT/standard-read/_count" 2>/dev/null | sed -n 's/.*"count":\([0-9]*\).*/\1/p' \
    | awk '{s += $1} END {print s + 0}'
}

log "starting instance a (profiles $PROFILES, port $PORT_A, heap $HEAP): first start, loads the shipped catalog"
a_started=$(date +%s)
start_instance a "$PORT_A"
A_PID=$STARTED_PID
await_ready a "$PORT_A" "$A_PID" "$a_started"
A_READY=$(($(date +%s) - a_started))
STANDARDS=$("${PSQL[@]}" -At -c "select count(*) from standard")
log "instance a ready after $A_READY s, $STANDARDS standards in PostgreSQL; load $(loadavg)"
SEARCHABLE=$A_READY
if [[ ",$PROFILES," == *",opensearch,"* ]] || [ "$(search_count)" -gt 0 ]; then
  until [ "$(search_count)" -ge "$STANDARDS" ]; do
    kill -0 "$A_PID" 2>/dev/null || fail "instance a exited while indexing"
    [ $(($(date +%s) - a_started)) -lt 1800 ] || fail "the index holds $(search_count) of $STANDARDS standards after 30 min"
    sleep 2
  done
  SEARCHABLE=$(($(date +%s) - a_started))
fi
INDEXED=$(search_count)
log "index holds $INDEXED documents, $SEARCHABLE s after instance a was started"
SEED_LINE=$(grep -o 'catalog loaded and searchable [0-9.]* s after its start-up began' "$WORK/a.log" | head -1 || true)

log "starting instance b (port $PORT_B) on the loaded database"
b_started=$(date +%s)
start_instance b "$PORT_B"
B_PID=$STARTED_PID
await_ready b "$PORT_B" "$B_PID" "$b_started"
B_READY=$(($(date +%s) - b_started))
log "instance b ready after $B_READY s; load $(loadavg)"

# --- real queries from the database --------------------------------------------------------------------------------
QUERIES=$WORK/queries.tsv
"${PSQL[@]}" -At -F $'\t' >"$QUERIES" <<SQL
select setseed(0.2026);
-- designations as stored: detail pages, and searched as typed
select 'd', designation from standard order by random() limit 1500;
-- 4 to 6 consecutive characters of a Chinese title
select 'z', substr(title_zh, 1 + floor(random() * (char_length(title_zh) - 5))::int, 4 + floor(random() * 3)::int)
  from (select title_zh from standard where char_length(title_zh) >= 8 order by random() limit 1500) t;
-- two consecutive words of an English title (words of at least 3 letters)
select 'e', w[i] || ' ' || w[i + 1]
  from (select w, 1 + floor(random() * (array_length(w, 1) - 1))::int i
          from (select regexp_split_to_array(trim(regexp_replace(title_en, '[^A-Za-z0-9]+', ' ', 'g')), ' ') w
                  from standard where title_en is not null order by random() limit 2000) s
         where array_length(w, 1) >= 2) t
 where char_length(w[i]) >= 3 and char_length(w[i + 1]) >= 3 and w[i] !~ '^[0-9]+$'
 limit 1500;
SQL
sed -i '/^$/d' "$QUERIES"
log "queries: $(grep -c $'^d\t' "$QUERIES") designations, $(grep -c $'^z\t' "$QUERIES") Chinese, $(grep -c $'^e\t' "$QUERIES") English title fragments"

# each kind of request answers 200 on both instances before the load starts
first_designation=$(grep -m1 $'^d\t' "$QUERIES" | cut -f2)
enc() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n' | sed 's/\(..\)/%\1/g'; }
for port in "$PORT_A" "$PORT_B"; do
  for path in "/standards?q=$(enc "$first_designation")" "/api/v1/standards/search?size=10&q=$(enc "$first_designation")" \
      "/standards/$(enc "$first_designation")"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path")
    [ "$code" = 200 ] || fail "GET $path on port $port answered $code, not 200"
  done
done

# --- load steps ----------------------------------------------------------------------------------------------------
export LOAD_PORTS="$PORT_A,$PORT_B" LOAD_QUERIES="$QUERIES" LOAD_MIX_PAGE="${MIX%,*}" LOAD_MIX_API="${MIX#*,}"
run_wrk() {  # connections duration logfile; wrk's own CPU seconds (user + system) go to logfile.cpu
  /usr/bin/time -f '%U %S' -o "$3.cpu" wrk -t2 -c"$1" -d"$2" --timeout 10s --latency -s bench/load.lua "http://127.0.0.1:$PORT_A/" >"$3" 2>&1 \
    || { cat "$3" >&2; fail "wrk failed"; }
}
if [ "$WARMUP" != 0 ]; then
  log "warm-up: 8 connections for $WARMUP (not measured)"
  run_wrk 8 "$WARMUP" "$WORK/wrk-warmup.log"
  grep '^RESULT' "$WORK/wrk-warmup.log" || true
fi

# CPU seconds (user + system, all threads) of the processes in process group $1, from /proc (clock ticks)
TICK=$(getconf CLK_TCK)
group_cpu() {
  ps -e -o pid=,pgid= | awk -v g="$1" '$2 == g { print $1 }' | while read -r pid; do
    cat "/proc/$pid/stat" 2>/dev/null || true
  done | awk -v t="$TICK" '{ s += $14 + $15 } END { printf "%.2f", s / t }'
}
# CPU seconds of PostgreSQL: every process of the user postgres (the server's other clients included)
pg_cpu() {
  ps -u postgres -o pid= | while read -r pid; do cat "/proc/$pid/stat" 2>/dev/null || true; done \
    | awk -v t="$TICK" '{ s += $14 + $15 } END { printf "%.2f", s / t }'
}
# busy CPU seconds of the whole machine (all processes, anyone's)
machine_cpu() { awk -v t="$TICK" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8) / t }' /proc/stat; }
cpu_snapshot() { echo "$(group_cpu "$A_PID") $(group_cpu "$B_PID") $(group_cpu "$OS_PID") $(pg_cpu) $(machine_cpu)"; }

ROWS=()
CPU_ROWS=()
BEST_RPS=0
BEST_C=
STOPPED="every step stayed within p99 ≤ $P99_LIMIT_MS ms without errors"
step=0
printf '\n%-5s %12s %12s %9s %9s %9s %9s  %s\n' step connections requests/s p50_ms p90_ms p99_ms errors load
for c in $STEPS; do
  step=$((step + 1))
  read -r a0 b0 os0 pg0 m0 <<<"$(cpu_snapshot)"
  run_wrk "$c" "$DURATION" "$WORK/wrk-c$c.log"
  read -r a1 b1 os1 pg1 m1 <<<"$(cpu_snapshot)"
  wrk_cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$WORK/wrk-c$c.log.cpu" 2>/dev/null || echo 0)
  result=$(grep '^RESULT' "$WORK/wrk-c$c.log") || fail "no result from wrk, see $WORK/wrk-c$c.log"
  val() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
  rps=$(val rps); p50=$(val p50); p90=$(val p90); p99=$(val p99)
  socket=$(( $(val connect) + $(val read) + $(val write) + $(val timeout) ))
  non2xx=$(val non2xx)
  errors=$((socket + non2xx))
  detail=""
  [ "$errors" = 0 ] || detail=" (socket $socket: connect $(val connect), read $(val read), write $(val write), timeout $(val timeout); non-2xx $non2xx: $(val statuses))"
  load=$(loadavg)
  printf '%-5s %12s %12s %9s %9s %9s %9s  %s\n' "$step" "$c" "$rps" "$p50" "$p90" "$p99" "$errors" "$load"
  ROWS+=("| $step | $c | $rps | $p50 | $p90 | $p99 | $errors$detail | $load |")
  requests=$(val requests); seconds=$(val seconds)
  CPU_ROWS+=("$(awk -v n="$requests" -v s="$seconds" -v app=$(awk -v x="$a1" -v y="$a0" -v u="$b1" -v v="$b0" 'BEGIN { print x - y + u - v }') \
      -v os=$(awk -v x="$os1" -v y="$os0" 'BEGIN { print x - y }') -v pg=$(awk -v x="$pg1" -v y="$pg0" 'BEGIN { print x - y }') \
      -v w="$wrk_cpu" -v m=$(awk -v x="$m1" -v y="$m0" 'BEGIN { print x - y }') -v step="$step" -v c="$c" -v rps="$rps" \
      'BEGIN { n = n > 0 ? n : 1; other = m - app - os - pg - w; if (other < 0) other = 0
               printf "| %s | %s | %s | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) | %.2f (%.2f) | %.2f |", step, c, rps,
                 1000 * app / n, app / s, 1000 * os / n, os / s, 1000 * pg / n, pg / s, 1000 * w / n, w / s,
                 1000 * other / n, other / s, m / s }')")
  if [ "$errors" -gt 0 ]; then
    STOPPED="step $step ($c connections): $errors errors"
    break
  fi
  if awk -v p="$p99" -v l="$P99_LIMIT_MS" 'BEGIN { exit !(p > l) }'; then
    STOPPED="step $step ($c connections): p99 $p99 ms > $P99_LIMIT_MS ms"
    break
  fi
  BEST_RPS=$rps
  BEST_C=$c
done

# --- sizes, sessions -------------------------------------------------------------------------------------------------
DB_SIZE=$("${PSQL[@]}" -At -c "select pg_size_pretty(pg_database_size(current_database()))")
STANDARD_SIZE=$("${PSQL[@]}" -At -c "select pg_size_pretty(pg_total_relation_size('standard'))")
SESSIONS=$("${PSQL[@]}" -At -c "select count(*) from spring_session" 2>/dev/null || echo "?")
INDEX_SIZE=$(curl -sf "http://127.0.0.1:$OS_PORT/_cat/indices/standard*?h=pri.store.size&bytes=mb" 2>/dev/null \
  | awk '{ s += $1 } END { print s + 0 }')

# --- report --------------------------------------------------------------------------------------------------------
PER_INSTANCE=$(awk -v r="$BEST_RPS" 'BEGIN { printf "%.0f", r / 2 }')
{
  echo "# StdHub load test (two instances), $(date '+%Y-%m-%d %H:%M')"
  echo
  echo "Command: \`bench/load.sh${ARGS:+ $ARGS}\`; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' + local changes')."
  echo
  echo "- machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr); everything on it: wrk, both instances, OpenSearch, PostgreSQL"
  echo "- instances: 2 × \`target/stdhub.jar\`, profiles \`$PROFILES\`, -Xmx$HEAP, loopback ports $PORT_A and $PORT_B; PostgreSQL 15 database \`$DB\` (fresh; the server runs other work too); OpenSearch $(basename "$OS_HOME") single node, heap $SEARCH_HEAP"
  echo "- catalog: $STANDARDS standards in PostgreSQL, $INDEXED documents in the search index; instance a's first start (migrations, shipped catalog import) ready after **$A_READY s**, every standard searchable after **$SEARCHABLE s**${SEED_LINE:+ (log: \"$SEED_LINE\")}; instance b ready after $B_READY s"
  echo "- requests (bench/load.lua): ${MIX%,*} % search pages \`/standards?q=\`, ${MIX#*,} % search API \`/api/v1/standards/search?size=10&q=\`, the rest detail pages \`/standards/{designation}\`; queries from the database ($(grep -c $'^d\t' "$QUERIES") designations, $(grep -c $'^z\t' "$QUERIES") Chinese title fragments of 4–6 characters, $(grep -c $'^e\t' "$QUERIES") English word pairs); \`Accept-Encoding: gzip\`; wrk 2 threads (one per instance, connections split evenly), keep-alive, closed loop (no think time), warm-up $WARMUP at 8 connections, then $DURATION per step"
  echo "- errors: socket errors (connect, read, write, timeout > 10 s) + responses not 2xx; latency in ms (wrk's histogram); load = 1/5/15-minute load average at the end of the step"
  echo
  echo "| step | connections | requests/s | p50 | p90 | p99 | errors | load |"
  echo "|---:|---:|---:|---:|---:|---:|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "CPU per request in ms (in brackets: cores busy on average during the step) — both instances together, the"
  echo "OpenSearch node, PostgreSQL (all its processes, other clients of the server included), wrk, and everything"
  echo "else on the machine (other users' work); last column: busy cores of the whole machine (of $(nproc)):"
  echo
  echo "| step | connections | requests/s | instances | OpenSearch | PostgreSQL | wrk | other | machine |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${CPU_ROWS[@]}"
  echo
  echo "Sizes after the run: PostgreSQL database $DB_SIZE (table \`standard\` with its indexes $STANDARD_SIZE); OpenSearch index \`standard\` $INDEX_SIZE MB (primary); \`spring_session\` rows: $SESSIONS."
  echo
  if [ -n "$BEST_C" ]; then
    echo "**Reached: $BEST_RPS requests/s across both instances (≈ $PER_INSTANCE per instance) at $BEST_C connections, p99 ≤ $P99_LIMIT_MS ms, 0 errors.** Stopped: $STOPPED."
  else
    echo "**No step stayed within p99 ≤ $P99_LIMIT_MS ms without errors.** Stopped: $STOPPED."
  fi
} >"$REPORT"
echo
log "stopped: $STOPPED"
echo; cat "$REPORT"; echo
log "report: $REPORT (logs in $WORK)"

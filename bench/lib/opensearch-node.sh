# shellcheck shell=bash
# One OpenSearch node on loopback for the bench scripts (bench/load.sh, bench/run.sh --backend opensearch), started
# as README's one-machine recipe does: the test distribution Maven unpacks into target/opensearch, Java 17, as the
# user `opensearch` when run as root (it refuses root; the user is created when missing), free loopback ports, one
# node, its data and logs in a directory of the caller's.
#
# The caller defines log() and fail(), sources this file, calls opensearch_locate, then opensearch_start DIR HEAP NAME
# (sets OS_PORT and OS_PID), and in its clean-up stop_groups (every process group start_group began).

GROUPS_STARTED=()

# start "$@" in a process group (and session) of its own, remember the group; STARTED_PID is its pid (= the group id)
start_group() {
  local out=$1
  shift
  setsid "$@" >"$out" 2>&1 </dev/null &
  GROUPS_STARTED+=("$!")
  STARTED_PID=$!
}

# TERM to every group started, KILL to those still there 30 s later
stop_groups() {
  local pgid
  for pgid in "${GROUPS_STARTED[@]}"; do
    kill -TERM -- "-$pgid" 2>/dev/null || true
  done
  for pgid in "${GROUPS_STARTED[@]}"; do
    for _ in $(seq 1 60); do
      kill -0 -- "-$pgid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
}

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 30000))
    if ! ss -Htan "( sport = :$p )" | grep -q .; then
      echo "$p"
      return
    fi
  done
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# OS_HOME (the unpacked distribution; fetched with Maven when missing) and OS_JAVA (a Java 17)
opensearch_locate() {
  OS_HOME=$(ls -d target/opensearch/opensearch-*/ 2>/dev/null | head -1 || true)
  if [ -z "$OS_HOME" ] || [ ! -x "$OS_HOME/bin/opensearch" ]; then
    log "fetching the OpenSearch test distribution (mvn -B -q generate-test-resources)"
    mvn -B -q generate-test-resources || fail "Maven could not fetch the OpenSearch distribution"
    OS_HOME=$(ls -d target/opensearch/opensearch-*/ | head -1)
  fi
  OS_HOME=$(cd "$OS_HOME" && pwd)
  OS_JAVA=${OPENSEARCH_JAVA_HOME:-$(ls -d /usr/lib/jvm/java-17-openjdk* /usr/lib/jvm/temurin-17* 2>/dev/null | head -1 || true)}
  [ -n "$OS_JAVA" ] && [ -x "$OS_JAVA/bin/java" ] \
    || fail "OpenSearch 2.x needs Java 17 (apt-get install openjdk-17-jre-headless) or OPENSEARCH_JAVA_HOME"
  for tool in curl ss setsid; do
    command -v "$tool" >/dev/null || fail "$tool is missing"
  done
}

# opensearch_start DIR HEAP NAME: a single-node cluster NAME with its config, data and logs under DIR; waits until
# it is up (yellow), at most 180 s
opensearch_start() {
  local node=$1 heap=$2 name=$3 as_user=() started
  OS_PORT=$(free_port)
  local transport
  transport=$(free_port)
  mkdir -p "$node/config" "$node/data" "$node/logs"
  echo "# settings are given on the command line" >"$node/config/opensearch.yml"
  cp "$OS_HOME/config/log4j2.properties" "$node/config/"
  grep -v -E '^-Xm[sx]' "$OS_HOME/config/jvm.options" \
    | sed -e "s#=data#=$node/data#" -e "s#logs/#$node/logs/#g" >"$node/config/jvm.options"
  if [ "$(id -u)" = 0 ]; then
    id -u opensearch >/dev/null 2>&1 \
      || useradd --system --no-create-home --shell /usr/sbin/nologin opensearch \
      || fail "cannot create the user opensearch to run OpenSearch as"
    chown -R opensearch:opensearch "$node"
    as_user=(setpriv --reuid=opensearch --regid=opensearch --init-groups)
  fi
  log "starting OpenSearch ($OS_HOME, heap $heap) on 127.0.0.1:$OS_PORT; load $(loadavg)"
  start_group "$node/console.log" env -u JAVA_HOME -u JAVA_TOOL_OPTIONS OPENSEARCH_JAVA_HOME="$OS_JAVA" \
    OPENSEARCH_PATH_CONF="$node/config" OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap" \
    "${as_user[@]}" "$OS_HOME/bin/opensearch" -Enode.name="$name" -Ecluster.name="stdhub-$name" \
    -Ediscovery.type=single-node -Enetwork.host=127.0.0.1 -Ehttp.port="$OS_PORT" -Etransport.port="$transport" \
    -Epath.data="$node/data" -Epath.logs="$node/logs" -Ecluster.routing.allocation.disk.threshold_enabled=false
  OS_PID=$STARTED_PID
  started=$(date +%s)
  until curl -sf "http://127.0.0.1:$OS_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; do
    kill -0 "$OS_PID" 2>/dev/null || { tail -40 "$node/console.log" >&2; fail "OpenSearch exited before it was up"; }
    [ $(($(date +%s) - started)) -lt 180 ] || { tail -40 "$node/console.log" >&2; fail "OpenSearch not up in 180 s"; }
    sleep 1
  done
  log "OpenSearch up after $(($(date +%s) - started)) s"
}

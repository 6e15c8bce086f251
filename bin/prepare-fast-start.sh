#!/usr/bin/env bash
# Lays target/stdhub.jar out for a faster start (Spring Boot's extracted layout) and trains a JDK AOT cache for it
# (JEP 483/514: classes loaded and linked once, at training, instead of at every start). Afterwards start with the
# command it prints. Run again after every build: a cache made for another jar is refused by the JVM (it then starts
# without it, as before).
#
#   bin/prepare-fast-start.sh [DESTINATION]      # default: target/fast-start
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
DEST=${1:-target/fast-start}
JAR=target/stdhub.jar
[ -f "$JAR" ] || { echo "no $JAR: run mvn package -DskipTests first" >&2; exit 1; }

rm -rf "$DEST"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST"

# the training run: the application context starts (migrations on a throw-away data directory included) and the
# JVM exits at refresh, before any start-up work, writing the cache of every class it loaded
TRAINING=$(mktemp -d)
trap 'rm -rf "$TRAINING"' EXIT
"$JAVA" -XX:AOTCacheOutput="$DEST/stdhub.aot" -Dspring.context.exit=onRefresh \
    --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
    -jar "$DEST/stdhub.jar" --stdhub.data-dir="$TRAINING" --server.port=0 >"$DEST/training.log" 2>&1 \
    || { echo "training run failed: $DEST/training.log" >&2; exit 1; }

echo "start with:"
echo "  $JAVA -XX:AOTCache=$DEST/stdhub.aot --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \\"
echo "      -jar $DEST/stdhub.jar --server.port=8080 --stdhub.data-dir=./data"

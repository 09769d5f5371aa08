#!/usr/bin/env bash
# Startup time (process start to the first 200 from /health) and memory (RSS once started) of the
# packaged service against an external PostgreSQL. Usage: src/bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
JAR=target/myview-0.1.0.jar
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
URL=$(src/bench/external-postgres.sh start)
trap 'src/bench/external-postgres.sh stop' EXIT
PORT=18080
echo "run,startup_ms,rss_mib"
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  DATASOURCES_DEFAULT_URL=$URL DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres PORT=$PORT \
    java ${JAVA_OPTS:-} -jar "$JAR" >/tmp/myview-startup.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 $pid 2>/dev/null || { echo "service exited; see /tmp/myview-startup.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  sleep 1
  rss_kib=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  echo "$run,$(( (end - start) / 1000000 )),$(( rss_kib / 1024 ))"
  kill $pid; wait $pid 2>/dev/null || true
done

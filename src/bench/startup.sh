#!/usr/bin/env bash
# Startup time (process start to the first 200 from /health) and memory (RSS once started) of the
# packaged service against an external PostgreSQL. Usage: src/bench/startup.sh [runs]
# JAVA_OPTS: the JVM options to measure (default: none). The README's, after src/bench/cds.sh:
#   MALLOC_ARENA_MAX=2 JAVA_OPTS="$(src/bench/jvm-options)" src/bench/startup.sh 3
# BENCH_PG_DIR, BENCH_PG_PORT and BENCH_PORT as in run.sh, so two benchmarks can run side by side.
# Prints per run: wall time to /health, the JVM's CPU time to then (user + system, all threads), the part of it
# the JIT compilers took, and the RSS one second later.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
JAR=target/myview-0.1.0.jar
PORT=${BENCH_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-55432}
LOG=/tmp/myview-startup-$PORT.log
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
# DATASOURCES_DEFAULT_URL (and _USERNAME, _PASSWORD) set: that database, neither started nor stopped here (as in
# cds.sh), so a PostgreSQL shared with another benchmark keeps running.
if [ -n "${DATASOURCES_DEFAULT_URL:-}" ]; then
  URL=$DATASOURCES_DEFAULT_URL
else
  URL=$(src/bench/external-postgres.sh start "$PG_PORT")
  trap 'src/bench/external-postgres.sh stop' EXIT
fi
echo "run,startup_ms,cpu_ms,jit_ms,rss_mib"
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  DATASOURCES_DEFAULT_URL=$URL DATASOURCES_DEFAULT_USERNAME=${DATASOURCES_DEFAULT_USERNAME:-postgres} \
    DATASOURCES_DEFAULT_PASSWORD=${DATASOURCES_DEFAULT_PASSWORD:-postgres} PORT=$PORT \
    java ${JAVA_OPTS:-} -jar "$JAR" >"$LOG" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 $pid 2>/dev/null || { echo "service exited; see $LOG" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  # CPU time the JVM used to get there (user + system, all threads): much less sensitive to other load than the wall clock.
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat)
  # Of which the JIT compiler threads (C1 and C2), which run beside the main thread on a machine with cores to spare.
  jit_ms=$(cat /proc/$pid/task/*/stat 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" \
    '/\((C1|C2) CompilerThre/ {sub(/^.*\) /, ""); t += $12 + $13} END {print int(t * 1000 / hz)}')
  sleep 1
  rss_kib=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  echo "$run,$(( (end - start) / 1000000 )),$cpu_ms,$jit_ms,$(( rss_kib / 1024 ))"
  kill $pid; wait $pid 2>/dev/null || true
done

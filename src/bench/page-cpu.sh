#!/usr/bin/env bash
# The question page's cost in the service's own CPU time, far less sensitive than req/s to other work on a
# shared machine: src/bench/page-cpu.sh [jar] [pages] [warm-up pages]. Starts the jar against the benchmark's
# PostgreSQL (already running: src/bench/external-postgres.sh start), opens one link, then asks for
# GET /consultation/q/1 at concurrency 32 (src/bench/PageLoad.java; 500 untimed first) and prints req/s and
# the service's user + system CPU ms per page. With [warm-up pages], PageLoad runs that many pages first (on
# its own link), and the second run's CPU is also printed per kind of thread (request threads, Netty's event
# loop, the JIT's compiler threads, GC; from /proc/<pid>/task/*/stat), per page of its pages and its 500 untimed.
# Needs target/classes and target/bench.classpath (run.sh builds them).
set -eu
cd "$(dirname "$0")/../.."
JAR=${1:-target/myview-0.1.0.jar}; N=${2:-2000}; WARM=${3:-0}
PORT=${BENCH_PORT:-18080}; PG_PORT=${BENCH_PG_PORT:-55432}
export DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/myview DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
# shellcheck disable=SC2086
PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" > /tmp/myview-page-cpu-$PORT.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do kill -0 $pid; sleep 0.2; done
echo "$(basename "$JAR"), load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
CP="target/classes:$(cat target/bench.classpath)"
threads() { # one line per thread: id, name with its digits as N, CPU ms so far
  for t in /proc/$pid/task/*; do
    s=$(cat "$t/stat" 2>/dev/null) || continue
    name=${s#*(}; name=${name%)*}; rest=${s##*) }
    # shellcheck disable=SC2086
    set -- $rest
    echo "${t##*/}|$(echo "$name" | tr -s '0-9#' 'N')|$(( (${12} + ${13}) * 1000 / $(getconf CLK_TCK) ))"
  done
}
if [ "$WARM" -gt 0 ]; then
  java -cp "$CP" src/bench/PageLoad.java "http://127.0.0.1:$PORT" $pid "$WARM" "$DATASOURCES_DEFAULT_URL" | sed 's/^/warm-up: /'
fi
threads > /tmp/myview-page-cpu-before.$$
java -cp "$CP" src/bench/PageLoad.java "http://127.0.0.1:$PORT" $pid "$N" "$DATASOURCES_DEFAULT_URL"
threads > /tmp/myview-page-cpu-after.$$
if [ "$WARM" -gt 0 ]; then
  awk -F'|' -v pages=$((N + 500)) '
    NR == FNR { before[$1] = $3; next }
    { cpu[$2] += $3 - before[$1]; total += $3 - before[$1] }
    END { printf "by thread, over %d pages: %.2f ms per page\n", pages, total / pages
          for (k in cpu) if (cpu[k] > 0) printf "  %6.2f ms  %s\n", cpu[k] / pages, k }' \
    /tmp/myview-page-cpu-before.$$ /tmp/myview-page-cpu-after.$$ | sort -k1,1r
fi
rm -f /tmp/myview-page-cpu-before.$$ /tmp/myview-page-cpu-after.$$
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

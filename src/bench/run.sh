#!/usr/bin/env bash
# The benchmark, in one command: src/bench/run.sh
# Starts a PostgreSQL from the machine's packages, measures the packaged service's startup and
# memory, loads about 1,000,000 reviews over ten years (once; kept in $BENCH_PG_DIR), then measures
# over HTTP against the running jar, beside the plain PostgreSQL figures for the same work, and
# prints a table. A benchmark, not a test: nothing here fails a build. See docs/performance.md.
# BENCH_FRESH=1 starts from an empty database. BENCH_ONLY=dashboard (or import, consultation) measures only
# that part: one startup run, no pgbench (consultation still runs its two pgbench anchors).
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PG_DIR=${BENCH_PG_DIR:-/tmp/myview-bench-pg}
PORT=${BENCH_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-55432} # another port and BENCH_PG_DIR let two benchmarks run side by side
JAR=target/myview-0.1.0.jar
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d myview -v ON_ERROR_STOP=1 -qtA"

if [ "${BENCH_FRESH:-0}" = 1 ]; then src/bench/external-postgres.sh stop; rm -rf "$BENCH_PG_DIR"; fi
echo "== build"
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
URL=$(src/bench/external-postgres.sh start "$PG_PORT")
export DATASOURCES_DEFAULT_URL=$URL DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; src/bench/external-postgres.sh stop; }
trap cleanup EXIT

start_service() {
  local started
  started=$(date +%s%N)
  PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" >/tmp/myview-bench-service-$PG_PORT.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "service exited; see /tmp/myview-bench-service-$PG_PORT.log" >&2; exit 1; }
    sleep 0.02
  done
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )); }
stop_service() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

echo "== startup (process start to first 200 from /health), 3 runs"
startup=()
runs="1 2 3"; [ -n "${BENCH_ONLY:-}" ] && runs="1"
for run in $runs; do
  start_service; sleep 1; startup+=("${startup_ms} ms, RSS $(rss) MiB"); stop_service
done

if [ "$($PSQL -c 'select count(*) from review')" -lt 900000 ]; then
  echo "== loading about 1,000,000 reviews (once)"
  $PSQL -f src/bench/load-reviews.sql
fi
counts=$($PSQL -c "select (select count(*) from review) || ' reviews, ' || (select count(*) from child) || ' children'")

start_service
echo "== measuring against the service (pid $pid)"
results=$(BENCH_BASE_URL="http://127.0.0.1:$PORT" java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dlogback.configurationFile=src/bench/logback-quiet.xml org.myview.bench.ServiceBenchmark ${BENCH_ONLY:-} \
  | tee >(cat >&2))
rss_after=$(rss)
stop_service

if [ -n "${BENCH_ONLY:-}" ] && [ "$BENCH_ONLY" != consultation ]; then # the form's figures need their pgbench anchors
  echo; echo "MyView benchmark ($BENCH_ONLY only), $(date -u +%Y-%m-%dT%H:%MZ), load: $(cut -d' ' -f1-3 /proc/loadavg), data: $counts"
  echo "$results" | grep -v '^BENCH_LINK_RANGE' | sed 's/^/| /; s/$/ |/'
  exit 0
fi
echo "== the same work on PostgreSQL alone (pgbench, 32 clients, 15 s each)"
pgbench_run() { # name script [defines...]: prints "tps p50_ms p99_ms"
  local name=$1 script=$2; shift 2
  rm -f /tmp/myview-pgbench-$PG_PORT-"$name".*
  local out
  out=$(pgbench -h 127.0.0.1 -p $PG_PORT -U postgres -n -c 32 -j 2 -T 15 "$@" -f "$script" -l --log-prefix=/tmp/myview-pgbench-$PG_PORT-"$name" myview 2>&1)
  local tps
  tps=$(echo "$out" | awk '/^tps/ {print int($3); exit}')
  cat /tmp/myview-pgbench-$PG_PORT-"$name".* | awk '{print $3}' | sort -n | awk -v tps="$tps" '
    {a[NR]=$1} END {p50=a[int(NR*0.5)>0?int(NR*0.5):1]; p99=a[int(NR*0.99)>0?int(NR*0.99):1];
    printf "%d req/s  p50 %.1f ms  p99 %.1f ms\n", tps, p50/1000, p99/1000}'
}
range=$(echo "$results" | awk '/^BENCH_LINK_RANGE/ {print $2, $3}')
$PSQL -c "create table if not exists bench_form (link_id bigint primary key, sent_at timestamptz not null);
          create table if not exists bench_form_answer (link_id bigint, question_id text, answer text, primary key (link_id, question_id));
          truncate bench_form, bench_form_answer"
plain_page=$(pgbench_run page src/bench/pgbench-form-page.sql -D first="${range% *}" -D last="${range#* }")
plain_send=$(pgbench_run send src/bench/pgbench-send.sql)
results=$(echo "$results" | grep -v '^BENCH_LINK_RANGE')
results="$results
plain PostgreSQL: a question page's queries (pgbench)  | $plain_page |
plain PostgreSQL: sending's writes (pgbench insert)   | $plain_send |"

echo
echo "MyView benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs),"\
     "$(java -version 2>&1 | head -1), $($PSQL -c 'show server_version'), data: $counts"
echo "| measure | result |"
echo "|---|---|"
for i in "${!startup[@]}"; do echo "| startup run $((i+1)) | ${startup[$i]} |"; done
echo "| RSS after the measurements | $rss_after MiB |"
echo "$results" | sed 's/^/| /; s/$/ |/'

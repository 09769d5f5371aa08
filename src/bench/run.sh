#!/usr/bin/env bash
# The benchmark, in one command: src/bench/run.sh
# Starts a PostgreSQL from the machine's packages, measures the packaged service's startup and
# memory, loads about 1,000,000 reviews over ten years (once; kept in $BENCH_PG_DIR), then measures
# over HTTP against the running jar, beside the plain PostgreSQL figures for the same work, and
# prints a table. A benchmark, not a test: nothing here fails a build. See docs/performance.md.
# BENCH_FRESH=1 starts from an empty database. BENCH_ONLY=dashboard (or import, consultation) measures only
# that part: one startup run of each kind, no pgbench (consultation still runs its two pgbench anchors, so the
# form's ratios come from one run). BENCH_SKIP_BUILD=1 uses the jar and classes already built.
# Every line of the table is "measure | MyView | PostgreSQL alone | ratio | target | met"; the client
# (ServiceBenchmark) prints "name | result | anchor | ratio" and this script adds the target (targets(), below),
# or passes its line through when it already has all six fields.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PG_DIR=${BENCH_PG_DIR:-/tmp/myview-bench-pg}
PORT=${BENCH_PORT:-18080}
PG_PORT=${BENCH_PG_PORT:-55432} # another port and BENCH_PG_DIR let two benchmarks run side by side
JAR=target/myview-0.1.0.jar
PSQL="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d myview -v ON_ERROR_STOP=1 -qtA"

if [ "${BENCH_FRESH:-0}" = 1 ]; then src/bench/external-postgres.sh stop; rm -rf "$BENCH_PG_DIR"; fi
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  echo "== build"
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
URL=$(src/bench/external-postgres.sh start "$PG_PORT")
export DATASOURCES_DEFAULT_URL=$URL DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; src/bench/external-postgres.sh stop; }
trap cleanup EXIT

start_service() { # [JVM options...]: starts the jar, waits for /health; sets startup_ms and cpu_ms
  local started
  started=$(date +%s%N)
  PORT=$PORT java "$@" -jar "$JAR" >/tmp/myview-bench-service-$PG_PORT.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "service exited; see /tmp/myview-bench-service-$PG_PORT.log" >&2; exit 1; }
    sleep 0.02
  done
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  # CPU time (user + system) to get there: far less sensitive than the wall clock to other work on the machine.
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/"$pid"/stat)
}
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )); }
stop_service() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

# Startup with the README's recommended options (src/bench/jvm-options: class data sharing, a heap sized for
# the service; MALLOC_ARENA_MAX=2) and with the JVM's defaults. The archive is made by src/bench/cds.sh.
if [ ! -f target/myview.jsa ] || [ target/myview.jsa -ot "$JAR" ]; then
  echo "== class data sharing archive (src/bench/cds.sh)"
  BENCH_PORT=$PORT src/bench/cds.sh target/myview.jsa
fi
echo "== startup (process start to first 200 from /health), recommended options then defaults"
startup_lines=
runs="1 2 3"; [ -n "${BENCH_ONLY:-}" ] && runs="1"
for kind in recommended defaults; do
  walls=; cpus=; rsss=; worst_wall=0; worst_rss=0
  for run in $runs; do
    if [ $kind = recommended ]; then
      # shellcheck disable=SC2046
      MALLOC_ARENA_MAX=2 start_service $(src/bench/jvm-options)
    else
      start_service
    fi
    sleep 1; r=$(rss); stop_service
    walls="$walls${walls:+, }$(awk -v ms="$startup_ms" 'BEGIN {printf "%.2f", ms / 1000}')"
    cpus="$cpus${cpus:+, }$(awk -v ms="$cpu_ms" 'BEGIN {printf "%.1f", ms / 1000}')"
    rsss="$rsss${rsss:+, }$r"
    [ "$startup_ms" -gt "$worst_wall" ] && worst_wall=$startup_ms
    [ "$r" -gt "$worst_rss" ] && worst_rss=$r
  done
  if [ $kind = recommended ]; then
    met_wall=$([ "$worst_wall" -lt 2500 ] && echo yes || echo no); met_rss=$([ "$worst_rss" -lt 200 ] && echo yes || echo no)
    startup_lines="$startup_lines
startup, README's JVM options (s; CPU s) | $walls (CPU $cpus) | - | - | < 2.5 s | $met_wall
RSS after start, README's JVM options | $rsss MiB | - | - | < 200 MiB | $met_rss"
  else
    startup_lines="$startup_lines
startup, JVM defaults (s; CPU s) | $walls (CPU $cpus) | - | - | (for comparison) | -
RSS after start, JVM defaults | $rsss MiB | - | - | (for comparison) | -"
  fi
done
startup_lines=${startup_lines#?}

if [ "$($PSQL -c 'select count(*) from review')" -lt 900000 ]; then
  echo "== loading about 1,000,000 reviews (once)"
  $PSQL -f src/bench/load-reviews.sql
fi
counts=$($PSQL -c "select (select count(*) from review) || ' reviews, ' || (select count(*) from child) || ' children'")

# shellcheck disable=SC2086
start_service ${JAVA_OPTS:-}
echo "== measuring against the service (pid $pid)"
results=$(BENCH_BASE_URL="http://127.0.0.1:$PORT" BENCH_SERVICE_PID=$pid java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dlogback.configurationFile=src/bench/logback-quiet.xml org.myview.bench.ServiceBenchmark ${BENCH_ONLY:-} \
  | tee >(cat >&2))
rss_after=$(rss)
stop_service

# Targets (issue 20), by the start of the client's measure name: "<= 0.1" or ">= 0.5" on the ratio's first number.
targets() {
  awk -F' *[|] *' -v OFS=' | ' '
    function num(s) { if (match(s, /[0-9]+([.][0-9]+)?/)) return substr(s, RSTART, RLENGTH) + 0; return "" }
    NF >= 6 { print; next }                       # a line with its own target (for example the import, helper "imp")
    {
      name = $1; result = $2; anchor = (NF >= 3 ? $3 : "-"); ratio = (NF >= 4 ? $4 : "-")
      target = "-"; met = "-"; r = num(ratio)
      if (name ~ /^dashboard JSON.*API token/) { target = "<= 0.1 of the GROUP BY"; met = (r != "" && r <= 0.1) ? "yes" : "no" }
      else if (name ~ /^dashboard page/) { target = "<= 1.5 of the GROUP BY"; met = (r != "" && r <= 1.5) ? "yes" : "no" }
      else if (name ~ /^child.s form: a question page/) { target = ">= 0.5 of pgbench page rate"; met = (r != "" && r >= 0.5) ? "yes" : "no" }
      else if (name ~ /^child.s form: sending/) {
        target = ">= 0.25 of pgbench insert rate, p99 < 50 ms"
        match(result, /p99 +[0-9.]+/); p99 = substr(result, RSTART + 4, RLENGTH - 4) + 0
        met = (r != "" && r >= 0.25 && p99 < 50) ? "yes" : "no"
      }
      else if (name ~ /import/) { target = "<= 10x \\copy (first and re-import)"; met = "see the import lines" }
      print name, result, anchor, ratio, target, met
    }'
}
# The child's form lines get their pgbench anchor and ratio here: pgbench runs after the client.
with_anchor() { # line plain_figure: appends "| plain | ratio of the rates"
  awk -F' *[|] *' -v OFS=' | ' -v plain="$2" '{
    match($2, /[0-9.]+ req\/s/); mine = substr($2, RSTART, RLENGTH) + 0
    match(plain, /[0-9]+ req\/s/); theirs = substr(plain, RSTART, RLENGTH) + 0
    print $1, $2, "pgbench: " plain, (theirs > 0 ? sprintf("%.2f of the rate", mine / theirs) : "-") }' <<<"$1"
}
header() {
  echo "| measure | MyView | PostgreSQL alone | ratio | target | met |"
  echo "|---|---|---|---|---|---|"
}
import_placeholder() { # the import lines are the client's (helper "imp"); say so when this run has none
  echo "$1" | grep -qi 'import' || echo "import of 100,000 rows | not measured in this run | \\copy of the same file | - | <= 10x \\copy (first and re-import) | -"
}

if [ -n "${BENCH_ONLY:-}" ] && [ "$BENCH_ONLY" != consultation ]; then # the form's figures need their pgbench anchors
  echo; echo "MyView benchmark ($BENCH_ONLY only), $(date -u +%Y-%m-%dT%H:%MZ), load: $(cut -d' ' -f1-3 /proc/loadavg), data: $counts"
  header
  { echo "$startup_lines"; echo "$results" | grep -v '^BENCH_LINK_RANGE' | targets; } | sed 's/^/| /; s/$/ |/'
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
results=$(echo "$results" | grep -v '^BENCH_LINK_RANGE' | while IFS= read -r line; do
  case "$line" in
    "child's form: a question page"*) with_anchor "$line" "$plain_page" ;;
    "child's form: sending"*) with_anchor "$line" "$plain_send" ;;
    *) echo "$line" ;;
  esac
done)

echo
echo "MyView benchmark, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores,"\
     "$(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs), $(java -version 2>&1 | head -1),"\
     "$($PSQL -c 'show server_version'), data: $counts"
header
{ echo "$startup_lines"
  echo "$results" | targets
  import_placeholder "$results"
  echo "RSS after the measurements (JAVA_OPTS: ${JAVA_OPTS:-defaults}) | $rss_after MiB | - | - | - | -"
} | sed 's/^/| /; s/$/ |/'

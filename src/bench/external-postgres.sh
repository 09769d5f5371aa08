#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server from the machine's packages, to measure MyView
# against an external database as production would run it. Usage:
#   src/bench/external-postgres.sh start [port]   # prints the JDBC URL
#   src/bench/external-postgres.sh stop
set -euo pipefail
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
DIR=${BENCH_PG_DIR:-/tmp/myview-bench-pg}
PORT=${2:-55432}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR" && { [ "$(id -u)" = 0 ] && chown postgres "$DIR" || true; }
      as_pg "$PG_BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    as_pg "$PG_BIN/pg_ctl" -D "$DIR" -o "-p $PORT -k /tmp -c max_connections=200 -c shared_buffers=512MB" -l "$DIR/server.log" -w start >/dev/null
    as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='myview'" | grep -q 1 \
      || as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres myview
    echo "jdbc:postgresql://127.0.0.1:$PORT/myview"
    ;;
  stop)
    as_pg "$PG_BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop [port]" >&2; exit 2 ;;
esac

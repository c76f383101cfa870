#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the PostgreSQL record store's tests: initdb in a fresh
# temp folder, listening on 127.0.0.1 only at a free port, trust authentication (nothing but
# this machine can reach it, and it is removed afterwards), except for members of the role
# clinic_password_users, who must give their password (scram-sha-256): the tests of a PC's
# database password make such a role.
#
#   scripts/pg-test-server.sh run npm test      # CLINIC_TEST_PG_URL set for the command; the server
#                                               # stopped and its folder removed afterwards, even when
#                                               # the command fails (its exit status is kept)
#   eval "$(scripts/pg-test-server.sh start)"   # prints CLINIC_TEST_PG_URL=... and CLINIC_TEST_PG_DIR=...
#   scripts/pg-test-server.sh stop "$CLINIC_TEST_PG_DIR"
#
# Run as root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$dir" ] || [ ! -x "$dir/pg_ctl" ]; then
    echo "error: PostgreSQL's initdb/pg_ctl were not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
    exit 1
  fi
  printf '%s\n' "$dir"
}

# Runs a PostgreSQL program as the postgres user when we are root, else as ourselves.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

start() {
  local bin dir port
  bin="$(pg_bin)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/clinic-pg-test.XXXXXX")"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-instructions >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    exit 1
  }
  # First match wins: the password tests' roles before the trust lines initdb wrote.
  as_pg sed -i '1i host all +clinic_password_users 127.0.0.1/32 scram-sha-256' "$dir/data/pg_hba.conf"
  port="$(free_port)"
  # The Unix socket goes into the temp folder too, so nothing outside it is touched.
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >&2 || {
    cat "$dir/server.log" >&2
    rm -rf "$dir"
    exit 1
  }
  printf 'CLINIC_TEST_PG_URL=postgres://postgres@127.0.0.1:%s/postgres\n' "$port"
  printf 'CLINIC_TEST_PG_DIR=%s\n' "$dir"
}

stop() {
  local dir="${1:-}" bin
  case "$dir" in
    */clinic-pg-test.*) ;;
    *) echo "usage: $0 stop <the CLINIC_TEST_PG_DIR that start printed>" >&2; exit 2 ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    bin="$(pg_bin)"
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
}

run() {
  local started
  started="$(start)"
  CLINIC_TEST_PG_URL="$(printf '%s\n' "$started" | sed -n 's/^CLINIC_TEST_PG_URL=//p')"
  CLINIC_TEST_PG_DIR="$(printf '%s\n' "$started" | sed -n 's/^CLINIC_TEST_PG_DIR=//p')"
  export CLINIC_TEST_PG_URL
  # Stopped however the command ends (failing tests, Ctrl-C, a CI time-out's SIGTERM).
  trap 'status=$?; stop "$CLINIC_TEST_PG_DIR" || true; exit "$status"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  echo "[pg-test-server] PostgreSQL for the tests at $CLINIC_TEST_PG_URL" >&2
  "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  run)
    shift
    [ $# -gt 0 ] || { echo "usage: $0 run <command> [args...]" >&2; exit 2; }
    run "$@"
    ;;
  *) echo "usage: $0 start | stop <dir> | run <command> [args...]" >&2; exit 2 ;;
esac

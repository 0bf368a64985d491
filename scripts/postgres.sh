#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: initdb into a temp dir, a free port on 127.0.0.1, the socket in the
# temp dir, run as the `postgres` user when we are root. Installs Debian's `postgresql` if no server is found.
#
#   eval "$(scripts/postgres.sh start)"   starts one; prints the exports below (logs go to stderr);
#                                          with SHOPSYNC_PG_DURABLE=1, durable (see start) for benchmarks
#   scripts/postgres.sh env DIR           prints the exports of the cluster in DIR again
#   scripts/postgres.sh stop [DIR]        stops it and removes DIR (default $SHOPSYNC_TEST_POSTGRES_DIR)
#
# Exports: SHOPSYNC_TEST_POSTGRES (an Npgsql connection string to the maintenance database `postgres`; the tests
# create a database per test class) and SHOPSYNC_TEST_POSTGRES_DIR (the cluster's folder).
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local bin
  for bin in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then echo "$bin"; return 0; fi
  done
  return 1
}

install_server() {
  log "no PostgreSQL server found: apt-get install postgresql"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Runs a command as the cluster's owner: `postgres` when we are root (initdb refuses root), else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

print_env() {
  local dir=$1 port
  port=$(cat "$dir/port")
  echo "export SHOPSYNC_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true'"
  echo "export SHOPSYNC_TEST_POSTGRES_DIR='$dir'"
}

start() {
  local bin dir port
  bin=$(find_bin) || { install_server; bin=$(find_bin) || { log "initdb not found after installing postgresql"; exit 1; }; }
  dir=$(mktemp -d "${TMPDIR:-/tmp}/shopsync-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /usr/sbin/nologin postgres
    chown postgres "$dir"
  fi
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # A free port: bind port 0, read it, close. A race with another process taking it is retried below.
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    # Test settings: no fsync (a throw-away cluster), enough connections for parallel test assemblies.
    # SHOPSYNC_PG_DURABLE=1 (the benchmarks): PostgreSQL's default durability (fsync, synchronous_commit=on), and
    # pg_stat_statements loaded when the server has it, so a benchmark can count each role's statements.
    local settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if [ "${SHOPSYNC_PG_DURABLE:-}" = 1 ]; then
      settings="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
      if [ -f "$("$bin/pg_config" --pkglibdir 2>/dev/null || echo "$bin/../lib")/pg_stat_statements.so" ]; then
        settings="$settings -c shared_preload_libraries=pg_stat_statements"
      fi
    fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 $settings" >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      echo "$bin" >"$dir/bin"
      log "cluster up on 127.0.0.1:$port ($dir)"
      print_env "$dir"
      return 0
    fi
    log "start on port $port failed (attempt $attempt)"
  done
  tail -20 "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local dir=${1:-${SHOPSYNC_TEST_POSTGRES_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then return 0; fi
  if [ -f "$dir/bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || log "pg_ctl stop failed in $dir"
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  env) print_env "${2:?usage: postgres.sh env DIR}" ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: scripts/postgres.sh start|env DIR|stop [DIR]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A bound for the PostgreSQL store's hand-over, with no ShopSync code in it: pgbench runs the leanest hand-over
# (schema.sql, handover-*.sql) on a private durable cluster (scripts/postgres.sh, SHOPSYNC_PG_DURABLE=1:
# fsync=on, synchronous_commit=on), 16 clients over 96 categories and one client in one category, prepared
# statements, and prints the machine's CPU use during the 16-client run. docs/postgres.md has the figures.
#
#   tests/ShopSync.Benchmarks/Handover/LeanModel/run.sh [SECONDS]   (default 30)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
seconds=${1:-30}
eval "$(SHOPSYNC_PG_DURABLE=1 "$root/scripts/postgres.sh" start)"
trap '"$root/scripts/postgres.sh" stop "$SHOPSYNC_TEST_POSTGRES_DIR"' EXIT
port=$(cat "$SHOPSYNC_TEST_POSTGRES_DIR/port")
pg=(-h 127.0.0.1 -p "$port" -U postgres)
psql "${pg[@]}" -q -c "CREATE DATABASE lean"
psql "${pg[@]}" -q -d lean -f "$here/schema.sql" 2>&1 | grep -v NOTICE || true
pgbench "${pg[@]}" -n -M prepared -c 16 -j 2 -T 5 -f "$here/handover-100cat.sql" lean >/dev/null   # every category has a running entry
vmstat 2 $((seconds / 2 + 1)) > "$SHOPSYNC_TEST_POSTGRES_DIR/vmstat.log" &
vm=$!
tps=$(pgbench "${pg[@]}" -n -M prepared -c 16 -j 2 -T "$seconds" -f "$here/handover-100cat.sql" lean | awk '/^tps/ {print $3}')
wait "$vm"
busy=$(tail -n +4 "$SHOPSYNC_TEST_POSTGRES_DIR/vmstat.log" | awk '{b += 100 - $15; n++} END {printf "%.0f", b / n}')
echo "BENCH lean_handover_100cat_per_s ${tps%.*} hand-overs/s"
echo "BENCH lean_handover_100cat_machine_busy $busy %"
echo "BENCH lean_handover_100cat_machine_cpu_us $(awk -v t="$tps" -v b="$busy" -v c="$(nproc)" 'BEGIN {printf "%.0f", c * 1e6 * b / 100 / t}') us/hand-over"
tps=$(pgbench "${pg[@]}" -n -M prepared -c 1 -T "$seconds" -f "$here/handover-1cat.sql" lean | awk '/^tps/ {print $3}')
echo "BENCH lean_handover_1cat_per_s ${tps%.*} hand-overs/s"

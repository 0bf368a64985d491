#!/usr/bin/env bash
# Several ShopSync nodes on one queue: starts a private PostgreSQL (scripts/postgres.sh), three server nodes on it
# (--postgres, --node-id), queues work through node-1, watches it through node-3, runs a foreground entry through
# node-2, and shows which node ran what. Then it stops the nodes and the database.
set -euo pipefail
cd "$(dirname "$0")/.."

base="${SHOPSYNC_CLUSTER_PORT:-5100}"
workdir="${SHOPSYNC_CLUSTER_DIR:-$(mktemp -d)}"

echo "== building"
dotnet build src/ShopSync.Server -c Release -nologo -clp:ErrorsOnly -v quiet
dotnet build clients/ShopSync.Cli -c Release -nologo -clp:ErrorsOnly -v quiet
server=src/ShopSync.Server/bin/Release/net10.0/shopsync-server
shopsync() { clients/ShopSync.Cli/bin/Release/net10.0/shopsync "$@"; }
node_url() { echo "http://127.0.0.1:$((base + 10 * ($1 - 1)))"; }

echo "== starting a private PostgreSQL"
eval "$(scripts/postgres.sh start)"
postgres="$SHOPSYNC_TEST_POSTGRES"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  scripts/postgres.sh stop "$SHOPSYNC_TEST_POSTGRES_DIR" || true
}
trap cleanup EXIT

for n in 1 2 3; do
  url=$(node_url $n)
  mkdir -p "$workdir/node-$n"
  echo "== node-$n on $url (log $workdir/node-$n/server.log)"
  (cd "$workdir/node-$n" && exec "$OLDPWD/$server" --urls "$url" --web-urls "http://127.0.0.1:$(( base + 10 * (n - 1) + 1 ))" \
      --postgres "$postgres" --node-id "node-$n" --Queue:EnableDiagnosticsTasks=true --Queue:MaxConcurrency=1 >server.log 2>&1) &
  pids+=($!)
done
for n in 1 2 3; do
  for _ in $(seq 1 300); do
    shopsync --server "$(node_url $n)" server health >/dev/null 2>&1 && break
    kill -0 "${pids[$((n - 1))]}" 2>/dev/null || { cat "$workdir/node-$n/server.log"; exit 1; }
    sleep 0.2
  done
  shopsync --server "$(node_url $n)" server health
done

echo; echo "== six diagnostics entries over three categories, queued through node-1"
echo "   (one category runs one entry at a time; each node runs one entry at a time here, so the work spreads)"
ids=()
for i in 1 2 3 4 5 6; do
  id=$(shopsync --server "$(node_url 1)" --json sync diag --background --category "DEMO-$((i % 3))" \
        --option steps=10 --option step_ms=300 | jq -r 'select(.event.jobId != null) | .event.jobId' | head -1)
  echo "queued $id in DEMO-$((i % 3))"
  ids+=("$id")
done

echo; echo "== shopsync jobs watch ${ids[5]}   (through node-3: the events come from whichever node runs it)"
shopsync --server "$(node_url 3)" jobs watch "${ids[5]}" | cat

echo; echo "== shopsync sync diag --foreground   (through node-2: the caller follows the run wherever it is claimed)"
shopsync --server "$(node_url 2)" sync diag --foreground --category DEMO-F --option steps=4 --option step_ms=100 | cat

for id in "${ids[@]}"; do shopsync --server "$(node_url 2)" jobs watch "$id" >/dev/null || true; done

echo; echo "== which node ran what (the run log, read through node-2)"
shopsync --server "$(node_url 2)" --json jobs log --limit 50 \
  | jq -r '.entries | sort_by(.entryNo)[] | "entry \(.entryNo)  \(.categoryCode)  attempt \(.attempt)  \(.result)  on \(.node)"'

echo; echo "== the nodes' heartbeats (queue_nodes)"
psql "postgresql://postgres@127.0.0.1:$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$postgres")/postgres" -Atc \
  "SELECT node_id || '  last seen ' || to_char(heartbeat_at, 'HH24:MI:SS') FROM queue_nodes ORDER BY node_id" || true

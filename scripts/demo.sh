#!/usr/bin/env bash
# ShopSync's main job on the embedded default, end to end: build, start the server with --demo (SQLite file
# + a sandbox Shopify store + shop "demo"), sync orders from the store in the foreground with live progress,
# turn them into sales documents, and show the queue, the ERP documents and the status cues. Stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${SHOPSYNC_DEMO_PORT:-5000}"
workdir="${SHOPSYNC_DEMO_DIR:-$(mktemp -d)}"
export SHOPSYNC_SERVER="http://127.0.0.1:${port}"

echo "== building"
dotnet build src/ShopSync.Server -c Release -nologo -clp:ErrorsOnly -v quiet
dotnet build clients/ShopSync.Cli -c Release -nologo -clp:ErrorsOnly -v quiet
server=src/ShopSync.Server/bin/Release/net10.0/shopsync-server
shopsync() { clients/ShopSync.Cli/bin/Release/net10.0/shopsync "$@"; }

echo "== starting the server on $SHOPSYNC_SERVER (database $workdir/shopsync.db, log $workdir/server.log)"
"$server" --urls "$SHOPSYNC_SERVER" --web-urls "http://127.0.0.1:$((port + 1))" --db "$workdir/shopsync.db" --demo >"$workdir/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  shopsync server health >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$workdir/server.log"; exit 1; }
  sleep 0.2
done
shopsync server health
# The server logs where the dashboard is (or that it was not built) once it has started.
grep -m1 -o 'Dashboard: .*' "$workdir/server.log" || true

echo; echo "== the demo shop"
shopsync shops show demo
echo; echo "== shopsync sync orders --shop demo   (foreground: the shop has Allow Background Syncs off)"
shopsync sync orders --shop demo
echo; echo "== shopsync sync create-orders --shop demo"
shopsync sync create-orders --shop demo
echo; echo "== shopsync jobs list"
shopsync jobs list
echo; echo "== shopsync status --shop demo"
shopsync status --shop demo || true
echo; echo "== curl http://127.0.0.1:$((port + 1))/metrics   (the queue's Prometheus metrics on the web endpoint)"
curl -s "http://127.0.0.1:$((port + 1))/metrics" | grep -E '^shopsync_queue_(entries_enqueued_total|runs_completed_total)' | head -6 || true

echo
echo "== the dashboard: http://127.0.0.1:$((port + 1))/   (the demo queue, live; anonymous local admin on loopback)"
if [ -t 0 ] && [ -t 1 ]; then
  read -r -p "Press Enter to stop the server. " _ || true
fi

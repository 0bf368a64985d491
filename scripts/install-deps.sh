#!/usr/bin/env bash
# Installs what ShopSync's tests need on a fresh Debian machine: real gRPC peers (python grpcio, h2load),
# tmux for the CLI's TTY test, Debian's chromium for the dashboard's browser tests, and the npm packages
# (grpc-js, buf) into tests/interop/node_modules. Safe to run again; installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
/usr/bin/python3 -c 'import grpc, grpc_tools' 2>/dev/null || need+=(python3-grpcio python3-grpc-tools)
command -v h2load >/dev/null || need+=(nghttp2-client)
command -v tmux >/dev/null || need+=(tmux)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -x tests/interop/node_modules/.bin/buf ] || [ tests/interop/package-lock.json -nt tests/interop/node_modules ]; then
  # `npm install` with the committed lock, not `npm ci`: the registry served here lacks buf's builds for
  # other platforms (darwin, win32, armv7), so the lock cannot list them and `npm ci` refuses the lock as
  # "out of sync". `npm install` takes the locked versions and skips optional packages it cannot fetch.
  echo "install-deps: npm install (tests/interop, locked versions)"
  (cd tests/interop && npm install --no-audit --no-fund --no-save --loglevel=error)
  touch tests/interop/node_modules
fi

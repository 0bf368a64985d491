#!/usr/bin/env bash
# The test command: installs missing test dependencies, lints the contract, starts a private PostgreSQL cluster
# (scripts/postgres.sh; stopped on exit), runs every test project.
# Prints "N passed, N failed" as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh
echo "== buf lint"
tests/interop/node_modules/.bin/buf lint

echo "== dotnet build"
dotnet build ShopSync.sln -c Debug -nologo -clp:ErrorsOnly

echo "== postgres"
# The PostgreSQL tests read SHOPSYNC_TEST_POSTGRES; under CI=true they fail without it.
eval "$(scripts/postgres.sh start)"
trap 'scripts/postgres.sh stop "$SHOPSYNC_TEST_POSTGRES_DIR"' EXIT

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
echo "== dotnet test"
# Where tests leave the full text of failures the TRX keeps only a line of (ShopSync.Testing.FailureReport).
export SHOPSYNC_TEST_REPORTS="$results/reports"
status=0
dotnet test ShopSync.sln -c Debug --no-build -nologo \
  --logger "trx" --results-directory "$results" --blame-hang-timeout 10m "$@" || status=$?

for report in "$SHOPSYNC_TEST_REPORTS"/*.txt; do
  [ -e "$report" ] || continue
  echo "== failure report $(basename "$report")"
  head -c 8000 "$report"; echo
done

# One closing line across every test assembly, summed from the TRX files.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    summary = ET.parse(f).getroot().find("t:ResultSummary", ns)
    c = summary.find("t:Counters", ns) if summary is not None else None
    if c is None: continue
    # A crashed or hung test host, or a failing fixture cleanup, fails the run without failing a test: say so.
    if summary.get("outcome") != "Completed":
        print(f"run outcome {summary.get('outcome')} in {f}")
        for info in summary.findall("t:RunInfos/t:RunInfo", ns):
            if info.get("outcome") == "Error":
                print("  " + (info.findtext("t:Text", "", ns) or "").strip()[:2000])
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status

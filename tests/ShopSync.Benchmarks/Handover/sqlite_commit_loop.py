#!/usr/bin/python3
"""What this disk allows one SQLite category: durable commits in sequence (WAL, synchronous=FULL), each inserting one
row, once with a ~100-byte row and once with a ~40 KB row (a hand-over writes ~11 WAL pages, ~45 KB, per commit).
Prints BENCH lines; docs/job-queue.md ("What bounds the rest") has the figures.

    /usr/bin/python3 tests/ShopSync.Benchmarks/Handover/sqlite_commit_loop.py [COMMITS]
"""
import os
import sqlite3
import sys
import tempfile
import time

commits = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
with tempfile.TemporaryDirectory(prefix="shopsync-commit-loop-", dir=os.environ.get("TMPDIR", "/var/tmp")) as folder:
    for metric, size in (("sqlite_commit_100b_per_s", 100), ("sqlite_commit_40kb_per_s", 40_000)):
        path = os.path.join(folder, metric + ".db")
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)")
        value = os.urandom(size)
        start = time.perf_counter()
        for _ in range(commits):
            db.execute("BEGIN")
            db.execute("INSERT INTO t (v) VALUES (?)", (value,))
            db.execute("COMMIT")
        elapsed = time.perf_counter() - start
        db.close()
        print(f"BENCH {metric} {commits / elapsed:.0f} commits/s ({elapsed / commits * 1e6:.0f} us each)")

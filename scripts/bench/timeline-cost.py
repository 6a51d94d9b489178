#!/usr/bin/env python3
"""What the timeline costs: saywho-search --serve round trips with and without it.

Usage: scripts/bench/timeline-cost.py DB [ROUNDS]   (default 30; needs build/saywho-search)
DB is a saywho database, e.g. Reuters-21578 indexed with build/saywho-index.
Each round sends every query once in each of four modes, one after another
(facets are on by default in requests, so the first two are what the search
page pays), and prints the median round trip per query and mode, in ms.
"""
import json
import os
import statistics
import subprocess
import sys
import time

QUERIES = ["dollar", "oil prices", "statements by Baker", "type:statement", "coffee", "trade deficit japan", "bank",
           "said"]
MODES = {
    "facets": {"facets": True},
    "facets + timeline": {"facets": True, "timeline": True},
    "no facets": {"facets": False},
    "no facets + timeline": {"facets": False, "timeline": True},
}


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    db, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 30
    search = os.path.join(os.environ.get("BUILD_DIR", "build"), "saywho-search")
    server = subprocess.Popen([search, "--db", db, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(request):
        start = time.perf_counter()
        server.stdin.write(json.dumps(request) + "\n")
        server.stdin.flush()
        answer = json.loads(server.stdout.readline())
        return (time.perf_counter() - start) * 1000, answer

    times = {(q, m): [] for q in QUERIES for m in MODES}
    shape = {}
    for q in QUERIES:  # warm the caches before timing
        for extra in MODES.values():
            ask({"q": q, **extra})
    for _ in range(rounds):
        for q in QUERIES:
            for mode, extra in MODES.items():
                ms, answer = ask({"q": q, "limit": 10, **extra})
                times[(q, mode)].append(ms)
                if "timeline" in answer:
                    t = answer["timeline"]
                    shape[q] = (answer["total"]["estimate"], t["interval"], len(t["buckets"]))
    server.stdin.close()
    server.wait()

    print(f"{rounds} rounds; median round trip in ms")
    print("| query | matches | timeline | " + " | ".join(MODES) + " |")
    print("|---|---|---|" + "---|" * len(MODES))
    for q in QUERIES:
        matches, interval, buckets = shape[q]
        cells = " | ".join(f"{statistics.median(times[(q, m)]):.2f}" for m in MODES)
        print(f"| `{q}` | {matches} | {buckets} {interval}s | {cells} |")
    overall = " | ".join(f"{statistics.median(t for q in QUERIES for t in times[(q, m)]):.2f}" for m in MODES)
    print(f"| all queries | | | {overall} |")


if __name__ == "__main__":
    main()

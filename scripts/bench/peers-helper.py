#!/usr/bin/env python3
"""Helpers for scripts/bench/peers.sh: feed scriptindex, run the SQLite FTS5 peer, time saywho-search."""
import json
import os
import sqlite3
import subprocess
import sys
import time


def articles(root):
    """Yields (id, date, title, body) for each .txt under root, id as saywho makes it (path without .txt)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                first = f.readline().rstrip("\n")
                rest = f.read()
            _, date, title = (first.split(" ", 2) + ["", ""])[:3]
            yield os.path.relpath(path, root)[:-4], date, title, rest.lstrip("\n")


def dump(root):
    """scriptindex input: field=value lines, continuation lines start with '=', a blank line ends a record."""
    out = sys.stdout
    for aid, date, title, body in articles(root):
        out.write(f"id={aid}\ntitle={title}\ndate={date.replace('-', '')}\n")
        lines = body.rstrip("\n").split("\n")
        out.write("body=" + lines[0] + "\n")
        for line in lines[1:]:
            out.write("=" + line + "\n")
        out.write("\n")


def fts5_index(db, root):
    con = sqlite3.connect(db)
    # id and date are stored, not searched: the other peers keep them as filter terms, not words.
    con.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, date UNINDEXED, title, body, tokenize='porter unicode61')")
    with con:  # one transaction
        con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", articles(root))
    con.close()


def timed(queries, answer):
    """Prints one line per query: microseconds, then what answer() returned (a hit count)."""
    for q in queries:
        start = time.perf_counter()
        hits = answer(q)
        print(f"{round((time.perf_counter() - start) * 1e6)}\t{hits}")


def read_queries():
    return [line.strip() for line in sys.stdin if line.strip()]


def fts5_query(db):
    con = sqlite3.connect(db)
    sql = "SELECT id, date, title, body FROM t WHERE t MATCH ? ORDER BY rank LIMIT 10"
    timed(read_queries(), lambda q: len(con.execute(sql, (q,)).fetchall()))


def serve_query(search, db, facets=False):
    """One saywho-search --serve process; each request is timed until its response line arrives."""
    proc = subprocess.Popen([search, "--db", db, "--serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def answer(q):
        proc.stdin.write(json.dumps({"q": q, "limit": 10, "facets": facets}) + "\n")
        proc.stdin.flush()
        return len(json.loads(proc.stdout.readline()).get("results", []))

    timed(read_queries(), answer)
    proc.stdin.close()
    proc.wait()


def serve_query_facets(search, db):
    """As serve_query, each request asking for the facets too."""
    serve_query(search, db, facets=True)


def process_query(search, db):
    """A whole saywho-search process per query, as a shell user runs it."""
    def answer(q):
        out = subprocess.run([search, "--db", db, "--json", "-n", "10", q], stdout=subprocess.PIPE, text=True).stdout
        return len(json.loads(out).get("results", []))

    timed(read_queries(), answer)


def percentiles():
    """stdin: microseconds, one a line; prints p50 and p95 in ms (nearest rank)."""
    us = sorted(int(line.split()[0]) for line in sys.stdin if line.strip())
    rank = lambda p: us[max(0, -(-len(us) * p // 100) - 1)]
    print(f"{rank(50) / 1000:.3f} {rank(95) / 1000:.3f}")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"dump": dump, "fts5-index": fts5_index, "fts5-query": fts5_query, "serve-query": serve_query,
     "serve-query-facets": serve_query_facets,
     "process-query": process_query, "percentiles": percentiles}[cmd](*args)

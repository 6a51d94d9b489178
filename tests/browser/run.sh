#!/bin/sh
# Runs the search page's browser test: indexes corpus/ plus an article full of markup, serves it with saywho-search --http, drives Chromium.
# Usage: tests/browser/run.sh BUILD_DIR   (needs $BUILD_DIR/saywho-index, $BUILD_DIR/saywho-search,
#        /usr/bin/chromium or $CHROMIUM, and `npm ci` done in tests/browser). Writes BUILD_DIR/browser-test.png.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

for tool in "$build/saywho-index" "$build/saywho-search"; do
    [ -x "$tool" ] || { echo "$0: $tool is missing; build it first" >&2; exit 2; }
done
[ -d "$here/node_modules/playwright-core" ] || {
    echo "$0: playwright-core is not installed; run: (cd $here && npm ci)" >&2
    exit 2
}
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || {
    echo "$0: no Chromium at ${CHROMIUM:-/usr/bin/chromium}; install it (apt-get install chromium) or set CHROMIUM" >&2
    exit 2
}

tmp=$(mktemp -d)
server=
# The server is stopped however the script ends (failure, Ctrl-C), and the
# temporary database goes with it.
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# An article whose title, body and quoted statement hold markup: the page
# must show all of it as text and run none of it.
mkdir "$tmp/extra"
cat > "$tmp/extra/2025-03-20-markup-test.txt" <<'EOF'
date 2025-03-20 Council rejects <script>alert(1)</script> banner plan

HELSINKI, Finland (Saywho Wire) — The city council on Thursday rejected a banner reading <script>alert(1)</script> after a long debate about public art.

"<img src=x onerror=alert(1)> is not a picture," said Mayor Ana Lindqvist.

Council members said the vote was close.
EOF
# A wire story and a paper's reprint of it: one statement, two articles.
for id in wire reprint; do
    cat > "$tmp/extra/2025-03-21-ferry-$id.txt" <<'EOF'
date 2025-03-21 Island ferry keeps winter timetable

TURKU, Finland (Saywho Wire) — The island ferry will keep its winter timetable.

"The winter timetable for the island ferry stays until the ice has gone from the harbour," harbour master Eero Salmi said.
EOF
done

"$build/saywho-index" --db "$tmp/db" "$root/corpus" "$tmp/extra" > "$tmp/index.log" 2>&1 || {
    # Exit 1 only means some input was skipped (corpus/README.md is not an article).
    [ $? -eq 1 ] || { cat "$tmp/index.log" >&2; exit 1; }
}

# A free port from the kernel; another process could take it before the
# server binds, so a server that dies at once is retried on a new port.
free_port() {
    node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}
answers() {
    node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$1"
}

url=
for attempt in 1 2 3; do
    port=$(free_port)
    "$build/saywho-search" --db "$tmp/db" --http "127.0.0.1:$port" 2> "$tmp/server.log" &
    server=$!
    tries=0
    while [ $tries -lt 100 ]; do
        if ! kill -0 "$server" 2>/dev/null; then
            wait "$server" 2>/dev/null || true
            server=
            break
        fi
        if answers "http://127.0.0.1:$port/api/suggest?q=he"; then
            url="http://127.0.0.1:$port"
            break
        fi
        tries=$((tries + 1))
        sleep 0.1
    done
    [ -n "$url" ] && break
    if [ -n "$server" ]; then
        echo "$0: saywho-search did not answer on port $port" >&2
        cat "$tmp/server.log" >&2
        exit 1
    fi
done
if [ -z "$url" ]; then
    echo "$0: saywho-search would not start:" >&2
    cat "$tmp/server.log" >&2
    exit 1
fi

status=0
node "$here/search_page_test.mjs" "$url" "$build/browser-test.png" || status=$?
if [ $status -ne 0 ]; then
    echo "--- server log" >&2
    tail -n 30 "$tmp/server.log" >&2
fi
exit $status

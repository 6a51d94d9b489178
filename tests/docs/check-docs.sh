#!/usr/bin/env bash
# Checks that README.md and docs/guide.md agree with the binaries they describe:
#   (a) every long option the two documents name is in the --help of
#       saywho-index or saywho-search (or is one of another program's,
#       listed below);
#   (b) every long option of the two --help outputs is in docs/guide.md;
#   (c) every README example (a `$ ` line in a ```console block) runs against
#       a database built from corpus/ in a temporary directory, exits 0 (or
#       the status a trailing `# exit N` gives), and prints first the line the
#       README shows after it (up to a trailing "..." when the README trims it).
# Usage: tests/docs/check-docs.sh BUILD_DIR   (needs BUILD_DIR/saywho-index and
#        BUILD_DIR/saywho-search). README and GUIDE in the environment check other
#        copies of the two files (to see the test fail on a changed copy).
set -euo pipefail

if (($# != 1)); then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
readme=${README:-$root/README.md}
guide=${GUIDE:-$root/docs/guide.md}
for tool in "$build/saywho-index" "$build/saywho-search"; do
    [[ -x "$tool" ]] || { echo "$0: $tool is missing; build it first" >&2; exit 2; }
done

# Options of other programs that the documents mention: scripts, ctest,
# the benchmarks and evaluations. Only these may be named without being
# saywho's.
others=(--install --no-sanitize --test-dir --merge --full-names --scale --output-on-failure)
# Options every CLI11 program has, which the guide need not list one by one.
generic=(--help --version)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

long_options() { grep -oE -- '(^|[^-[:alnum:]])--[a-z][a-z0-9-]*[a-z0-9]' | sed 's/^[^-]*//' | sort -u; }

{
    "$build/saywho-index" --help
    "$build/saywho-index" extract --help
    "$build/saywho-index" compact --help
    "$build/saywho-search" --help
} | long_options >"$tmp/help"
printf '%s\n' "${others[@]}" "${generic[@]}" | sort -u >"$tmp/allowed"
sort -u "$tmp/help" "$tmp/allowed" >"$tmp/known"

# (a) Named in a document, unknown to the binaries.
for doc in "$readme" "$guide"; do
    while read -r option; do
        failed=1
        echo "$(basename "$doc"): $option is not an option of saywho-index or saywho-search (--help)" >&2
    done < <(long_options <"$doc" | comm -23 - "$tmp/known")
done

# (b) In --help, missing from the guide.
while read -r option; do
    failed=1
    echo "$(basename "$guide"): $option (in --help) is not described" >&2
done < <(long_options <"$guide" | comm -13 - <(comm -23 "$tmp/help" <(printf '%s\n' "${generic[@]}" | sort -u)))

# (c) The README's examples, each with the first line it shows.
# examples.tsv: line number, command, expected exit status, first output line.
awk '
    /^```console/ { inside = 1; next }
    /^```/        { if (pending) print_example(""); inside = 0; next }
    inside && /^\$ / {
        if (pending) print_example("")
        cmd = substr($0, 3); status = 0
        if (match(cmd, /  # exit [0-9]+$/)) { status = substr(cmd, RSTART + 9) + 0; cmd = substr(cmd, 1, RSTART - 1) }
        pending = 1; at = NR; next
    }
    inside && pending { print_example($0) }
    function print_example(first) { printf "%d\t%s\t%d\t%s\n", at, cmd, status, first; pending = 0 }
' "$readme" >"$tmp/examples.tsv"
count=$(wc -l <"$tmp/examples.tsv")
if ((count == 0)); then
    failed=1
    echo "$(basename "$readme"): no examples found (\`\$ \` lines in \`\`\`console blocks)" >&2
fi

mkdir "$tmp/run"
ln -s "$root/corpus" "$tmp/run/corpus"
"$build/saywho-index" --no-progress --db "$tmp/run/saywho.db" "$root/corpus" >"$tmp/index.out" 2>&1 ||
    { cat "$tmp/index.out" >&2; echo "$0: indexing corpus/ failed" >&2; exit 1; }

while IFS=$'\t' read -r line cmd want_status want_first; do
    [[ "$cmd" == build/saywho-* ]] ||
        { failed=1; echo "README.md:$line: an example must start with build/saywho-: $cmd" >&2; continue; }
    status=0
    (cd "$tmp/run" && env -u SAYWHO_DB bash -c "$build/${cmd#build/}" >"$tmp/out" 2>&1 </dev/null) || status=$?
    first=$(head -n 1 "$tmp/out")
    if ((status != want_status)); then
        failed=1
        echo "README.md:$line: \`$cmd\` exited $status, not $want_status:" >&2
        head -n 5 "$tmp/out" | sed 's/^/    /' >&2
        continue
    fi
    want=$want_first
    for ellipsis in '...' '…'; do
        if [[ "$want" == *"$ellipsis" ]]; then
            want=${want%"$ellipsis"}
            first=${first:0:${#want}}
        fi
    done
    if [[ -n "$want" && "$first" != "$want" ]]; then
        failed=1
        # shellcheck disable=SC2016  # the backquotes are Markdown's, printed as they are
        printf 'README.md:%s: `%s` printed first\n    %s\nnot\n    %s\n' "$line" "$cmd" "$first" "$want" >&2
    fi
done <"$tmp/examples.tsv"

if ((failed == 0)); then echo "check-docs: $(wc -l <"$tmp/help") options, $count README examples: all as documented"; fi
exit "$failed"

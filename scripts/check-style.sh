#!/usr/bin/env bash
# Checks what the style guide asks of the C++ sources and tools can tell:
#   - formatting: every file as clang-format makes it (.clang-format);
#   - size: no source file over 600 lines, no function over 100 lines
#     (clang-tidy's readability-function-size); tests are exempt from both.
# Usage: scripts/check-style.sh [BUILD_DIR]   (default build/, which must hold
# compile_commands.json: scripts/setup.sh makes it). Non-zero on any finding.
# To fix formatting: clang-format -i FILE...
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"
max_file_lines=600
max_function_lines=100

for tool in clang-format clang-tidy; do
    command -v "$tool" >/dev/null || { echo "check-style: $tool is missing (Debian: apt-get install $tool)" >&2; exit 2; }
done
[[ -f "$build_dir/compile_commands.json" ]] ||
    { echo "check-style: $build_dir/compile_commands.json is missing: build first (scripts/setup.sh)" >&2; exit 2; }

mapfile -t sources < <(git ls-files '*.cc' '*.h' | grep -v '^tests/fuzz/corpus/')
mapfile -t product < <(printf '%s\n' "${sources[@]}" | grep -v '^tests/')
failed=0

unformatted=()
for f in "${sources[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if ((${#unformatted[@]})); then
    failed=1
    echo "check-style: not formatted as .clang-format says (fix: clang-format -i FILE):" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
fi

for f in "${product[@]}"; do
    lines=$(wc -l <"$f")
    if ((lines > max_file_lines)); then
        failed=1
        echo "$f:$lines: error: the file has $lines lines; split it by job (at most $max_file_lines)" >&2
    fi
done

# Only translation units clang-tidy can compile on its own: .cc files in
# the compilation database.
mapfile -t units < <(printf '%s\n' "${product[@]}" | grep '\.cc$' |
                     while read -r f; do grep -q "\"file\": \"$PWD/$f\"" "$build_dir/compile_commands.json" && echo "$f"; done)
config="{Checks: '-*,readability-function-size', CheckOptions: [{key: readability-function-size.LineThreshold, value: $max_function_lines}]}"
tidy_output=$(printf '%s\n' "${units[@]}" |
              xargs -P "$(nproc)" -n 4 clang-tidy --quiet -p "$build_dir" --config="$config" 2>&1 || true)
# A file clang-tidy cannot parse would go unchecked: that is a failure too.
parse_errors=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: error: ' <<<"$tidy_output" | sort -u || true)
if [[ -n "$parse_errors" ]]; then
    failed=1
    echo "check-style: clang-tidy could not parse (so the function sizes there are unchecked):" >&2
    echo "$parse_errors" | sed "s|^$PWD/|  |" >&2
fi
findings=$(grep -E 'warning: function .* exceeds' <<<"$tidy_output" | sort -u || true)
if [[ -n "$findings" ]]; then
    failed=1
    echo "check-style: functions over $max_function_lines lines (split them into named steps):" >&2
    echo "$findings" | sed "s|^$PWD/|  |; s| \[readability-function-size\]||" >&2
fi

((failed == 0)) && echo "check-style: ${#sources[@]} files formatted; none over $max_file_lines lines; no function over $max_function_lines lines"
exit "$failed"

#!/usr/bin/env bash
# Checks the man pages against the binaries (issue 20): each page names every
# option and subcommand its program's --help lists, its OPTIONS section names
# no option the program lacks, and mandoc -T lint (and groff -ww, when
# installed) finds nothing to report in it.
# Usage: tests/cli/man_test.sh BIN_DIR MAN_DIR   (MAN_DIR holds the configured *.1)
# Exit 77 (skipped) without mandoc (Debian: apt-get install mandoc).
set -euo pipefail
bin_dir=$1
man_dir=$2
command -v mandoc >/dev/null || { echo "man_test: mandoc is missing (Debian: apt-get install mandoc); skipped"; exit 77; }
failed=0

fail() {
    echo "man_test: $*" >&2
    failed=1
}

# The long and short options and the subcommands --help lists, one a line.
help_entries() {
    local help
    help=$("$1" --help)
    sed -n '/^Options:/,/^$/p' <<<"$help" | grep -oE '^  (-[A-Za-z],)?--[a-z0-9-]+' | tr ',' '\n' | tr -d ' '
    sed -n '/^Subcommands:/,/^$/p' <<<"$help" | grep -oE '^  [a-z][a-z0-9-]*' | tr -d ' ' || true
}

# The page as a reader sees it: plain text, no overstrike, lines unbroken.
rendered() { mandoc -T ascii -O width=1000 "$1" | sed 's/.\x08//g'; }

for program in saywho-index saywho-search; do
    page="$man_dir/$program.1"
    [[ -f "$page" ]] || { fail "$page is missing"; continue; }
    [[ -x "$bin_dir/$program" ]] || { fail "$bin_dir/$program is missing: build it first"; continue; }
    text=$(rendered "$page")
    entries=$(help_entries "$bin_dir/$program")
    [[ -n "$entries" ]] || fail "$program --help lists no options: has its layout changed?"
    while read -r entry; do
        # A whole word: --db must not be found only inside --dbx.
        grep -qE -- "(^|[^a-z0-9-])$entry([^a-z0-9-]|$)" <<<"$text" ||
            fail "$page does not mention '$entry', which $program --help lists"
    done <<<"$entries"

    options_section=$(sed -n '/^OPTIONS$/,/^EXIT STATUS$/p' <<<"$text")
    [[ -n "$options_section" ]] || fail "$page has no OPTIONS section"
    while read -r option; do
        [[ -z "$option" ]] && continue
        grep -qxF -- "$option" <<<"$entries" || fail "$page documents '$option', which $program --help does not list"
    done < <(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$options_section" | sort -u)

    for section in NAME SYNOPSIS DESCRIPTION OPTIONS 'EXIT STATUS' ENVIRONMENT FILES EXAMPLES; do
        grep -qx "$section" <<<"$text" || fail "$page has no $section section"
    done

    lint=$(mandoc -T lint -W all "$page" 2>&1) || true
    [[ -z "$lint" ]] || fail "mandoc -T lint -W all $page reports:"$'\n'"$lint"
    if command -v groff >/dev/null; then
        warnings=$(groff -ww -z -man "$page" 2>&1) || true
        [[ -z "$warnings" ]] || fail "groff -ww -z -man $page reports:"$'\n'"$warnings"
    fi
done

((failed == 0)) && echo "man_test: both pages name every option of --help, and mandoc finds nothing to report"
exit "$failed"

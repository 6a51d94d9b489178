#!/usr/bin/env bash
# Drives the bash completion (completion/saywho.bash) as bash would (issue 20):
# COMP_WORDS and COMP_CWORD set, the completion function called, COMPREPLY
# compared. The options offered must be those --help lists, every value
# offered must be one the program accepts, --db offers directories, and the
# saved-search names come from a small database the real binaries build.
# Usage: tests/cli/completion_test.sh BIN_DIR SOURCE_DIR
set -uo pipefail
bin_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
index=$bin_dir/saywho-index
search=$bin_dir/saywho-search
for program in "$index" "$search"; do
    [[ -x $program ]] || { echo "completion_test: $program is missing: build it first" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# shellcheck source=completion/saywho.bash
source "$source_dir/completion/saywho.bash"

# Calls completion function $1 for the words $2... (the last one being
# completed); prints COMPREPLY sorted, one a line.
complete_words() {
    local function=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$function"
    ((${#COMPREPLY[@]})) && printf '%s\n' "${COMPREPLY[@]}" | sort
}

# expect WHAT EXPECTED ACTUAL: the two lists (lines) must be equal.
expect() {
    if [[ $2 != "$3" ]]; then
        echo "completion_test: $1:" >&2
        diff <(echo "$2") <(echo "$3") | sed 's/^/  /' >&2
        failed=1
    fi
}

# The long options in the Options section of $1 --help, sorted.
help_options() { "$1" --help | sed -n '/^Options:/,/^$/p' | grep -oE -- '--[a-z0-9-]+' | sort -u; }

# The options: exactly what --help lists.
expect "saywho-search -- offers what --help lists" "$(help_options "$search")" \
    "$(complete_words _saywho_search "$search" --)"
expect "saywho-index -- offers what --help lists" "$(help_options "$index")" \
    "$(complete_words _saywho_index "$index" --)"
expect "saywho-search --so" "--sort" "$(complete_words _saywho_search "$search" --so)"
expect "saywho-index -" "$( (help_options "$index"; echo -h; echo -j) | sort)" \
    "$(complete_words _saywho_index "$index" -)"

# A database of two articles, with two saved searches.
"$index" --db "$work/news.db" --no-progress "$source_dir/corpus/2025-03-18-geneva-ceasefire-talks.txt" \
    "$source_dir/corpus/2025-03-03-nairobi-drought-water-rationing.txt" >/dev/null ||
    { echo "completion_test: saywho-index failed" >&2; exit 1; }
if ! "$search" --db "$work/news.db" --save ukraine ceasefire >/dev/null ||
    ! "$search" --db "$work/news.db" --save drought-watch drought >/dev/null; then
    echo "completion_test: saywho-search --save failed" >&2
    exit 1
fi
saved=$'drought-watch\nukraine'

# The values of enumerated options: both spellings, --opt VALUE and --opt=VALUE.
expect "--sort" $'newest\noldest\nrelevance' "$(complete_words _saywho_search "$search" --sort '')"
expect "--sort n" "newest" "$(complete_words _saywho_search "$search" --sort n)"
expect "--sort=" $'newest\noldest\nrelevance' "$(complete_words _saywho_search "$search" --sort =)"
expect "--sort=o" "oldest" "$(complete_words _saywho_search "$search" --sort = o)"
expect "--match" $'all\nany' "$(complete_words _saywho_search "$search" --json --match '')"
expect "--format" $'csv\njsonl' "$(complete_words _saywho_search "$search" --format '')"
expect "--interval" $'day\nmonth\nweek\nyear' "$(complete_words _saywho_search "$search" --interval '')"
expect "-n takes a number" "" "$(complete_words _saywho_search "$search" -n '')"

# Every value offered is one saywho-search accepts (exit 0 or 1, not 2),
# and a made-up one is refused, so this check can tell.
for option in --sort --match --format --interval; do
    for value in $(complete_words _saywho_search "$search" "$option" '') made-up; do
        "$search" --db "$work/news.db" "$option" "$value" ceasefire >/dev/null 2>&1
        status=$?
        if [[ $value == made-up && $status -ne 2 ]]; then
            echo "completion_test: saywho-search $option made-up exited $status, not 2" >&2
            failed=1
        elif [[ $value != made-up && $status -eq 2 ]]; then
            echo "completion_test: saywho-search refuses $option $value, which the completion offers" >&2
            failed=1
        fi
    done
done

# Directories for --db (and for compact's shards), files for paths.
mkdir -p "$work/dirs/archive.db" "$work/dirs/shard.db"
touch "$work/dirs/notes.txt"
cd "$work/dirs" || exit 1
expect "saywho-search --db" $'archive.db\nshard.db' "$(complete_words _saywho_search "$search" --db '')"
expect "saywho-search --db=a" "archive.db" "$(complete_words _saywho_search "$search" --db = a)"
expect "saywho-index --db" $'archive.db\nshard.db' "$(complete_words _saywho_index "$index" --db '')"
expect "saywho-index compact" $'archive.db\nshard.db' \
    "$(complete_words _saywho_index "$index" --db all.db compact '')"
expect "saywho-index PATH" $'archive.db\ncompact\nextract\nnotes.txt\nshard.db' \
    "$(complete_words _saywho_index "$index" '')"
expect "saywho-index extract PATH" $'archive.db\nnotes.txt\nshard.db' \
    "$(complete_words _saywho_index "$index" extract '')"
cd "$work" || exit 1

# Saved-search names, from the database the command line names.
db=$work/news.db
expect "--unsave" "$saved" "$(complete_words _saywho_search "$search" --db "$db" --unsave '')"
expect "--unsave u" "ukraine" "$(complete_words _saywho_search "$search" --db "$db" --unsave u)"
expect "--db=DB --save" "$saved" "$(complete_words _saywho_search "$search" --db = "$db" --save '')"
expect "saved:u, one word" "saved:ukraine" "$(complete_words _saywho_search "$search" --db "$db" saved:u)"
expect "saved: as bash splits it" $':drought-watch\n:ukraine' \
    "$(complete_words _saywho_search "$search" --db "$db" by Kettunen saved :)"
expect "saved:d as bash splits it" "drought-watch" "$(complete_words _saywho_search "$search" --db "$db" saved : d)"
# shellcheck disable=SC2088  # a ~ as typed, which the completion must expand
expect "--db ~/..." "$saved" "$(HOME=$work complete_words _saywho_search "$search" --db '~/news.db' --unsave '')"
expect "\$SAYWHO_DB" "$saved" "$(SAYWHO_DB=$db complete_words _saywho_search "$search" --unsave '')"
expect "./saywho.db" "$saved" "$(cp -r "$db" saywho.db && complete_words _saywho_search "$search" --unsave '')"
expect "a plain query word" "" "$(complete_words _saywho_search "$search" --db "$db" ceasef)"

# Query fields: those --help lists, and saved:.
help_fields=$("$search" --help | sed -n '/^Fields/,/^[A-Z]/p' | grep -oE '^  [a-z]+:' | tr -d ' ')
[[ -n $help_fields ]] || { echo "completion_test: no fields found in saywho-search --help" >&2; failed=1; }
expect "query fields" "$( (echo "$help_fields"; echo saved:) | sort)" \
    "$(complete_words _saywho_search "$search" --db "$db" '')"
expect "spea" "speaker:" "$(complete_words _saywho_search "$search" --db "$db" spea)"
expect "type: as bash splits it" $':article\n:statement' "$(complete_words _saywho_search "$search" type :)"
expect "kind:p as bash splits it" "person" "$(complete_words _saywho_search "$search" kind : p)"
expect "quote:m, one word" "quote:mixed" "$(complete_words _saywho_search "$search" quote:m)"
expect "speaker: has no fixed values" "" "$(complete_words _saywho_search "$search" speaker :)"
# Every field value offered is one saywho-search accepts, and a made-up one is refused.
for field in type kind quote; do
    # The one-word form: each reply is field:value whole.
    for word in $(complete_words _saywho_search "$search" "$field:") "$field:made-up"; do
        "$search" --db "$db" --limit 0 "$word" >/dev/null 2>&1
        status=$?
        if [[ $word == *:made-up && $status -ne 2 ]]; then
            echo "completion_test: saywho-search $word exited $status, not 2" >&2
            failed=1
        elif [[ $word != *:made-up && $status -eq 2 ]]; then
            echo "completion_test: saywho-search refuses $word, which the completion offers" >&2
            failed=1
        fi
    done
done

# No database there: nothing offered, and nothing printed over the command line.
errors=$(complete_words _saywho_search "$search" --db "$work/none.db" --unsave '' 2>&1 >/dev/null)
expect "no database: nothing on stderr" "" "$errors"
expect "no database: no names" "" "$(complete_words _saywho_search "$search" --db "$work/none.db" --unsave '')"

((failed == 0)) && echo "completion_test: options, values, directories and saved names as expected"
exit "$failed"

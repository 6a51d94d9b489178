# Bash completion for saywho-index and saywho-search.         -*- shell-script -*-
# Written by hand. The option lists below must match what each program's
# --help lists, and the values what the programs accept:
# tests/cli/completion_test.sh fails when they drift apart.
# It needs nothing from the bash-completion package, so sourcing it works on
# its own; installed, bash-completion loads it on demand as either command.

# Sets _saywho_cur (the word being completed) and _saywho_opt (the option
# whose value it is, or ""), seeing through "--opt=value", which bash's
# COMP_WORDBREAKS splits into "--opt" "=" "value".
_saywho_words() {
    local cword=$COMP_CWORD
    _saywho_cur=${COMP_WORDS[cword]}
    _saywho_opt=""
    if [[ $_saywho_cur == "=" ]]; then
        _saywho_cur=""
        _saywho_opt=${COMP_WORDS[cword - 1]}
    elif ((cword >= 2)) && [[ ${COMP_WORDS[cword - 1]} == "=" ]]; then
        _saywho_opt=${COMP_WORDS[cword - 2]}
    elif ((cword >= 1)); then
        _saywho_opt=${COMP_WORDS[cword - 1]}
    fi
    [[ $_saywho_opt == -* ]] || _saywho_opt=""
}

# COMPREPLY: the words of $1 (space separated) that start with $2.
_saywho_offer() {
    local IFS=$' \t\n'
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# COMPREPLY: the directories that start with $1 (databases are directories).
_saywho_offer_dirs() {
    compopt -o filenames 2>/dev/null || true  # outside a completion (a test) there is nothing to set
    mapfile -t COMPREPLY < <(compgen -d -- "$1")
}

# COMPREPLY: the files and directories that start with $1.
_saywho_offer_files() {
    compopt -o filenames 2>/dev/null || true  # outside a completion (a test) there is nothing to set
    mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

# The names of the saved searches in the databases the command line names
# (--db, else $SAYWHO_DB, else ./saywho.db, as saywho-search picks), one a
# line, from `saywho-search --saved`, whose lines are NAME<tab>QUERY.
# Nothing when there is no database or the program fails.
_saywho_saved_names() {
    local program=${COMP_WORDS[0]} i word
    local -a dbs=()
    for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == --db && ${COMP_WORDS[i + 1]} == "=" ]]; then
            dbs+=("${COMP_WORDS[i + 2]}")
        elif [[ $word == --db && $i -ne $COMP_CWORD ]]; then
            dbs+=("${COMP_WORDS[i + 1]}")
        elif [[ $word == --db=?* ]]; then
            dbs+=("${word#--db=}")
        fi
    done
    ((${#dbs[@]})) || dbs=("${SAYWHO_DB:-./saywho.db}")
    local -a args=()
    for word in "${dbs[@]}"; do
        # What the shell would make of the word: a leading ~ is the home directory.
        # shellcheck disable=SC2088  # the literal ~ typed, not an expansion
        [[ $word == "~/"* ]] && word=$HOME/${word#"~/"}
        # Only databases here: a remote one would make each Tab wait on the network.
        [[ -e $word ]] || return 0
        args+=(--db "$word")
    done
    command -v -- "$program" >/dev/null 2>&1 || program=saywho-search
    if command -v timeout >/dev/null 2>&1; then
        timeout 5 "$program" "${args[@]}" --saved 2>/dev/null </dev/null | cut -f1
    else
        "$program" "${args[@]}" --saved 2>/dev/null </dev/null | cut -f1
    fi
}

# COMPREPLY: the saved names that start with $2, each after the prefix $1.
_saywho_offer_saved() {
    local name
    COMPREPLY=()
    while IFS= read -r name; do
        [[ $name == "$2"* ]] && COMPREPLY+=("$1$name")
    done < <(_saywho_saved_names)
}

_saywho_index() {
    local _saywho_cur _saywho_opt
    _saywho_words
    local cur=$_saywho_cur
    local options="--help --version --db --max-size --prune --no-statements --extract-limit --max-statements
        --batch-size --writers --piece-size --jobs --flush-threshold --no-progress --shard"
    case $_saywho_opt in
        --db) _saywho_offer_dirs "$cur"; return ;;
        --max-size | --extract-limit | --max-statements | --batch-size | --writers | --piece-size | -j | --jobs | \
            --flush-threshold | --shard) COMPREPLY=(); return ;;
    esac
    # The subcommand, if one was given before the word being completed.
    local i command=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in extract | compact) command=${COMP_WORDS[i]}; break ;; esac
    done
    if [[ $cur == -* ]]; then
        [[ -n $command ]] && options="--help"
        _saywho_offer "$options -h -j" "$cur"
    elif [[ $command == compact ]]; then
        _saywho_offer_dirs "$cur"  # the shards are databases
    else
        _saywho_offer_files "$cur"
        if [[ -z $command ]]; then
            local -a files=("${COMPREPLY[@]}")
            _saywho_offer "extract compact" "$cur"
            COMPREPLY+=("${files[@]}")
        fi
    fi
}

_saywho_search() {
    local _saywho_cur _saywho_opt
    _saywho_words
    local cur=$_saywho_cur
    local options="--help --version --db --limit --offset --sort --match --json --format --speaker --explain
        --literal --facets --timeline --interval --facet-values --per-article --all-copies --cluster --now --serve
        --http --cors --save --unsave --saved --alerts --dry-run --webhook --webhook-attempts --webhook-delay
        --threads"
    case $_saywho_opt in
        --db) _saywho_offer_dirs "$cur"; return ;;
        --sort) _saywho_offer "relevance newest oldest" "$cur"; return ;;
        --match) _saywho_offer "all any" "$cur"; return ;;
        --format) _saywho_offer "csv jsonl" "$cur"; return ;;
        --interval) _saywho_offer "day week month year" "$cur"; return ;;
        --save | --unsave) _saywho_offer_saved "" "$cur"; return ;;
        -n | --limit | --offset | --speaker | --facet-values | --per-article | --cluster | --now | --http | \
            --cors | --webhook | --webhook-attempts | --webhook-delay | --threads) COMPREPLY=(); return ;;
    esac
    if [[ $cur == -* ]]; then
        _saywho_offer "$options -h -n" "$cur"
    else
        _saywho_query_word "$cur"
    fi
}

# A query word: a field name, or the value of a field with a known set of
# values. Sets COMPREPLY.
_saywho_query_word() {
    local cur=$1 cword=$COMP_CWORD field value prefix
    # The query fields (saywho-search --help, "Fields", and saved:).
    local fields="title id type source date speaker role kind location country quote cluster saved"
    # field:value is one word when COMP_WORDBREAKS lacks ':'; with it (bash's
    # default) it is three, "field" ":" "value", and the reply replaces only
    # the last, so it must not repeat what comes before.
    if [[ $cur == ":" ]] && ((cword >= 2)); then
        field=${COMP_WORDS[cword - 1]} value="" prefix=":"
    elif [[ $cur == *:* ]]; then
        field=${cur%%:*} value=${cur#*:} prefix=$field:
    elif ((cword >= 2)) && [[ ${COMP_WORDS[cword - 1]} == ":" ]]; then
        field=${COMP_WORDS[cword - 2]} value=$cur prefix=""
    else
        compopt -o nospace 2>/dev/null || true  # the value follows the colon
        _saywho_offer "${fields// /: }:" "$cur"
        return
    fi
    case $field in
        saved) _saywho_offer_saved "$prefix" "$value" ;;
        type) _saywho_offer_values "$prefix" "article statement" "$value" ;;
        kind) _saywho_offer_values "$prefix" "person organization anonymous unresolved" "$value" ;;
        quote) _saywho_offer_values "$prefix" "direct mixed none" "$value" ;;
        *) COMPREPLY=() ;;
    esac
}

# COMPREPLY: the words of $2 that start with $3, each after the prefix $1.
_saywho_offer_values() {
    local word
    COMPREPLY=()
    for word in $2; do
        [[ $word == "$3"* ]] && COMPREPLY+=("$1$word")
    done
}

complete -F _saywho_index saywho-index
complete -F _saywho_search saywho-search

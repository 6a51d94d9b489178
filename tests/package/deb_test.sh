#!/bin/bash
# Builds the Debian package from a Release build, checks it with lintian, then
# (as root) installs it, runs what it installed and purges it, checking that
# nothing it installed is left behind.
# Usage: tests/package/deb_test.sh BUILD_DIR BUILD_TYPE SANITIZE VERSION
#        (ctest passes these; see tests/CMakeLists.txt). Exit 77 = skipped.
# It removes any saywho package already installed on the machine.
set -euo pipefail

if [[ $# -ne 4 ]]; then
    echo "usage: $0 BUILD_DIR BUILD_TYPE SANITIZE VERSION" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
build_type=$2
sanitize=$3
version=$4
skip() {
    echo "SKIPPED: $*"
    exit 77
}
say() { echo "== $*"; }

# Only a Release build without sanitizers makes a package worth installing;
# the sanitizer build runs the suite too, and must not install another one.
[[ "$build_type" == Release ]] || skip "packages are built from a Release build (this one is $build_type)"
[[ "$sanitize" =~ ^(OFF|0|FALSE|NO|)$ ]] || skip "packages are not built from a sanitizer build"
command -v dpkg >/dev/null || skip "no dpkg: not a Debian system"
for tool in dpkg-deb dpkg-shlibdeps lintian cpack file; do
    command -v "$tool" >/dev/null || {
        echo "$0: $tool is missing; scripts/setup.sh --test installs it (Debian: dpkg-dev, lintian, cmake, file)" >&2
        exit 2
    }
done

tmp=$(mktemp -d)
installed_by_us=0
# However the test ends, the package it installed is purged and its files go.
cleanup() {
    if ((installed_by_us)); then dpkg -P saywho >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

say "cpack -G DEB (into $tmp)"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp" >"$tmp/cpack.log" 2>&1 || {
    cat "$tmp/cpack.log"
    exit 1
}
arch=$(dpkg --print-architecture)
deb="$tmp/saywho_${version}_${arch}.deb"
[[ -f "$deb" ]] || {
    echo "FAIL: no $deb; cpack made: $(ls "$tmp")" >&2
    exit 1
}
dpkg-deb -I "$deb"
dpkg-deb -c "$deb"

# What must be in it, and how.
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/saywho-index ./usr/bin/saywho-search ./lib/systemd/system/saywho-http.service \
    ./etc/default/saywho-http ./usr/share/doc/saywho/copyright ./usr/share/doc/saywho/changelog.gz \
    ./usr/share/doc/saywho/README.md ./usr/share/doc/saywho/docs/install.md ./usr/lib/saywho/saywho-http.so; do
    grep -q " $path\$" <<<"$contents" || {
        echo "FAIL: $path is not in the package" >&2
        exit 1
    }
done
dpkg-deb -x "$deb" "$tmp/root"
for binary in bin/saywho-index bin/saywho-search lib/saywho/saywho-http.so; do
    what=$(file "$tmp/root/usr/$binary")
    grep -q ', stripped' <<<"$what" || {
        echo "FAIL: $binary is not stripped: $what" >&2
        exit 1
    }
done
depends=$(dpkg-deb -f "$deb" Depends)
[[ "$depends" == *libxapian* && "$depends" == *libicu* ]] || {
    echo "FAIL: Depends ($depends) lacks the libraries dpkg-shlibdeps should find" >&2
    exit 1
}
dpkg-deb -e "$deb" "$tmp/control"
grep -qx /etc/default/saywho-http "$tmp/control/conffiles" || {
    echo "FAIL: /etc/default/saywho-http is not a conffile" >&2
    exit 1
}

# Errors fail the test; warnings are listed (docs/install.md says which
# are expected and why). Not the informational tags: most are words of the
# lexicon in the binaries that lintian takes for misspellings.
say "lintian"
lintian --fail-on error "$deb" || {
    echo "FAIL: lintian reports errors" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || skip "the package was built and lintian passed; installing it needs root"

# Another worktree's test may install saywho at the same time: one at a time.
lock_dir=/run/lock
[[ -d "$lock_dir" ]] || lock_dir=/tmp
exec 9>"$lock_dir/saywho-package-test.lock"
flock -w 900 9 || {
    echo "FAIL: waited 15 minutes for another package test" >&2
    exit 1
}

# dpkg, waiting while apt or another dpkg holds its lock (dpkg itself gives
# up at once), for at most 10 minutes.
run_dpkg() {
    local tries=0
    until dpkg "$@" 2>"$tmp/dpkg.err"; do
        if grep -q 'locked by another process' "$tmp/dpkg.err" && ((++tries < 120)); then
            sleep 5
            continue
        fi
        cat "$tmp/dpkg.err" >&2
        return 1
    done
    cat "$tmp/dpkg.err" >&2
}

# What dpkg knows of saywho: not-installed (or nothing) when it knows none.
package_state() { dpkg-query -W -f='${db:Status-Status}' saywho 2>/dev/null || true; }
if [[ "$(package_state)" != not-installed && -n "$(package_state)" ]]; then
    say "purging the saywho package already installed"
    run_dpkg -P saywho
fi

# The directories the package brings that were not there before: the purge
# must remove those too.
mapfile -t package_paths < <(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|^\./|/|; s|/$||' | grep -v '^$')
new_dirs=()
for path in "${package_paths[@]}"; do
    [[ -d "$tmp/root$path" && ! -e "$path" ]] && new_dirs+=("$path")
done

say "dpkg -i"
installed_by_us=1
run_dpkg -i "$deb"

wants=/etc/systemd/system/multi-user.target.wants/saywho-http.service
[[ ! -e "$wants" && ! -L "$wants" ]] || {
    echo "FAIL: installing the package enabled saywho-http.service (it needs a database first)" >&2
    exit 1
}

say "the installed binaries"
# (Outputs are read whole before grep -q looks at them: under pipefail, a
# writer that grep -q leaves early would die of SIGPIPE and fail the check.)
/usr/bin/saywho-search --version >"$tmp/version"
cat "$tmp/version"
grep -qF "$version" "$tmp/version" || {
    echo "FAIL: saywho-search --version does not say $version" >&2
    exit 1
}
# A search over corpus/ by the installed binaries, as a user would run them.
corpus=$(cd "$(dirname "$0")/../../corpus" && pwd)
/usr/bin/saywho-index --db "$tmp/test.db" "$corpus" >/dev/null
/usr/bin/saywho-search --db "$tmp/test.db" --limit 1 Helsinki | tee "$tmp/search"
[[ -s "$tmp/search" ]] || {
    echo "FAIL: the installed saywho-search found nothing in corpus/" >&2
    exit 1
}

# The HTTP module, loaded from where the package put it.
port=$((20000 + RANDOM % 30000))
/usr/bin/saywho-search --db "$tmp/test.db" --http "127.0.0.1:$port" 2>"$tmp/http.log" &
server=$!
health=""
for _ in $(seq 100); do
    if exec 3<>"/dev/tcp/127.0.0.1/$port"; then
        printf 'GET /healthz HTTP/1.0\r\n\r\n' >&3
        read -r health <&3 || true
        exec 3>&-
        break
    fi 2>/dev/null
    sleep 0.1
done
kill "$server"
wait "$server" || true
[[ $health == "HTTP/1.1 200"* ]] || {
    echo "FAIL: the installed saywho-search --http did not answer /healthz ($health):" >&2
    cat "$tmp/http.log" >&2
    exit 1
}

say "man -w saywho-index saywho-search"
for page in saywho-index saywho-search; do
    where=$(man -w "$page") || {
        echo "FAIL: man finds no page for $page" >&2
        exit 1
    }
    echo "$where"
    [[ $where == /usr/share/man/man1/$page.1.gz ]] || {
        echo "FAIL: $page(1) is at $where, not /usr/share/man/man1/$page.1.gz" >&2
        exit 1
    }
done

if command -v systemd-analyze >/dev/null; then
    say "systemd-analyze verify"
    # Warnings about the machine (no running systemd in a container) are not
    # the unit's; anything about saywho-http.service is.
    systemd-analyze verify /lib/systemd/system/saywho-http.service 2>&1 | tee "$tmp/verify" || true
    if grep -q 'saywho-http' "$tmp/verify"; then
        echo "FAIL: systemd-analyze verify reports problems in saywho-http.service" >&2
        exit 1
    fi
else
    echo "no systemd-analyze (Debian: systemd): the unit is not verified"
fi

# Enabled by hand, as docs/install.md says, the service must stay enabled
# through an upgrade (here: the same package again) and its link must go
# with a purge.
if command -v systemctl >/dev/null; then
    say "systemctl enable, then dpkg -i again"
    systemctl enable saywho-http.service
    run_dpkg -i "$deb"
    [[ -L "$wants" ]] || {
        echo "FAIL: reinstalling the package disabled saywho-http.service" >&2
        exit 1
    }
fi

mapfile -t listed < <(dpkg -L saywho)

say "dpkg -r"
run_dpkg -r saywho
left=()
for path in "${listed[@]}"; do
    [[ -d "$path" || "$path" == /etc/default/saywho-http ]] && continue
    [[ -e "$path" || -L "$path" ]] && left+=("$path")
done
[[ -f /etc/default/saywho-http ]] || {
    echo "FAIL: dpkg -r removed the conffile /etc/default/saywho-http (only a purge should)" >&2
    exit 1
}

say "dpkg -P"
run_dpkg -P saywho
installed_by_us=0
for path in "${listed[@]}" "${new_dirs[@]}" /etc/systemd/system/saywho-http.service "$wants"; do
    [[ -d "$path" ]] && ! [[ " ${new_dirs[*]} " == *" $path "* ]] && continue
    [[ -e "$path" || -L "$path" ]] && left+=("$path")
done
if ((${#left[@]})); then
    echo "FAIL: left behind after dpkg -r / dpkg -P:" >&2
    printf '  %s\n' "${left[@]}" >&2
    exit 1
fi
if [[ "$(package_state)" != not-installed && -n "$(package_state)" ]]; then
    echo "FAIL: dpkg still knows saywho after dpkg -P" >&2
    exit 1
fi
echo "PASS: built, lintian-clean, installed, ran, purged without leftovers"

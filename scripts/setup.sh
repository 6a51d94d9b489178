#!/usr/bin/env bash
# Installs what saywho needs from Debian (when missing) and builds it into build/.
# Usage: scripts/setup.sh [--test]   (--test adds what the test suite needs)
# Idempotent: with everything installed and built it only checks and rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config libxapian-dev libicu-dev libcli11-dev rapidjson-dev libcpp-httplib-dev)
cmake_flags=(-DCMAKE_BUILD_TYPE=Release)
if [[ "${1:-}" == "--test" ]]; then
    # mandoc: the man pages' lint (tests/cli/man_test.sh).
    packages+=(libgtest-dev xapian-tools chromium clang-format clang-tidy mandoc)
    # The package test (tests/package/deb_test.sh): cpack's dpkg-shlibdeps
    # and file, lintian, man -w and systemd-analyze verify.
    packages+=(dpkg-dev file lintian man-db systemd)
    # Node and npm for the browser test: Debian's, unless a node with npm is there already.
    command -v npm >/dev/null || packages+=(nodejs npm)
    cmake_flags+=(-DSAYWHO_BUILD_TESTS=ON -DSAYWHO_WERROR=ON)
else
    cmake_flags+=(-DSAYWHO_BUILD_TESTS=OFF)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        echo "setup: installing ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: missing Debian packages: ${missing[*]}" >&2
        echo "setup: install them with: sudo apt-get update && sudo apt-get install ${missing[*]}" >&2
        exit 2
    fi
fi

# The browser test drives Debian's chromium with playwright-core from npm
# (pinned in tests/browser/package-lock.json; no browser download).
if [[ "${1:-}" == "--test" && ! -d tests/browser/node_modules/playwright-core ]]; then
    command -v npm >/dev/null || { echo "setup: npm is missing (Debian: apt-get install npm)" >&2; exit 2; }
    echo "setup: installing playwright-core into tests/browser/node_modules" >&2
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

cmake -S . -B build "${cmake_flags[@]}" >/dev/null
cmake --build build -j"$(nproc)"

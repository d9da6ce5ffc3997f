#!/usr/bin/env bash
# Installs what Descent needs and is missing; idempotent and quick when everything is there.
#   apt (Debian 12, as root): emscripten, libeigen3-dev, cmake, g++, googletest, libgtest-dev, chromium,
#        clang and libclang-rt-14-dev (libFuzzer and the sanitizers' runtimes, for build/fuzz)
#   npm: `npm ci` when node_modules is missing or older than package-lock.json
# Prints one line per action. SKIP_APT=1 skips the apt part (e.g. on a machine managed otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(emscripten libeigen3-dev cmake g++ googletest libgtest-dev chromium clang libclang-rt-14-dev)

if [[ "${SKIP_APT:-0}" != 1 ]]; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    # dpkg -s succeeds for removed-but-configured packages too; require "install ok installed".
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]})); then
    SUDO=()
    if [[ "$(id -u)" != 0 ]]; then
      command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
      SUDO=(sudo)
    fi
    log="$(mktemp)"
    run_apt() { # quiet unless it fails
      if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@" >"$log" 2>&1; then
        tail -n 30 "$log" >&2; rm -f "$log"; echo "setup: apt-get $1 failed" >&2; exit 1
      fi
    }
    echo "setup: apt-get update (missing: ${missing[*]})"
    run_apt update -qq
    echo "setup: apt-get install ${missing[*]}"
    run_apt install -y -qq "${missing[@]}"
    rm -f "$log"
  else
    echo "setup: apt packages present (${APT_PACKAGES[*]})"
  fi
fi

command -v node >/dev/null || { echo "setup: Node.js 20+ is required (not found)" >&2; exit 1; }
if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
else
  echo "setup: node_modules up to date"
fi

#!/usr/bin/env bash
# Builds Descent, incrementally (a re-run with nothing changed takes seconds):
#   native:  cmake -S . -B build/native (Release) && cmake --build build/native   (library + GoogleTest tests)
#   asan:    the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, -O1:
#            cmake -S . -B build/asan -DDESCENT_SANITIZE=ON && cmake --build build/asan --target descent_tests
#   fuzz:    the libFuzzer targets of tests/fuzz (clang++, ASan + UBSan):
#            cmake -S . -B build/fuzz -DDESCENT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -> build/fuzz/fuzz_*
#   wasm:    emcmake cmake -S . -B build/emscripten (Release) && cmake --build build/emscripten
#            -> build/wasm/descent.mjs and build/wasm/descent.d.mts
#   web:     vite build: web/ -> dist/, then vite build --config vite.single.config.js -> dist/descent.html
#            (the whole page in one file that works from disk), then vite build --config
#            vite.elements.config.js -> dist/descent-elements.js (the custom elements, one script)
# Options: --native-only (native, asan and fuzz), --wasm-only, --web-only, --no-native (nor asan, fuzz), --no-asan, --no-fuzz,
#          --no-wasm, --no-web, -jN (default: all cores)
# DESCENT_WASM=<path to a descent.mjs> makes the page use that module instead of build/wasm/descent.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."

native=1 asan=1 fuzz=1 wasm=1 web=1
jobs="$(nproc 2>/dev/null || echo 2)"
for arg in "$@"; do
  case "$arg" in
    --native-only) native=1 asan=1 fuzz=1 wasm=0 web=0 ;;
    --wasm-only) native=0 asan=0 fuzz=0 wasm=1 web=0 ;;
    --web-only) native=0 asan=0 fuzz=0 wasm=0 web=1 ;;
    --no-native) native=0 asan=0 fuzz=0 ;;  # all three are native builds
    --no-asan) asan=0 ;;
    --no-fuzz) fuzz=0 ;;
    --no-wasm) wasm=0 ;;
    --no-web) web=0 ;;
    -j*) jobs="${arg#-j}" ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

step() { echo "build: $*"; }
# Configured = a cache and a generated build system (a failed generate step leaves only the cache).
configured() { [[ -f "$1/CMakeCache.txt" && ( -f "$1/Makefile" || -f "$1/build.ninja" ) ]]; }
elapsed() { echo "build: $1 done in $((SECONDS - $2)) s"; }

if ((native)); then
  t=$SECONDS
  if ! configured build/native; then
    step "configure native (build/native)"
    cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release
  fi
  step "compile native"
  cmake --build build/native -j"$jobs"
  elapsed native "$t"
fi

if ((asan)); then
  t=$SECONDS
  if ! configured build/asan; then
    step "configure asan (build/asan)"
    # -O1 -g1: reports with file:line at a tolerable speed (line tables only: full -g on Eigen's
    # templates costs much compile time); assertions (Eigen's bounds checks) stay on.
    cmake -S . -B build/asan -DDESCENT_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1"
  fi
  step "compile asan tests"
  cmake --build build/asan --target descent_tests -j"$jobs"
  elapsed asan "$t"
fi

if ((fuzz)); then
  t=$SECONDS
  command -v clang++ >/dev/null || { echo "build: clang++ is missing (build-scripts/setup.sh installs clang)" >&2; exit 1; }
  if ! configured build/fuzz; then
    step "configure fuzz (build/fuzz)"
    cmake -S . -B build/fuzz -DDESCENT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1"
  fi
  step "compile fuzz targets"
  cmake --build build/fuzz -j"$jobs"
  elapsed fuzz "$t"
fi

if ((wasm)); then
  t=$SECONDS
  # Debian's emcc runs node tools that need acorn & co. from /usr/share/nodejs.
  export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
  if ! configured build/emscripten; then
    step "configure wasm (build/emscripten)"
    emcmake cmake -S . -B build/emscripten -DCMAKE_BUILD_TYPE=Release
  fi
  step "compile wasm"
  cmake --build build/emscripten -j"$jobs"
  elapsed wasm "$t"
fi

if ((web)); then
  t=$SECONDS
  module="$(realpath -m "${DESCENT_WASM:-build/wasm/descent.mjs}")"
  [[ -f "$module" ]] || { echo "build: $module is missing: build the wasm module first (drop --no-wasm)" >&2; exit 1; }
  # Rebuild dist/ (all three builds: the first empties dist/) when anything it is made of is newer than
  # it, it was made from another module, or a part is missing. The stamp is written last.
  stamp=dist/.built-from
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$module" && -f dist/index.html && -f dist/descent.html && -f dist/descent-elements.js ]] \
     && [[ -z "$(find web vite.config.js vite.single.config.js vite.elements.config.js package-lock.json "$module" -newer "$stamp" -print -quit)" ]]; then
    step "web: dist/ is up to date"
  else
    rm -f "$stamp"
    step "web: vite build -> dist/"
    npx --no-install vite build --config vite.config.js --logLevel warn
    step "web: vite build --config vite.single.config.js -> dist/descent.html"
    npx --no-install vite build --config vite.single.config.js --logLevel warn
    step "web: vite build --config vite.elements.config.js -> dist/descent-elements.js"
    npx --no-install vite build --config vite.elements.config.js --logLevel warn
    echo "$module" > "$stamp"
    elapsed web "$t"
  fi
fi

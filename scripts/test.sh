#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what it needs, builds the
# Python package and the C++ library, then runs ctest (doctest unit and corpus tests,
# find_package / add_subdirectory consumers, the C++ example) and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py=${PYTHON:-python3}

# System packages: Boost headers and doctest for the C++ tests, chromium for the HTML test.
missing=()
for pkg in g++ libboost-dev doctest-dev chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "missing Debian packages (install them as root): ${missing[*]}" >&2
    exit 1
  fi
fi

echo "== pip install .[test]"
$py -m pip install -q --upgrade pip >/dev/null
$py -m pip install -q cmake ninja
$py -m pip install -q "$root[test]"

echo "== C++ build and ctest"
cmake -S "$root" -B "$root/build/ctest" -G Ninja -DCMAKE_BUILD_TYPE=Release -DREPORTX_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$root/build/ctest" -j2
ctest --test-dir "$root/build/ctest" --output-on-failure -j2

echo "== pytest"
cd "$root"
$py -m pytest -q tests/python

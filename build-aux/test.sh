#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Plateau and runs the whole test suite under
# a virtual X server.
#
#   build-aux/test.sh              the normal build, in _build-test
#   build-aux/test.sh --sanitize   with AddressSanitizer and UBSan, in _build-asan
#
# Extra arguments after the options go to 'meson test' (for example a suite).

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build-test"
setup_args="-Dwerror=true"
timeout_multiplier=1

if [ "${1:-}" = "--sanitize" ]; then
  shift
  build="$top/_build-asan"
  setup_args="$setup_args -Db_sanitize=address,undefined -Dbuildtype=debug"
  # Sanitized window tests unwind every allocation's stack: several times slower.
  timeout_multiplier=4
fi

"$top/build-aux/deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  # shellcheck disable=SC2086
  meson setup "$build" "$top" $setup_args
fi
meson compile -C "$build"

# -noreset: an X server resets when its last client leaves, and a test that
# connects during the reset cannot open the display.
exec xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" \
  meson test -C "$build" --print-errorlogs --num-processes 2 \
    --timeout-multiplier "$timeout_multiplier" "$@"

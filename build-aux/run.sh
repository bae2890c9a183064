#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Plateau and starts it. Arguments are
# passed on to the application (for example a document to open).

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build"

"$top/build-aux/deps.sh"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dprofile=development
fi
meson compile -C "$build"

exec meson devenv -C "$build" "$build/src/app/plateau" "$@"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Retakes the AppStream and README screenshots from the running application
# under a virtual X server, with the bundled sample open: the S-curve on the
# Charts page in the light and the dark style, and the Data, Strategy and
# concept graph pages, in English; the same in Simplified Chinese, for a
# look, in /tmp.
#
#   sh data/screenshots/take-screenshots.sh [BUILD]
#
# BUILD is a configured build folder (default: _build-test). The pictures
# are rendered by the screenshot test, which starts the application, opens
# the sample as on a first start, shows each page in a 1280 × 800 window
# and saves the window as it is drawn on screen.

set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/_build-test}" && pwd)
out="$top/data/screenshots"
shots="$build/tests/appstream"

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" sh "$0" "$build"
fi

rm -rf "$shots"
meson compile -C "$build"
meson test -C "$build" test-screenshots test-screenshots-zh_CN

cp "$shots/plateau-charts-light-en.png" "$out/plateau-light.png"
cp "$shots/plateau-charts-dark-en.png" "$out/plateau-dark.png"
for page in data strategy graph; do
  cp "$shots/plateau-$page-light-en.png" "$out/plateau-$page.png"
done

for file in "$shots"/*-zh_CN.png; do
  cp "$file" "/tmp/$(basename "$file")"
done
echo "Copied into $out; the Chinese pictures are in /tmp/plateau-*-zh_CN.png"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Plateau's chart engine against matplotlib, in one run: render time (data
# in memory to file written) and file size for a line chart of 100, 10^4
# and 10^6 points with a band, stages and a legend at 1920x1080, in PNG,
# SVG and PDF; then the time to draw 10^6 points on an image surface, as a
# window would. Each figure is the best of $RUNS runs (default 3), since the
# machine may be shared. The outputs stay in $OUT (default
# /tmp/plateau-bench-chart) for looking at side by side.

set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/build-aux/deps.sh" --bench
build="$top/_build-bench"
out="${OUT:-/tmp/plateau-bench-chart}"
mpl="/usr/bin/python3 $top/bench/chart/bench-matplotlib.py"
runs="${RUNS:-3}"

# best COMMAND…: runs COMMAND $runs times; prints the lowest first field
# and the second field (the file size) of that run.
best () {
  i=0
  while [ "$i" -lt "$runs" ]; do
    "$@"
    i=$((i + 1))
  done | sort -n | head -n 1
}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dbuildtype=release >/dev/null
fi
ninja -C "$build" bench/chart/chart-bench >/dev/null
ours="$build/bench/chart/chart-bench"
mkdir -p "$out"

printf '%-9s %-6s %12s %12s %8s %12s %12s\n' points format "ours ms" "mpl ms" speedup \
  "ours bytes" "mpl bytes"
for n in 100 10000 1000000; do
  for format in png svg pdf; do
    set -- $(best $ours "$n" "$format" "$out/ours-$n.$format")
    our_ms=$1 our_bytes=$2
    set -- $(best $mpl "$n" "$format" "$out/mpl-$n.$format")
    mpl_ms=$1 mpl_bytes=$2
    printf '%-9s %-6s %12s %12s %7.1fx %12s %12s\n' "$n" "$format" "$our_ms" "$mpl_ms" \
      "$(echo "$mpl_ms / $our_ms" | bc -l)" "$our_bytes" "$mpl_bytes"
  done
done

echo
printf '%-9s %-22s %12s %12s %8s\n' points "on-screen draw" "ours ms" "mpl ms" speedup
for n in 100 10000 1000000; do
  our_ms=$(best $ours "$n" screen)
  mpl_ms=$(best $mpl "$n" screen)
  printf '%-9s %-22s %12s %12s %7.1fx\n' "$n" "1920x1080 image, best/9" "$our_ms" "$mpl_ms" \
    "$(echo "$mpl_ms / $our_ms" | bc -l)"
done

echo
echo "load average during the run: $(cut -d ' ' -f 1-3 /proc/loadavg) on $(nproc) cores"

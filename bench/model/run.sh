#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Plateau's analysis against the same computation in numpy, scipy and
# statsmodels, at 200, 10^4, 10^5 and 10^6 periods, in one run. Builds the
# model in release mode into _build-bench, then prints a table. Each size
# runs in its own process so that the maximum resident set is its own.
set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
"$top/build-aux/deps.sh" --bench

meson setup _build-bench --buildtype=release >/dev/null 2>&1 || true
ninja -C _build-bench src/model/libplateau-model.a >/dev/null
cc -O2 -I_build-bench -Isrc/model bench/model/bench-analysis.c \
  _build-bench/src/model/libplateau-model.a \
  $(pkg-config --cflags --libs gio-2.0 json-glib-1.0 gsl) -lm -o _build-bench/bench-analysis

# The machine may be shared: each size runs ROUNDS times on each side,
# alternating, and each side's lowest median counts, so that a burst of
# other work hurts neither side more than the other.
rounds="${ROUNDS:-3}"

lowest () {
  sort -g -k3,3 | head -n 1
}

printf '| periods | Plateau (s) | Python peer (s) | ratio | Plateau max RSS (MB) | peer max RSS (MB) | stage (ours / peer) |\n'
printf '|---:|---:|---:|---:|---:|---:|---|\n'
for spec in "200 2000 50" "10000 50 10" "100000 7 3" "1000000 3 1"; do
  set -- $spec
  : > "$top/_build-bench/ours.txt"
  : > "$top/_build-bench/peer.txt"
  i=0
  while [ "$i" -lt "$rounds" ]; do
    _build-bench/bench-analysis "$1" "$2" >> "$top/_build-bench/ours.txt"
    /usr/bin/python3 bench/model/peer.py "$1" "$3" >> "$top/_build-bench/peer.txt"
    i=$((i + 1))
  done
  ours=$(lowest < "$top/_build-bench/ours.txt")
  peer=$(lowest < "$top/_build-bench/peer.txt")
  echo "$ours $peer" | awk '{
    printf "| %d | %.6f | %.6f | %.1f× | %.1f | %.1f | %s / %s |\n",
      $1, $3, $8, $8 / $3, $4 / 1024, $9 / 1024, $5, $10 }'
done

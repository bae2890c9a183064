#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Plateau needs to build, run and test;
# with --bench also the peers the benchmarks compare it with. Every
# package is named here and nowhere else. When all of them are present the
# script only asks dpkg and returns within a second or two.

set -eu

PACKAGES="
  gcc
  meson
  ninja-build
  pkg-config
  gettext
  libglib2.0-dev
  libgtk-4-dev
  libadwaita-1-dev
  libgtksourceview-5-dev
  libjson-glib-dev
  libgsl-dev
  libcairo2-dev
  libpango1.0-dev
  zlib1g-dev
  appstream
  desktop-file-utils
  libxml2-utils
  xvfb
  xauth
  fonts-wqy-microhei
  fonts-dejavu-core
  poppler-utils
  librsvg2-bin
  librsvg2-common
  locales
  flatpak-builder
"

# The benchmarks' peers: numpy, scipy and statsmodels for the analysis,
# matplotlib for charts, Graphviz and Node.js (for dagre) for layouts.
BENCH_PACKAGES="
  python3-numpy
  python3-scipy
  python3-statsmodels
  python3-matplotlib
  graphviz
  bc
"

if [ "${1:-}" = "--bench" ]; then
  PACKAGES="$PACKAGES $BENCH_PACKAGES"
  # A Node.js installed by other means brings its own npm.
  if ! command -v npm >/dev/null 2>&1; then
    PACKAGES="$PACKAGES nodejs npm"
  fi
fi

missing=""
for pkg in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "Installing:$missing"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Retakes the AppStream screenshots from the running application under a
# virtual X server: the main window in the light and the dark style, in
# English (and, for a look, in Simplified Chinese, kept in /tmp).
#
#   sh data/screenshots/take-screenshots.sh [BUILD]
#
# BUILD is a build folder of the default profile (default: _build-test).
# Needs xvfb-run and ImageMagick's import.

set -eu

top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/_build-test}" && pwd)
out="$top/data/screenshots"

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x860x24" sh "$0" "$build"
fi

shoot () {
  language=$1
  style=$2
  file=$3
  config=$(mktemp -d)

  mkdir -p "$config/glib-2.0/settings"
  printf "[io/github/plateau/Plateau]\nstyle-variant='%s'\nwindow-width=960\nwindow-height=640\n" \
    "$style" > "$config/glib-2.0/settings/keyfile"

  env GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config" GTK_A11Y=none NO_AT_BRIDGE=1 \
    LANG=C.UTF-8 LANGUAGE="$language" GSETTINGS_SCHEMA_DIR="$build/data" \
    PLATEAU_LOCALEDIR="$build/po" "$build/src/app/plateau" &
  pid=$!
  sleep 3
  # No window manager: the window sits at the top left corner.
  /usr/bin/import -window root -crop 960x640+0+0 +repage "$file"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$config"
}

shoot en light "$out/plateau-light.png"
shoot en dark "$out/plateau-dark.png"
shoot zh_CN light /tmp/plateau-zh_CN-light.png
shoot zh_CN dark /tmp/plateau-zh_CN-dark.png

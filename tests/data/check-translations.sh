#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the translations against the sources: po/POTFILES.in lists every
# source file with translatable strings and only files that exist, and
# every catalogue of po/LINGUAS translates every string the sources have
# now, none of them fuzzy.
#
#   check-translations.sh SOURCE_ROOT

set -eu

cd "$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

grep -v '^#' po/POTFILES.in | grep -v '^$' | sort > "$work/listed"
while read -r file; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done < "$work/listed"

# C files that call a gettext macro, and templates with translatable text.
{
  grep -rlE '(^|[^[:alnum:]_])(_|N_|C_|NC_|g_dngettext|g_dpgettext2)[[:space:]]*\(' src \
    --include='*.c' --include='*.h' || true
  grep -rl 'translatable="yes"' ui data resources || true
} | sort -u > "$work/marked"
comm -23 "$work/marked" "$work/listed" > "$work/missing"
if [ -s "$work/missing" ]; then
  sed 's|$| has translatable strings but is not in po/POTFILES.in|' "$work/missing"
  status=1
fi

# The same keywords as the glib preset of meson's i18n module.
xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --files-from=po/POTFILES.in --output="$work/plateau.pot"

grep -v '^#' po/LINGUAS | while read -r lang; do
  [ -n "$lang" ] || continue
  msgmerge --quiet --output-file="$work/$lang.po" "po/$lang.po" "$work/plateau.pot"
  for catalogue in "po/$lang.po" "$work/$lang.po"; do
    stats=$(msgfmt --check --statistics --output-file=/dev/null "$catalogue" 2>&1)
    case "$stats" in
      *untranslated* | *fuzzy*)
        echo "po/$lang.po is incomplete against the sources: $stats"
        msgattrib --untranslated "$work/$lang.po" | grep '^msgid' | tail -n +2
        msgattrib --only-fuzzy "$work/$lang.po" | grep '^msgid' | tail -n +2
        exit 1
        ;;
    esac
  done
  echo "po/$lang.po: $stats"
done || status=1

exit "$status"

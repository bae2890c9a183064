#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the shared-mime-info package: well-formed XML, accepted by
# update-mime-database, and *.plateau files map to application/x-plateau.

set -eu

package=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

xmllint --noout "$package"

mkdir -p "$work/packages"
cp "$package" "$work/packages/"
update-mime-database "$work"

grep -qx 'application/x-plateau:\*\.plateau' "$work/globs"
test -f "$work/application/x-plateau.xml"

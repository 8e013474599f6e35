#!/bin/sh
# Renders the national matrix (`ehcp authorities compare --format html`) with headless Chromium and
# saves docs/national-matrix.png at the width of an A3 landscape page (420 mm: 1587 px at 96 dpi),
# so a person can check it reads in print. Look at it after changing the matrix or the data.
# Needs chromium (apt-get install -y chromium).
# Usage: scripts/screenshot-matrix.sh [--authorities-dir DIR]   (MATRIX_HEIGHT=px to change the page length)
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product ehcp >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/ehcp authorities compare --format html --output "$work/matrix.html" "$@"
scripts/chromium-screenshot.sh "$work/matrix.html" "$work/matrix.png" 1587 "${MATRIX_HEIGHT:-11000}"
cp "$work/matrix.png" docs/national-matrix.png
echo "docs/national-matrix.png written"

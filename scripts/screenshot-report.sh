#!/bin/sh
# Renders the HTML report of a failing authority example with headless Chromium and saves
# docs/report-example.png, so a person can see what a SENCO sees (look at it after changing
# the HTML reporter).
# Needs chromium (apt-get install -y chromium). Usage: scripts/screenshot-report.sh [BUNDLE]
set -eu
cd "$(dirname "$0")/.."
bundle=${1:-LocalAuthorities/926-norfolk/examples/fails}
swift build -c release --product ehcp >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Exit status 1 is expected: the example fails on purpose.
.build/release/ehcp validate "$bundle" --format html --output "$work/report.html" || [ $? -eq 1 ]
scripts/chromium-screenshot.sh "$work/report.html" "$work/report.png" 1100 2800
cp "$work/report.png" docs/report-example.png
echo "docs/report-example.png written from $bundle"

#!/bin/sh
# Renders the HTML report of a failing authority example with headless Chromium and saves
# docs/report-example.png, so a person can see what a SENCO sees (look at it after changing
# the HTML reporter).
# Needs chromium (apt-get install -y chromium). Usage: scripts/screenshot-report.sh [BUNDLE]
set -eu
cd "$(dirname "$0")/.."
bundle=${1:-LocalAuthorities/926-norfolk/examples/fails}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "chromium is not installed: apt-get install -y chromium" >&2
    exit 2
fi
swift build -c release --product ehcp >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Exit status 1 is expected: the example fails on purpose.
.build/release/ehcp validate "$bundle" --format html --output "$work/report.html" || [ $? -eq 1 ]
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1100,2800 --screenshot="$work/report.png" "file://$work/report.html" >&2 2>/dev/null
cp "$work/report.png" docs/report-example.png
echo "docs/report-example.png written from $bundle"

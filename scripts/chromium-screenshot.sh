#!/bin/sh
# Renders an HTML file with headless Chromium into a PNG of the given window size; shared by the
# screenshot scripts. Needs chromium (apt-get install -y chromium).
# Usage: scripts/chromium-screenshot.sh PAGE.html OUT.png WIDTH HEIGHT
set -eu
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "chromium is not installed: apt-get install -y chromium" >&2
    exit 2
fi
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$2" "file://$(realpath "$1")" >&2 2>/dev/null

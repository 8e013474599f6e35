#!/bin/sh
# Renders the progress part of the HTML report (charts, tables, provision and progress) of a
# failing and a passing example with headless Chromium, into docs/progress-failing.png and
# docs/progress-passing.png: look at them after changing the charts. The examples are fictional,
# so --show-personal-data (which the charts need: they show recorded values) exposes no one.
# Needs chromium (apt-get install -y chromium). Usage: scripts/screenshot-progress.sh
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product ehcp >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
render() {
    # Exit status 1 is expected for the failing example.
    .build/release/ehcp validate "$1" --format html --show-personal-data --output "$work/$2.html" || [ $? -eq 1 ]
    # Show only the progress sections, so the shot is of the charts and tables.
    sed 's|</style>|article > section:not([aria-labelledby$="-progress"]):not([aria-labelledby$="-provision"]) { display: none; }</style>|' \
        "$work/$2.html" > "$work/$2-progress.html"
    scripts/chromium-screenshot.sh "$work/$2-progress.html" "$work/$2.png" 1000 "$3"
    cp "$work/$2.png" "docs/progress-$2.png"
    echo "docs/progress-$2.png written from $1"
}
render LocalAuthorities/926-norfolk/examples/fails failing 1150
render LocalAuthorities/england/examples/progress-rising passing 1000

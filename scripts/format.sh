#!/usr/bin/env bash
# The Swift code's layout, by swift-format (part of the Swift 6 toolchain) and `.swift-format`.
#
#   scripts/format.sh check    list every line out of layout; exit 1 if there is one (CI runs this)
#   scripts/format.sh fix      rewrite the files in place into the layout, then check
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Examples Plugins Fuzz Benchmarks)
case "${1:-check}" in
check)
    swift format lint --strict --parallel --recursive "${paths[@]}"
    ;;
fix)
    swift format format --in-place --parallel --recursive "${paths[@]}"
    swift format lint --strict --parallel --recursive "${paths[@]}"
    ;;
*)
    echo "usage: scripts/format.sh check|fix" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Instructions per bundle of `ehcp validate --jobs 1`, counted by callgrind: repeatable whatever else
# the machine runs, so this is the figure to compare a change by. A bundle's count is the difference
# between a folder of 200 bundles and one of 100 (the same generator and seed, so the first 100 are
# the same bundles), over 100: process start and loading each authority's rule sets, done once per
# run, cancel out.
#
# Usage: Benchmarks/callgrind.sh [BINARY]     (default .build/release/ehcp, built by the caller)
# Needs: valgrind, python3. valgrind 3.19 cannot read this toolchain's DWARF 5, so it runs a copy
# without debug information (function names survive in the symbol table).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Benchmarks/output/callgrind
binary=${1:-.build/release/ehcp}
mkdir -p "$out"
objcopy --strip-debug "$binary" "$out/ehcp"

count() { # FOLDER (under $out) -> total instructions; run in $out, a folder without LocalAuthorities/
    (cd "$out" && valgrind --tool=callgrind --callgrind-out-file=cg.out ./ehcp validate "$1" --jobs 1 >/dev/null 2>&1) || true
    sed -n 's/^summary: //p' "$out/cg.out"
}
for kind in canonical mixed; do
    flag=$([ "$kind" = canonical ] && echo --canonical || true)
    for n in 100 200; do
        [ -d "$out/$kind-$n" ] || python3 Benchmarks/generate.py "$out/$kind-$n" "$n" --seed 2026 $flag --ehcp "$binary" 2>/dev/null
    done
    hundred=$(count "$kind-100")
    twice=$(count "$kind-200")
    echo "$kind: $(( (twice - hundred) / 100 )) instructions per bundle ($twice for 200 bundles, $hundred for 100)"
done

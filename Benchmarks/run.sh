#!/usr/bin/env bash
# The whole performance benchmark in one command: builds the release binary and the two reader
# drivers, generates the synthetic bundles (fixed seed, cached in Benchmarks/output/, which git
# ignores), and prints one table of every figure with its ratio to the raw C library, the Python
# yardstick or the target.
#
# Usage: Benchmarks/run.sh            (BENCH_BUNDLES=N to change the 10,000; BENCH_SEED=S the seed;
#                                      BENCH_STATIC=1 to time an ehcp linked with --static-swift-stdlib)
# Needs: libyaml-dev, libxml2-dev, libxml2-utils (xmllint), nettle-dev, python3 with PyYAML (pip install pyyaml).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Benchmarks/output
bundles=${BENCH_BUNDLES:-10000}
seed=${BENCH_SEED:-2026}
mkdir -p "$out/bin"

swift build -c release >&2
ehcp=.build/release/ehcp
if [ -n "${BENCH_STATIC:-}" ]; then
    swift build -c release --static-swift-stdlib --build-path .build-static >&2
    ehcp=.build-static/release/ehcp
fi
scripts/swiftc-library.sh .build/release "$out/bin/reader-bench" Benchmarks/ReaderBench.swift -O -parse-as-library >&2
gcc -O2 Benchmarks/raw-readers.c $(pkg-config --cflags --libs yaml-0.1 libxml-2.0) -o "$out/bin/raw-readers"
gcc -O2 Benchmarks/floor.c $(pkg-config --cflags --libs yaml-0.1 libxml-2.0 nettle) -o "$out/bin/floor"

generate() { # FOLDER COUNT [--canonical]
    local stamp="$1/.stamp" want="seed=$seed count=$2 $3 $(sha1sum Benchmarks/generate.py | cut -c1-12)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        rm -rf "$1"
        python3 Benchmarks/generate.py "$1" "$2" --seed "$seed" ${3:+"$3"}
        echo "$want" >"$stamp"
    fi
}
generate "$out/mixed-$bundles" "$bundles" ""
generate "$out/canonical-$bundles" "$bundles" --canonical
generate "$out/canonical-100" 100 --canonical

# One large application document in both syntaxes for the readers (60,000 evidence items).
if [ ! -f "$out/big.xml" ]; then
    python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
head = open("Examples/riverside-request/application.yaml").read().split("\nevidence:\n")[0]
items = "".join(f"- id: item-{i}\n  type: other\n  title: Report number {i} about progress in class\n  date: 2026-01-{i % 28 + 1:02d}\n  file: evidence/item-{i}.pdf\n" for i in range(60000))
open(f"{out}/big.yaml", "w").write(head + "\nevidence:\n" + items)
PY
    .build/release/ehcp convert "$out/big.yaml" --to canonical-xml --output "$out/big.xml" 2>/dev/null
fi

BENCH_BUNDLES=$bundles EHCP_BINARY=$ehcp python3 Benchmarks/measure.py

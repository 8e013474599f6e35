#!/usr/bin/env bash
# Compiles one Swift file into a program linked against the library modules of a SwiftPM build
# folder (EHCPKit and everything below it), without a product in Package.swift.
#
# Usage: scripts/swiftc-library.sh BUILD-CONFIG-FOLDER OUTPUT SOURCE.swift [SWIFTC-FLAGS...]
#   e.g. scripts/swiftc-library.sh .build/release out/reader-bench Benchmarks/ReaderBench.swift -O -parse-as-library
# Used by scripts/fuzz.sh and Benchmarks/run.sh. Relinks only when the modules or the source changed.
set -euo pipefail
cd "$(dirname "$0")/.."
products=$1 output=$2 source=$3
shift 3
root=$(dirname "$products")
if [ -x "$output" ] && [ -z "$(find "$products/Modules" "$source" -newer "$output" -print -quit)" ]; then exit 0; fi
objects=()
for module in EHCPKit EHCPSource EHCPYAML EHCPXML Crypto CryptoBoringWrapper CCryptoBoringSSL CCryptoBoringSSLShims; do
    while IFS= read -r object; do objects+=("$object"); done < <(find "$products/$module.build" -name '*.o')
done
cflags=()
for flag in $(pkg-config --cflags yaml-0.1 libxml-2.0); do cflags+=(-Xcc "$flag"); done
# shellcheck disable=SC2046
swiftc "$@" -I "$products/Modules" -I Sources/CYAML -I Sources/CLibXML2 \
    -I Sources/CZlib "${cflags[@]}" \
    $(pkg-config --libs yaml-0.1 libxml-2.0) -lz -lstdc++ "$source" "${objects[@]}" -o "$output"

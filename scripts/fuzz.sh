#!/usr/bin/env bash
# Builds and runs one libFuzzer target against ehcp's readers.
#
# Usage: scripts/fuzz.sh TARGET [SECONDS] [-- LIBFUZZER-OPTIONS...]
#   TARGET: yaml | xml | ruleset | zip
#        scripts/fuzz.sh check [BUILD-CONFIG-FOLDER]
#   type-checks every Fuzz/*.swift, and Benchmarks/ReaderBench.swift, against the modules of a
#   SwiftPM build (default .build/debug), in about a second, so a target or benchmark that no longer
#   compiles is caught without a fuzzing or release build.
#
# The library modules are built once by SwiftPM with coverage instrumentation and AddressSanitizer
# (in .build-fuzz), then Fuzz/<Target>.swift is linked against them with libFuzzer's driver.
# The corpus grows in .build-fuzz/corpus/<target>/ (ignored by git) and starts from the seeds the
# repository already holds; crashes land in .build-fuzz/crashes/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh yaml|xml|ruleset|zip [SECONDS] | check [BUILD-CONFIG-FOLDER]}

if [ "$target" = check ]; then
    products=${2:-.build/debug}
    flags=(-typecheck -parse-as-library -I "$products/Modules" -I Sources/CYAML -I Sources/CLibXML2 -I Sources/CZlib)
    for flag in $(pkg-config --cflags yaml-0.1 libxml-2.0); do flags+=(-Xcc "$flag"); done
    status=0
    for source in Fuzz/*.swift Benchmarks/ReaderBench.swift; do swiftc "${flags[@]}" "$source" || { echo "$source does not compile" >&2; status=1; }; done
    exit $status
fi
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift

case "$target" in
yaml) source=YAMLReaderTarget ;;
xml) source=XMLReaderTarget ;;
ruleset) source=RuleSetLoaderTarget ;;
zip) source=ZipReaderTarget ;;
*) echo "unknown target '$target': use yaml, xml, ruleset or zip" >&2; exit 2 ;;
esac

build=.build-fuzz
sanitizers=fuzzer,address
# The modules get AddressSanitizer and libFuzzer's coverage, not libFuzzer itself: its `main` would
# clash with that of the build-time tool (EmbedResourcesTool), which SwiftPM builds with the same flags.
ASAN_OPTIONS=detect_leaks=0 swift build --build-path "$build" --target EHCPKit -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp >&2
binary=$build/fuzz-$target
scripts/swiftc-library.sh "$build/debug" "$binary" "Fuzz/$source.swift" -sanitize=$sanitizers -parse-as-library -g

corpus=$build/corpus/$target
crashes=$build/crashes/$target
mkdir -p "$corpus" "$crashes"
seed() { for file in "$@"; do [ -f "$file" ] && cp "$file" "$corpus/seed-$(sha1sum "$file" | cut -c1-16)"; done; return 0; }
case "$target" in
yaml) seed $(find Examples LocalAuthorities -name '*.yaml' -path '*example*') Tests/Fixtures/yaml-test-suite/*/in.yaml Tests/Fixtures/yaml-test-suite/*/in.json ;;
xml) seed $(find Tests/Fixtures Examples LocalAuthorities -name '*.xml') ;;
ruleset) seed LocalAuthorities/*/requirements.yaml ;;
zip) python3 - "$corpus" <<'PY'
import os, sys, zipfile
corpus = sys.argv[1]
bundles = ["Examples/riverside-request"] + sorted(
    os.path.join(d, c) for d in __import__("glob").glob("LocalAuthorities/*/examples") for c in os.listdir(d)
    if os.path.isdir(os.path.join(d, c)))
for index, bundle in enumerate(bundles):
    with zipfile.ZipFile(f"{corpus}/seed-bundle-{index}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for root, _, files in os.walk(bundle):
            for name in files:
                path = os.path.join(root, name)
                archive.write(path, os.path.relpath(path, bundle))
with zipfile.ZipFile(f"{corpus}/seed-slip.zip", "w") as archive:
    archive.writestr("application.yaml", "schemaVersion: '1'\n")
    archive.writestr("../escape.txt", "x")
PY
;;
esac

# Lazily built globals (the schema tables, rule-kind lists) live until exit by design; LeakSanitizer
# would report them as leaks, so leak detection is off.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
exec "$binary" "$corpus" -artifact_prefix="$crashes/" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 -print_final_stats=1 "$@"

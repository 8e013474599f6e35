#!/usr/bin/env bash
# Times each hostile input on the release binary and prints exit status, wall time and peak memory.
# The issue's bound: exit 2 (or findings) within a second, in bounded memory, nothing left behind.
#
# Usage: Benchmarks/hostile-inputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >&2
ehcp=$PWD/.build/release/ehcp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cases" "$work/tmp"

python3 - "$work/cases" <<'PY'
import io, os, random, sys, zipfile, zlib
root = sys.argv[1]
def bundle(name, document, content):
    os.makedirs(f"{root}/{name}", exist_ok=True)
    with open(f"{root}/{name}/{document}", "wb") as out:
        out.write(content)
secret = f"{root}/../secret.txt"
open(secret, "w").write("TOP-SECRET")
bundle("xxe-local-file", "application.xml", f'<?xml version="1.0"?>\n<!DOCTYPE application [<!ENTITY x SYSTEM "file://{os.path.abspath(secret)}">]>\n<application xmlns="urn:ehcp:application:1"><schemaVersion>&x;</schemaVersion></application>\n'.encode())
laughs = '<?xml version="1.0"?>\n<!DOCTYPE application [<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10)) + "]>\n<application>&l9;</application>\n"
bundle("billion-laughs", "application.xml", laughs.encode())
bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10))
bundle("yaml-alias-bomb", "application.yaml", bomb.encode())
rng = random.Random(5)
bundle("garbage-bytes", "application.yaml", bytes(rng.randrange(256) for _ in range(1 << 20)))
bundle("invalid-utf8", "application.yaml", b"schemaVersion: \xc3\x28\xff\n")
bundle("scalar-100mb", "application.yaml", b'schemaVersion: "1"\nnotes: ' + b"x" * 100_000_000 + b"\n")
bundle("nesting-10000-yaml", "application.yaml", b"- " * 10_000 + b"x\n")
bundle("nesting-10000-json", "application.json", b"[" * 10_000 + b"]" * 10_000)
bundle("nesting-10000-xml", "application.xml", b"<a>" * 10_000 + b"</a>" * 10_000)
def zipped(name, entries):
    with zipfile.ZipFile(f"{root}/{name}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, data in entries:
            archive.writestr(entry, data)
zipped("zip-slip-dotdot", [("application.yaml", 'schemaVersion: "1"\n'), ("../escape.txt", "boom")])
zipped("zip-slip-absolute", [("application.yaml", 'schemaVersion: "1"\n'), (f"{os.path.abspath(root)}/../escape.txt", "boom")])
# 1 GiB of zeros, deflated chunk by chunk: about 1 MiB on disk, never 1 GiB anywhere.
with zipfile.ZipFile(f"{root}/zip-bomb-1gib.zip", "w", zipfile.ZIP_DEFLATED) as archive:
    archive.writestr("application.yaml", 'schemaVersion: "1"\n')
    info = zipfile.ZipInfo("evidence/zeros.pdf")
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=False) as entry:
        zeros = bytes(1 << 20)
        for _ in range(1024):
            entry.write(zeros)
PY

printf '%-22s %5s %9s %11s  %s\n' "case" "exit" "seconds" "peak MiB" "left behind"
for case in "$work"/cases/*; do
    name=$(basename "$case" .zip)
    before=$(find "$work" | sort)
    set +e
    /usr/bin/time -f '%e %M' -o "$work/time" env TMPDIR="$work/tmp" "$ehcp" validate "$case" >"$work/out" 2>&1
    status=$?
    set -e
    read -r seconds kib < <(tail -1 "$work/time")
    after=$(find "$work" -path "$work/out" -prune -o -path "$work/time" -prune -o -print | sort)
    left=$(comm -13 <(echo "$before") <(echo "$after") | sed "s|$work/||" | tr '\n' ' ')
    grep -q TOP-SECRET "$work/out" && left="$left LEAKED FILE CONTENT"
    printf '%-22s %5s %9s %11.1f  %s\n' "$name" "$status" "$seconds" "$(echo "$kib / 1024" | bc -l)" "${left:-nothing}"
done

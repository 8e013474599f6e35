#!/usr/bin/env bash
# Reader throughput on a multi-megabyte canonical application, against the raw C libraries.
# Usage: Benchmarks/reader-throughput.sh   (builds the release binary first)
# ehcp's figure covers the whole `convert`: parse with marks, decode by the schema, write JSON;
# the raw figures are libxml2's `xmllint --noout` and libyaml's event loop driven from Python.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
out = sys.argv[1]
head = open("Examples/riverside-request/application.yaml").read().split("\nevidence:\n")[0]
items = "".join(f"- id: item-{i}\n  type: other\n  title: Report number {i} about progress in class\n  date: 2026-01-{i % 28 + 1:02d}\n  file: evidence/item-{i}.pdf\n" for i in range(60000))
open(f"{out}/big.yaml", "w").write(head + "\nevidence:\n" + items)
PY
ehcp=.build/release/ehcp
$ehcp convert "$work/big.yaml" --to canonical-xml --output "$work/big.xml" 2>/dev/null
size() { stat -c %s "$1"; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
mb() { echo "scale=1; $1 / 1048576" | bc -l; }
yaml_ehcp=$(seconds $ehcp convert "$work/big.yaml" --to canonical-json)
yaml_raw=$(seconds python3 -c "import yaml,sys; [None for _ in yaml.parse(open(sys.argv[1]), Loader=yaml.CLoader)]" "$work/big.yaml")
xml_ehcp=$(seconds $ehcp convert "$work/big.xml" --to canonical-json)
xml_raw=$(seconds xmllint --noout "$work/big.xml")
printf '%-34s %8s %10s\n' "reader" "MB" "seconds"
printf '%-34s %8s %10.3f\n' "ehcp convert yaml→json" "$(mb $(size "$work/big.yaml"))" "$yaml_ehcp"
printf '%-34s %8s %10.3f\n' "libyaml events (python CLoader)" "$(mb $(size "$work/big.yaml"))" "$yaml_raw"
printf '%-34s %8s %10.3f\n' "ehcp convert xml→json" "$(mb $(size "$work/big.xml"))" "$xml_ehcp"
printf '%-34s %8s %10.3f\n' "xmllint --noout" "$(mb $(size "$work/big.xml"))" "$xml_raw"

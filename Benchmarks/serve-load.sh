#!/usr/bin/env bash
# Load test of `ehcp serve` on loopback with wrk: requests per second, p50/p99 latency and the
# server's peak memory for POST /api/v1/validate, with the bundled example as a zip and as a single
# document. Bounded: each run lasts DURATION seconds (default 15) and the server is stopped after.
#
#   Benchmarks/serve-load.sh                 # builds the release binary first
#   EHCP_BINARY=.build/release/ehcp DURATION=30 CONNECTIONS=4 Benchmarks/serve-load.sh
#
# Needs wrk (apt-get install wrk) and python3 (to zip the example and find a free port).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-4}"
THREADS="${THREADS:-2}"
OUT=Benchmarks/output/serve
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
if [ -z "${EHCP_BINARY:-}" ]; then
    swift build -c release --product ehcp >/dev/null
    EHCP_BINARY=.build/release/ehcp
fi

python3 - "$OUT/riverside.zip" <<'PY'
import os, sys, zipfile
folder = "Examples/riverside-request"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
    for base, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            archive.write(os.path.join(base, name), os.path.relpath(os.path.join(base, name), folder))
PY
cp Examples/riverside-request/application.yaml "$OUT/application.yaml"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$EHCP_BINARY" serve --host 127.0.0.1 --port "$PORT" --max-concurrent-checks "$CONNECTIONS" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

# One Lua script per body: wrk sends the same POST on every request.
lua() {
    cat >"$OUT/$1.lua" <<LUA
local file = io.open("$OUT/$2", "rb")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "$3"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
LUA
}
lua zip riverside.zip application/zip
lua yaml application.yaml application/yaml

echo "| Body | Connections | Requests/s | p50 (ms) | p99 (ms) | Non-2xx | Requests |"
echo "|---|---|---|---|---|---|---|"
for body in zip yaml; do
    # wrk closes its connections at the end with checks under way; let them finish first, or the
    # next run starts against a full gate and is answered 503.
    sleep 2
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$OUT/$body.lua" \
        "http://127.0.0.1:$PORT/api/v1/validate?format=json" | grep '^RESULT')
    read -r _ rps p50 p99 non2xx total <<<"$result"
    echo "| $body | $CONNECTIONS | $rps | $p50 | $p99 | $non2xx | $total |"
done
echo
echo "Server peak memory (VmHWM): $(grep VmHWM /proc/$SERVER/status | awk '{print $2, $3}')"
kill -TERM $SERVER
wait $SERVER 2>/dev/null || true
trap - EXIT
echo "Temporary upload folders left behind: $(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'ehcp-upload-*' -o -maxdepth 1 -name 'ehcp-zip-*' | wc -l)"

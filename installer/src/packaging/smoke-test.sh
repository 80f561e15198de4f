#!/usr/bin/env bash
# Smoke test of the PACKAGED application image (not the build output): the headless server launcher starts on
# a free port with a temporary data directory, /health answers 200, the setup route creates the admin, SIGTERM
# stops it; the console launcher starts headless and exits cleanly with --smoke-test. Prints start-up time.
set -euo pipefail
image="${1:-$(cd "$(dirname "$0")/../.." && pwd)/target/image/MediaNest}"
server="$image/bin/medianest-server"
console="$image/bin/MediaNest"
[[ -x "$server" ]] || { echo "smoke: no packaged server at $server" >&2; exit 1; }
data=$(mktemp -d)
log="$data/server.out"
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$data"' EXIT

start_ns=$(date +%s%N)
MEDIANEST_DATA_DIR="$data" MEDIANEST_HOST=127.0.0.1 MEDIANEST_PORT=0 "$server" >"$log" 2>&1 &
pid=$!
port=""
for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on [^ ]*:\([0-9][0-9]*\).*/\1/p' "$log" | head -1)
    [[ -n "$port" ]] && break
    kill -0 $pid 2>/dev/null || { echo "smoke: server exited:"; cat "$log"; exit 1; }
    sleep 0.02
done
[[ -n "$port" ]] || { echo "smoke: server did not start"; cat "$log"; exit 1; }
until curl -fs "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.01; done
ready_ns=$(date +%s%N)
echo "smoke: packaged server answered /health 200 after $(( (ready_ns - start_ns) / 1000000 )) ms (port $port)"

token=$(sed -n 's/.*setup token: \([A-Za-z0-9_-]*\).*/\1/p' "$log" | head -1)
code=$(curl -s -o "$data/setup.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"smoke test password\",\"setupToken\":\"$token\"}" \
    "http://127.0.0.1:$port/api/v1/auth/setup")
[[ "$code" == 201 ]] || { echo "smoke: setup answered $code: $(cat "$data/setup.json")"; exit 1; }
echo "smoke: setup created the admin (201)"

kill -TERM $pid
wait $pid || rc=$?
rc=${rc:-0}
[[ $rc == 0 || $rc == 143 ]] || { echo "smoke: server exit code $rc"; cat "$log"; exit 1; }
grep -q "MediaNest stopped" "$log" || { echo "smoke: no clean stop"; cat "$log"; exit 1; }
echo "smoke: SIGTERM stopped the server cleanly (exit $rc)"

if [[ -x "$console" ]]; then
    MEDIANEST_DATA_DIR="$data/console" MEDIANEST_PORT=0 MEDIANEST_HOST=127.0.0.1 timeout 120 "$console" --smoke-test
    echo "smoke: console launcher started headless and exited cleanly"
fi
echo "smoke: OK"

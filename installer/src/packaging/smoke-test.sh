#!/usr/bin/env bash
# Smoke test of the PACKAGED application image (not the build output): the headless server launcher starts on
# a free port with a temporary data directory, /health answers 200, the setup route creates the admin, SIGTERM
# stops it; the console launcher starts headless and exits cleanly with --smoke-test. Prints start-up time.
set -euo pipefail
shopt -s inherit_errexit
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

# Start-up to the first /health 200, median of 3 fresh starts, without and with the ahead-of-time cache that the
# .deb's postinst makes (here made by the same script in a copy of the image, which is left as built).
free_port() {
    local p
    for p in $(seq 18600 18999); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
}
start_ms() {   # launcher -> ms from exec to the first 200 on /health
    local d p s e pid2
    d=$(mktemp -d -p "$data"); p=$(free_port)
    s=$(date +%s%N)
    MEDIANEST_DATA_DIR="$d" MEDIANEST_HOST=127.0.0.1 MEDIANEST_PORT=$p "$1" >"$d/out" 2>&1 &
    pid2=$!
    for _ in $(seq 1 3000); do
        curl -fs "http://127.0.0.1:$p/health" >/dev/null 2>&1 && break
        kill -0 $pid2 2>/dev/null || { echo "smoke: server exited:" >&2; cat "$d/out" >&2; exit 1; }
        sleep 0.005
    done
    e=$(date +%s%N)
    kill -TERM $pid2; wait $pid2 || true
    if grep -q '\[aot\]' "$d/out"; then echo "smoke: the JVM reported on the AOT cache:" >&2; grep '\[aot\]' "$d/out" >&2; exit 1; fi
    echo $(( (e - s) / 1000000 ))
}
median3() {   # launcher -> median start-up of 3 (an assignment, so a failed start stops the script)
    local a b c
    a=$(start_ms "$1"); b=$(start_ms "$1"); c=$(start_ms "$1")
    printf '%s\n' "$a" "$b" "$c" | sort -n | sed -n 2p
}
plain=$(median3 "$server")
cp -a "$image" "$data/aot-image"
"$data/aot-image/lib/aot-cache.sh" "$data/aot-image"
grep -q 'AOTCache' "$data/aot-image/lib/app/medianest-server.cfg" || { echo "smoke: launcher not pointed at the cache"; exit 1; }
aot=$(median3 "$data/aot-image/bin/medianest-server")
echo "smoke: start-up to the first /health 200 (median of 3): ${plain} ms without the AOT cache, ${aot} ms with it" \
    "($(awk -v a="$aot" -v b="$plain" 'BEGIN { printf "%.2fx", a / b }'))"
"$data/aot-image/lib/aot-cache.sh" "$data/aot-image" --remove
! grep -q 'AOTCache' "$data/aot-image/lib/app/medianest-server.cfg" && [[ ! -e "$data/aot-image/lib/app/medianest-server.aot" ]] \
    || { echo "smoke: aot-cache.sh --remove left the cache behind"; exit 1; }
rm -rf "$data/aot-image"
echo "smoke: aot-cache.sh --remove took the cache out again"

if [[ -x "$console" ]]; then
    MEDIANEST_DATA_DIR="$data/console" MEDIANEST_PORT=0 MEDIANEST_HOST=127.0.0.1 timeout 120 "$console" --smoke-test
    echo "smoke: console launcher started headless and exited cleanly"
fi
echo "smoke: OK"

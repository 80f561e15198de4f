#!/usr/bin/env bash
# Server memory by default (issue 19): a fresh server started WITHOUT any JVM option (the plain
# `java -jar embedded-server/target/medianest-server.jar`, or the installed app's `bin/medianest-server` with
# --image), H2 seeded with 1,000 users and 100,000 requests, a simulated Plex; resident memory (VmRSS of the server
# process) idle after start-up, every 30 s during DURATION of saturation on the strategy mix (the load generator's
# preset mix, no think time, 20 users, signed in as the busiest seeded admin), at the end, and after 60 s idle.
# Targets: under 256 MB under load, under 200 MB idle.
#
# --console: the console instead (`java -jar console-ui/target/medianest-console.jar`, or the installed app's
# `bin/MediaNest` with --image) with its window open on a private Xvfb display, its embedded server under the
# strategy preset's load (20 users, 1 s think time); resident memory of the console's whole process tree (the
# process and all its descendants; the load generator and Xvfb are not part of it). Target: under 350 MB under load.
#
# Usage: bench/memory.sh [--console] [--image DIR] [--duration 10m] [--users 20] [--requests 100000] [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

IMAGE=""; DURATION=10m; USERS=20; REQUESTS=100000; CONSOLE=0
while (($#)); do
    case "$1" in
        --console) CONSOLE=1; shift ;;
        --image) IMAGE=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --users) USERS=$2; shift 2 ;;
        --requests) REQUESTS=$2; shift 2 ;;
        --keep) BENCH_KEEP=1; shift ;;
        *) bench_fail "unknown option $1 (see the header of $0)" ;;
    esac
done

bench_java_env
bench_build
CONSOLE_JAR=$BENCH_ROOT/console-ui/target/medianest-console.jar
if ((CONSOLE)) && [[ -z $IMAGE && ! -f $CONSOLE_JAR ]]; then
    bench_log "building the console (./mvnw package -DskipTests -pl console-ui -am)"
    ./mvnw -q -B -o package -DskipTests -pl console-ui -am >/dev/null 2>&1 || bench_fail "console build failed"
fi
BENCH_DIR=$(mktemp -d -t medianest-memory.XXXXXX)
XVFB_PID=""
cleanup() {
    bench_stop_server
    if [[ -n $XVFB_PID ]]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; fi
    bench_cleanup
}
trap cleanup EXIT
export MEDIANEST_LOG_LEVEL=WARNING
password="memory-$(date +%s)"
bench_start_fake_plex
bench_database h2
bench_seed $((REQUESTS >= 100000 ? 1000 : 100)) "$REQUESTS" "$password"
admin=$(bench_busiest_user admin)

export MEDIANEST_HOST=127.0.0.1 MEDIANEST_PORT=$(bench_free_port 18600)
BENCH_URL="http://127.0.0.1:$MEDIANEST_PORT"
THINK=0; LOAD_TARGET=256
if ((CONSOLE)); then
    command -v Xvfb >/dev/null || bench_fail "Xvfb is required for --console (apt-get install -y xvfb libgtk-3-0)"
    exec 4> "$BENCH_DIR/display"
    Xvfb -displayfd 4 -nolisten tcp -screen 0 1280x800x24 > "$BENCH_DIR/xvfb.out" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 1 100); do [[ -s $BENCH_DIR/display ]] && break; sleep 0.1; done
    [[ -s $BENCH_DIR/display ]] || { cat "$BENCH_DIR/xvfb.out" >&2; bench_fail "Xvfb did not start"; }
    export DISPLAY=":$(head -1 "$BENCH_DIR/display")"
    THINK=1s; LOAD_TARGET=350
    if [[ -n $IMAGE ]]; then
        what="installed console: $IMAGE/bin/MediaNest"
        "$IMAGE/bin/MediaNest" > "$BENCH_DIR/server.out" 2>&1 &
    else
        what="console: java -jar $CONSOLE_JAR"
        java -jar "$CONSOLE_JAR" > "$BENCH_DIR/server.out" 2>&1 &
    fi
elif [[ -n $IMAGE ]]; then
    what="installed app: $IMAGE/bin/medianest-server"
    "$IMAGE/bin/medianest-server" > "$BENCH_DIR/server.out" 2>&1 &
else
    what="plain command: java -jar $SERVER_JAR"
    java -jar "$SERVER_JAR" > "$BENCH_DIR/server.out" 2>&1 &
fi
BENCH_SERVER_PID=$!
for _ in $(seq 1 300); do
    curl -fs "$BENCH_URL/health" 2>/dev/null | grep -q UP && break
    kill -0 "$BENCH_SERVER_PID" 2>/dev/null || { tail -20 "$BENCH_DIR/server.out" >&2; bench_fail "server died"; }
    sleep 0.2
done
# VmRSS of the process and all its descendants (a server or console has none; a relay JVM would show here).
tree() { echo "$1"; local c; for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$c"; done; }
rss() {
    local kb=0 p v
    for p in $(tree "$BENCH_SERVER_PID"); do
        v=$(awk '/VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || true); kb=$((kb + ${v:-0}))
    done
    echo $((kb / 1024))
}
echo "$what (pid $BENCH_SERVER_PID, processes: $(tree "$BENCH_SERVER_PID" | wc -l))"
echo "JVM: $(tr '\0' ' ' < "/proc/$BENCH_SERVER_PID/cmdline" | cut -c1-300)"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
sleep 10
idle_start=$(rss)
echo "idle after start-up: $idle_start MB"

MEDIANEST_LOADTEST_PASSWORD=$password java -jar "$LOADTEST_JAR" --url "$BENCH_URL" --preset strategy --think "$THINK" \
    --users "$USERS" --ramp 10s --duration "$DURATION" --username "$admin" --quiet \
    --out "$BENCH_DIR/load.json" > "$BENCH_DIR/load.out" 2>&1 &
load_pid=$!
max=0; samples=""
while kill -0 "$load_pid" 2>/dev/null; do
    sleep 30
    kill -0 "$BENCH_SERVER_PID" 2>/dev/null || bench_fail "the server died under load"
    r=$(rss); samples+=" $r"; ((r > max)) && max=$r
done
wait "$load_pid" || true
end=$(rss)
sleep 60
idle_end=$(rss)
jq -r '"load: \(.overall.requests) requests, \(.overall.errors) errors, \(.sustainThroughputRps | round) req/s, "
    + "p99 \(.overall.responseTime.p99Ms) ms; mix: \([.settings.mix[].path] | join(" "))"
    + (if (.settings.leftOut | length) > 0 then "; left out: \([.settings.leftOut[].path] | join(" "))" else "" end)' \
    "$BENCH_DIR/load.json"
echo "resident every 30 s under load (MB):$samples"
echo "resident: idle after start-up $idle_start MB; under load max $max MB, at the end $end MB; 60 s after $idle_end MB"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
ok=1
((max < LOAD_TARGET)) || { echo "FAILED: over $LOAD_TARGET MB under load"; ok=0; }
if ((CONSOLE)); then
    ((ok)) && echo "passed (target: the console's process tree under $LOAD_TARGET MB under load)"
else
    ((idle_start < 200 && idle_end < 200)) || { echo "FAILED: over 200 MB idle"; ok=0; }
    ((ok)) && echo "passed (targets: under $LOAD_TARGET MB under load, under 200 MB idle)"
fi
((ok))

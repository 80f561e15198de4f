#!/usr/bin/env bash
# Large responses: the 40 ms delayed-ACK stall check (issue 19) on a fresh headless server started with the plain
# command (`java -jar medianest-server.jar`, its default memory settings), H2, seeded with 1,000 users and 100,000
# requests (--seed).
#  1. One keep-alive connection: the median of 1, 8, 16, 64 and 256 KB answers of a bare Helidon route with
#     tcpNoDelay and blocking sockets (the reference, as MediaNest runs), the same bare route with Helidon's
#     defaults (the control, which stalls), and MediaNest pages of 3, 25, 50 and 100 admin requests (1-33 KB; a
#     page holds at most 100), the OpenAPI document (86 KB) and five portal pages (2-67 KB), each page twice: plain
#     and compressed, as a browser asks for it; each as a ratio to its server's smallest answer (benchmarks:
#     app.medianest.benchmarks.LargeResponses).
#  2. wrk, 16 connections, 2 threads: /health, GET /api/v1/admin/requests?limit=50 (first page) and the page 2,000
#     rows deep (its cursor found by paging), in alternating rounds; each route's throughput as a ratio to /health's
#     in the same round (target >= 0.3).
# Prints the load average before and after.
#
# Usage: bench/large-responses.sh [--requests N] [--rounds R] [--wrk-duration D] [--wrk-rounds R] [--seed N] [--keep]
#   --seed N   seeded requests (default 100000; at least 2,050 for the deep page)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

REQUESTS=100; ROUNDS=5; WRK_DURATION=10s; WRK_ROUNDS=3; SEED=100000
while (($#)); do
    case "$1" in
        --requests) REQUESTS=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --wrk-duration) WRK_DURATION=$2; shift 2 ;;
        --wrk-rounds) WRK_ROUNDS=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --keep) BENCH_KEEP=1; shift ;;
        *) bench_fail "unknown option $1 (see the header of $0)" ;;
    esac
done
command -v wrk >/dev/null || bench_fail "wrk is required (apt-get install wrk)"

bench_java_env
bench_build
BENCH_DIR=$(mktemp -d -t medianest-large.XXXXXX)
trap bench_cleanup EXIT
export MEDIANEST_LOG_LEVEL=WARNING
password="large-$(date +%s)"
bench_database h2
bench_seed $((SEED >= 100000 ? 1000 : 100)) "$SEED" "$password"
admin=$(bench_busiest_user admin)
[[ -n $admin ]] || bench_fail "no seeded admin found"
bench_start_server ""                     # the plain command: the server's own default memory settings
token=$(bench_login "$admin" "$password")
[[ -n $token && $token != null ]] || bench_fail "cannot sign in as $admin"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo
echo "== one keep-alive connection, $REQUESTS requests x $ROUNDS interleaved rounds per route"
java -cp "$BENCHMARKS_JAR" -Djava.util.logging.config.file=/dev/null app.medianest.benchmarks.LargeResponses \
    --url "$BENCH_URL" --token "$token" --requests "$REQUESTS" --rounds "$ROUNDS" 2>/dev/null \
    || single_failed=1

# The cursor of the page that starts 2,000 rows deep (40 pages of 50).
cursor=""
for _ in $(seq 1 40); do
    cursor=$(curl -fs -H "Authorization: Bearer $token" \
        "$BENCH_URL/api/v1/admin/requests?limit=50${cursor:+&cursor=$cursor}" | jq -r .meta.nextCursor)
    [[ -n $cursor && $cursor != null ]] || bench_fail "paging stopped before 2,000 rows"
done
deep="/api/v1/admin/requests?limit=50&cursor=$cursor"

# wrk's latency distribution in ms: "50% 1.23ms" -> 1.23
wrk_run() {   # path -> "rps p50 p99"
    local args=(-t2 -c16 -d"$WRK_DURATION" --latency)
    [[ $1 == /health ]] || args+=(-H "Authorization: Bearer $token")
    wrk "${args[@]}" "$BENCH_URL$1" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
        /Non-2xx/ { bad = $NF } END { printf "%s %s %s %s", rps, p50, p99, bad + 0 }'
}
echo
echo "== wrk -t2 -c16 -d$WRK_DURATION, $WRK_ROUNDS rounds; throughput ratio to /health in the same round (target >= 0.3)"
printf '%-5s %-34s %10s %9s %9s %8s %8s\n' round route req/s p50_ms p99_ms non2xx ratio
wrk -t2 -c16 -d3s "$BENCH_URL/health" > /dev/null   # warm-up
min_ratio=999
for r in $(seq 1 "$WRK_ROUNDS"); do
    read -r hrps h50 h99 hbad <<< "$(wrk_run /health)"
    printf '%-5s %-34s %10.0f %9.3f %9.3f %8s %8s\n' "$r" /health "$hrps" "$h50" "$h99" "$hbad" 1.000
    for route in "/api/v1/admin/requests?limit=50" "$deep"; do
        read -r rps p50 p99 bad <<< "$(wrk_run "$route")"
        label=${route/&cursor=*/ (2,000 rows deep)}
        ratio=$(awk -v a="$rps" -v b="$hrps" 'BEGIN { printf "%.3f", a / b }')
        printf '%-5s %-34s %10.0f %9.3f %9.3f %8s %8s\n' "$r" "$label" "$rps" "$p50" "$p99" "$bad" "$ratio"
        min_ratio=$(awk -v a="$ratio" -v b="$min_ratio" 'BEGIN { print (a < b ? a : b) }')
        ((bad == 0)) || bench_fail "$label answered non-2xx"
    done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "lowest throughput ratio to /health: $min_ratio (target >= 0.3)"
bench_stop_server
if [[ ${single_failed:-0} == 1 ]] || awk -v m="$min_ratio" 'BEGIN { exit !(m < 0.3) }'; then
    bench_fail "FAILED: see above"
fi
echo "passed"

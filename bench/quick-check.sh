#!/usr/bin/env bash
# Performance regression check (CI): a fresh headless server on H2 in a temp data dir, seeded small (100 users,
# 5,000 requests), then the load generator's `quick` preset (20 users, 5 s ramp, 15 s sustained) after a 5 s
# warm-up, and the ratios to the bare /health route measured in 6 paired rounds (mix slice, bare slice; 15 s of
# each in all). A run fails on any error or failed sign-in, or when a ratio regressed beyond its tolerance against
# the committed baseline (throughput ratio: TOLERANCE; p95/p99 ratios: LATENCY_TOLERANCE). Ratios only: absolute
# times are never compared. A run that failed only on the baseline comparison is repeated twice, and the check
# passes when both repeats pass (2 of 3), because one noisy minute on a shared 2-core box is not a regression.
# The preset's mix includes two large responses (a page of 50 admin requests, about 16 KB, signed in as the busiest
# seeded admin; a page of Plex items): a run also fails when the median of either is over LARGE_P50_BOUND times the
# bare route's median, which catches a return of the 40 ms delayed-ACK stall on responses over about 8 KB.
#
# Usage: bench/quick-check.sh [--runs N] [--tolerance T] [--latency-tolerance T] [--think D] [--record] [--keep]
#   --runs N               measure: N runs, each with a fresh server and database, a table of their ratios, no
#                          repeats (this is how the tolerances were chosen; see load-test/README.md)
#   --tolerance T          allowed drop of the throughput ratio (default below, or $MEDIANEST_PERF_TOLERANCE)
#   --latency-tolerance T  allowed growth of the p95/p99 ratios (default below, or $MEDIANEST_PERF_LATENCY_TOLERANCE)
#   --think D              think time (default below); the baseline must have been recorded with the same
#   --record               write load-test/baselines/quick-h2.json: the median of each ratio over the runs (use
#                          with --runs 5 or more) instead of comparing
#   --keep                 keep the temp dir (reports, server log)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

BASELINE=load-test/baselines/quick-h2.json
# The endpoint mix: empty = the preset's own (the strategy's four load-test endpoints, 3:3:2:2, and the two large
# responses, 1:1); the Plex routes are served by a simulated Plex (fake-upstreams) started once for all runs.
MIX=""
THINK=${MEDIANEST_PERF_THINK:-0}            # saturation: thousands of samples, throughput ratio meaningful
TOLERANCE=${MEDIANEST_PERF_TOLERANCE:-35%}
LATENCY_TOLERANCE=${MEDIANEST_PERF_LATENCY_TOLERANCE:-400%}
REFERENCE=15s; ROUNDS=6
# A large response's p50 over the bare route's p50: about 2-6 without the stall, 40 or more with it.
LARGE_P50_BOUND=${MEDIANEST_PERF_LARGE_P50_BOUND:-15}

runs=0; record=0
while (($#)); do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --tolerance) TOLERANCE=$2; shift 2 ;;
        --latency-tolerance) LATENCY_TOLERANCE=$2; shift 2 ;;
        --think) THINK=$2; shift 2 ;;
        --record) record=1; shift ;;
        --keep) BENCH_KEEP=1; shift ;;
        *) bench_fail "unknown option $1 (see the header of $0)" ;;
    esac
done
((record == 0)) && [[ ! -f $BASELINE ]] && bench_fail "no baseline at $BASELINE (record one with --record --runs 8)"

bench_java_env
bench_build
BENCH_DIR=$(mktemp -d -t medianest-quick.XXXXXX)
trap bench_cleanup EXIT
export MEDIANEST_LOADTEST_PASSWORD="quick-check-$(date +%s)"   # every seeded user's password (temp data only)
export MEDIANEST_LOG_LEVEL=WARNING
bench_start_fake_plex

# One run with a fresh database and server; prints its row; sets verdict (passed|failed) and regressed (0|1).
run_once() {
    local i=$1 report=$BENCH_DIR/quick-$1.json user
    rm -rf "$BENCH_DIR/data"
    bench_database h2
    bench_seed 100 5000 "$MEDIANEST_LOADTEST_PASSWORD"
    user=$(bench_busiest_user admin)
    [[ -n $user ]] || bench_fail "no seeded user found"
    bench_start_server "-Xmx512m"
    local args=(--url "$BENCH_URL" --preset quick --think "$THINK" --warmup 5s --reference /health
        --reference-duration "$REFERENCE" --reference-rounds "$ROUNDS" --username "$user" --max-error-rate 0
        --quiet --out "$report")
    [[ -n $MIX ]] && args+=(--mix "$MIX")
    ((record == 0)) && args+=(--baseline "$BASELINE" --tolerance "$TOLERANCE" --latency-tolerance "$LATENCY_TOLERANCE")
    java -jar "$LOADTEST_JAR" "${args[@]}" > "$BENCH_DIR/quick-$i.out" 2>&1 || true
    bench_stop_server
    [[ -f $report ]] || { cat "$BENCH_DIR/quick-$i.out" >&2; bench_fail "the load test wrote no report"; }
    jq -r --arg i "$i" '[$i, .overall.requests, .overall.errors, (.baselineRatio | .p50Ratio, .p95Ratio, .p99Ratio,
        .throughputRatio | . * 1000 | round / 1000), (.baselineRatio.referenceThroughputRps | round),
        (if .verdict.passed then "ok" else "FAILED" end),
        (if .baselineComparison == null then "-" elif .baselineComparison.regressed then "REGRESSED" else "ok" end)]
        | @tsv' "$report" | awk -F'\t' '{ printf "%-4s %9s %7s %9s %9s %9s %10s %8s %8s %10s\n", $1, $2, $3, $4, $5,
        $6, $7, $8, $9, $10 }'
    verdict=$(jq -r 'if .verdict.passed then "passed" else "failed" end' "$report")
    # The large responses' medians against the bare route's (the delayed-ACK stall check).
    local large
    large=$(jq -r --argjson bound "$LARGE_P50_BOUND" '.baselineRatio.referenceResponseTime.p50Ms as $ref
        | [.endpoints[] | select(.endpoint | test("limit=(50|100)")) | {e: .endpoint, r: (.responseTime.p50Ms / $ref)}]
        | (map("\(.e) p50 \(.r * 100 | round / 100)x") | join(", ")) + (if any(.r > $bound) then " OVER" else "" end)
        + (if length == 0 then "no large response in the mix OVER" else "" end)' "$report")
    echo "     large responses vs the bare route's p50 (bound ${LARGE_P50_BOUND}x): $large"
    jq -r '.settings.leftOut[]? | "     left out \(.path): \(.reason)"' "$report"
    regressed=$(jq -r 'if .baselineComparison.regressed then 1 else 0 end' "$report")
    if [[ $large == *OVER ]]; then regressed=1; fi   # repeated like a ratio regression (2 of 3 must pass)
}

printf '%-4s %9s %7s %9s %9s %9s %10s %8s %8s %10s\n' run requests errors p50Ratio p95Ratio p99Ratio tputRatio \
    ref-rps verdict baseline
passed=0; failed=0; verdict_failed=0
if ((runs > 0)); then
    for i in $(seq 1 "$runs"); do
        run_once "$i"
        [[ $verdict == failed ]] && verdict_failed=1
        if ((regressed)); then failed=$((failed + 1)); else passed=$((passed + 1)); fi
    done
else
    for i in 1 2 3; do
        run_once "$i"
        if [[ $verdict == failed ]]; then verdict_failed=1; break; fi
        if ((regressed)); then failed=$((failed + 1)); else passed=$((passed + 1)); fi
        ((i == 1 && passed == 1)) && break
        ((passed == 2 || failed == 2)) && break
        bench_log "run $i regressed against the baseline: repeating (2 of 3 must pass)"
    done
fi

if ((record == 1)); then
    # Median of each ratio over the runs, written into the last report so the baseline stays a valid report.
    jq -s '. as $all | def median(f): ([$all[] | f] | sort) as $v | $v[(($v | length) - 1) / 2 | floor];
        $all[-1] | .baselineRatio.p50Ratio = median(.baselineRatio.p50Ratio)
        | .baselineRatio.p95Ratio = median(.baselineRatio.p95Ratio)
        | .baselineRatio.p99Ratio = median(.baselineRatio.p99Ratio)
        | .baselineRatio.throughputRatio = median(.baselineRatio.throughputRatio)
        | .timeline = [] | .settings.baseUrl = "http://127.0.0.1"' "$BENCH_DIR"/quick-*.json > "$BASELINE"
    bench_log "baseline written to $BASELINE (median of each ratio over $(ls "$BENCH_DIR"/quick-*.json | wc -l) runs)"
fi
last=$(ls -t "$BENCH_DIR"/quick-*.out | head -1)
if ((verdict_failed)); then
    cat "$last" >&2
    bench_fail "performance check failed: errors, failed sign-ins or targets missed (see above)"
fi
if ((runs == 0 && record == 0 && failed >= passed)); then
    cat "$last" >&2
    bench_fail "performance check failed: a ratio regressed beyond its tolerance in $failed of $((passed + failed)) runs"
fi
bench_log "performance check passed (tolerance $TOLERANCE, latency tolerance $LATENCY_TOLERANCE)"

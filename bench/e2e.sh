#!/usr/bin/env bash
# End-to-end benchmark: the strategy's load test against the headless server on seeded data, next to the bare
# /health route measured in the same run, printed as ONE table.
#
# Usage: bench/e2e.sh [h2|postgresql] [--think 1s|0] [--duration 10m] [--ramp 2m] [--users 20] [--mix SPEC]
#                     [--out-dir docs/loadtest] [--keep]
#
# It builds if needed, creates a temp data dir (for PostgreSQL also a fresh database on 127.0.0.1:5432 as user
# postgres, dropped afterwards), seeds 1,000 users and 100,000 requests with a known password, starts a simulated
# Plex and the headless server (java -Xmx512m -jar embedded-server/target/medianest-server.jar serve), signs every
# virtual user in as the busiest seeded user, and runs the load generator: ramp-up, sustain, then a 30 s
# reference phase on /health with the same users and think time. The server logs its GCs (-Xlog:gc); 5 s before
# minute 3 and minute 11 of the run a full GC is requested (jcmd GC.run), and the heap after GC reported for each
# is the lowest heap-after-GC of the GCs in the minute before it: the live set at that point. The JSON and HTML
# reports and the table go to docs/loadtest/strategy-<db>-think<think>.{json,html,md}.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

db=h2; think=1s; duration=10m; ramp=2m; users=20; outdir=docs/loadtest; mix=""
while (($#)); do
    case "$1" in
        h2|postgresql) db=$1; shift ;;
        --think) think=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --ramp) ramp=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        --mix) mix=$2; shift 2 ;;
        --out-dir) outdir=$2; shift 2 ;;
        --keep) BENCH_KEEP=1; shift ;;
        *) bench_fail "unknown argument $1 (see the header of $0)" ;;
    esac
done
seconds() {   # 10m, 90s, 1m30s, 0 -> seconds
    local text=$1 total=0 n
    [[ $text =~ ^[0-9]+$ ]] && { echo "$text"; return; }
    while [[ $text =~ ^([0-9]+)(h|m|s|ms)(.*)$ ]]; do
        n=${BASH_REMATCH[1]}
        case ${BASH_REMATCH[2]} in h) total=$((total + n * 3600)) ;; m) total=$((total + n * 60)) ;;
            s) total=$((total + n)) ;; ms) ;; esac
        text=${BASH_REMATCH[3]}
    done
    [[ -z $text ]] || bench_fail "cannot read the duration '$1'"
    echo "$total"
}
main_seconds=$(( $(seconds "$ramp") + $(seconds "$duration") ))
think_label=${think//[^0-9a-z]/}
name="strategy-$db-think$think_label"
mkdir -p "$outdir"
json=$outdir/$name.json; html=$outdir/$name.html; table=$outdir/$name.md

bench_java_env
bench_build
BENCH_DIR=$(mktemp -d -t medianest-e2e.XXXXXX)
trap bench_cleanup EXIT
export MEDIANEST_LOADTEST_PASSWORD="e2e-bench-$(date +%s)"   # every seeded user's password (temp data only)

bench_database "$db"
bench_log "seeding 1,000 users and 100,000 requests on $db"
seed_start=$(date +%s)
bench_seed 1000 100000 "$MEDIANEST_LOADTEST_PASSWORD"
seed_seconds=$(( $(date +%s) - seed_start ))
user=$(bench_busiest_user user)
admin=$(bench_busiest_user admin)
[[ -n $user && -n $admin ]] || bench_fail "no seeded user or admin found"
bench_start_fake_plex
bench_start_server "-Xmx512m -Xlog:gc:file=$BENCH_DIR/gc.log:uptime"
admin_token=$(bench_login "$admin" "$MEDIANEST_LOADTEST_PASSWORD")

metrics() {
    curl -fs -H "Authorization: Bearer $admin_token" "$BENCH_URL/api/v1/performance/metrics" 2>/dev/null || echo '{}'
}
metrics > "$BENCH_DIR/metrics-before.json"

# Heap after GC in minute 3 and minute 11 of the run (or at 25% and 90% of a shorter run), from the GC log.
if ((main_seconds >= 690)); then samples=(180 660); else samples=($((main_seconds / 4)) $((main_seconds * 9 / 10))); fi
load_start=$(jcmd "$BENCH_SERVER_PID" VM.uptime | awk 'NR == 2 { print $1 }')

targets=(--target-p99 5ms)
[[ $(seconds "$think") == 0 && $think != *ms ]] && targets=(--target-p95 10ms --target-p99 25ms)
args=(--url "$BENCH_URL" --preset strategy --users "$users" --ramp "$ramp" --duration "$duration" --think "$think"
      --username "$user" --reference /health --reference-duration 30s --quiet --out "$json" --html "$html"
      "${targets[@]}")
[[ -n $mix ]] && args+=(--mix "$mix")
bench_log "running $ramp ramp-up + $duration sustained + 30s reference, think $think, $users users as $user"
# A full GC 5 s before each sample point (jcmd GC.run), so "heap after GC" is the live set there, not whatever old
# garbage a young collection happened to leave: two pauses of a few tens of ms in the whole run.
load_wall=$(date +%s)
( for s in "${samples[@]}"; do
      wait_s=$(( load_wall + s - 5 - $(date +%s) ))
      ((wait_s > 0)) && sleep "$wait_s"
      jcmd "$BENCH_SERVER_PID" GC.run > /dev/null 2>&1 || true
  done ) &
gc_pid=$!
set +e
java -jar "$LOADTEST_JAR" "${args[@]}" > "$BENCH_DIR/loadtest.out" 2>&1
code=$?
set -e
kill "$gc_pid" 2>/dev/null || true
metrics > "$BENCH_DIR/metrics-after.json"
[[ -f $json ]] || { cat "$BENCH_DIR/loadtest.out" >&2; bench_fail "the load test wrote no report"; }

heap() {   # sample second -> lowest heap after GC (MB) in the minute before it, else after the last GC before it
    awk -v to="$(awk -v a="$load_start" -v b="$1" 'BEGIN { print a + b }')" -v from="$load_start" '
        /Pause (Young|Full)/ && match($0, /[0-9]+M->[0-9]+M/) {
            t = substr($1, 2) + 0; split(substr($0, RSTART, RLENGTH), m, "->"); after = m[2] + 0
            if (t <= to) { last = after; if (t > to - 60 && t > from && (min == "" || after < min)) min = after }
        }
        END { v = min != "" ? min : last; if (v == "") print "n/a"; else print v }' "$BENCH_DIR/gc.log"
}
heap_label() { if ((samples[1] >= 120)); then echo "minute $((samples[0] / 60)) / minute $((samples[1] / 60))";
    else echo "${samples[0]} s / ${samples[1]} s"; fi; }
heap_row() {
    local a b
    a=$(heap "${samples[0]}"); b=$(heap "${samples[1]}")
    if [[ $a == n/a || $b == n/a ]]; then echo "$a / $b"
    else awk -v a="$a" -v b="$b" 'BEGIN { printf "%d MB / %d MB: %+.1f%%", a, b, (b / a - 1) * 100 }'; fi
}
# Cache hit rate of the data caches over the run, from the server's metrics (hits and misses counted by it).
cache_hit_rate() {
    jq -rn --slurpfile before "$BENCH_DIR/metrics-before.json" --slurpfile after "$BENCH_DIR/metrics-after.json" '
        def caches(m): m.data.caches.caches // [];
        [caches($after[0])[] as $a | (caches($before[0])[] | select(.name == $a.name)) as $b
         | {name: $a.name, hits: (($a.hits // 0) - ($b.hits // 0)), misses: (($a.misses // 0) - ($b.misses // 0))}
         | select(.hits + .misses > 0)] as $rows
        | if ($rows | length) == 0 then "n/a (the server exposes no cache metrics)"
          else ($rows | map("\(.name) \(.hits * 1000 / (.hits + .misses) | round / 10)%") | join(", "))
               + "; all " + (([$rows[].hits] | add) * 1000 / (([$rows[].hits] | add) + ([$rows[].misses] | add))
               | round / 10 | tostring) + "%" end' 2>/dev/null || echo "n/a"
}

{
    jq -r --arg db "$db" --arg seed "$seed_seconds" '
        def ms: . * 100 | round / 100;
        def d: ltrimstr("PT") | ascii_downcase;
        def row(n; e): "| \(n) | \(e.requests) | \(e.throughputRps * 10 | round / 10) | \(e.errors) | "
            + "\(e.responseTime.p50Ms | ms) | \(e.responseTime.p95Ms | ms) | \(e.responseTime.p99Ms | ms) | "
            + "\(e.responseTime.maxMs | ms) |";
        "MediaNest end to end on \($db) (seeded 1,000 users / 100,000 requests in \($seed) s): "
        + "\(.settings.users) users, ramp \(.settings.rampUp | d), sustain \(.settings.sustain | d), think "
        + "\(.settings.thinkTime | d), client \(.settings.transport); response times corrected for coordinated omission",
        "",
        "| endpoint | requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
        (.endpoints[] | row(.endpoint; .)),
        row("**all (strategy mix)**"; .overall),
        (.baselineRatio as $r | if $r == null then empty else
            "| \($r.referencePath) (bare route, same run) | \($r.referenceResponseTime.count) | "
            + "\($r.referenceThroughputRps * 10 | round / 10) | \($r.referenceErrorRate * $r.referenceResponseTime.count | round) | "
            + "\($r.referenceResponseTime.p50Ms | ms) | \($r.referenceResponseTime.p95Ms | ms) | "
            + "\($r.referenceResponseTime.p99Ms | ms) | \($r.referenceResponseTime.maxMs | ms) |" end),
        "| throughput ratio mix / bare (sustain) | \(.baselineRatio.throughputRatio * 1000 | round / 1000) | | | | | | |"'\
        "$json"
    echo "| heap after GC, $(heap_label) | $(heap_row) | | | | | | |"
    echo "| cache hit rate (cached endpoints) | $(cache_hit_rate) | | | | | | |"
    jq -r '"| verdict | \(if .verdict.passed then "PASSED" else "FAILED: " + ([.verdict.checks[] | select(.passed | not) | .name] | join(", ")) end) | | | | | | |"' "$json"
} | tee "$table"
bench_log "reports: $json, $html, $table"
exit "$code"
